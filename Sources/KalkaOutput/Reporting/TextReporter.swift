import KalkaEngine
import KalkaModel

/// `--format text`: ruff-like `path:line:col: CODE message`, the source line with the span
/// underlined, and the fix; colour only when asked for.
public struct TextReporter: Reporter {
    public var color: Bool
    /// Findings only: no summary line.
    public var quiet: Bool
    /// The documents are records of an archive (see `ReportFormat.Options.records`).
    public var records: Bool

    public init(color: Bool, quiet: Bool = false, records: Bool = false) {
        self.color = color
        self.quiet = quiet
        self.records = records
    }

    /// "3 files", "1 record".
    private func documents(_ count: Int) -> String {
        "\(count) \(records ? "record" : "file")\(count == 1 ? "" : "s")"
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
        let failed = summary.errors == 0 ? ""
            // A record that is not one, or an archive that cannot be read: an input either way.
            : records ? " \(summary.errors) input\(summary.errors == 1 ? "" : "s") could not be checked (see the errors above)."
            : " \(documents(summary.errors)) could not be checked or fixed (see the errors above)."
        if summary.diagnostics == 0 {
            let note = hidden == 0 ? "." : " (\(hidden) hidden by the baseline)."
            if summary.errors > 0 {
                write(paint("No problems found in \(documents(summary.files))\(note)", .bold) + failed + "\n")
                return
            }
            write(paint("All checked: no problems found", .green) + " in \(documents(summary.files))\(note)\n")
            return
        }
        let severities = Severity.allCases.reversed().compactMap { severity -> String? in
            guard let count = summary.bySeverity[severity.rawValue] else { return nil }
            return "\(count) \(severity.rawValue)\(count == 1 ? "" : severity == .info ? "" : "s")"
        }
        var line = "Found \(summary.diagnostics) problem\(summary.diagnostics == 1 ? "" : "s") (\(severities.joined(separator: ", "))) in \(documents(summary.files))."
        // `check --fix` does not rewrite an archive: no fixes to offer for records.
        let safe = records ? 0 : summary.fixable[.safe] ?? 0, unsafe = records ? 0 : summary.fixable[.unsafe] ?? 0
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
        let content = source.lines.contentRange(ofLine: number - 1, in: source.text)
        if content.count > Self.longLine { return window(diagnostic, source, line: content) }
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

    /// Lines longer than this many bytes are quoted as a window around the span: printing the
    /// whole line under every finding would make a one-line file's report grow with the square
    /// of its length.
    static let longLine = 4096
    /// Scalars quoted either side of the span in a window, and of the span itself at most.
    static let windowContext = 60
    static let windowSpan = 200

    /// The snippet of a long line: the span with some context either side, "…" where the line
    /// goes on, and carets under the span.
    private func window(_ diagnostic: Diagnostic, _ source: SourceFile, line content: Range<Int>) -> String {
        let text = source.text
        let number = diagnostic.start.line
        func scalarStart(_ offset: Int) -> Bool { offset >= content.upperBound || !UTF8Decoding.isContinuation(text[offset]) }
        func back(_ offset: Int) -> Int {
            var offset = offset - 1
            while offset > content.lowerBound && !scalarStart(offset) { offset -= 1 }
            return offset
        }
        func forward(_ offset: Int) -> Int {
            var offset = offset + 1
            while !scalarStart(offset) { offset += 1 }
            return offset
        }
        let start = min(max(diagnostic.textRange.lowerBound, content.lowerBound), content.upperBound)
        let spanLimit = diagnostic.end.line == number ? min(max(diagnostic.textRange.upperBound, start), content.upperBound) : content.upperBound
        var from = start, spanEnd = start, to: Int
        var count = 0
        while from > content.lowerBound && count < Self.windowContext { from = back(from); count += 1 }
        var width = 0
        while spanEnd < spanLimit && width < Self.windowSpan { spanEnd = forward(spanEnd); width += 1 }
        to = spanEnd
        count = 0
        while to < content.upperBound && count < Self.windowContext { to = forward(to); count += 1 }
        let opensCut = from > content.lowerBound
        let shown = (opensCut ? "…" : "") + String(decoding: text[from..<to], as: UTF8.self) + (to < content.upperBound ? "…" : "")
        let lead = (opensCut ? " " : "") + String(decoding: text[from..<start], as: UTF8.self).unicodeScalars.map { $0 == "\t" ? "\t" : " " }.joined()
        let gutter = String(number)
        let pad = String(repeating: " ", count: gutter.count)
        var out = " \(pad) |\n"
        out += " \(gutter) | \(shown)\n"
        out += " \(pad) | \(lead)" + paint(String(repeating: "^", count: max(1, width)), severityStyle(diagnostic.severity)) + "\n"
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
