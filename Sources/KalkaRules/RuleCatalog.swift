import KalkaKnowledge
import KalkaModel

/// Rule documentation generated from the descriptions: `kalka rule CODE` and the README table.
public enum RuleCatalog {
    /// The README's rule table (a test checks the README holds exactly this).
    public static func markdownTable() -> String {
        var out = "| Code | Name | Category | Severity | Fix | What it finds |\n|---|---|---|---|---|---|\n"
        for rule in BuiltInRules.descriptions {
            let summary = rule.preview ? "*Preview (off unless selected by code or name).* \(rule.summary)" : rule.summary
            out += "| \(rule.code) | `\(rule.name)` | \(rule.category.rawValue) | \(rule.severity.rawValue) | \(rule.fixApplicability?.rawValue ?? "—") | \(summary) |\n"
        }
        return out
    }

    /// What `kalka rule CODE` prints, in the order ruff uses: what, why, fix safety, examples.
    public static func explanation(_ rule: RuleDescription, patterns: [TokenPattern] = []) -> String {
        var out = "\(rule.code) \(rule.name)\n"
        out += "Category: \(rule.category.rawValue) · Severity: \(rule.severity.rawValue) · Fix: \(rule.fixApplicability?.rawValue ?? "none")\n"
        if rule.preview { out += "Preview: off unless selected by its code or name (--select \(rule.code)).\n" }
        switch rule.signalsTranslation {
        case .none: break
        case .weak: out += "Sign of translation: weak (two such findings show the text was translated; see Period spellings).\n"
        case .strong: out += "Sign of translation: strong (one such finding shows the text was translated; see Period spellings).\n"
        }
        out += "\n"
        out += "What it finds\n  \(rule.summary)\n\n"
        out += "Why it matters\n" + indent(rule.rationale) + "\n"
        if let safety = rule.fixSafety { out += "\nFix safety\n" + indent(safety) + "\n" }
        out += "\nFlagged (the finding in ⟦ ⟧)\n" + rule.triggering.map { "  ✗ " + oneLine($0) }.joined(separator: "\n") + "\n"
        out += "\nNot flagged\n" + rule.nonTriggering.map { "  ✓ " + oneLine($0) }.joined(separator: "\n") + "\n"
        if !rule.fixes.isEmpty {
            out += "\nFixes\n" + rule.fixes.map { "  \(oneLine($0.before))\n  → \(oneLine($0.after))" }.joined(separator: "\n") + "\n"
        }
        if !patterns.isEmpty {
            out += "\nPatterns (each reported, selected and suppressed by its id; 'kalka rule ID' shows one)\n"
            let width = patterns.map(\.id.count).max() ?? 0
            for pattern in patterns {
                let id = pattern.id + String(repeating: " ", count: width - pattern.id.count)
                let severity = pattern.severity.rawValue + String(repeating: " ", count: 7 - pattern.severity.rawValue.count)
                out += "  \(id)  \(severity)  \(pattern.source)\n"
            }
        }
        return out
    }

    /// One pattern of a rule made of patterns: what it matches, why, and its examples.
    public static func explanation(_ pattern: TokenPattern, of rule: RuleDescription) -> String {
        var out = "\(pattern.id) (\(rule.name) pattern, \(pattern.path):\(pattern.line))\n"
        out += "Category: \(rule.category.rawValue) · Severity: \(pattern.severity.rawValue)\n\n"
        out += "Renders\n  \(pattern.source)\n"
        if !pattern.note.isEmpty { out += "\nWhy it matters\n" + indent(pattern.note) + "\n" }
        out += "\nMatch\n  \(pattern.expression)\n"
        for exception in pattern.exceptions { out += "  unless \(exception)\n" }
        switch pattern.suggestion {
        case .replace(let template): out += "\nSuggestion\n  \(template)\n"
        case .drop: out += "\nSuggestion\n  (drop the words)\n"
        case .advice(let advice): out += "\nAdvice\n  \(advice)\n"
        }
        out += "\nFlagged (the finding in ⟦ ⟧)\n" + pattern.examples.map { "  ✗ " + oneLine($0.text) + ($0.suggestion.map { " → \($0)" } ?? "") }.joined(separator: "\n") + "\n"
        out += "\nNot flagged\n" + pattern.counterexamples.map { "  ✓ " + oneLine($0) }.joined(separator: "\n") + "\n"
        return out
    }

    private static func oneLine(_ text: String) -> String { text.replacingNewlines(with: "⏎") }

    private static func indent(_ text: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.count + word.count + 1 > 92 && !line.isEmpty {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { "  " + $0 }.joined(separator: "\n")
    }
}

extension String {
    func replacingNewlines(with marker: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: marker)
    }
}
