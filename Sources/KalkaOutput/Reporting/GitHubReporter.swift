import KalkaEngine
import KalkaModel
import KalkaRules

/// `--format github`: GitHub Actions workflow commands, one line per finding, which the runner
/// turns into annotations on the pull request:
/// `::warning file=a.md,line=3,endLine=3,col=9,endColumn=16,title=DUP001 repeated-word::message`.
/// Severity info becomes `notice`; a file that could not be checked is an `::error` on the file.
/// Columns are given only for one-line spans (GitHub ignores them otherwise). Nothing else is
/// printed, so every line is a command.
public struct GitHubReporter: Reporter {
    public init() {}

    public mutating func begin(write: (String) -> Void) {}

    public mutating func report(_ file: FileReport, write: (String) -> Void) {
        if let error = file.error {
            write(Self.command("error", [("file", file.path), ("title", "kalka could not check this file")], error))
            return
        }
        for diagnostic in file.diagnostics {
            var properties = [("file", file.path), ("line", "\(diagnostic.start.line)"), ("endLine", "\(diagnostic.end.line)")]
            if diagnostic.start.line == diagnostic.end.line {
                properties += [("col", "\(diagnostic.start.column)"), ("endColumn", "\(diagnostic.end.column)")]
            }
            properties.append(("title", "\(diagnostic.rule.code) \(diagnostic.rule.name)"))
            write(Self.command(Self.level(diagnostic.severity), properties, diagnostic.message))
        }
    }

    public mutating func finish(_ summary: RunSummary, write: (String) -> Void) {}

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    static func command(_ name: String, _ properties: [(String, String)], _ message: String) -> String {
        let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(name) \(list)::\(escapeData(message))\n"
    }

    /// The runner's own unescaping: `%`, CR and LF in the message.
    static func escapeData(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// In properties also `:` and `,`, which would end the value.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
