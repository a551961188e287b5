#if canImport(Glibc)
import Glibc
#endif
import KalkaModel
import KalkaText

/// How odd a sentence reads as English: a per-sentence score for ranking sentences in reports and,
/// above a high threshold, for flagging garbled ones (GAR005).
///
/// Every word becomes a class from `english/word-classes.tsv` (each function word its own class;
/// content words a coarse part of speech; capitalised words inside a sentence are names, figures
/// numbers), and a class-bigram model from `english/class-bigrams.tsv` rates each pair of
/// neighbouring classes. A pair is odd by as many bits as it is rarer after its left neighbour
/// than on average (negative pointwise mutual information, with Witten-Bell smoothing), so rare
/// words cost nothing and only unusual sequences count: "them or doesn't", "the with of".
///
/// The score, in bits, adds up:
/// - the two oddest pairs of the sentence (a garbled seam is local; an average would dilute it),
///   each at most `pairCapBits`;
/// - `lowercaseStartBits` for every clause that starts in lower case: the sentence itself, or a
///   run after a full stop inside it ("… extinguished. and the evacuation …"): English never does,
///   and a clause cut loose from its sentence always does (list items, in Markdown and HTML
///   starts after hidden markup, and in plain text a paragraph after one cut mid-sentence aside);
/// - `verblessBits` when a sentence of six words or more, ended by a stop, has no word that can
///   be a finite verb.
public struct SentenceOddity: Sendable {
    /// Bits added for each clause that starts with a lowercase word.
    public static let lowercaseStartBits = 10.0
    /// The most one word pair can add: the model is estimated on dictionary examples, not news,
    /// so a pair it has rarely seen ("Ukraine unless") is weak evidence on its own.
    public static let pairCapBits: Float = 7
    /// Bits added for a full sentence without a finite verb.
    public static let verblessBits = 6.0

    private let words: WordClasses
    /// `oddness[previous * classCount + next]`, in bits, never negative.
    let oddness: [Float]
    private let classCount: Int
    /// The class `X` of words WordNet has no reading for: mostly names, foreign words and
    /// abbreviations.
    private let classWithoutReading: UInt16
    /// Class labels by id ("NNS", "JJ", "VB"…), for rules that ask what a word can be.
    private let labels: [String]

    /// Special classes, fixed ids; the data files' classes follow.
    private enum Special: UInt16, CaseIterable {
        case start, end, name, number, possessive, unknown, breakMark
        var label: String {
            switch self {
            case .start: "<s>"
            case .end: "</s>"
            case .name: "NAME"
            case .number: "NUM"
            case .possessive: "POSS"
            case .unknown: "UNK"
            case .breakMark: "BREAK"
            }
        }
    }

    private static let built = StoreFact<SentenceOddity>()

    /// The model built from the built-in dictionaries, once per store.
    public static func shared(_ dictionaries: DictionaryStore) throws -> SentenceOddity {
        try dictionaries.derived(built) { try SentenceOddity(dictionaries: dictionaries) }
    }

