import Foundation
import Testing
@testable import KalkaCore

/// The page layout (BOI001 by phrase, BOI002 by structure, BOI003 by repetition) on whole composed
/// articles: chrome before and after the body found line by line, each line once, and an edited
/// article with a byline, a dateline, subheadings and a list left alone.
@Suite struct PageChromeTests {
    static let chromeCodes: Set<String> = ["BOI001", "BOI002", "BOI003"]

    /// A scraped news page: a breadcrumb, the headline, a timestamp, the headline again, a name
    /// caption, the body with a photo credit and a subheading, then a teaser block, a share bar, a
    /// counter, a comment form and the author's template bio.
    static let scrapedPage = """
        • Home
        • Regions
        • Odesa port resumes grain loading

        Odesa port resumes grain loading

        09:41, 12 June 2024

        Odesa port resumes grain loading

        Mykola Danylenko

        Loading of grain resumed at the Odesa port on Wednesday after a two-day pause caused by air raid alerts, the port authority said.

        Cranes over a bulk carrier at the grain terminal on the eastern pier of the port on Wednesday morning. Photo: port authority

        Three ships left the harbour by noon, and four more were waiting for their turn at the berths, the authority added.

        What happens next

        The authority expects traffic to return to its usual level within a week if the alerts stay short.

        Read also:
        Rail freight tariffs to rise in July
        Farmers count losses after the hail

        Facebook Telegram Viber

        1,317 views

        Leave a Reply

        I am Petro Savchuk, an editor at the regional desk of this site. I cover ports, railways and farming.

        """

    /// The article the page carries, once the chrome is deleted.
    static let article = """
        Odesa port resumes grain loading

        Loading of grain resumed at the Odesa port on Wednesday after a two-day pause caused by air raid alerts, the port authority said.

        Three ships left the harbour by noon, and four more were waiting for their turn at the berths, the authority added.

        What happens next

        The authority expects traffic to return to its usual level within a week if the alerts stay short.
        """

    /// Edited English: a byline, a dateline, subheadings, a quote, a list and a credit line.
    static let editedArticle = """
        Parliament approves the 2025 budget

        By Iryna Kovalchuk

        KYIV, Dec 19

        Ukraine's parliament approved next year's budget on Thursday, with more than half of spending going to defence, the finance minister said.

        Where the money goes

        Defence and security will take 2.2 trillion hryvnias, while social programmes keep their current level of funding.

        "This is a war budget, and we make no secret of it," the minister told lawmakers.

        Key figures:
        - revenue: 2.0 trillion hryvnias
        - deficit: 18 percent of GDP

        What comes next

        The president is expected to sign the law before the end of the year.

        Reporting by Iryna Kovalchuk; editing by John Smith
        """

    private func chrome(_ text: String, format: InputFormat = .plain) throws -> [Diagnostic] {
        try Lint.diagnostics(text, format: format).filter { Self.chromeCodes.contains($0.rule.code) }
    }

    private func quoted(_ text: String, _ diagnostic: Diagnostic) -> String {
        String(decoding: Array(text.utf8)[diagnostic.textRange], as: UTF8.self)
    }

