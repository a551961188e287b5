import Foundation
import KalkaEngine
import KalkaModel
import KalkaRules

/// What `kalka config show PATH` prints: the settings that apply to one path, where they come
/// from, and the rules they leave on with their severities.
public struct EffectiveSettings: Codable, Equatable, Sendable {
    public struct AppliedOverride: Codable, Equatable, Sendable {
        public let line: Int
        public let files: [String]
    }

    public struct SelectedRule: Codable, Equatable, Sendable {
        public let code: String
        public let name: String
        public let severity: String
        public let defaultSeverity: String
    }

    public let path: String
    /// The configuration file, nil when none applies.
    public let configuration: String?
    /// The path relative to the configuration file's directory, as globs see it.
    public let relativePath: String?
    public let overrides: [AppliedOverride]
    public let excluded: Bool
    public let select: [String]
    public let ignore: [String]
    public let failOn: String
    public let severity: [String: String]
    public let houseStyleNames: [String: String]
    /// House-style quotes, dashes and transliteration standard (nil: not set).
    public let quotes: String?
    public let dashes: String?
    public let translit: String?
    /// `house-style.period-spellings` (allow unless set) and the articles' date (nil: each article's own).
    public let periodSpellings: String
    public let date: String?
    public let namesFiles: [String]
    /// Built-in table → the house's files extending it.
    public let dictionaries: [String: [String]]
    public let exclude: [String]
    public let rules: [SelectedRule]

    public init(path: String, resolution: ConfigurationResolver.Resolution) {
        let settings = resolution.settings
        self.path = path
        configuration = resolution.file.path
        relativePath = resolution.relativePath
        overrides = resolution.appliedOverrides.map { AppliedOverride(line: $0.line, files: $0.files) }
        excluded = resolution.isExcluded
        select = settings.select
        ignore = settings.ignore
        failOn = Self.failOnName(settings.failOn)
        var severity: [String: String] = [:]
        // Later entries win, as they do for the rules.
        for entry in settings.severity { severity[entry.selector] = entry.severity.rawValue }
        self.severity = severity
        houseStyleNames = settings.nameStyle
        quotes = settings.typography.quotes?.rawValue
        dashes = settings.typography.dashes?.rawValue
        translit = settings.translitStandard
        periodSpellings = (settings.periodSpellings ?? .allow).rawValue
        date = settings.articleDate?.description
        namesFiles = settings.namesFiles.map(\.path)
        dictionaries = Dictionary(grouping: settings.dictionaries, by: \.target).mapValues { $0.map(\.path) }
        exclude = resolution.file.exclude
        rules = Self.rules(settings)
    }

    private static func failOnName(_ failOn: Severity??) -> String {
        switch failOn {
        case .none: Severity.warning.rawValue
        case .some(.none): "never"
        case .some(.some(let severity)): severity.rawValue
        }
    }

    private static func rules(_ settings: Configuration) -> [SelectedRule] {
        let descriptions: [RuleDescription] = BuiltInRules.selected(select: settings.select, ignore: settings.ignore).map { $0.description }
        let severities = BuiltInRules.severities(descriptions, settings.severity)
        var rules: [SelectedRule] = []
        for rule in descriptions {
            let severity = severities[rule.code] ?? rule.severity
            rules.append(SelectedRule(code: rule.code, name: rule.name, severity: severity.rawValue, defaultSeverity: rule.severity.rawValue))
        }
        return rules
    }

    /// Readable YAML-like text, in the order of the `.kalka.yml` keys.
    public var text: String {
        var lines = ["path: \(Self.scalar(path))"]
        lines.append("configuration: \(configuration.map(Self.scalar) ?? "none (built-in defaults)")")
        if let relativePath { lines.append("relative-path: \(Self.scalar(relativePath))") }
        if !overrides.isEmpty {
            lines.append("overrides-applied:")
            lines += overrides.map { "  - files: \(Self.list($0.files))   # line \($0.line)" }
        }
        if excluded { lines.append("excluded: true   # by exclude: this path is not checked") }
        lines.append("select: \(select.isEmpty ? "[ALL]" : Self.list(select))")
        lines.append("ignore: \(Self.list(ignore))")
        lines.append("fail-on: \(failOn)")
        lines.append("severity:" + (severity.isEmpty ? " {}" : ""))
        lines += severity.sorted { $0.key < $1.key }.map { "  \(Self.scalar($0.key)): \($0.value)" }
        lines.append("house-style:")
        lines.append("  names:" + (houseStyleNames.isEmpty ? " {}" : ""))
        lines += houseStyleNames.sorted { $0.key < $1.key }.map { "    \(Self.scalar($0.key)): \(Self.scalar($0.value))" }
        lines.append("  quotes: \(quotes ?? "~")   # \(quotes == nil ? "not set: PUN006 stays quiet" : "PUN006")")
        lines.append("  dashes: \(dashes ?? "~")   # \(dashes == nil ? "not set: PUN007 stays quiet" : "PUN007")")
        lines.append("  translit: \(translit ?? "~")")
        lines.append("  period-spellings: \(periodSpellings)   # \(periodSpellings == "allow" ? "older copy: period spellings at info" : "modern spellings everywhere")")
        lines.append("date: \(date ?? "~")" + (date == nil ? "   # each article's own date, where it gives one" : ""))
        lines.append("names-files: \(Self.list(namesFiles))")
        lines.append("dictionaries:" + (dictionaries.isEmpty ? " {}" : ""))
        lines += dictionaries.sorted { $0.key < $1.key }.map { "  \($0.key): \(Self.list($0.value))" }
        lines.append("exclude: \(Self.list(exclude))")
        lines.append("rules:   # \(rules.count) of \(BuiltInRules.all.count)")
        lines += rules.map { rule in
            "  \(rule.code): \(rule.severity)   # \(rule.name)" + (rule.severity == rule.defaultSeverity ? "" : ", by default \(rule.defaultSeverity)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    private static func list(_ items: [String]) -> String { "[" + items.map(scalar).joined(separator: ", ") + "]" }

    /// Quoted when YAML would read it as something else.
    private static func scalar(_ text: String) -> String {
        let plain = !text.isEmpty && !text.contains(": ") && !text.contains(" #") && !text.hasSuffix(":")
            && !text.contains(where: { ",[]{}\"'".contains($0) }) && !"*&!|>%@`?-".contains(text.first!)
        if plain { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
