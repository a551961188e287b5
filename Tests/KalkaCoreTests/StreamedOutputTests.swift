import Testing
import KalkaCore

/// Reporters write a file's findings as they go, in pieces: a file with a great many findings is
/// never held as one output string.
@Suite struct StreamedOutputTests {
    static let manyFindings: FileReport = {
        let text = Array(repeating: "Officials in Kiev said 2,5 mln people left.", count: 1_500).joined(separator: "\n\n")
        let source = try! SourceFile(path: "many.txt", bytes: Array(text.utf8))
        let diagnostics = try! Lint.allRules.lint(source, format: .plain, analyzer: Analyzer())
        return FileReport(path: "many.txt", diagnostics: diagnostics, source: source)
    }()

    @Test(arguments: ReportFormat.allCases)
    func aLargeFileIsWrittenInPieces(format: ReportFormat) {
        var reporter = format.makeReporter(.init(color: false, quiet: false))
        var largest = 0, total = 0
        let write = { (text: String) in
            largest = max(largest, text.utf8.count)
            total += text.utf8.count
        }
        reporter.begin(write: write)
        reporter.report(Self.manyFindings, write: write)
        reporter.finish(RunSummary(), write: write)
        #expect(Self.manyFindings.diagnostics.count >= 4_500)
        #expect(total > 4 * Reporting.pieceSize)
        // A piece is at most the piece size and one finding's text beyond it.
        #expect(largest < Reporting.pieceSize + 4_096)
    }
}
