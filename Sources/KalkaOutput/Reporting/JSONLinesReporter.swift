import KalkaEngine
import KalkaModel

/// `--format jsonl`: one JSON object per line and per finding, streamed: the contract's
/// diagnostic object with its `path` first. A file that could not be checked is one line
/// `{"path": …, "error": …}`. No summary line: every line is a finding or an error.
public struct JSONLinesReporter: Reporter {
    public init() {}

    public mutating func begin(write: (String) -> Void) {}

    public mutating func report(_ file: FileReport, write: (String) -> Void) {
        let path = "\"path\": \(JSON.string(file.path))"
        if let error = file.error {
            write("{\(path), \"error\": \(JSON.string(error))}\n")
            return
        }
        for diagnostic in file.diagnostics { write("{" + ([path] + JSONReporter.fields(diagnostic)).joined(separator: ", ") + "}\n") }
    }

    public mutating func finish(_ summary: RunSummary, write: (String) -> Void) {}
}
