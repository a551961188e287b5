import Foundation
import Testing
import KalkaCore

/// One expected output per format for a small composed input set (a multibyte prefix before a
/// finding, CRLF lines, a path with a comma and an ampersand, a file that is not UTF-8, a clean
/// file). Rewrite them with `KALKA_UPDATE_GOLDEN=1 swift test --filter GoldenReportTests` and
/// review the diff.
enum Golden {
    static let directory = CLI.root.appendingPathComponent("Tests/Fixtures/golden")
    static let input = directory.appendingPathComponent("input")
    static let inputs = ["news.txt", "multibyte.md", "notes, Q&A.txt", "bad-utf8.txt", "clean.html"]
    /// A fixed rule set, so rules added later change no golden file.
    static let check = ["check", "--isolated", "--color", "never", "--select", "DUP001,MIX001,NAM001,NAM004,NUM002,PUN001,PUN002"]
    static let updating = ProcessInfo.processInfo.environment["KALKA_UPDATE_GOLDEN"] == "1"

    static func fileName(_ format: ReportFormat) -> String {
        switch format {
        case .text: "report.txt"
        case .concise: "report.concise.txt"
        case .json: "report.json"
        case .jsonl: "report.jsonl"
        case .sarif: "report.sarif"
        case .github: "report.github.txt"
        case .gitlab: "report.gitlab.json"
        case .junit: "report.junit.xml"
        case .checkstyle: "report.checkstyle.xml"
        case .rdjson: "report.rdjson"
        }
    }

    /// kalka's report in `format` over the golden inputs, as CI would run it.
    static func report(_ format: ReportFormat, _ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(check + ["--format", format.rawValue] + extra + inputs, in: input)
    }

    static func compare(_ actual: String, with name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent("expected").appendingPathComponent(name)
        if updating {
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name): run KALKA_UPDATE_GOLDEN=1 swift test --filter GoldenReportTests", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "\(name) differs; if the change is intended: KALKA_UPDATE_GOLDEN=1 swift test --filter GoldenReportTests", sourceLocation: sourceLocation)
    }
}

@Suite struct GoldenReportTests {
    @Test(arguments: ReportFormat.allCases)
    func reportMatchesItsGoldenFile(_ format: ReportFormat) throws {
        let result = try Golden.report(format)
        #expect(result.status == 2, "bad-utf8.txt cannot be checked")
        #expect(result.stderr == "kalka: error: bad-utf8.txt: invalid UTF-8 at byte 21; not checked\n")
        try Golden.compare(result.stdout, with: Golden.fileName(format))
    }

    /// `--statistics` after a quiet concise report: findings, then the table, no summary line.
    @Test func statisticsAfterAQuietReport() throws {
        let result = try Golden.report(.concise, ["--quiet", "--statistics"])
        #expect(!result.stdout.contains("Found "))
        try Golden.compare(result.stdout, with: "statistics.txt")
    }

    /// With a machine-readable report on stdout the table goes to stderr; written to a file, the
    /// report is the same bytes as on stdout and the exit status is unchanged.
    @Test func statisticsStayOutOfMachineReadableOutput() throws {
        let onStdout = try Golden.report(.sarif, ["--statistics"])
        #expect(onStdout.stderr.contains("  total\n"))
        #expect(!onStdout.stdout.contains("  total\n"))
        let directory = try CLI.temporaryDirectory()
        let file = directory.appendingPathComponent("kalka.sarif")
        let toFile = try Golden.report(.sarif, ["--statistics", "--output-file", file.path])
        #expect(toFile.status == onStdout.status)
        #expect(try String(contentsOf: file, encoding: .utf8) == onStdout.stdout)
        #expect(toFile.stdout.contains("  total\n"), "the report is in the file, so the table takes stdout")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["kalka.sarif"], "no temporary file left")
    }
}

@Suite struct ReportOptionTests {
    /// GitLab keeps a finding's identity across edits above it; two equal findings differ.
    @Test func fingerprintsSurviveEditsAboveAndTellRepeatsApart() throws {
        let directory = try CLI.temporaryDirectory()
        let story = directory.appendingPathComponent("story.txt")
        try Data("Kyiv is the the capital. Kyiv is the the capital.\n".utf8).write(to: story)
        let before = try CLI.run(["check", "--isolated", "--format", "gitlab", "story.txt"], in: directory)
        try Data("A new first paragraph.\n\nKyiv is the the capital. Kyiv is the the capital.\n".utf8).write(to: story)
        let after = try CLI.run(["check", "--isolated", "--format", "gitlab", "story.txt"], in: directory)
        func fingerprints(_ result: CLI.Result) -> [String] {
            ((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [[String: Any]] ?? []).compactMap { $0["fingerprint"] as? String }
        }
        func lines(_ result: CLI.Result) -> [Int] {
            ((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [[String: Any]] ?? []).compactMap {
                (($0["location"] as? [String: Any])?["lines"] as? [String: Int])?["begin"]
            }
        }
        #expect(fingerprints(before).count == 2)
        #expect(Set(fingerprints(before)).count == 2)
        #expect(fingerprints(after) == fingerprints(before))
        #expect(lines(before) == [1, 1] && lines(after) == [3, 3])
    }

    @Test func quietTextHasNoSummaryLine() throws {
        let directory = try CLI.temporaryDirectory()
        try Data("Kyiv is the the capital.\n".utf8).write(to: directory.appendingPathComponent("a.txt"))
        let loud = try CLI.run(["check", "--isolated", "a.txt"], in: directory)
        let quiet = try CLI.run(["check", "--isolated", "--quiet", "a.txt"], in: directory)
        #expect(loud.stdout.hasSuffix("Found 1 problem (1 warning) in 1 file. 1 fixable with --fix.\n"))
        #expect(quiet.stdout + "Found 1 problem (1 warning) in 1 file. 1 fixable with --fix.\n" == loud.stdout)
        #expect(quiet.status == 1)
    }

    @Test func anOutputFileThatCannotBeWrittenIsAnError() throws {
        let directory = try CLI.temporaryDirectory()
        try Data("Kyiv is the capital.\n".utf8).write(to: directory.appendingPathComponent("a.txt"))
        let result = try CLI.run(["check", "--isolated", "--output-file", "missing/report.json", "--format", "json", "a.txt"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("kalka: error: missing/report.json: cannot create the file: no such file or directory"), "\(result.stderr)")
    }
}
