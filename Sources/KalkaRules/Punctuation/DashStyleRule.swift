import KalkaKnowledge
import KalkaModel
import KalkaText

/// PUN007: a dash that breaks a sentence, set other than the house style (`house-style: dashes:`
/// in `.kalka.yml`). Quiet unless the house style sets dashes.
///
/// Judged: a spaced en or em dash between words ("Kyiv – the capital"), and a closed em dash
/// between words ("Kyiv—the capital"). Never touched: an en dash in a range, spaced or not
/// ("2019–2021", "pages 10 – 15"), a closed en dash joining words ("the Kyiv–Warsaw train"), a dash
/// opening a paragraph (dialogue) and one next to a line break. Spaced hyphens are PUN004's.
public struct DashStyleRule: Rule {
    public static let description = RuleDescription(
        code: "PUN007",
        name: "dash-style",
        category: .punctuation,
        severity: .info,
        summary: "A dash between words set other than the house style: spaced en dash, spaced em dash or closed em dash (only with `house-style: dashes`).",
        rationale: """
            A house sets the dash that breaks a sentence one way: a closed em dash (Chicago), a \
            spaced em dash (AP) or a spaced en dash (many British papers). Translated copy mixes \
            them. Off unless `.kalka.yml` sets `house-style: dashes: em`, `em-spaced` or \
            `en-spaced`; the examples assume `em`. Ranges keep their en dash.
            """,
        fixApplicability: .safe,
        fixSafety: "A dash between words is a sentence dash whatever its width; ranges between figures and closed en dashes are never touched.",
        triggering: [
            "Kyiv⟦ – ⟧the capital⟦ – ⟧was shelled overnight.",
            "The answer was clear⟦ — ⟧no talks.",
            "The war began in 2022⟦ – ⟧a year of losses.",
        ],
        nonTriggering: [
            "Kyiv—the capital—was shelled overnight.",
            "He served from 2019–2021 on the Kyiv–Warsaw route.",
            "Between 10 – 15 people were wounded.",
            "— Yes, the mayor said.",
            "Kyiv said the talks –\nhad failed.",
        ],
        fixes: [
            FixExample("Kyiv – the capital — was shelled.", "Kyiv—the capital—was shelled."),
        ]
    )

    private let style: DashStyle?

    public init(dictionaries: DictionaryStore) throws {
        style = dictionaries.typography.dashes
    }

    private enum Setting { case closedEm, spacedEm, spacedEn }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        guard let style else { return }
        let wanted: Setting = switch style {
        case .em: .closedEm
        case .emSpaced: .spacedEm
        case .enSpaced: .spacedEn
        }
        let prose = analysis.prose
        var index = 0
        while index + 2 < prose.count {
            defer { index += 1 }
            guard prose[index] == 0xE2, prose[index + 1] == 0x80, prose[index + 2] == 0x93 || prose[index + 2] == 0x94 else { continue }
            let isEm = prose[index + 2] == 0x94
            guard let (range, setting) = Self.sentenceDash(at: index, isEm: isEm, analysis), setting != wanted else { continue }
            let shown = analysis.text(of: range)
            let replacement = style.dash
            findings.report(range, "Dash “\(shown)” where the house style sets “\(replacement)”",
                            fixTitle: "Use “\(replacement)”", edits: [ProseEdit(range, replacement)])
        }
    }

    /// The dash at `offset` with its spaces, and how it is set, when it breaks a sentence
    /// between words; nil for ranges, joining en dashes and dashes at a line's edge.
    private static func sentenceDash(at offset: Int, isEm: Bool, _ analysis: Analysis) -> (Range<Int>, Setting)? {
        let end = offset + 3
        guard let before = analysis.scalar(before: offset), let after = analysis.scalar(at: end) else { return nil }
        let spacedBefore = isSpace(before), spacedAfter = isSpace(after)
        if !spacedBefore && !spacedAfter {
            // Closed: only an em dash between words; "1990—2000" is a range whatever the mark.
            guard isEm, !before.properties.isWhitespace, !after.properties.isWhitespace,
                  !(TypographyClass.isDigit(before) && TypographyClass.isDigit(after)) else { return nil }
            return (offset..<end, .closedEm)
        }
        guard spacedBefore && spacedAfter else { return nil }
        let start = offset - before.utf8.count, stop = end + after.utf8.count
        guard let outerBefore = analysis.scalar(before: start), let outerAfter = analysis.scalar(at: stop),
              !outerBefore.properties.isWhitespace, !outerAfter.properties.isWhitespace,
              analysis.isOneSourceLine(start - outerBefore.utf8.count..<stop + outerAfter.utf8.count) else { return nil }
        if !isEm && TypographyClass.isDigit(outerBefore) && TypographyClass.isDigit(outerAfter) { return nil }
        return (start..<stop, isEm ? .spacedEm : .spacedEn)
    }

    /// A space or a no-break space, as set around a dash.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{A0}"
    }
}

extension DashStyleRule: HouseStyleRule {
    public static let exampleTypography = Typography(dashes: .em)
}
