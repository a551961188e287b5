import Foundation
import Testing
@testable import KalkaCore

/// Period spellings ("Kiev" before the 2019–2022 style changes) judged by the article's date and
/// by the document's other marks of translation, through plain text, Markdown and HTML.
@Suite struct PeriodStyleTests {
    static let linter = Lint.allRules

    /// The NAM rules' findings on `text`: (flagged text, severity).
    private func names(_ text: String, _ format: InputFormat = .plain, linter: Linter = linter) throws -> [(String, Severity)] {
        let bytes = Array(text.utf8)
        return try Lint.diagnostics(text, format: format, linter: linter).filter { $0.rule.code.hasPrefix("NAM") }
            .map { (String(decoding: bytes[$0.textRange], as: UTF8.self), $0.severity) }
    }

    private func severities(_ text: String, _ format: InputFormat = .plain, linter: Linter = linter) throws -> [Severity] {
        try names(text, format, linter: linter).map(\.1)
    }

    static let oldWire = """
        Ukraine's parliament meets amid protests

        KIEV, Ukraine, March 3, 2014 — Thousands of protesters gathered in central Kiev on Monday as \
        lawmakers met to debate the budget.

        Officials in Odessa said the port was operating normally.
        """

    @Test func olderCopyWithoutOtherEvidenceGetsInfo() throws {
        let found = try names(Self.oldWire)
        #expect(found.map(\.0) == ["KIEV", "Kiev", "Odessa"])
        #expect(found.allSatisfy { $0.1 == .info })
        let diagnostics = try Lint.diagnostics(Self.oldWire, linter: Self.linter).filter { $0.rule.code == "NAM001" }
        #expect(diagnostics[0].message.contains("period spelling"))
        #expect(diagnostics[0].message.contains("dated 2014-03-03"))
        // The fix waits for --unsafe-fixes: the spelling may be right for its date.
        #expect(diagnostics.allSatisfy { $0.fix?.applicability == .unsafe })
        let (safe, _) = try Lint.fixOnce(Self.oldWire, linter: Self.linter, threshold: .safe)
        #expect(safe.contains("central Kiev"))
    }

    @Test func newerCopyKeepsTheWarning() throws {
        let text = Self.oldWire.replacingOccurrences(of: "March 3, 2014", with: "May 12, 2023")
        #expect(try severities(text) == [.warning, .warning, .warning])
        let fixed = try Lint.fixOnce(text, linter: Self.linter, threshold: .safe).0
        #expect(fixed.contains("central Kyiv") && fixed.contains("in Odesa"))
    }

    @Test func marksOfTranslationKeepTheWarningInOlderCopy() throws {
        // A number calque and «guillemets» in the same 2014 article: the spellings are artifacts.
        let calque = Self.oldWire + "\n\nAbout 65 thousand people joined the march.\n"
        #expect(try severities(calque) == [.warning, .warning, .warning])
        let quotes = Self.oldWire + "\n\nThe mayor called it «a day of shame».\n"
        #expect(try severities(quotes) == [.warning, .warning, .warning])
        // A Russian form English never used (Gorlovka for Horlivka) is such a mark too.
        let obscure = Self.oldWire + "\n\nShelling was also reported in Gorlovka.\n"
        #expect(try severities(obscure) == [.warning, .warning, .warning, .warning])
    }

    @Test func aDocumentThatAlsoWritesTheModernSpellingKeepsTheWarning() throws {
        let text = "March 3, 2014\n\nProtesters in Kyiv marched again; police in Kiev stood by."
        #expect(try severities(text) == [.warning])
    }

    @Test func undatedCopyWithoutEvidenceGetsInfo() throws {
        let diagnostics = try Lint.diagnostics("Talks opened in Kiev on Monday.", linter: Self.linter)
        #expect(diagnostics.map(\.severity) == [.info])
        #expect(diagnostics[0].message.contains("gives no later date"))
    }

    @Test func chernobylIsStillEnglishForTheDisaster() throws {
        let text = "May 2, 2024\n\nVisitors returned to the Chernobyl zone for the anniversary."
        #expect(try severities(text) == [.info])
    }

    @Test func markdownFrontMatterDatesTheArticle() throws {
        let old = "---\ntitle: Talks\ndate: 2013-11-30\n---\n\nPolice cleared the square in Kiev overnight.\n"
        #expect(try severities(old, .markdown) == [.info])
        let new = old.replacingOccurrences(of: "2013-11-30", with: "2024-02-24")
        #expect(try severities(new, .markdown) == [.warning])
        let quoted = old.replacingOccurrences(of: "date: 2013-11-30", with: "date: \"2024-02-24T08:00:00Z\"")
        #expect(try severities(quoted, .markdown) == [.warning])
    }

