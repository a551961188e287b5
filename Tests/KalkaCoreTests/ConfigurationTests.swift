import Foundation
import Testing
import KalkaCore

@Suite struct PathGlobTests {
    @Test(arguments: [
        ("translations/uk/**", "translations/uk/a.md", true),
        ("translations/uk/**", "translations/uk/2024/b.md", true),
        ("translations/uk/**", "translations/ru/a.md", false),
        ("**/drafts/*", "drafts/a.md", true),
        ("**/drafts/*", "news/2024/drafts/a.md", true),
        ("**/drafts/*", "news/drafted/a.md", false),
        ("a/**/b.md", "a/b.md", true),
        ("a/**/b.md", "a/x/y/b.md", true),
        ("**/*.md", "a.md", true),
        ("**/*.md", "a.txt", false),
        ("*.md", "deep/in/a.md", true),
        ("news/?.txt", "news/a.txt", true),
        ("news/[ab].txt", "news/c.txt", false),
    ])
    func matchesWholePaths(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(PathGlob.matches(pattern, path) == expected)
    }

    /// A glob also covers everything under a directory it matches, and any one name.
    @Test func matchesDirectoriesAboveAndNames() {
        #expect(PathGlob.matchesAny(["drafts"], "news/drafts/a.md"))
        #expect(PathGlob.matchesAny(["news/drafts"], "news/drafts/2024/a.md"))
        #expect(PathGlob.matchesAny(["*.draft.md"], "news/a.draft.md"))
        #expect(!PathGlob.matchesAny(["drafts"], "news/drafts-old/a.md"))
        #expect(!PathGlob.matchesAny(["news/drafts"], "old/news/drafts/a.md"))
        #expect(!PathGlob.matchesAny([], "a.md"))
    }

    @Test func excludeOptionTakesDoubleStars() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kalka-glob-\(UUID().uuidString)")
        for path in ["drafts/a.txt", "news/drafts/b.txt", "news/c.txt"] {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("text".utf8).write(to: url)
        }
        let items = InputCollector(exclude: ["**/drafts/*"]).collect([directory.path])
        #expect(items.map { $0.path.replacingOccurrences(of: directory.path + "/", with: "") } == ["news/c.txt"])
    }
}

@Suite struct ConfigurationTests {
    private func configuration() -> Configuration {
        var base = Configuration(path: "/project/.kalka.yml")
        base.select = ["DUP", "NAM"]
        base.ignore = ["NAM004"]
        base.severity = [.init("DUP001", .error)]
        base.nameStyle = ["Chornobyl": "Chernobyl"]
        var uk = Configuration()
        uk.select = ["NAM"]
        uk.ignore = ["NAM002"]
        uk.failOn = .some(nil)
        var drafts = Configuration()
        drafts.severity = [.init("ALL", .info)]
        drafts.nameStyle = ["Chornobyl": "Chornobyl"]
        base.overrides = [
            .init(files: ["translations/uk/**"], settings: uk, line: 5),
            .init(files: ["**/drafts/*"], settings: drafts, line: 9),
        ]
        return base
    }

    @Test func overridesApplyInOrderToMatchingPaths() {
        let (settings, applied) = configuration().resolved(forRelativePath: "translations/uk/drafts/a.md")
        #expect(applied.map(\.line) == [5, 9])
        #expect(settings.select == ["NAM"], "an override's select replaces the selection")
        #expect(settings.ignore == ["NAM004", "NAM002"], "ignores add up")
        #expect(settings.failOn == .some(nil))
        #expect(settings.severity == [.init("DUP001", .error), .init("ALL", .info)])
        #expect(settings.nameStyle == ["Chornobyl": "Chornobyl"], "the later house style wins")
        #expect(settings.overrides.isEmpty)
    }

    @Test func pathsOutsideTheOverridesKeepTheBaseSettings() {
        let (settings, applied) = configuration().resolved(forRelativePath: "translations/ru/a.md")
        #expect(applied.isEmpty)
        #expect(settings.select == ["DUP", "NAM"])
        #expect(settings.failOn == nil)
        let (stdin, none) = configuration().resolved(forRelativePath: nil)
        #expect(none.isEmpty && stdin.select == ["DUP", "NAM"])
    }

    /// The override's severities come later, so they beat the base's narrower ones.
    @Test func severityOverridesReachTheDiagnostics() throws {
        let base = configuration().resolved(forRelativePath: "a.txt").settings
        let text = "Kyiv is the the capital; the Ukraine agreed."
        let diagnostics = try Lint.diagnostics(text, linter: try Linter.configured(base))
        #expect(diagnostics.map { "\($0.rule.code) \($0.severity.rawValue)" } == ["DUP001 error"], "NAM004 is ignored")
        let drafts = configuration().resolved(forRelativePath: "drafts/a.txt").settings
        let relaxed = try Lint.diagnostics(text, linter: try Linter.configured(drafts))
        #expect(relaxed.map { "\($0.rule.code) \($0.severity.rawValue)" } == ["DUP001 info"])
    }

