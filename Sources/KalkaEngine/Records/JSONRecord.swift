import KalkaModel
import KalkaText

/// Which members of a JSON Lines record hold what kalka reads (`--id-field`, `--text-field`).
public struct RecordFields: Sendable, Equatable {
    /// The record's identifier: a string or a number, written back as it was.
    public var id: String
    /// The article's text: a string.
    public var text: String
    /// Optional: plain, markdown or html (default: the command line's, else plain).
    public var format: String
    /// Optional: the publication date, YYYY-MM-DD or an ISO 8601 date and time.
    public var date: String

    public init(id: String = "id", text: String = "text", format: String = "format", date: String = "date") {
        self.id = id
        self.text = text
        self.format = format
        self.date = date
    }
}

/// One article read from a JSON Lines archive.
public struct Record: Sendable {
    /// Its line in the archive, from 1.
    public let line: Int
    /// The id member's value as JSON, byte for byte (`"a-17"`, `17`): written back as it came.
    public let idJSON: [UInt8]
    /// The id as a name for reports: a string's value, or a number as written.
    public let id: String
    /// The text, unescaped: what kalka checks, offsets counting its UTF-8 bytes.
    public let text: [UInt8]
    public let format: InputFormat?
    public let date: SimpleDate?
    /// Where the text member's value (a JSON string, quotes included) lies in the line: what
    /// `kalka normalize` replaces, every other byte staying as it was.
    public let textValue: Range<Int>
}

/// Why a line of an archive is not a record kalka can check.
public struct RecordError: Error, Sendable, Equatable {
    public let line: Int
    /// The id, as JSON, when the line got far enough to have one.
    public let idJSON: [UInt8]?
    public let message: String
}

/// Reads one JSON Lines record strictly (RFC 8259): a whole object on one line, every string
/// valid UTF-8 once unescaped (no lone surrogate), nothing after it. Only the top-level members
/// named by `RecordFields` are decoded; the others are validated and skipped. Hand-written rather
/// than Foundation's parser so that the id comes back byte for byte and an error says where.
public enum JSONRecordParser {
    /// Nested arrays and objects deeper than this are refused (the parser recurses).
    public static let maximumDepth = 256

