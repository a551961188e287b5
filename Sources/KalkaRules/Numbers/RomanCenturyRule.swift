import KalkaKnowledge
import KalkaModel
import KalkaText

/// NUM008: a century in Roman numerals ("the XIX century", "XVI-XVIII centuries"), the Slavic
/// convention, where English writes "the 19th century".
public struct RomanCenturyRule: Rule {
    public static let description = RuleDescription(
        code: "NUM008",
        name: "roman-century",
        category: .numberFormat,
        severity: .warning,
        summary: "A century in Roman numerals, as in “the XIX century” or “XVI-XVIII centuries”, where English writes “19th century”.",
        rationale: """
            Russian and Ukrainian number centuries in Roman numerals (“XIX век”, “XX століття”); \
            translated copy keeps them. English writes the ordinal in figures or words: “the \
            19th century”, “the nineteenth century”. Roman numerals stay for monarchs, popes, \
            wars and sequels (“Louis XIV”, “World War II”), which are not followed by “century”.
            """,
        fixApplicability: .safe,
        fixSafety: "A Roman numeral before “century” can only be the century's number; the ordinal in figures says the same.",
        triggering: [
            "The church was built in the ⟦XVII century⟧.",
            "Manuscripts of the ⟦XVI-XVIII centuries⟧ were restored.",
            "Icons from the ⟦XV and XVI centuries⟧ survived.",
        ],
        nonTriggering: [
            "The church was built in the 17th century.",
            "Louis XIV ruled for a century.",
            "World War II ended eighty years ago, a lifetime rather than a century.",
            "The XIX Congress met in a new century.",
            "A George III century-old clock was sold at auction.",
        ],
        fixes: [
            FixExample("Built in the XVII century.", "Built in the 17th century."),
            FixExample("Letters of the XVI-XVIII centuries.", "Letters of the 16th-18th centuries."),
        ],
        signalsTranslation: .strong
    )

    private let centuryWords = ["century", "centuries", "millennium", "millennia"].map { FoldedHash.of($0) }
    private let rangeWords = WordSet(["and", "to", "or", "-", "–", "—"])

    public init(dictionaries: DictionaryStore) throws {}

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        // From the century words' occurrences (`WordIndex`), not every token.
        for index in WordIndex.of(analysis).occurrences(ofAny: centuryWords) where tokens[index].kind == .word && tokens[index].shape == .lower {
            guard let last = analysis.previousNonSpace(before: index), let lastValue = roman(analysis, tokens[last]) else { continue }
            // "Charles III century-old oak": a hyphen makes "century" part of a compound after a name.
            if analysis.byte(at: Int(tokens[index].end), is: "-") { continue }
            var numerals = [(last, lastValue)]
            // A range: "XIX-XX", "XV and XVI".
            if let link = analysis.previousNonSpace(before: last), rangeWords.contains(tokens[link]) || analysis.isDashToken(tokens[link]),
               let first = analysis.previousNonSpace(before: link), let firstValue = roman(analysis, tokens[first]), firstValue < lastValue {
                numerals.insert((first, firstValue), at: 0)
            }
            let range = Int(tokens[numerals[0].0].start)..<Int(tokens[index].end)
            let edits = numerals.map { ProseEdit(tokens[$0.0].range, Self.ordinal($0.1)) }
            let written = analysis.text(of: range)
            let fixed = numerals.map { "“\(Self.ordinal($0.1))”" }.joined(separator: ", ")
            findings.report(range, "“\(written)”: English writes centuries as ordinals: \(fixed)",
                            fixTitle: "Write \(fixed)", edits: edits)
        }
    }

    /// The value of a Roman numeral from I to XXX written in capitals, else nil.
    private func roman(_ analysis: Analysis, _ token: Token) -> Int? {
        guard token.kind == .word, token.length <= 6, token.shape == .upper || token.shape == .title && token.length == 1 else { return nil }
        let text = analysis.text(of: token)
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10]
        var total = 0
        var previous = 0
        for character in text.reversed() {
            guard let value = values[character] else { return nil }
            if value < previous { total -= value } else { total += value; previous = value }
        }
        // Only canonical spellings: "IIII" or "VX" are not numerals.
        guard (1...30).contains(total), Self.canonical(total) == text else { return nil }
        return total
    }

    private static func canonical(_ value: Int) -> String {
        let tens = String(repeating: "X", count: value / 10)
        let units = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][value % 10]
        return tens + units
    }

    private static func ordinal(_ value: Int) -> String {
        let suffix: String
        switch (value % 10, value % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(value)\(suffix)"
    }
}
