/// A problem in a dictionary file, located by file and line (and column, in a pattern file).
public struct DictionaryError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int
    /// 1-based, counting characters.
    public let column: Int?
    public let message: String

    package init(path: String, line: Int, column: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { column.map { "\(path):\(line):\($0): \(message)" } ?? "\(path):\(line): \(message)" }
}

/// One parsed dictionary file: its header and rows (see Dictionaries/README.md for the format).
public struct DictionaryFile: Sendable {
    public struct Row: Sendable {
        /// 1-based line in the file.
        public let line: Int
        public let fields: [String]
        @inlinable public subscript(_ column: Int) -> String { column < fields.count ? fields[column] : "" }

        package init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    public let path: String
    public let columns: [String]
    public let source: String
    public let licence: String
    /// Set by the header line `# case-sensitive: yes`: entries are then duplicates only when
    /// their first fields are equal exactly (for tables such as HTML entity names, where `AMP;`
    /// and `amp;` are distinct). By default `Word` and `word` are duplicates.
    public let caseSensitive: Bool
    public let rows: [Row]

    /// A table as `parse` would read it, from a form the build laid out beforehand.
    package init(path: String, columns: [String], source: String, licence: String, caseSensitive: Bool, rows: [Row]) {
        self.path = path
        self.columns = columns
        self.source = source
        self.licence = licence
        self.caseSensitive = caseSensitive
        self.rows = rows
    }

    /// Parses and validates `text`: the header names columns, source and licence; rows have no
    /// more fields than columns, no stray spaces, and no duplicate first field (compared
    /// case-insensitively unless the header says `# case-sensitive: yes`).
    public static func parse(path: String, text: String) throws(DictionaryError) -> DictionaryFile {
        var columns: [String]? = nil
        var source: String? = nil
        var licence: String? = nil
        var caseSensitive = false
        var rows: [Row] = []
        // Duplicates by folded hash (or exact bytes when case-sensitive): hashing and comparing
        // Unicode strings per row made loading the dictionaries the slowest part of a small run.
        var seenFolded: [UInt64: Int] = [:]
        var seenExact: [[UInt8]: Int] = [:]
        var lineNumber = 0
        // One buffer for every row's fields: an array per row was a fifth of parsing.
        var fieldRanges: [Range<Int>] = []
        let storage = Array(text.utf8)
        // Read in place: indexing the array checked every byte's bounds.
        try storage.withUnsafeBufferPointer { (bytes) throws(DictionaryError) in
            var lineStart = 0
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                lineNumber += 1
                var contentEnd = lineEnd
                if contentEnd > lineStart && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                if contentEnd == lineStart {
                    if lineEnd >= bytes.count { break }
                    continue
                }
                if bytes[lineStart] == UInt8(ascii: "#") {
                    let line = Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<contentEnd]), as: UTF8.self))
                    let comment = line.dropFirst().drop { $0 == " " }
                    if let value = Self.value(of: "columns:", in: comment) {
                        columns = value.split(separator: "\t").map { $0.trimmingSpaces }
                        if columns?.count == 1 { columns = value.split(separator: " ").map { $0.trimmingSpaces } }
                    } else if let value = Self.value(of: "source:", in: comment) {
                        source = value
                    } else if let value = Self.value(of: "licence:", in: comment) ?? Self.value(of: "license:", in: comment) {
                        licence = value
                    } else if let value = Self.value(of: "case-sensitive:", in: comment) {
                        // Switching after entries would make earlier duplicate checks inconsistent.
                        guard rows.isEmpty else {
                            throw DictionaryError(path: path, line: lineNumber, message: "'# case-sensitive:' must precede the entries")
                        }
                        switch value {
                        case "yes": caseSensitive = true
                        case "no": caseSensitive = false
                        default: throw DictionaryError(path: path, line: lineNumber, message: "'# case-sensitive:' must be 'yes' or 'no', not '\(value)'")
                        }
                    }
                    continue
                }
                guard let columns else {
                    throw DictionaryError(path: path, line: lineNumber, message: "entry before the '# columns:' header line")
                }
                fieldRanges.removeAll(keepingCapacity: true)
                var fieldStart = lineStart
                for index in lineStart...contentEnd where index == contentEnd || bytes[index] == 0x09 {
                    fieldRanges.append(fieldStart..<index)
                    fieldStart = index + 1
                }
                guard fieldRanges.count <= columns.count else {
                    throw DictionaryError(path: path, line: lineNumber, message: "\(fieldRanges.count) fields, but the header declares \(columns.count) (\(columns.joined(separator: ", ")))")
                }
                for (index, range) in fieldRanges.enumerated() where !range.isEmpty && (bytes[range.lowerBound] == 0x20 || bytes[range.upperBound - 1] == 0x20) {
                    throw DictionaryError(path: path, line: lineNumber, message: "column '\(columns[index])' has leading or trailing spaces")
                }
                guard !fieldRanges[0].isEmpty else {
                    throw DictionaryError(path: path, line: lineNumber, message: "empty first column '\(columns[0])'")
                }
                let fields = fieldRanges.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
                let previous: Int?
                if caseSensitive {
                    let key = Array(bytes[fieldRanges[0]])
                    previous = seenExact[key]
                    seenExact[key] = previous ?? lineNumber
                } else {
                    let key = FoldedHash.of(utf8: UnsafeBufferPointer(rebasing: bytes[fieldRanges[0]]))
                    previous = seenFolded[key]
                    seenFolded[key] = previous ?? lineNumber
                }
                if let previous {
                    throw DictionaryError(path: path, line: lineNumber, message: "duplicate entry '\(fields[0])' (first on line \(previous))")
                }
                rows.append(Row(line: lineNumber, fields: fields))
            }
        }
        guard let columns else { throw DictionaryError(path: path, line: 1, message: "missing '# columns:' header line") }
        guard let source, !source.isEmpty else { throw DictionaryError(path: path, line: 1, message: "missing '# source:' header line") }
        guard let licence, !licence.isEmpty else { throw DictionaryError(path: path, line: 1, message: "missing '# licence:' header line") }
        return DictionaryFile(path: path, columns: columns, source: source, licence: licence, caseSensitive: caseSensitive, rows: rows)
    }

    /// This table with `other`'s rows: same columns required; a row whose first field this table
    /// has already replaces that row (the house's entry wins), the others are added.
    public func extended(by other: DictionaryFile) throws(DictionaryError) -> DictionaryFile {
        guard other.columns == columns else {
            throw DictionaryError(path: other.path, line: 1, message: "columns \(other.columns.joined(separator: ", ")) do not match \(path)'s: \(columns.joined(separator: ", "))")
        }
        func key(_ row: Row) -> String { caseSensitive ? row[0] : String(FoldedHash.of(row[0])) }
        var merged = rows
        var index: [String: Int] = [:]
        for (position, row) in rows.enumerated() { index[key(row)] = position }
        for row in other.rows {
            if let position = index[key(row)] {
                merged[position] = row
            } else {
                index[key(row)] = merged.count
                merged.append(row)
            }
        }
        return DictionaryFile(path: path, columns: columns, source: source, licence: licence, caseSensitive: caseSensitive, rows: merged)
    }

    private static func value(of key: String, in comment: Substring) -> String? {
        guard comment.hasPrefix(key) else { return nil }
        return String(comment.dropFirst(key.count)).trimmingSpaces
    }
}

extension StringProtocol {
    package var trimmingSpaces: String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
