/// `--format json`: the contract in the design notes (version 1), streamed file by file so a
/// large run holds one file's diagnostics at a time.
public struct JSONReporter: Reporter {
    public static let contractVersion = 1
    private var firstFile = true
    private var errors: [(path: String, message: String)] = []
    private let toolVersion: String

    public init(toolVersion: String) { self.toolVersion = toolVersion }

    public mutating func begin(write: (String) -> Void) {
        write("{\n  \"version\": \(Self.contractVersion),\n  \"tool\": {\"name\": \"kalka\", \"version\": \(JSON.string(toolVersion))},\n  \"files\": [")
    }

    public mutating func report(_ file: FileReport, write: (String) -> Void) {
        if let error = file.error {
            errors.append((file.path, error))
            return
        }
        var out = firstFile ? "\n" : ",\n"
        firstFile = false
        out += "    {\n      \"path\": \(JSON.string(file.path)),\n      \"diagnostics\": ["
        for (index, diagnostic) in file.diagnostics.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += "        " + Self.object(diagnostic)
            // Written in pieces: a file with many findings is never held as one string.
            if out.utf8.count >= Reporting.pieceSize {
                write(out)
                out = ""
            }
        }
        out += file.diagnostics.isEmpty ? "]\n    }" : "\n      ]\n    }"
        write(out)
    }

    public mutating func finish(_ summary: RunSummary, write: (String) -> Void) {
        var out = firstFile ? "],\n" : "\n  ],\n"
        out += "  \"errors\": ["
        out += errors.map { "\n    {\"path\": \(JSON.string($0.path)), \"message\": \(JSON.string($0.message))}" }.joined(separator: ",")
        out += errors.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"summary\": {\"files\": \(summary.files), \"diagnostics\": \(summary.diagnostics), "
        out += "\"byCategory\": \(JSON.counts(summary.byCategory)), \"bySeverity\": \(JSON.counts(summary.bySeverity))}\n}\n"
        write(out)
    }

    static func object(_ diagnostic: Diagnostic) -> String {
        "{" + fields(diagnostic).joined(separator: ", ") + "}"
    }

    /// The members of a diagnostic's object, in the contract's order.
    static func fields(_ diagnostic: Diagnostic) -> [String] {
        var fields = [
            "\"rule\": \(JSON.string(diagnostic.rule.code))",
            "\"name\": \(JSON.string(diagnostic.rule.name))",
            "\"category\": \(JSON.string(diagnostic.category.rawValue))",
            "\"severity\": \(JSON.string(diagnostic.severity.rawValue))",
            "\"message\": \(JSON.string(diagnostic.message))",
            "\"start\": \(JSON.location(diagnostic.start))",
            "\"end\": \(JSON.location(diagnostic.end))",
        ]
        if let fix = diagnostic.fix {
            let edits = fix.edits.map {
                "{\"start\": \(JSON.location($0.start)), \"end\": \(JSON.location($0.end)), \"replacement\": \(JSON.string($0.replacement))}"
            }
            fields.append("\"fix\": {\"applicability\": \(JSON.string(fix.applicability.rawValue)), \"title\": \(JSON.string(fix.title)), \"edits\": [\(edits.joined(separator: ", "))]}")
        } else {
            fields.append("\"fix\": null")
        }
        return fields
    }
}

/// Minimal JSON text building with correct string escaping.
enum JSON {
    /// `text` as a JSON string literal. Works on the UTF-8 bytes: runs that need no escape
    /// (curly quotes in nearly every message included) are copied whole.
    static func string(_ text: String) -> String {
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

    static func location(_ location: Location) -> String {
        "{\"line\": \(location.line), \"column\": \(location.column), \"offset\": \(location.offset)}"
    }

    static func counts(_ counts: [String: Int]) -> String {
        "{" + counts.sorted { $0.key < $1.key }.map { "\(string($0.key)): \($0.value)" }.joined(separator: ", ") + "}"
    }
}
