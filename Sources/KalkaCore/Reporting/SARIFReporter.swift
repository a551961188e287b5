/// `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF readers. Collects the
/// run (the rules used come before the results). Columns count Unicode scalars, declared with
/// `columnKind: unicodeCodePoints`; each region also carries the byte offset and length into
/// the file as stored. Rules carry their summary, rationale and full help (what `kalka rule`
/// prints) and their category as a tag; fixes become SARIF fixes; files that could not be
/// checked become tool execution notifications (and `executionSuccessful` false).
public struct SARIFReporter: Reporter {
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    private let toolVersion: String
    private var rules: [String: RuleDescription] = [:]
    private var findings: [(path: String, diagnostic: Diagnostic, fingerprint: String)] = []
    private var errors: [(path: String, message: String)] = []

    public init(toolVersion: String) { self.toolVersion = toolVersion }

    public mutating func begin(write: (String) -> Void) {}

    public mutating func report(_ file: FileReport, write: (String) -> Void) {
        if let error = file.error {
            errors.append((file.path, error))
            return
        }
        for (diagnostic, fingerprint) in zip(file.diagnostics, FindingFingerprint.of(file)) {
            rules[diagnostic.rule.code] = diagnostic.rule
            findings.append((file.path, diagnostic, fingerprint))
        }
    }

    public mutating func finish(_ summary: RunSummary, write: (String) -> Void) {
        let usedRules = rules.values.sorted { $0.code < $1.code }
        let ruleIndex = Dictionary(uniqueKeysWithValues: usedRules.enumerated().map { ($0.element.code, $0.offset) })
        var out = "{\n  \"$schema\": \(JSON.string(Self.schemaURI)),\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
        out += "      \"tool\": {\n        \"driver\": {\n          \"name\": \"kalka\",\n"
        out += "          \"version\": \(JSON.string(toolVersion)),\n          \"semanticVersion\": \(JSON.string(toolVersion)),\n"
        out += "          \"rules\": [" + lines(usedRules.map(Self.rule), indent: 12) + "]\n        }\n      },\n"
        let notifications = errors.map {
            "{\"level\": \"error\", \"message\": {\"text\": \(JSON.string($0.message))}, \"descriptor\": {\"id\": \"unreadable-file\"}, "
                + "\"locations\": [{\"physicalLocation\": {\"artifactLocation\": \(Self.artifact($0.path))}}]}"
        }
        out += "      \"invocations\": [\n        {\"executionSuccessful\": \(errors.isEmpty), \"toolExecutionNotifications\": ["
        out += lines(notifications, indent: 10) + "]}\n      ],\n"
        out += "      \"columnKind\": \"unicodeCodePoints\",\n"
        out += "      \"results\": [" + lines(findings.map { Self.result($0.path, $0.diagnostic, $0.fingerprint, ruleIndex[$0.diagnostic.rule.code]!) }, indent: 8) + "]\n"
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
        var out = "{\"ruleId\": \(JSON.string(diagnostic.rule.code)), \"ruleIndex\": \(ruleIndex), \"level\": \"\(level(diagnostic.severity))\", "
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
