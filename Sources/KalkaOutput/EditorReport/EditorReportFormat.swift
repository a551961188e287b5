/// The forms of an editor report (`kalka report --format`).
public enum EditorReportFormat: String, Sendable, CaseIterable {
    /// One self-contained page (`HTMLReport`).
    case html
    /// The top sentences for a pull request comment (`MarkdownReport`).
    case md
    /// The same data for other tools (`JSONEditorReport`).
    case json

    /// How many suspicious sentences are ranked when not told: a comment stays short.
    public var defaultTop: Int {
        switch self {
        case .html, .json: 100
        case .md: 10
        }
    }

    /// The report in this form, ranking `top` sentences (nil: `defaultTop`).
    public func render(_ report: EditorReport, top: Int?) -> String {
        let top = top ?? defaultTop
        return switch self {
        case .html: HTMLReport.render(report, top: top)
        case .md: MarkdownReport.render(report, top: top)
        case .json: JSONEditorReport.render(report, top: top)
        }
    }
}

extension EditorReport {
    /// 2 when an input could not be read or checked (it is listed in the report), else 0.
    public var exitStatus: Int32 { errors.isEmpty ? 0 : 2 }
}
