#if canImport(Glibc)
import Glibc
#endif
import KalkaKnowledge
import KalkaModel
import KalkaText

/// UNT003: a Ukrainian or Russian word left in Latin letters ("miskradas", "Poltavshchyna",
/// "vidnovlennia"): by the word parts of Dictionaries/language/transliterated-words.tsv, and,
/// for a lowercase word that is not English, by how much its letters read like a romanized
/// source word (Dictionaries/language/romanized-ngrams.tsv).
public struct TransliteratedWordRule: Rule {
    public static let description = RuleDescription(
        code: "UNT003",
        name: "transliterated-word",
        category: .untranslated,
        severity: .warning,
        summary: "A Ukrainian or Russian word left in Latin letters: “miskradas”, “Poltavshchyna”, “vidnovlennia”.",
        rationale: """
            What machine translation cannot translate it spells out: a fused source word \
            (“miskradas” for міськради, the city councils), a region named after its city \
            (“Poltavshchyna” for the Poltava region), a word with its case ending \
            (“pidpryiemstva”). The reader meets a word no English dictionary has. Two checks: \
            word parts listed in Dictionaries/language/transliterated-words.tsv (stems such as \
            “miskrada”, and the ending “-shchyna” after the name of an oblast centre — not \
            Hutsulshchyna or Makhnovshchina, which English uses), and, for a lowercase word of at \
            least \(Self.minimumLength) letters that is neither among the 40,000 commonest English \
            words nor an inflection or compound of one, its four-letter sequences: their frequency \
            in romanized Ukrainian and Russian words against English words \
            (Dictionaries/language/romanized-ngrams.tsv) must favour the source languages by a \
            clear margin. Capitalized words are names and pass the second check; romanized words \
            English has taken in (hryvnia, hromada, siloviki, titushky, dedovshchina) are listed as \
            established; a word cited on purpose — in quotation marks, glossed (“miskrada (city \
            council)”, “hazing, or dedovshchina”, “city councils, the miskradas,”), introduced \
            (“known in Kyiv as”, “what locals call”) — and web addresses and hashtags are left \
            alone. Each is a weak sign of translation: two of them, or one beside a calque, show \
            that the article was translated.
            """,
        triggering: [
            "Two ⟦miskradas⟧ raised their tariffs in March.",
            "Shelling hit ⟦Poltavshchyna⟧ overnight, the governor said.",
            "The council approved a plan for ⟦vidnovlennia⟧ of schools.",
            "Officials signed the ⟦rozporiadzhennia⟧ on Monday.",
        ],
        nonTriggering: [
            "Kyivteploenergo raised its tariffs by ten hryvnias.",
            "Shelling hit the Poltava region overnight, the oblast governor said.",
            "The council approved a plan for the recovery of schools.",
            "Bedazzled by the lights, the townsfolk applauded the floodlit riverbank's makeover.",
            "Shelling hit the village of zhovtneve and Zhytomyr, see www.example-news.org today.",
            "Makhnovshchina and Hutsulshchyna are old names; pro-Kremlin titushky and siloviki appeared.",
            "Army hazing, known in Russia as dedovshchina, persists; see https://example.org/novyny-rehionu/ or #zradaperemoha.",
        ],
        signalsTranslation: .weak
    )

    static let minimumLength = 6
    /// The mean log ratio per four-gram above which a word reads as romanized Ukrainian or
    /// Russian. Rare English words stay below it (a held-out tenth of wordfreq's English words
    /// ranked 40,000 to 120,000: under 1 % above, and those nearly all names).
    static let threshold = 0.6

    enum Kind: String, Sendable {
        case stem, suffix, region, established
    }

    struct Part: Sendable {
        let form: [UInt8]
        let kind: Kind
        let english: String
        let original: String
    }

