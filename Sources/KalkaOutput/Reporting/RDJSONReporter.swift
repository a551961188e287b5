import KalkaEngine
import KalkaModel

/// `--format rdjson`: reviewdog's Diagnostic Format (`DiagnosticResult`), streamed. reviewdog
/// counts columns in UTF-8 bytes (1-based), so this format alone does not report the
/// Unicode-scalar columns of the others. Every fix edit is a suggestion; a file that could not
/// be checked is an `ERROR` with code `unreadable-file` and no range.
public struct RDJSONReporter: Reporter {
    private var first = true

    public init() {}

    public mutating func begin(write: (String) -> Void) {
        write("{\n  \"source\": {\"name\": \"kalka\"},\n  \"diagnostics\": [")
    }

    public mutating func report(_ file: FileReport, write: (String) -> Void) {
        let path = JSON.string(file.path)
        if let error = file.error {
            write(separator() + "{\"message\": \(JSON.string(error)), \"location\": {\"path\": \(path)}, \"severity\": \"ERROR\", \"code\": {\"value\": \"unreadable-file\"}}")
            return
        }
        guard let source = file.source else { return }
        for diagnostic in file.diagnostics {
            var out = "{\"message\": \(JSON.string(diagnostic.message)), "
            out += "\"location\": {\"path\": \(path), \"range\": \(Self.range(diagnostic.textRange, diagnostic.start.line, diagnostic.end.line, source))}, "
            out += "\"severity\": \"\(diagnostic.severity.rawValue.uppercased())\", \"code\": {\"value\": \(JSON.string(diagnostic.rule.code))}"
            if let fix = diagnostic.fix {
                let suggestions = fix.edits.map { "{\"range\": \(Self.range($0.textRange, $0.start.line, $0.end.line, source)), \"text\": \(JSON.string($0.replacement))}" }
                out += ", \"suggestions\": [\(suggestions.joined(separator: ", "))]"
            }
            write(separator() + out + "}")
        }
    }

    public mutating func finish(_ summary: RunSummary, write: (String) -> Void) {
        write(first ? "]\n}\n" : "\n  ]\n}\n")
    }

    private mutating func separator() -> String {
        defer { first = false }
        return first ? "\n    " : ",\n    "
    }

    /// A text range as reviewdog positions: 1-based lines, 1-based UTF-8 byte columns.
    static func range(_ range: Range<Int>, _ startLine: Int, _ endLine: Int, _ source: SourceFile) -> String {
        func position(_ offset: Int, _ line: Int) -> String {
            "{\"line\": \(line), \"column\": \(offset - source.lines.start(ofLine: line - 1) + 1)}"
        }
        return "{\"start\": \(position(range.lowerBound, startLine)), \"end\": \(position(range.upperBound, endLine))}"
    }
}
