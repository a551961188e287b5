import KalkaKnowledge
import KalkaModel
import KalkaText

/// DUP001: the same word twice in a row ("the the"), the slip of a careless edit or an MT
/// pipeline that joined two fragments.
public struct RepeatedWordRule: Rule {
    public static let description = RuleDescription(
        code: "DUP001",
        name: "repeated-word",
        category: .duplicatedWord,
        severity: .warning,
        summary: "A word written twice in a row, as in “the the”, or a pair of words, as in “in the in the”.",
        rationale: """
            A doubled word is almost always a slip, and readers notice it at once. It also appears \
            where a translation pipeline joined two fragments, which also doubles pairs of words \
            (“in the in the”). Pairs that are correct English \
            (“had had”, “that that”, names such as “Sirhan Sirhan”) are listed in \
            Dictionaries/phrases/repeated-word-allow.tsv and stay quiet, as does a capitalized word \
            doubled where two items of a website menu meet (“Meet the Staff Staff Picks”).
            """,
        fixApplicability: .safe,
        fixSafety: "Deleting the second copy and the space before it restores the sentence; the pairs English uses on purpose are allow-listed.",
        triggering: [
            "Kyiv is ⟦the the⟧ capital of Ukraine.",
            "The talks ended without ⟦a\na⟧ joint statement.",
            "⟦The the⟧ ministers met in Riga.",
            "Russia moved ⟦troops troops⟧ to the border.",
            "The law was adopted ⟦in the in the⟧ first reading.",
        ],
        nonTriggering: [
            "She had had enough of the shelling by noon.",
            "He argued that that plan would fail.",
            "Sirhan Sirhan was convicted in 1969.",
            "The ministers met in Riga. Ministers from Kyiv joined later.",
            "Putin\n\nPutin demanded guarantees.",
            "What it is is a ceasefire in all but name.",
            "The vote was 10 10 short of the quorum.",
            "In the end, in the morning, the talks resumed.",
            "It is what it is.",
            "Home Sport Meet the Staff Staff Picks Podcasts Archive",
        ],
        fixes: [
            FixExample("Kyiv is the the capital of Ukraine.", "Kyiv is the capital of Ukraine."),
            FixExample("The The ministers met.", "The ministers met."),
            FixExample("Adopted in the in the first reading.", "Adopted in the first reading."),
        ]
    )

    private let allowed: PhraseSet

    public init(dictionaries: DictionaryStore) throws {
        allowed = try dictionaries.phrases("phrases/repeated-word-allow.tsv")
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        // Whether each paragraph asked about is a menu line, read once per paragraph.
        var menuLines: [Int: Bool] = [:]
        // Both checks below start from a word that comes back two or four tokens on: the hashes
        // rule out nearly every position, in one tight pass before anything else is read.
        let starts: [Int] = tokens.withUnsafeBufferPointer { tokens in
            var starts: [Int] = []
            var index = 0
            while index + 2 < tokens.count {
                let first = tokens[index]
                if first.kind == .word, first.foldedHash == tokens[index + 2].foldedHash
                    || (index + 4 < tokens.count && first.foldedHash == tokens[index + 4].foldedHash) {
                    starts.append(index)
                }
                index += 1
            }
            return starts
        }
        WorkCounter.count(starts.count)
        // The first position not yet covered by a finding.
        var next = 0
        for index in starts where index >= next {
            if let end = repeatedPair(analysis, at: index) {
                let words = analysis.text(of: Int(tokens[index].start)..<Int(tokens[index + 2].end))
                findings.report(
                    Int(tokens[index].start)..<Int(tokens[end].end), "“\(words)” is repeated",
                    fixTitle: "Delete the repeated “\(words)”",
                    edits: [ProseEdit(Int(tokens[index + 2].end)..<Int(tokens[end].end), "")])
                next = end + 1
                continue
            }
            next = index + 1
            let first = tokens[index], gap = tokens[index + 1], second = tokens[index + 2]
            guard first.kind == .word, gap.kind == .space, !gap.isParagraphBreak, second.kind == .word,
                  analysis.sameWord(first, second),
                  !allowed.contains([first, second]),
                  !(first.shape == .title && isMenuLine(analysis, containing: index, known: &menuLines)) else { continue }
            let word = analysis.text(of: first)
            findings.report(
                Int(first.start)..<Int(second.end), "“\(word)” is repeated",
                fixTitle: "Delete the repeated “\(word)”",
                edits: [ProseEdit(Int(first.end)..<Int(second.end), "")])
        }
    }

    /// "Home Meet the Staff Staff Picks Archive": a line of capitalized menu items with no sentence
    /// punctuation, where one item's last word meets the next item's first.
    private func isMenuLine(_ analysis: Analysis, containing index: Int, known: inout [Int: Bool]) -> Bool {
        guard let sentence = analysis.sentence(containingToken: index) else { return false }
        let paragraphIndex = analysis.sentences[sentence].paragraph
        if let isMenu = known[paragraphIndex] { return isMenu }
        let isMenu = isMenuLine(analysis, paragraph: analysis.paragraphs[paragraphIndex])
        known[paragraphIndex] = isMenu
        return isMenu
    }

    private func isMenuLine(_ analysis: Analysis, paragraph: ParagraphSpan) -> Bool {
        var words = 0, capitalized = 0
        for sentence in analysis.sentences[paragraph.sentences] {
            WorkCounter.count(sentence.tokens.count)
            for position in sentence.tokens {
                let token = analysis.tokens[position]
                if token.kind == .punctuation && token.length == 1
                    && [0x2E, 0x21, 0x3F, 0x2C, 0x3B].contains(analysis.prose[Int(token.start)]) { return false }
                guard token.kind == .word else { continue }
                words += 1
                if token.shape == .title || token.shape == .upper { capitalized += 1 }
            }
        }
        return words >= 4 && capitalized * 3 >= words * 2
    }

    /// "in the in the": two different words, then the same two, one line apart at most; the
    /// index of the last token.
    private func repeatedPair(_ analysis: Analysis, at index: Int) -> Int? {
        let tokens = analysis.tokens
        guard index + 6 < tokens.count else { return nil }
        for offset in stride(from: 1, through: 5, by: 2) {
            let gap = tokens[index + offset]
            guard gap.kind == .space, !gap.isParagraphBreak else { return nil }
        }
        let first = tokens[index], second = tokens[index + 2], third = tokens[index + 4], fourth = tokens[index + 6]
        guard first.kind == .word, second.kind == .word, third.kind == .word, fourth.kind == .word,
              !analysis.sameWord(first, second), analysis.sameWord(first, third), analysis.sameWord(second, fourth),
              !allowed.contains([first, second, third, fourth]) else { return nil }
        return index + 6
    }
}