    public init(dictionaries: DictionaryStore) throws(DictionaryError) {
        var ids: [String: UInt16] = [:]
        for special in Special.allCases { ids[special.label] = special.rawValue }
        func id(_ label: String) -> UInt16 {
            if let id = ids[label] { return id }
            let id = UInt16(ids.count)
            ids[label] = id
            return id
        }
        // Ids in order of first appearance, bigrams first: the ready forms list their classes in
        // that order, so either source gives every class the same id.
        var pairs: [(UInt16, UInt16, Double)] = []
        let readyBigrams = EmbeddedDictionaries.classBigrams != nil && dictionaries.holdsBuiltInText(PrecomputedDictionaries.classBigramsPath)
        let readyWords = dictionaries.englishWordTable
        if readyBigrams, let labels = EmbeddedDictionaries.classBigrams?.labels {
            // The pairs' rows are decoded only if the oddness must be worked out (below).
            for label in labels { _ = id(label) }
        } else {
            pairs = try Self.parsedPairs(dictionaries, id)
        }
        var entries: [(UInt64, UInt16)] = []
        if let readyWords {
            // The table's class indices, as the model numbers them.
            let ids = readyWords.labels.map(id)
            words = WordClasses(ready: readyWords, ids: ids)
        } else {
            let classFile = try dictionaries.file("english/word-classes.tsv")
            entries.reserveCapacity(classFile.rows.count)
            for row in classFile.rows {
                let finite: UInt16 = row[2] == "y" ? WordClasses.finiteFlag : 0
                entries.append((FoldedHash.of(row[0]), id(row[1]) | finite))
            }
            words = WordClasses(table: WordClassTable(entries))
        }
        // Below the flag, and never `noEntry` (all bits set) with the flag added.
        guard ids.count < Int(WordClasses.finiteFlag) - 1 else {
            throw DictionaryError(path: "english/word-classes.tsv", line: 0, message: "too many word classes")
        }
        classWithoutReading = id("X")
        var labels = [String](repeating: "", count: ids.count)
        for (label, id) in ids { labels[Int(id)] = label }
        self.labels = labels
        classCount = ids.count
        // From the built-in tables, the build's table (if it numbered the classes as here).
        if readyBigrams && readyWords != nil, let ready = PrecomputedDictionaries.builtInSentenceOddness,
           ready.labels == labels, ready.cap == Self.pairCapBits, ready.values.count == classCount * classCount {
            oddness = ready.values
        } else {
            if readyBigrams, let bigrams = PrecomputedDictionaries.builtInClassBigrams {
                // Numbered as above: the bigrams' labels came first.
                let ids = bigrams.labels.map(id)
                pairs = bigrams.rows.map { (ids[Int($0.previous)], ids[Int($0.next)], $0.count) }
            }
            oddness = Self.oddness(pairs, classCount: classCount)
        }
    }

    /// english/class-bigrams.tsv parsed: each pair's classes numbered by `id` and its count.
    private static func parsedPairs(_ dictionaries: DictionaryStore, _ id: (String) -> UInt16) throws(DictionaryError) -> [(UInt16, UInt16, Double)] {
        var pairs: [(UInt16, UInt16, Double)] = []
        let bigramFile = try dictionaries.file("english/class-bigrams.tsv")
        for row in bigramFile.rows {
            let labels = row[0].split(separator: " ")
            guard labels.count == 2, let count = Double(row[1]), count > 0 else {
                throw DictionaryError(path: bigramFile.path, line: row.line, message: "expected 'previous next<TAB>count'")
            }
            pairs.append((id(String(labels[0])), id(String(labels[1])), count))
        }
        return pairs
    }

    /// What a lowercase word can be, from the word-class table: its decisive class ("NNS", "JJ",
    /// "NN+VB", or the word itself for a function word) and whether one reading is a finite verb;
    /// nil for a word the table lacks.
    public func lexicalClass(_ token: Token) -> (label: String, canBeFiniteVerb: Bool)? {
        guard token.kind == .word, let entry = words.lookup(token.foldedHash) else { return nil }
        return (labels[Int(entry & ~WordClasses.finiteFlag)], entry & WordClasses.finiteFlag != 0)
    }

    /// Witten-Bell smoothed bigram probabilities against add-one unigram ones, as bits of oddness.
    /// The embed plugin repeats this, operation for operation, to lay the table out at build time
    /// (`ReadyOddness.oddness`: a plugin cannot import the library); change both together — a
    /// test compares the two tables bit for bit (kalka computes its own if the classes or the cap
    /// come out numbered otherwise).
    private static func oddness(_ pairs: [(UInt16, UInt16, Double)], classCount: Int) -> [Float] {
        var counts = [Double](repeating: 0, count: classCount * classCount)
        var unigram = [Double](repeating: 0, count: classCount)
        var outgoing = [Double](repeating: 0, count: classCount)
        var successors = [Double](repeating: 0, count: classCount)
        for (previous, next, count) in pairs {
            counts[Int(previous) * classCount + Int(next)] += count
            unigram[Int(next)] += count
            outgoing[Int(previous)] += count
            successors[Int(previous)] += 1
        }
        let total = unigram.reduce(0, +)
        let background = unigram.map { ($0 + 1) / (total + Double(classCount)) }
        var oddness = [Float](repeating: 0, count: classCount * classCount)
        for previous in 0..<classCount {
            for next in 0..<classCount {
                let n = outgoing[previous], types = successors[previous]
                let conditional = n == 0 ? background[next]
                    : (counts[previous * classCount + next] + types * background[next]) / (n + types)
                oddness[previous * classCount + next] = min(pairCapBits, Float(max(0, log2(background[next] / conditional))))
            }
        }
        return oddness
    }

