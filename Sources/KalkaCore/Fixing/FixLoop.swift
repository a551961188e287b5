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

    public var changed: Bool { applied > 0 }
}

extension Linter {
    /// Applies fixes up to `threshold` and lints again, until nothing more applies (fixes that
    /// overlap wait for the next pass) or `maximumPasses` is reached. Only the bytes the fixes
    /// report change; the rest of the file stays byte-identical.
    public func fix(_ source: SourceFile, format: InputFormat, analyzer: Analyzer, upTo threshold: FixApplicability,
                    maximumPasses: Int = 10) throws(ICUError) -> FixOutcome {
        var current = source
        var diagnostics = try lint(current, format: format, analyzer: analyzer)
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
        return FixOutcome(bytes: current.bytes, applied: applied, remaining: diagnostics, source: current, passes: passes)
    }
}