    private let parts: [Part]
    /// The region stems by their folded hash, and the endings that may follow them.
    private let regionStems: [UInt64: Int]
    private let regionEndings: [[UInt8]]
    private let established: WordSet
    private let english: WordSet
    /// The store the letter-pattern model is built from on first need.
    private let store: DictionaryStore
    /// Nouns after which a word names a place ("the village of X").
    private let placeNouns: WordSet

    public init(dictionaries: DictionaryStore) throws {
        let file = try dictionaries.file("language/transliterated-words.tsv")
        var parts: [Part] = []
        var established: [String] = []
        var regionStems: [UInt64: Int] = [:]
        var regionEndings: [[UInt8]] = []
        for row in file.rows {
            guard let kind = Kind(rawValue: row[1]) else {
                throw DictionaryError(path: file.path, line: row.line, message: "kind must be stem, suffix, region or established, not '\(row[1])'")
            }
            guard row[0].allSatisfy({ $0.isASCII && $0.isLowercase }) else {
                throw DictionaryError(path: file.path, line: row.line, message: "the form must be lowercase ASCII letters")
            }
            switch kind {
            case .established:
                established += [row[0], row[0] + "s"]
            case .suffix:
                regionEndings.append(Array(row[0].utf8))
            case .stem, .region:
                guard !row[2].isEmpty else { throw DictionaryError(path: file.path, line: row.line, message: "empty column 'english'") }
                if kind == .region { regionStems[FoldedHash.of(row[0])] = parts.count }
                parts.append(Part(form: Array(row[0].utf8), kind: kind, english: row[2], original: row[3]))
            }
        }
        self.parts = parts
        self.regionStems = regionStems
        // The longest ending first: "chchyna" before "chyna".
        self.regionEndings = regionEndings.sorted { $0.count > $1.count }
        self.established = WordSet(established)
        english = try dictionaries.englishWords()
        store = dictionaries
        placeNouns = WordSet(["village", "villages", "town", "towns", "city", "cities", "settlement", "settlements", "hamlet",
                              "district", "districts", "region", "oblast", "raion", "hromada", "community", "river", "station"])
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        for hit in hits(in: analysis) {
            let word = analysis.text(of: hit.range)
            if let index = hit.part {
                let part = parts[index]
                switch part.kind {
                case .region:
                    findings.report(hit.range, "“\(word)” is a region named after its city with a source ending (\(part.original)), left in Latin letters: write “\(part.english)”")
                default:
                    findings.report(hit.range, "“\(word)” is the source word \(part.original) in Latin letters: say “\(part.english)”")
                }
            } else {
                // Found by its letters only: weak evidence, like a listed part (two are needed).
                findings.report(hit.range, "“\(word)” is not an English word and reads as a Ukrainian or Russian word in Latin letters: translate it")
            }
        }
    }

    struct Hit: Sendable {
        var range: Range<Int>
        /// The listed word part, or nil for a word found by its letters.
        var part: Int?
    }

    private static let documentHits = DocumentFact<[Hit]>()

    /// Every transliterated word of the document, found once and shared.
    func hits(in analysis: Analysis) -> [Hit] {
        analysis.fact(Self.documentHits) { findHits(in: analysis) }
    }

