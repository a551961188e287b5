import Foundation
import Testing

/// `kalka check --input-format jsonl`: archives of records, as data teams run it.
@Suite struct RecordCommandTests {
    static let archive = """
        {"id": "a-1", "site": "example", "text": "Dmitry Kuleba arrived in Kiev on Monday.\\n\\nAbout it reports the press service."}

        {"id": 2, "text": "The talks in Kyiv lasted three hours, officials said."}
        {"id": "bad", "text": ["not", "a", "string"]}
        not json at all
        {"id": "md", "format": "markdown", "text": "# Talks\\n\\nOfficials said **65 thousand** people had left."}

        """

    static func lines(_ output: String) -> [[String: Any]] {
        output.split(separator: "\n").map { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] ?? [:] }
    }

    @Test func oneOutputLinePerRecordInOrderWithErrorsInPlace() throws {
        for jobs in ["1", "2"] {
            let result = try CLI.run(["check", "--isolated", "--input-format", "jsonl", "--format", "jsonl", "--jobs", jobs], stdin: Data(Self.archive.utf8))
            #expect(result.status == 2, "a bad record makes the status 2")
            let lines = Self.lines(result.stdout)
            #expect(lines.map { $0["line"] as? Int } == [1, 3, 4, 5, 6])
            #expect(lines.map { "\($0["id"] ?? "")" } == ["a-1", "2", "bad", "<null>", "md"])
            #expect(lines[2]["error"] as? String == "the “text” member must be a string")
            #expect((lines[3]["error"] as? String)?.hasPrefix("invalid JSON at byte 1") == true)
            let rules = lines.map { (($0["diagnostics"] as? [[String: Any]]) ?? []).map { $0["rule"] as? String ?? "" } }
            #expect(rules[0].contains("NAM001") && rules[0].contains("CAL001"))
            #expect(rules[1].isEmpty)
            #expect(rules[4].contains { $0.hasPrefix("NUM") })
            #expect(result.stderr.contains("kalka: error: -: line 4: the “text” member must be a string"))
        }
    }

    @Test func aRecordsFindingsMatchItsTextCheckedAsAFile() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = "Dmitry Kuleba arrived in Kiev on Monday.\n\nOfficials said 65 thousand people had left «the city», tells the details."
        try Data(text.utf8).write(to: directory.appendingPathComponent("article.txt"))
        let record = try JSONSerialization.data(withJSONObject: ["id": "x", "text": text])
        try (record + Data("\n".utf8)).write(to: directory.appendingPathComponent("archive.jsonl"))
        let asFile = try CLI.run(["check", "--isolated", "--format", "json", "article.txt"], in: directory)
        let asRecord = try CLI.run(["check", "--isolated", "--input-format", "jsonl", "--format", "jsonl", "archive.jsonl"], in: directory)
        #expect(asFile.status == 1 && asRecord.status == 1)
        let fileDiagnostics = ((asFile.json["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]]) ?? []
        let recordDiagnostics = (Self.lines(asRecord.stdout).first?["diagnostics"] as? [[String: Any]]) ?? []
        #expect(!fileDiagnostics.isEmpty)
        #expect(NSArray(array: fileDiagnostics).isEqual(to: recordDiagnostics), "the same contract objects, byte offsets and fixes included")
    }

    @Test func memberNamesAndOtherFormats() throws {
        let archive = #"{"url": "https://example.org/1", "body": "The mayor of Kiev spoke.", "text": 5}"# + "\n"
        let json = try CLI.run(["check", "--isolated", "--input-format", "jsonl", "--id-field", "url", "--text-field", "body", "--format", "json", "--date", "2025-01-01"],
                               stdin: Data(archive.utf8))
        #expect(json.status == 1)
        let files = json.json["files"] as? [[String: Any]] ?? []
        #expect(files.map { $0["path"] as? String } == ["https://example.org/1"])
        let text = try CLI.run(["check", "--isolated", "--input-format", "jsonl", "--text-field", "body", "--id-field", "url", "--color", "never", "--date", "2025-01-01"],
                               stdin: Data(archive.utf8))
        #expect(text.stdout.contains("https://example.org/1:1:14: NAM001"))
        // The summary counts records and offers no --fix (the finding's fix is safe: a file's
        // summary would offer it), which does not rewrite an archive.
        #expect(text.stdout.contains("Found 1 problem (1 warning) in 1 record."))
        #expect(!text.stdout.contains("--fix") && !text.stdout.contains("--unsafe-fixes"))
        let two = archive + #"{"url": "https://example.org/2", "body": "Fine."}"# + "\n" + "not json\n"
        let concise = try CLI.run(["check", "--isolated", "--input-format", "jsonl", "--text-field", "body", "--id-field", "url", "--format", "concise", "--color", "never"],
                                  stdin: Data(two.utf8))
        #expect(concise.stdout.contains("in 2 records. 1 input could not be checked"), "\(concise.stdout)")
    }

    @Test func usageErrors() throws {
        let fix = try CLI.run(["check", "--input-format", "jsonl", "--fix"], stdin: Data())
        #expect(fix.status == 2 && fix.stderr.contains("--fix and --diff change files"))
        let field = try CLI.run(["check", "--id-field", "url", "README.md"])
        #expect(field.status == 2 && field.stderr.contains("--input-format jsonl"))
        let missing = try CLI.run(["check", "--isolated", "--input-format", "jsonl", "no-such-archive.jsonl"])
        #expect(missing.status == 2 && missing.stderr.contains("no-such-archive.jsonl: cannot open"))
    }
}

@Suite struct RecordNormalizeCommandTests {
    @Test func recordsAreWrittenBackInOrderWithTheirTextNormalized() throws {
        let archive = """
            {"id": "a", "text": "Dmitry Kuleba spoke.", "site": "x"}
            not json
            {"id": "b", "text": "Nothing to change."}

            """
        let result = try CLI.run(["normalize", "--isolated", "--input-format", "jsonl", "--jobs", "2"], stdin: Data(archive.utf8))
        #expect(result.status == 2)
        #expect(result.stdout == """
            {"id": "a", "text": "Dmytro Kuleba spoke.", "site": "x"}
            not json
            {"id": "b", "text": "Nothing to change."}

            """)
        #expect(result.stderr.contains("-: line 2: invalid JSON at byte 1: a record must be a JSON object; written back unchanged"))
    }

    @Test func inPlaceReplacesTheArchiveOnlyOnceComplete() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("archive.jsonl")
        try Data(#"{"id": 1, "text": "Dmitry Kuleba spoke."}"#.utf8 + [0x0A]).write(to: url)
        let result = try CLI.run(["normalize", "--isolated", "--input-format", "jsonl", "--in-place", "archive.jsonl"], in: directory)
        #expect(result.status == 0)
        #expect(try String(contentsOf: url, encoding: .utf8) == #"{"id": 1, "text": "Dmytro Kuleba spoke."}"# + "\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["archive.jsonl"])
    }

    @Test func inPlaceKeepsTheModeAndLeavesAnArchiveWithNothingToChangeAlone() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let changing = directory.appendingPathComponent("changing.jsonl"), clean = directory.appendingPathComponent("clean.jsonl")
        try Data(#"{"id": 1, "text": "Dmitry Kuleba spoke."}"#.utf8 + [0x0A]).write(to: changing)
        try Data(#"{"id": 1, "text": "All calm."}"#.utf8 + [0x0A]).write(to: clean)
        for url in [changing, clean] { try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path) }
        let cleanInode = try FileManager.default.attributesOfItem(atPath: clean.path)[.systemFileNumber] as? Int
        for name in ["changing.jsonl", "clean.jsonl"] {
            #expect(try CLI.run(["normalize", "--isolated", "--input-format", "jsonl", "--in-place", name], in: directory).status == 0)
        }
        #expect(try FileManager.default.attributesOfItem(atPath: changing.path)[.posixPermissions] as? Int == 0o600)
        #expect(try String(contentsOf: changing, encoding: .utf8).contains("Dmytro Kuleba"))
        #expect(try FileManager.default.attributesOfItem(atPath: clean.path)[.systemFileNumber] as? Int == cleanInode, "not rewritten")
    }

    @Test func fieldNamesThatARecordReadsItselfAreRefused() throws {
        let result = try CLI.run(["normalize", "--input-format", "jsonl", "--text-field", "date"], stdin: Data())
        #expect(result.status == 2 && result.stderr.contains("cannot name “date”"))
    }
}

@Suite struct RecordReportCommandTests {
    @Test func eachRecordIsADocumentNamedByItsId() throws {
        let archive = """
            {"id": "first", "text": "Dmitry Kuleba arrived in Kharkov. About it reports the press service."}
            {"id": 7, "text": 7}
            {"id": "second", "text": "Officials in Kyiv said the talks would resume next week."}

            """
        let result = try CLI.run(["report", "--isolated", "--input-format", "jsonl", "--format", "json", "--jobs", "2"], stdin: Data(archive.utf8))
        #expect(result.status == 2)
        let documents = result.json["documents"] as? [[String: Any]] ?? []
        #expect(documents.map { $0["path"] as? String } == ["first", "second"])
        #expect((documents.first?["findings"] as? Int ?? 0) >= 2)
        let errors = result.json["errors"] as? [[String: Any]] ?? []
        #expect(errors.map { $0["message"] as? String } == ["line 2: the “text” member must be a string"])
        #expect(result.stderr.contains("-: line 2: the “text” member must be a string; not checked"))
    }
}
