import ArgumentParser
import KalkaCore

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the rules.")

    @Flag(help: "Print the rule table in Markdown (as in the README).")
    var markdown = false

    func run() {
        if markdown {
            StandardStreams.writeOut(RuleCatalog.markdownTable())
            return
        }
        let rows = BuiltInRules.descriptions.map { rule in
            [rule.code, rule.name, rule.category.rawValue, rule.severity.rawValue, rule.fixApplicability?.rawValue ?? "-",
             (rule.preview ? "[preview] " : "") + rule.summary]
        }
        let header = ["CODE", "NAME", "CATEGORY", "SEVERITY", "FIX", "SUMMARY"]
        let widths = (0..<5).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        for row in [header] + rows {
            let padded = (0..<5).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
            StandardStreams.writeOut((padded + [row[5]]).joined(separator: "  ") + "\n")
        }
    }
}

struct RuleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rule", abstract: "Explain one rule, with its examples.")

    @Argument(help: "A rule code (DUP001), name (repeated-word) or pattern id (CAL001/reported-about).")
    var rule: String

    func run() throws {
        let patterns = try PatternRules.of(DictionaryStore.builtIn.get())
        if rule.contains("/") {
            guard let pattern = patterns.pattern(rule), let type = BuiltInRules.find(pattern.rule) else {
                throw CommandFailure(nil, "no pattern '\(rule)'; 'kalka rule \(rule.split(separator: "/").first ?? "")' lists a rule's patterns")
            }
            StandardStreams.writeOut(RuleCatalog.explanation(pattern, of: type.description))
            return
        }
        guard let type = BuiltInRules.find(rule) else {
            throw CommandFailure(nil, "no rule '\(rule)'; 'kalka rules' lists them")
        }
        StandardStreams.writeOut(RuleCatalog.explanation(type.description, patterns: patterns.set(for: type.description.code).patterns))
    }
}