    // One per model, not per type: a house model may number its classes otherwise, and its
    // entries and scores must never be read by another model scoring the same analysis.
    private let documentScores = DocumentFact<[SentenceScore]>()
    private let documentEntries = DocumentFact<[UInt16]>()
    /// A token's entry when the word table has none (and a space's).
    private static let noEntry: UInt16 = 0xFFFF

    /// Every sentence's score, computed once per analysis and shared.
    public func scores(_ analysis: Analysis) -> [SentenceScore] {
        analysis.fact(documentScores) {
            let entries = entries(analysis)
            return analysis.sentences.indices.map { score(sentence: $0, in: analysis, entries: entries) }
        }
    }

    /// Every token's word-table entry (class id and `finiteFlag`, `noEntry` for none), looked up
    /// once per distinct word of the document (through its `WordIndex`) and shared (each lookup
    /// is a step for `WorkCounter`).
    func entries(_ analysis: Analysis) -> [UInt16] {
        analysis.fact(documentEntries) {
            WordIndex.of(analysis).valuesByToken(absent: Self.noEntry) { hash in
                WorkCounter.count(1)
                return words.lookup(hash) ?? Self.noEntry
            }
        }
    }

    /// The score of sentence `index` of `analysis`.
    public func score(sentence index: Int, in analysis: Analysis) -> SentenceScore {
        score(sentence: index, in: analysis, entries: entries(analysis))
    }

    private func score(sentence index: Int, in analysis: Analysis, entries: [UInt16]) -> SentenceScore {
        let sentence = analysis.sentences[index]
        precondition(entries.count == analysis.tokens.count && sentence.tokens.upperBound <= entries.count)
        // Through the buffers: no bounds check or retain per token (positions come from the
        // sentence's own token range; `entries` and the classes have one value per token and pair).
        return analysis.tokens.withUnsafeBufferPointer { tokens in entries.withUnsafeBufferPointer { entries in oddness.withUnsafeBufferPointer { oddness in
            var previous = Special.start.rawValue
            var previousToken: Int? = nil
            var oddest: Float = 0, secondOddest: Float = 0
            var oddestPair: Range<Int>? = nil
            var pendingBreak: Int? = nil
            var lowercaseStarts = 0
            var wordCount = 0
            var hasFinite = false
            var atClauseStart = true
            /// The first token of the current clause: the sentence's, or the one after a stop inside it.
            var clauseOpening = sentence.tokens.lowerBound
            var listItem = false

            func step(_ next: UInt16, _ token: Int?) {
                let bits = oddness[Int(previous) * classCount + Int(next)]
                if bits > oddest {
                    secondOddest = oddest
                    oddest = bits
                    if let from = previousToken ?? token, let to = token ?? previousToken {
                        oddestPair = Int(tokens[from].start)..<Int(tokens[to].end)
                    }
                } else if bits > secondOddest {
                    secondOddest = bits
                }
                previous = next
                previousToken = token
            }
            func word(_ wordClass: UInt16, _ token: Int) {
                // A break counts only between words: never first, last or doubled.
                if let mark = pendingBreak { step(Special.breakMark.rawValue, mark) }
                pendingBreak = nil
                step(wordClass, token)
                wordCount += 1
                atClauseStart = false
            }

            for position in sentence.tokens {
                let token = tokens[position]
                switch token.kind {
                case .space:
                    continue
                case .number:
                    word(Special.number.rawValue, position)
                case .word:
                    if atClauseStart && token.shape == .lower && token.script == .latin && !listItem
                        && isVisibleStart(of: position, clauseOpening: clauseOpening, analysis) { lowercaseStarts += 1 }
                    let entry = entries[position]
                    let (wordClass, finite) = classify(token, entry == Self.noEntry ? nil : entry, clauseStart: atClauseStart, analysis)
                    hasFinite = hasFinite || finite
                    word(wordClass, position)
                case .punctuation, .symbol:
                    if wordCount == 0 {
                        // A bullet, dash or other mark before the first word: a list item or label.
                        if !analysis.isOpeningMark(token) { listItem = true }
                    } else if isBreak(position, analysis) {
                        if previous != Special.start.rawValue { pendingBreak = position }
                    } else if restartsClause(at: position, in: sentence, analysis, entries) {
                        pendingBreak = nil
                        step(Special.end.rawValue, nil)
                        previous = Special.start.rawValue
                        previousToken = nil
                        atClauseStart = true
                        clauseOpening = position + 1
                    }
                }
            }
            step(Special.end.rawValue, nil)

            let verbless = !hasFinite && wordCount >= 6 && endsWithStop(sentence, analysis)
            let score = Double(oddest + secondOddest) + Double(lowercaseStarts) * Self.lowercaseStartBits
                + (verbless ? Self.verblessBits : 0)
            return SentenceScore(sentence: index, range: sentence.range, score: score, oddestPair: oddestPair,
                                 lowercaseStarts: lowercaseStarts, isVerbless: verbless)
        } } }
    }

