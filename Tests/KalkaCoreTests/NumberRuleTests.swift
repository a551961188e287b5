import Testing
import KalkaCore

/// Number-format behaviour the rule examples cannot show: fixes through markup, and the rules
/// together on one text.
@Suite struct NumberRuleTests {
    private func fix(_ text: String, _ format: InputFormat, threshold: FixApplicability = .safe) throws -> (fixed: String, codes: [String]) {
        let diagnostics = try Lint.diagnostics(text, format: format).filter { $0.rule.category == .numberFormat }
        let (fixed, _) = Fixer.apply(diagnostics, to: Array(text.utf8), upTo: threshold)
        return (String(decoding: fixed, as: UTF8.self), diagnostics.map(\.rule.code))
    }

    @Test(arguments: [
        ("<p>Some 65&nbsp;thousand people fled.</p>", InputFormat.html, "<p>Some 65,000 people fled.</p>"),
        ("<p>Some 2&#8211;3&nbsp;thousand people fled.</p>", .html, "<p>Some 2,000&#8211;3,000 people fled.</p>"),
        ("<p>Decree &#8470;&nbsp;64 was signed.</p>", .html, "<p>Decree No.&nbsp;64 was signed.</p>"),
        ("Some **65 thousand** people fled.", .markdown, "Some **65,000** people fled."),
        ("Some 65\u{A0}thousand people fled.", .plain, "Some 65,000 people fled."),
    ])
    func fixesReplaceEntitiesAndSpaces(_ input: String, _ format: InputFormat, _ expected: String) throws {
        #expect(try fix(input, format).fixed == expected)
    }

    @Test func decimalCommaAndAbbreviationFixTogether() throws {
        let result = try fix("Naftogaz borrowed UAH 1,5 bln.", .plain, threshold: .unsafe)
        #expect(result.codes.sorted() == ["NUM001", "NUM003"])
        #expect(result.fixed == "Naftogaz borrowed UAH 1.5 billion.")
    }

    @Test func decimalCommaIsNotAppliedAsSafe() throws {
        #expect(try fix("It lost 2,5 million.", .plain).fixed == "It lost 2,5 million.")
    }

    @Test func datesOnlySuggest() throws {
        let diagnostics = try Lint.diagnostics("Signed on 02.12.2021 in Minsk.").filter { $0.rule.code == "NUM004" }
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.fix?.applicability == .displayOnly)
        #expect(diagnostics.first?.fix?.title == "Spell out the month: “2 December 2021”")
    }

    @Test func cleanNumbersStayQuiet() throws {
        let text = """
            Some 65,000 people, 2.5 million residents and $1.2 billion in aid; inflation of 3.7% \
            and 12% growth since 2014; 30 NATO allies; ten thousand servicemen; thousands of \
            refugees; a thousand volunteers; 1,084 kilometers; version 3.7.1; 2,500 million.
            """
        #expect(try fix(text, .plain).codes.isEmpty)
        let wire = """
            Filed : Friday 9 May 2019, 07:15. The count closed at 8:05 PM EST with \
            $1.2bn raised, up 30 per cent on 1,500 donors; the euro traded at 1.15 and talks \
            resumed at 10.30 before a 2.5 percent cut. On March 5 100 people left, at 3.30pm. \
            Queen Elizabeth II ruled in the 20th century; the 1,250 km route opened in 2019.
            """
        #expect(try fix(wire, .plain).codes.isEmpty)
    }

    @Test(arguments: [
        ("<p>The fund received 31&nbsp;418 donations.</p>", InputFormat.html, "<p>The fund received 31,418 donations.</p>"),
        ("<p>It costs <b>$ 45</b> at 19.25 local time.</p>", .html, "<p>It costs <b>$45</b> at 19:25 local time.</p>"),
        ("The subsidy rose by *312,45* hryvnias (+2,3 on the month).", .markdown, "The subsidy rose by *312.45* hryvnias (+2.3 on the month)."),
        ("Icons of the XV&ndash;XVI centuries.", .html, "Icons of the 15th&ndash;16th centuries."),
    ])
    func newFormatsFixThroughMarkup(_ input: String, _ format: InputFormat, _ expected: String) throws {
        #expect(try fix(input, format, threshold: .unsafe).fixed == expected)
    }

    @Test func dottedDateOnATimestampLineIsInfo() throws {
        // A number calque in the same document corroborates the date in running text.
        let text = "Kyiv, 08:10 03.11.2020\n\nThe law took effect on 01.06.2019 in every region; some 40 thousand firms filed."
        let severities = try Lint.diagnostics(text).filter { $0.rule.code == "NUM004" }.map(\.severity)
        #expect(severities == [.info, .warning])
    }
}

