import KalkaKnowledge
import KalkaModel

/// KAL002: a directive naming something that is no rule it could suppress.
public struct UnknownSuppressionCodeRule: Rule {
    public static let description = RuleDescription(
        code: "KAL002",
        name: "unknown-suppression-code",
        category: .boilerplate,
        severity: .warning,
        summary: "A suppression directive naming no rule: a mistyped code, name, prefix or category, or a KAL rule.",
        rationale: "A directive with a mistyped code suppresses nothing, so the author believes a finding is excused while kalka goes on "
            + "reporting it, or a later edit fails to notice the directive is dead. Directives take what --select takes: a code (DUP001), "
            + "a code prefix (DUP), a name (repeated-word) or a category (duplicated-word). The KAL rules themselves are turned off "
            + "with --ignore, never by a directive.",
        triggering: [
            "[kalka-disable-next-line ⟦DUP01⟧]\nThe minister met the the mayor.\n",
            "[kalka-disable ⟦repeated-words⟧, NAM001]\nThe mayor of Kiev spoke.\n",
            "[kalka-disable-file ⟦KAL001⟧]\nThe talks ended.\n",
        ],
        nonTriggering: [
            "[kalka-disable-next-line duplicated-word]\nThe the talks ended.\n",
            "[kalka-disable DUP]\nThe the talks ended.\n[kalka-enable DUP]\n",
            "The note [kalka-disable DUP999] is not alone on its line, so it is prose.\n",
        ]
    )

    public init(dictionaries: DictionaryStore) {}
}

extension UnknownSuppressionCodeRule: DirectiveRule {
    public func audit(_ audit: SuppressionAudit) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for directive in audit.directives {
            for selector in directive.selectors where !Suppressions.isSuppressible(selector.text) {
                // The quote stays short however long the unknown code (the range marks all of it).
                let quoted = selector.text.count > 40 ? selector.text.prefix(39) + "…" : selector.text
                let message = BuiltInRules.descriptions.contains(where: RuleSelector(selector.text).matches)
                    ? "“\(quoted)” cannot be suppressed by a directive: use --ignore"
                    : "“\(quoted)” names no rule: use a code, code prefix, name or category (see kalka rules)"
                diagnostics.append(audit.diagnostic(Self.description, selector.range, message))
            }
        }
        return diagnostics
    }
}
