import KalkaEngine

/// `--statistics`: how many findings each rule made, most first, and how many of them a fix
/// (`--fix`, or `--unsafe-fixes`) can remove.
public enum Statistics {
    public static func table(_ summary: RunSummary) -> String {
        let rows = summary.byRule.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.rule.code < $1.rule.code }
        let countWidth = max(5, String(rows.first?.count ?? 0).count)
        let nameWidth = max(4, rows.map(\.rule.name.count).max() ?? 0)
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        func right(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        var out = "\(right("Count", countWidth))  Code    \(pad("Name", nameWidth))  Fixable\n"
        for row in rows {
            out += "\(right(String(row.count), countWidth))  \(pad(row.rule.code, 6))  \(pad(row.rule.name, nameWidth))  \(right(String(row.fixable), 7))\n"
        }
        out += "\(right(String(summary.diagnostics), countWidth))  total\n"
        if summary.errors > 0 { out += "\(summary.errors) file\(summary.errors == 1 ? "" : "s") could not be checked\n" }
        return out
    }
}
