import KalkaEngine
import KalkaModel

/// `--format jsonl`: one JSON object per line and per finding, streamed: the contract's
/// diagnostic object with its `path` first. A file that could not be checked is one line
/// `{"path": …, "error": …}`. No summary line: every line is a finding or an error.
public struct JSONLinesReporter: Reporter {
    public init() {}

    public mutating func begin(write: (String) -> Void) {}

    public mutating func report(_ file: FileReport, write: (String) -> Void) {
        report(file) { write(String(reporterOutput: $0)) }
    }

    public mutating func report(_ file: FileReport, writeUTF8 write: (UnsafeRawBufferPointer) -> Void) {
        var out = JSONBytes()
        if let error = file.error {
            out.raw("{\"path\": ")
            out.string(file.path)
            out.raw(", \"error\": ")
            out.string(error)
            out.raw("}\n")
            out.flush(to: write)
            return
        }
        for diagnostic in file.diagnostics {
            out.raw("{\"path\": ")
            out.string(file.path)
            out.raw(", ")
            JSONReporter.fields(diagnostic, into: &out)
            out.raw("}\n")
            if out.bytes.count >= Reporting.pieceSize { out.flush(to: write) }
        }
        if !out.bytes.isEmpty { out.flush(to: write) }
    }

    public mutating func finish(_ summary: RunSummary, write: (String) -> Void) {}
}
