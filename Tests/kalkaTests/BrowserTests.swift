import Foundation
import Testing
import KalkaCore

/// Headless Chromium, for the tests that load `kalka report` pages as a reader's browser does.
/// Skipped when no browser is installed, unless KALKA_REQUIRE_BROWSER=1 (CI, where .ci/run
/// installs Debian's `chromium`): then a missing browser fails them.
enum Browser {
    static let required = ProcessInfo.processInfo.environment["KALKA_REQUIRE_BROWSER"] == "1"

    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for directory in path.split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }()

    static var available: Bool { required || executable != nil }

    /// The DOM after the page's scripts ran, serialized.
    static func dom(_ file: URL, fragment: String = "") throws -> String {
        let browser = try #require(executable, "no chromium on PATH")
        let profile = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: profile) }
        let result = try Consumers.run(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
                                                 "--virtual-time-budget=5000", "--dump-dom", file.absoluteString + fragment])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    /// Writes `kalka report` of `paths` to a new file and returns it.
    static func report(_ paths: [String], in directory: URL? = nil) throws -> URL {
        let file = try CLI.temporaryDirectory().appendingPathComponent("report.html")
        let result = try CLI.run(["report", "--isolated", "-o", file.path] + paths, in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        return file
    }
}

/// The elements of a serialized DOM: tag name and attributes, in document order.
private struct Element {
    let name: String
    let attributes: [String: String]

    static func all(_ html: String, named name: String) -> [Element] {
        html.matches(of: try! Regex("<\(name)(\\s[^>]*)?>")).map { match in
            let tag = String(html[match.range])
            var attributes: [String: String] = [:]
            for attribute in tag.matches(of: /\s([a-z-]+)(?:="([^"]*)")?/) { attributes[String(attribute.1)] = attribute.2.map(String.init) ?? "" }
            return Element(name: name, attributes: attributes)
        }
    }
}

@Suite(.serialized) struct BrowserTests {
    /// The sample article's page: scripts ran, every finding of `kalka check` is highlighted at
    /// its words with its rule, category and severity, and the counts agree.
    @Test(.enabled(if: Browser.available, "needs chromium (.ci/run installs it)"))
    func sampleArticleHighlightsEveryFinding() throws {
        let report = try Browser.report(["examples/sample-article.txt"])
        let dom = try Browser.dom(report, fragment: "#open=0")
        #expect(dom.contains("data-ready=\"true\""))
        let check = try CLI.run(["check", "--isolated", "--format", "json", "examples/sample-article.txt"]).json
        let diagnostics = try #require(((check["files"] as? [[String: Any]])?.first?["diagnostics"]) as? [[String: Any]])
        let bytes = Array(try Data(contentsOf: CLI.root.appendingPathComponent("examples/sample-article.txt")))
        let body = try #require(dom.firstRange(of: "<div class=\"text\" data-state=\"done\">").map { String(dom[$0.upperBound...]) })
        let text = String(body[..<(body.range(of: "</div></details>")?.lowerBound ?? body.endIndex)])
        let marks = MarkReaderInDOM.read(text)
        #expect(marks.textByFinding.count == diagnostics.count)
        #expect(dom.contains("<dd id=\"stat-findings\">\(diagnostics.count)</dd>"))
        let elements = Element.all(text, named: "mark")
        for (index, diagnostic) in diagnostics.enumerated() {
            let start = try #require((diagnostic["start"] as? [String: Any])?["offset"] as? Int)
            let end = try #require((diagnostic["end"] as? [String: Any])?["offset"] as? Int)
            #expect(marks.textByFinding[index] == String(decoding: bytes[start..<end], as: UTF8.self), "\(diagnostic["rule"] ?? "")")
            let element = try #require(elements.first { $0.attributes["data-f"] == "\(index)" })
            #expect(element.attributes["data-rule"] == diagnostic["rule"] as? String)
            #expect(element.attributes["data-cat"] == diagnostic["category"] as? String)
            #expect(element.attributes["data-sev"] == diagnostic["severity"] as? String)
        }
    }

