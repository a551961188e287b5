import ICUKit
import KalkaModel
import KalkaText

/// The dictionaries compiled into kalka (from the top-level `Dictionaries/` folder), parsed and
/// validated once per process, plus the word and phrase sets rules build from them.
public final class DictionaryStore: Sendable {
    /// The built-in dictionaries. Each table is parsed and validated on first use (so a run
    /// pays only for the files its rules read), once per process; the tests parse every one.
    public static let builtIn: Result<DictionaryStore, DictionaryError> = .success(DictionaryStore(texts: builtInTexts))

    /// Every built-in file's path (relative to `Dictionaries/`) and text: the readers' own (the
    /// HTML character references) and the rest.
    public static let builtInTexts: [String: String] = EmbeddedDictionaries.files.merging(EmbeddedReaderData.files) { mine, _ in mine }

    /// Table files (not rule files) by path, as text until first read.
    private let texts: [String: String]
    /// Transliteration standards: ICU rule files under `translit/`, kept as text.
    public let ruleFiles: [String: String]
    /// Pattern rules: files under `patterns/` (and a house's own), kept as text until the
    /// pattern rules are built (`PatternRules`).
    public let patternFiles: [String: String]
    /// House style for names (see `Configuration.nameStyle`), read by the name dictionary.
    public let houseStyle: [String: String]
    /// House style for quotes and dashes, read by the typography rules (off by default).
    public let typography: Typography
    /// The house's rows for built-in tables, by table path (see `Configuration.dictionaries`).
    private let extensions: [String: [DictionaryExtension]]
    private let parsed = StoreFacts()
    private static let parsedFile = StoreFact<DictionaryFile>()
    /// The texts this store has parsed, in order: tests count start-up work with it.
    private let parsedLog = ParsedLog()

    /// The built-in rule files (`translit/`).
    private static let builtInRuleFiles = builtInTexts.filter { isRuleFile($0.key) }

    public init(texts: [String: String], houseStyle: [String: String] = [:], typography: Typography = Typography(),
                extensions: [DictionaryExtension] = []) {
        self.houseStyle = houseStyle
        self.typography = typography
        self.extensions = Dictionary(grouping: extensions, by: \.target)
        self.texts = texts.filter { !Self.isRuleFile($0.key) && !Self.isPatternFile($0.key) }
        self.ruleFiles = texts.filter { Self.isRuleFile($0.key) }
        self.patternFiles = texts.filter { Self.isPatternFile($0.key) }
    }

    /// The paths of the table files, sorted.
    public var tablePaths: [String] { texts.keys.sorted() }

    public func file(_ path: String) throws(DictionaryError) -> DictionaryFile {
        guard let text = texts[path] else {
            throw DictionaryError(path: path, line: 0, message: "no such dictionary file")
        }
        do {
            return try parsed.value(Self.parsedFile, path: path) {
                // The built-in text comes ready from the build (`PrecomputedDictionaries`); a
                // house's rows are parsed and merged in as always.
                let builtIn: DictionaryFile
                if text == Self.builtInTexts[path], let ready = PrecomputedDictionaries.builtInTable(path) {
                    builtIn = ready
                } else {
                    parsedLog.append(path)
                    builtIn = try DictionaryFile.parse(path: path, text: text)
                }
                return try (extensions[path] ?? []).reduce(builtIn) { table, extra in
                    parsedLog.append(extra.path)
                    return try table.extended(by: DictionaryFile.parse(path: extra.path, text: extra.text))
                }
            }
        } catch let error as DictionaryError {
            throw error
        } catch {
            throw DictionaryError(path: path, line: 0, message: SystemErrors.plain(error))
        }
    }

    /// A table file's text, unparsed: for generated tables too large to hold as rows, which their
    /// reader parses straight into its own form (house extensions do not apply to them).
    public func text(_ path: String) throws(DictionaryError) -> String {
        guard let text = texts[path] else {
            throw DictionaryError(path: path, line: 0, message: "no such dictionary file")
        }
        return text
    }

