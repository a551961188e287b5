import Testing
@testable import KalkaCore

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
            POSTED : Tuesday, 4 March, 2014, 12:00am. The vote closed at 9:41 AM CDT with \
            $1.2bn raised, up 30 per cent on 1,500 donors; the euro traded at 1.15 and talks \
            resumed at 10.30 before a 2.5 percent cut. On March 5 100 people left, at 3.30pm. \
            Queen Elizabeth II ruled in the 20th century; the 1,250 km route opened in 2019.
            """
        #expect(try fix(wire, .plain).codes.isEmpty)
    }

    @Test(arguments: [
        ("<p>The fund received 31&nbsp;418 donations.</p>", InputFormat.html, "<p>The fund received 31,418 donations.</p>"),
        ("<p>It costs <b>$ 45</b> at 19.25 local time.</p>", .html, "<p>It costs <b>$45</b> at 19:25 local time.</p>"),
        ("The subsidy rose by *312,45* hryvnias, +6,5 on the week.", .markdown, "The subsidy rose by *312.45* hryvnias, +6.5 on the week."),
        ("Icons of the XV&ndash;XVI centuries.", .html, "Icons of the 15th&ndash;16th centuries."),
    ])
    func newFormatsFixThroughMarkup(_ input: String, _ format: InputFormat, _ expected: String) throws {
        #expect(try fix(input, format, threshold: .unsafe).fixed == expected)
    }

    @Test func dottedDateOnATimestampLineIsInfo() throws {
        let text = "Kyiv, 08:10 03.11.2020\n\nThe law took effect on 01.06.2019 in every region."
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
