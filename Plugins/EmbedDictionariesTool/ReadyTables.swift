/// The tables start-up reads, laid out as Swift literals (rows of string literals, and the name
/// dictionary's entries with their variants worked out), so that kalka parses none of them:
/// parsing them and building the names were most of a small run. `PrecomputedDictionaries` in
/// KalkaKnowledge reads these forms, only while a store holds exactly the built-in text, and
/// `PrecomputedDictionaryTests` checks each against what parsing the text gives.
///
/// A table this code finds wrong (no header, a stray space, a duplicate, an unknown kind of
/// name) gets no ready form: kalka then parses its text and reports the error as it always did.
enum ReadyTables {
    /// Tables longer than this stay text: the big ones have forms of their own (`Precomputed`)
    /// or are read by their rules straight from the text.
    static let maximumRows = 1_000

    /// The name dictionary's columns and the raw values of its kinds and derivations, in the
    /// order of `NameDictionary.columns`, `NameKind.allCases` and `NameDerivation.allCases`
    /// (KalkaKnowledge compares these lists before it uses the entries).
    static let nameColumns = ["canonical", "original", "russian", "language", "kind", "variants", "alternatives", "derivation", "note"]
    static let nameKinds = ["person", "settlement", "region", "river", "landmark", "organization", "event"]
    static let nameDerivations = ["national", "exception", "english", "usual", "native"]

    struct Table {
        var columns: [String]
        var source: String
        var licence: String
        var caseSensitive: Bool
        var rows: [(line: Int, fields: [String])]
    }

    static func declarations(files: [String: String], renderings: [String: [Int: [String]]]) -> String {
        var tables: [(path: String, table: Table)] = []
        for (path, text) in files.sorted(by: { $0.key < $1.key })
        where !path.hasPrefix("translit/") && !path.hasPrefix("patterns/") && !ReadyNameTables.folders.contains(where: { path.hasPrefix($0) }) {
            if let table = parse(text), table.rows.count <= maximumRows { tables.append((path, table)) }
        }
        var source = "    /// Tables of at most \(maximumRows) rows as parsed: columns, source, licence, case-sensitive, rows (line, fields).\n"
        source += "    package typealias ReadyTable = (columns: [String], source: String, licence: String, caseSensitive: Bool, rows: [(Int, [String])])\n"
        source += "    package static func readyTable(_ path: String) -> ReadyTable? {\n        switch path {\n"
        for (index, table) in tables.enumerated() { source += "        case \(Precomputed.literal(table.path)): return readyTable\(index)\n" }
        source += "        default: return nil\n        }\n    }\n"
        for (index, table) in tables.enumerated() {
            let t = table.table
            source += "    private static let readyTable\(index): ReadyTable = (\(stringArray(t.columns)), \(Precomputed.literal(t.source)), "
            source += "\(Precomputed.literal(t.licence)), \(t.caseSensitive), [\n"
            for row in t.rows { source += "        (\(row.line), \(stringArray(row.fields))),\n" }
            source += "    ])\n"
        }
        source += nameDeclarations(tables: tables, renderings: renderings)
        return source
    }

    // MARK: - Names

    /// Per name file, its entries as `NameDictionary` builds them: the listed variants and the
    /// Russian renderings (those equal to a correct form dropped).
    static func nameDeclarations(tables: [(path: String, table: Table)], renderings: [String: [Int: [String]]]) -> String {
        var source = "    package static let nameColumns: [String] = \(stringArray(nameColumns))\n"
        source += "    package static let nameKinds: [String] = \(stringArray(nameKinds))\n"
        source += "    package static let nameDerivations: [String] = \(stringArray(nameDerivations))\n"
        source += "    /// Name entries: canonical, original, russian, language, kind (index), variants, alternatives,\n"
        source += "    /// derivation (index), note, line, and the variants lowercased.\n"
        source += "    package typealias ReadyName = (String, String, String, String, Int, [String], [String], Int, String, Int, [String])\n"
        var files: [(path: String, entries: [String])] = []
        for (path, table) in tables where path.hasPrefix("names/") && table.columns == nameColumns {
            if let entries = nameEntries(table, renderings: renderings[path] ?? [:]) { files.append((path, entries)) }
        }
        source += "    package static func readyNames(_ path: String) -> [ReadyName]? {\n        switch path {\n"
        for (index, file) in files.enumerated() { source += "        case \(Precomputed.literal(file.path)): return readyNames\(index)\n" }
        source += "        default: return nil\n        }\n    }\n"
        for (index, file) in files.enumerated() {
            source += "    private static let readyNames\(index): [ReadyName] = [\n"
            for entry in file.entries { source += "        \(entry),\n" }
            source += "    ]\n"
        }
        return source
    }

