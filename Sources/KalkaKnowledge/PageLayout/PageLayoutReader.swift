import KalkaText

/// Reads page layouts: built once per dictionary store (`shared`), shared by the rules (a class:
/// the layout builder and four rules hold it, and a reference is one word to copy).
public final class PageLayoutReader: Sendable {
    enum WordClass: String, CaseIterable {
        case month, weekday, clock, zone, dateword, relative, share, counter, tally, countpart, caption, credit, profession, site, widget, listing, tld
    }

    /// Dictionaries/phrases/boilerplate.tsv then Dictionaries/phrases/chrome-labels.tsv, in one
    /// matcher: a row below `labelStart` is a phrase, from there on a whole-line label.
    let matcher: PhraseMatcher
    package let phrases: [String]
    package let kinds: [String]
    let labelStart: Int
    /// Per row: a label that is also an ordinary subheading ("Details"), chrome only among chrome.
    let needsChrome: [Bool]
    private let vocabulary: WordClassMap
    private let functionWords: WordSet
    /// Words that have an English reading in the sentence model's word list (not names).
    private let englishWords: EnglishWords

    private static let built = StoreFact<PageLayoutReader>()

    public static func shared(_ dictionaries: DictionaryStore) throws -> PageLayoutReader {
        try dictionaries.derived(built) { try PageLayoutReader(dictionaries: dictionaries) }
    }

    init(dictionaries: DictionaryStore) throws {
        let table = try PhraseTable.of(dictionaries, "phrases/boilerplate.tsv")
        let labels = try PhraseTable(file: dictionaries.file("phrases/chrome-labels.tsv"))
        phrases = table.entries.map(\.phrase) + labels.entries.map(\.phrase)
        kinds = try table.required("kind") + labels.required("kind")
        labelStart = table.entries.count
        var needsChrome = Array(repeating: false, count: table.entries.count)
        for entry in labels.entries {
            switch entry["standing"] {
            case "", "alone": needsChrome.append(false)
            case "among-chrome": needsChrome.append(true)
            case let other: throw DictionaryError(path: labels.path, line: entry.row.line, message: "standing must be alone or among-chrome, not '\(other)'")
            }
        }
        self.needsChrome = needsChrome
        matcher = try PhraseMatcher(phrases)
        let words = try dictionaries.file("phrases/page-chrome-words.tsv")
        var entries: [(UInt64, WordClass)] = []
        for row in words.rows {
            guard let wordClass = WordClass(rawValue: row[1]) else {
                throw DictionaryError(path: words.path, line: row.line, message: "unknown class '\(row[1])'")
            }
            entries.append((FoldedHash.of(row[0]), wordClass))
        }
        vocabulary = WordClassMap(entries)
        functionWords = try dictionaries.words("english/function-words.txt")
        // Words with an English reading: the list's class X (names, foreign words) left out.
        if let table = dictionaries.englishWordTable {
            englishWords = EnglishWords(ready: table)
        } else {
            englishWords = EnglishWords(parsed: HashSet64(try dictionaries.file("english/word-classes.tsv").rows.filter { $0[1] != "X" }.map { FoldedHash.of($0[0]) }))
        }
    }

    private static let documentLayout = DocumentFact<PageLayout>()

    /// The layout of `analysis`, computed by the first rule that asks.
    public func layout(of analysis: Analysis) -> PageLayout {
        analysis.fact(Self.documentLayout) { LayoutBuilder(reader: self, analysis: analysis).build() }
    }

    func wordClass(_ token: Token) -> WordClass? { vocabulary.lookup(token.foldedHash) }
    func isFunctionWord(_ token: Token) -> Bool { functionWords.contains(token) }
    func isEnglishWord(_ token: Token) -> Bool { englishWords.contains(token.foldedHash) }
}

extension PageLayoutReader {
    func vocabularyClass(_ hash: UInt64) -> WordClass? { vocabulary.lookup(hash) }
    /// The vocabulary, for a loop that looks up every token (`WordClassMap.classBit` inlined).
    var classBits: WordClassMap { vocabulary }
}

/// The words of the English word list with a class other than X: the build's table asked in
/// place, or a set built from the parsed text.
private struct EnglishWords: Sendable {
    private let ready: EnglishWordTable?
    /// The ready table's class index of X (none: -1).
    private let withoutReading: Int
    private let parsed: HashSet64?

    init(ready: EnglishWordTable) {
        self.ready = ready
        withoutReading = ready.labels.firstIndex(of: "X") ?? -1
        parsed = nil
    }

    init(parsed: HashSet64) {
        ready = nil
        withoutReading = -1
        self.parsed = parsed
    }

    func contains(_ hash: UInt64) -> Bool {
        if let ready {
            guard let value = ready.value(hash) else { return false }
            return Int(value & ~EnglishWordTable.finiteFlag) != withoutReading
        }
        return parsed.unsafelyUnwrapped.contains(hash)
    }
}

/// Word hash to word class, open addressing (a `Dictionary` would hash every lookup again).
struct WordClassMap: Sendable {
    private let keys: [UInt64]
    private let values: [UInt8]
    private let mask: Int
    /// `allCases` is built anew on each use; this is built once.
    private static let classes = PageLayoutReader.WordClass.allCases

    init(_ entries: [(UInt64, PageLayoutReader.WordClass)]) {
        var capacity = 8
        while capacity < entries.count * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var values = [UInt8](repeating: 0, count: capacity)
        let classes = PageLayoutReader.WordClass.allCases
        for (key, wordClass) in entries where key != 0 {
            var index = Int(truncatingIfNeeded: key ^ (key >> 29)) & (capacity - 1)
            while keys[index] != 0 && keys[index] != key { index = (index + 1) & (capacity - 1) }
            keys[index] = key
            values[index] = UInt8(classes.firstIndex(of: wordClass)!)
        }
        self.keys = keys
        self.values = values
        mask = capacity - 1
    }

    @inline(__always)
    func lookup(_ key: UInt64) -> PageLayoutReader.WordClass? {
        guard let slot = slot(of: key) else { return nil }
        return Self.classes[Int(values[slot])]
    }

    /// The words of the classes whose bits are set in `classes`.
    func hashes(inClasses classes: UInt32) -> [UInt64] {
        keys.indices.filter { values[$0] < 32 && classes & 1 << UInt32(values[$0]) != 0 && keys[$0] != 0 }.map { keys[$0] }
    }

    /// The class as one bit (`1 << index` in `WordClass.allCases`), 0 for none: a line ORs
    /// these to learn which classes it holds without asking again per test.
    @inline(__always)
    func classBit(_ key: UInt64) -> UInt32 {
        guard let slot = slot(of: key) else { return 0 }
        return 1 << UInt32(values[slot])
    }

    @inline(__always)
    private func slot(of key: UInt64) -> Int? {
        var index = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while true {
            let slot = keys[index]
            if slot == key { return index }
            if slot == 0 { return nil }
            index = (index + 1) & mask
        }
    }
}
