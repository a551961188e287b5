/// `--format text`: ruff-like `path:line:col: CODE message`, the source line with the span
/// underlined, and the fix; colour only when asked for.
public struct TextReporter: Reporter {
    public var color: Bool
    /// Findings only: no summary line.
    public var quiet: Bool

    public init(color: Bool, quiet: Bool = false) {
        self.color = color
        self.quiet = quiet
    }

    public mutating func begin(write: (String) -> Void) {}

    public mutating func report(_ file: FileReport, write: (String) -> Void) {
        guard file.error == nil else { return } // errors go to stderr, from the command
        for diagnostic in file.diagnostics {
            var out = headline(diagnostic, path: file.path) + "\n"
            if let source = file.source { out += snippet(diagnostic, source) }
            if let fix = diagnostic.fix {
                out += "   " + paint("= \(fix.applicability == .displayOnly ? "suggestion" : "fix (\(fix.applicability.rawValue))"): \(fix.title)", .cyan) + "\n"
            }
            write(out + "\n")
        }
    }

    public mutating func finish(_ summary: RunSummary, write: (String) -> Void) {
        if quiet { return }
        let hidden = summary.hiddenByBaseline
        // Files that could not be checked (or fixed) are never "all checked".
        let failed = summary.errors == 0 ? "" : " \(summary.errors) file\(summary.errors == 1 ? "" : "s") could not be checked or fixed (see the errors above)."
        if summary.diagnostics == 0 {
            let note = hidden == 0 ? "." : " (\(hidden) hidden by the baseline)."
            if summary.errors > 0 {
                write(paint("No problems found in \(summary.files) file\(summary.files == 1 ? "" : "s")\(note)", .bold) + failed + "\n")
                return
            }
            write(paint("All checked: no problems found", .green) + " in \(summary.files) file\(summary.files == 1 ? "" : "s")\(note)\n")
            return
        }
        let severities = Severity.allCases.reversed().compactMap { severity -> String? in
            guard let count = summary.bySeverity[severity.rawValue] else { return nil }
            return "\(count) \(severity.rawValue)\(count == 1 ? "" : severity == .info ? "" : "s")"
        }
        var line = "Found \(summary.diagnostics) problem\(summary.diagnostics == 1 ? "" : "s") (\(severities.joined(separator: ", "))) in \(summary.files) file\(summary.files == 1 ? "" : "s")."
        let safe = summary.fixable[.safe] ?? 0, unsafe = summary.fixable[.unsafe] ?? 0
        if safe > 0 { line += " \(safe) fixable with --fix." }
        if unsafe > 0 { line += " \(unsafe) more with --unsafe-fixes." }
        if hidden > 0 { line += " \(hidden) more hidden by the baseline." }
        write(paint(line, .bold) + failed + "\n")
    }

    /// `path:line:col: CODE [severity] message`: the first line of a finding, and all of it in
    /// the concise format.
    func headline(_ diagnostic: Diagnostic, path: String) -> String {
        paint("\(path):\(diagnostic.start.line):\(diagnostic.start.column):", .bold)
            + " " + paint(diagnostic.rule.code, severityStyle(diagnostic.severity))
            + " [\(diagnostic.severity.rawValue)] \(diagnostic.message)"
    }

    /// The first line of the span with carets under it (to the line's end if the span goes on).
    private func snippet(_ diagnostic: Diagnostic, _ source: SourceFile) -> String {
        let number = diagnostic.start.line
        let text = source.lineText(number - 1)
        let gutter = String(number)
        let pad = String(repeating: " ", count: gutter.count)
        let lineLength = text.unicodeScalars.count
        let startColumn = min(diagnostic.start.column, lineLength + 1)
        let endColumn = diagnostic.end.line == number ? diagnostic.end.column : lineLength + 1
        let width = max(1, endColumn - startColumn)
        // Tabs keep their width in the caret line so carets stay aligned.
        let lead = text.unicodeScalars.prefix(startColumn - 1).map { $0 == "\t" ? "\t" : " " }.joined()
        var out = " \(pad) |\n"
        out += " \(gutter) | \(text)\n"
        out += " \(pad) | \(lead)" + paint(String(repeating: "^", count: width), severityStyle(diagnostic.severity)) + "\n"
        return out
    }

    private enum Style: String {
        case bold = "1", red = "31", yellow = "33", blue = "34", cyan = "36", green = "32"
    }

    private func severityStyle(_ severity: Severity) -> Style {
        switch severity {
        case .error: .red
        case .warning: .yellow
        case .info: .blue
        }
    }

    private func paint(_ text: String, _ style: Style) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