    /// Each row's entry as a tuple literal, or nil if a row is one `NameDictionary` rejects.
    static func nameEntries(_ table: Table, renderings: [Int: [String]]) -> [String]? {
        var entries: [String] = []
        for row in table.rows {
            func field(_ index: Int) -> String { index < row.fields.count ? row.fields[index] : "" }
            guard let kind = nameKinds.firstIndex(of: field(4)), let derivation = nameDerivations.firstIndex(of: field(7)),
                  !field(1).isEmpty, !field(3).isEmpty, derivation != 1 || !field(8).isEmpty else { return nil }
            let alternatives = list(field(6))
            let correct = ([field(0)] + alternatives).map { $0.lowercased() }
            var variants = list(field(5))
            if !field(2).isEmpty && nameDerivations[derivation] != "usual" {
                guard let derived = renderings[row.line] else { return nil }
                for form in derived where !variants.contains(form) { variants.append(form) }
            }
            variants.removeAll { correct.contains($0.lowercased()) }
            let parts = [Precomputed.literal(field(0)), Precomputed.literal(field(1)), Precomputed.literal(field(2)),
                         Precomputed.literal(field(3)), "\(kind)", stringArray(variants), stringArray(alternatives),
                         "\(derivation)", Precomputed.literal(field(8)), "\(row.line)", stringArray(variants.map { $0.lowercased() })]
            entries.append("(" + parts.joined(separator: ", ") + ")")
        }
        return entries
    }

    /// A `|`-separated list, each piece trimmed of spaces and tabs, empty pieces dropped.
    static func list(_ field: String) -> [String] {
        field.split(separator: "|").map { trimmed($0) }.filter { !$0.isEmpty }
    }

    static func trimmed(_ text: Substring) -> String {
        var slice = text
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }

    // MARK: - Parsing as DictionaryFile.parse does

    /// The table as `DictionaryFile.parse` reads it, or nil where that would throw (or might:
    /// duplicates that differ only in non-ASCII case are judged by `lowercased()`).
    static func parse(_ text: String) -> Table? {
        var columns: [String]?
        var source: String?
        var licence: String?
        var caseSensitive = false
        var rows: [(line: Int, fields: [String])] = []
        var seen = Set<String>()
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, scalars) in lines.enumerated() {
            var line = Substring(scalars)
            if line.unicodeScalars.last == "\r" { line = Substring(line.unicodeScalars.dropLast()) }
            if line.isEmpty { continue }
            if line.utf8.first == UInt8(ascii: "#") {
                let comment = line.dropFirst().drop { $0 == " " }
                if let value = value(of: "columns:", in: comment) {
                    columns = value.split(separator: "\t").map { trimmed($0) }
                    if columns?.count == 1 { columns = value.split(separator: " ").map { trimmed($0) } }
                } else if let value = value(of: "source:", in: comment) {
                    source = value
                } else if let value = value(of: "licence:", in: comment) ?? value(of: "license:", in: comment) {
                    licence = value
                } else if let value = value(of: "case-sensitive:", in: comment) {
                    guard rows.isEmpty, value == "yes" || value == "no" else { return nil }
                    caseSensitive = value == "yes"
                }
                continue
            }
            guard let columns else { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count <= columns.count, !fields[0].isEmpty,
                  !fields.contains(where: { $0.utf8.first == 0x20 || $0.utf8.last == 0x20 }) else { return nil }
            let key = caseSensitive ? fields[0] : fields[0].lowercased()
            guard seen.insert(key).inserted else { return nil }
            rows.append((index + 1, fields))
        }
        guard let columns, let source, !source.isEmpty, let licence, !licence.isEmpty else { return nil }
        return Table(columns: columns, source: source, licence: licence, caseSensitive: caseSensitive, rows: rows)
    }

    static func value(of key: String, in comment: Substring) -> String? {
        guard comment.hasPrefix(key) else { return nil }
        return trimmed(comment.dropFirst(key.count))
    }

    static func stringArray(_ strings: [String]) -> String {
        "[" + strings.map(Precomputed.literal).joined(separator: ", ") + "]"
    }
}
