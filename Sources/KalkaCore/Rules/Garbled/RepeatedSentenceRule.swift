/// GAR004: the same sentence twice in one document, as translation pipelines leave when they
/// duplicate a paragraph.
public struct RepeatedSentenceRule: Rule {
    public static let description = RuleDescription(
        code: "GAR004",
        name: "repeated-sentence",
        category: .garbledClause,
        severity: .warning,
        summary: "A sentence of six words or more that occurs a second time in the document.",
        rationale: """
            Machine-translation pipelines that split an article into segments sometimes emit a \
            segment twice, and a repeated sentence or paragraph is the result. The comparison \
            ignores case and spacing but not punctuation; sentences shorter than six words \
            (“He declined to comment.”) and headings without a final mark are left out, since \
            they repeat legitimately. The second occurrence is reported.
            """,
        triggering: [
            "Russia continues to move troops toward the border. Kyiv asked for help. ⟦Russia continues to move troops toward the border.⟧",
            "The ministers agreed to coordinate sanctions in case of escalation.\n\nThe talks lasted two hours.\n\n⟦The Ministers agreed to coordinate sanctions in case of  escalation.⟧",
        ],
        nonTriggering: [
            "He declined to comment. Kyiv asked for help. He declined to comment.",
            "Russia continues to move troops toward the border. Russia continues to move troops toward Belarus.",
            "Troops are moving toward the Ukrainian border\n\nTroops are moving toward the Ukrainian border",
        ]
    )

    private static let minimumWords = 6

    public init(dictionaries: DictionaryStore) throws {}

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        var seen: [UInt64: Int] = [:]
        var hashes: [UInt64] = []
        for sentence in analysis.sentences {
            // Headings and other lines without a final mark repeat legitimately.
            guard let last = sentence.tokens.last, tokens[last].kind == .punctuation else { continue }
            hashes.removeAll(keepingCapacity: true)
            var words = 0
            for index in sentence.tokens where tokens[index].kind != .space {
                let token = tokens[index]
                if token.kind == .word || token.kind == .number { words += 1 }
                hashes.append(token.foldedHash)
            }
            guard words >= Self.minimumWords else { continue }
            let key = FoldedHash.combine(hashes)
            if seen[key] == nil {
                seen[key] = sentence.range.lowerBound
            } else {
                findings.report(sentence.range, "This sentence repeats one earlier in the document: “\(analysis.excerpt(from: sentence.tokens.lowerBound, words: 5))”")
            }
        }
    }
}