    /// The paths of the texts this store has parsed so far, in order: a table's (each once) when
    /// it had no ready form, and each house file extending one.
    package var parsedTablePaths: [String] { parsedLog.paths }

    /// Whether the table at `path` is exactly the built-in text (no house rows added), so that a
    /// form the build derived from that text (`PrecomputedDictionaries`) stands for it.
    package func holdsBuiltInText(_ path: String) -> Bool {
        // Equal strings that share storage compare without reading their bytes.
        extensions[path] == nil && texts[path] != nil && texts[path] == Self.builtInTexts[path]
    }

    /// Whether the transliteration rule files are exactly the built-in ones.
    package var holdsBuiltInRuleFiles: Bool { ruleFiles == Self.builtInRuleFiles }

    /// Parses every table: what loading all at once would have found wrong.
    public func validateAll() throws(DictionaryError) {
        for path in tablePaths { _ = try file(path) }
        do {
            _ = try PatternRules.of(self)
        } catch let error as DictionaryError {
            throw error
        } catch {
            throw DictionaryError(path: "patterns/", line: 0, message: SystemErrors.plain(error))
        }
    }

    /// Files under `translit/` are ICU transliterator rules, not tables.
    public static func isRuleFile(_ path: String) -> Bool { path.hasPrefix("translit/") }

    /// Files under `patterns/` are pattern rules, not tables.
    public static func isPatternFile(_ path: String) -> Bool { path.hasPrefix("patterns/") }

    /// The key prefix of a house's pattern file among the store's texts (the file's own path follows).
    public static let housePatternPrefix = "patterns/house:"

    /// Knowledge built from the files once per store and shared by every rule that needs it
    /// (the name dictionary, for one, feeds several rules).
    private let derived = StoreFacts()

    public func derived<Value: Sendable>(_ fact: StoreFact<Value>, _ build: () throws -> Value) throws -> Value {
        try derived.value(fact, path: "", build)
    }

    /// The value of `fact` for the table at `path` (one key for the phrase table of every file).
    public func derived<Value: Sendable>(_ fact: StoreFact<Value>, path: String, _ build: () throws -> Value) throws -> Value {
        try derived.value(fact, path: path, build)
    }

    /// The first column of a file as a set of single words.
    public func words(_ path: String) throws(DictionaryError) -> WordSet {
        WordSet(try file(path).rows.map { $0[0] })
    }

    /// Every word of the English word list (`english/word-classes.tsv`: the 40,000 commonest
    /// words and the function words), names and foreign words among them, built once per store.
    public func englishWords() throws -> WordSet {
        try derived(Self.englishWordSet) {
            if let table = englishWordTable { return WordSet(table) }
            return WordSet(try file("english/word-classes.tsv").rows.map { $0[0] })
        }
    }

    private static let englishWordSet = StoreFact<WordSet>()

    /// The first column of a file as a set of token sequences.
    public func phrases(_ path: String) throws(DictionaryError) -> PhraseSet {
        let file = try file(path)
        do {
            return try PhraseSet(file.rows.map { $0[0] })
        } catch {
            throw DictionaryError(path: path, line: 0, message: "cannot tokenize phrases: \(SystemErrors.plain(error))")
        }
    }
}

private final class ParsedLog: @unchecked Sendable {
    private let lock = Lock()
    private var logged: [String] = []

    func append(_ path: String) { lock.withLock { logged.append(path) } }
    var paths: [String] { lock.withLock { logged } }
}

/// Words compared case-insensitively by folded hash, without a `String` per lookup.
public struct WordSet: Sendable {
    @usableFromInline let hashes: HashSet64
    /// The English word list read in place, asked instead of `hashes` when set.
    @usableFromInline let readyWords: ReadyWordSlots?
    /// No word of the set folds to more UTF-8 bytes than this (case folding at most triples a
    /// scalar's bytes): a longer run of bytes is in no case one of its words.
    public let maximumFoldedLength: Int

