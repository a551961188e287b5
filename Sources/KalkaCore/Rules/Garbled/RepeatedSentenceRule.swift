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

    private static let minimumWords = 6
    /// A pipeline repeats a segment where it emitted it: in the same paragraph or a near one. A
    /// sentence that recurs further on (a refrain, a sign-off, another article in a long file) is
    /// not reported.
    private static let paragraphDistance = 3

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
            guard let key = Self.key(of: sentence, in: analysis) else { continue }
            guard let first = seen[key], Self.reports(first, again: index, in: analysis) else {
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

    /// The sentence's tokens as one hash, ignoring case and spacing but not punctuation; nil for
    /// a sentence GAR004 never compares (shorter than six words, or no final mark: a heading).
    static func key(of sentence: SentenceSpan, in analysis: Analysis) -> UInt64? {
        let tokens = analysis.tokens
        guard let last = sentence.tokens.last, tokens[last].kind == .punctuation else { return nil }
        var hash = FoldedHash.offsetBasis
        var words = 0
        for index in sentence.tokens where tokens[index].kind != .space {
            let token = tokens[index]
            if token.kind == .word || token.kind == .number { words += 1 }
            hash = (hash ^ token.foldedHash) &* FoldedHash.prime &+ 0x9E37_79B9
        }
        return words >= minimumWords ? hash : nil
    }

    /// True when GAR004 reports sentence `later` as a repeat of sentence `first`: the same words
    /// and marks, six words or more with a final mark, within three paragraphs, and the first not
    /// inside a quotation (words first quoted, then set out again — a pull quote, a statement
    /// reprinted under the story — are repeated by the layout, not by a translation).
    static func reports(_ first: Int, again later: Int, in analysis: Analysis) -> Bool {
        let a = analysis.sentences[first], b = analysis.sentences[later]
        guard first < later, b.paragraph - a.paragraph <= paragraphDistance else { return false }
        guard let key = key(of: b, in: analysis), key == self.key(of: a, in: analysis) else { return false }
        return !isQuoted(first, analysis)
    }

    /// True when the sentence stands inside a quotation its paragraph opened before it, or
    /// opens with one.
    private static func isQuoted(_ sentence: Int, _ analysis: Analysis) -> Bool {
        quotedSentences(analysis)[sentence]
    }

    private static let quotedSentenceFlags = DocumentFact<[Bool]>()

    /// For every sentence, whether it stands inside a quotation: worked out for all of them in
    /// one pass over each paragraph the first time one is asked about, so that a long quoted
    /// paragraph of repeated sentences is not read again for each repeat.
    private static func quotedSentences(_ analysis: Analysis) -> [Bool] {
        analysis.fact(quotedSentenceFlags) {
            var quoted = [Bool](repeating: false, count: analysis.sentences.count)
            for paragraph in analysis.paragraphs {
                var quotation = QuotationTracker(since: paragraph.range.lowerBound)
                for sentence in paragraph.sentences {
                    quoted[sentence] = quotation.isInside(analysis.sentences[sentence].range.lowerBound + 3, in: analysis)
                }
            }
            return quoted
        }
    }
}