    /// The class of a word token, and whether it can be a finite verb.
    @inline(__always)
    private func classify(_ token: Token, _ entry: UInt16?, clauseStart: Bool, _ analysis: Analysis) -> (UInt16, Bool) {
        guard token.script == .latin else { return (Special.name.rawValue, false) }
        switch token.shape {
        case .lower:
            if let entry { return (entry & ~WordClasses.finiteFlag, entry & WordClasses.finiteFlag != 0) }
            return ((analysis.possessiveBase(of: token) != nil ? Special.possessive : Special.unknown).rawValue, false)
        case .title:
            // "I" is the pronoun; a capital elsewhere than at a clause's start marks a name.
            if token.length == 1 && analysis.prose[Int(token.start)] == 0x49, let entry { return (entry & ~WordClasses.finiteFlag, false) }
            if clauseStart, let entry { return (entry & ~WordClasses.finiteFlag, entry & WordClasses.finiteFlag != 0) }
            return (Special.name.rawValue, false)
        case .upper, .mixed, .uncased:
            return (Special.name.rawValue, false)
        }
    }

    /// Whether the word at `position` visibly starts the clause opening at `clauseOpening`. Plain
    /// text shows everything; in Markdown and HTML a list marker, a code span or a tag the prose
    /// leaves out may stand before it ("- **doubled words**", "`kalka bench` prints"), so there
    /// the stop before the clause and the word must lie in one verbatim stretch of the source,
    /// and a clause that opens a paragraph never counts. In plain text, a paragraph that opens in
    /// lower case after one that stopped mid-sentence (on a word, a figure, a comma) is a line
    /// of text wrapped with blank lines between (copy from a PDF or an old web page): the layout
    /// cut the sentence, not the writer.
    private func isVisibleStart(of position: Int, clauseOpening: Int, _ analysis: Analysis) -> Bool {
        if analysis.document.format == .plain { return !followsParagraphCutMidSentence(clauseOpening, analysis) }
        guard let before = analysis.previousNonSpace(before: clauseOpening) else { return false }
        return analysis.isOneSourceLine(Int(analysis.tokens[before].start)..<Int(analysis.tokens[position].end))
    }

    /// Whether a paragraph break stands before `opening` and the text before it ends on a word,
    /// a figure, a comma or a semicolon.
    private func followsParagraphCutMidSentence(_ opening: Int, _ analysis: Analysis) -> Bool {
        var crossedBreak = false
        var previous = opening - 1
        while previous >= 0 {
            let token = analysis.tokens[previous]
            if token.isParagraphBreak { crossedBreak = true }
            if token.kind != .space { break }
            previous -= 1
        }
        guard crossedBreak, previous >= 0 else { return false }
        let token = analysis.tokens[previous]
        switch token.kind {
        case .word, .number: return true
        case .punctuation: return token.length == 1 && (analysis.prose[Int(token.start)] == 0x2C || analysis.prose[Int(token.start)] == 0x3B)
        default: return false
        }
    }

    /// "," ";" ":" and dashes: a spaced hyphen, an en or em dash.
    private func isBreak(_ position: Int, _ analysis: Analysis) -> Bool {
        let token = analysis.tokens[position]
        let start = Int(token.start)
        if token.length == 1 {
            switch analysis.prose[start] {
            case 0x2C, 0x3B, 0x3A: return true
            case 0x2D:
                return position > 0 && analysis.tokens[position - 1].kind == .space
                    && position + 1 < analysis.tokens.count && analysis.tokens[position + 1].kind == .space
            default: return false
            }
        }
        return token.length == 3 && analysis.prose[start] == 0xE2 && analysis.prose[start + 1] == 0x80
            && (analysis.prose[start + 2] == 0x93 || analysis.prose[start + 2] == 0x94)
    }

