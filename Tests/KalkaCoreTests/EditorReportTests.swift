import Foundation
import Testing
import KalkaCore
@testable import KalkaModel
@testable import KalkaOutput
@testable import KalkaRules
@testable import KalkaText

/// Reads marked-up HTML back: the text each mark (grouped by `data-f`) covers, and whether the
/// marks nest properly. The HTML renderer and the browser tests are checked against this.
enum MarkReader {
    struct Result {
        var textByFinding: [Int: String] = [:]
        var plainText = ""
        var wellFormed = true
    }

    static func read(_ html: String) -> Result {
        var result = Result()
        var open: [Int?] = []
        var index = html.startIndex
        while index < html.endIndex {
            if html[index] == "<", let close = html[index...].firstIndex(of: ">") {
                let tag = html[html.index(after: index)..<close]
                if tag.hasPrefix("/mark") {
                    if open.popLast() == nil { result.wellFormed = false }
                } else if tag.hasPrefix("mark") {
                    open.append(attribute("data-f", in: tag).flatMap { Int($0) })
                }
                index = html.index(after: close)
                continue
            }
            let next = html[index...].firstIndex(of: "<") ?? html.endIndex
            let text = unescape(String(html[index..<next]))
            result.plainText += text
            for finding in Set(open.compactMap { $0 }) { result.textByFinding[finding, default: ""] += text }
            index = next
        }
        if !open.isEmpty { result.wellFormed = false }
        return result
    }

    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let range = tag.range(of: " \(name)=\"") else { return nil }
        let rest = tag[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// Builds report documents through the real pipeline.
enum Reports {
    static let oddity = try! SentenceOddity.shared(Lint.store)

    static func document(_ text: String, path: String = "article.txt", format: InputFormat = .plain, id: Int = 0,
                         everySentence: Bool = false) throws -> ReportDocument {
        let source = try SourceFile(path: path, bytes: Array(text.utf8))
        let analyzer = try Analyzer()
        let (diagnostics, analysis) = try Lint.allRules.analyzedLint(source, format: format, analyzer: analyzer)
        let report = FileReport(path: path, diagnostics: diagnostics, source: source)
        return try ReportDocument.build(id: id, report: report, analysis: analysis, oddity: oddity, everySentence: everySentence).get()
    }

    static func report(_ documents: [ReportDocument]) -> EditorReport {
        var report = EditorReport()
        for document in documents { report.add(.success(document)) }
        return report
    }

    /// The HTML of the document's body, as the page's script inserts it.
    static func bodyHTML(_ document: ReportDocument) throws -> String {
        let json = try JSONSerialization.jsonObject(with: Data(HTMLReport.documentJSON(document).utf8)) as? [String: Any]
        return try #require(json?["html"] as? String)
    }
}

extension ReportInputError: Equatable {
    public static func == (a: ReportInputError, b: ReportInputError) -> Bool { a.path == b.path && a.message == b.message }
}

@Suite struct MarkedHTMLTests {
    /// Random overlapping, nested and empty spans: the output nests, keeps the text whole, and
    /// every mark covers exactly its bytes.
    @Test func overlappingSpansNestOrSplitAndCoverTheirBytes() {
        var generator = SplitMix64(seed: 7)
        let text = Array("ab<c>&d “é” Kyіv \"q\" 'x' 😀 end".utf8)
        let boundaries = (0...text.count).filter { $0 == text.count || (text[$0] & 0xC0) != 0x80 }
        for _ in 0..<300 {
            var spans: [MarkedHTML.Span] = []
            for index in 0..<Int(generator.next() % 6) {
                let a = boundaries[Int(generator.next() % UInt64(boundaries.count))]
                let b = boundaries[Int(generator.next() % UInt64(boundaries.count))]
                spans.append(MarkedHTML.Span(range: min(a, b)..<max(a, b), attributes: " data-f=\"\(index)\""))
            }
            let result = MarkReader.read(MarkedHTML.html(text, spans: spans))
            #expect(result.wellFormed)
            #expect(result.plainText == String(decoding: text, as: UTF8.self))
            for (index, span) in spans.enumerated() where !span.range.isEmpty {
                #expect(result.textByFinding[index] == String(decoding: text[span.range], as: UTF8.self))
            }
        }
    }

    @Test func splitsAMarkThatOutlivesTheOneItOpenedIn() {
        let spans = [MarkedHTML.Span(range: 0..<4, attributes: " a"), MarkedHTML.Span(range: 2..<6, attributes: " b")]
        #expect(MarkedHTML.html(Array("abcdef".utf8), spans: spans) == "<mark a>ab<mark b>cd</mark></mark><mark b>ef</mark>")
    }

    @Test func escapesTextAndScriptDataCannotEndTheScriptElement() throws {
        let html = MarkedHTML.html(Array("<script>alert(1)</script> & \"x\" 'y'".utf8), spans: [])
        #expect(html == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;")
        let json = HTMLText.scriptSafe(json: JSON.string("</script><!-- </SCRIPT"))
        #expect(!json.contains("<"))
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed) as? String == "</script><!-- </SCRIPT")
    }
}

