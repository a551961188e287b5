/// NUM001: a decimal comma before a magnitude word or a percent sign ("2,5 million", "3,7%"),
/// the Russian and Ukrainian way of writing 2.5 and 3.7.
public struct DecimalCommaRule: Rule {
    public static let description = RuleDescription(
        code: "NUM001",
        name: "decimal-comma",
        category: .numberFormat,
        severity: .warning,
        summary: "A decimal comma before a magnitude, percent or unit, as in “2,5 million”, “3,7%” or “3,5 hours”.",
        rationale: """
            Russian and Ukrainian write the decimal point as a comma (“2,5 млн”, “3,7%”). English \
            uses the comma to group thousands, so “2,5 million” reads as a typo and “1,250 million” \
            as a different number. A comma counts as decimal only where it cannot group \
            thousands: one or two digits after it (or four and more), followed by “million”, \
            “billion”, “thousand”, their Russian abbreviations, “percent”, “times”, “%” or a \
            unit (“3,5 hours”, “1,5 km”, “2,4 tonnes”). A \
            number such as “2,500 million”, a valid grouping, is left alone.
            """,
        fixApplicability: .unsafe,
        fixSafety: """
            The comma is read as decimal only where it cannot be a thousands separator, but a \
            typo (“2,50 million” for “250 million”) would be misread: an editor should check.
            """,
        triggering: [
            "The budget lost ⟦2,5⟧ million hryvnias.",
            "Inflation reached ⟦3,7⟧% in March.",
            "Naftogaz borrowed UAH ⟦1,5⟧ bln from the bank.",
            "Exports fell by ⟦12,5⟧ percent.",
            "Prices rose ⟦1,5⟧ times over the year.",
            "The air raid alert lasted ⟦3,5⟧ hours.",
            "The deal was worth ⟦1.234,5⟧ million euros.",
        ],
        nonTriggering: [
            "The budget lost 2.5 million hryvnias.",
            "Some 65,000 people fled the region.",
            "The fund holds 2,500 million dollars.",
            "Inflation reached 3.7% in March.",
            "Turnout was 12% lower, with 1,234,567 votes cast.",
            "Items 1,5 and 7 were struck from the agenda.",
            "The column stretched for 1,500 km.",
        ],
        fixes: [
            FixExample("The budget lost 2,5 million hryvnias.", "The budget lost 2.5 million hryvnias."),
            FixExample("Inflation reached 3,7% and then 12,25 %.", "Inflation reached 3.7% and then 12.25 %."),
            FixExample("It was worth 1.234,5 million euros.", "It was worth 1,234.5 million euros."),
        ],
        signalsTranslation: true
    )

    /// Words after which a number is a quantity that English writes with a decimal point.
    private let magnitudes = WordSet([
        "thousand", "million", "millions", "billion", "billions", "trillion", "trillions",
        "mln", "bln", "mlrd", "trln", "thous", "thsd", "bn", "tn", "percent", "pct", "times",
        // Units: a count of them is never written with a thousands comma and one or two digits.
        "hour", "hours", "minute", "minutes", "second", "seconds", "day", "days", "week", "weeks",
        "month", "months", "year", "years", "km", "kilometre", "kilometres", "kilometer", "kilometers",
        "metre", "metres", "meter", "meters", "ton", "tons", "tonne", "tonnes", "kg", "degree", "degrees",
        "hectare", "hectares", "litre", "litres", "liter", "liters", "points",
    ])
    private let per = FoldedHash.of("per")
    private let cent = FoldedHash.of("cent")

    public init(dictionaries: DictionaryStore) throws {}

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        let prose = analysis.prose
        for index in tokens.indices where tokens[index].kind == .number {
            let token = tokens[index]
            guard isQuantity(analysis, after: index) else { continue }
            guard let shape = NumberText.shape(prose, token.range), shape.commaCount == 1,
                  shape.separators.last == 0x2C else { continue }
            // The fraction after the comma: three digits make a valid thousands group.
            let fraction = shape.runs[shape.runs.count - 1]
            guard fraction != 3 else { continue }
            // Dots before the comma must group thousands ("1.234,5"), else the number is garbled.
            if shape.dotCount > 0 {
                guard shape.runs[0] <= 3, shape.runs.dropFirst().dropLast().allSatisfy({ $0 == 3 }) else { continue }
            }
            var replacement = ""
            for offset in token.range {
                switch prose[offset] {
                case 0x2C: replacement.append(".")
                case 0x2E: replacement.append(",")
                default: replacement.unicodeScalars.append(Unicode.Scalar(prose[offset]))
                }
            }
            let written = analysis.text(of: token)
            findings.report(token.range, "“\(written)” has a decimal comma; English writes “\(replacement)”",
                            fixTitle: "Write “\(replacement)”", edits: [ProseEdit(token.range, replacement)])
        }
    }

    /// Whether the token after the number (or after one space) is a magnitude word or "%".
    private func isQuantity(_ analysis: Analysis, after index: Int) -> Bool {
        let tokens = analysis.tokens
        guard index + 1 < tokens.count else { return false }
        var nextIndex = index + 1
        if tokens[nextIndex].kind == .space {
            guard !tokens[nextIndex].isParagraphBreak, nextIndex + 1 < tokens.count else { return false }
            nextIndex += 1
        }
        let next = tokens[nextIndex]
        if next.length == 1 && analysis.byte(at: Int(next.start), is: "%") { return true }
        guard next.kind == .word, next.shape == .lower else { return false }
        if magnitudes.contains(next) { return true }
        if next.foldedHash == per, let after = analysis.nextNonSpace(after: nextIndex) {
            return tokens[after].foldedHash == cent
        }
        return false
    }
}
