import KalkaKnowledge
import KalkaModel
import KalkaText

/// Reports a rule's pattern matches (Dictionaries/patterns/): the message names the construction
/// behind the words, the suggestion is built from what the pattern matched, and each finding
/// carries its pattern's id ("CAL001/about-it-reports").
enum PatternFindings {
    /// Where the tagger comes from, when some pattern of `patterns` tests parts of speech. The
    /// tagger itself (2.5 MB of weights) is read on the first sentence that reaches a tag test,
    /// not when the rule is made ready: a run that never needs it never pays for it.
    static func tagger(for patterns: PatternSet, _ dictionaries: DictionaryStore) -> DictionaryStore? {
        patterns.needsTags ? dictionaries : nil
    }

    /// Reports every match in `analysis` of `patterns`; returns their prose ranges, so the rule's
    /// phrase list can stay quiet where a pattern already spoke.
    @discardableResult
    static func report(_ patterns: PatternSet, in analysis: Analysis, tagger: DictionaryStore?, lead: (String, TokenPattern) -> String,
                       into findings: inout Findings) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        // Tags are computed only for sentences where a pattern reaches a tag test; the built-in
        // weights are checked by the tests, so a tagger that cannot load tags nothing (X).
        let tags = tagger.map { store in
            { (tokens: Range<Int>) -> [UInt8] in
                (try? PartOfSpeechTagger.shared(store))?.tag(analysis, tokens: tokens).map(\.rawValue) ?? []
            }
        }
        for match in patterns.matches(in: analysis, tags: tags) {
            let pattern = patterns.patterns[match.pattern]
            let written = analysis.text(of: match.range)
            let head = lead(written, pattern)
            switch pattern.suggestion {
            case .replace(let template):
                let replacement = CaseAdapter.adapt(PatternSuggestion.render(template, match, analysis), toCaseOf: written, listed: written.lowercased())
                findings.report(match.range, "\(head): say “\(replacement)”",
                                fix: ProseFix(title: "Say “\(replacement)”", applicability: .displayOnly, edits: [ProseEdit(match.range, replacement)]),
                                severity: pattern.severity, pattern: pattern.id)
            case .drop:
                findings.report(match.range, "\(head): drop it",
                                fix: ProseFix(title: "Drop “\(written)”", applicability: .displayOnly, edits: [ProseEdit(match.range, "")]),
                                severity: pattern.severity, pattern: pattern.id)
            case .advice(let advice):
                findings.report(match.range, "\(head): \(advice)", severity: pattern.severity, pattern: pattern.id)
            }
            ranges.append(match.range)
        }
        return ranges
    }
}
