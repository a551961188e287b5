import Foundation
import Testing
import KalkaCore

@Suite struct SuppressionCommandTests {
    private func directory(_ files: [String: String]) throws -> URL {
        let directory = try CLI.temporaryDirectory()
        for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        return directory
    }

    private func rules(_ result: CLI.Result) -> [String] {
        ((result.json["files"] as? [[String: Any]]) ?? []).flatMap { ($0["diagnostics"] as? [[String: Any]]) ?? [] }.compactMap { $0["rule"] as? String }
    }

    @Test func directivesSuppressAndUnusedOnesAreReported() throws {
        let directory = try directory([
            "a.md": "<!-- kalka-disable-next-line DUP001 -->\nThe the talks ended.\n",
            "b.txt": "[kalka-disable NAM001]\nThe talks ended.\n",
        ])
        let clean = try CLI.run(["check", "a.md"], in: directory)
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("no problems found"))
        let unused = try CLI.run(["check", "b.txt"], in: directory)
        #expect(unused.status == 1)
        #expect(unused.stdout.contains("b.txt:1:1: KAL001 [warning] “kalka-disable NAM001” suppresses nothing"))
        #expect(unused.stdout.contains("= fix (safe): Remove the unused directive"))
        // A directive for a rule the run leaves out is not unused; the KAL rules obey --ignore.
        #expect(try CLI.run(["check", "--select", "DUP,KAL", "b.txt"], in: directory).status == 0)
        #expect(try CLI.run(["check", "--ignore", "KAL001", "b.txt"], in: directory).status == 0)
        let fixed = try CLI.run(["check", "--fix", "b.txt"], in: directory)
        #expect(fixed.status == 0)
        #expect(try String(contentsOf: directory.appendingPathComponent("b.txt"), encoding: .utf8) == "The talks ended.\n")
    }

    @Test func theRulesAreInTheRegistry() throws {
        let result = try CLI.run(["rule", "KAL001"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("unused-suppression"))
        #expect(try CLI.run(["rule", "unknown-suppression-code"]).stdout.contains("KAL002"))
    }

    @Test func baselineHidesTheRecordedFindingsOnly() throws {
        let directory = try directory([
            "a.txt": "The minister met the the mayor of Kiev.\n",
            "b.txt": "The the end.\n\nThe the end.\n",
        ])
        let written = try CLI.run(["check", "--write-baseline", "kalka-baseline.json", "a.txt", "b.txt"], in: directory)
        #expect(written.status == 0)
        #expect(written.stdout.isEmpty)
        #expect(written.stderr.contains("Wrote 4 findings in 2 files to kalka-baseline.json."))
        let file = try String(contentsOf: directory.appendingPathComponent("kalka-baseline.json"), encoding: .utf8)
        #expect(file.contains("\"b.txt\": [\n      {\"rule\": \"DUP001\", \"text\": \"The the\""))
        #expect(!file.contains("\"line\""), "no positions in the baseline")

        let hidden = try CLI.run(["check", "--baseline", "kalka-baseline.json", "a.txt", "b.txt"], in: directory)
        #expect(hidden.status == 0)
        #expect(hidden.stdout.contains("All checked: no problems found in 2 files (4 hidden by the baseline)."))

        // An edit above keeps the old finding hidden; a third identical one and a new one show.
        try Data("A new opening line.\n\nThe minister met the the mayor of Kiev.\n\nKharkov was shelled again.\n".utf8)
            .write(to: directory.appendingPathComponent("a.txt"))
        try Data("The the end.\n\nThe the end.\n\nThe the end.\n".utf8).write(to: directory.appendingPathComponent("b.txt"))
        let text = try CLI.run(["check", "--baseline", "kalka-baseline.json", "a.txt", "b.txt"], in: directory)
        #expect(text.status == 1)
        #expect(text.stdout.contains("b.txt:5:1: DUP001"))
        #expect(text.stdout.contains("4 more hidden by the baseline."))
        #expect(text.stdout.contains("a.txt:5:1: NAM001"))
        #expect(!text.stdout.contains("a.txt:3:"))
        let json = try CLI.run(["check", "--format", "json", "--baseline", "kalka-baseline.json", "b.txt"], in: directory)
        #expect(rules(json) == ["DUP001"])
        #expect(Set((json.json["summary"] as? [String: Any] ?? [:]).keys) == ["files", "diagnostics", "byCategory", "bySeverity"])
    }

    /// A pattern's finding is named by its id everywhere a tool reads rules: JSON, SARIF,
    /// selectors, directives and the baseline (which still honours an entry made under the rule).
    @Test func patternFindingsAreNamedByTheirID() throws {
        let directory = try directory(["a.txt": "The governor reported about the damage.\n\nShe told about it.\n"])
        let json = try CLI.run(["check", "--isolated", "--format", "json", "--select", "CAL001", "a.txt"], in: directory).json
        let diagnostics = ((json["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]]) ?? []
        #expect(diagnostics.map { $0["pattern"] as? String } == ["CAL001/reported-about", "CAL001/told-about"])
        #expect(diagnostics.map { $0["rule"] as? String } == ["CAL001", "CAL001"])

        let sarif = try CLI.run(["check", "--isolated", "--format", "sarif", "--select", "CAL001", "a.txt"], in: directory).stdout
        #expect(sarif.contains("\"ruleId\": \"CAL001/reported-about\""))
        #expect(sarif.contains("\"id\": \"CAL001\""), "the rule itself is described once, by its code")

        let selected = try CLI.run(["check", "--isolated", "--format", "json", "--select", "CAL001/told-about", "a.txt"], in: directory)
        #expect(selected.stdout.contains("CAL001/told-about") && !selected.stdout.contains("CAL001/reported-about"))
        let ignored = try CLI.run(["check", "--isolated", "--format", "json", "--select", "CAL001", "--ignore", "CAL001/told-about", "a.txt"], in: directory)
        #expect(!ignored.stdout.contains("CAL001/told-about") && ignored.stdout.contains("CAL001/reported-about"))
        let unknown = try CLI.run(["check", "--isolated", "--select", "CAL001/no-such-pattern", "a.txt"], in: directory)
        #expect(unknown.status == 2 || unknown.status == 64, "an unknown pattern id is a usage error")

        let written = try CLI.run(["check", "--isolated", "--select", "CAL001", "--write-baseline", "b.json", "a.txt"], in: directory)
        #expect(written.status == 0)
        let file = try String(contentsOf: directory.appendingPathComponent("b.json"), encoding: .utf8)
        #expect(file.contains("\"rule\": \"CAL001/reported-about\""))
        let hidden = try CLI.run(["check", "--isolated", "--select", "CAL001", "--baseline", "b.json", "a.txt"], in: directory)
        #expect(hidden.status == 0)
    }

    @Test func baselineUsageErrors() throws {
        let directory = try directory(["a.txt": "The the end.\n", "bad.json": "{\"version\": 7, \"files\": {}}"])
        let combined = try CLI.run(["check", "--write-baseline", "x.json", "--fix", "a.txt"], in: directory)
        #expect(combined.status == 2)
        let missing = try CLI.run(["check", "--baseline", "missing.json", "a.txt"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("missing.json: cannot read the baseline: cannot open: no such file or directory"))
        let bad = try CLI.run(["check", "--baseline", "bad.json", "a.txt"], in: directory)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("baseline version 7 is not supported"))
    }
}
