import KalkaKnowledge
import KalkaModel
import KalkaText

/// NUM004: a date written day.month.year ("02.12.2021"), the Russian and Ukrainian form that an
/// American reader takes for February 12.
///
/// In running text a warning when the document shows other marks of translation: continental
/// European English (EU and Swiss copy) dots its dates too, so alone the date needs corroboration.
/// At `info` on a line that is only a timestamp ("03.08.2017, 09:25", "16:40 2.4.2016"), which is
/// page metadata some English sites set that way too.
public struct DottedDateRule: Rule {
    public static let description = RuleDescription(
        code: "NUM004",
        name: "dotted-date",
        category: .numberFormat,
        severity: .warning,
        summary: "A date written with dots, day first, as in “02.12.2021”: ambiguous to English readers.",
        rationale: """
            Russian and Ukrainian write dates as day.month.year; an American reader takes \
            “02.12.2021” for February 12, a British one for 2 December, and English news style \
            spells the month out either way. Only a real calendar date is flagged (day and month \
            in range, a four-digit year), so version numbers such as “3.7.1” stay quiet. The \
            suggestion spells the month out; whether the day goes first is the house style's call. \
            Continental European English (EU and Swiss copy) writes “12.03.2024” too, so a dotted \
            date in running text is a warning only when the document shows other marks of \
            translation (a number calque, leftover Cyrillic, or two weaker marks), and info \
            otherwise. A date on a line with no running text (a page's timestamp, “03.08.2017, \
            09:25”) is reported at info: some English sites set their metadata that way, and the \
            boilerplate rule judges such lines.
            """,
        triggering: [
            "The agreement was signed on ⟦02.12.2021⟧ in Minsk.",
            "Sanctions expire on ⟦31.12.2024⟧, the ministry said.",
            "He was detained on ⟦7.3.2022⟧ at the border.",
            "Kyiv, 12:40 ⟦14.03.2023⟧",
        ],
        nonTriggering: [
            "The agreement was signed on 2 December 2021 in Minsk.",
            "Install version 3.7.1 before the update.",
            "The file was tagged v2.12.2021 in the archive.",
            "Nothing happened on 31.02.2021, a day that does not exist.",
            "The firmware 12.25.2021 build was recalled.",
            "The 1.5.2021 release and version 1.2.2021 of the app were recalled.",
        ]
    )

    private let versionWords = WordSet(["version", "versions", "v", "ver", "build", "release", "firmware", "update", "patch"])

    public init(dictionaries: DictionaryStore) throws {}

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        let prose = analysis.prose
        for index in analysis.numberTokens {
            let token = tokens[index]
            guard (8...10).contains(token.length), let date = date(prose, token.range) else { continue }
            // A further dotted part ("02.12.2021.5") makes it something else.
            if index + 2 < tokens.count, analysis.byte(at: token.range.upperBound, is: "."),
               tokens[index + 1].length == 1, tokens[index + 2].kind == .number { continue }
            // "version 1.2.2021", "the 1.5.2021 build": a version number shaped like a date.
            if let previous = analysis.previousNonSpace(before: index), versionWords.contains(tokens[previous]) { continue }
            if let next = analysis.nextNonSpace(after: index), versionWords.contains(tokens[next]) { continue }
            let spelled = "\(date.day) \(CalendarWords.monthName(date.month)) \(date.year)"
            let timestamp = isTimestampLine(analysis, around: index)
            findings.report(token.range, "“\(analysis.text(of: token))” is a day.month.year date, ambiguous in English"
                                + (timestamp ? " (on a timestamp line)" : ""),
                            fix: ProseFix(title: "Spell out the month: “\(spelled)”", applicability: .displayOnly,
                                          edits: [ProseEdit(token.range, spelled)]),
                            severity: timestamp ? .info : nil,
                            needsCorroboration: timestamp ? nil : "continental European English also writes dates with dots")
        }
    }

    /// Whether the date's line has no running text: fewer than three lower-case words. Forty
    /// tokens each way are enough to tell (a line of dates and figures costs no more).
    private func isTimestampLine(_ analysis: Analysis, around index: Int) -> Bool {
        let tokens = analysis.tokens
        var words = 0
        var position = index - 1
        while words < 3 && position >= 0 && index - position <= 40 && !tokens[position].isParagraphBreak {
            if tokens[position].kind == .word && tokens[position].shape == .lower { words += 1 }
            position -= 1
        }
        position = index + 1
        while words < 3 && position < tokens.count && position - index <= 40 && !tokens[position].isParagraphBreak {
            if tokens[position].kind == .word && tokens[position].shape == .lower { words += 1 }
            position += 1
        }
        return words < 3
    }

    /// Day, month and year of "d.m.yyyy" or "dd.mm.yyyy" when it is a date on the calendar.
    private func date(_ prose: [UInt8], _ range: Range<Int>) -> (day: Int, month: Int, year: Int)? {
        guard let shape = NumberText.shape(prose, range), shape.runs.count == 3, shape.dotCount == 2,
              (1...2).contains(shape.runs[0]), (1...2).contains(shape.runs[1]), shape.runs[2] == 4 else { return nil }
        var parts = [0, 0, 0]
        var part = 0
        for offset in range {
            if prose[offset] == 0x2E { part += 1 } else { parts[part] = parts[part] * 10 + Int(prose[offset] - 0x30) }
        }
        let (day, month, year) = (parts[0], parts[1], parts[2])
        guard SimpleDate(year: year, month: month, day: day) != nil else { return nil }
        return (day, month, year)
    }
}
