import KalkaKnowledge
import KalkaModel
import KalkaText

/// NUM002: figures followed by the word "thousand" ("65 thousand people"), a calque of the
/// Russian "65 тысяч" where English writes "65,000".
public struct ThousandCalqueRule: Rule {
    public static let description = RuleDescription(
        code: "NUM002",
        name: "thousand-calque",
        category: .numberFormat,
        severity: .warning,
        summary: "Figures followed by “thousand”, as in “65 thousand people”, where English writes “65,000”.",
        rationale: """
            Russian and Ukrainian write large round numbers as figures and a word (“65 тысяч”, \
            “2,5 тыс.”); translated word for word they become “65 thousand” or “2.5 thousand”, \
            which English news style writes as “65,000” and “2,500”. Spelled-out numbers \
            (“ten thousand servicemen”), “a thousand” and “thousands of” are ordinary English \
            and stay quiet, as do “million” and “billion”, which English does combine with figures.
            """,
        fixApplicability: .safe,
        fixSafety: """
            The figure is multiplied by a thousand exactly (at most three decimals, so no digit \
            is lost); a range such as “2–3 thousand” is rewritten on both ends, so its lower \
            bound keeps its magnitude.
            """,
        triggering: [
            "Some ⟦65 thousand⟧ people fled the region.",
            "The army has ⟦125 thousand⟧ reservists.",
            "About ⟦2.5 thousand⟧ homes lost power.",
            "Between ⟦2 and 3 thousand⟧ troops took part.",
            "Nearly ⟦10–15 thousand⟧ residents left.",
        ],
        nonTriggering: [
            "Some 65,000 people fled the region.",
            "Ten thousand servicemen took part in the drills.",
            "Thousands of people fled the region.",
            "A thousand volunteers signed up.",
            "The city lost 2.5 million residents.",
            "Divers recovered 3 thousand-year-old amphorae.",
            "Some 4, 7 thousand homes lost heating.",
        ],
        fixes: [
            FixExample("Some 65 thousand people fled.", "Some 65,000 people fled."),
            FixExample("About 2.5 thousand homes and 1.25 thousand shops.", "About 2,500 homes and 1,250 shops."),
            FixExample("Between 2 and 3 thousand troops and 10–15 thousand residents.",
                       "Between 2,000 and 3,000 troops and 10,000–15,000 residents."),
        ],
        signalsTranslation: .strong
    )

    private let thousand = FoldedHash.of("thousand")
    /// Words and marks that join the two ends of a range: "2 to 3 thousand", "2–3 thousand".
    private let rangeWords = WordSet(["to", "and", "or", "-", "–", "—"])

    public init(dictionaries: DictionaryStore) throws {}

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        for index in tokens.indices where tokens[index].foldedHash == thousand && tokens[index].shape == .lower {
            guard let numberIndex = analysis.previousNonSpace(before: index),
                  tokens[numberIndex].kind == .number,
                  let value = thousands(analysis, tokens[numberIndex]) else { continue }
            // "4, 7 thousand" is a decimal comma split by a space: NUM001's.
            if DecimalCommaRule.spacedDecimal(analysis, fraction: numberIndex) != nil { continue }
            // "1,500 thousand-year-old": a hyphen makes "thousand" part of a compound.
            if index + 1 < tokens.count, analysis.byte(at: Int(tokens[index].end), is: "-") { continue }
            var edits = [ProseEdit(Int(tokens[numberIndex].start)..<Int(tokens[index].end), NumberText.grouped(value))]
            var start = Int(tokens[numberIndex].start)
            // A range: the lower bound means thousands too.
            if let link = analysis.previousNonSpace(before: numberIndex), rangeWords.contains(tokens[link]),
               let lowerIndex = analysis.previousNonSpace(before: link), tokens[lowerIndex].kind == .number,
               let lower = thousands(analysis, tokens[lowerIndex]), lower < value {
                start = Int(tokens[lowerIndex].start)
                edits.insert(ProseEdit(tokens[lowerIndex].range, NumberText.grouped(lower)), at: 0)
            } else if let before = analysis.previousNonSpace(before: numberIndex),
                      tokens[before].kind == .number || rangeWords.contains(tokens[before])
                        && tokens[before].kind == .punctuation {
                // "2-3 thousand" whose lower bound cannot be read, or "1 2 thousand": leave it.
                continue
            }
            let range = start..<Int(tokens[index].end)
            let written = Self.plainSpaces(analysis.text(of: range))
            let fixed = Self.plainSpaces(applied(analysis, range, edits))
            findings.report(range, "“\(written)”: English writes the figure in full, “\(fixed)”",
                            fixTitle: "Write “\(fixed)”", edits: edits)
        }
    }

    /// The number token times a thousand, when it is digits (at most three) with at most three
    /// decimals after a point: "65" → 65000, "2.5" → 2500.
    private func thousands(_ analysis: Analysis, _ token: Token) -> Int? {
        let prose = analysis.prose
        guard token.length <= 7, let shape = NumberText.shape(prose, token.range), shape.runs[0] <= 3,
              shape.commaCount == 0, shape.dotCount <= 1 else { return nil }
        var value = 0
        var decimals = -1
        for offset in token.range {
            let byte = prose[offset]
            if byte == 0x2E { decimals = 0; continue }
            value = value * 10 + Int(byte - 0x30)
            if decimals >= 0 { decimals += 1 }
        }
        guard decimals <= 3 else { return nil }
        for _ in 0..<(decimals < 0 ? 3 : 3 - decimals) { value *= 10 }
        return value > 0 ? value : nil
    }

    /// The text of `range` with `edits` (inside it, in order) applied.
    private func applied(_ analysis: Analysis, _ range: Range<Int>, _ edits: [ProseEdit]) -> String {
        var out = ""
        var cursor = range.lowerBound
        for edit in edits {
            out += analysis.text(of: cursor..<edit.range.lowerBound) + edit.replacement
            cursor = edit.range.upperBound
        }
        return out + analysis.text(of: cursor..<range.upperBound)
    }

    /// Text for a message, with a no-break space or line feed shown as a plain space.
    private static func plainSpaces(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.isWhitespace ? " " : $0 }))
    }
}
