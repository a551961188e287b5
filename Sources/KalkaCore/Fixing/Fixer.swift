/// Applies fixes to text: non-overlapping, in offset order, whole fixes only (a fix whose edits
/// would overlap an already chosen one waits for the next pass).
public enum Fixer {
    /// The fixes applied to `text`, and how many were applied.
    public static func apply(_ fixes: [(edits: [(range: Range<Int>, replacement: String)], applicability: FixApplicability)],
                             to text: [UInt8], upTo threshold: FixApplicability) -> (text: [UInt8], applied: Int) {
        var chosen: [(range: Range<Int>, replacement: String)] = []
        var applied = 0
        for fix in fixes where fix.applicability <= threshold && fix.applicability != .displayOnly {
            let overlaps = fix.edits.contains { edit in
                chosen.contains { $0.range.overlaps(edit.range) || ($0.range.isEmpty && edit.range.contains($0.range.lowerBound)) || (edit.range.isEmpty && $0.range.contains(edit.range.lowerBound)) }
            }
            if overlaps { continue }
            chosen.append(contentsOf: fix.edits)
            applied += 1
        }
        chosen.sort { $0.range.lowerBound < $1.range.lowerBound }
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var cursor = 0
        for edit in chosen {
            output.append(contentsOf: text[cursor..<edit.range.lowerBound])
            output.append(contentsOf: edit.replacement.utf8)
            cursor = edit.range.upperBound
        }
        output.append(contentsOf: text[cursor...])
        return (output, applied)
    }

    public static func apply(_ diagnostics: [Diagnostic], to text: [UInt8], upTo threshold: FixApplicability) -> (text: [UInt8], applied: Int) {
        apply(diagnostics.compactMap { diagnostic in
            diagnostic.fix.map { (edits: $0.edits.map { ($0.textRange, $0.replacement) }, applicability: $0.applicability) }
        }, to: text, upTo: threshold)
    }
}
