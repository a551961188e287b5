import KalkaKnowledge
import KalkaModel
import KalkaText

/// NUM001: a decimal comma ("2,5 million", "3,7%", "312,45 hryvnias", "+4,6", "2:07,4"), the
/// Russian and Ukrainian way of writing 2.5 and 3.7.
///
/// A comma is read as decimal only where it cannot group thousands (not three digits after it)
/// and the context says it is one: a magnitude, percent, unit or currency after the number, a
/// currency before it, a sign (+4,6), tenths of a second after minutes (2:07,4), or a number no
/// thousands grouping can give (3104,50, 7,8912). Split by a space before a magnitude
/// ("4, 7 thousand"), the comma is still decimal.
public struct DecimalCommaRule: Rule {
    public static let description = RuleDescription(
        code: "NUM001",
        name: "decimal-comma",
        category: .numberFormat,
        severity: .warning,
        summary: "A decimal comma, as in “2,5 million”, “3,7%”, “312,45 hryvnias” or “+4,6”.",
        rationale: """
            Russian and Ukrainian write the decimal point as a comma (“2,5 млн”, “3,7%”). English \
            uses the comma to group thousands, so “2,5 million” reads as a typo and “1,250 million” \
            as a different number. A comma counts as decimal only where it cannot group \
            thousands: one or two digits after it (or four and more), in a context that makes it \
            a quantity: followed by “million”, “billion”, “thousand”, their Russian \
            abbreviations, “percent”, “times”, “%”, a unit (“3,5 hours”, “1,5 km”) or a currency \
            (“312,45 hryvnias”); after a currency (“UAH 3,45”) or a sign (“+4,6”: no grouped \
            number carries one); as tenths of a second after minutes (“2:07,4”, or any fraction \
            after a signed time, never after a capitalized word: “Romans 12:19,21” is a verse \
            list); or with more digits before the comma than a group holds (“3104,50”) or a zero \
            before it (“0,4”). A number such as “3,500 million”, a valid grouping, and a bare \
            “1,5” (a list?) are left alone.
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
            "The subsidy rose by ⟦312,45⟧ hryvnias.",
            "The fee is UAH ⟦3,4521⟧ per kilowatt-hour.",
            "The party's rating moved by +⟦4,6⟧ since spring.",
            "The swimmer touched the wall in 2:⟦07,4⟧.",
            "The payment reached ⟦3104,50⟧ on average.",
            "The index fell by ⟦0,4⟧ in March.",
            "Some ⟦4, 7⟧ thousand homes lost heating.",
        ],
        nonTriggering: [
            "The budget lost 2.5 million hryvnias.",
            "Some 65,000 people fled the region.",
            "The fund holds 2,500 million dollars.",
            "Inflation reached 3.7% in March.",
            "Turnout was 12% lower, with 1,234,567 votes cast.",
            "Items 1,5 and 7 were struck from the agenda.",
            "The column stretched for 1,500 km.",
            "The fund paid 2,500 hryvnias and UAH 1,250 more.",
            "Results: 2019,2020 and 2021 were the warmest years.",
            "In 2014,15 people were hurt.",
            "The list named 5, 6 and 7 thousand as targets.",
            "Scores were 3-5,5-7 in the two rounds.",
            "The sermon cited Romans 12:19,21 and John 3:16,17.",
            "Ferries leave at 10:30,11:45 and 13:05.",
        ],
        fixes: [
            FixExample("The budget lost 2,5 million hryvnias.", "The budget lost 2.5 million hryvnias."),
            FixExample("Inflation reached 3,7% and then 12,25 %.", "Inflation reached 3.7% and then 12.25 %."),
            FixExample("It was worth 1.234,5 million euros.", "It was worth 1,234.5 million euros."),
            FixExample("It rose by 312,45 hryvnias (+2,3 on the month).", "It rose by 312.45 hryvnias (+2.3 on the month)."),
            FixExample("Some 4, 7 thousand homes lost heating.", "Some 4.7 thousand homes lost heating."),
        ],
        signalsTranslation: .strong
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
        for index in analysis.numberTokens {
            let token = tokens[index]
            if let lower = Self.spacedDecimal(analysis, fraction: index) {
                guard isQuantity(analysis, after: index) else { continue }
                let range = Int(tokens[lower].start)..<Int(token.end)
                let replacement = analysis.text(of: tokens[lower]) + "." + analysis.text(of: token)
                findings.report(range, "“\(analysis.text(of: range))” is a decimal comma split by a space; English writes “\(replacement)”",
                                fixTitle: "Write “\(replacement)”", edits: [ProseEdit(range, replacement)])
                continue
            }
            // One comma or none: a number without one is passed before its shape is read.
            guard NumberText.containsComma(prose, token.range),
                  let shape = NumberText.shape(prose, token.range), shape.commaCount == 1,
                  shape.separators.last == 0x2C else { continue }
            // The fraction after the comma: three digits make a valid thousands group.
            let fraction = shape.runs[shape.runs.count - 1]
            guard fraction != 3 else { continue }
            // Dots before the comma must group thousands ("1.234,5"), else the number is garbled.
            if shape.dotCount > 0 {
                guard shape.runs[0] <= 3, shape.runs.dropFirst().dropLast().allSatisfy({ $0 == 3 }) else { continue }
            }
            guard isQuantity(analysis, after: index) || hasCurrency(analysis, around: index)
                    || isSigned(analysis, index) || isSeconds(analysis, index, shape)
                    || isUngroupable(prose, token, shape) else { continue }
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

    /// For "4, 7 thousand": the index of the "6" when the token at `fraction` is one digit after a
    /// number of one to three digits, a comma and one space, with no list before them.
    static func spacedDecimal(_ analysis: Analysis, fraction: Int) -> Int? {
        let tokens = analysis.tokens
        let prose = analysis.prose
        guard fraction >= 3, tokens[fraction].length == 1, NumberText.isDigits(prose, tokens[fraction].range),
              tokens[fraction - 1].kind == .space, tokens[fraction - 1].length == 1, !tokens[fraction - 1].isParagraphBreak,
              analysis.isCharacter(tokens[fraction - 2], 0x2C) else { return nil }
        let lower = fraction - 3
        guard tokens[lower].kind == .number, tokens[lower].length <= 3, NumberText.isDigits(prose, tokens[lower].range) else { return nil }
        // "5, 6 and 7 thousand" is a list; so is "1, 2, 3".
        if let before = analysis.previousNonSpace(before: lower), analysis.isCharacter(tokens[before], 0x2C) { return nil }
        if let after = analysis.nextNonSpace(after: fraction), analysis.isCharacter(tokens[after], 0x2C) { return nil }
        return lower
    }

    /// A currency name or code right after the number, or a currency code or sign right before it.
    private func hasCurrency(_ analysis: Analysis, around index: Int) -> Bool {
        let tokens = analysis.tokens
        if let next = analysis.nextNonSpace(after: index), tokens[next].kind == .word, NumberContext.currencies.contains(tokens[next]) { return true }
        if let previous = analysis.previousNonSpace(before: index) {
            let token = tokens[previous]
            if NumberContext.isCurrencySign(analysis, token) { return true }
            if token.kind == .word, token.shape == .upper, NumberContext.currencies.contains(token) { return true }
        }
        return false
    }

    /// "+4,6", "−0,3": a sign tight against the number, after a space, a bracket or nothing.
    private func isSigned(_ analysis: Analysis, _ index: Int) -> Bool {
        let tokens = analysis.tokens
        guard index >= 1 else { return false }
        let sign = tokens[index - 1]
        let start = Int(sign.start)
        let isSign = sign.length == 1 && (analysis.prose[start] == 0x2B || analysis.prose[start] == 0x2D)
            || sign.length == 3 && analysis.prose[start] == 0xE2 && analysis.prose[start + 1] == 0x88 && analysis.prose[start + 2] == 0x92
        guard isSign else { return false }
        guard index >= 2 else { return true }
        let before = tokens[index - 2]
        return before.kind == .space || before.isParagraphBreak || analysis.isCharacter(before, 0x28)
    }

    /// "2:07,4", "+1:02,35": seconds and their fraction after minutes and a colon. The fraction
    /// is one digit (tenths), unless a sign before the minutes makes a time gap of any precision;
    /// after a capitalized word the colon is a reference ("Romans 12:19,21").
    private func isSeconds(_ analysis: Analysis, _ index: Int, _ shape: NumberText.Shape) -> Bool {
        let tokens = analysis.tokens
        guard shape.runs.count == 2, shape.runs[0] == 2, index >= 2, analysis.isCharacter(tokens[index - 1], 0x3A),
              tokens[index - 2].kind == .number, tokens[index - 2].length <= 2 else { return false }
        if let word = analysis.previousNonSpace(before: index - 2), tokens[word].kind == .word, tokens[word].shape != .lower { return false }
        return shape.runs[1] == 1 || isSigned(analysis, index - 2)
    }

    /// "3104,50", "7,8912": more digits before the comma than a thousands group holds, or more
    /// than three after it. A year before the comma ("in 2014,15 people", "2019,2020") is a lost
    /// space, not a decimal.
    private func isUngroupable(_ prose: [UInt8], _ token: Token, _ shape: NumberText.Shape) -> Bool {
        guard shape.runs.count == 2 else { return false }
        let (whole, fraction) = (shape.runs[0], shape.runs[1])
        // "0,5": no grouped number starts with a zero.
        if whole == 1 && prose[Int(token.start)] == 0x30 { return true }
        if whole == 4 {
            let year = NumberText.digitValue(prose, Int(token.start)..<(Int(token.start) + 4))
            if (1800...2099).contains(year) { return false }
        }
        return whole >= 4 && fraction <= 2 || fraction >= 4 && whole <= 3
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
