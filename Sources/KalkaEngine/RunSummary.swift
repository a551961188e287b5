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
        var rules = SmallTally<String>()
        // By the rules' order in `rules`: each one's description and fixable findings.
        var ruleDescriptions: [RuleDescription] = [], fixableByRule: [Int] = []
        var categories = SmallTally<String>(), severities = SmallTally<Severity>(), fixes = SmallTally<FixApplicability>()
        for diagnostic in report.diagnostics {
            diagnostics += 1
            let rule = rules.add(diagnostic.rule.code)
            if rule == ruleDescriptions.count {
                ruleDescriptions.append(diagnostic.rule)
                fixableByRule.append(0)
            }
            if let fix = diagnostic.fix, fix.applicability != .displayOnly { fixableByRule[rule] += 1 }
            categories.add(diagnostic.category.rawValue)
            severities.add(diagnostic.severity)
            if let fix = diagnostic.fix { fixes.add(fix.applicability) }
            highestSeverity = max(highestSeverity ?? diagnostic.severity, diagnostic.severity)
        }
        for (index, rule) in ruleDescriptions.enumerated() {
            byRule[rule.code, default: (rule, 0, 0)].count += rules.counts[index]
            byRule[rule.code]!.fixable += fixableByRule[index]
        }
        for (category, count) in zip(categories.keys, categories.counts) { byCategory[category, default: 0] += count }
        for (severity, count) in zip(severities.keys, severities.counts) { bySeverity[severity.rawValue, default: 0] += count }
        for (applicability, count) in zip(fixes.keys, fixes.counts) { fixable[applicability, default: 0] += count }
    }
}

/// Counts by key for the few distinct keys of one report, in the order first seen.
private struct SmallTally<Key: Equatable> {
    var keys: [Key] = []
    var counts: [Int] = []

    /// Counts one more `key`; returns its index in `keys` (`keys.count - 1` when it is new).
    @discardableResult
    mutating func add(_ key: Key) -> Int {
        if let index = keys.firstIndex(of: key) {
            counts[index] += 1
            return index
        }
        keys.append(key)
        counts.append(1)
        return keys.count - 1
    }
}
