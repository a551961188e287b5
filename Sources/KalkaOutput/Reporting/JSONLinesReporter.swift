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
        var out = JSONBytes()
        for diagnostic in file.diagnostics {
            out.raw("{\"path\": ")
            out.string(file.path)
            out.raw(", ")
            JSONReporter.fields(diagnostic, into: &out)
            out.raw("}\n")
            if out.bytes.count >= Reporting.pieceSize {
                write(out.text)
                out.bytes.removeAll(keepingCapacity: true)
            }
        }
        if !out.bytes.isEmpty { write(out.text) }
    }

    public mutating func finish(_ summary: RunSummary, write: (String) -> Void) {}
}