    /// The set of words with these folded hashes, the longest `longestWord` UTF-8 bytes.
    package init(foldedHashes: some Sequence<UInt64>, longestWord: Int) {
        hashes = HashSet64(foldedHashes)
        readyWords = nil
        maximumFoldedLength = 3 * longestWord
    }

    /// Every word of the English word table, which is asked in place (nothing is built).
    package init(_ table: EnglishWordTable) {
        hashes = HashSet64([])
        readyWords = table.slots
        maximumFoldedLength = 3 * table.longestWord
        readyCount = table.count
    }

    public init(_ words: some Sequence<String>) {
        var longest = 0
        hashes = HashSet64(words.map { word in
            longest = max(longest, word.utf8.count)
            return FoldedHash.of(word)
        })
        readyWords = nil
        maximumFoldedLength = 3 * longest
    }

    @inlinable public func contains(_ token: Token) -> Bool { containsHash(token.foldedHash) }
    public func contains(_ word: String) -> Bool { containsHash(FoldedHash.of(word)) }
    @inlinable public func containsHash(_ hash: UInt64) -> Bool {
        if let readyWords { return readyWords.contains(hash) }
        return hashes.contains(hash)
    }
    public var count: Int { readyWords == nil ? hashes.count : readyCount }
    private var readyCount = 0
}

/// A set of 64-bit hashes with open addressing. The keys are already well-mixed hashes, so
/// hashing them again (as `Set` does, with a per-process seed) only costs time on a hot path
/// that looks up every word of every document.
public struct HashSet64: Sendable {
    @usableFromInline let slots: [UInt64]
    @usableFromInline let mask: Int
    /// 0 marks an empty slot; the one key that is 0 is remembered aside.
    @usableFromInline let containsZero: Bool
    public let count: Int

    public init(_ keys: some Sequence<UInt64>) {
        // Duplicates are dropped while probing, not through a `Set` first (twice the work, at
        // start-up, for the 40,000 English words).
        let keys = Array(keys)
        var capacity = 8
        while capacity < keys.count * 2 { capacity <<= 1 }
        var slots = [UInt64](repeating: 0, count: capacity)
        var containsZero = false
        var count = 0
        for key in keys {
            guard key != 0 else {
                if !containsZero { count += 1 }
                containsZero = true
                continue
            }
            var index = Int(truncatingIfNeeded: key ^ (key >> 29)) & (capacity - 1)
            while slots[index] != 0 && slots[index] != key { index = (index + 1) & (capacity - 1) }
            if slots[index] == 0 { count += 1 }
            slots[index] = key
        }
        self.slots = slots
        self.mask = capacity - 1
        self.containsZero = containsZero
        self.count = count
    }

    @inlinable @inline(__always)
    public func contains(_ key: UInt64) -> Bool {
        if key == 0 { return containsZero }
        return slots.withUnsafeBufferPointer { slots in
            var index = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
            while true {
                let slot = slots[index]
                if slot == key { return true }
                if slot == 0 { return false }
                index = (index + 1) & mask
            }
        }
    }
}

/// Token sequences ("more and more", "many, many") compared case-insensitively; spaces between
/// tokens do not matter.
public struct PhraseSet: Sendable {
    private let keys: HashSet64

    /// Tokenizes each phrase with the same ICU word breaking documents get.
    public init(_ phrases: some Sequence<String>) throws(ICUError) {
        keys = HashSet64(try PhraseTokenizer.tokenHashes(Array(phrases)).map { FoldedHash.combine($0) })
    }

    /// Whether `tokens` (spaces ignored) form one of the phrases.
    public func contains(_ tokens: some Sequence<Token>) -> Bool {
        keys.contains(FoldedHash.combine(tokens.lazy.filter { $0.kind != .space }.map(\.foldedHash)))
    }
}
