import Testing
import KalkaCore

/// What the punctuation rules' own examples cannot show: other formats, source mapping, and the
/// clean fixtures under the whole category.
@Suite struct PunctuationRuleTests {
    private func diagnostics(_ text: String, _ format: InputFormat, _ rule: any Rule.Type) throws -> [Diagnostic] {
        try Lint.diagnostics(text, format: format, linter: Lint.linter(for: rule))
    }

    private func fixed(_ text: String, _ format: InputFormat, _ rule: any Rule.Type) throws -> String {
        String(decoding: Fixer.apply(try diagnostics(text, format, rule), to: Array(text.utf8), upTo: .unsafe).text, as: UTF8.self)
    }

    @Test func guillemetEntitiesInHTMLAreReportedAndReplacedWhole() throws {
        let html = "<p>He called it &laquo;unacceptable&raquo; today.</p>"
        let found = try diagnostics(html, .html, RussianQuotesRule.self)
        #expect(found.count == 1)
        let range = try #require(found.first).textRange
        #expect(String(decoding: Array(html.utf8)[range], as: UTF8.self) == "&laquo;unacceptable&raquo;")
        #expect(try fixed(html, .html, RussianQuotesRule.self) == "<p>He called it “unacceptable” today.</p>")
    }

    @Test func numericQuoteReferencesInHTMLAreReplacedWhole() throws {
        let html = "<p>He said &#8222;no&#8220; twice.</p>"
        #expect(try fixed(html, .html, RussianQuotesRule.self) == "<p>He said “no” twice.</p>")
    }

    @Test func breadcrumbGuillemetsInHTMLStayQuiet() throws {
        let html = "<nav>Home &raquo; News &raquo; World</nav><p>Kyiv said “no”.</p>"
        #expect(try diagnostics(html, .html, RussianQuotesRule.self).isEmpty)
    }

    @Test func quotesAcrossMarkdownEmphasisKeepTheMarkup() throws {
        let markdown = "He called it «*unacceptable*» today.\n"
        #expect(try fixed(markdown, .markdown, RussianQuotesRule.self) == "He called it “*unacceptable*” today.\n")
    }

    @Test func markdownHardLineBreaksStayQuiet() throws {
        #expect(try diagnostics("Kyiv said the talks  \nhad failed.\n", .markdown, DoubledSpaceRule.self).isEmpty)
        #expect(try diagnostics("Kyiv  said so.\n", .markdown, DoubledSpaceRule.self).count == 1)
    }

    @Test func navigationGuillemetsInHTMLStayQuiet() throws {
        #expect(try diagnostics("<p>&laquo; Previous | Next &raquo;</p>", .html, RussianQuotesRule.self).isEmpty)
    }

    @Test func doubledSpacesInHTMLStayQuiet() throws {
        #expect(try diagnostics("<p>Kyiv  said so.</p>", .html, DoubledSpaceRule.self).isEmpty)
    }

    @Test func markdownListBulletsAndIndentationStayQuiet() throws {
        let markdown = "The plan:\n\n- a ceasefire - soon\n- an exchange\n\n```\ncode  here\n```\n\n  Indented text.\n"
        #expect(try diagnostics(markdown, .markdown, DoubledSpaceRule.self).isEmpty)
        let dashes = try diagnostics(markdown, .markdown, SpacedHyphenDashRule.self)
        #expect(dashes.map(\.textRange) == [Array(markdown.utf8).firstRange(of: Array(" - ".utf8)).map { ($0.lowerBound + 1)..<($0.lowerBound + 2) }!])
    }

    @Test func marksAroundMarkdownCodeAreNotDoubled() throws {
        #expect(try diagnostics("Pass `--one`, `--two`, or `--three` to the tool.\n", .markdown, StrayPunctuationRule.self).isEmpty)
    }

    @Test func dashBetweenEmphasizedWordsInMarkdownIsNotAStrayLine() throws {
        #expect(try diagnostics("The *Kyiv* — *Lviv* train left.\n", .markdown, StrayPunctuationRule.self).isEmpty)
    }

    @Test func strayParagraphInHTMLIsReported() throws {
        let html = "<p>The talks ended.</p><p>– .</p><p>Moscow was silent.</p>"
        let found = try diagnostics(html, .html, StrayPunctuationRule.self)
        #expect(found.count == 1)
        #expect(try fixed(html, .html, StrayPunctuationRule.self) == "<p>The talks ended.</p><p></p><p>Moscow was silent.</p>")
    }

    @Test func windowsLineEndsKeepStrayLineFixExact() throws {
        let text = "The talks ended.\r\n– .\r\nMoscow was silent."
        #expect(try fixed(text, .plain, StrayPunctuationRule.self) == "The talks ended.\r\nMoscow was silent.")
    }

    @Test func spaceBeforeAnElementTheReaderLeftOutStaysQuiet() throws {
        #expect(try diagnostics("<p>Published under number <code>6512</code>.</p>", .html, SpaceBeforePunctuationRule.self).isEmpty)
        #expect(try fixed("<p>Kyiv <b>said</b> , and left.</p>", .html, SpaceBeforePunctuationRule.self) == "<p>Kyiv <b>said</b>, and left.</p>")
    }

    @Test func spaceBeforePunctuationAtALineStartJoinsTheLines() throws {
        #expect(try fixed("Kyiv said so\n, and left.", .plain, SpaceBeforePunctuationRule.self) == "Kyiv said so, and left.")
    }

