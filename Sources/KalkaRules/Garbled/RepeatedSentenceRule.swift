import KalkaKnowledge
import KalkaModel
import KalkaText

/// GAR004: the same sentence twice in the running text of one document, as translation pipelines
/// leave when they emit a segment twice. Lines a page layout printed twice are BOI003's.
public struct RepeatedSentenceRule: Rule {
    public static let description = RuleDescription(
        code: "GAR004",
        name: "repeated-sentence",
        category: .garbledClause,
        severity: .warning,
        summary: "A sentence of six words or more that occurs a second time in the running text of the document.",
        rationale: """
            Machine-translation pipelines that split an article into segments sometimes emit a \
            segment twice, and a sentence repeated inside the running text is the result. The \
            comparison ignores case and spacing but not punctuation; sentences shorter than six words \
            (“He declined to comment.”) and headings without a final mark are left out, since they \
            repeat legitimately. The second occurrence is reported when it comes within three \
            paragraphs of the first: a pipeline repeats a segment where it emitted it, while a \
            sentence that recurs further on may be a refrain. A sentence first quoted and then set \
            out again is left alone (a pull quote, a statement reprinted under the story), and so \
            is a copy that the page layout already reports: the headline or a lead printed twice \
            (BOI003), a line of chrome.
            """,
        triggering: [
            "Russia continues to move troops toward the border. Kyiv asked for help. ⟦Russia continues to move troops toward the border.⟧",
            "The ministers agreed to coordinate sanctions in case of escalation. The talks lasted two hours. ⟦The Ministers agreed to coordinate sanctions in case of  escalation.⟧",
            "The talks lasted two hours. Russia continues to move troops toward the border.\n\nKyiv asked for help. ⟦Russia continues to move troops toward the border.⟧",
            "Kyiv asked for help on Monday, and the allies promised an answer within a week.\n\nRussia continues to move troops toward the border.\n\nThe talks lasted two hours. ⟦Russia continues to move troops toward the border.⟧ No date was set.",
            "Kyiv asked for help on Monday. The allies promised an answer within a week.\n\nRussia continues to move troops toward the border, officials said.\n\nThe talks lasted two hours, and no date was set for the next round.\n\n⟦Russia continues to move troops toward the border, officials said.⟧",
        ],
        nonTriggering: [
            "He declined to comment. Kyiv asked for help. He declined to comment.",
            "Russia continues to move troops toward the border. Russia continues to move troops toward Belarus.",
            "Troops are moving toward the Ukrainian border\n\nTroops are moving toward the Ukrainian border",
            "The ministers agreed to coordinate sanctions in case of escalation.\n\nThe talks lasted two hours.\n\nThe ministers agreed to coordinate sanctions in case of escalation.",
            "Talks resume in Geneva on Monday, the ministry said.\nTalks resume in Geneva on Monday, the ministry said. Both delegations confirmed.",
            "Russia continues to move troops toward the border. Kyiv asked for help.\n\nThe talks lasted two hours.\n\nNo date was set.\n\nThe envoys left on Friday.\n\nThe ministers will meet again in March. Russia continues to move troops toward the border.",
            "The mayor said: “Nobody will be left without a way across. The bridge will reopen before winter, and the ferries will keep running until then. We thank everyone.”\n\nThe bridge will reopen before winter, and the ferries will keep running until then. Statement by the mayor's office.",
        ]
    )

    private let reader: PageLayoutReader

    public init(dictionaries: DictionaryStore) throws {
        reader = try PageLayoutReader.shared(dictionaries)
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let layout = reader.layout(of: analysis)
        var seen: [UInt64: Int] = [:]
        for (index, sentence) in analysis.sentences.enumerated() {
            // Chrome, and lines in another script, are not running text.
            guard !layout.foreignParagraphs.contains(sentence.paragraph), !Self.isChrome(sentence, layout) else { continue }
            guard let key = SentenceRepetition.key(of: sentence, in: analysis) else { continue }
            guard let first = seen[key], SentenceRepetition.reports(first, again: index, in: analysis) else {
                seen[key] = index
                continue
            }
            findings.report(sentence.range, "This sentence repeats one earlier in the document: “\(analysis.excerpt(from: sentence.tokens.lowerBound, words: 5))”")
        }
    }

    /// True when the page layout judged (part of) the sentence's line chrome: a copy BOI003
    /// reports, a caption, a menu.
    private static func isChrome(_ sentence: SentenceSpan, _ layout: PageLayout) -> Bool {
        guard let item = layout.chrome(inParagraph: sentence.paragraph) else { return false }
        return item.range.overlaps(sentence.range)
    }
}
