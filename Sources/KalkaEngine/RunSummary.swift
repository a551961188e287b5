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
        // Tallied per report first, by linear search over the few rules, categories and
        // severities a report has, then added to the run's tables once each: a table lookup
        // hashes a string, and a report can have hundreds of findings.
        var rules: [(rule: RuleDescription, count: Int, fixable: Int)] = []
        var categories: [(category: String, count: Int)] = []
        var severities: [(severity: Severity, count: Int)] = []
        var fixes: [(applicability: FixApplicability, count: Int)] = []
        for diagnostic in report.diagnostics {
            diagnostics += 1
            let fixableHere = diagnostic.fix.map { $0.applicability != .displayOnly } == true ? 1 : 0
            if let index = rules.firstIndex(where: { $0.rule.code == diagnostic.rule.code }) {
                rules[index].count += 1
                rules[index].fixable += fixableHere
            } else {
                rules.append((diagnostic.rule, 1, fixableHere))
            }
            let category = diagnostic.category.rawValue
            if let index = categories.firstIndex(where: { $0.category == category }) { categories[index].count += 1 } else { categories.append((category, 1)) }
            if let index = severities.firstIndex(where: { $0.severity == diagnostic.severity }) { severities[index].count += 1 } else { severities.append((diagnostic.severity, 1)) }
            if let fix = diagnostic.fix {
                if let index = fixes.firstIndex(where: { $0.applicability == fix.applicability }) { fixes[index].count += 1 } else { fixes.append((fix.applicability, 1)) }
            }
            highestSeverity = max(highestSeverity ?? diagnostic.severity, diagnostic.severity)
        }
        for tally in rules {
            byRule[tally.rule.code, default: (tally.rule, 0, 0)].count += tally.count
            byRule[tally.rule.code]!.fixable += tally.fixable
        }
        for tally in categories { byCategory[tally.category, default: 0] += tally.count }
        for tally in severities { bySeverity[tally.severity.rawValue, default: 0] += tally.count }
        for tally in fixes { fixable[tally.applicability, default: 0] += tally.count }
    }
}
