import KalkaKnowledge
import KalkaModel
import KalkaText

/// NAM004: "the Ukraine", the Soviet-era form Ukraine itself rejects.
public struct TheUkraineRule: Rule {
    public static let description = RuleDescription(
        code: "NAM004",
        name: "the-ukraine",
        category: .nameSpelling,
        severity: .warning,
        summary: "“the Ukraine” for the country, a form that implies a region rather than a state.",
        rationale: """
            “The Ukraine” echoes the Soviet-era usage of Ukraine as a region; since independence the \
            country is “Ukraine”, and all major English style guides drop the article. Where “Ukraine” \
            modifies a noun (“the Ukraine war”, “the Ukraine talks”) the article belongs to that noun \
            and stays, as it does before a restrictive phrase (“the Ukraine of the 1990s”) or a hyphenated \
            compound (“the Ukraine-Poland border”). Professional copy used “the Ukraine” for years after \
            1991: in an older article with no other sign of translation it is a period spelling \
            (Dictionaries/names/period-spellings.tsv), reported at info.
            """,
        fixApplicability: .safe,
        fixSafety: "Only the article goes, and only where no noun follows that it could belong to.",
        triggering: [
            "Troops massed near ⟦the Ukraine⟧.",
            "⟦The Ukraine⟧ is not a member of NATO.",
            "Relations between ⟦the Ukraine⟧ and Russia soured.",
        ],
        nonTriggering: [
            "Troops massed near Ukraine.",
            "The Ukraine war entered its third year.",
            "Ministers discussed the Ukraine talks in Geneva.",
            "Few remember the Ukraine of the 1990s.",
            "Lorries queued at the Ukraine-Poland border for days.",
        ],
        fixes: [
            FixExample("Troops massed near the Ukraine.", "Troops massed near Ukraine."),
            FixExample("The Ukraine is not a member.", "Ukraine is not a member."),
        ]
    )

    private let the = FoldedHash.of("the")
    private let ukraine = FoldedHash.of("Ukraine")
    private let functionWords: WordSet
    private let period: PeriodSpelling?
    /// Words that make "the Ukraine …" a restrictive description: "the Ukraine of the 1990s".
    private let restrictive = WordSet(["of", "that", "which", "who", "whom", "whose", "under", "before", "after", "we", "they", "i", "you"])

    public init(dictionaries: DictionaryStore) throws {
        functionWords = try dictionaries.words("english/function-words.txt")
        period = try PeriodSpellings.of(dictionaries).spelling("the Ukraine")
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        for index in tokens.indices where tokens[index].foldedHash == the {
            guard let next = analysis.nextNonSpace(after: index), tokens[next].foldedHash == ukraine,
                  tokens[next].shape == .title else { continue }
            if let after = analysis.nextNonSpace(after: next) {
                let word = tokens[after]
                if word.kind == .word && (!functionWords.contains(word) || restrictive.contains(word)) { continue }
                if word.kind == .number { continue }
                // "the Ukraine-Poland border": the article belongs to the compound's noun.
                if word.start == tokens[next].end && Self.isHyphen(analysis, word) { continue }
            }
            let range = Int(tokens[index].start)..<Int(tokens[next].end)
            findings.report(range, "“\(analysis.text(of: range))”: the country is “Ukraine”, without the article",
                            fixTitle: "Remove “\(analysis.text(of: tokens[index]))”",
                            edits: [ProseEdit(Int(tokens[index].start)..<Int(tokens[next].start), "")], period: period)
        }
    }

    /// "-", "‐" (U+2010) or "–" (U+2013): the joints of a compound.
    private static func isHyphen(_ analysis: Analysis, _ token: Token) -> Bool {
        let start = Int(token.start)
        if token.length == 1 { return analysis.prose[start] == 0x2D }
        return token.length == 3 && analysis.prose[start] == 0xE2 && analysis.prose[start + 1] == 0x80
            && (analysis.prose[start + 2] == 0x90 || analysis.prose[start + 2] == 0x93)
    }
}
