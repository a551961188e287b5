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
            sentence that recurs further on may be a refrain. A sentence that is a whole line \
            in either place (a headline, lead or caption the web page printed twice) is page chrome, \
            reported by BOI003, and lines of chrome are not read at all.
            """,
        triggering: [
            "Russia continues to move troops toward the border. Kyiv asked for help. ⟦Russia continues to move troops toward the border.⟧",
            "The ministers agreed to coordinate sanctions in case of escalation. The talks lasted two hours. ⟦The Ministers agreed to coordinate sanctions in case of  escalation.⟧",
            "The talks lasted two hours. Russia continues to move troops toward the border.\n\nKyiv asked for help. ⟦Russia continues to move troops toward the border.⟧",
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
        let tokens = analysis.tokens
        let layout = reader.layout(of: analysis)
        var seen: [UInt64: Int] = [:]
        var hashes: [UInt64] = []
        for (index, sentence) in analysis.sentences.enumerated() {
            // Headings and other lines without a final mark repeat legitimately.
            guard let last = sentence.tokens.last, tokens[last].kind == .punctuation else { continue }
            // Chrome, and lines in another script, are not running text.
            guard layout.chrome(inParagraph: sentence.paragraph) == nil, !layout.foreignParagraphs.contains(sentence.paragraph) else { continue }
            hashes.removeAll(keepingCapacity: true)
            var words = 0
            for index in sentence.tokens where tokens[index].kind != .space {
                let token = tokens[index]
                if token.kind == .word || token.kind == .number { words += 1 }
                hashes.append(token.foldedHash)
            }
            guard words >= Self.minimumWords else { continue }
            let key = FoldedHash.combine(hashes)
            guard let first = seen[key], sentence.paragraph - analysis.sentences[first].paragraph <= Self.paragraphDistance else {
                seen[key] = index
                continue
            }
            // A sentence that is a whole line in either place is the page's repetition (BOI003).
            guard !isWholeLine(first, analysis), !isWholeLine(index, analysis) else { continue }
            // Words first quoted, then set out again (a pull quote, a statement reprinted
            // under the story), are repeated by the layout, not by a translation.
            guard !isQuoted(first, analysis) else { continue }
            findings.report(sentence.range, "This sentence repeats one earlier in the document: “\(analysis.excerpt(from: sentence.tokens.lowerBound, words: 5))”")
        }
    }

    /// True when the sentence stands inside a quotation: its paragraph has opened one before it
    /// (more “ than ”, or an odd number of straight quotes) or the sentence opens with one.
    private func isQuoted(_ sentence: Int, _ analysis: Analysis) -> Bool {
        let span = analysis.sentences[sentence]
        let paragraph = analysis.paragraphs[span.paragraph].range
        var opened = 0, straight = 0
        var offset = paragraph.lowerBound
        let end = span.range.lowerBound + 3
        while offset < end && offset < analysis.prose.count {
            let byte = analysis.prose[offset]
            if byte == 0x22 { straight += 1 }
            if byte == 0xE2, analysis.byteAt(offset + 1) == 0x80 {
                if analysis.byteAt(offset + 2) == 0x9C { opened += 1 }
                if analysis.byteAt(offset + 2) == 0x9D { opened -= 1 }
            }
            offset += 1
        }
        return opened > 0 || straight % 2 == 1
    }

    private func isWholeLine(_ sentence: Int, _ analysis: Analysis) -> Bool {
        analysis.paragraphs[analysis.sentences[sentence].paragraph].sentences.count == 1
    }
}
