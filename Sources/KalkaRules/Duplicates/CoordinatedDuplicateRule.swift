import KalkaKnowledge
import KalkaModel
import KalkaText

/// DUP002: the same content word on both sides of "and", "or", "nor" or a list comma — the
/// signature of a Russian synonym pair that MT rendered as one English word twice
/// ("правовые и юридические гарантии" → "legal and legal guarantees").
public struct CoordinatedDuplicateRule: Rule {
    public static let description = RuleDescription(
        code: "DUP002",
        name: "coordinated-duplicate",
        category: .duplicatedWord,
        severity: .warning,
        summary: "The same content word on both sides of “and”, “or”, “nor” or a list comma: “legal and legal guarantees”.",
        rationale: """
            Russian and Ukrainian often pair near-synonyms (“правовые и юридические”, “расчётов и \
            экипажей”); machine translation renders both with one English word, leaving “legal and \
            legal” or “crews and crews”. The original meant two different things, so an editor must \
            pick the right words. Idioms that repeat on purpose (“more and more”, “over and over”, \
            “again and again”) are listed in Dictionaries/phrases/coordinated-duplicate-allow.tsv; \
            function words (“by and by” aside) are never compared. Two different names that share a \
            word (“the Dead Sea and Sea of Galilee shores”) are not a pair, nor is a noun that ends one clause \
            and starts the next (“cinema keeps memories and memories shape history”).
            """,
        fixApplicability: .unsafe,
        fixSafety: "Keeping one copy makes the sentence grammatical but may drop a meaning the original had: an editor should check the source.",
        triggering: [
            "Moscow says it needs ⟦legal and legal⟧ guarantees.",
            "The drills trained squads, ⟦crews and crews⟧ at thirty ranges.",
            "Neither ⟦sanctions nor sanctions⟧ will change the course.",
            "The ministry issued ⟦political, political⟧ statements.",
            "⟦Legal or legal⟧ obstacles remain.",
        ],
        nonTriggering: [
            "Prices rose more and more quickly.",
            "He repeated the demand over and over.",
            "Shelling went on and on through the night.",
            "The army trained squads, crews and staffs.",
            "They waited hours and hours at the border.",
            "It grew stronger and stronger over the winter.",
            "That is that, and that is final.",
            "It happened long, long ago.",
            "Legal guarantees and security guarantees differ.",
            "Pilgrims travel between the Dead Sea and Sea of Galilee shores.",
            "Cinema keeps memories and memories shape history.",
            "The crowd waited and waited outside the court.",
            "You build and build, and the wall still leaks.",
            "The new line is much, much faster.",
        ],
        fixes: [
            FixExample("Moscow needs legal and legal guarantees.", "Moscow needs legal guarantees."),
            FixExample("They trained squads, crews and crews.", "They trained squads and crews."),
        ]
    )

    private let allowed: PhraseSet
    private let functionWords: WordSet
    private static let conjunctionWords = ["and", "or", "nor"]
    private let conjunctions = WordSet(conjunctionWords)
    private let conjunctionHashes = conjunctionWords.map { FoldedHash.of($0) }
    private let of = FoldedHash.of("of")
    /// Words before a verb that make "build and build" a repeated action: pronouns, "to", modals.
    private let subjects = WordSet(["i", "you", "we", "they", "he", "she", "it", "to", "can", "could", "will", "would",
                                    "should", "must", "may", "might", "just", "people", "workers"])
    private let lexicon: SentenceOddity

    public init(dictionaries: DictionaryStore) throws {
        allowed = try dictionaries.phrases("phrases/coordinated-duplicate-allow.tsv")
        functionWords = try dictionaries.words("english/function-words.txt")
        lexicon = try SentenceOddity.shared(dictionaries)
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        // Walked by the link rather than by the first word: links ("and", "or", "nor", a comma)
        // are few and cheap to spot, and the word before a link is the only one that can pair
        // across it.
        // The links from the document's marks (`TokenKindIndex`) and the conjunctions'
        // occurrences (`WordIndex`), in order.
        let kinds = TokenKindIndex.of(analysis)
        let conjunctionTokens = WordIndex.of(analysis).occurrences(ofAny: conjunctionHashes).filter { isConjunction(tokens[$0]) }
        let commas = kinds.marks.lazy.map(Int.init).filter { isComma(tokens[$0], analysis) } as [Int]
        for next in Self.merged(commas, conjunctionTokens) {
            guard let index = analysis.previousNonSpace(before: next), tokens[index].kind == .word else { continue }
            let first = tokens[index]
            // "X and X", "X, X", "X, and X".
            var conjunctionAfterComma: Int?
            var secondIndex: Int?
            if isConjunction(tokens[next]) {
                secondIndex = analysis.nextNonSpace(after: next)
            } else if let afterComma = analysis.nextNonSpace(after: next) {
                if isConjunction(tokens[afterComma]) {
                    conjunctionAfterComma = afterComma
                    secondIndex = analysis.nextNonSpace(after: afterComma)
                } else {
                    secondIndex = afterComma
                }
            }
            guard let secondIndex, tokens[secondIndex].kind == .word else { continue }
            let second = tokens[secondIndex]
            guard analysis.sameWord(first, second), !functionWords.contains(first) else { continue }
            let link = conjunctionAfterComma.map { [next, $0] } ?? [next]
            guard !allowed.contains([first] + link.map { tokens[$0] } + [second]),
                  !isComparativePair(analysis, first, conjunction: link.map { tokens[$0] }),
                  !isPartOfNames(analysis, first: index, second: secondIndex),
                  !linksTwoClauses(analysis, first: index, second: secondIndex),
                  !isRepeatedAction(analysis, first: index) else { continue }
            let word = analysis.text(of: first)
            let linkText = link.count == 1 && tokens[link[0]].kind == .word ? "“\(analysis.text(of: tokens[link[0]]))”" : "a comma"
            findings.report(
                Int(first.start)..<Int(second.end), "“\(word)” is repeated across \(linkText)",
                fixTitle: "Keep one “\(word)”",
                edits: [fixEdit(analysis, firstIndex: index, secondIndex: secondIndex, conjunction: link.last.map { tokens[$0] })])
        }
    }

