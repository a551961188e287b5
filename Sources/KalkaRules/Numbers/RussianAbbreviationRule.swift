import KalkaKnowledge
import KalkaModel
import KalkaText

/// NUM003: Russian number abbreviations carried into English ("1.5 bln", "10 mln", "4 mlrd",
/// "5 thous.") after a figure.
public struct RussianAbbreviationRule: Rule {
    public static let description = RuleDescription(
        code: "NUM003",
        name: "russian-abbreviation",
        category: .numberFormat,
        severity: .warning,
        summary: "A Russian number abbreviation after a figure, as in “1.5 bln” or “10 mln”: English writes “billion”, “million”.",
        rationale: """
            “млн”, “млрд” and “тыс.” are standard in Russian and Ukrainian news copy; machine \
            translation leaves them as “mln”, “bln”, “mlrd”, “thous.” or “thsd”, which English \
            article prose does not use (some wire services keep “mln” and “bln” for headlines \
            and tables only). Only an abbreviation right after a figure is flagged, so an \
            acronym elsewhere stays quiet. “Mlrd” (milliard) is a billion in English.
            """,
        fixApplicability: .safe,
        fixSafety: """
            Each abbreviation stands for exactly one word (a milliard is a billion); the \
            abbreviation's period goes only where the sentence clearly continues after it.
            """,
        triggering: [
            "Naftogaz borrowed UAH 1.5 ⟦bln⟧ from the bank.",
            "The ministry paid 10 ⟦mln.⟧ hryvnias in compensation.",
            "Damage was put at 4 ⟦mlrd⟧ rubles.",
            "Some 5 ⟦thous.⟧ troops and 3 ⟦thsd⟧ vehicles took part.",
        ],
        nonTriggering: [
            "Naftogaz borrowed UAH 1.5 billion from the bank.",
            "Analysts at MLN Capital expect a cut.",
            "The table lists bln and mln as column labels.",
            "It raised $2 bn from investors.",
        ],
        fixes: [
            FixExample("Naftogaz borrowed UAH 1.5 bln.", "Naftogaz borrowed UAH 1.5 billion."),
            FixExample("The ministry paid 10 mln. hryvnias and 4 mlrd rubles.", "The ministry paid 10 million hryvnias and 4 billion rubles."),
            FixExample("Some 5 thous. troops took part.", "Some 5 thousand troops took part."),
        ],
        signalsTranslation: .strong
    )

    private let abbreviations: [UInt64: String] = [
        FoldedHash.of("mln"): "million", FoldedHash.of("mlns"): "million",
        FoldedHash.of("bln"): "billion", FoldedHash.of("blns"): "billion",
        FoldedHash.of("mlrd"): "billion", FoldedHash.of("mlrds"): "billion", FoldedHash.of("mld"): "billion",
        FoldedHash.of("trln"): "trillion",
        FoldedHash.of("thous"): "thousand", FoldedHash.of("thsd"): "thousand",
    ]

    public init(dictionaries: DictionaryStore) throws {}

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        // From the numbers (`TokenKindIndex`): the word after each, the one word with that
        // number before it.
        for number in analysis.numberTokens {
            guard let index = analysis.nextNonSpace(after: number), tokens[index].kind == .word,
                  analysis.previousNonSpace(before: index) == number else { continue }
            let token = tokens[index]
            guard token.length <= 5, token.shape == .lower || token.shape == .title,
                  let word = abbreviations[token.foldedHash] else { continue }
            var range = token.range
            var edit = token.range
            // The abbreviation's period: part of the finding; removed when the sentence goes on
            // ("10 mln. hryvnias"), kept when it may end the sentence.
            if index + 1 < tokens.count, analysis.byte(at: token.range.upperBound, is: "."), tokens[index + 1].length == 1 {
                range = range.lowerBound..<(range.upperBound + 1)
                if let after = analysis.nextNonSpace(after: index + 1), after > index + 2,
                   tokens[after].kind == .number || tokens[after].shape == .lower {
                    edit = range
                }
            }
            let written = analysis.text(of: range)
            findings.report(range, "“\(written)” is a Russian abbreviation; English writes “\(word)”",
                            fixTitle: "Write “\(word)”", edits: [ProseEdit(edit, word)])
        }
    }
}
