import KalkaEngine
import KalkaModel

/// `--format concise`: one line per finding (`path:line:col: CODE [severity] message`), then the
/// text format's summary line.
public struct ConciseReporter: Reporter {
    private var text: TextReporter

    public init(color: Bool, quiet: Bool = false, records: Bool = false) {
        text = TextReporter(color: color, quiet: quiet, records: records)
    }

    public mutating func begin(write: (String) -> Void) {}

    public mutating func report(_ file: FileReport, write: (String) -> Void) {
        guard file.error == nil, !file.diagnostics.isEmpty else { return } // errors go to stderr, from the command
        for diagnostic in file.diagnostics { write(text.headline(diagnostic, path: file.path) + "\n") }
    }

    public mutating func finish(_ summary: RunSummary, write: (String) -> Void) {
        text.finish(summary, write: write)
    }
}
