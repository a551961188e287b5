/// DUP001: the same word twice in a row ("the the"), the slip of a careless edit or an MT
/// pipeline that joined two fragments.
public struct RepeatedWordRule: Rule {
    public static let description = RuleDescription(
        code: "DUP001",
        name: "repeated-word",
        category: .duplicatedWord,
        severity: .warning,
        summary: "A word written twice in a row, as in “the the”.",
        rationale: """
            A doubled word is almost always a slip, and readers notice it at once. It also appears \
            where a translation pipeline joined two fragments. Pairs that are correct English \
            (“had had”, “that that”, names such as “Sirhan Sirhan”) are listed in \
            Dictionaries/phrases/repeated-word-allow.tsv and stay quiet.
            """,
        fixApplicability: .safe,
        fixSafety: "Deleting the second copy and the space before it restores the sentence; the pairs English uses on purpose are allow-listed.",
        triggering: [
            "Kyiv is ⟦the the⟧ capital of Ukraine.",
            "The talks ended without ⟦a\na⟧ joint statement.",
            "⟦The the⟧ ministers met in Riga.",
            "Russia moved ⟦troops troops⟧ to the border.",
        ],
        nonTriggering: [
            "She had had enough of the shelling by noon.",
            "He argued that that plan would fail.",
            "Sirhan Sirhan was convicted in 1969.",
            "The ministers met in Riga. Ministers from Kyiv joined later.",
            "Putin\n\nPutin demanded guarantees.",
            "What it is is a ceasefire in all but name.",
            "The vote was 10 10 short of the quorum.",
        ],
        fixes: [
            FixExample("Kyiv is the the capital of Ukraine.", "Kyiv is the capital of Ukraine."),
            FixExample("The The ministers met.", "The ministers met."),
        ]
    )

    private let allowed: PhraseSet

    public init(dictionaries: DictionaryStore) throws {
        allowed = try dictionaries.phrases("phrases/repeated-word-allow.tsv")
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        var index = 0
        while index + 2 < tokens.count {
            defer { index += 1 }
            let first = tokens[index], gap = tokens[index + 1], second = tokens[index + 2]
            guard first.kind == .word, gap.kind == .space, !gap.isParagraphBreak, second.kind == .word,
                  analysis.sameWord(first, second),
                  !allowed.contains([first, second]) else { continue }
            let word = analysis.text(of: first)
            findings.report(
                Int(first.start)..<Int(second.end), "“\(word)” is repeated",
                fixTitle: "Delete the repeated “\(word)”",
                edits: [ProseEdit(Int(first.end)..<Int(second.end), "")])
        }
    }
}
