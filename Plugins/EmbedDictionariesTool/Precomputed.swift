import ICUKit

/// The big tables in ready form, derived from the same text the build embeds, so that start-up
/// parses none of them (see `PrecomputedDictionaries` in KalkaKnowledge, which reads them, and
/// `PrecomputedDictionaryTests`, which checks every entry against the parsed text).
///
/// A table this code cannot read (a malformed row, a non-ASCII word) is left out: kalka then
/// parses its text at run time, and reports the error there as it always did.
enum Precomputed {
    /// Swift declarations for the tables among `files` (relative path → text), or "" if none.
    static func declarations(files: [String: String]) -> String {
        // The readers' data (KalkaText) has none of these tables.
        guard files.keys.contains(where: { $0.hasPrefix("english/") || $0.hasPrefix("names/") }) else { return "" }
        var source = ""
        if let text = files["english/word-classes.tsv"], let rows = wordClassRows(text) {
            source += "    /// english/word-classes.tsv: its classes, by first appearance, and per row (in file order)\n"
            source += "    /// the word's folded hash (16 hex digits), its class's index (4) and 1 if it can be a finite verb.\n"
            source += "    package static let wordClasses: (labels: [String], longestWord: Int, rows: StaticString)? = ("
            source += "\(stringArray(rows.labels)), \(rows.longestWord), \"\(rows.hex)\")\n"
        } else {
            source += "    package static let wordClasses: (labels: [String], longestWord: Int, rows: StaticString)? = nil\n"
        }
        if let text = files["english/class-bigrams.tsv"], let rows = bigramRows(text) {
            source += "    /// english/class-bigrams.tsv: its classes, by first appearance, and per row the two classes'\n"
            source += "    /// indices (4 hex digits each) and the count's bit pattern as a Double (16).\n"
            source += "    package static let classBigrams: (labels: [String], rows: StaticString)? = ("
            source += "\(stringArray(rows.labels)), \"\(rows.hex)\")\n"
        } else {
            source += "    package static let classBigrams: (labels: [String], rows: StaticString)? = nil\n"
        }
        let renderings = russianRenderings(files: files)
        source += "    /// Per name file, by line: the romanizations of the `russian` column by each of \(renderingStandards.joined(separator: ", ")).\n"
        source += "    package static let russianRenderingStandards: [String] = \(stringArray(renderingStandards))\n"
        source += "    package static let russianRenderings: [String: [Int: [String]]] = [" + (renderings.isEmpty ? ":" : "") + "\n"
        for (path, lines) in renderings.sorted(by: { $0.key < $1.key }) {
            source += "        \(literal(path)): [\n"
            for (line, forms) in lines.sorted(by: { $0.key < $1.key }) {
                source += "            \(line): \(stringArray(forms)),\n"
            }
            if lines.isEmpty { source += "            :\n" }
            source += "        ],\n"
        }
        source += "    ]\n"
        source += ReadyTables.declarations(files: files, renderings: renderings)
        source += ReadyOddness.declaration(files: files)
        return source
    }

    /// The standards whose renderings the name dictionary derives variants from (NameDictionary).
    static let renderingStandards = ["ru-wikipedia", "ru-bgn-pcgn"]

    // MARK: - Tables

    /// FNV-1a over ASCII-lowercased bytes: `FoldedHash.of` for an ASCII word (a test compares the
    /// two for every entry). Non-ASCII needs ICU case folding, which this tool does not copy.
    static func asciiFoldedHash(_ word: Substring) -> UInt64? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word.utf8 {
            guard byte < 0x80 else { return nil }
            hash = (hash ^ UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// A table's entry lines (not comments or blank lines) with their 1-based line numbers, split
    /// at tabs.
    /// The rows of a table with their line numbers. Split on the line-feed scalar, not on
    /// Characters: "\r\n" is one Character, and a checkout with CRLF line ends must read as
    /// `DictionaryFile.parse` reads it.
    static func numberedEntries(_ text: String) -> [(line: Int, fields: [Substring])] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, scalars in
            var line = Substring(scalars)
            if line.unicodeScalars.last == "\r" { line = Substring(line.unicodeScalars.dropLast()) }
            if line.isEmpty || line.hasPrefix("#") { return nil }
            return (index + 1, line.split(separator: "\t", omittingEmptySubsequences: false))
        }
    }

    static func entries(_ text: String) -> [[Substring]] { numberedEntries(text).map(\.fields) }

    static func wordClassRows(_ text: String) -> (labels: [String], longestWord: Int, hex: String)? {
        var labels: [String] = []
        var index: [Substring: Int] = [:]
        var hex = ""
        var longest = 0
        for fields in entries(text) {
            guard (1...3).contains(fields.count), let hash = asciiFoldedHash(fields[0]) else { return nil }
            let label = fields.count > 1 ? fields[1] : ""
            let finite = fields.count > 2 && fields[2] == "y"
            if index[label] == nil {
                index[label] = labels.count
                labels.append(String(label))
            }
            longest = max(longest, fields[0].utf8.count)
            hex += hexDigits(hash, 16) + hexDigits(UInt64(index[label]!), 4) + (finite ? "1" : "0")
        }
        // No rows is a table the tool could not read: kalka then parses the text itself.
        guard !labels.isEmpty, labels.count < 0x8000 else { return nil }
        return (labels, longest, hex)
    }

    static func bigramRows(_ text: String) -> (labels: [String], hex: String)? {
        var labels: [String] = []
        var index: [Substring: Int] = [:]
        var hex = ""
        for fields in entries(text) {
            guard fields.count == 2 else { return nil }
            let pair = fields[0].split(separator: " ")
            guard pair.count == 2, let count = Double(fields[1]), count > 0 else { return nil }
            hex += pair.map { label in
                if index[label] == nil {
                    index[label] = labels.count
                    labels.append(String(label))
                }
                return hexDigits(UInt64(index[label]!), 4)
            }.joined()
            hex += hexDigits(count.bitPattern, 16)
        }
        guard !labels.isEmpty, labels.count <= 0xFFFF else { return nil }
        return (labels, hex)
    }

    /// ICU's romanizations of every Russian form of the name files, by file and line, by each
    /// standard of `renderingStandards` in turn (none if one of their rule files does not compile).
    static func russianRenderings(files: [String: String]) -> [String: [Int: [String]]] {
        var transliterators: [Transliterator] = []
        for standard in renderingStandards {
            guard let rules = files["translit/\(standard).txt"],
                  let transliterator = try? Transliterator(id: "kalka-\(standard)", rules: rules) else { return [:] }
            transliterators.append(transliterator)
        }
        var result: [String: [Int: [String]]] = [:]
        for (path, text) in files where path.hasPrefix("names/") && path.hasSuffix(".tsv") {
            guard text.contains("# columns: canonical\toriginal\trussian\t") else { continue }
            var lines: [Int: [String]] = [:]
            for (line, fields) in numberedEntries(text) where fields.count > 2 && !fields[2].isEmpty {
                let forms = transliterators.compactMap { try? $0.transliterate(String(fields[2])) }
                if forms.count == transliterators.count { lines[line] = forms }
            }
            result[path] = lines
        }
        return result
    }

    // MARK: - Writing Swift

    static func hexDigits(_ value: UInt64, _ count: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: count - digits.count) + digits
    }

    static func stringArray(_ strings: [String]) -> String {
        "[" + strings.map(literal).joined(separator: ", ") + "]"
    }

    /// A one-line string literal.
    static func literal(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    escaped += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped + "\""
    }
}
