import KalkaEngine
import KalkaModel

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
