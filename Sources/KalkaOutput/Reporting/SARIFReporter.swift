import KalkaEngine
import KalkaModel
import KalkaRules

/// `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF readers. Streams
/// the results; the rules used (in the order of first use) follow them. Columns count Unicode scalars, declared with
/// `columnKind: unicodeCodePoints`; each region also carries the byte offset and length into
/// the file as stored. Rules carry their summary, rationale and full help (what `kalka rule`
/// prints) and their category as a tag; fixes become SARIF fixes; files that could not be
/// checked become tool execution notifications (and `executionSuccessful` false).
public struct SARIFReporter: Reporter {
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    private let toolVersion: String
    /// The rules used so far, in the order of first use: a result's `ruleIndex` points here.
    private var rules: [RuleDescription] = []
    private var ruleIndex: [String: Int] = [:]
    private var errors: [(path: String, message: String)] = []
    private var firstResult = true

    public init(toolVersion: String) { self.toolVersion = toolVersion }

    // Results are written as they come, before the run's tool and invocations (JSON members have
    // no order): a large run is never held whole.
    public mutating func begin(write: (String) -> Void) {
        write("{\n  \"$schema\": \(JSON.string(Self.schemaURI)),\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
              + "      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [")
    }

    public mutating func report(_ file: FileReport, write: (String) -> Void) {
        if let error = file.error {
            errors.append((file.path, error))
            return
        }
        var out = ""
        for (diagnostic, fingerprint) in zip(file.diagnostics, FindingFingerprint.of(file)) {
            let code = diagnostic.rule.code
            let index: Int
            if let known = ruleIndex[code] {
                index = known
            } else {
                index = rules.count
                ruleIndex[code] = index
                rules.append(diagnostic.rule)
            }
            out += (firstResult ? "\n" : ",\n") + String(repeating: " ", count: 8) + Self.result(file.path, diagnostic, fingerprint, index)
            firstResult = false
            if out.utf8.count >= Reporting.pieceSize {
                write(out)
                out = ""
            }
        }
        write(out)
    }

    public mutating func finish(_ summary: RunSummary, write: (String) -> Void) {
        var out = firstResult ? "],\n" : "\n      ],\n"
        out += "      \"tool\": {\n        \"driver\": {\n          \"name\": \"kalka\",\n"
        out += "          \"version\": \(JSON.string(toolVersion)),\n          \"semanticVersion\": \(JSON.string(toolVersion)),\n"
        out += "          \"rules\": [" + lines(rules.map(Self.rule), indent: 12) + "]\n        }\n      },\n"
        let notifications = errors.map {
            "{\"level\": \"error\", \"message\": {\"text\": \(JSON.string($0.message))}, \"descriptor\": {\"id\": \"unreadable-file\"}, "
                + "\"locations\": [{\"physicalLocation\": {\"artifactLocation\": \(Self.artifact($0.path))}}]}"
        }
        out += "      \"invocations\": [\n        {\"executionSuccessful\": \(errors.isEmpty), \"toolExecutionNotifications\": ["
        out += lines(notifications, indent: 10) + "]}\n      ]\n"
        out += "    }\n  ]\n}\n"
        write(out)
    }

    /// Items one per line inside brackets, or nothing when there are none.
    private func lines(_ items: [String], indent: Int) -> String {
        guard !items.isEmpty else { return "" }
        let pad = String(repeating: " ", count: indent)
        return "\n" + items.map { pad + $0 }.joined(separator: ",\n") + "\n" + String(repeating: " ", count: indent - 2)
    }

    static func rule(_ rule: RuleDescription) -> String {
        "{\"id\": \(JSON.string(rule.code)), \"name\": \(JSON.string(rule.name)), "
            + "\"shortDescription\": {\"text\": \(JSON.string(rule.summary))}, \"fullDescription\": {\"text\": \(JSON.string(rule.rationale))}, "
            + "\"help\": {\"text\": \(JSON.string(RuleCatalog.explanation(rule)))}, "
            + "\"defaultConfiguration\": {\"level\": \"\(level(rule.severity))\"}, "
            + "\"properties\": {\"category\": \(JSON.string(rule.category.rawValue)), \"tags\": [\(JSON.string(rule.category.rawValue))]}}"
    }

    static func result(_ path: String, _ diagnostic: Diagnostic, _ fingerprint: String, _ ruleIndex: Int) -> String {
        // A pattern's finding names its pattern: SARIF rule ids are hierarchical ("CAL001/name").
        var out = "{\"ruleId\": \(JSON.string(diagnostic.ruleID)), \"ruleIndex\": \(ruleIndex), \"level\": \"\(level(diagnostic.severity))\", "
        out += "\"message\": {\"text\": \(JSON.string(diagnostic.message))}, "
        out += "\"locations\": [{\"physicalLocation\": {\"artifactLocation\": \(artifact(path)), \"region\": \(region(diagnostic.start, diagnostic.end))}}], "
        out += "\"partialFingerprints\": {\"kalkaFinding/v1\": \"\(fingerprint)\"}"
        if let fix = diagnostic.fix {
            let replacements = fix.edits.map {
                "{\"deletedRegion\": \(region($0.start, $0.end)), \"insertedContent\": {\"text\": \(JSON.string($0.replacement))}}"
            }
            out += ", \"fixes\": [{\"description\": {\"text\": \(JSON.string(fix.title))}, "
            out += "\"artifactChanges\": [{\"artifactLocation\": \(artifact(path)), \"replacements\": [\(replacements.joined(separator: ", "))]}], "
            out += "\"properties\": {\"applicability\": \"\(fix.applicability.rawValue)\"}}]"
        }
        return out + "}"
    }

    static func artifact(_ path: String) -> String { "{\"uri\": \(JSON.string(URIReference.path(path)))}" }

    static func region(_ start: Location, _ end: Location) -> String {
        "{\"startLine\": \(start.line), \"startColumn\": \(start.column), \"endLine\": \(end.line), \"endColumn\": \(end.column), "
            + "\"byteOffset\": \(start.offset), \"byteLength\": \(end.offset - start.offset)}"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }
}
