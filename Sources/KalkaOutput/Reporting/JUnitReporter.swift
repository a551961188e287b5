import KalkaEngine
import KalkaModel
import KalkaText

/// `--format junit`: JUnit XML, streamed, one `testsuite` per file. Each finding is a failed
/// `testcase` named by rule and position; a file without findings is one passing `testcase`;
/// a file that could not be checked is one `testcase` with an `error`.
public struct JUnitReporter: Reporter {
    public init() {}

    public mutating func begin(write: (String) -> Void) {
        write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"kalka\">\n")
    }

    public mutating func report(_ file: FileReport, write: (String) -> Void) {
        let path = Markup.escape(file.path, .xml)
        if let error = file.error {
            write("""
                  <testsuite name="\(path)" tests="1" failures="0" errors="1">
                    <testcase classname="\(path)" name="kalka" file="\(path)">
                      <error type="unreadable-file" message="\(Markup.escape(error, .xml))"/>
                    </testcase>
                  </testsuite>

                """)
            return
        }
        let failures = file.diagnostics.count
        var out = "  <testsuite name=\"\(path)\" tests=\"\(max(failures, 1))\" failures=\"\(failures)\" errors=\"0\">\n"
        if failures == 0 { out += "    <testcase classname=\"\(path)\" name=\"kalka\" file=\"\(path)\"/>\n" }
        for diagnostic in file.diagnostics {
            let code = diagnostic.rule.code, start = diagnostic.start
            out += "    <testcase classname=\"\(path)\" name=\"\(code) \(diagnostic.rule.name) at \(start.line):\(start.column)\" file=\"\(path)\" line=\"\(start.line)\">\n"
            out += "      <failure type=\"\(code)\" message=\"\(Markup.escape(diagnostic.message, .xml))\">"
            out += Markup.escape("\(file.path):\(start.line):\(start.column): \(code) [\(diagnostic.severity.rawValue)] \(diagnostic.message)", .xml)
            out += "</failure>\n    </testcase>\n"
            if out.utf8.count >= Reporting.pieceSize {
                write(out)
                out = ""
            }
        }
        write(out + "  </testsuite>\n")
    }

    public mutating func finish(_ summary: RunSummary, write: (String) -> Void) {
        write("</testsuites>\n")
    }
}
