/// Minimal JSON text building with correct string escaping.
package enum JSON {
    /// `text` as a JSON string literal. Works on the UTF-8 bytes: runs that need no escape
    /// (curly quotes in nearly every message included) are copied whole.
    package static func string(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 2)
            out.append(0x22)
            var runStart = 0
            var index = 0
            func escape(_ replacement: String, skipping length: Int) {
                out.append(contentsOf: bytes[runStart..<index])
                out.append(contentsOf: replacement.utf8)
                index += length
                runStart = index
            }
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x22: escape("\\\"", skipping: 1)
                case 0x5C: escape("\\\\", skipping: 1)
                case 0x0A: escape("\\n", skipping: 1)
                case 0x0D: escape("\\r", skipping: 1)
                case 0x09: escape("\\t", skipping: 1)
                case 0x08: escape("\\b", skipping: 1)
                case 0x0C: escape("\\f", skipping: 1)
                case ..<0x20: escape("\\u" + String(byte, radix: 16).leftPadded(4), skipping: 1)
                // U+2028 and U+2029 (E2 80 A8/A9): valid JSON, but they end lines in JavaScript.
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", skipping: 3)
                default: index += 1
                }
            }
            out.append(contentsOf: bytes[runStart..<bytes.count])
            out.append(0x22)
            return String(decoding: out, as: UTF8.self)
        }
    }

    package static func location(_ location: Location) -> String {
        "{\"line\": \(location.line), \"column\": \(location.column), \"offset\": \(location.offset)}"
    }

    package static func counts(_ counts: [String: Int]) -> String {
        "{" + counts.sorted { $0.key < $1.key }.map { "\(string($0.key)): \($0.value)" }.joined(separator: ", ") + "}"
    }
}
