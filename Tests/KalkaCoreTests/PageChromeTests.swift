import Foundation
import Testing
import KalkaCore

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

    // MARK: Edited English shaped like chrome

    /// Edited English whose lines look like page chrome by their place or shape: a short title
    /// over a standfirst, a byline, a subtitle or a serving count; a name as the title of an
    /// interview or a biography; a US-style deck in title case; a squad list; a body quoting
    /// «…»; tables of scores and medals; figures and a fused "Views" count; a score line
    /// repeated in a results table; a chant quoted twice; a press contact; a quoted appeal to
    /// follow a channel; a headline with a time in it. Each is an article (or a fragment) of its
    /// own. All were composed for these tests.
    static let editedShapes: [String] = [
        "Ceasefire talks collapse\n\nNegotiators left the hotel without a statement after a third day of talks\n\nThe delegations met for less than an hour on Thursday before the talks broke down, two officials said.\n\nBoth sides blamed each other.\n",
        "Kyiv under fire\n\nBy Jane Whitfield\n\nExplosions shook the capital before dawn on Tuesday as air defence engaged a wave of drones, the city administration said.\n",
        "Antonín Dvořák\n\nCzech composer (1841–1904)\n\nAntonín Dvořák was born in a village north of Prague and began his career as a viola player in a theatre orchestra.\n",
        "Lviv\n\nA city that kept its old town through two world wars\n\nLviv is the largest city in western Ukraine and one of the country's main cultural centres.\n",
        "Oleksandra Matviichuk\n\nThe human rights lawyer on documenting war crimes\n\nWe spoke to her in Kyiv a week after the ceremony, where she had warned that impunity breeds new crimes.\n",
        "Borscht\n\nServes 6\n\nBeetroot, cabbage and potatoes make the base of this soup, which every family cooks its own way.\n\nStart with the stock.\n",
        "Opinion\n\nWar economy\n\nBy Jane Smith\n\nThe war has cost more than anyone expected when it began, and the bill keeps growing every month.\n\nTaxes will have to rise.\n",
        "Budget Passes House After Late Night Vote\n\nLawmakers Back Spending Plan Despite Deficit Worries\n\nThe House approved the spending bill late on Thursday, sending it to the Senate.\n\nThe vote was close.\n",
        "Ukraine names squad for the qualifiers\n\nMykola Shaparenko\n\nViktor Tsyhankov\n\nArtem Dovbyk\n\nThe coach announced the squad for the two qualifying matches in March on Monday.\n",
        "Olena Kurylo\n\nTaras Hnatiuk\n\nIryna Bondar\n\nMaksym Lysenko\n",
        "Train fares rise\n\nThe regulator approved the new fares on Friday after a month of consultations, the ministry said.\n\n«Ukrzaliznytsia» raised long-distance ticket prices by 7 percent on Monday, the railway said in a statement.\n\nThe new fares apply from the first of the month.\n",
        "League table after round 20\n\nThe leaders extended their lead to five points after a draw between their two closest rivals.\n\nTeam | Played | Points\nMiners | 20 | 47\nCitizens | 20 | 42\nSailors | 20 | 40\n",
        "Ukraine finishes fourth in the medal table\n\nThe team won more medals than at any previous games, the sports ministry said on Sunday.\n\nGold 4\nSilver 5\nBronze 3\nTotal 12\n\nThe team returns to Kyiv on Tuesday.\n",
        "Losses after the flood\n\nThe regional administration published its count of the damage on Friday, a week after the dam burst.\n\nHouses 38\nBridges 6\nTotal 52\n",
        "Petition passes the threshold\n\nThe campaign video gathered views 10 times faster than the previous one, its authors said on Monday.\n\nThe president has ten days to respond to it, the office said.\n",
        "Festival returns to Odesa\n\nThe film festival opened on Saturday after a break of two weeks. Read more\n\nOrganisers expect more visitors than last year, the city council said.\n",
        "Shakhtar 2 Dynamo 1\n\nShakhtar won the derby in Lviv on Sunday with a late goal from their captain, who scored in the last minute.\n\nResults of round 18:\nMetalist 0 Zorya 0\nVorskla 1 Kolos 1\nShakhtar 2 Dynamo 1\nRukh 3 Obolon 2\n\nThe next round is played on Saturday.\n",
        "Fans fill the stadium\n\nThe home crowd sang for most of the second half, even after the visitors scored their second goal.\n\n“Glory to the heroes!”\n\n“Glory to the heroes!”\n\nThe stadium was full for the first time since the war began, the club said.\n",
        "Ministry launches a grant programme\n\nThe ministry opened applications for grants to small farms on Wednesday, the press service said.\n\nContact:\n\nOksana Didenko\n\nPress Office\n\n+380 44 201 7788, press@agrogrants.gov.ua\n",
        "Governor urges residents to follow official channels\n\nThe regional administration warned residents on Friday about fake messages circulating in messaging apps.\n\n“Do not trust anonymous channels,” the governor said. “Follow us on Telegram and on the official website for verified information.”\n",
        "Live: Kyiv at 03:15 GMT on 12 June\n\nAir raid sirens sounded across the capital shortly after midnight, the military administration said.\n\nExplosions were heard in two districts.\n",
        "Turnout by region\n\nRegion | Voters | Turnout\nPoltava | 131,250 | 57%\nVinnytsia | 142,980 | 63%\n\nTurnout was higher than at the last election in every region, the commission said on Monday.\n",
        "The war has cost more than anyone expected when it began, and the bill keeps growing every month.\n\nTaxes will have to rise.\n\nJane Smith is a columnist for the newspaper and writes about public finance.\n",
        "Results\n\nThe survey covered 1,200 households in five regions over the summer, the institute said in its report.\n\nDetails:\n\nMost households had lost income since the start of the war, and one in four had moved at least once.\n",
    ]

    /// The same document as Markdown: the first line a heading, each line a block, a run of "|"
    /// rows a table.
    static func markdown(_ text: String) -> String {
        var blocks: [String] = []
        var rows: [[Substring]] = []
        func flush() {
            guard !rows.isEmpty else { return }
            var table = "| " + rows[0].joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: rows[0].count)
            for row in rows.dropFirst() { table += "\n| " + row.joined(separator: " | ") + " |" }
            blocks.append(table)
            rows = []
        }
        for (index, line) in text.split(separator: "\n").enumerated() {
            if line.contains("|") { rows.append(line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces)[...] }); continue }
            flush()
            blocks.append(index == 0 ? "# \(line)" : String(line))
        }
        flush()
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// The same document as HTML: the first line an h1, each line a paragraph, "|" rows a table.
    static func html(_ text: String) -> String {
        func escaped(_ text: Substring) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        var body = ""
        var inTable = false
        for (index, line) in text.split(separator: "\n").enumerated() {
            if line.contains("|") {
                if !inTable { body += "<table>" }
                inTable = true
                body += "<tr>" + line.split(separator: "|").map { "<td>\(escaped($0))</td>" }.joined() + "</tr>\n"
                continue
            }
            if inTable { body += "</table>\n" }
            inTable = false
            body += index == 0 ? "<h1>\(escaped(line))</h1>\n" : "<p>\(escaped(line))</p>\n"
        }
        if inTable { body += "</table>\n" }
        return "<html><body><article>\n" + body + "</article></body></html>\n"
    }

    static let chromeLinter: Linter = {
        let types: [any Rule.Type] = [SiteBoilerplateRule.self, PageChromeRule.self, RepeatedLineRule.self, RepeatedSentenceRule.self]
        return Linter(rules: try! types.map { try $0.init(dictionaries: Lint.store) })
    }()

    /// The words of a text, in order, without markup (for comparing a text before and after
    /// the fixes).
    static func words(_ text: String, format: InputFormat) throws -> [String] {
        let document = Readers.reader(for: format).read(Array(text.utf8))
        return String(decoding: document.prose, as: UTF8.self).split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    @Test(arguments: [InputFormat.plain, .markdown, .html])
    func editedEnglishShapedLikeChromeRaisesNoWarning(_ format: InputFormat) throws {
        for plain in Self.editedShapes {
            let text = format == .plain ? plain : format == .markdown ? Self.markdown(plain) : Self.html(plain)
            let found = try Lint.diagnostics(text, format: format).filter { (Self.chromeCodes.contains($0.rule.code) || $0.rule.code == "GAR004") && $0.severity >= .warning }
            #expect(found.isEmpty, "\(format): \(found.map { "\($0.rule.code) \(quoted(text, $0))" }) in \(text)")
        }
    }

    @Test(arguments: [InputFormat.plain, .markdown, .html])
    func theUnsafeFixesNeverDeleteEditedText(_ format: InputFormat) throws {
        for plain in Self.editedShapes {
            let text = format == .plain ? plain : format == .markdown ? Self.markdown(plain) : Self.html(plain)
            let source = try SourceFile(path: "test", bytes: Array(text.utf8))
            let outcome = try Self.chromeLinter.fix(source, format: format, analyzer: Analyzer(), upTo: .unsafe)
            let fixed = String(decoding: outcome.bytes, as: UTF8.self)
            #expect(try Self.words(fixed, format: format) == Self.words(text, format: format), "\(format): \(text) → \(fixed)")
        }
    }

    @Test func positionalVerdictsAreInfoAndNeverApplied() throws {
        // A short first line over a line that is not the body: info, its fix shown, not applied.
        let text = "Opinion\n\nWar economy\n\nThe war has cost more than anyone expected when it began, and the bill keeps growing.\n"
        let found = try chrome(text)
        #expect(found.map { "\($0.rule.code) \($0.severity) \(quoted(text, $0))" } == ["BOI002 info Opinion"])
        #expect(found.allSatisfy { $0.fix?.applicability == .displayOnly })
        // With a menu under it and a headline after that, it is the page's label.
        let page = "Opinion\nPolitics | Economy | World\nWar economy\nThe war has cost more than anyone expected when it began, and the bill keeps growing.\n"
        #expect(try chrome(page).map { "\($0.severity) \(quoted(page, $0))" } == ["warning Opinion", "warning Politics | Economy | World"])
        // A label that is also a subheading is chrome only among chrome.
        let details = "Talks resume in Geneva\n\nThe talks resumed on Monday, the ministry said.\n\nDetails\n\nBoth delegations arrived in Geneva on Sunday evening.\n"
        #expect(try chrome(details).map { "\($0.severity) \($0.fix?.applicability == .displayOnly)" } == ["info true"])
        let amongChrome = "Talks resume in Geneva\n\nThe talks resumed on Monday, the ministry said.\n\nShare on Facebook\n\nDetails\n\nBoth delegations arrived in Geneva on Sunday evening.\n"
        #expect(try chrome(amongChrome).map { "\($0.severity) \(quoted(amongChrome, $0))" } == ["warning Share on Facebook", "warning Details"])
    }

    @Test func aRepeatInsideTheBodyIsInfoOrGarbled() throws {
        let score = Self.editedShapes.first { $0.hasPrefix("Shakhtar") }!
        let found = try chrome(score)
        #expect(found.map { "\($0.rule.code) \($0.severity) \($0.start.line)" } == ["BOI003 info 8"])
        // A one-sentence paragraph repeated two paragraphs later is GAR004's, at warning.
        let text = "Kyiv asked for help on Monday. The allies promised an answer within a week.\n\nRussia continues to move troops toward the border, officials said.\n\nThe talks lasted two hours, and no date was set for the next round.\n\nRussia continues to move troops toward the border, officials said.\n"
        #expect(try Lint.diagnostics(text).filter { $0.rule.code.hasPrefix("BOI") || $0.rule.code == "GAR004" }.map { "\($0.rule.code) \($0.severity)" } == ["GAR004 warning"])
        // So is a one-sentence paragraph that reappears inside a later paragraph.
        let inside = "Kyiv asked for help on Monday, and the allies promised an answer within a week.\n\nRussia continues to move troops toward the border.\n\nThe talks lasted two hours. Russia continues to move troops toward the border. No date was set.\n"
        #expect(try Lint.diagnostics(inside).filter { $0.rule.code.hasPrefix("BOI") || $0.rule.code == "GAR004" }.map(\.rule.code) == ["GAR004"])
        // A long paragraph printed twice in a row is the page's.
        let twice = "Bridge reopens\n\nThe bridge reopened on Monday after six months of repairs, the mayor said at a ceremony.\n\nThe bridge reopened on Monday after six months of repairs, the mayor said at a ceremony.\n\nTraffic was heavy.\n"
        #expect(try chrome(twice).map { "\($0.rule.code) \($0.severity) \($0.start.line)" } == ["BOI003 warning 5"])
    }

    @Test func aViewCountFusedToTheTextIsCutAtItsOwnWord() throws {
        let text = "Petition passes the threshold\n\nThe petition collected the required signatures in 2019. Views: 873\n\nThe president has ten days to respond, the office said.\n"
        let found = try chrome(text)
        #expect(found.map { quoted(text, $0) } == ["Views: 873"])
        let (fixed, _) = try Lint.fixOnce(text, linter: Self.chromeLinter)
        #expect(fixed.contains("signatures in 2019.\n"))
    }

    @Test func markdownFixesTakeTheBlockMarkupWithThem() throws {
        let text = """
            - Home
            - Regions

            # Grain loading resumes in Odesa

            09:41, 12 June 2024

            Loading of grain resumed at the port on Wednesday after a two-day pause, the port authority said.

            *Photo: port authority*

            Three ships left the harbour by noon, the authority added.

            ## Read also:

            - Rail freight tariffs to rise in July

            **Facebook Telegram Viber**

            """
        let source = try SourceFile(path: "test.md", bytes: Array(text.utf8))
        let outcome = try Self.chromeLinter.fix(source, format: .markdown, analyzer: Analyzer(), upTo: .unsafe)
        var fixed = String(decoding: outcome.bytes, as: UTF8.self)
        while fixed.contains("\n\n\n") { fixed = fixed.replacingOccurrences(of: "\n\n\n", with: "\n\n") }
        #expect(fixed.trimmingCharacters(in: .whitespacesAndNewlines) == """
            # Grain loading resumes in Odesa

            Loading of grain resumed at the port on Wednesday after a two-day pause, the port authority said.

            Three ships left the harbour by noon, the authority added.
            """)
        #expect(outcome.remaining.filter { Self.chromeCodes.contains($0.rule.code) }.isEmpty)
    }

    @Test func readersMarkHeadingsListItemsAndTableCells() {
        let markdown = MarkdownReader().read(Array("# Title\n\n- item\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nText\nUnderlined\n===\n".utf8))
        #expect(markdown.blocks.map(\.kind) == [.heading, .listItem, .tableCell, .tableCell, .tableCell, .tableCell, .heading])
        #expect(markdown.blocks[0].sourceLines == 0..<8)
        #expect(markdown.blocks[2].sourceLines == nil)
        let html = HTMLReader().read(Array("<h2>Title</h2><ul><li><p>one</p><li>two</ul><table><tr><td>1</td><th>2</th></tr></table><p>Text</p>".utf8))
        #expect(html.blocks.map(\.kind) == [.heading, .listItem, .listItem, .tableCell, .tableCell, .paragraph])
    }

    @Test func longDocumentsStayLinear() throws {
        // A long run of related-article labels, and two very long near-identical lines.
        let labels = "The talks resumed on Monday in Geneva, the ministry said.\n" + String(repeating: "Read also:\n", count: 20_000)
        #expect(try chrome(labels).count == 20_000)
        var words = (0..<20_000).map { "w\($0 % 97)" }
        let first = "Talks " + words.joined(separator: " ") + " end."
        words[10_000] = "changed"
        _ = try chrome("Talks resume\n\nThe talks resumed on Monday. " + first + "\n\nTalks " + words.joined(separator: " ") + " end.\n")
    }
}
