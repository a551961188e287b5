import KalkaKnowledge
import KalkaModel
import KalkaText

/// PUN004: a hyphen with spaces around it used as a dash ("Kyiv - the capital - was shelled").
///
/// Not reported: a hyphen between numbers or before one ("10 - 15", "- 5"), which the number
/// rules judge; a hyphen at the start or end of a source line (a list bullet, a wrapped line).
/// " -- " is treated like " - ". The fix writes the house style's dash when it sets one
/// (`house-style: dashes:`), else a spaced en dash.
public struct SpacedHyphenDashRule: Rule {
    public static let description = RuleDescription(
        code: "PUN004",
        name: "spaced-hyphen-dash",
        category: .punctuation,
        severity: .info,
        summary: "A hyphen with a space on each side used as a dash between words.",
        rationale: """
            A hyphen joins words (“pro-Russian”); a break in a sentence takes a dash. Typewriters \
            and many translation tools put a spaced hyphen there instead. The fix writes the dash \
            `house-style: dashes` sets, else a spaced en dash, “Kyiv – the capital – was shelled”.
            """,
        fixApplicability: .safe,
        fixSafety: "A spaced hyphen between words can only be a dash: the en dash is the same mark, typeset.",
        triggering: [
            "Kyiv ⟦-⟧ the capital ⟦-⟧ was shelled overnight.",
            "The answer was clear ⟦--⟧ no talks.",
            "He said “never” ⟦-⟧ and left.",
            "„We will not give up“ ⟦-⟧ said the mayor.",
            "The war began in 2022 ⟦-⟧ a year of losses.",
        ],
        nonTriggering: [
            "Kyiv – the capital – was shelled overnight.",
            "The pro-Russian mayor met well-known officials.",
            "Between 10 - 15 people were wounded.",
            "The temperature fell to - 5 degrees.",
            "The plan:\n- a ceasefire\n- an exchange of prisoners",
            "- a ceasefire",
            "Pre- and post-war figures differ.",
            "Kyiv said the talks -\nhad failed.",
        ],
        fixes: [
            FixExample("Kyiv - the capital - was shelled.", "Kyiv – the capital – was shelled."),
            FixExample("No talks -- none.", "No talks – none."),
        ]
    )

    private let houseDash: DashStyle?

    public init(dictionaries: DictionaryStore) throws {
        houseDash = dictionaries.typography.dashes
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        // A hyphen is a punctuation token: only those are visited.
        for index in analysis.punctuationTokens where index >= 2 && index + 2 < tokens.count {
            let hyphen = tokens[index]
            guard analysis.isCharacter(hyphen, 0x2D), tokens[index - 1].kind == .space, !tokens[index - 1].isParagraphBreak,
                  !analysis.isCharacter(tokens[index - 2], 0x2D) else { continue }
            // " - " or " -- ".
            var last = index
            if analysis.isCharacter(tokens[last + 1], 0x2D) { last += 1 }
            guard last + 2 < tokens.count, tokens[last + 1].kind == .space, !tokens[last + 1].isParagraphBreak else { continue }
            let previous = tokens[index - 2], next = tokens[last + 2]
            guard previous.kind == .word || previous.kind == .number || analysis.isClosingQuoteOrHighQuote(previous),
                  next.kind == .word || analysis.isOpeningMark(next) else { continue }
            // Both spaces on the same source line as the words around them.
            guard analysis.isOneSourceLine(Int(previous.end) - 1..<Int(next.start) + 1) else { continue }
            let range = Int(hyphen.start)..<Int(tokens[last].end)
            let message = "Hyphen “\(analysis.text(of: range))” used as a dash"
            if let houseDash {
                // The spaces go with the dash: the house style decides whether it is spaced.
                let spaced = Int(tokens[index - 1].start)..<Int(tokens[last + 1].end)
                findings.report(range, message, fixTitle: "Use “\(houseDash.dash)”", edits: [ProseEdit(spaced, houseDash.dash)])
            } else {
                findings.report(range, message, fixTitle: "Use an en dash “–”", edits: [ProseEdit(range, "–")])
            }
        }
    }
}
