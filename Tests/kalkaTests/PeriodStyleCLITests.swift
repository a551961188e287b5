import Foundation
import Testing

/// The article date and the period-spelling policy from the command line and `.kalka.yml`.
@Suite struct PeriodStyleCLITests {
    static let article = "KIEV, Ukraine, June 4, 2009 — Bridge repairs in Kiev finished early.\n"

    private func severities(_ result: CLI.Result) -> [String] {
        let files = result.json["files"] as? [[String: Any]] ?? []
        return files.flatMap { ($0["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["severity"] as? String } }
    }

    @Test func dateFromTheTextTheCommandLineAndTheConfiguration() throws {
        let directory = try CLI.temporaryDirectory()
        try Data(Self.article.utf8).write(to: directory.appendingPathComponent("a.txt"))
        let byText = try CLI.run(["check", "--format", "json", "a.txt"], in: directory)
        #expect(byText.status == 0, "info only: nothing fails")
        #expect(severities(byText) == ["info", "info"])
        let byOption = try CLI.run(["check", "--format", "json", "--date", "2023-06-01", "a.txt"], in: directory)
        #expect(byOption.status == 1)
        #expect(severities(byOption) == ["warning", "warning"])
        let badDate = try CLI.run(["check", "--date", "2023/06/01", "a.txt"], in: directory)
        #expect(badDate.status == 2)

        try Data("date: 2024-01-10\n".utf8).write(to: directory.appendingPathComponent(".kalka.yml"))
        #expect(severities(try CLI.run(["check", "--format", "json", "a.txt"], in: directory)) == ["warning", "warning"])
        let shown = try CLI.run(["config", "show", "a.txt"], in: directory)
        #expect(shown.stdout.contains("date: 2024-01-10"))
        #expect(shown.stdout.contains("period-spellings: allow"))
        #expect(try CLI.run(["config", "show", "--date", "2020-02-02", "a.txt"], in: directory).stdout.contains("date: 2020-02-02"))
        #expect(!(try CLI.run(["translit", "--help"]).stdout.contains("--date")), "a date means nothing to translit")

        try Data("house-style:\n  period-spellings: flag\n".utf8).write(to: directory.appendingPathComponent(".kalka.yml"))
        #expect(severities(try CLI.run(["check", "--format", "json", "a.txt"], in: directory)) == ["warning", "warning"])
        let fixed = try CLI.run(["normalize", "a.txt"], in: directory)
        #expect(fixed.stdout == "KYIV, Ukraine, June 4, 2009 — Bridge repairs in Kyiv finished early.\n")
        let kept = try CLI.run(["normalize", "--isolated", "a.txt"], in: directory)
        #expect(kept.stdout == Self.article, "a period spelling's fix is unsafe")
    }
}
