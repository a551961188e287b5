import KalkaKnowledge
import KalkaModel
import KalkaText

/// PUN009: a comma between a reporting verb and the clause it introduces (“the governor noted,
/// that the order…”, “officials explained, how the fund works”), where Russian and Ukrainian
/// punctuation requires one and English has none.
///
/// Not reported: a verb in a subordinate or parenthetical clause opened by “as”, “if”, “when”,
/// “whatever”, “because” and the like (“if he knew, that would…”); “that” as a demonstrative
/// (“that would…”, “that same day”); a clause word whose clause closes on a comma within a few
/// words (a parenthesis: “the people I asked, who were farmers, said…”); “that is” / “what is”;
/// a verb spelt like a common noun (“in his notes, that…”) or of knowing and thinking
/// (“knew”, “believes”); a verb that opens the sentence.
public struct CommaBeforeClauseRule: Rule {
    public static let description = RuleDescription(
        code: "PUN009",
        name: "comma-before-clause",
        category: .punctuation,
        severity: .warning,
        summary: "A comma between a reporting verb and its clause, as in “he added, that”, “she told, who” or “it is important, that”: Russian punctuation.",
        rationale: """
            Russian and Ukrainian always put a comma before a subordinate clause: «добавил, что», \
            «рассказал, кто». Translated word for word, the comma stays: “the governor noted, \
            that the order stands”, “the agency explained, who may apply”, “it is important, \
            that…”. English separates a verb or adjective from its “that” clause with nothing. \
            A comma in English is left alone: after a verb inside “as he said” or “if he knew”, \
            before “that” as a demonstrative (“that would change…”, “that same day”), around a \
            parenthesis (“the people I asked, who were farmers, said”), in “that is”, “what is \
            more” and before a direct question (“he asked, who would pay?”).
            """,
        fixApplicability: .safe,
        fixSafety: "Only the comma between the verb and “that”, “who”, “what”, “whether”, “how” or “why” is deleted; no word changes.",
        triggering: [
            "The governor ⟦added, that⟧ the curfew stays in force.",
            "The ministry ⟦told, who⟧ can apply for the grant.",
            "Officials ⟦explained, how⟧ the shelters will be heated.",
            "It is ⟦important, that⟧ every shelter has water.",
        ],
        nonTriggering: [
            "The mayor added that the curfew stays in force.",
            "As the minister said, that would be a mistake.",
            "The mayor said, that is, he promised nothing.",
            "In his notes, that question comes first.",
            "Like the governor said, what matters is power.",
            "He added, what is more, that the deal was off.",
            "The mayor added, however, that the curfew stays.",
            "Reporters asked, who would pay for the repairs?",
            "As is known, that plan failed; it is clear, that is, settled.",
            "If he knew, that would change everything.",
            "Whatever she said, that stays between us.",
            "The ministry confirmed, that same day, that the road was shut.",
            "The governor announced, that evening, a curfew.",
            "Everyone he warned, whether friend or stranger, laughed.",
            "The people I asked, who were mostly farmers, said no.",
            "She explained, how odd it seemed, the rules of the game.",
            "Nobody thought, that night, of the risk.",
        ],
        fixes: [
            FixExample("The governor added, that the curfew stays.", "The governor added that the curfew stays."),
        ],
        signalsTranslation: .weak
    )

    private let verbs: ReportingVerbs
    private let clauseWords = WordSet(["that", "who", "what", "whether", "how", "why"])
    private let that = FoldedHash.of("that")
    /// “It is known, that…”: adjectives that take a “that” clause.
    private let predicates = WordSet(["known", "clear", "important", "obvious", "evident", "necessary", "noteworthy", "likely", "possible"])
    /// After these, “that …” / “what …” is a parenthesis or a demonstrative, not a clause.
    private let parentheticalNext = WordSet(["is", "was", "said"])
    /// After “that”: a verb or modal makes it a demonstrative subject (“that would change…”), a
    /// time word a demonstrative (“that same day”, “that evening”).
    private let demonstrativeNext = WordSet([
        "would", "will", "can", "could", "should", "may", "might", "must", "shall", "has", "had", "does", "did",
        "seems", "seemed", "means", "meant", "makes", "made", "stays", "stayed", "remains", "remained", "matters",
        "mattered", "happened", "happens", "changes", "changed", "sounds", "sounded", "looks", "looked", "explains",
        "day", "days", "night", "evening", "morning", "afternoon", "week", "weekend", "month", "year", "time",
        "moment", "same", "very", "spring", "summer", "autumn", "fall", "winter", "hour", "minute", "season",
    ])
    /// A verb after these sits in a parenthetical or subordinate clause (“as he said, …”,
    /// “if he knew, that would…”), whose end the comma marks.
    private let parentheticalOpeners = WordSet([
        "as", "like", "than", "if", "when", "whenever", "whatever", "whoever", "whichever", "wherever", "however",
        "because", "although", "though", "once", "unless", "while", "whilst", "since", "until", "till", "before",
        "after", "whether", "where", "even", "provided", "so",
    ])

