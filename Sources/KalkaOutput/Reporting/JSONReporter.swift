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
        report(file) { write(String(reporterOutput: $0)) }
    }

    public mutating func report(_ file: FileReport, writeUTF8 write: (UnsafeRawBufferPointer) -> Void) {
        if let error = file.error {
            errors.append((file.path, error))
            return
        }
        var out = JSONBytes()
        out.raw(firstFile ? "\n" : ",\n")
        firstFile = false
        out.raw("    {\n      \"path\": ")
        out.string(file.path)
        out.raw(",\n      \"diagnostics\": [")
        for (index, diagnostic) in file.diagnostics.enumerated() {
            out.raw(index == 0 ? "\n        " : ",\n        ")
            Self.object(diagnostic, into: &out)
            // Written in pieces: a file with many findings is never held whole.
            if out.bytes.count >= Reporting.pieceSize { out.flush(to: write) }
        }
        out.raw(file.diagnostics.isEmpty ? "]\n    }" : "\n      ]\n    }")
        out.flush(to: write)
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
        var out = JSONBytes()
        object(diagnostic, into: &out)
        return out.text
    }

    static func object(_ diagnostic: Diagnostic, into out: inout JSONBytes) {
        out.raw("{")
        fields(diagnostic, into: &out)
        out.raw("}")
    }

    /// The members of a diagnostic's object, in the contract's order, without the braces.
    static func fields(_ diagnostic: Diagnostic, into out: inout JSONBytes) {
        out.raw("\"rule\": ")
        out.string(diagnostic.rule.code)
        out.raw(", \"name\": ")
        out.string(diagnostic.rule.name)
        if let pattern = diagnostic.pattern {
            out.raw(", \"pattern\": ")
            out.string(pattern)
        }
        out.raw(", \"category\": ")
        out.string(diagnostic.category.rawValue)
        out.raw(", \"severity\": ")
        out.string(diagnostic.severity.rawValue)
        out.raw(", \"message\": ")
        out.string(diagnostic.message)
        out.raw(", \"start\": ")
        out.location(diagnostic.start)
        out.raw(", \"end\": ")
        out.location(diagnostic.end)
        guard let fix = diagnostic.fix else {
            out.raw(", \"fix\": null")
            return
        }
        out.raw(", \"fix\": {\"applicability\": ")
        out.string(fix.applicability.rawValue)
        out.raw(", \"title\": ")
        out.string(fix.title)
        out.raw(", \"edits\": [")
        for (index, edit) in fix.edits.enumerated() {
            out.raw(index == 0 ? "{\"start\": " : ", {\"start\": ")
            out.location(edit.start)
            out.raw(", \"end\": ")
            out.location(edit.end)
            out.raw(", \"replacement\": ")
            out.string(edit.replacement)
            out.raw("}")
        }
        out.raw("]}")
    }
}