    public static func parse(_ line: [UInt8], lineNumber: Int, fields: RecordFields) -> Result<Record, RecordError> {
        var scanner = Scanner(bytes: line)
        var idRange: Range<Int>?
        var text: [UInt8]?
        var textValue = 0..<0
        var formatValue: Range<Int>?
        var dateValue: Range<Int>?
        var textIsString = true, formatIsString = true, dateIsString = true
        var seen = Set<String>()
        func fail(_ message: String) -> Result<Record, RecordError> {
            .failure(RecordError(line: lineNumber, idJSON: idRange.map { Array(line[$0]) }, message: message))
        }
        do {
            scanner.skipSpace()
            guard scanner.peek == UInt8(ascii: "{") else { throw ScanError(scanner.position, "a record must be a JSON object") }
            scanner.position += 1
            scanner.skipSpace()
            if scanner.peek == UInt8(ascii: "}") {
                scanner.position += 1
            } else {
                while true {
                    scanner.skipSpace()
                    guard scanner.peek == UInt8(ascii: "\"") else { throw ScanError(scanner.position, "expected a member name in quotes") }
                    let key = String(decoding: try scanner.string(), as: UTF8.self)
                    scanner.skipSpace()
                    guard scanner.peek == UInt8(ascii: ":") else { throw ScanError(scanner.position, "expected “:” after a member name") }
                    scanner.position += 1
                    scanner.skipSpace()
                    let wanted = key == fields.id || key == fields.text || key == fields.format || key == fields.date
                    if wanted && !seen.insert(key).inserted { throw ScanError(scanner.position, "the member “\(key)” appears twice") }
                    let start = scanner.position
                    let isString = scanner.peek == UInt8(ascii: "\"")
                    if key == fields.text && isString {
                        text = try scanner.string()
                    } else {
                        try scanner.skipValue(depth: 0)
                    }
                    let value = start..<scanner.position
                    if key == fields.id { idRange = value }
                    if key == fields.text { textValue = value }
                    if key == fields.text && !isString { textIsString = false }
                    if key == fields.format { formatValue = value; formatIsString = isString }
                    if key == fields.date { dateValue = value; dateIsString = isString }
                    scanner.skipSpace()
                    if scanner.peek == UInt8(ascii: ",") { scanner.position += 1; continue }
                    guard scanner.peek == UInt8(ascii: "}") else { throw ScanError(scanner.position, "expected “,” or “}” in the object") }
                    scanner.position += 1
                    break
                }
            }
            scanner.skipSpace()
            guard scanner.atEnd else { throw ScanError(scanner.position, "more text after the record’s object") }
        } catch let error as ScanError {
            // Invalid JSON: an id read before the error may be cut short ("17x"), so none is given.
            idRange = nil
            return fail("invalid JSON at byte \(error.offset + 1): \(error.message)")
        } catch {
            idRange = nil
            return fail("invalid JSON")
        }
        guard let idRange else { return fail("no “\(fields.id)” member") }
        let idJSON = Array(line[idRange])
        let id: String
        switch idJSON.first ?? 0 {
        case UInt8(ascii: "\""):
            var idScanner = Scanner(bytes: idJSON)
            id = String(decoding: (try? idScanner.string()) ?? [], as: UTF8.self)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            id = String(decoding: idJSON, as: UTF8.self)
        default:
            return fail("the “\(fields.id)” member must be a string or a number")
        }
        guard textIsString else { return fail("the “\(fields.text)” member must be a string") }
        guard let text else { return fail("no “\(fields.text)” member") }
        var format: InputFormat?
        func isNull(_ range: Range<Int>) -> Bool { line[range].elementsEqual("null".utf8) }
        if let formatValue, !isNull(formatValue) {
            guard formatIsString, let name = stringValue(line, formatValue), let parsed = InputFormat(rawValue: name) else {
                return fail("the “\(fields.format)” member must be \"plain\", \"markdown\" or \"html\"")
            }
            format = parsed
        }
        var date: SimpleDate?
        if let dateValue, !isNull(dateValue) {
            guard dateIsString, let name = stringValue(line, dateValue), let parsed = SimpleDate(iso: name) else {
                return fail("the “\(fields.date)” member must be a date, YYYY-MM-DD")
            }
            date = parsed
        }
        return .success(Record(line: lineNumber, idJSON: idJSON, id: id, text: text, format: format, date: date, textValue: textValue))
    }

    private static func stringValue(_ line: [UInt8], _ range: Range<Int>) -> String? {
        var scanner = Scanner(bytes: Array(line[range]))
        return (try? scanner.string()).map { String(decoding: $0, as: UTF8.self) }
    }

    struct ScanError: Error {
        let offset: Int
        let message: String
        init(_ offset: Int, _ message: String) {
            self.offset = offset
            self.message = message
        }
    }

    /// A cursor over one line's bytes.
    struct Scanner {
        let bytes: [UInt8]
        var position = 0

        var atEnd: Bool { position >= bytes.count }
        var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func skipSpace() {
            while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
        }

        /// A string at `position` (its opening quote), unescaped, as UTF-8; checked but not kept
        /// without `keep` (the members kalka does not read: an archive may carry a page's HTML).
        mutating func string(keep: Bool = true) throws(ScanError) -> [UInt8] {
            position += 1
            var result: [UInt8] = []
            while true {
                guard let byte = peek else { throw ScanError(position, "a string is not closed") }
                switch byte {
                case UInt8(ascii: "\""):
                    position += 1
                    return result
                case UInt8(ascii: "\\"):
                    try escape(into: &result)
                    if !keep { result.removeAll(keepingCapacity: true) }
                case 0..<0x20:
                    throw ScanError(position, "a control character inside a string must be escaped")
                case 0..<0x80:
                    if keep { result.append(byte) }
                    position += 1
                default:
                    let length = try validSequence(at: position)
                    if keep { result.append(contentsOf: bytes[position..<(position + length)]) }
                    position += length
                }
            }
        }

