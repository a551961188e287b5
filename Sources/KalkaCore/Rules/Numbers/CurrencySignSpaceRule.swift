/// NUM009: a space between a currency sign and the amount ("$ 45", "€ 25"), as Russian and
/// Ukrainian set "$ 45" and "45 $", where English writes "$45".
public struct CurrencySignSpaceRule: Rule {
    public static let description = RuleDescription(
        code: "NUM009",
        name: "currency-sign-space",
        category: .numberFormat,
        severity: .warning,
        summary: "A space between a currency sign and the amount, as in “$ 45”, where English writes “$45”.",
        rationale: """
            Russian and Ukrainian typography separates the currency sign from the figure \
            (“$ 45”, “45 $”); translated copy keeps the space. English sets the sign tight \
            against the amount: “$45”, “€25”, “£3bn”. A line may also break between the sign \
            and the figure.
            """,
        fixApplicability: .safe,
        fixSafety: "Only the space between the sign and the figure is deleted.",
        triggering: [
            "A ticket costs ⟦$ 45⟧ at the door.",
            "The ticket costs ⟦€ 25⟧ and the tour ⟦£ 40⟧.",
        ],
        nonTriggering: [
            "A ticket costs $45 at the door.",
            "It raised $1.2bn and US$300m.",
            "The symbol $ is used for dollars.",
        ],
        fixes: [
            FixExample("It costs $ 45 and € 25.", "It costs $45 and €25."),
        ]
    )

    public init(dictionaries: DictionaryStore) throws {}

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        var index = 0
        while index + 2 < tokens.count {
            defer { index += 1 }
            let sign = tokens[index]
            guard NumberContext.isCurrencySign(analysis, sign) else { continue }
            let space = tokens[index + 1], amount = tokens[index + 2]
            guard space.kind == .space, !space.isParagraphBreak, space.length == 1, analysis.prose[Int(space.start)] == 0x20,
                  amount.kind == .number, analysis.hasNoSoftBreak(Int(sign.start)..<Int(amount.start) + 1) else { continue }
            // "5 $ 6" is not an amount after a sign.
            if let previous = analysis.previousNonSpace(before: index), tokens[previous].kind == .number { continue }
            let range = Int(sign.start)..<Int(amount.end)
            let tight = analysis.text(of: sign) + analysis.text(of: amount)
            findings.report(range, "Space between the currency sign and the amount; English writes “\(tight)”",
                            fixTitle: "Write “\(tight)”", edits: [ProseEdit(space.range, "")])
        }
    }
}
