import KalkaModel

/// Applies fixes to text: non-overlapping, in offset order, whole fixes only (a fix whose edits
/// would overlap an already chosen one waits for the next pass).
public enum Fixer {
    /// The fixes applied to `text`, and how many were applied.
    public static func apply(_ fixes: [(edits: [(range: Range<Int>, replacement: String)], applicability: FixApplicability)],
                             to text: [UInt8], upTo threshold: FixApplicability) -> (text: [UInt8], applied: Int) {
        let (fixed, applied) = applyChoosing(fixes, to: text, upTo: threshold)
        return (fixed, applied.count)
    }

    /// The fixes applied to `text`, and the indices (into `fixes`) of those applied.
    public static func applyChoosing(_ fixes: [(edits: [(range: Range<Int>, replacement: String)], applicability: FixApplicability)],
                                     to text: [UInt8], upTo threshold: FixApplicability) -> (text: [UInt8], applied: [Int]) {
        var chosen: [(range: Range<Int>, replacement: String)] = []
        var applied: [Int] = []
        for (index, fix) in fixes.enumerated() where fix.applicability <= threshold && fix.applicability != .displayOnly {
            let overlaps = fix.edits.contains { edit in
                chosen.contains { $0.range.overlaps(edit.range) || ($0.range.isEmpty && edit.range.contains($0.range.lowerBound)) || (edit.range.isEmpty && $0.range.contains(edit.range.lowerBound)) }
            }
            if overlaps { continue }
            chosen.append(contentsOf: fix.edits)
            applied.append(index)
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
        let (fixed, applied) = applyChoosing(diagnostics, to: text, upTo: threshold)
        return (fixed, applied.count)
    }

    /// The diagnostics' fixes applied to `text`, and the diagnostics whose fixes were applied.
    public static func applyChoosing(_ diagnostics: [Diagnostic], to text: [UInt8], upTo threshold: FixApplicability) -> (text: [UInt8], applied: [Diagnostic]) {
        let fixable = diagnostics.filter { $0.fix != nil }
        let (fixed, chosen) = applyChoosing(fixable.map { diagnostic in
            let fix = diagnostic.fix!
            return (edits: fix.edits.map { ($0.textRange, $0.replacement) }, applicability: fix.applicability)
        }, to: text, upTo: threshold)
        return (fixed, chosen.map { fixable[$0] })
    }
}
