import KalkaEngine
import KalkaModel
import KalkaText

/// `--format checkstyle`: Checkstyle XML (format version 4.3), streamed: one `file` per input,
/// also without findings, one `error` per finding with `source` `kalka.CODE`. A file that could
/// not be checked holds one `error` without a line, source `kalka.unreadable-file`.
public struct CheckstyleReporter: Reporter {
    public init() {}

    public mutating func begin(write: (String) -> Void) {
        write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n")
    }

    public mutating func report(_ file: FileReport, write: (String) -> Void) {
        let name = Markup.escape(file.path, .xml)
        if let error = file.error {
            write("  <file name=\"\(name)\">\n    <error severity=\"error\" message=\"\(Markup.escape(error, .xml))\" source=\"kalka.unreadable-file\"/>\n  </file>\n")
            return
        }
        if file.diagnostics.isEmpty {
            write("  <file name=\"\(name)\"/>\n")
            return
        }
        var out = "  <file name=\"\(name)\">\n"
        for diagnostic in file.diagnostics {
            out += "    <error line=\"\(diagnostic.start.line)\" column=\"\(diagnostic.start.column)\" severity=\"\(diagnostic.severity.rawValue)\" "
            out += "message=\"\(Markup.escape(diagnostic.message, .xml))\" source=\"kalka.\(diagnostic.rule.code)\"/>\n"
            if out.utf8.count >= Reporting.pieceSize {
                write(out)
                out = ""
            }
        }
        write(out + "  </file>\n")
    }

    public mutating func finish(_ summary: RunSummary, write: (String) -> Void) {
        write("</checkstyle>\n")
    }
}