    @Test func everyLineOfChromeIsFoundByTheRuleThatFits() throws {
        let text = Self.scrapedPage
        let found = try chrome(text).map { "\($0.rule.code) \(quoted(text, $0))" }
        #expect(found == [
            "BOI002 • Home",
            "BOI002 • Regions",
            "BOI002 • Odesa port resumes grain loading",
            "BOI002 09:41, 12 June 2024",
            "BOI003 Odesa port resumes grain loading",
            "BOI002 Mykola Danylenko",
            "BOI002 Cranes over a bulk carrier at the grain terminal on the eastern pier of the port on Wednesday morning. Photo: port authority",
            "BOI001 Read also:",
            "BOI002 Rail freight tariffs to rise in July",
            "BOI002 Farmers count losses after the hail",
            "BOI002 Facebook Telegram Viber",
            "BOI002 1,317 views",
            "BOI001 Leave a Reply",
            "BOI002 I am Petro Savchuk, an editor at the regional desk of this site. I cover ports, railways and farming.",
        ])
        // The repeat is the copy under the timestamp, not the headline above it.
        let repeated = try #require(try chrome(text).first { $0.rule.code == "BOI003" })
        #expect(repeated.start.line == 9)
        #expect(try chrome(text).allSatisfy { $0.severity == .warning })
    }

    @Test func eachLineIsReportedOnce() throws {
        let diagnostics = try chrome(Self.scrapedPage)
        for (index, diagnostic) in diagnostics.enumerated() {
            for other in diagnostics[(index + 1)...] {
                #expect(!diagnostic.textRange.overlaps(other.textRange), "\(diagnostic.rule.code) and \(other.rule.code)")
            }
        }
        // GAR004 leaves the page's repetition to BOI003.
        #expect(try Lint.diagnostics(Self.scrapedPage).filter { $0.rule.code == "GAR004" }.isEmpty)
    }

    @Test func theUnsafeFixesLeaveTheArticle() throws {
        let types: [any Rule.Type] = [SiteBoilerplateRule.self, PageChromeRule.self, RepeatedLineRule.self]
        let linter = Linter(rules: try types.map { try $0.init(dictionaries: Lint.store) })
        var text = Self.scrapedPage
        for _ in 0..<3 { text = try Lint.fixOnce(text, linter: linter).0 }
        while text.contains("\n\n\n") { text = text.replacingOccurrences(of: "\n\n\n", with: "\n\n") }
        let collapsed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(collapsed == Self.article)
        #expect(try Lint.fixOnce(Self.scrapedPage, linter: linter, threshold: .safe).1 == 0, "deleting a line is never a safe fix")
    }

    @Test func editedEnglishWithHeadingsAndBylinesStaysQuiet() throws {
        #expect(try chrome(Self.editedArticle).isEmpty)
        #expect(try Lint.diagnostics(Self.editedArticle).filter { $0.rule.code == "GAR004" }.isEmpty)
        #expect(try chrome(Self.article).isEmpty)
    }

    @Test func markdownAndHTMLBlocksAreLinesToo() throws {
        let plain = try chrome(Self.scrapedPage).map { "\($0.rule.code) \($0.message)" }
        let blocks = Self.scrapedPage.split(separator: "\n").filter { !$0.isEmpty }
        let html = "<html><body><article>" + blocks.map { "<p>\($0)</p>" }.joined(separator: "\n") + "</article></body></html>"
        #expect(try chrome(html, format: .html).map { "\($0.rule.code) \($0.message)" } == plain)
        let markdown = blocks.joined(separator: "\n\n") + "\n"
        #expect(try chrome(markdown, format: .markdown).map { "\($0.rule.code) \($0.message)" } == plain)
        let editedHTML = "<html><body>" + Self.editedArticle.split(separator: "\n").map { "<p>\($0)</p>" }.joined() + "</body></html>"
        #expect(try chrome(editedHTML, format: .html).isEmpty)
    }

    @Test func aCaptureMarkerAndCyrillicWidgetsAreNotReported() throws {
        let text = """
             date 2024-06-12 Odesa port resumes grain loading
            Читайте також
            Loading of grain resumed at the Odesa port on Wednesday, the port authority said.

            Three ships left the harbour by noon, the authority added.

            Підписуйтесь на наш канал
            """
        let found = try chrome(text)
        #expect(found.isEmpty, "\(found.map { "\($0.rule.code) \(quoted(text, $0))" })")
        // A timestamp right after the marker is chrome; the marker is not part of it.
        let stamped = " date 2024-06-12 14:05, 12 June 2024\nLoading of grain resumed at the Odesa port on Wednesday, the port authority said.\n"
        let stamp = try chrome(stamped)
        #expect(stamp.map { quoted(stamped, $0) } == ["14:05, 12 June 2024"])
    }

    @Test func evidenceAnArticleLineCouldShowCountsOnlyAtTheEdges() throws {
        // A time and date, a bare number and a name between body paragraphs are content (a live
        // blog's entry, a score, a subheading).
        let text = """
            Air defence was active over Kyiv for most of the night, the city administration said. Debris fell in two districts.

            03:15 12.06.2024

            A second wave of drones came from the north, the air force said in its morning update.

            Oksana Melnychuk

            The deputy mayor said repairs to the damaged roofs would start on Thursday, weather permitting.
            """
        #expect(try chrome(text).isEmpty)
        // The same lines before the body are the page's chrome.
        let head = "Kyiv under attack overnight\n\n03:15 12.06.2024\n\nOksana Melnychuk\n\n" + text.split(separator: "\n\n").first! + "\n"
        #expect(try chrome(head).map(\.rule.code) == ["BOI002", "BOI002"])
    }

    @Test func inTextRepetitionIsStillGarbled() throws {
        let text = "The ministers agreed to coordinate sanctions in case of escalation. The talks lasted two hours. The ministers agreed to coordinate sanctions in case of escalation.\n"
        #expect(try Lint.diagnostics(text).map(\.rule.code).contains("GAR004"))
        #expect(try chrome(text).isEmpty)
    }
}