    private func findHits(in analysis: Analysis) -> [Hit] {
        var hits: [Hit] = []
        // A store without the model (a test's own) simply has no letter-pattern check.
        var model: RomanizedNgramModel?? = nil
        var mask = AddressMask()
        let english = self.english, established = self.established
        analysis.prose.withUnsafeBufferPointer { prose in
            analysis.tokens.withUnsafeBufferPointer { tokens in
                // The English list and the established words depend on a word's hash alone: each
                // distinct word of the document is looked up once, and only the tokens of words
                // in neither list, long Latin words in lower or title case, are gone through.
                let candidates = WordIndex.of(analysis).tokens(whereHash: { !english.containsHash($0) && !established.containsHash($0) }) {
                    let token = tokens[Int($0)]
                    return token.length >= Self.minimumLength && token.kind == .word && token.script == .latin
                        && (token.shape == .lower || token.shape == .title)
                }
                WorkCounter.count(candidates.count)
                for candidate in candidates {
                    let index = Int(candidate)
                    let token = tokens[index]
                    let shape = token.shape
                    guard Self.isLetters(token, prose), !Self.isInsideAddress(token, prose),
                          !mask.covers(Int(token.start), in: prose) else { continue }
                    if let part = listedPart(token, prose) {
                        if !isCited(index, analysis) { hits.append(Hit(range: token.range, part: part)) }
                        continue
                    }
                    guard shape == .lower, !isEnglishForm(token, prose), !followsPlaceNoun(index, analysis) else { continue }
                    if model == nil { model = .some(try? RomanizedNgramModel.of(store)) }
                    guard let loaded = model ?? nil, loaded.score(prose, token.range) >= Self.threshold, !isCited(index, analysis) else { continue }
                    hits.append(Hit(range: token.range, part: nil))
                }
            }
        }
        return hits
    }

    private static func isLetters(_ token: Token, _ prose: UnsafeBufferPointer<UInt8>) -> Bool {
        for offset in token.range where !prose[offset].isASCIILetter { return false }
        return true
    }

