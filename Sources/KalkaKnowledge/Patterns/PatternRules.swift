import KalkaModel
import KalkaText

/// Every pattern file of a store (the built-in `patterns/` and a house's own), parsed once, and
/// each rule's patterns as one `PatternSet`.
public struct PatternRules: Sendable {
    public let files: [PatternFile]
    private let sets: [String: PatternSet]

    private static let built = StoreFact<PatternRules>()

    public static func of(_ store: DictionaryStore) throws -> PatternRules {
        try store.derived(built) { try PatternRules(store: store) }
    }

    init(store: DictionaryStore) throws {
        let inflections = try Inflections.of(store)
        var files: [PatternFile] = []
        for (key, text) in store.patternFiles.sorted(by: { $0.key < $1.key }) {
            // A house's file is named by its own path in errors and in `kalka rule`.
            let path = key.hasPrefix(DictionaryStore.housePatternPrefix) ? String(key.dropFirst(DictionaryStore.housePatternPrefix.count)) : key
            files.append(try PatternFile.parse(path: path, text: text, inflections: inflections))
        }
        // A pattern is named by its rule and name: two files may not both define one.
        var seen: [String: TokenPattern] = [:]
        for pattern in files.flatMap(\.patterns) {
            if let first = seen[pattern.id] {
                throw DictionaryError(path: pattern.path, line: pattern.line, column: 9,
                                      message: "pattern '\(pattern.id)' is already defined in \(first.path):\(first.line)")
            }
            seen[pattern.id] = pattern
        }
        self.files = files
        let functionWords = try? store.words("english/function-words.txt")
        let marks = HashSet64(Self.commonMarks.unicodeScalars.map { FoldedHash.of(String($0)) })
        let isCommon = { (hash: UInt64) in functionWords?.containsHash(hash) == true || marks.contains(hash) }
        sets = Dictionary(grouping: files.flatMap(\.patterns), by: \.rule).mapValues { PatternSet($0, isCommon: isCommon) }
    }

    /// Punctuation too frequent to index a pattern by.
    static let commonMarks = ",.;:-–—'\"“”‘’«»()[]!?/"

    /// The patterns reported by `rule`, one set.
    public func set(for rule: String) -> PatternSet {
        sets[rule] ?? PatternSet([])
    }

    /// The pattern named `id` ("CAL001/about-it-reports").
    public func pattern(_ id: String) -> TokenPattern? {
        files.lazy.flatMap(\.patterns).first { $0.id.lowercased() == id.lowercased() }
    }
}
