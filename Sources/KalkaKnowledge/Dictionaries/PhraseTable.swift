import KalkaModel
import KalkaText

/// A phrase list with its rows, and one `PhraseMatcher` over the whole list: rules that report
/// every match of a list (calques, wrong terms, boilerplate) read through this, so matching costs
/// one trie walk per document however long the list grows.
public struct PhraseTable: Sendable {
    public struct Entry: Sendable {
        public let phrase: String
        public let row: DictionaryFile.Row
        public subscript(_ column: String) -> String { row[columnIndex[column] ?? Int.max] }
        fileprivate let columnIndex: [String: Int]
    }

    public let path: String
    public let entries: [Entry]
    public let matcher: PhraseMatcher

    private static let tableOfPath = StoreFact<PhraseTable>()

    /// The table for `path`, built once per store and shared.
    public static func of(_ store: DictionaryStore, _ path: String) throws -> PhraseTable {
        try store.derived(tableOfPath, path: path) { try PhraseTable(file: store.file(path)) }
    }

    public init(file: DictionaryFile) throws(DictionaryError) {
        path = file.path
        var columnIndex: [String: Int] = [:]
        for (index, column) in file.columns.enumerated() { columnIndex[column] = index }
        entries = file.rows.map { Entry(phrase: $0[0], row: $0, columnIndex: columnIndex) }
        do {
            matcher = try PhraseMatcher(entries.map(\.phrase))
        } catch {
            throw DictionaryError(path: file.path, line: 0, message: "cannot tokenize phrases: \(SystemErrors.plain(error))")
        }
    }

    /// The severity column of every entry, validated.
    public func severities(column: String = "severity") throws(DictionaryError) -> [Severity] {
        var result: [Severity] = []
        for entry in entries {
            guard let severity = Severity(rawValue: entry[column]) else {
                throw DictionaryError(path: path, line: entry.row.line, message: "severity must be info, warning or error, not '\(entry[column])'")
            }
            result.append(severity)
        }
        return result
    }

    /// Every entry's value in a column that must not be empty.
    public func required(_ column: String) throws(DictionaryError) -> [String] {
        var result: [String] = []
        for entry in entries {
            guard !entry[column].isEmpty else {
                throw DictionaryError(path: path, line: entry.row.line, message: "empty column '\(column)'")
            }
            result.append(entry[column])
        }
        return result
    }
}
