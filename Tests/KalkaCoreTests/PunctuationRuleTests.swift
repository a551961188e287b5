import Testing
@testable import KalkaCore

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
}
