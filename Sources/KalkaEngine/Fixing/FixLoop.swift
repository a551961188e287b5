import ICUKit
import KalkaModel
import KalkaText

extension FileReport {
    /// For a fixed file whose fixes could not be written: the findings of the file as it is on
    /// disk (none of the fixes took effect), and the failure, which every output format reports
    /// as an error and the summary counts.
    public func fixesNotWritten(because reason: String) -> (findings: FileReport, failure: FileReport) {
        let unchanged = fix.map { FileReport(path: path, diagnostics: $0.originalDiagnostics, source: $0.originalSource, hiddenByBaseline: hiddenByBaseline) } ?? self
        return (unchanged, FileReport(path: path, error: "fixes not written (\(reason)); the file is left unchanged"))
    }
}

extension Linter {
    /// Applies fixes up to `threshold` and lints again, until nothing more applies (fixes that
    /// overlap wait for the next pass) or `maximumPasses` is reached. Only the bytes the fixes
    /// report change; the rest of the file stays byte-identical.
    public func fix(_ source: SourceFile, format: InputFormat, analyzer: Analyzer, upTo threshold: FixApplicability,
                    maximumPasses: Int = 10) throws(ICUError) -> FixOutcome {
        var current = source
        var diagnostics = try lint(current, format: format, analyzer: analyzer)
        let originalDiagnostics = diagnostics
        var applied = 0
        var passes: [[Diagnostic]] = []
        for _ in 0..<maximumPasses {
            let (text, chosen) = Fixer.applyChoosing(diagnostics, to: current.text, upTo: threshold)
            if chosen.isEmpty { break }
            applied += chosen.count
            passes.append(chosen)
            // Re-encoding the edited text gives back the untouched bytes exactly (a valid
            // UTF-8 or UTF-16 file round-trips), so a re-read cannot fail.
            current = try! SourceFile(path: source.path, bytes: source.encode(text: text))
            diagnostics = try lint(current, format: format, analyzer: analyzer)
        }
        return FixOutcome(bytes: current.bytes, applied: applied, remaining: diagnostics, source: current, passes: passes,
                          originalSource: source, originalDiagnostics: originalDiagnostics)
    }
}
