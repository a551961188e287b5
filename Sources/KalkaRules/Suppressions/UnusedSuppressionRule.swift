import KalkaKnowledge
import KalkaModel

/// KAL001: a directive, or one rule it names, that suppressed nothing in this run.
public struct UnusedSuppressionRule: Rule {
    public static let description = RuleDescription(
        code: "KAL001",
        name: "unused-suppression",
        category: .boilerplate,
        severity: .warning,
        summary: "A suppression directive, or one rule it names, that suppresses no finding where it applies.",
        rationale: "A directive left behind after the text it excused was corrected silently hides the next real problem at that place. "
            + "Only rules this run checks count: a directive for a rule left out with --select or --ignore is never called unused. "
            + "Directives naming no known rule are KAL002's.",
        fixApplicability: .safe,
        fixSafety: "The fix deletes only the directive (its whole line, with the enable that closes nothing else) or the one unused code "
            + "and its comma; the prose is untouched. It is offered only when the directive stands alone on its line.",
        triggering: [
            "⟦[kalka-disable DUP001]⟧\nKyiv is the capital of Ukraine.\n",
            "⟦[kalka-disable-next-line]⟧\nThe talks ended on Friday.\n",
            "[kalka-disable-next-line DUP001, ⟦NAM001⟧]\nThe minister met the the mayor.\n",
        ],
        nonTriggering: [
            "[kalka-disable-next-line DUP001]\nThe minister met the the mayor.\n",
            "[kalka-disable NAM001]\nThe mayor of Kiev spoke.\n[kalka-enable NAM001]\n",
            "[kalka-disable-file]\nThe the talks ended.\n",
            "[kalka-disable DUP999]\nThe talks ended.\n",
        ],
        fixes: [
            FixExample("[kalka-disable DUP001]\nKyiv is the capital.\n", "Kyiv is the capital.\n"),
            FixExample("[kalka-disable-next-line DUP001, NAM001]\nThe minister met the the mayor.\n",
                       "[kalka-disable-next-line DUP001]\nThe minister met the the mayor.\n"),
            FixExample("[kalka-disable NAM001]\nThe talks ended.\n[kalka-enable NAM001]\nThe ministers left.\n",
                       "The talks ended.\nThe ministers left.\n"),
        ]
    )

    public init(dictionaries: DictionaryStore) {}
}

extension UnusedSuppressionRule: DirectiveRule {
    public func audit(_ audit: SuppressionAudit) -> [Diagnostic] {
        guard !audit.activeRules.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        for (index, directive) in audit.directives.enumerated() where directive.kind != .enable {
            let written = "kalka-\(directive.kind.rawValue)" + (directive.selectors.isEmpty ? "" : " " + directive.selectors.map(\.text).joined(separator: ", "))
            if directive.selectors.isEmpty {
                if !audit.used.contains(.init(directive: index, selector: nil)) {
                    diagnostics.append(wholeDirective(index, "“\(written)” suppresses nothing", audit))
                }
                continue
            }
            let unused = directive.selectors.indices.filter { selector in
                let text = directive.selectors[selector].text
                let rule = RuleSelector(text)
                return Suppressions.isSuppressible(text) && audit.activeRules.contains { rule.matches($0) || rule.picksPattern(of: $0) }
                    && !audit.used.contains(.init(directive: index, selector: selector))
            }
            if unused.count == directive.selectors.count {
                diagnostics.append(wholeDirective(index, "“\(written)” suppresses nothing", audit))
                continue
            }
            for selector in unused {
                let range = directive.selectors[selector].range
                // The code with the separator before it (after it, for the first code), if that
                // holds only commas and spaces.
                let deletion = selector > 0 ? directive.selectors[selector - 1].range.upperBound..<range.upperBound
                                            : range.lowerBound..<directive.selectors[selector + 1].range.lowerBound
                let text = directive.selectors[selector].text
                diagnostics.append(audit.diagnostic(Self.description, range, "“\(text)” suppresses nothing here",
                                                    fix: isOnlySeparators(deletion, around: range, audit) ? (title: "Remove “\(text)”", deletions: [deletion]) : nil))
            }
        }
        return diagnostics
    }

    /// True when `deletion` holds nothing but `code` and commas, spaces and tabs.
    private func isOnlySeparators(_ deletion: Range<Int>, around code: Range<Int>, _ audit: SuppressionAudit) -> Bool {
        deletion.allSatisfy { offset in
            let byte = audit.source.text[offset]
            return code.contains(offset) || byte.isSpaceOrTab || byte == .comma
        }
    }

    /// A finding on the whole directive, with a fix deleting its lines (and those of an `enable`
    /// that ends nothing but it) when it stands alone.
    private func wholeDirective(_ index: Int, _ message: String, _ audit: SuppressionAudit) -> Diagnostic {
        let directive = audit.directives[index]
        var fix: (title: String, deletions: [Range<Int>])? = nil
        if let lines = audit.wholeLines(of: directive.range) {
            var deletions = [lines]
            for enable in audit.suppressions.enablesEndingOnly[index] ?? [] {
                if let enableLines = audit.wholeLines(of: audit.directives[enable].range) { deletions.append(enableLines) }
            }
            fix = (title: "Remove the unused directive", deletions: deletions.sorted { $0.lowerBound < $1.lowerBound })
        }
        return audit.diagnostic(Self.description, directive.range, message, fix: fix)
    }
}