    /// Two ascending lists as one.
    private static func merged(_ first: [Int], _ second: [Int]) -> [Int] {
        guard !first.isEmpty else { return second }
        guard !second.isEmpty else { return first }
        var result: [Int] = []
        result.reserveCapacity(first.count + second.count)
        var i = 0, j = 0
        while i < first.count || j < second.count {
            if j == second.count || (i < first.count && first[i] < second[j]) {
                result.append(first[i])
                i += 1
            } else {
                result.append(second[j])
                j += 1
            }
        }
        return result
    }

    /// "and", "or", "nor": no longer than three bytes in any case, so most tokens need no lookup.
    private func isConjunction(_ token: Token) -> Bool {
        token.length <= 3 && token.length >= 2 && conjunctions.contains(token)
    }

    private func isComma(_ token: Token, _ analysis: Analysis) -> Bool {
        token.length == 1 && analysis.byte(at: Int(token.start), is: ",")
    }

    /// In a list ("squads, crews and crews") drop ", crews" so the list keeps its conjunction;
    /// otherwise drop " and legal", keeping the first copy with its capitalization.
    private func fixEdit(_ analysis: Analysis, firstIndex: Int, secondIndex: Int, conjunction: Token?) -> ProseEdit {
        let tokens = analysis.tokens
        let first = tokens[firstIndex], second = tokens[secondIndex]
        if let conjunction, conjunction.kind == .word,
           let before = analysis.previousNonSpace(before: firstIndex),
           analysis.byte(at: Int(tokens[before].start), is: ","), tokens[before].length == 1 {
            return ProseEdit(Int(tokens[before].start)..<Int(first.end), "")
        }
        return ProseEdit(Int(first.end)..<Int(second.end), "")
    }

    /// "the Dead Sea and Sea of Galilee": a capitalized word that belongs to a longer name on either
    /// side (a capitalized word before the first, after the second, or "of" and a name after it).
    private func isPartOfNames(_ analysis: Analysis, first: Int, second: Int) -> Bool {
        let tokens = analysis.tokens
        guard tokens[first].shape == .title || tokens[second].shape == .title else { return false }
        if let before = analysis.previousNonSpace(before: first), tokens[before].kind == .word, tokens[before].shape == .title,
           tokens[first].shape == .title {
            return true
        }
        guard let after = analysis.nextNonSpace(after: second), tokens[after].kind == .word else { return false }
        if tokens[after].shape == .title && tokens[second].shape == .title { return true }
        if tokens[after].foldedHash == of, let name = analysis.nextNonSpace(after: after), tokens[name].shape == .title { return true }
        return false
    }

    /// "keeps memories and memories shape": a noun that is the object of one verb and the subject
    /// of the next, repeated on purpose (anadiplosis), not a synonym pair.
    private func linksTwoClauses(_ analysis: Analysis, first: Int, second: Int) -> Bool {
        let tokens = analysis.tokens
        guard let word = lexicon.lexicalClass(tokens[first]), word.label == "NN" || word.label == "NNS",
              let before = analysis.previousNonSpace(before: first), let verbBefore = lexicon.lexicalClass(tokens[before]),
              verbBefore.canBeFiniteVerb,
              let after = analysis.nextNonSpace(after: second), let verbAfter = lexicon.lexicalClass(tokens[after]),
              verbAfter.canBeFiniteVerb else { return false }
        return true
    }

    /// "we waited and waited", "you build and build": a verb repeated for an action that goes on,
    /// not a synonym pair (MT pairs nouns and adjectives: "crews and crews", "legal and legal").
    private func isRepeatedAction(_ analysis: Analysis, first: Int) -> Bool {
        guard let word = lexicon.lexicalClass(analysis.tokens[first]) else { return false }
        switch word.label {
        case "VB", "VBD", "VBG", "VBZ": return true
        case "NN+VB":
            guard let before = analysis.previousNonSpace(before: first) else { return false }
            return subjects.contains(analysis.tokens[before])
        default: return false
        }
    }

    /// "stronger and stronger", "closer and closer": a lowercase -er word repeated across "and"
    /// is a comparative of gradual change, not a synonym pair.
    private func isComparativePair(_ analysis: Analysis, _ word: Token, conjunction: [Token]) -> Bool {
        guard word.shape == .lower, word.length > 3, conjunction.count == 1, conjunction[0].kind == .word else { return false }
        let end = Int(word.end)
        return analysis.byte(at: end - 2, is: "e") && analysis.byte(at: end - 1, is: "r")
    }
}