extension NumberRuleTests {
    /// A no-break space inside the finding shows as a plain space in the message and fix title.
    @Test func messagesShowPlainSpaces() throws {
        let diagnostics = try Lint.diagnostics("<p>Some 65&nbsp;thousand people.</p>", format: .html).filter { $0.rule.code == "NUM002" }
        #expect(diagnostics.map(\.message) == ["“65 thousand”: English writes the figure in full, “65,000”"])
        #expect(diagnostics.first?.fix?.title == "Write “65,000”")
    }
}

/// Professional English the number rules must not warn about: British times, SI grouping, tables,
/// references, European dates, compounds. Each text stands alone, with no other mark of
/// translation to corroborate an ambiguous finding.
extension NumberRuleTests {
    private func numberWarnings(_ text: String) throws -> [String] {
        try Lint.diagnostics(text).filter { $0.rule.category == .numberFormat && $0.severity >= .warning }.map(\.rule.code)
    }

    @Test(arguments: [
        // British 24-hour times with a point (NUM006).
        "The House of Commons sits at 14.30 on Mondays and rises at 22.30.",
        "Kick-off is at 19.45 BST, with gates open from 18.00.",
        "Polling stations are open from 07.00 to 22.00.",
        "The stock closed at 13.45 on Friday.",
        "Shares fell from 18.50 to 14.20 euros.",
        "She won the heat, finishing at 20.10 seconds.",
        "Entries must reach the office by 18.00 on Friday.",
        "From 09.00 to 17.30, the museum is open.",
        // SI grouping with a space, and numbers side by side (NUM007).
        "The plant shipped 45 000 tonnes of grain.",
        "The census counted 1 250 000 residents and 12 500 farms.",
        "The archive holds 12\u{2009}500 letters and 3\u{202F}816 maps.",
        "On day 3 500 troops crossed the river.",
        "In round 2 300 delegates voted for the motion.",
        // Verse references and time lists (NUM001).
        "The sermon took Romans 12:19,21 and John 3:16,17 as its text.",
        "Buses leave at 10:30,11:45 and 13:05.",
        // Financial tables and price lists (NUM009).
        "Total revenue | $ 1,234 | $ 5,678",
        "Tickets: adults 10 €, children 5 €",
        "Rooms cost 80 € a night in the low season.",
        // A European dotted date in running text (NUM004).
        "The regulation applies in all member states from 12.03.2024.",
        // Compounds after a regnal number (NUM008).
        "The Charles III century-old oak and the XVIII century-old style were admired.",
    ])
    func professionalEnglishGetsNoWarning(_ text: String) throws {
        #expect(try numberWarnings(text).isEmpty, "\(text)")
    }

    @Test func easternClockOrOtherEvidenceMakesADottedTimeAWarning() throws {
        #expect(try numberWarnings("At 21.14 local time the sirens sounded.") == ["NUM006"])
        #expect(try numberWarnings("The sirens sounded at 21.14 Moscow time.") == ["NUM006"])
        // Alone a British-looking time is info; beside a number calque it is a warning.
        let alone = try Lint.diagnostics("The office is open from 09.00 to 18.00.").filter { $0.rule.code == "NUM006" }
        #expect(alone.map(\.severity) == [.info, .info])
        #expect(alone.first?.message.contains("no other") == true)
        let corroborated = "The office is open from 09.00 to 18.00; some 40 thousand people applied."
        #expect(try numberWarnings(corroborated).sorted() == ["NUM002", "NUM006", "NUM006"])
    }

    @Test func fourDigitsGroupedWithASpaceIsAWarningAlone() throws {
        #expect(try numberWarnings("The new tariff is 3 816 hryvnias.") == ["NUM007"])
        #expect(try numberWarnings("The new tariff is 3\u{2009}816 hryvnias.").isEmpty)
    }

    @Test func spaceGroupsAndADecimalCommaFixTogether() throws {
        let result = try fix("The fee is 5 120,50 UAH a month.", .plain, threshold: .unsafe)
        #expect(result.codes.sorted() == ["NUM001", "NUM007"])
        #expect(result.fixed == "The fee is 5,120.50 UAH a month.")
        #expect(try fix("The fee is 5 120.50 UAH a month.", .plain, threshold: .unsafe).fixed == "The fee is 5,120.50 UAH a month.")
    }
}
