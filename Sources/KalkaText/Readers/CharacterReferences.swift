import KalkaModel

/// Character references (`&amp;`, `&#8212;`, `&#x2014;`), decoded the same way for HTML and for
/// Markdown (which takes HTML's named references, but only with the `;`).
enum CharacterReference {
    enum Decoded: Equatable {
        case bytes([UInt8])
        /// `&#10;`, `&#13;`, `&#12;`: readers turn it into a soft break (prose holds no line feed).
        case lineBreak
    }

    /// The end and value of the character reference starting with the `&` at `start`, if it is one.
    static func decode(_ text: [UInt8], at start: Int, entities: HTMLEntities, strict: Bool) -> (end: Int, value: Decoded)? {
        guard start + 1 < text.count else { return nil }
        return text[start + 1] == .numberSign
            ? numericReference(text, at: start, strict: strict)
            : namedReference(text, at: start, entities: entities, strict: strict)
    }

    private static func numericReference(_ text: [UInt8], at start: Int, strict: Bool) -> (end: Int, value: Decoded)? {
        var cursor = start + 2
        let hex = cursor < text.count && text[cursor] | 0x20 == UInt8(ascii: "x")
        if hex { cursor += 1 }
        let digitsStart = cursor
        var value: UInt32 = 0
        while cursor < text.count, let digit = text[cursor].digitValue(hex: hex) {
            // Clamped, so no overflow: any value past U+10FFFF is invalid alike.
            value = min(value * (hex ? 16 : 10) + digit, 0x110000)
            cursor += 1
        }
        guard cursor > digitsStart else { return nil }
        // CommonMark: 1–7 decimal or 1–6 hex digits, and the `;` is required.
        if strict && (cursor - digitsStart > (hex ? 6 : 7) || cursor >= text.count || text[cursor] != .semicolon) { return nil }
        if cursor < text.count, text[cursor] == .semicolon { cursor += 1 }
        return (cursor, decoded(codePoint: value))
    }

    private static func namedReference(_ text: [UInt8], at start: Int, entities: HTMLEntities, strict: Bool) -> (end: Int, value: Decoded)? {
        let nameStart = start + 1
        // One more than the longest name, to tell a long run from a name.
        let limit = min(text.count, nameStart + entities.maxNameLength + 1)
        var cursor = nameStart
        while cursor < limit, text[cursor].isASCIIAlphanumeric { cursor += 1 }
        guard cursor > nameStart else { return nil }
        if cursor < text.count, text[cursor] == .semicolon,
           let value = entities.value(of: text[nameStart...cursor]) {
            return (cursor + 1, .bytes(value))
        }
        // A legacy name without `;` (HTML only) counts only when no letter or digit follows it.
        if strict || (cursor < text.count && text[cursor].isASCIIAlphanumeric) { return nil }
        guard let value = entities.value(of: text[nameStart..<cursor]) else { return nil }
        return (cursor, .bytes(value))
    }

    /// What a numeric reference stands for, repaired as a browser repairs it.
    private static func decoded(codePoint: UInt32) -> Decoded {
        var value = codePoint
        if value == 0 || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) {
            value = 0xFFFD
        } else if (0x80...0x9F).contains(value), windows1252[Int(value - 0x80)] != 0 {
            value = windows1252[Int(value - 0x80)]
        }
        if value == 0x0A || value == 0x0D || value == 0x0C { return .lineBreak }
        guard let scalar = Unicode.Scalar(value) else { return .bytes([0xEF, 0xBF, 0xBD]) }
        return .bytes(Array(String(scalar).utf8))
    }

    /// The characters browsers read for `&#128;`…`&#159;` (0: the code point stays as it is).
    private static let windows1252: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}

/// The WHATWG named character references, loaded once per process from
/// `Dictionaries/html/entities.tsv`.
struct HTMLEntities: Sendable {
    /// Name (without the `&`, with the `;` when the reference needs it) → UTF-8 of its value.
    let table: [[UInt8]: [UInt8]]
    /// The longest name, `;` not counted: a longer run of letters and digits cannot be one.
    let maxNameLength: Int

    /// A broken dictionary is a build defect the tests catch; the reader then decodes no names
    /// rather than failing.
    static let builtIn: HTMLEntities = {
        guard let text = EmbeddedReaderData.files[path],
              let file = try? DictionaryFile.parse(path: path, text: text),
              let entities = try? HTMLEntities(file)
        else { return HTMLEntities(table: [:], maxNameLength: 0) }
        return entities
    }()

    /// The table's path under `Dictionaries/`.
    package static let path = "html/entities.tsv"

    init(table: [[UInt8]: [UInt8]], maxNameLength: Int) {
        self.table = table
        self.maxNameLength = maxNameLength
    }

    /// Reads rows `name<TAB>U+XXXX[ U+YYYY]`.
    init(_ file: DictionaryFile) throws(DictionaryError) {
        var table: [[UInt8]: [UInt8]] = [:]
        var longest = 0
        for row in file.rows {
            guard let value = Self.utf8(ofCodePoints: row[1]) else {
                throw DictionaryError(path: file.path, line: row.line, message: "code points must read 'U+XXXX', space-separated, not '\(row[1])'")
            }
            let name = Array(row[0].utf8)
            table[name] = value
            longest = max(longest, name.last == UInt8(ascii: ";") ? name.count - 1 : name.count)
        }
        self.init(table: table, maxNameLength: longest)
    }

    static func utf8(ofCodePoints field: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for item in field.split(separator: " ") {
            guard item.hasPrefix("U+"), (4...6).contains(item.count - 2),
                  let value = UInt32(item.dropFirst(2), radix: 16),
                  let scalar = Unicode.Scalar(value) else { return nil }
            bytes.append(contentsOf: String(scalar).utf8)
        }
        return bytes.isEmpty ? nil : bytes
    }

    func value(of name: ArraySlice<UInt8>) -> [UInt8]? { table[Array(name)] }
}