    /// `#category=…` hides the ranked sentences without a finding in that category and turns
    /// off other categories' highlights; without it every row shows.
    @Test(.enabled(if: Browser.available, "needs chromium (.ci/run installs it)"))
    func categoryFilterHidesAndShowsRows() throws {
        let report = try Browser.report(["examples/sample-article.txt"])
        let unfiltered = Element.all(try Browser.dom(report), named: "tr").filter { $0.attributes["data-findings"] != nil }
        #expect(unfiltered.count > 10)
        #expect(unfiltered.allSatisfy { $0.attributes["hidden"] == nil })

        let dom = try Browser.dom(report, fragment: "#category=calque&open=0")
        let rows = Element.all(dom, named: "tr").filter { $0.attributes["data-findings"] != nil }
        let shown = rows.filter { $0.attributes["hidden"] == nil }
        #expect(rows.count == unfiltered.count)
        #expect(!shown.isEmpty && shown.count < rows.count)
        for row in rows {
            let hasCalque = row.attributes["data-findings"]!.split(separator: " ").contains { $0.hasPrefix("calque:") }
            #expect((row.attributes["hidden"] == nil) == hasCalque)
        }
        let marks = Element.all(dom, named: "mark")
        #expect(!marks.isEmpty)
        for mark in marks { #expect((mark.attributes["class"]?.contains("off") ?? false) == (mark.attributes["data-cat"] != "calque")) }
        #expect(marks.contains { $0.attributes["data-cat"] == "calque" })
        #expect(dom.contains("Showing \(shown.count) of \(rows.count) ranked sentences."))
    }

    /// An article full of markup stays text: no script of its own ran, no element of its own exists.
    @Test(.enabled(if: Browser.available, "needs chromium (.ci/run installs it)"))
    func hostileArticleStaysText() throws {
        let directory = try CLI.temporaryDirectory()
        let article = "Breaking: <script>document.documentElement.setAttribute('data-pwned','1')</script> & \"quotes\" 'x' </textarea></script><!-- in Kiev.\n<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','2')\"> the the end.\n"
        try article.write(to: directory.appendingPathComponent("evil.txt"), atomically: true, encoding: .utf8)
        let report = try Browser.report(["evil.txt"], in: directory)
        let dom = try Browser.dom(report, fragment: "#open=0")
        #expect(dom.contains("data-ready=\"true\""))
        #expect(!dom.contains("data-pwned=\""), "the article's script or event handler ran")
        #expect(Element.all(dom, named: "img").isEmpty)
        #expect(dom.contains("Breaking: &lt;script&gt;document.documentElement.setAttribute('data-pwned','1')&lt;/script&gt; &amp; \"quotes\" 'x' &lt;/textarea&gt;&lt;/script&gt;&lt;!-- in "))
    }

    /// Three hundred documents load as a list; one far down the list renders when linked to.
    @Test(.enabled(if: Browser.available, "needs chromium (.ci/run installs it)"))
    func hundredsOfDocumentsRenderOnDemand() throws {
        let directory = try CLI.temporaryDirectory()
        for index in 0..<300 {
            let text = "Report \(index)\n\nThe ministers met in Kiev on Tuesday. Up to \(index + 2) thousand people took part.\n\nThe mayor thanked the the volunteers.\n"
            try text.write(to: directory.appendingPathComponent(String(format: "a%03d.txt", index)), atomically: true, encoding: .utf8)
        }
        let report = try Browser.report(["."], in: directory)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: report.path)[.size] as? Int)
        #expect(size < 3_000_000)
        let dom = try Browser.dom(report, fragment: "#d-299")
        #expect(Element.all(dom, named: "details").count == 300)
        let rendered = Element.all(dom, named: "div").filter { $0.attributes["data-state"] == "done" }
        #expect(rendered.count == 1, "only the linked document is rendered")
        #expect(dom.contains("Report 299"))
        let check = try CLI.run(["check", "--isolated", "--format", "json", "a299.txt"], in: directory).json
        let findings = try #require(((check["files"] as? [[String: Any]])?.first?["diagnostics"]) as? [[String: Any]])
        #expect(!findings.isEmpty)
        #expect(Set(Element.all(dom, named: "mark").compactMap { $0.attributes["data-f"] }).count == findings.count)
    }
}

/// `MarkReader` of the core tests, for the browser's serialization of the same elements.
private enum MarkReaderInDOM {
    struct Result { var textByFinding: [Int: String] = [:] }

    static func read(_ html: String) -> Result {
        var result = Result()
        var open: [Int?] = []
        var index = html.startIndex
        while index < html.endIndex {
            if html[index] == "<", let close = html[index...].firstIndex(of: ">") {
                let tag = html[html.index(after: index)..<close]
                if tag.hasPrefix("/mark") {
                    _ = open.popLast()
                } else if tag.hasPrefix("mark") {
                    open.append(tag.firstMatch(of: /data-f="(\d+)"/).flatMap { Int($0.1) })
                }
                index = html.index(after: close)
                continue
            }
            let next = html[index...].firstIndex(of: "<") ?? html.endIndex
            let text = String(html[index..<next]).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&nbsp;", with: "\u{A0}").replacingOccurrences(of: "&amp;", with: "&")
            for finding in Set(open.compactMap { $0 }) { result.textByFinding[finding, default: ""] += text }
            index = next
        }
        return result
    }
}
