import KalkaModel

/// Counts over a whole run, for summaries and exit codes.
public struct RunSummary: Sendable {
    public private(set) var files = 0
    public private(set) var diagnostics = 0
    public private(set) var errors = 0
    public private(set) var byCategory: [String: Int] = [:]
    public private(set) var bySeverity: [String: Int] = [:]
    /// Findings per rule, keyed by code (for `--statistics`).
    public private(set) var byRule: [String: (rule: RuleDescription, count: Int, fixable: Int)] = [:]
    public private(set) var fixable: [FixApplicability: Int] = [:]
    public private(set) var highestSeverity: Severity?
    /// Findings a baseline hid (text output mentions them; the JSON contract does not).
    public private(set) var hiddenByBaseline = 0

    public init() {}

    public mutating func add(_ report: FileReport) {
        if report.error != nil {
            errors += 1
            return
        }
        files += 1
        hiddenByBaseline += report.hiddenByBaseline
        for diagnostic in report.diagnostics {
            diagnostics += 1
            byCategory[diagnostic.category.rawValue, default: 0] += 1
            bySeverity[diagnostic.severity.rawValue, default: 0] += 1
            byRule[diagnostic.rule.code, default: (diagnostic.rule, 0, 0)].count += 1
            if diagnostic.fix.map({ $0.applicability != .displayOnly }) == true { byRule[diagnostic.rule.code]!.fixable += 1 }
            if let fix = diagnostic.fix { fixable[fix.applicability, default: 0] += 1 }
            highestSeverity = max(highestSeverity ?? diagnostic.severity, diagnostic.severity)
        }
    }
}