    /// U+FE0F joins the mark before it into one `Character`, so a ⟦marked⟧ example cannot show it.
    @Test func orphanVariationSelectorIsReported() throws {
        let text = "Alert!\n\n\u{FE0F}Attention: drones over the city. ⚡\u{FE0F} Stay inside."
        let found = try diagnostics(text, .plain, StrayPunctuationRule.self)
        let start = try #require(Array(text.utf8).firstRange(of: [0xEF, 0xB8, 0x8F])).lowerBound
        #expect(found.map(\.textRange) == [start..<(start + 3)])
    }

    @Test(arguments: [
        ("<p>&ldquo;We will hold,&rdquo; &mdash; the mayor said.</p>", InputFormat.html, "<p>&ldquo;We will hold,&rdquo; the mayor said.</p>"),
        ("He said it was *over*.The minister left.\n", .markdown, "He said it was *over*. The minister left.\n"),
        ("The army of Ukraine`s allies grew.\n", .markdown, "The army of Ukraine’s allies grew.\n"),
        ("<p>The mayor <i>added</i>, that the curfew stays.</p>", .html, "<p>The mayor <i>added</i> that the curfew stays.</p>"),
        ("<p>&ldquo;We did it. &rdquo;</p>", .html, "<p>&ldquo;We did it.&rdquo;</p>"),
    ])
    func attributionAndQuoteFixesMapToTheSource(_ input: String, _ format: InputFormat, _ expected: String) throws {
        let diagnostics = try Lint.diagnostics(input, format: format).filter { $0.rule.category == .punctuation }
        let fixed = String(decoding: Fixer.apply(diagnostics, to: Array(input.utf8), upTo: .unsafe).text, as: UTF8.self)
        #expect(fixed == expected)
    }

    /// Wire and newspaper conventions the new punctuation rules must leave alone.
    @Test func professionalConventionsStayQuiet() throws {
        let text = """
            “We stay put,” the mayor said. “Now.”\n\n“Best pizza in town.” – says our food critic.\n\n\
            As the minister said, that would be a mistake. The envoy said the plan . . . had failed.\n\n\
            Last modified : 3 February 2021, 08:15\nRead more at Ledger.NET, www.example.com and U.S.officials’ sites.\n\n\
            Kyiv – the capital – was shelled - as he said. The 1990s’ rock ’n’ roll was Ukraine’s.
            """
        let codes = try Lint.diagnostics(text).filter { $0.rule.category == .punctuation && $0.severity >= .warning }.map(\.rule.code)
        #expect(codes.isEmpty, "\(codes)")
    }

    /// English that the attribution, clause, apostrophe and quotation rules must not warn about,
    /// each text alone (no other mark of translation in the document).
    @Test(arguments: [
        // A comma before a demonstrative, a parenthesis or after a subordinate clause (PUN009).
        "If he knew, that would change everything.",
        "Whatever she said, that stays between us.",
        "The ministry confirmed, that same day, that the road was shut.",
        "The governor announced, that evening, a curfew.",
        "Everyone he warned, whether friend or stranger, laughed.",
        "The people I asked, who were mostly farmers, said no.",
        "She explained, how odd it seemed, the rules of the game.",
        "Nobody knew, what with the noise, who had left.",
        // Dashes in English prose, interruptions, prices and informal attributions (PUN008).
        "He was poor, — but honest, — and proud.",
        "I said, — and I meant it, — that we would go.",
        "The set menu costs 5,- EUR.",
        "“I was going to say,” — he paused — “that we should wait.”",
        "He was right - Reuters reported.",
        "The plan was sound - the committee concluded.",
        "The bridge reopened - writes Martin Wolf.",
        "- Zelensky warned.",
        "“A triumph!” – says the critic of the weekly.",
        "The ministers’, – and the clerks’ – pay was frozen.",
        // Letters that look like apostrophes (PUN011).
        "Flights to Hawai‘i and O‘ahu resumed; Shi‘ite pilgrims returned.",
        // A title after “that”, and a spaced ellipsis before a straight quote (PUN010).
        "He noted that All the President’s Men was his favourite film.",
        "\"We will go on . . . \" he said.",
    ])
    func professionalEnglishGetsNoWarning(_ text: String) throws {
        let codes = try Lint.diagnostics(text).filter { $0.rule.category == .punctuation && $0.severity >= .warning }.map(\.rule.code)
        #expect(codes.isEmpty, "\(text): \(codes)")
    }

    @Test func informalDashAttributionIsAWarningOnlyWithOtherEvidence() throws {
        let alone = "The plan was sound - the committee concluded."
        #expect(try Lint.diagnostics(alone).filter { $0.rule.code == "PUN008" }.map(\.severity) == [.info])
        let corroborated = alone + " Some 30 thousand people were evacuated."
        #expect(try Lint.diagnostics(corroborated).filter { $0.rule.code == "PUN008" }.map(\.severity) == [.warning])
    }

    @Test func metadataLabelsOnlyAreLeftAlone() throws {
        let codes = { (text: String) in try Lint.diagnostics(text).filter { $0.rule.code == "PUN002" }.count }
        #expect(try codes("Last modified : Sunday 4 April 2021") == 0)
        #expect(try codes("EDITED : 14:05") == 0)
        #expect(try codes("PHOTO : press service of the brigade") == 1)
        #expect(try codes("Source : the regional council") == 1)
    }
}
