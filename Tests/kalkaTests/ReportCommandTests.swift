import Foundation
import Testing
import KalkaCore

@Suite struct ReportCommandTests {
    @Test func markdownTopSentencesOfTheSampleArticle() throws {
        let result = try CLI.run(["report", "--isolated", "--format", "md", "--top", "3", "examples/sample-article.txt"])
        #expect(result.status == 0, "\(result.stderr)")
        let items = result.stdout.split(separator: "\n").filter { $0.firstMatch(of: /^\d+\. \*\*/) != nil }
        #expect(items.count == 3)
        #expect(items.first?.contains("examples/sample-article.txt:42:") == true, "the sentence cut mid-clause first")
        #expect(result.stdout.contains("`GAR001` lowercase-sentence-start"))
    }

    @Test func jsonCountsMatchCheck() throws {
        let report = try CLI.run(["report", "--isolated", "--format", "json", "examples/sample-article.txt", "examples/sample-article.md"]).json
        let check = try CLI.run(["check", "--isolated", "--format", "json", "examples/sample-article.txt", "examples/sample-article.md"]).json
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["findings"] as? Int == (check["summary"] as? [String: Any])?["diagnostics"] as? Int)
        #expect((report["documents"] as? [[String: Any]])?.map { $0["path"] as? String } == ["examples/sample-article.txt", "examples/sample-article.md"])
    }

    /// Per-file configuration applies as in `check`: a `.kalka.yml` ignoring a rule removes its highlights.
    @Test func honoursTheConfigurationOfEachFile() throws {
        let directory = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("quiet"), withIntermediateDirectories: true)
        let text = "The ministers met in Kiev and and agreed.\n"
        try text.write(to: directory.appendingPathComponent("loud.txt"), atomically: true, encoding: .utf8)
        try text.write(to: directory.appendingPathComponent("quiet/loud.txt"), atomically: true, encoding: .utf8)
        try "ignore: [name-spelling]\n".write(to: directory.appendingPathComponent("quiet/.kalka.yml"), atomically: true, encoding: .utf8)
        let json = try CLI.run(["report", "--format", "json", "."], in: directory).json
        let findings = (json["documents"] as? [[String: Any]])?.map { ($0["path"] as? String ?? "", $0["findings"] as? Int ?? -1) }
        #expect(findings?.map(\.0) == ["./loud.txt", "./quiet/loud.txt"])
        #expect(findings?.map(\.1) == [2, 1])
    }

    @Test func unreadableInputIsListedAndExitsTwo() throws {
        let file = try CLI.temporaryDirectory().appendingPathComponent("r.html")
        let result = try CLI.run(["report", "--isolated", "-o", file.path, "examples/sample-article.txt", "no-such-file.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no-such-file.txt"))
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.contains("no-such-file.txt"))
        #expect(html.contains("<details class=\"doc\" id=\"d-0\""))
    }
}