    /// . / @ _ \ # : between letters or figures join a word to an address, handle or file name.
    /// A switch, not a `Set`: asked for every candidate word, and hashing a byte costs more than
    /// the comparisons.
    @inline(__always)
    private static func isJoiner(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2E, 0x2F, 0x40, 0x5F, 0x5C, 0x23, 0x3A: return true
        default: return false
        }
    }

    /// Part of a web address, handle or file name: joined to a letter or figure by . / @ _ \ # :
    /// ("kyiv.example.org"), not a word before a full stop and a quotation mark.
    private static func isInsideAddress(_ token: Token, _ prose: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(token.start), end = Int(token.end)
        if start >= 2, isJoiner(prose[start - 1]), prose[start - 2].isASCIIAlphanumeric { return true }
        if end + 1 < prose.count, isJoiner(prose[end]), prose[end + 1].isASCIIAlphanumeric { return true }
        return false
    }

    private func listedPart(_ token: Token, _ prose: UnsafeBufferPointer<UInt8>) -> Int? {
        let start = Int(token.start), length = token.length
        for index in parts.indices where parts[index].kind == .stem && length >= parts[index].form.count {
            if Self.hasFolded(parts[index].form, at: start, prose) { return index }
        }
        // A region named after an oblast centre: a listed stem and a listed ending.
        for ending in regionEndings where length >= ending.count + 3 {
            let offset = start + length - ending.count
            guard Self.hasFolded(ending, at: offset, prose) else { continue }
            var hash = FoldedHash.offsetBasis
            for position in start..<offset { hash = (hash ^ UInt64(prose[position] | 0x20)) &* FoldedHash.prime }
            if let part = regionStems[hash] { return part }
        }
        return nil
    }

    /// The prose at `offset` spells `form` (lowercase ASCII letters) in any case.
    private static func hasFolded(_ form: [UInt8], at offset: Int, _ prose: UnsafeBufferPointer<UInt8>) -> Bool {
        form.withUnsafeBufferPointer { form in
            for position in form.indices where prose[offset + position] | 0x20 != form[position] { return false }
            return true
        }
    }

    /// Endings of English inflections and derivations, and what the stem ends with instead.
    private static let endings: [(suffix: [UInt8], replacement: [UInt8])] = [
        ("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ied", "y"), ("d", ""), ("ing", ""), ("ing", "e"), ("ly", ""),
        ("ily", "y"), ("er", ""), ("ers", ""), ("est", ""), ("ness", ""), ("ment", ""), ("ments", ""), ("ism", ""), ("ist", ""),
        ("ists", ""), ("ity", ""), ("ize", ""), ("ise", ""), ("ized", ""), ("ised", ""), ("ization", ""), ("isation", ""), ("able", ""),
        ("less", ""), ("ful", ""),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }
    private static let prefixes: [[UInt8]] = [
        "un", "re", "non", "pre", "anti", "over", "under", "counter", "semi", "multi", "post", "co", "de", "dis", "mis", "inter", "sub",
        "super", "self", "out", "mega", "micro", "pro", "geo", "euro", "cyber", "ultra",
    ].map { Array($0.utf8) }
    private static let longestPrefix = prefixes.map(\.count).max()!
    private static let longestEnding = endings.map(\.suffix.count).max()!

    /// An inflection, derivation or compound of English words: "moisturised", "unthreatening",
    /// "floodlit", "townsfolk".
    private func isEnglishForm(_ token: Token, _ prose: UnsafeBufferPointer<UInt8>) -> Bool {
        // Every way below of being English takes at most two words, a prefix and an ending: a
        // longer token is none, and is not tried at every cut (which costs its length squared).
        let longest = english.maximumFoldedLength
        guard token.length <= 2 * longest + Self.longestPrefix + Self.longestEnding + 2 else { return false }
        let word = Array(prose[token.range])
        func known(_ bytes: ArraySlice<UInt8>, _ extra: [UInt8] = []) -> Bool {
            guard bytes.count + extra.count >= 2 else { return false }
            WorkCounter.count(bytes.count)
            var hash = FoldedHash.offsetBasis
            for byte in bytes { hash = (hash ^ UInt64(byte | 0x20)) &* FoldedHash.prime }
            for byte in extra { hash = (hash ^ UInt64(byte)) &* FoldedHash.prime }
            return english.containsHash(hash)
        }
        func stem(_ word: ArraySlice<UInt8>) -> Bool {
            if known(word) { return true }
            for (suffix, replacement) in Self.endings {
                guard word.count > suffix.count + 2, word.suffix(suffix.count).elementsEqual(suffix) else { continue }
                let base = word.dropLast(suffix.count)
                if known(base, replacement) { return true }
                // A doubled consonant before the ending: "outwitting".
                if base.count > 3, base.last == base.dropLast().last, known(base.dropLast()) { return true }
            }
            return false
        }
        let slice = word[...]
        if stem(slice) { return true }
        for prefix in Self.prefixes {
            if word.count > prefix.count + 3, word.starts(with: prefix), stem(word.dropFirst(prefix.count)) { return true }
        }
        // Two English words run together: "floodlit", "riverbank".
        if word.count >= 6 {
            for cut in 3...(word.count - 3) where known(word[..<cut]) && stem(word[cut...]) { return true }
        }
        return false
    }

    /// Words that cite the word after them: "so-called X", "the term X", "call them X".
    private static let citing: Set<String> = ["called", "call", "calls", "calling", "so-called", "term", "terms", "termed", "word", "dubbed",
                                              "dub", "dubs", "nicknamed", "nickname", "slang", "jargon"]
    /// Words that say the word before "as" is a name for something: "known as X", "referred to as X".
    private static let naming: Set<String> = ["known", "referred", "described", "dubbed", "termed", "translated", "transliterated"]
    private static let glossing: Set<String> = ["meaning", "means", "literally", "or", "i.e", "translated", "translates"]

    /// A source word used on purpose: in quotation marks, glossed ("miskrada (city council)",
    /// "hazing, or dedovshchina", "dedovshchina, or hazing", "city councils, the miskradas,"), or
    /// introduced ("known in Russia as", "so-called", "what locals call").
    private func isCited(_ index: Int, _ analysis: Analysis) -> Bool {
        let tokens = analysis.tokens
        func text(_ index: Int) -> String { analysis.text(of: tokens[index]) }
        func isWord(_ index: Int?) -> Bool { index.map { tokens[$0].kind == .word } ?? false }
        func isEnglish(_ index: Int?) -> Bool {
            guard let index else { return false }
            return tokens[index].kind == .word && tokens[index].script == .latin && english.contains(tokens[index])
        }
        let before = analysis.previousNonSpace(before: index), after = analysis.nextNonSpace(after: index)
        if let before, let after, tokens[before].kind == .punctuation, tokens[after].kind == .punctuation,
           CyrillicPlacement.isOpening(text(before)), CyrillicPlacement.isClosing(text(after)) {
            return true
        }
        // X (English), X, meaning …; X, or English.
        if let after, analysis.byte(at: Int(tokens[after].start), is: "("), let word = analysis.nextNonSpace(after: after),
           tokens[word].kind == .word, tokens[word].script == .latin { return true }
        if let after, [",", "—", "–"].contains(text(after)), let word = analysis.nextNonSpace(after: after), isWord(word),
           Self.glossing.contains(text(word).lowercased()) { return true }
        // so-called X, call them X, known in Russia as X.
        var probe = index
        for step in 0..<4 {
            guard let previous = analysis.previousNonSpace(before: probe), isWord(previous) else { break }
            let word = text(previous).lowercased()
            if step < 2, Self.citing.contains(word) { return true }
            if word == "as" {
                var back = previous
                for _ in 0..<4 {
                    guard let earlier = analysis.previousNonSpace(before: back), isWord(earlier) else { break }
                    if Self.naming.contains(text(earlier).lowercased()) { return true }
                    back = earlier
                }
                break
            }
            probe = previous
        }
        guard let before else { return false }
        // English, or X: "army hazing, or dedovshchina".
        if isWord(before), text(before).lowercased() == "or", var gloss = analysis.previousNonSpace(before: before) {
            if text(gloss) == ",", let word = analysis.previousNonSpace(before: gloss) { gloss = word }
            if isEnglish(gloss) { return true }
        }
        // English nouns, the X, …: an apposition set off by commas or dashes.
        var comma = before
        if isWord(comma), ["the", "a", "an"].contains(text(comma).lowercased()), let previous = analysis.previousNonSpace(before: comma) { comma = previous }
        if [",", "—", "–"].contains(text(comma)), isEnglish(analysis.previousNonSpace(before: comma)),
           let after, [",", "—", "–", ")"].contains(text(after)) { return true }
        return false
    }

    /// "the village of zaitseve": a lowercased place name, not a source word.
    private func followsPlaceNoun(_ index: Int, _ analysis: Analysis) -> Bool {
        guard let previous = analysis.previousNonSpace(before: index) else { return false }
        if placeNouns.contains(analysis.tokens[previous]) { return true }
        guard analysis.tokens[previous].kind == .word, analysis.text(of: analysis.tokens[previous]).lowercased() == "of",
              let noun = analysis.previousNonSpace(before: previous) else { return false }
        return placeNouns.contains(analysis.tokens[noun])
    }
}

