import Foundation
import Testing
import KalkaCore

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

        KIEV, Ukraine, November 18, 2011 — Hundreds of farmers drove tractors into central Kiev on \
        Friday as lawmakers debated a land bill.

        Officials in Odessa said the port was operating normally.
        """

    @Test func olderCopyWithoutOtherEvidenceGetsInfo() throws {
        let found = try names(Self.oldWire)
        #expect(found.map(\.0) == ["KIEV", "Kiev", "Odessa"])
        #expect(found.allSatisfy { $0.1 == .info })
        let diagnostics = try Lint.diagnostics(Self.oldWire, linter: Self.linter).filter { $0.rule.code == "NAM001" }
        #expect(diagnostics[0].message.contains("period spelling"))
        #expect(diagnostics[0].message.contains("dated 2011-11-18"))
        // The fix waits for --unsafe-fixes: the spelling may be right for its date.
        #expect(diagnostics.allSatisfy { $0.fix?.applicability == .unsafe })
        let (safe, _) = try Lint.fixOnce(Self.oldWire, linter: Self.linter, threshold: .safe)
        #expect(safe.contains("central Kiev"))
    }

    /// Found by fuzzing: a run of digits longer than an integer holds, near the top where a
    /// dateline stands, overflowed while the article's date was read.
    @Test func aLongRunOfDigitsIsNoDate() throws {
        let text = "Officials in Kiev said \(String(repeating: "5", count: 40)) on Monday.\nThe talks resumed.\n"
        #expect(SimpleDate.number(Array(String(repeating: "9", count: 40).utf8)) == nil)
        #expect(try names(text).map(\.0) == ["Kiev"])
    }

    @Test func newerCopyKeepsTheWarning() throws {
        let text = Self.oldWire.replacingOccurrences(of: "November 18, 2011", with: "May 12, 2023")
        #expect(try severities(text) == [.warning, .warning, .warning])
        let fixed = try Lint.fixOnce(text, linter: Self.linter, threshold: .safe).0
        #expect(fixed.contains("central Kyiv") && fixed.contains("in Odesa"))
    }

    @Test func marksOfTranslationKeepTheWarningInOlderCopy() throws {
        // A number calque and «guillemets» in the same 2011 article: the spellings are artifacts.
        let marked = Self.oldWire + "\n\nAbout 65 thousand people joined the march.\n\nThe mayor called it «a day of shame».\n"
        #expect(try severities(marked) == [.warning, .warning, .warning])
        // Russian forms English never used (Gorlovka, Slavyansk) are weak marks: two of them count.
        let obscure = Self.oldWire + "\n\nShelling was also reported in Gorlovka and Slavyansk.\n"
        #expect(try severities(obscure) == [.warning, .warning, .warning, .warning, .warning])
        let one = Self.oldWire + "\n\nShelling was also reported in Gorlovka.\n"
        #expect(try severities(one) == [.info, .info, .info, .warning])
        // One strong mark is enough; one weak hint alone proves nothing about the article.
        let strong = Self.oldWire + "\n\nAbout 65 thousand people joined the march.\n"
        #expect(try severities(strong) == [.warning, .warning, .warning])
        let weak = Self.oldWire + "\n\nThe organisers added, that the rally would go on until dark.\n"
        #expect(try Lint.diagnostics(weak, linter: Self.linter).contains { $0.rule.code == "PUN009" && $0.severity == .warning })
        #expect(try severities(weak) == [.info, .info, .info])
    }

    @Test func aConfiguredSeverityKeepsTheRulesMessageAndFix() throws {
        var configuration = Configuration()
        configuration.severity = [.init("name-spelling", .error)]
        let strict = try Linter.configured(configuration)
        let found = try Lint.diagnostics(Self.oldWire, linter: strict).filter { $0.rule.code == "NAM001" }
        #expect(found.map(\.severity) == [.error, .error, .error])
        #expect(found.allSatisfy { !$0.message.contains("period spelling") && $0.fix?.applicability == .safe })
    }

    @Test func aSuppressedFindingIsNoEvidence() throws {
        let text = Self.oldWire + "\n\n[kalka-disable-next-line NUM002]\nAbout 65 thousand people joined the march.\n"
        let diagnostics = try Lint.diagnostics(text, linter: Self.linter)
        #expect(!diagnostics.contains { $0.rule.code == "NUM002" })
        #expect(diagnostics.filter { $0.rule.code.hasPrefix("NAM") }.map(\.severity) == [.info, .info, .info])
    }

    @Test func aRuleTurnedDownToInfoIsNoEvidence() throws {
        var configuration = Configuration()
        configuration.severity = [.init("number-format", .info)]
        let quieter = try Linter.configured(configuration)
        let text = Self.oldWire + "\n\nAbout 65 thousand people joined the march, and 2,5 million watched.\n"
        #expect(try severities(text) == [.warning, .warning, .warning])
        #expect(try severities(text, linter: quieter) == [.info, .info, .info])
    }

    @Test func aDocumentThatAlsoWritesTheModernSpellingKeepsTheWarning() throws {
        let text = "November 18, 2011\n\nFarmers in Kyiv marched again; police in Kiev stood by."
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
        let crlf = new.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try severities(crlf, .markdown) == [.warning])
        let toml = "+++\ntitle = \"Talks\"\ndate = 2024-02-24\n+++\n\nPolice cleared the square in Kiev overnight.\n"
        #expect(try severities(toml, .markdown) == [.warning])
    }

    @Test func htmlMetadataDatesTheArticle() throws {
        let old = """
            <html><head><meta property="article:published_time" content="2012-09-14T18:20:00Z">
            <title>Concert</title></head><body><p>The orchestra opened its season in Kiev \
            with a new symphony.</p></body></html>
            """
        #expect(try severities(old, .html) == [.info])
        let new = old.replacingOccurrences(of: "2012-09-14", with: "2023-09-14")
        #expect(try severities(new, .html) == [.warning])
        let time = "<article><time datetime='2010-05-08'>8 May</time><p>Choirs in Kiev sang.</p></article>"
        #expect(try severities(time, .html) == [.info])
        // Dates a page does not state as its own: commented out, in a script, or an event in the text.
        let hidden = "<!-- <meta name=\"date\" content=\"2023-01-01\"> --><script>var m = '<meta name=\"date\" content=\"2023-01-01\">';</script><p>Choirs in Kiev sang.</p>"
        #expect(try Lint.diagnostics(hidden, format: .html, linter: Self.linter).first { $0.rule.code == "NAM001" }?.message.contains("gives no later date") == true)
        let event = "<p>Choirs in Kiev sang the anthem first heard on <time datetime='2023-08-24'>24 August</time>.</p>"
        #expect(try Lint.diagnostics(event, format: .html, linter: Self.linter).first { $0.rule.code == "NAM001" }?.message.contains("gives no later date") == true)
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
        let old = "April 2, 2009\n\nTourists are returning to the Ukraine this spring.\n"
        #expect(try severities(old) == [.info])
        let givenName = "September 9, 2010\n\nUkrainian lawmaker Nikolai Pasko said the bill would pass.\n"
        #expect(try severities(givenName) == [.info])
        let newer = givenName.replacingOccurrences(of: "2010", with: "2023")
        #expect(try severities(newer) == [.warning])
        #expect(try severities("Lorries queued at the Ukraine-Poland border for days.").isEmpty)
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
        (" date 2017-08-21 Live coverage of the day\n\nText.", "2017-08-21"),
        ("Headline here\nApril 17, 2013 6:05 PM EDT\nThe ferry docked at noon.", "2013-04-17"),
        ("Last revised Tuesday, 9 October 2007 at 21:10\n\nText.", "2007-10-09"),
        ("Updated: Friday, 8 March, 2013\n\nText.", "2013-03-08"),
        ("A headline\n\n03.11.2021\n\nText.", "2021-11-03"),
        ("Council meeting 11/27/2017 09:15. Comments 12.\n\nText.", "2017-11-27"),
        ("14 березня 2016\n\nThe currency fell.", "2016-03-14"),
        ("LVIV, Ukraine, July 2, 2009 — Engineers finished restoring the old opera house roof a month ahead of a schedule set by the city.", "2009-07-02"),
        ("Aug. 7, 2024, 9:05 a.m.\n\nText.", "2024-08-07"),
        // A label before the date at the start of a long paragraph, as archive exports write it.
        (" date 2012-05-04 The regional council met for the third time this month to discuss the budget for road repairs.", "2012-05-04"),
        ("Published: 9 October 2007 The new terminal opened to passengers on Monday after two years of delays and disputes.", "2007-10-09"),
    ])
    func readsPublicationDates(_ text: String, _ expected: String) throws {
        #expect(try date(text) == expected)
    }

    @Test func ignoresDatesInsideSentences() throws {
        let text = "The ministers agreed at their meeting on June 9, 2006, that the pipeline would be extended, a promise repeated since."
        #expect(try date(text) == nil)
        #expect(try date("Expo 2010: the pavilions open\n\nText.") == nil)
        #expect(try date("Lviv remembers the flood of March 3, 1927\n\nText.") == nil)
        #expect(try date("31.02.2020\n\nNot a date.") == nil)
        // Only a label alone: other words in lower case before the date make it an event.
        #expect(try date("The new date 2012-05-04 was set for the vote after the committee failed to agree on the text of the bill.") == nil)
    }

    @Test func simpleDatesParseAndCompare() throws {
        #expect(SimpleDate(iso: "2019-10-01")! < SimpleDate(iso: "2022-03-01")!)
        #expect(SimpleDate(iso: "2024-02-30") == nil)
        #expect(SimpleDate(iso: "2024-02-29T10:00:00Z")?.description == "2024-02-29")
        #expect(SimpleDate(iso: "20240229") == nil)
        #expect(SimpleDate(iso: "2022-03-01")!.monthAndYear == "March 2022")
    }
}
