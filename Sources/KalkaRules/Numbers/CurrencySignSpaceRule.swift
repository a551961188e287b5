import KalkaKnowledge
import KalkaModel
import KalkaText

/// NUM009: a space between a currency sign and the amount ("$ 45", "€ 25"), or the sign after
/// the amount ("45 $", "25€"), as Russian and Ukrainian set them, where English writes "$45".
///
/// Not reported: a line set as a table ("|" or tab separators, or several amounts with hardly a
/// word between them, as financial statements align their signs). The sign after the amount is
/// also continental European English ("adults 14 €" in a price list), so it needs
/// corroboration: a warning only when the document shows other marks of translation, else info.
public struct CurrencySignSpaceRule: Rule {
    public static let description = RuleDescription(
        code: "NUM009",
        name: "currency-sign-space",
        category: .numberFormat,
        severity: .warning,
        summary: "A space between a currency sign and the amount, or the sign after it, as in “$ 45” or “45 $”, where English writes “$45”.",
        rationale: """
            Russian and Ukrainian typography separates the currency sign from the figure \
            (“$ 45”, “45 $”); translated copy keeps the space. English sets the sign tight \
            against the amount: “$45”, “€25”, “£3bn”. A line may also break between the sign \
            and the figure. Tables are left alone: financial statements align “$ 1,234” in \
            columns. Neither form is unknown in English copy (“US$ 10 billion” in some house \
            styles, “adults 14 €” in continental price lists), so both are warnings only when the \
            document shows other marks of translation, and info otherwise.
            """,
        fixApplicability: .safe,
        fixSafety: "Only the space between the sign and the figure is deleted, or the sign moves before the figure; the amount stays as written.",
        triggering: [
            "A ticket costs ⟦$ 45⟧ at the door.",
            "The ticket costs ⟦€ 25⟧ and the tour ⟦£ 40⟧.",
            "Lunch costs ⟦12 $⟧ and dinner ⟦30€⟧.",
        ],
        nonTriggering: [
            "A ticket costs $45 at the door.",
            "It raised $1.2bn and US$300m.",
            "The symbol $ is used for dollars.",
            "Rates of 5 $/hour and 2 $ 50 were quoted.",
            "Net sales | $ 2,310 | $ 4,785",
            "Operating income\t$ 812\t$ 967",
            "Operating income $ 812 $ 967",
        ],
        fixes: [
            FixExample("It costs $ 45 and € 25.", "It costs $45 and €25."),
            FixExample("Lunch costs 12 $ and dinner 30€.", "Lunch costs $12 and dinner €30."),
        ]
    )

    public init(dictionaries: DictionaryStore) throws {}

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        // A currency sign is a symbol token: only those are visited.
        for index in analysis.symbolTokens {
            let sign = tokens[index]
            guard NumberContext.isCurrencySign(analysis, sign), !isTableLine(analysis, around: index) else { continue }
            if signAfterAmount(analysis, sign: index, into: &findings) { continue }
            guard index + 2 < tokens.count else { continue }
            let space = tokens[index + 1], amount = tokens[index + 2]
            guard space.kind == .space, !space.isParagraphBreak, space.length == 1, analysis.prose[Int(space.start)] == 0x20,
                  amount.kind == .number, analysis.hasNoSoftBreak(Int(sign.start)..<Int(amount.start) + 1) else { continue }
            // "5 $ 6" is not an amount after a sign.
            if let previous = analysis.previousNonSpace(before: index), tokens[previous].kind == .number { continue }
            let range = Int(sign.start)..<Int(amount.end)
            let tight = analysis.text(of: sign) + analysis.text(of: amount)
            findings.report(range, "Space between the currency sign and the amount; English writes “\(tight)”",
                            fixTitle: "Write “\(tight)”", edits: [ProseEdit(space.range, "")],
                            needsCorroboration: "some English copy sets “US$ 10 billion” with a space")
        }
    }

    /// "45 $", "30€": the sign after a figure, with no figure, slash or sign after it.
    private func signAfterAmount(_ analysis: Analysis, sign index: Int, into findings: inout Findings) -> Bool {
        let tokens = analysis.tokens
        guard index >= 1 else { return false }
        var amountIndex = index - 1
        if tokens[amountIndex].kind == .space {
            guard !tokens[amountIndex].isParagraphBreak, tokens[amountIndex].length == 1, analysis.prose[Int(tokens[amountIndex].start)] == 0x20,
                  amountIndex >= 1 else { return false }
            amountIndex -= 1
        }
        let amount = tokens[amountIndex]
        guard amount.kind == .number, analysis.hasNoSoftBreak(Int(amount.start)..<Int(tokens[index].end)) else { return false }
        // "5 $/hour", "2 $ 50", "$5 $": not an amount with its sign after it.
        if let next = analysis.nextNonSpace(after: index), next == index + 1 || next == index + 2 {
            let token = tokens[next]
            if token.kind == .number || analysis.isCharacter(token, 0x2F) || NumberContext.isCurrencySign(analysis, token) { return false }
        }
        if let previous = analysis.previousNonSpace(before: amountIndex), NumberContext.isCurrencySign(analysis, tokens[previous]) { return false }
        let range = Int(amount.start)..<Int(tokens[index].end)
        let fixed = analysis.text(of: tokens[index]) + analysis.text(of: amount)
        findings.report(range, "The currency sign after the amount; English writes “\(fixed)”",
                        fixTitle: "Write “\(fixed)”", edits: [ProseEdit(range, fixed)],
                        needsCorroboration: "continental European English also sets the sign after the amount")
        return true
    }

    /// Whether the line around the sign at `index` is set as a table: a "|" or a tab on it, or
    /// two or more currency signs with fewer lower-case words than signs ("Operating income
    /// $ 812 $ 967"). Forty tokens each way are read.
    private func isTableLine(_ analysis: Analysis, around index: Int) -> Bool {
        let tokens = analysis.tokens
        var signs = 0, words = 0
        for step in [-1, 1] {
            var position = step < 0 ? index : index + 1
            while position >= 0 && position < tokens.count && abs(position - index) <= 40 {
                let token = tokens[position]
                if token.isParagraphBreak { break }
                if token.kind == .space {
                    if token.range.contains(where: { analysis.prose[$0] == 0x09 }) { return true }
                    if token.range.contains(where: { analysis.prose[$0] == 0x0A }) { break }
                } else if analysis.isCharacter(token, 0x7C) {
                    return true
                } else if NumberContext.isCurrencySign(analysis, token) {
                    signs += 1
                } else if token.kind == .word && token.shape == .lower {
                    words += 1
                }
                position += step
            }
        }
        return signs >= 2 && words < signs
    }
}
