/// Minimal JSON text building with correct string escaping.
package enum JSON {
    /// `text` as a JSON string literal.
    package static func string(_ text: String) -> String {
        var out = JSONBytes()
        out.string(text)
        return out.text
    }

    package static func location(_ location: Location) -> String {
        var out = JSONBytes()
        out.location(location)
        return out.text
    }

    package static func counts(_ counts: [String: Int]) -> String {
        "{" + counts.sorted { $0.key < $1.key }.map { "\(string($0.key)): \($0.value)" }.joined(separator: ", ") + "}"
    }
}

/// JSON text built as UTF-8 bytes: a report of thousands of findings appends to one buffer
/// instead of building and joining a `String` per member.
package struct JSONBytes {
    package var bytes: [UInt8] = []

    package init() {}

    /// The text so far.
    package var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Literal JSON syntax (keys, punctuation), copied as it is.
    @inline(__always)
    package mutating func raw(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    package mutating func integer(_ value: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            let count = Self.writeDecimal(value, into: buffer)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// Writes `value` in decimal at the start of `buffer` (room for 20 bytes: Int.min's sign
    /// and 19 digits); returns how many bytes it wrote. The digits are made last first (division by the
    /// constant 10 is a multiplication), once their count is known.
    @inline(__always)
    private static func writeDecimal(_ value: Int, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var end = 0
        if value < 0 {
            buffer[end] = 0x2D
            end += 1
        }
        // Int.min has no positive counterpart; its magnitude fits a UInt.
        var magnitude = value.magnitude
        var rest = magnitude / 10
        end += 1
        while rest > 0 {
            end += 1
            rest /= 10
        }
        var at = end
        repeat {
            at -= 1
            buffer[at] = 0x30 + UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        return end
    }

    /// `text` as a JSON string literal. Works on the UTF-8 bytes: runs that need no escape
    /// (curly quotes in nearly every message included) are copied whole.
    package mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { string(utf8: $0) }
    }

    package mutating func string(utf8 input: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        var runStart = 0
        var index = 0
        func escape(_ replacement: StaticString, skipping length: Int) {
            bytes.append(contentsOf: input[runStart..<index])
            replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
            index += length
            runStart = index
        }
        while index < input.count {
            // Most bytes need nothing: skipped by a few comparisons each, to the next that may.
            let byte = input[index]
            guard Self.mayNeedEscape(byte) else {
                index += 1
                continue
            }
            switch byte {
            case 0x22: escape("\\\"", skipping: 1)
            case 0x5C: escape("\\\\", skipping: 1)
            case 0x0A: escape("\\n", skipping: 1)
            case 0x0D: escape("\\r", skipping: 1)
            case 0x09: escape("\\t", skipping: 1)
            case 0x08: escape("\\b", skipping: 1)
            case 0x0C: escape("\\f", skipping: 1)
            case ..<0x20:
                bytes.append(contentsOf: input[runStart..<index])
                bytes.append(contentsOf: ("\\u" + String(byte, radix: 16).leftPadded(4)).utf8)
                index += 1
                runStart = index
            // U+2028 and U+2029 (E2 80 A8/A9): valid JSON, but they end lines in JavaScript.
            case 0xE2 where index + 2 < input.count && input[index + 1] == 0x80 && (input[index + 2] == 0xA8 || input[index + 2] == 0xA9):
                escape(input[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", skipping: 3)
            default: index += 1
            }
        }
        bytes.append(contentsOf: input[runStart..<input.count])
        bytes.append(0x22)
    }

    /// The bytes `string` looks at: the quote, the backslash, controls, and the lead byte of
    /// U+2028 and U+2029. (Compared, not looked up: a static table costs a lazy-initialisation
    /// check and a bounds check per byte.)
    @inline(__always)
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2
    }

    /// `{"line": L, "column": C, "offset": O}` (two of these for every finding, two more for
    /// each edit), appended piece by piece: a stack buffer filled by a nested `put` capturing
    /// its count cost several times as much.
    package mutating func location(_ location: Location) {
        raw("{\"line\": ")
        integer(location.line)
        raw(", \"column\": ")
        integer(location.column)
        raw(", \"offset\": ")
        integer(location.offset)
        bytes.append(0x7D) // }
    }
}