    /// A stop inside the sentence followed by a lowercase word ("extinguished. and the"): ICU
    /// keeps such runs in one sentence, but the words after the stop start a clause of their own.
    /// Not after abbreviations: the word before the stop must be a known word of four letters or
    /// more ("approx.", "etc." and initials are not).
    private func restartsClause(at position: Int, in sentence: SentenceSpan, _ analysis: Analysis, _ entries: UnsafeBufferPointer<UInt16>) -> Bool {
        let tokens = analysis.tokens
        guard analysis.isSentenceStop(tokens[position]), position > sentence.tokens.lowerBound,
              position + 2 < sentence.tokens.upperBound, tokens[position + 1].kind == .space else { return false }
        let before = tokens[position - 1], after = tokens[position + 2]
        guard after.kind == .word, after.shape == .lower, before.kind == .word, before.length >= 4,
              !analysis.containsFullStop(before) else { return false }
        let entry = entries[position - 1]
        guard entry != Self.noEntry else { return false }
        return entry & ~WordClasses.finiteFlag != classWithoutReading
    }

    /// True when the sentence's last mark, closing quotes and brackets aside, is . ! or ?.
    private func endsWithStop(_ sentence: SentenceSpan, _ analysis: Analysis) -> Bool {
        var position = sentence.tokens.upperBound - 1
        while position >= sentence.tokens.lowerBound {
            let token = analysis.tokens[position]
            if token.kind == .space || analysis.isClosingMark(token) { position -= 1; continue }
            return analysis.isSentenceStop(token)
        }
        return false
    }
}

/// One sentence's oddity.
public struct SentenceScore: Sendable, Equatable {
    /// The index into `Analysis.sentences`.
    public let sentence: Int
    /// The sentence's prose bytes.
    public let range: Range<Int>
    /// Bits of oddity (see `SentenceOddity`); 0 for a sentence that reads as plain English.
    public let score: Double
    /// Prose bytes of the two words forming the oddest pair, for pointing at it.
    public let oddestPair: Range<Int>?
    /// Clauses that start with a lowercase word.
    public let lowercaseStarts: Int
    /// A full sentence without a word that can be a finite verb.
    public let isVerbless: Bool
}

/// The model's class of a word hash (with `finiteFlag`): from the build's table, read in place,
/// its class indices mapped to the model's ids; or from a table built from parsed text.
private struct WordClasses: Sendable {
    /// Set in a class id when the word can be a finite verb.
    static let finiteFlag: UInt16 = 0x8000
    private let ready: ReadyWordSlots?
    /// The model's id of each class index of the ready table.
    private let ids: [UInt16]
    private let table: WordClassTable?

    init(ready: EnglishWordTable, ids: [UInt16]) {
        self.ready = ready.slots
        self.ids = ids
        table = nil
    }

    init(table: WordClassTable) {
        ready = nil
        ids = []
        self.table = table
    }

    @inline(__always)
    func lookup(_ key: UInt64) -> UInt16? {
        if let ready {
            guard let value = ready.value(key) else { return nil }
            return ids.withUnsafeBufferPointer { $0[Int(value & ~Self.finiteFlag)] } | value & Self.finiteFlag
        }
        return table.unsafelyUnwrapped.lookup(key)
    }
}

/// Word hashes to word classes: open addressing, as `HashSet64`, with the class beside the key.
private struct WordClassTable: Sendable {
    private let keys: [UInt64]
    private let values: [UInt16]
    private let mask: Int

    init(_ entries: [(UInt64, UInt16)]) {
        var capacity = 8
        while capacity < entries.count * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var values = [UInt16](repeating: 0, count: capacity)
        for (key, value) in entries where key != 0 {
            var index = Int(truncatingIfNeeded: key ^ (key >> 29)) & (capacity - 1)
            while keys[index] != 0 && keys[index] != key { index = (index + 1) & (capacity - 1) }
            keys[index] = key
            values[index] = value
        }
        self.keys = keys
        self.values = values
        self.mask = capacity - 1
    }

    @inline(__always)
    func lookup(_ key: UInt64) -> UInt16? {
        keys.withUnsafeBufferPointer { keys in
            var index = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
            while true {
                let slot = keys[index]
                if slot == key { return values[index] }
                if slot == 0 { return nil }
                index = (index + 1) & mask
            }
        }
    }
}
