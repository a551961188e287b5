import KalkaKnowledge
import KalkaModel
import KalkaText

/// CAL001: a construction carried over word for word from Russian or Ukrainian ("tells the
/// details", "within the framework of", "took place a meeting"), from Dictionaries/phrases/calques.tsv
/// and the patterns of Dictionaries/patterns/calques.txt.
public struct CalqueRule: Rule {
    public static let description = RuleDescription(
        code: "CAL001",
        name: "calque",
        category: .calque,
        severity: .warning,
        summary: "A Russian or Ukrainian construction rendered word for word: “tells the details”, “took place a meeting”, “in the nearest time”.",
        rationale: """
            Machine translation keeps the shape of the original: “рассказывает подробности” becomes \
            “tells the details”, “состоялась встреча” “took place a meeting”, “в рамках визита” \
            “within the visit”. The list in Dictionaries/phrases/calques.tsv gives, for each calque, \
            the Russian or Ukrainian construction behind it, a suggestion and a severity: warning for \
            clear mistranslations, info for bureaucratic or stylistic calques that also occur in good \
            English (“within the framework of”, “on the eve of”), so each finding carries its entry's \
            severity. Constructions that vary (any form of a verb, a choice of words, an exception) \
            are patterns in Dictionaries/patterns/calques.txt, each reported under its own id \
            (CAL001/reported-about) with the construction it renders; where a pattern reports, the \
            list stays quiet. The right wording depends on the sentence, so the suggestion is only shown.
            """,
        fixApplicability: .displayOnly,
        fixSafety: "A calque can rarely be replaced without rewording the sentence, so the suggestion is shown and never applied.",
        triggering: [
            "The governor ⟦tells the details⟧ of the attack.",
            "On Tuesday ⟦took place a meeting⟧ of the two ministers.",
            "Kyiv expects an answer ⟦in the nearest time⟧.",
            "The exercise was held ⟦within the framework of⟧ the agreement.",
            "Officials met ⟦on the eve of⟧ the summit; the minister ⟦informs that⟧ talks will go on.",
        ],
        nonTriggering: [
            "The governor gave details of the attack.",
            "A meeting of the two ministers took place on Tuesday.",
            "Kyiv expects an answer soon.",
            "The exercise was held under the agreement ahead of the summit.",
            "The ministry said the talks would go on.",
        ],
        fixes: [],
        signalsTranslation: .weak
    )

    private let table: PhraseTable
    private let severities: [Severity]
    private let suggestions: [String]
    private let sources: [String]
    private let patterns: PatternSet
    private let tagger: DictionaryStore?

    public init(dictionaries: DictionaryStore) throws {
        patterns = try PatternRules.of(dictionaries).set(for: Self.description.code)
        tagger = PatternFindings.tagger(for: patterns, dictionaries)
        table = try PhraseTable.of(dictionaries, "phrases/calques.tsv")
        severities = try table.severities()
        suggestions = try table.required("suggestion")
        sources = try table.required("source")
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let patternRanges = PatternFindings.report(patterns, in: analysis, tagger: tagger, lead: { written, pattern in
            "“\(written)” is a calque of “\(pattern.source)”"
        }, into: &findings)
        var nextPattern = 0
        for match in table.matcher.matches(in: analysis) {
            // Where a pattern spoke, the list's row would repeat it.
            while nextPattern < patternRanges.count && patternRanges[nextPattern].upperBound <= match.range.lowerBound { nextPattern += 1 }
            if nextPattern < patternRanges.count && patternRanges[nextPattern].overlaps(match.range) { continue }
            let written = analysis.text(of: match.range)
            let suggestion = suggestions[match.phrase]
            let origin = "“\(written)” is a calque of “\(sources[match.phrase])”"
            let severity = severities[match.phrase]
            if suggestion.hasPrefix("(") && suggestion.hasSuffix(")") {
                // Advice rather than wording: "(drop it)", "(name who notes)".
                let advice = String(suggestion.dropFirst().dropLast())
                let fix = advice == "drop it"
                    ? ProseFix(title: "Drop “\(written)”", applicability: .displayOnly, edits: [ProseEdit(match.range, "")])
                    : nil
                findings.report(match.range, "\(origin): \(advice)", fix: fix, severity: severity)
            } else {
                let replacement = CaseAdapter.adapt(suggestion, toCaseOf: written, listed: table.entries[match.phrase].phrase)
                findings.report(match.range, "\(origin): say “\(replacement)”",
                                fix: ProseFix(title: "Say “\(replacement)”", applicability: .displayOnly,
                                              edits: [ProseEdit(match.range, replacement)]),
                                severity: severity)
            }
        }
    }
}
