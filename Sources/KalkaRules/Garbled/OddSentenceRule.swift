import KalkaKnowledge
import KalkaModel
import KalkaText

/// GAR005: a sentence whose oddity score (`SentenceOddity`) is high: a clause cut loose from its
/// sentence that also reads oddly, or a full sentence with no finite verb and odd wording.
public struct OddSentenceRule: Rule {
    public static let description = RuleDescription(
        code: "GAR005",
        name: "odd-sentence",
        category: .garbledClause,
        severity: .info,
        summary: "A sentence that reads as garbled by the English sentence model: a clause starting in lower case with odd wording, or no finite verb.",
        rationale: """
            Translation pipelines that cut and rejoin sentences leave clauses without a sentence \
            of their own (“them and does not allow…”, a paragraph that begins “who was…”) and \
            word sequences English does not use (“them or doesn't support them”). kalka scores \
            every sentence with a small model of English word-class sequences, estimated on \
            WordNet's example sentences (see `Dictionaries/english/`), plus a penalty for a clause \
            that starts in lower case and for a sentence without a finite verb. Word sequences \
            alone add at most 14 bits; the rule reports sentences scoring \(Int(threshold)) or more, so \
            a sentence is flagged only when it also starts a clause in lower case or lacks a \
            verb. Capitalised unknown words count as names and figures as numbers; list items \
            that start with a bullet or dash, and in Markdown and HTML a word after hidden \
            markup (a list marker, a code span), do not count as a lowercase start.
            """,
        triggering: [
            "Ministers met in Riga on Friday.\n\n⟦them or doesn’t support them, the ministry said in a statement.⟧",
            "The plant was shelled again.\n\n⟦who was previously sentenced in absentia, and now is in Moscow.⟧",
        ],
        nonTriggering: [
            "KYIV, Ukraine – Belarusian President Alexander Lukashenko said on Wednesday that his army would not take part unless Belarus itself was attacked.",
            "iPhone sales fell sharply in Kyiv last year.",
            "What was agreed:\n\n- to hold the next meeting in Riga in March;\n- to expand the exchange of intelligence.",
            "The talks ended. The ministers left without a statement.",
            "He paused... and then went on with the briefing about the talks.",
            // Copy wrapped with blank lines between its lines: the layout cut the sentence.
            "Protesters camped for weeks in the square that the city council had long wanted\n\ncleared before the parade, and\n\nthe police moved in on Monday.",
        ]
    )

    /// Bits of oddity from which a sentence is reported: above the 14 bits that odd word pairs
    /// alone can reach (two pairs of at most `SentenceOddity.pairCapBits`).
    public static let threshold = 15.0

    private let oddity: SentenceOddity

    public init(dictionaries: DictionaryStore) throws {
        oddity = try SentenceOddity.shared(dictionaries)
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        for score in oddity.scores(analysis) where score.score >= Self.threshold {
            var reasons: [String] = []
            if score.lowercaseStarts > 0 { reasons.append("a clause starts in lower case") }
            if score.isVerbless { reasons.append("no finite verb") }
            if let pair = score.oddestPair { reasons.append("oddest at “\(analysis.text(of: pair))”") }
            findings.report(score.range, "Sentence reads as garbled (oddity \(Int(score.score.rounded())) bits): \(reasons.joined(separator: "; "))")
        }
    }
}