    @Test func htmlMetadataDatesTheArticle() throws {
        let old = """
            <html><head><meta property="article:published_time" content="2015-02-27T21:40:00Z">
            <title>Report</title></head><body><p>The opposition leader was shot dead in Moscow; \
            mourners in Kiev laid flowers.</p></body></html>
            """
        #expect(try severities(old, .html) == [.info])
        let new = old.replacingOccurrences(of: "2015-02-27", with: "2023-02-27")
        #expect(try severities(new, .html) == [.warning])
        let time = "<article><time datetime='2012-06-23'>23 June</time><p>Fans in Kiev cheered.</p></article>"
        #expect(try severities(time, .html) == [.info])
    }

    @Test func configuredDateAndPolicyWin() throws {
        var configuration = Configuration()
        configuration.articleDate = SimpleDate(year: 2024, month: 1, day: 15)
        let dated = try Linter.configured(configuration)
        #expect(try severities(Self.oldWire, linter: dated) == [.warning, .warning, .warning])

        var modern = Configuration()
        modern.periodSpellings = .flag
        let flagging = try Linter.configured(modern)
        #expect(try severities(Self.oldWire, linter: flagging) == [.warning, .warning, .warning])
        #expect(try severities("Visitors returned to the Chernobyl zone.", linter: flagging) == [.warning])
    }

    @Test func theUkraineAndRussianGivenNamesArePeriodSpellingsToo() throws {
        let old = "June 23, 2012\n\nFans have enjoyed the football in the Ukraine this month.\n"
        #expect(try severities(old) == [.info])
        let givenName = "October 12, 2011\n\nUkrainian lawmaker Nikolai Tomchuk said the trial was political.\n"
        #expect(try severities(givenName) == [.info])
        let newer = givenName.replacingOccurrences(of: "2011", with: "2023")
        #expect(try severities(newer) == [.warning])
        #expect(try severities("Letters about the Ukraine-Russia war filled the page.").isEmpty)
    }
}

/// Where an article's date is read from: the first date on a short line or at a paragraph's
/// start near the top; never a date inside a sentence.
@Suite struct ArticleDateTests {
    private func date(_ text: String) throws -> String? {
        let analysis = try Analyzer().analyze(PlainTextReader().read(Array(text.utf8)))
        return ArticleDate.of(analysis, source: nil)?.description
    }

    @Test(arguments: [
        (" date 2014-05-02 Live coverage of the day\n\nText.", "2014-05-02"),
        ("Headline here\nMay 25, 2016 9:41 AM CDT\nThe pilot returned home.", "2016-05-25"),
        ("Page updated at 00:55 GMT, Thursday, 4 September 2008\n\nText.", "2008-09-04"),
        ("PUBLISHED : Saturday, 23 June, 2012, 12:00am\n\nText.", "2012-06-23"),
        ("A headline\n\n14.12.2022\n\nText.", "2022-12-14"),
        ("Council decision 09/20/2016 16:52:20. Total views 1086.\n\nText.", "2016-09-20"),
        ("6 февраля 2015\n\nThe currency fell.", "2015-02-06"),
        ("[February 10, 2010]  KIEV, Ukraine (AP) — The count of a long election night went on and on into the morning.", "2010-02-10"),
        ("Sept. 18, 2025, 4:20 p.m.\n\nText.", "2025-09-18"),
    ])
    func readsPublicationDates(_ text: String, _ expected: String) throws {
        #expect(try date(text) == expected)
    }

    @Test func ignoresDatesInsideSentences() throws {
        let text = "The alliance declared at its summit on April 3, 2008, that Ukraine would one day become a member, a promise repeated since."
        #expect(try date(text) == nil)
        #expect(try date("Euro 2012: the fans arrive\n\nText.") == nil)
        #expect(try date("31.02.2020\n\nNot a date.") == nil)
    }

    @Test func simpleDatesParseAndCompare() throws {
        #expect(SimpleDate(iso: "2019-10-01")! < SimpleDate(iso: "2022-03-01")!)
        #expect(SimpleDate(iso: "2024-02-30") == nil)
        #expect(SimpleDate(iso: "2024-02-29T10:00:00Z")?.description == "2024-02-29")
        #expect(SimpleDate(iso: "20240229") == nil)
        #expect(SimpleDate(iso: "2022-03-01")!.monthAndYear == "March 2022")
    }
}
