import KalkaCore
@testable import KalkaModel
@testable import KalkaRules

/// What the suites that count a rule's steps share: a plain-text analysis, and a rule's findings
/// with the steps it took (`WorkCounter`, debug builds).
protocol CountsRuleSteps {}

extension CountsRuleSteps {
    func analysis(_ text: String) throws -> Analysis {
        try Analyzer().analyze(PlainTextReader().read(Array(text.utf8)))
    }

    func findings(_ rule: some Rule, _ analysis: Analysis, of description: RuleDescription) -> (Findings, steps: Int) {
        var findings = Findings(rule: description)
        let steps = WorkCounter.counting { rule.check(analysis, into: &findings) }
        return (findings, steps)
    }
}
