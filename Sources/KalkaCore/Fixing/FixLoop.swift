import ICUKit

/// What fixing one file came to.
public struct FixOutcome: Sendable {
    /// The fixed file, in the file's own encoding (BOM and line endings kept).
    public let bytes: [UInt8]
    /// How many fixes were applied, over all passes.
    public let applied: Int
    /// The findings left in the fixed text, located in it.
    public let remaining: [Diagnostic]
    /// The fixed text as a source, for reporters that quote lines.
    public let source: SourceFile
    /// The diagnostics whose fixes were applied, pass by pass; each pass's positions are in the
    /// text that pass read (the original for the first).
    public let passes: [[Diagnostic]]
    /// The file as read and its findings before any fix: what stays reported when the fixed
    /// file cannot be written.
    public let originalSource: SourceFile
    public let originalDiagnostics: [Diagnostic]

    public var changed: Bool { applied > 0 }
}

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
