import KalkaKnowledge
import KalkaModel
import KalkaText

/// GAR003: a sentence that ends on an article or conjunction ("… was signed by the."): the words
/// after it were lost.
public struct DanglingEndingRule: Rule {
    public static let description = RuleDescription(
        code: "GAR003",
        name: "dangling-ending",
        category: .garbledClause,
        severity: .warning,
        summary: "A sentence that ends on “the”, “a”, “and”, “of” or a similar word right before its full stop.",
        rationale: """
            An English sentence cannot end on an article or a coordinating conjunction: “the \
            agreement was signed by the.” has lost its last words, usually where a translation \
            pipeline cut a long sentence. Articles (“the”, “a”, “an”) and “and”, “or”, “nor” are \
            flagged as warnings. “of”, “but” and “than” can end a sentence in rare constructions \
            (“what he is accused of.”, “all but.”), so they are reported as info. Prepositions \
            that English strands freely (“what it stands for.”, “he gave in.”, “turned it on.”, \
            “the people he worked with.”) are never flagged; neither are capitals (“Plan A.”) nor \
            an ellipsis (“and so on and…”).
            """,
        triggering: [
            "The agreement was signed by ⟦the⟧.",
            "Kuleba met his counterparts from Latvia ⟦and⟧. Sanctions were discussed.",
            "He said it was a matter ⟦of⟧.",
            "The talks ended without ⟦a⟧ .",
        ],
        nonTriggering: [
            "Nobody knows what the alliance stands for.",
            "He gave in. The ministers turned it on.",
            "The Baltic states chose Plan A.",
            "The list goes on and on and...",
            "She wrote the word “the”.",
            "He asked whether it was approved and/or.",
            "It was signed by the ministers.",
        ]
    )

    /// Word hashes reported as warnings and as info, each checked against the function-word list.
    private let warned: WordSet
    private let informed: WordSet

    public init(dictionaries: DictionaryStore) throws {
        let functionWords = try dictionaries.words("english/function-words.txt")
        warned = WordSet(["the", "a", "an", "and", "or", "nor"].filter { functionWords.contains($0) })
        informed = WordSet(["of", "but", "than"].filter { functionWords.contains($0) })
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        // From the document's marks (`TokenKindIndex`): a one-byte token is a mark or a symbol
        // when it is not a letter or a digit.
        for index in analysis.markTokens where index > 0 && (analysis.isCharacter(tokens[index], 0x2E)
            || analysis.isCharacter(tokens[index], 0x21) || analysis.isCharacter(tokens[index], 0x3F)) {
            // Not an ellipsis, and the stop ends the sentence: nothing but space or a mark follows.
            if index + 1 < tokens.count {
                let next = tokens[index + 1]
                if next.kind == .word || next.kind == .number || analysis.isCharacter(next, 0x2E) { continue }
            }
            guard let wordIndex = analysis.previousNonSpace(before: index) else { continue }
            let word = tokens[wordIndex]
            guard word.kind == .word, word.shape == .lower else { continue }
            let severity: Severity
            if warned.contains(word) { severity = .warning } else if informed.contains(word) { severity = .info } else { continue }
            // "and/or.", "-or." and the like: only a word after a space counts.
            guard wordIndex > 0, tokens[wordIndex - 1].kind == .space else { continue }
            findings.report(word.range, "Sentence ends on “\(analysis.text(of: word))”: words are missing before the stop",
                            severity: severity)
        }
    }
}