@Suite struct EditorReportTests {
    static let sample = try! Paths.read("examples/sample-article.txt")

    /// Every finding of the sample article is highlighted at exactly its bytes, in all three formats.
    @Test(arguments: ["txt", "md", "html"])
    func everyFindingIsHighlightedAtItsWords(_ extensionName: String) throws {
        let text = try Paths.read("examples/sample-article.\(extensionName)")
        let format: InputFormat = extensionName == "txt" ? .plain : extensionName == "md" ? .markdown : .html
        let document = try Reports.document(text, path: "sample.\(extensionName)", format: format)
        #expect(document.findings.count > 20)
        let result = MarkReader.read(try Reports.bodyHTML(document))
        #expect(result.wellFormed)
        #expect(result.plainText == text)
        for (index, finding) in document.findings.enumerated() {
            #expect(result.textByFinding[index] == String(decoding: document.source.text[finding.textRange], as: UTF8.self), "\(finding.rule.code)")
        }
    }

    /// The sentences the garbled-clause rules flag rank at the top of the sample article's list.
    @Test func garbledSentencesRankNearTheTop() throws {
        let document = try Reports.document(Self.sample)
        let ranked = Reports.report([document]).ranked(limit: 1000)
        let garbled = ranked.indices.filter { rank in
            ranked[rank].sentence.findings.contains { document.findings[$0].category == .garbledClause }
        }
        #expect(garbled.count >= 2)
        #expect(garbled.first == 0, "the sentence cut mid-clause ranks first")
        for rank in garbled { #expect(rank < ranked.count / 3, "rank \(rank + 1) of \(ranked.count): \(ranked[rank].sentence.text)") }
    }

    /// A sentence scores its findings' severity weights plus its oddity points; findings attach
    /// to the sentence they start in.
    @Test func sentenceScoresCombineFindingsAndOddity() throws {
        let document = try Reports.document(Self.sample)
        var attached = 0
        for sentence in document.sentences {
            let findings = sentence.findings.map { document.findings[$0] }
            let expected = findings.map { SuspicionScore.weight($0) }.reduce(0, +) + SuspicionScore.oddityPoints(sentence.oddity)
            #expect(abs(sentence.score - expected) < 1e-9)
            for finding in findings { #expect(sentence.textRange.contains(finding.textRange.lowerBound)) }
            attached += findings.count
        }
        #expect(attached >= document.findings.count - 3, "nearly every finding of the sample lies in a sentence")
        #expect(SuspicionScore.oddityPoints(SuspicionScore.oddityAllowanceBits) == 0)
        #expect(SuspicionScore.weight(.error) > SuspicionScore.weight(.warning))
    }

    /// A period spelling in dated wire copy is the style of its day: held at info for want of
    /// evidence, it weighs a quarter point, less than a finding reported at info on its own.
    @Test func periodSpellingsWeighLittle() throws {
        let document = try Reports.document("KIEV, May 2, 2014 (Reuters) - Talks on the gas price opened in Kiev on Friday, officials said.\n")
        let period = document.findings.filter { $0.rule.code == "NAM001" }
        #expect(period.count == 2)
        #expect(period.allSatisfy { $0.severity == .info && $0.lacksEvidence })
        #expect(period.allSatisfy { SuspicionScore.weight($0) == SuspicionScore.lackingEvidenceWeight })
        let dash = document.findings.filter { $0.rule.code == "PUN004" }
        #expect(!dash.isEmpty && dash.allSatisfy { !$0.lacksEvidence && SuspicionScore.weight($0) == SuspicionScore.weight(.info) })
        // The same spelling beside a strong sign of translation is a warning and weighs in full.
        let translated = try Reports.document("Talks opened in Kiev on Friday; some 65 thousand people marched.\n")
        let kiev = translated.findings.filter { $0.rule.code == "NAM001" }
        #expect(kiev.count == 1 && kiev.allSatisfy { $0.severity == .warning && !$0.lacksEvidence && SuspicionScore.weight($0) == 2 })
    }

    /// `--every-sentence` keeps and ranks the sentences that score zero too, after those that
    /// score; by default they are left out.
    @Test func everySentenceOnRequest() throws {
        let text = "Talks opened in Kyiv on Monday. The ministers met for two hours. Talks opened in Kiev on Monday.\n"
        let scored = try Reports.document(text)
        let all = try Reports.document(text, everySentence: true)
        #expect(all.sentences.map(\.index) == [0, 1, 2])
        #expect(scored.sentences.allSatisfy { $0.score > 0 } && scored.sentences.count < 3)
        #expect(Reports.report([scored]).ranked(limit: 10).count == scored.sentences.count)
        let ranked = Reports.report([all]).ranked(limit: 10)
        #expect(ranked.count == 3)
        #expect(ranked.first?.sentence.index == 2 && ranked.last?.sentence.score == 0)
    }

    @Test func cleanTextScoresBelowTheSample() throws {
        let clean = try Paths.read("Tests/Fixtures/clean/" + (try FileManager.default.contentsOfDirectory(atPath: Paths.root.appendingPathComponent("Tests/Fixtures/clean").path).filter { $0.hasSuffix(".txt") }.sorted()[0]))
        let cleanDocument = try Reports.document(clean, id: 1)
        let sample = try Reports.document(Self.sample)
        #expect(cleanDocument.findings.isEmpty)
        #expect(cleanDocument.suspicion < sample.suspicion / 4)
        #expect(Reports.report([cleanDocument, sample]).documentsBySuspicion.map(\.id) == [0, 1])
    }

    static let hostile = "Breaking: <script>document.documentElement.setAttribute('data-pwned','1')</script> & \"quotes\" 'single' </textarea></script><!-- in Kiev.\n<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','2')\"> the the end.\n"

    @Test func documentTextIsEscapedEverywhere() throws {
        let document = try Reports.document(Self.hostile, path: "<b>evil</b>&.txt")
        let html = HTMLReport.render(Reports.report([document]), top: 10)
        #expect(!html.contains("<script>document"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("</textarea>"))
        #expect(!html.contains("<b>evil"))
        #expect(html.contains("&lt;b&gt;evil&lt;/b&gt;&amp;.txt"))
        // The only script elements: the data blocks and the page's own script.
        #expect(html.components(separatedBy: "<script").count - 1 == 2)
        #expect(html.components(separatedBy: "</script>").count - 1 == 2)
        let result = MarkReader.read(try Reports.bodyHTML(document))
        #expect(result.plainText == Self.hostile)
    }

    @Test func pageIsSelfContained() throws {
        let document = try Reports.document(Self.sample + "\nSee https://example.com/x and //cdn.example.net/y.\n")
        let html = HTMLReport.render(Reports.report([document]), top: 100)
        let resource = try Regex(#"(?i)(src|href|action|xlink:href)\s*=\s*["']?\s*(https?:|//|data:)|url\(|@import"#)
        // The article's own URLs are text (and inside JSON, escaped): only references count.
        #expect(html.firstMatch(of: resource) == nil)
        #expect(html.contains("<meta name=\"viewport\""))
        #expect(html.contains("default-src 'none'"))
    }

    @Test func chartAndSummaryCountFindingsByCategory() throws {
        let document = try Reports.document(Self.sample)
        let html = HTMLReport.render(Reports.report([document]), top: 100)
        for (category, count) in Reports.report([document]).findingsByCategory where count > 0 {
            #expect(html.contains("<g data-cat=\"\(category.rawValue)\"><text x=\"0\""))
            #expect(count == document.findings.filter { $0.category == category }.count)
        }
        #expect(html.contains("<dd id=\"stat-findings\">\(document.findings.count)</dd>"))
    }

    @Test func markdownListsTheTopSentencesEscaped() throws {
        let report = Reports.report([try Reports.document(Self.sample), try Reports.document(Self.hostile, path: "b.txt", id: 1)])
        // Enough places for the hostile document's sentences to make the list.
        let markdown = MarkdownReport.render(report, top: 40)
        let items = markdown.split(separator: "\n").filter { $0.firstMatch(of: /^\d+\. \*\*/) != nil }
        #expect(items.count == report.ranked(limit: 40).count)
        #expect(items.count > 5)
        #expect(items[0].hasPrefix("1. **\(HTMLReport.decimal(report.ranked(limit: 1)[0].sentence.score))**"))
        #expect(markdown.contains("\\<script\\>document"))
        #expect(markdown.firstMatch(of: /[^\\]</) == nil, "every < is escaped")
        #expect(MarkdownReport.escape("<script> *a* [b](c) & `d`") == "\\<script\\> \\*a\\* \\[b\\](c) \\& \\`d\\`")
        #expect(MarkdownReport.escape("- item") == "\\- item")
    }

    @Test func jsonHoldsTheSameDataAsTheModel() throws {
        let report = Reports.report([try Reports.document(Self.sample), try Reports.document(Self.hostile, path: "b.txt", id: 1)])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONEditorReport.render(report, top: 7).utf8)) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["findings"] as? Int == report.findings)
        #expect(summary["words"] as? Int == report.words)
        let sentences = try #require(json["sentences"] as? [[String: Any]])
        #expect(sentences.count == 7)
        let ranked = report.ranked(limit: 7)
        for (sentence, entry) in zip(sentences, ranked) {
            #expect(sentence["text"] as? String == entry.sentence.text)
            #expect((sentence["findings"] as? [[String: Any]])?.count == entry.sentence.findings.count)
            #expect((sentence["start"] as? [String: Any])?["offset"] as? Int == entry.sentence.start.offset)
        }
        let scores = sentences.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))
    }

    /// A few hundred documents: the page stays a list (bodies wait as data) of reasonable size.
    @Test func hundredsOfDocumentsStayReasonable() throws {
        let documents = try (0..<300).map { try Reports.document(Self.generated($0), path: "articles/\($0).txt", id: $0) }
        let html = HTMLReport.render(Reports.report(documents), top: 100)
        // The page's fixed part, the text a few times over (data, titles, ranking) and a bounded
        // cost per finding (its mark's attributes and its entry in the data).
        let inputBytes = documents.reduce(0) { $0 + $1.source.text.count }
        let findings = documents.reduce(0) { $0 + $1.findings.count }
        #expect(html.utf8.count < 64_000 + 4 * inputBytes + 1_200 * findings, "\(html.utf8.count) bytes for \(inputBytes) bytes of text and \(findings) findings")
        #expect(html.components(separatedBy: "<details class=\"doc\"").count - 1 == 300)
        #expect(html.components(separatedBy: "<tr data-findings").count - 1 == 100)
        #expect(!html.contains("<mark"), "document bodies are rendered only when opened")
    }

    /// A generated article of a few paragraphs with some artifacts, differing by `seed`.
    static func generated(_ seed: Int) -> String {
        let openings = ["The ministers met in Kiev on Tuesday.", "The talks in Kyiv lasted three hours.", "Officials said that the the talks went well."]
        let middles = ["Up to 30 thousand people took part in the march.", "The city council approved the budget for the next year.", "Our publication tells the details."]
        return "Report \(seed)\n\n\(openings[seed % 3]) \(middles[seed / 3 % 3])\n\nThe mayor thanked the volunteers and promised new shelters before winter. in the drills. which is odd.\n"
    }
}
