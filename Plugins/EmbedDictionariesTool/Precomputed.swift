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
        let wordTableType = "(labels: [String], longestWord: Int, count: Int, slots: StaticString)?"
        if let text = files["english/word-classes.tsv"], let table = wordClassSlots(text) {
            source += "    /// english/word-classes.tsv as the open-addressing table `EnglishWordTable` reads in place: its\n"
            source += "    /// classes, by first appearance, the longest word, the number of distinct words, and per slot the\n"
            source += "    /// word's folded hash (16 hex digits, zeros for an empty slot) and its class's index, 0x8000 added\n"
            source += "    /// if it can be a finite verb (4).\n"
            source += "    package static let wordClasses: \(wordTableType) = ("
            source += "\(stringArray(table.labels)), \(table.longestWord), \(table.count), \"\(table.hex)\")\n"
        } else {
            source += "    package static let wordClasses: \(wordTableType) = nil\n"
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
        source += ReadyNgrams.declaration(files: files)
        source += ReadyNameTables.declarations(files: files)
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

    static func wordClassRows(_ text: String) -> (labels: [String], longestWord: Int, rows: [(hash: UInt64, value: UInt16)])? {
        var labels: [String] = []
        var index: [Substring: Int] = [:]
        var rows: [(hash: UInt64, value: UInt16)] = []
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
            rows.append((hash, UInt16(min(index[label]!, 0x7FFF)) | (finite ? 0x8000 : 0)))
        }
        // No rows is a table the tool could not read: kalka then parses the text itself.
        guard !labels.isEmpty, labels.count < 0x8000 else { return nil }
        return (labels, longest, rows)
    }

    /// The word list laid out as `EnglishWordTable` probes it: twice as many slots as rows (a
    /// power of two), each row at its hash's slot or the next free one, a repeated word's later
    /// row replacing the earlier one's value (as the table built from the text does). Hash 0
    /// marks an empty slot, so a word hashing to 0 leaves the table to the run-time path.
    static func wordClassSlots(_ text: String) -> (labels: [String], longestWord: Int, count: Int, hex: String)? {
        guard let table = wordClassRows(text), !table.rows.contains(where: { $0.hash == 0 }) else { return nil }
        var capacity = 8
        while capacity < table.rows.count * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var values = [UInt16](repeating: 0, count: capacity)
        var count = 0
        for (hash, value) in table.rows {
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & (capacity - 1)
            while keys[slot] != 0 && keys[slot] != hash { slot = (slot + 1) & (capacity - 1) }
            if keys[slot] == 0 { count += 1 }
            keys[slot] = hash
            values[slot] = value
        }
        var hex = ""
        hex.reserveCapacity(capacity * 20)
        for (key, value) in zip(keys, values) { hex += hexDigits(key, 16) + hexDigits(UInt64(value), 4) }
        return (table.labels, table.longestWord, count, hex)
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