    public init(dictionaries: DictionaryStore) throws {
        verbs = try ReportingVerbs.load(dictionaries)
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        // A comma is a punctuation token: only those are visited.
        for index in analysis.punctuationTokens where index >= 1 && index + 2 < tokens.count {
            guard analysis.isCharacter(tokens[index], 0x2C) else { continue }
            let verb = tokens[index - 1]
            guard verb.kind == .word, verb.shape == .lower,
                  tokens[index + 1].kind == .space, !tokens[index + 1].isParagraphBreak, tokens[index + 1].length == 1 else { continue }
            let clause = tokens[index + 2]
            guard clause.kind == .word, clause.shape == .lower,
                  verbs.verbsOnly.contains(verb) && clauseWords.contains(clause)
                    || predicates.contains(verb) && clause.foldedHash == that else { continue }
            if let next = analysis.nextNonSpace(after: index + 2) {
                if parentheticalNext.contains(tokens[next]) { continue }
                if clause.foldedHash == that && demonstrativeNext.contains(tokens[next]) { continue }
            }
            guard hasSubject(analysis, beforeVerb: index - 1), !endsInQuestion(analysis, from: index + 2),
                  !closesOnComma(analysis, after: index + 2) else { continue }
            let range = Int(verb.start)..<Int(clause.end)
            findings.report(range, "Comma before “\(analysis.text(of: clause))”: English puts no comma between “\(analysis.text(of: verb))” and the clause it introduces",
                            fixTitle: "Delete the comma", edits: [ProseEdit(tokens[index].range, "")])
        }
    }

    /// Whether a comma follows the clause word within four words: the clause is a parenthesis
    /// (“the people I asked, who were farmers, said…”), not the verb's object.
    private func closesOnComma(_ analysis: Analysis, after clause: Int) -> Bool {
        let tokens = analysis.tokens
        var position = clause + 1
        var words = 0
        while position < tokens.count && words <= 4 && !tokens[position].isParagraphBreak {
            let token = tokens[position]
            if token.kind == .word {
                words += 1
            } else if analysis.isCharacter(token, 0x2C) {
                return true
            } else if token.kind != .space && token.kind != .number && !analysis.isCharacter(token, 0x2D) && !analysis.isCharacter(token, 0x27) {
                return false
            }
            position += 1
        }
        return false
    }

    /// Whether the sentence from `start` ends on a question mark: “He asked, who would pay?” is
    /// a direct question, which English introduces with a comma.
    private func endsInQuestion(_ analysis: Analysis, from start: Int) -> Bool {
        let tokens = analysis.tokens
        var position = start
        while position < tokens.count && position - start < 200 && !tokens[position].isParagraphBreak {
            if analysis.isTerminalMark(tokens[position]) { return analysis.isCharacter(tokens[position], 0x3F) }
            position += 1
        }
        return false
    }

    /// Whether words come before the verb in its clause, none of them opening a parenthesis such
    /// as “as he said”.
    private func hasSubject(_ analysis: Analysis, beforeVerb verb: Int) -> Bool {
        let tokens = analysis.tokens
        var position = verb - 1
        var words = 0
        while position >= 0 && verb - position < 80 {
            let token = tokens[position]
            if token.isParagraphBreak || analysis.isTerminalMark(token) || analysis.isCharacter(token, 0x2C)
                || analysis.isCharacter(token, 0x3A) || analysis.isCharacter(token, 0x3B) { break }
            if token.kind == .word {
                if parentheticalOpeners.contains(token) { return false }
                words += 1
            }
            position -= 1
        }
        return words > 0
    }
}