/// Four-letter sequences of romanized Ukrainian and Russian words against English words, with
/// add-k smoothing: the mean log ratio of a word's sequences says which it reads like.
///
/// Kept compact (sorted keys and the log ratio of each, a few hundred kilobytes) and loaded on
/// first use, so a document without an unknown lowercase word never loads it; from the built-in
/// text, the build has worked the arrays out already (`PrecomputedDictionaries`).
struct RomanizedNgramModel: Sendable {
    static let path = "language/romanized-ngrams.tsv"
    static let smoothing: Float = 0.1
    /// Letters, "^" and "$".
    static let alphabet: Float = 28

    /// Four-grams, sorted, and the log ratio each contributes.
    let grams: [UInt32]
    let gramRatios: [Float]
    /// Three-letter contexts, sorted, and the log ratio of a four-gram never seen after them.
    let contexts: [UInt32]
    let unseenRatios: [Float]

    private static let built = StoreFact<RomanizedNgramModel>()

    static func of(_ store: DictionaryStore) throws -> RomanizedNgramModel {
        try store.derived(built) {
            if store.holdsBuiltInText(path), let ready = PrecomputedDictionaries.builtInRomanizedNgrams {
                return RomanizedNgramModel(grams: ready.grams, gramRatios: ready.gramRatios, contexts: ready.contexts, unseenRatios: ready.unseenRatios)
            }
            return try RomanizedNgramModel(text: store.text(path))
        }
    }

