import KalkaEngine
import KalkaModel
import KalkaRules

/// `kalka report --format md`: the most suspicious sentences with their findings, for a pull
/// request comment (GitHub-flavoured Markdown; every piece of document text escaped).
public enum MarkdownReport {
    public static func render(_ report: EditorReport, top: Int) -> String {
        var out = "### kalka report\n\n"
        out += "\(report.documents.count) document\(report.documents.count == 1 ? "" : "s") · \(NumberText.grouped(report.words)) words · "
        out += "\(report.findings) finding\(report.findings == 1 ? "" : "s")"
        let categories = report.findingsByCategory.filter { $0.count > 0 }.map { "\($0.count) \($0.category.rawValue)" }
        if !categories.isEmpty { out += " (" + categories.joined(separator: ", ") + ")" }
        out += "\n\n"
        for error in report.errors { out += "- **Not included:** \(escape(error.path)): \(escape(error.message))\n" }
        if !report.errors.isEmpty { out += "\n" }
        let ranked = report.ranked(limit: top)
        guard !ranked.isEmpty else { return out + "No suspicious sentences.\n" }
        out += "**Most suspicious sentences**\n\n"
        for (rank, entry) in ranked.enumerated() {
            let sentence = entry.sentence
            out += "\(rank + 1). **\(HTMLReport.decimal(sentence.score))** · \(escape(entry.document.path)):\(sentence.start.line):\(sentence.start.column)"
            if sentence.oddity > 0 { out += " · oddity \(HTMLReport.decimal(sentence.oddity)) bits" }
            out += "\n   > \(escape(sentence.text))\n"
            for finding in sentence.findings.map({ entry.document.findings[$0] }) {
                out += "   - `\(finding.rule.code)` \(finding.rule.name) (\(finding.severity.rawValue)): \(escape(finding.message))"
                if let fix = finding.fix { out += " — fix: \(escape(fix.title))" }
                out += "\n"
            }
        }
        return out
    }

    /// Text that Markdown shows as it is: inline markup, HTML and entity references escaped with
    /// backslashes, and line starts that would open a block.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&", "!", "$":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "\n", "\r", "\t":
                out += " "
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        // "- x", "+ x", "1. x" at the start of a line would become a list.
        if let first = out.unicodeScalars.first, first == "-" || first == "+" || first == "=" || (first.properties.numericType != nil && out.contains(".")) {
            out = "\\" + out
        }
        return out
    }
}

/// `kalka report --format json`: the report's data for other tools: the summary, every document
/// with its suspicion, and the top sentences with their findings (each finding's object as in
/// the `check` JSON contract).
public enum JSONEditorReport {
    public static let version = 1

    public static func render(_ report: EditorReport, top: Int, toolVersion: String = KalkaVersion.current) -> String {
        var out = "{\n  \"version\": \(version),\n  \"tool\": {\"name\": \"kalka\", \"version\": \(JSON.string(toolVersion))},\n"
        var byCategory: [String: Int] = [:], bySeverity: [String: Int] = [:]
        for (category, count) in report.findingsByCategory where count > 0 { byCategory[category.rawValue] = count }
        for (severity, count) in report.findingsBySeverity where count > 0 { bySeverity[severity.rawValue] = count }
        out += "  \"summary\": {\"documents\": \(report.documents.count), \"words\": \(report.words), \"findings\": \(report.findings), "
        out += "\"byCategory\": \(JSON.counts(byCategory)), \"bySeverity\": \(JSON.counts(bySeverity))},\n"
        out += "  \"documents\": [" + report.documents.map { document in
            "\n    {\"path\": \(JSON.string(document.path)), \"words\": \(document.words), \"findings\": \(document.findings.count), \"suspicion\": \(number(document.suspicion))}"
        }.joined(separator: ",") + (report.documents.isEmpty ? "],\n" : "\n  ],\n")
        out += "  \"sentences\": [" + report.ranked(limit: top).enumerated().map { rank, entry in
            let sentence = entry.sentence
            let findings = sentence.findings.map { JSONReporter.object(entry.document.findings[$0]) }
            var object = "\n    {\"rank\": \(rank + 1), \"path\": \(JSON.string(entry.document.path)), \"sentence\": \(sentence.index), "
            object += "\"start\": \(JSON.location(sentence.start)), \"end\": \(JSON.location(sentence.end)), \"text\": \(JSON.string(sentence.text)), "
            object += "\"score\": \(number(sentence.score)), \"oddity\": \(number(sentence.oddity)), \"findings\": ["
            object += findings.map { "\n      " + $0 }.joined(separator: ",") + (findings.isEmpty ? "]}" : "\n    ]}")
            return object
        }.joined(separator: ",") + "\n  ],\n"
        out += "  \"errors\": [" + report.errors.map { "\n    {\"path\": \(JSON.string($0.path)), \"message\": \(JSON.string($0.message))}" }.joined(separator: ",")
        out += report.errors.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    /// A score with two decimals, as a JSON number.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = abs(hundredths % 100)
        return "\(hundredths < 0 && hundredths > -100 ? "-" : "")\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