    @Test func selectorSpecificity() {
        #expect(RuleSelector("ALL").specificity < RuleSelector("duplicated-word").specificity)
        #expect(RuleSelector("duplicated-word").specificity < RuleSelector("DUP").specificity)
        #expect(RuleSelector("DUP").specificity < RuleSelector("DUP001").specificity)
        #expect(RuleSelector("repeated-word").specificity == RuleSelector("DUP001").specificity)
    }

    @Test func linterCacheBuildsEachConfigurationOnce() throws {
        let cache = LinterCache()
        let base = configuration()
        let first = try cache.linter(for: base.resolved(forRelativePath: "a.md").settings)
        let second = try cache.linter(for: base.resolved(forRelativePath: "b/c.md").settings)
        #expect(first === second)
        var elsewhere = base.resolved(forRelativePath: "a.md").settings
        elsewhere.path = "/other/.kalka.yml"
        elsewhere.exclude = ["x"]
        elsewhere.failOn = .some(.error)
        #expect(try cache.linter(for: elsewhere) === first, "path, exclude and fail-on do not change the linter")
        let drafts = try cache.linter(for: base.resolved(forRelativePath: "drafts/a.md").settings)
        #expect(drafts !== first)
        #expect(cache.count == 2)
    }
}

@Suite struct LintRunnerTests {
    /// Each input is checked by its own linter, and reports still come back in input order.
    @Test func perItemLintersKeepOrder() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kalka-runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let duplicates = try Linter.builtIn(select: ["DUP"])
        let names = try Linter.builtIn(select: ["NAM"])
        var work: [LintRunner.Job] = []
        for index in 0..<40 {
            let path = directory.appendingPathComponent("f\(index).txt").path
            try Data("In Kiev the the talks went on.\n".utf8).write(to: URL(fileURLWithPath: path))
            work.append(LintRunner.Job(item: .file(path: path, format: .plain), linter: index % 3 == 0 ? names : duplicates))
        }
        var codes: [String] = []
        var paths: [String] = []
        let progress = ProgressCounter()
        try LintRunner(jobs: 3).run(work, progress: { progress.record($0) }) { report in
            paths.append(report.path)
            codes.append(report.diagnostics.map(\.rule.code).joined(separator: ","))
        }
        #expect(paths == work.map(\.item.path))
        #expect(codes == (0..<40).map { $0 % 3 == 0 ? "NAM001" : "DUP001" })
        #expect(progress.highest == 40)
    }

    /// Many more inputs than results held at once: reports still come in input order, equal to
    /// one job's, and the workers never run more than their window ahead of the delivery.
    @Test func manyInputsStayInOrderWithinTheWindow() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kalka-runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let linter = try Linter.builtIn(select: ["DUP", "NAM"])
        var work: [LintRunner.Job] = []
        for index in 0..<150 {
            let path = directory.appendingPathComponent("f\(index).txt").path
            // Inputs of different lengths finish out of order.
            let text = String(repeating: "In Kiev the the talks went on. ", count: 1 + (index * 7) % 23)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            work.append(LintRunner.Job(item: .file(path: path, format: .plain), linter: linter))
        }
        func run(jobs: Int) throws -> (reports: [String], mostAhead: Int) {
            let checked = ProgressCounter()
            var reports: [String] = []
            var mostAhead = 0
            try LintRunner(jobs: jobs).run(work, needsAnalysis: false, transform: { index, report, _ in
                checked.record(index + 1)
                return (index, report.path + ":" + report.diagnostics.map { "\($0.rule.code)@\($0.textRange.lowerBound)" }.joined(separator: ","))
            }) { (output: (index: Int, text: String)) in
                #expect(output.index == reports.count)
                mostAhead = max(mostAhead, checked.highest - reports.count)
                reports.append(output.text)
            }
            return (reports, mostAhead)
        }
        let one = try run(jobs: 1)
        let two = try run(jobs: 2)
        #expect(one.reports.count == 150)
        #expect(two.reports == one.reports)
        #expect(two.mostAhead <= 2 * 16, "at most the window of results is held")
    }
}

private final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func record(_ count: Int) { lock.withLock { value = max(value, count) } }
    var highest: Int { lock.withLock { value } }
}