        private mutating func escape(into result: inout [UInt8]) throws(ScanError) {
            let start = position
            position += 1
            guard let code = peek else { throw ScanError(start, "a string is not closed") }
            position += 1
            switch code {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): result.append(code)
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate must be followed by an escaped low one.
                    guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                        throw ScanError(start, "a lone surrogate (\\u\(hex(scalar))) is not valid UTF-8")
                    }
                    position += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw ScanError(start, "a lone surrogate (\\u\(hex(scalar))) is not valid UTF-8") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw ScanError(start, "a lone surrogate (\\u\(hex(scalar))) is not valid UTF-8")
                }
                result.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar)!)!)
            default:
                throw ScanError(start, "unknown escape “\\\(Character(Unicode.Scalar(code)))”")
            }
        }

        private func hex(_ value: UInt32) -> String {
            let digits = String(value, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }

        private mutating func hex4() throws(ScanError) -> UInt32 {
            guard position + 4 <= bytes.count else { throw ScanError(position, "\\u needs four hexadecimal digits") }
            var value: UInt32 = 0
            for byte in bytes[position..<(position + 4)] {
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw ScanError(position, "\\u needs four hexadecimal digits")
                }
                value = value << 4 | digit
            }
            position += 4
            return value
        }

        /// The length of the well-formed UTF-8 sequence at `index` (a non-ASCII lead byte).
        private func validSequence(at index: Int) throws(ScanError) -> Int {
            guard let length = UTF8Decoding.wellFormedLength(bytes, at: index) else { throw ScanError(index, "invalid UTF-8") }
            return length
        }

        /// Any value, checked and passed over.
        mutating func skipValue(depth: Int) throws(ScanError) {
            guard depth < JSONRecordParser.maximumDepth else { throw ScanError(position, "nested deeper than \(JSONRecordParser.maximumDepth) levels") }
            guard let byte = peek else { throw ScanError(position, "expected a value") }
            switch byte {
            case UInt8(ascii: "\""):
                _ = try string(keep: false)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = byte == UInt8(ascii: "{")
                let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                position += 1
                skipSpace()
                if peek == close { position += 1; return }
                while true {
                    skipSpace()
                    if isObject {
                        guard peek == UInt8(ascii: "\"") else { throw ScanError(position, "expected a member name in quotes") }
                        _ = try string(keep: false)
                        skipSpace()
                        guard peek == UInt8(ascii: ":") else { throw ScanError(position, "expected “:” after a member name") }
                        position += 1
                        skipSpace()
                    }
                    try skipValue(depth: depth + 1)
                    skipSpace()
                    if peek == UInt8(ascii: ",") { position += 1; continue }
                    guard peek == close else { throw ScanError(position, isObject ? "expected “,” or “}” in an object" : "expected “,” or “]” in an array") }
                    position += 1
                    return
                }
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try number()
            default:
                throw ScanError(position, "expected a value")
            }
        }

        private mutating func literal(_ word: StaticString) throws(ScanError) {
            let length = word.utf8CodeUnitCount
            let matches = word.withUTF8Buffer { expected in
                position + length <= bytes.count && bytes[position..<(position + length)].elementsEqual(expected)
            }
            guard matches else { throw ScanError(position, "expected a value") }
            position += length
        }

        /// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        private mutating func number() throws(ScanError) {
            let start = position
            if peek == UInt8(ascii: "-") { position += 1 }
            func digits() -> Int {
                let from = position
                while let byte = peek, byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { position += 1 }
                return position - from
            }
            if peek == UInt8(ascii: "0") {
                position += 1
            } else if digits() == 0 {
                throw ScanError(start, "invalid number")
            }
            if peek == UInt8(ascii: ".") {
                position += 1
                guard digits() > 0 else { throw ScanError(start, "invalid number") }
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                position += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { position += 1 }
                guard digits() > 0 else { throw ScanError(start, "invalid number") }
            }
        }
    }
}
