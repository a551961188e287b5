import Foundation
import Testing
import KalkaCore

/// Runs the real `kalka` binary, as users and CI do.
enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `kalka` built next to this test bundle.
    static let executable: URL = {
        let testBinary = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("kalka")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/kalka")
    }()

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any] ?? [:] }
    }

    static func run(_ arguments: [String], stdin: Data? = nil, in directory: URL? = nil, executable: URL = executable,
                    environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.currentDirectoryURL = directory ?? root
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kalka-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

@Suite struct CommandTests {
    @Test func version() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == KalkaVersion.current)
    }

    @Test func rulesListsEveryRule() throws {
        let result = try CLI.run(["rules"])
        #expect(result.status == 0)
        for rule in BuiltInRules.descriptions {
            #expect(result.stdout.contains(rule.code) && result.stdout.contains(rule.name))
        }
    }

    @Test func ruleExplainsWithExamples() throws {
        let result = try CLI.run(["rule", "coordinated-duplicate"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("DUP002"))
        #expect(result.stdout.contains("⟦legal and legal⟧"))
        #expect(result.stdout.contains("Fix safety"))
        let unknown = try CLI.run(["rule", "XYZ999"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no rule 'XYZ999'"))
    }

    @Test func usageErrorsExitWith2() throws {
        let badOption = try CLI.run(["check", "--no-such-option"])
        #expect(badOption.status == 2)
        let badSelector = try CLI.run(["check", "--select", "NOPE", "README.md"])
        #expect(badSelector.status == 2)
        #expect(badSelector.stderr.contains("unknown rule selector 'NOPE'"))
        let badFormat = try CLI.run(["check", "--format", "yaml", "README.md"])
        #expect(badFormat.status == 2)
    }

    @Test func readmeRuleTableMatchesTheRegistry() throws {
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(RuleCatalog.markdownTable()), "regenerate with: scripts/update-rule-table.sh")
        let generated = try CLI.run(["rules", "--markdown"])
        #expect(generated.stdout == RuleCatalog.markdownTable())
    }
}

@Suite struct CheckCommandTests {
    private func write(_ files: [String: [UInt8]], in directory: URL) throws {
        for (name, bytes) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
    }

    @Test func textOutputNamesPositionUnderlinesAndExits1() throws {
        let directory = try CLI.temporaryDirectory()
        try write(["a.txt": Array("Kyiv is the the capital.\n".utf8)], in: directory)
        let result = try CLI.run(["check", "a.txt"], in: directory)
        #expect(result.status == 1)
        #expect(result.stdout.contains("a.txt:1:9: DUP001 [warning] “the” is repeated"))
        #expect(result.stdout.contains(" 1 | Kyiv is the the capital.\n   |         ^^^^^^^\n"))
        #expect(result.stdout.contains("= fix (safe): Delete the repeated “the”"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour when not on a terminal")
        let colored = try CLI.run(["check", "--color", "always", "a.txt"], in: directory)
        #expect(colored.stdout.contains("\u{1B}["))
    }

    @Test func failOnThreshold() throws {
        let directory = try CLI.temporaryDirectory()
        try write(["a.txt": Array("Kyiv is the the capital.\n".utf8)], in: directory)
        #expect(try CLI.run(["check", "--fail-on", "error", "a.txt"], in: directory).status == 0)
        #expect(try CLI.run(["check", "--fail-on", "never", "a.txt"], in: directory).status == 0)
        #expect(try CLI.run(["check", "--fail-on", "info", "a.txt"], in: directory).status == 1)
        try write(["b.txt": Array("Talks in Ky\u{0456}v.\n".utf8)], in: directory)
        #expect(try CLI.run(["check", "--fail-on", "error", "b.txt"], in: directory).status == 1)
    }

    /// Bad inputs are reported by name and position, the good ones are still checked, exit 2.
    @Test func badInputsDoNotStopTheRun() throws {
        let directory = try CLI.temporaryDirectory()
        try write([
            "bad.txt": Array("Fine text\n".utf8) + [0xFF] + Array(" more\n".utf8),
            "binary.txt": [0x47, 0x49, 0x46, 0x00, 0x01],
            "good.txt": Array("Moscow needs legal and legal guarantees.\n".utf8),
        ], in: directory)
        let unreadable = directory.appendingPathComponent("locked.txt")
        try Data("text".utf8).write(to: unreadable)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: unreadable.path)
        let isRoot = getuid() == 0
        let result = try CLI.run(["check", "--format", "json", "bad.txt", "binary.txt", "missing.txt", "locked.txt", "good.txt"], in: directory)
        #expect(result.status == 2)
        let errors = result.json["errors"] as? [[String: String]] ?? []
        #expect(errors.contains { $0["path"] == "bad.txt" && $0["message"] == "invalid UTF-8 at byte 10" })
        #expect(errors.contains { $0["path"] == "binary.txt" && $0["message"]!.contains("binary") })
        #expect(errors.contains { $0["path"] == "missing.txt" && $0["message"] == "no such file or directory" })
        if !isRoot { #expect(errors.contains { $0["path"] == "locked.txt" && $0["message"]!.contains("permission denied") }) }
        let files = result.json["files"] as? [[String: Any]] ?? []
        #expect(files.contains { $0["path"] as? String == "good.txt" && ($0["diagnostics"] as? [Any])?.count == 1 })
        #expect(result.stderr.contains("kalka: error: bad.txt: invalid UTF-8 at byte 10"))
        #expect(result.stderr.contains("kalka: error: missing.txt: no such file or directory"))
    }

    @Test func unreadableDirectoryIsAnError() throws {
        guard getuid() != 0 else { return } // root reads everything; covered by the missing-file case
        let directory = try CLI.temporaryDirectory()
        let locked = directory.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
        let result = try CLI.run(["check", "locked"], in: directory)
        #expect(result.status == 2)
    }

    @Test func jsonFollowsTheContract() throws {
        let directory = try CLI.temporaryDirectory()
        try write([
            "docs/b.md": Array("Talks in Ky\u{0456}v.\n".utf8),
            "docs/a.txt": Array("Moscow needs legal and legal guarantees.\n".utf8),
            "docs/skip.rst": Array("the the\n".utf8),
            "docs/.hidden/x.txt": Array("the the\n".utf8),
            "clean.txt": Array("Kyiv is the capital.\n".utf8),
        ], in: directory)
        let result = try CLI.run(["check", "--format", "json", "clean.txt", "docs"], in: directory)
        #expect(result.status == 1)
        let json = result.json
        #expect(json["version"] as? Int == 1)
        #expect((json["tool"] as? [String: String])?["name"] == "kalka")
        let files = json["files"] as? [[String: Any]] ?? []
        #expect(files.map { $0["path"] as? String } == ["clean.txt", "docs/a.txt", "docs/b.md"])
        let diagnostic = (files[1]["diagnostics"] as? [[String: Any]])?.first ?? [:]
        #expect(diagnostic["rule"] as? String == "DUP002")
        #expect(diagnostic["name"] as? String == "coordinated-duplicate")
        #expect(diagnostic["category"] as? String == "duplicated-word")
        #expect(diagnostic["severity"] as? String == "warning")
        #expect(diagnostic["message"] as? String == "“legal” is repeated across “and”")
        #expect(diagnostic["start"] as? [String: Int] == ["line": 1, "column": 14, "offset": 13])
        #expect(diagnostic["end"] as? [String: Int] == ["line": 1, "column": 29, "offset": 28])
        let fix = diagnostic["fix"] as? [String: Any] ?? [:]
        #expect(fix["applicability"] as? String == "unsafe")
        #expect(fix["title"] as? String == "Keep one “legal”")
        let edits = fix["edits"] as? [[String: Any]] ?? []
        #expect(edits.first?["replacement"] as? String == "")
        #expect(edits.first?["start"] as? [String: Int] == ["line": 1, "column": 19, "offset": 18])
        let mixed = (files[2]["diagnostics"] as? [[String: Any]])?.first ?? [:]
        #expect(mixed["rule"] as? String == "MIX001")
        #expect(mixed["end"] as? [String: Int] == ["line": 1, "column": 14, "offset": 14])
        #expect((files[0]["diagnostics"] as? [Any])?.isEmpty == true)
        #expect(json["errors"] as? [Any] != nil)
        let summary = json["summary"] as? [String: Any] ?? [:]
        #expect(summary["files"] as? Int == 3)
        #expect(summary["diagnostics"] as? Int == 2)
        #expect(summary["byCategory"] as? [String: Int] == ["duplicated-word": 1, "mixed-script": 1])
        #expect(summary["bySeverity"] as? [String: Int] == ["warning": 1, "error": 1])
    }

    @Test func excludeGlobs() throws {
        let directory = try CLI.temporaryDirectory()
        try write(["articles/a.txt": Array("the the\n".utf8), "articles/drafts/b.txt": Array("the the\n".utf8)], in: directory)
        let result = try CLI.run(["check", "--format", "json", "--exclude", "articles/drafts", "articles"], in: directory)
        let files = result.json["files"] as? [[String: Any]] ?? []
        #expect(files.map { $0["path"] as? String } == ["articles/a.txt"])
    }

    @Test func standardInputWithAFilename() throws {
        let input = Data("Read `the the` here, but the the there.\n".utf8)
        let result = try CLI.run(["check", "--format", "json", "--stdin-filename", "article.md", "-"], stdin: input)
        let files = result.json["files"] as? [[String: Any]] ?? []
        #expect(files.first?["path"] as? String == "article.md")
        let diagnostics = files.first?["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.count == 1)
        #expect((diagnostics.first?["start"] as? [String: Int])?["offset"] == 25)
        let plain = try CLI.run(["check", "--format", "json", "--input-format", "plain", "-"], stdin: input)
        #expect(((plain.json["files"] as? [[String: Any]])?.first?["diagnostics"] as? [Any])?.count == 2)
    }

    /// Many files on several workers come back in the same order, with the same findings.
    @Test func parallelOutputIsDeterministic() throws {
        let directory = try CLI.temporaryDirectory()
        var files: [String: [UInt8]] = [:]
        for index in 0..<60 {
            files[String(format: "f%03d.txt", index)] = Array(String(repeating: "Kyiv is the the capital. ", count: index % 7 + 1).utf8)
        }
        try write(files, in: directory)
        let one = try CLI.run(["check", "--format", "json", "--jobs", "1", "."], in: directory)
        let four = try CLI.run(["check", "--format", "json", "--jobs", "4", "."], in: directory)
        #expect(one.stdout == four.stdout)
        #expect((one.json["files"] as? [Any])?.count == 60)
    }
}

@Suite struct FixCommandTests {
    private func file(_ contents: [UInt8]) throws -> (URL, String) {
        let directory = try CLI.temporaryDirectory()
        try Data(contents).write(to: directory.appendingPathComponent("a.md"))
        return (directory, "a.md")
    }

    @Test func fixWritesSafeFixesAndReportsTheRest() throws {
        let original = Array("Kyiv is the the capital. It needs legal and legal guarantees. `the the`\n".utf8)
        let (directory, name) = try file(original)
        let result = try CLI.run(["check", "--fix", name], in: directory)
        #expect(result.status == 1, "the unsafe finding remains")
        let fixed = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        #expect(fixed == "Kyiv is the capital. It needs legal and legal guarantees. `the the`\n")
        #expect(result.stdout.contains("DUP002"))
        #expect(result.stderr.contains("Fixed 1 problem in 1 file."))
        let unsafe = try CLI.run(["check", "--fix", "--unsafe-fixes", name], in: directory)
        #expect(unsafe.status == 0)
        #expect(try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) == "Kyiv is the capital. It needs legal guarantees. `the the`\n")
        let again = try CLI.run(["check", "--fix", "--unsafe-fixes", name], in: directory)
        #expect(again.stderr.contains("Fixed 0 problems in 0 files."))
    }

    @Test func diffPrintsAndChangesNothing() throws {
        let original = Array("Line one.\nKyiv is the the capital.\n".utf8)
        let (directory, name) = try file(original)
        let result = try CLI.run(["check", "--diff", name], in: directory)
        #expect(result.status == 1)
        #expect(result.stdout == "--- a/a.md\n+++ b/a.md\n@@ -1,2 +1,2 @@\n Line one.\n-Kyiv is the the capital.\n+Kyiv is the capital.\n")
        #expect(try Data(contentsOf: directory.appendingPathComponent(name)) == Data(original))
        let clean = try CLI.run(["check", "--diff", "--select", "MIX"], in: directory)
        #expect(clean.status == 0 && clean.stdout.isEmpty)
    }

    @Test func fixFromStandardInputWritesTheFixedText() throws {
        let result = try CLI.run(["check", "--fix", "--stdin-filename", "story.html", "-"], stdin: Data("<p>Talks in Ky&#1110;v, the the end.</p>\n".utf8))
        #expect(result.stdout == "<p>Talks in Kyiv, the end.</p>\n")
        #expect(result.status == 0)
    }
}

@Suite struct TranslitCommandTests {
    @Test func listsTheStandardsWithTheirSources() throws {
        let result = try CLI.run(["translit", "--list"])
        #expect(result.status == 0)
        for name in ["uk-national", "uk-dstu-9112-a", "uk-dstu-9112-b", "uk-bgn-1965", "ru-bgn-pcgn", "ru-wikipedia", "ru-icao", "ru-ala-lc", "ru-gost-7.79-b"] {
            #expect(result.stdout.contains(name), "\(name)")
        }
        #expect(result.stdout.contains("uk-national (default for Ukrainian)"))
        #expect(result.stdout.contains("Resolution No. 55"))
    }

    @Test func capitalizationAndPassThrough() throws {
        let input = "ЩУКА, Щука і ЮРІЙ Щур — 2.5% of Kyiv’s budget.\r\nLatin only line.\n"
        let result = try CLI.run(["translit", "--lang", "uk"], stdin: Data(input.utf8))
        #expect(result.status == 0)
        #expect(result.stdout == "SHCHUKA, Shchuka i YURII Shchur — 2.5% of Kyiv’s budget.\r\nLatin only line.\n")
    }

    @Test func eachLanguageGetsItsDefaultStandard() throws {
        let input = """
            Мер Києва Віталій Кличко заявив, що місто готове до зими.
            Министр Сергей Лавров и пресс-секретарь Дмитрий Песков приехали в Минск.

            """
        let result = try CLI.run(["translit"], stdin: Data(input.utf8))
        #expect(result.stdout == "Mer Kyieva Vitalii Klychko zaiavyv, shcho misto hotove do zymy.\nMinistr Sergey Lavrov i press-sekretar Dmitry Peskov priyekhali v Minsk.\n")
        let file = try CLI.temporaryDirectory().appendingPathComponent("mixed.txt")
        try Data(input.utf8).write(to: file)
        let fromFile = try CLI.run(["translit", file.path])
        #expect(fromFile.stdout == result.stdout)
    }

    @Test func aStandardPicksItsLanguage() throws {
        let result = try CLI.run(["translit", "--standard", "ru-icao"], stdin: Data("Юрий Щукин\n".utf8))
        #expect(result.stdout == "Iurii Shchukin\n")
    }

    @Test func errorsAreClear() throws {
        let unknown = try CLI.run(["translit", "--standard", "klingon"], stdin: Data())
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown standard 'klingon'; the standards are: ru-ala-lc,"))
        let bytes = Array("Київ\n".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let invalid = try CLI.run(["translit", "--lang", "uk"], stdin: Data(bytes))
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("-: invalid UTF-8 at byte 9"))
        let missing = try CLI.run(["translit", "/no/such/file.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/no/such/file.txt: cannot open: no such file or directory"))
    }
}

@Suite struct ConfigurationCommandTests {
    @Test func theNearestConfigurationAppliesAndIsolatedIgnoresIt() throws {
        let directory = try CLI.temporaryDirectory()
        try Data("select: [NAM]\nhouse-style:\n  names:\n    Donbas: Donbass\n".utf8).write(to: directory.appendingPathComponent(".kalka.yml"))
        let articles = directory.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        try Data("Fighting in the Donbas went on; Kiev said the the talks failed.\n".utf8).write(to: articles.appendingPathComponent("a.txt"))
        let configured = try CLI.run(["check", "--format", "json", "a.txt"], in: articles)
        let messages = ((configured.json["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]])?.compactMap { $0["rule"] as? String }
        #expect(messages == ["NAM001"], "only NAM rules; Donbas is a correct spelling still")
        let isolated = try CLI.run(["check", "--isolated", "--format", "json", "a.txt"], in: articles)
        let all = ((isolated.json["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]])?.compactMap { $0["rule"] as? String }
        #expect(all == ["NAM001", "DUP001"])
    }

    @Test func aBadConfigurationIsAnErrorAtItsPosition() throws {
        let directory = try CLI.temporaryDirectory()
        try Data("select: [DUP]\nfail-on: later\n".utf8).write(to: directory.appendingPathComponent("k.yml"))
        try Data("text\n".utf8).write(to: directory.appendingPathComponent("a.txt"))
        let result = try CLI.run(["check", "--config", "k.yml", "a.txt"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("k.yml:2:10: fail-on must be one of error, warning, info, never"))
    }
}

@Suite struct PerFileConfigurationTests {
    private func project(_ files: [String: String]) throws -> URL {
        let directory = try CLI.temporaryDirectory()
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return directory
    }

    private func rulesByFile(_ result: CLI.Result) -> [String: [String]] {
        var rules: [String: [String]] = [:]
        for file in result.json["files"] as? [[String: Any]] ?? [] {
            rules[file["path"] as? String ?? "?"] = (file["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        }
        return rules
    }

    private let text = "In Kiev the the talks went on.\n"

    /// A subdirectory's file applies to its files only; files in sibling directories keep theirs.
    @Test func eachFileGetsItsNearestConfiguration() throws {
        let directory = try project([
            ".kalka.yml": "select: [DUP]\n", "a.txt": text,
            "uk/.kalka.yml": "select: [NAM]\n", "uk/b.txt": text, "uk/deep/c.txt": text,
            "ru/d.txt": text,
        ])
        let result = try CLI.run(["check", "--format", "json", "."], in: directory)
        #expect(rulesByFile(result) == ["./a.txt": ["DUP001"], "./uk/b.txt": ["NAM001"], "./uk/deep/c.txt": ["NAM001"], "./ru/d.txt": ["DUP001"]])
        let fromInside = try CLI.run(["check", "--format", "json", "../a.txt", "b.txt"], in: directory.appendingPathComponent("uk"))
        #expect(rulesByFile(fromInside) == ["../a.txt": ["DUP001"], "b.txt": ["NAM001"]], "discovery starts at each file, not at the working directory")
        let given = try CLI.run(["check", "--format", "json", "--config", "uk/.kalka.yml", "a.txt", "ru/d.txt"], in: directory)
        #expect(rulesByFile(given) == ["a.txt": ["NAM001"], "ru/d.txt": ["NAM001"]], "--config applies to every file")
        let isolated = try CLI.run(["check", "--format", "json", "--isolated", "uk/b.txt"], in: directory)
        #expect(rulesByFile(isolated) == ["uk/b.txt": ["NAM001", "DUP001"]])
        let stdin = try CLI.run(["check", "--format", "json", "--stdin-filename", "x.txt", "-"], stdin: Data(text.utf8), in: directory.appendingPathComponent("uk"))
        #expect(rulesByFile(stdin) == ["x.txt": ["NAM001"]], "standard input uses the working directory's configuration")
    }

    @Test func overridesApplyToMatchingPaths() throws {
        let directory = try project([
            ".kalka.yml": """
                select: [DUP]
                overrides:
                  - files: ["translations/uk/**"]
                    select: [NAM]
                  - files: ["**/drafts/*"]
                    ignore: [DUP001]
                """,
            "translations/uk/a.txt": text, "translations/ru/b.txt": text, "news/drafts/c.txt": text, "drafts/d.txt": text,
        ])
        let result = try CLI.run(["check", "--format", "json", "translations", "news", "drafts"], in: directory)
        #expect(rulesByFile(result) == ["translations/uk/a.txt": ["NAM001"], "translations/ru/b.txt": ["DUP001"], "news/drafts/c.txt": [], "drafts/d.txt": []])
    }

    @Test func severityOverridesChangeTheExitStatus() throws {
        let directory = try project([
            ".kalka.yml": "severity: {DUP001: info}\nselect: [DUP]\noverrides:\n  - files: [strict]\n    severity: {ALL: error}\n    fail-on: error\n",
            "a.txt": "the the\n", "strict/b.txt": "the the\n",
        ])
        let relaxed = try CLI.run(["check", "--format", "json", "a.txt"], in: directory)
        #expect(relaxed.status == 0, "an info finding is below the default fail-on")
        let diagnostics = (relaxed.json["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]]
        #expect(diagnostics?.first?["severity"] as? String == "info")
        #expect((relaxed.json["summary"] as? [String: Any])?["bySeverity"] as? [String: Int] == ["info": 1])
        let text = try CLI.run(["check", "a.txt"], in: directory)
        #expect(text.stdout.contains("a.txt:1:1: DUP001 [info]"))
        let strict = try CLI.run(["check", "strict/b.txt"], in: directory)
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("DUP001 [error]"))
        let both = try CLI.run(["check", "--fail-on", "warning", "a.txt"], in: directory)
        #expect(both.status == 0)
    }

    /// An override's fail-on holds for its files alone.
    @Test func failOnPerPath() throws {
        let directory = try project([
            ".kalka.yml": "overrides:\n  - files: [archive]\n    fail-on: never\n",
            "archive/a.txt": "the the\n", "b.txt": "Clean text.\n",
        ])
        let archive = try CLI.run(["check", "archive", "b.txt"], in: directory)
        #expect(archive.status == 0)
        #expect(archive.stdout.contains("DUP001"), "still reported")
        try Data("the the\n".utf8).write(to: directory.appendingPathComponent("b.txt"))
        #expect(try CLI.run(["check", "archive", "b.txt"], in: directory).status == 1)
        #expect(try CLI.run(["check", "--fail-on", "warning", "archive"], in: directory).status == 1, "the command line wins")
    }

    @Test func excludeFromTheConfigurationAndTheCommandLine() throws {
        let directory = try project([
            "site/.kalka.yml": "exclude: [drafts, \"**/*.draft.txt\"]\n",
            "site/a.txt": text, "site/drafts/b.txt": text, "site/news/c.draft.txt": text, "site/news/d.txt": text, "site/old/e.txt": text,
        ])
        let result = try CLI.run(["check", "--format", "json", "--exclude", "old", "site"], in: directory)
        #expect(rulesByFile(result).keys.sorted() == ["site/a.txt", "site/news/d.txt"], "globs relative to the configuration's directory, merged with --exclude")
    }

    @Test func configurationErrorsNameFileLineAndColumn() throws {
        let directory = try project([
            ".kalka.yml": "select: [DUP]\n", "a.txt": text,
            "sub/.kalka.yml": "overrides:\n  - files: [x]\n    severity: {DUP001: fatal}\n", "sub/b.txt": text,
        ])
        let result = try CLI.run(["check", "."], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("sub/.kalka.yml:3:24: the severity for 'DUP001' must be one of error, warning, info"), "\(result.stderr)")
        #expect(result.stdout.isEmpty, "nothing is checked under a broken configuration")
        let unknownRule = try project([".kalka.yml": "ignore:\n  - DUP001\n  - XYZ\n", "a.txt": text])
        let unknown = try CLI.run(["check", "a.txt"], in: unknownRule)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains(".kalka.yml:3:5: unknown rule 'XYZ'"))
    }

    @Test func configShowPrintsTheEffectiveSettings() throws {
        let directory = try project([
            ".kalka.yml": "select: [DUP, NAM]\nseverity: {DUP: error}\nexclude: [drafts]\nhouse-style:\n  names:\n    Chornobyl: Chernobyl\noverrides:\n  - files: [\"uk/**\"]\n    ignore: [NAM002]\n",
            "uk/a.txt": text,
        ])
        let shown = try CLI.run(["config", "show", "uk/a.txt"], in: directory)
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("path: uk/a.txt\n"))
        #expect(shown.stdout.contains("/.kalka.yml\n"))
        #expect(shown.stdout.contains("overrides-applied:\n  - files: [uk/**]   # line 8\n"))
        #expect(shown.stdout.contains("select: [DUP, NAM]\nignore: [NAM002]\nfail-on: warning\nseverity:\n  DUP: error\n"))
        #expect(shown.stdout.contains("    Chornobyl: Chernobyl\n"))
        #expect(shown.stdout.contains("exclude: [drafts]\n"))
        #expect(shown.stdout.contains("  DUP001: error   # repeated-word, by default warning\n"))
        #expect(!shown.stdout.contains("NAM002:"))
        let json = try CLI.run(["config", "show", "--format", "json", "."], in: directory)
        let object = (try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) as? [String: Any] ?? [:]
        #expect((object["overrides"] as? [Any])?.isEmpty == true, "the directory itself is outside uk/**")
        #expect(object["select"] as? [String] == ["DUP", "NAM"])
        #expect((object["rules"] as? [[String: Any]])?.contains { $0["code"] as? String == "NAM002" } == true)
        let isolated = try CLI.run(["config", "show", "--isolated", "uk/a.txt"], in: directory)
        #expect(isolated.stdout.contains("configuration: none (built-in defaults)\n"))
        #expect(isolated.stdout.contains("rules:   # \(BuiltInRules.all.count) of \(BuiltInRules.all.count)\n"))
    }
}

@Suite struct ProgressCommandTests {
    private func manyFiles() throws -> URL {
        let directory = try CLI.temporaryDirectory()
        for index in 0..<30 {
            try Data("Kyiv is the the capital.\n".utf8).write(to: directory.appendingPathComponent("f\(index).txt"))
        }
        return directory
    }

    @Test func noProgressWhenStderrIsNotATerminal() throws {
        let result = try CLI.run(["check", "."], in: try manyFiles())
        #expect(!result.stderr.contains("Checking"))
    }

    /// Under a pseudo-terminal the bar shows on stderr, erases itself, and the JSON written to
    /// a file holds none of it.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func progressOnATerminalStaysOutOfTheOutput() throws {
        let directory = try manyFiles()
        let command = "'\(CLI.executable.path)' check --format json . > out.json"
        let result = try CLI.run(["-qec", command, "/dev/null"], in: directory, executable: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(result.stdout.contains("Checking ["))
        #expect(result.stdout.contains("30/30 files"))
        #expect(result.stdout.hasSuffix(ProgressMeter.eraseLine), "the line is erased at the end")
        let json = try Data(contentsOf: directory.appendingPathComponent("out.json"))
        #expect(!json.contains(0x1B))
        #expect(((try JSONSerialization.jsonObject(with: json)) as? [String: Any])?["files"] as? [Any] != nil)
        let quiet = try CLI.run(["-qec", command.replacingOccurrences(of: " check ", with: " check --no-progress "), "/dev/null"],
                                in: directory, executable: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(!quiet.stdout.contains("Checking"))
    }
}