    init(grams: [UInt32], gramRatios: [Float], contexts: [UInt32], unseenRatios: [Float]) {
        self.grams = grams
        self.gramRatios = gramRatios
        self.contexts = contexts
        self.unseenRatios = unseenRatios
    }


    /// Parses the table's rows ("gram<TAB>romanized<TAB>english") straight from its bytes.
    init(text: String) throws(DictionaryError) {
        var rows: [(key: UInt32, source: Float, english: Float)] = []
        var error: DictionaryError? = nil
        var text = text
        text.withUTF8 { bytes in
            for (line, lineNumber) in LineRanges(bytes) {
                let lineStart = line.lowerBound, lineEnd = line.upperBound
                guard lineEnd > lineStart, bytes[lineStart] != 0x23 else { continue } // blank, "#"
                func number(_ from: Int) -> (Float, Int)? {
                    var value = 0, index = from
                    while index < lineEnd, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                        value = value * 10 + Int(bytes[index] - 0x30)
                        index += 1
                    }
                    return index > from ? (Float(value), index) : nil
                }
                guard lineEnd - lineStart > 6, bytes[lineStart + 4] == 0x09, let (source, tab) = number(lineStart + 5),
                      tab < lineEnd, bytes[tab] == 0x09, let (english, end) = number(tab + 1), end == lineEnd else {
                    error = DictionaryError(path: Self.path, line: lineNumber, message: "expected a four-letter gram and two counts")
                    return
                }
                rows.append((Self.key(bytes[lineStart], bytes[lineStart + 1], bytes[lineStart + 2], bytes[lineStart + 3]), source, english))
            }
        }
        if let error { throw error }
        rows.sort { $0.key < $1.key }
        var contextSums: [(key: UInt32, source: Float, english: Float)] = []
        for row in rows {
            let context = row.key & 0xFFFF_FF00
            if let last = contextSums.last, last.key == context {
                contextSums[contextSums.count - 1] = (context, last.source + row.source, last.english + row.english)
            } else {
                contextSums.append((context, row.source, row.english))
            }
        }
        let k = Self.smoothing, v = Self.smoothing * Self.alphabet
        var sums: [UInt32: (Float, Float)] = [:]
        for sum in contextSums { sums[sum.key] = (sum.source, sum.english) }
        grams = rows.map(\.key)
        gramRatios = rows.map { row in
            let (source, english) = sums[row.key & 0xFFFF_FF00]!
            return logf((row.source + k) / (source + v)) - logf((row.english + k) / (english + v))
        }
        contexts = contextSums.map(\.key)
        unseenRatios = contextSums.map { logf(k / ($0.source + v)) - logf(k / ($0.english + v)) }
    }

    @inline(__always)
    private static func key(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> UInt32 {
        UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)
    }

    private static func find(_ key: UInt32, in keys: [UInt32]) -> Int? {
        let index = keys.partitionPoint { $0 < key }
        return index < keys.count && keys[index] == key ? index : nil
    }

    /// The mean log ratio (source over English) of the padded word's four-grams, lowercased.
    func score(_ prose: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double {
        var padded: [UInt8] = [0x5E, 0x5E, 0x5E]
        for offset in range { padded.append(prose[offset] | 0x20) }
        padded.append(0x24)
        var total: Float = 0
        let count = padded.count - 3
        for index in 0..<count {
            let key = Self.key(padded[index], padded[index + 1], padded[index + 2], padded[index + 3])
            if let gram = Self.find(key, in: grams) {
                total += gramRatios[gram]
            } else if let context = Self.find(key & 0xFFFF_FF00, in: contexts) {
                total += unseenRatios[context]
            }
            // A context never seen in either list says nothing either way.
        }
        return Double(total / Float(count))
    }
}
