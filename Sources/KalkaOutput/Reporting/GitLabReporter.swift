import KalkaEngine
import KalkaModel
import KalkaRules

/// `--format gitlab`: a GitLab Code Quality report, a JSON array of Code Climate issues with a
/// `fingerprint` that survives edits elsewhere in the file (see `FindingFingerprint`). Streamed.
/// Severities: error → major, warning → minor, info → info; a file that could not be checked is
/// a `critical` issue named `unreadable-file` at its line 1.
public struct GitLabReporter: Reporter {
    private var first = true

    public init() {}

    public mutating func begin(write: (String) -> Void) { write("[") }

    public mutating func report(_ file: FileReport, write: (String) -> Void) {
        if let error = file.error {
            let fingerprint = FindingFingerprint.hash([file.path, "unreadable-file"])
            write(separator() + issue(check: "unreadable-file", description: error, severity: "critical", fingerprint: fingerprint,
                                      path: file.path, lines: (1, 1)))
            return
        }
        for (diagnostic, fingerprint) in zip(file.diagnostics, FindingFingerprint.of(file)) {
            write(separator() + issue(check: diagnostic.rule.code, description: "\(diagnostic.rule.code) \(diagnostic.message)",
                                      severity: Self.severity(diagnostic.severity), fingerprint: fingerprint,
                                      path: file.path, lines: (diagnostic.start.line, diagnostic.end.line)))
        }
    }

    public mutating func finish(_ summary: RunSummary, write: (String) -> Void) {
        write(first ? "]\n" : "\n]\n")
    }

    private mutating func separator() -> String {
        defer { first = false }
        return first ? "\n  " : ",\n  "
    }

    private func issue(check: String, description: String, severity: String, fingerprint: String, path: String, lines: (Int, Int)) -> String {
        "{\"type\": \"issue\", \"check_name\": \(JSON.string(check)), \"description\": \(JSON.string(description)), "
            + "\"severity\": \"\(severity)\", \"fingerprint\": \"\(fingerprint)\", "
            + "\"location\": {\"path\": \(JSON.string(path)), \"lines\": {\"begin\": \(lines.0), \"end\": \(lines.1)}}}"
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "major"
        case .warning: "minor"
        case .info: "info"
        }
    }
}