@Suite struct ProgressMeterTests {
    @Test func theLineFitsTheWidthAndShowsTheCount() {
        let meter = ProgressMeter(total: 120)
        for width in [40, 80, 200] {
            let line = meter.line(completed: 45, width: width)
            #expect(line.count == width - 1)
            #expect(line.hasPrefix("Checking ["))
            #expect(line.hasSuffix("]  45/120 files"), "the count keeps its width as it grows")
        }
        let half = meter.line(completed: 60, width: 80)
        let bar = half.drop { $0 != "[" }.dropFirst().prefix { $0 != "]" }
        #expect(bar.filter { $0 == "#" }.count * 2 == bar.count)
        #expect(!meter.line(completed: 120, width: 80).contains("."), "done: the bar is full")
    }

    @Test func narrowTerminalsGetTheCountAlone() {
        #expect(ProgressMeter(total: 500).line(completed: 7, width: 30) == "Checking   7/500 files")
        #expect(ProgressMeter(total: 500).line(completed: 7, width: 12) == "Checking   ")
    }

    @Test func redrawsAtMostTenTimesASecond() {
        var meter = ProgressMeter(total: 100)
        let start = ContinuousClock.now
        let draws = [(1, 0), (2, 50), (3, 99), (4, 100), (4, 500), (100, 120)].map { completed, milliseconds in
            meter.shouldDraw(completed: completed, at: start + .milliseconds(milliseconds))
        }
        // 4 again draws nothing new; the last count always shows.
        #expect(draws == [true, false, false, true, false, true])
    }

    @Test func onlyLongRunsShowIt() {
        #expect(!ProgressMeter.isWorthShowing(forFiles: 20))
        #expect(ProgressMeter.isWorthShowing(forFiles: 21))
    }
}

@Suite struct DictionaryExtensionTests {
    static let header = "# columns: phrase\tsuggestion\tsource\tseverity\tnote\n# source: our desk\n# licence: internal\n"

    private func linter(_ extra: String) throws -> Linter {
        var configuration = Configuration()
        configuration.dictionaries = [.init(target: "phrases/calques.tsv", path: "/desk/calques.tsv", text: extra)]
        return try Linter.configured(configuration, select: ["CAL001"])
    }

    @Test func theHouseRowsAddToTheTable() throws {
        let text = "The minister holds a briefing on the talks."
        #expect(try Lint.diagnostics(text, linter: Linter.configured(Configuration(), select: ["CAL001"])).isEmpty)
        let linter = try linter(Self.header + "holds a briefing on\tbriefs reporters on\tпроводит брифинг по\twarning\tthe desk prefers the verb\n")
        let found = try Lint.diagnostics(text, linter: linter)
        #expect(found.map { String(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: $0.textRange.lowerBound)..<text.utf8.index(text.utf8.startIndex, offsetBy: $0.textRange.upperBound)])! } == ["holds a briefing on"])
    }

    @Test func aHouseRowReplacesTheBuiltInOne() throws {
        let builtIn = try Lint.store.file("phrases/calques.tsv")
        let first = builtIn.rows[0]
        let linter = try linter(Self.header + "\(first[0])\tour wording\t\(first[2])\tinfo\tthe house's note\n")
        let text = "The spokesman \(first[0]) of the meeting."
        let found = try Lint.diagnostics(text, linter: linter)
        #expect(found.count == 1)
        #expect(found.first?.severity == .info)
        #expect(found.first?.message.contains("our wording") == true)
        let merged = try Linter.dictionaryStore(for: { var c = Configuration(); c.dictionaries = [.init(target: "phrases/calques.tsv", path: "/desk/c.tsv", text: Self.header + "\(first[0])\tx\t\t\t\n")]; return c }()).file("phrases/calques.tsv")
        #expect(merged.rows.count == builtIn.rows.count)
    }

    @Test func columnsMustMatchAndErrorsNameTheHouseFile() throws {
        var configuration = Configuration()
        configuration.dictionaries = [.init(target: "phrases/calques.tsv", path: "/desk/calques.tsv", text: "# columns: phrase\tnote\n# source: desk\n# licence: internal\nsome phrase\tx\n")]
        #expect {
            try Linter.configured(configuration)
        } throws: { error in
            (error as? DictionaryError)?.path == "/desk/calques.tsv" && (error as? DictionaryError)?.line == 1
        }
        configuration.dictionaries = [.init(target: "phrases/calques.tsv", path: "/desk/calques.tsv", text: Self.header + "a phrase\tx\n a phrase\tx\n")]
        #expect {
            try Linter.configured(configuration)
        } throws: { error in
            (error as? DictionaryError)?.path == "/desk/calques.tsv" && (error as? DictionaryError)?.line == 5
        }
    }
}
