import Testing
import KalkaCore

/// The run's counts (the JSON summary, `--statistics`, the exit code) match a plain recount of
/// the findings, however many files and rules they come from.
@Suite struct RunSummaryTests {
    static func report(_ path: String, _ text: String) throws -> FileReport {
        let source = try SourceFile(path: path, bytes: Array(text.utf8))
        return FileReport(path: path, diagnostics: try Lint.allRules.lint(source, format: .plain, analyzer: Analyzer()), source: source)
    }

    @Test func countsMatchARecountOfTheFindings() throws {
        let reports = [
            try Self.report("a.txt", "Officials in Kiev said 2,5 mln people left. Dmitry Kuleba met Anthony Blinken in Kharkov."),
            try Self.report("b.txt", "The legal and legal guarantees were «discussed» by 65 thousand people in Donbass."),
            try Self.report("c.txt", "Kyiv is quiet today."),
            FileReport(path: "d.txt", error: "d.txt: cannot read"),
        ]
        var summary = RunSummary()
        for report in reports { summary.add(report) }
        let diagnostics = reports.flatMap(\.diagnostics)
        #expect(diagnostics.count > 8)
        #expect(summary.files == 3 && summary.errors == 1 && summary.diagnostics == diagnostics.count)
        #expect(summary.byCategory == Dictionary(diagnostics.map { ($0.category.rawValue, 1) }, uniquingKeysWith: +))
        #expect(summary.bySeverity == Dictionary(diagnostics.map { ($0.severity.rawValue, 1) }, uniquingKeysWith: +))
        #expect(summary.fixable == Dictionary(diagnostics.compactMap { $0.fix.map { ($0.applicability, 1) } }, uniquingKeysWith: +))
        let byRule = Dictionary(diagnostics.map { ($0.rule.code, 1) }, uniquingKeysWith: +)
        #expect(summary.byRule.mapValues(\.count) == byRule)
        for (code, tally) in summary.byRule {
            #expect(tally.rule.code == code)
            #expect(tally.fixable == diagnostics.filter { $0.rule.code == code && $0.fix != nil && $0.fix!.applicability != .displayOnly }.count)
        }
        #expect(summary.highestSeverity == diagnostics.map(\.severity).max())
    }
}
