import Foundation
import KalkaEngine
import KalkaKnowledge
import KalkaModel
import KalkaRules
import KalkaText
import Yams

/// A problem in a configuration file, located by file, line and column.
public struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let column: Int
    public let message: String
    public var description: String { "\(path):\(line):\(column): \(message)" }
}

/// Reads `.kalka.yml`:
///
///     select: [DUP, NAM001]          # rules by code, code prefix, name or category
///     ignore: [the-ukraine]
///     fail-on: error                 # error | warning | info | never
///     house-style:
///       names:                       # a spelling of a name → the spelling to use
///         Volodymyr Zelenskyy: Volodymyr Zelensky
///         Chornobyl: Chernobyl
///       quotes: curly                # curly | straight (absent: no quote style)
///       dashes: em-spaced            # em | em-spaced | en-spaced (absent: no dash style)
///       translit: uk-national        # kalka translit's standard when none is given
///       period-spellings: allow      # allow (older copy: "Kiev" at info) | flag (modern spellings everywhere)
///     date: 2013-06-14               # the articles' publication date (else each article's own)
///     names-files: [style/names.tsv] # extra names, same columns as Dictionaries/names
///     dictionaries:                  # the house's rows for built-in tables
///       phrases/calques.tsv: [style/calques.tsv]
///     pattern-files: [style/calques.txt]   # the house's own pattern rules (Dictionaries/patterns/README.md)
///     severity: {MIX001: warning, number-format: info}
///     exclude: [drafts, "**/*.draft.md"]   # relative to this file's directory
///     overrides:                     # in order, for the paths matching files
///       - files: ["translations/uk/**"]
///         ignore: [NAM002]
///
/// Unknown keys and bad values are errors naming the file, line and column, with the choices.
public enum ConfigurationLoader {
    public static let fileName = ".kalka.yml"
    static let topLevelKeys = ["select", "ignore", "fail-on", "severity", "house-style", "names-files", "dictionaries", "pattern-files", "date", "exclude", "overrides"]
    /// What an `overrides:` entry may set besides `files`.
    static let overrideKeys = ["select", "ignore", "fail-on", "severity", "house-style", "names-files", "dictionaries", "date"]
    static let severityChoices = Severity.allCases.map(\.rawValue).reversed().joined(separator: ", ")

    public static func load(_ path: String) throws(ConfigurationError) -> Configuration {
        let data: [UInt8]
        switch FileReading.read(path: path) {
        case .success(let bytes): data = bytes
        case .failure(let error):
            throw ConfigurationError(path: path, line: 1, column: 1, message: "cannot read the configuration file: \(error.message); nothing was checked")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ConfigurationError(path: path, line: 1, column: 1, message: "the configuration file is not UTF-8")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws(ConfigurationError) -> Configuration {
        var configuration = Configuration(path: path)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error, path: path)
        } catch {
            throw ConfigurationError(path: path, line: 1, column: 1, message: "YAML syntax: \(SystemErrors.plain(error))")
        }
        guard let root else { return configuration }
        guard let mapping = root.mapping else { throw self.error(root, path, "expected a mapping of settings (\(topLevelKeys.joined(separator: ", ")))") }
        // The house's patterns first: selectors anywhere in the file may name them.
        var houseIDs: Set<String> = []
        for (keyNode, value) in mapping where keyNode.string == "pattern-files" {
            (configuration.patternFiles, houseIDs) = try patternFiles(value, path)
        }
        do {
            try $housePatternIDs.withValue(houseIDs) {
                for (keyNode, value) in mapping {
                    guard let key = keyNode.string else { throw self.error(keyNode, path, "expected a setting name") }
                    switch key {
                    case "pattern-files": continue
                    case "exclude": configuration.exclude = try strings(value, path, what: "exclude")
                    case "overrides": configuration.overrides = try overrides(value, path)
                    default:
                        guard try setting(key, value, into: &configuration, path) else {
                            throw self.error(keyNode, path, "unknown setting '\(key)'; the settings are: \(topLevelKeys.joined(separator: ", "))")
                        }
                    }
                }
            }
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError(path: path, line: 1, column: 1, message: SystemErrors.plain(error))
        }
        return configuration
    }

    /// The ids of the patterns the configuration file being read adds (its `pattern-files`).
    @TaskLocal static var housePatternIDs: Set<String> = []

    /// `pattern-files: [files]`: each read and checked now, errors naming the file, line and
    /// column; its rule must be one made of patterns, its ids new. Returns the files and their
    /// patterns' ids (lower case).
    private static func patternFiles(_ node: Node, _ path: String) throws(ConfigurationError) -> ([Configuration.NamesFile], Set<String>) {
        var result: [Configuration.NamesFile] = []
        var ids: [String: String] = [:]
        let store: DictionaryStore
        let builtIn: PatternRules
        do {
            store = try DictionaryStore.builtIn.get()
            builtIn = try PatternRules.of(store)
        } catch {
            throw ConfigurationError(path: path, line: 1, column: 1, message: "the built-in patterns do not load: \(SystemErrors.plain(error))")
        }
        for (file, text) in try userFiles(node, path, what: "pattern-files") {
            let parsed: PatternFile
            do {
                parsed = try PatternFile.parse(path: file, text: text, inflections: Inflections.of(store))
            } catch let error as DictionaryError {
                throw ConfigurationError(path: error.path, line: max(error.line, 1), column: error.column ?? 1, message: error.message)
            } catch {
                throw ConfigurationError(path: file, line: 1, column: 1, message: SystemErrors.plain(error))
            }
            guard BuiltInRules.patternRuleCodes.contains(parsed.rule) else {
                throw ConfigurationError(path: file, line: 1, column: 1,
                                         message: "rule '\(parsed.rule)' takes no patterns; pattern files are for \(BuiltInRules.patternRuleCodes.joined(separator: ", "))")
            }
            for pattern in parsed.patterns {
                if let existing = builtIn.pattern(pattern.id) {
                    throw ConfigurationError(path: file, line: pattern.line, column: 9, message: "pattern '\(pattern.id)' is built in (\(existing.path):\(existing.line)); give yours another name")
                }
                if let earlier = ids[pattern.id.lowercased()] {
                    throw ConfigurationError(path: file, line: pattern.line, column: 9, message: "pattern '\(pattern.id)' is already defined in \(earlier)")
                }
                ids[pattern.id.lowercased()] = "\(file):\(pattern.line)"
            }
            result.append(.init(path: file, text: text))
        }
        return (result, Set(ids.keys))
    }

    /// Reads one of the settings a file and its overrides share; false when `key` is none of them.
    private static func setting(_ key: String, _ value: Node, into configuration: inout Configuration, _ path: String) throws(ConfigurationError) -> Bool {
        switch key {
        case "select": configuration.select = try selectors(value, path)
        case "ignore": configuration.ignore = try selectors(value, path)
        case "fail-on":
            let choices = ["error", "warning", "info", "never"]
            guard let choice = value.string, choices.contains(choice) else {
                throw self.error(value, path, "fail-on must be one of \(choices.joined(separator: ", "))")
            }
            configuration.failOn = .some(Severity(rawValue: choice))
        case "severity": configuration.severity = try severities(value, path)
        case "date":
            guard let text = value.string, text.utf8.count == 10, let date = SimpleDate(iso: text) else {
                throw self.error(value, path, "date must be the articles' publication date as YYYY-MM-DD")
            }
            configuration.articleDate = date
        case "house-style": try readHouseStyle(value, path, into: &configuration)
        case "names-files":
            for (file, text) in try userFiles(value, path, what: "names-files") {
                configuration.namesFiles.append(.init(path: file, text: text))
            }
        case "dictionaries" where isNull(value):
            break
        case "dictionaries":
            guard let mapping = value.mapping else {
                throw self.error(value, path, "dictionaries must map a built-in table (such as phrases/calques.tsv) to a list of files")
            }
            let tables = (try? DictionaryStore.builtIn.get())?.tablePaths ?? []
            for (tableNode, files) in mapping {
                guard let table = tableNode.string, tables.contains(table) else {
                    throw self.error(tableNode, path, "unknown dictionary '\(tableNode.string ?? "?")'; the tables are: \(tables.joined(separator: ", "))")
                }
                for (file, text) in try userFiles(files, path, what: "files for \(table)") {
                    configuration.dictionaries.append(.init(target: table, path: file, text: text))
                }
            }
        default:
            return false
        }
        return true
    }

    /// `severity: {SELECTOR: error|warning|info}`, broadest selector first so the narrowest wins.
    private static func severities(_ node: Node, _ path: String) throws(ConfigurationError) -> [Configuration.SeverityOverride] {
        if isNull(node) { return [] }
        guard let mapping = node.mapping else { throw error(node, path, "severity must map rules to a severity (\(severityChoices)), as in {DUP001: error}") }
        var entries: [Configuration.SeverityOverride] = []
        for (keyNode, value) in mapping {
            guard let selector = keyNode.string else { throw error(keyNode, path, "expected a rule") }
            try checkSelector(selector, keyNode, path)
            guard let choice = value.string, let severity = Severity(rawValue: choice) else {
                throw error(value, path, "the severity for '\(selector)' must be one of \(severityChoices)")
            }
            entries.append(.init(selector, severity))
        }
        return entries.enumerated().sorted { (RuleSelector($0.element.selector).specificity, $0.offset) < (RuleSelector($1.element.selector).specificity, $1.offset) }.map(\.element)
    }

    /// `overrides: [{files: [globs], <setting>: …}]`.
    private static func overrides(_ node: Node, _ path: String) throws(ConfigurationError) -> [Configuration.Override] {
        if isNull(node) { return [] }
        guard let sequence = node.sequence else { throw error(node, path, "overrides must be a list of entries, each with files: [globs]") }
        var result: [Configuration.Override] = []
        for entry in sequence {
            guard let mapping = entry.mapping else { throw error(entry, path, "an override must be a mapping with files: [globs] and the settings to change") }
            var files: [String] = []
            var settings = Configuration()
            for (keyNode, value) in mapping {
                guard let key = keyNode.string else { throw error(keyNode, path, "expected a setting name") }
                if key == "files" {
                    files = try strings(value, path, what: "files")
                } else if try !setting(key, value, into: &settings, path) {
                    throw error(keyNode, path, "unknown override setting '\(key)'; an override takes: files, \(overrideKeys.joined(separator: ", "))")
                }
            }
            guard !files.isEmpty else { throw error(entry, path, "an override needs files: [globs] naming the paths it applies to") }
            result.append(.init(files: files, settings: settings, line: entry.mark?.line ?? 1))
        }
        return result
    }

    private static func selectors(_ node: Node, _ path: String) throws(ConfigurationError) -> [String] {
        if isNull(node) { return [] }
        if let single = node.scalar {
            try checkSelector(single.string, node, path)
            return [single.string]
        }
        guard let sequence = node.sequence else { throw error(node, path, "expected a rule list: a list of strings") }
        var values: [String] = []
        for item in sequence {
            guard let value = item.string else { throw error(item, path, "expected a string") }
            try checkSelector(value, item, path)
            values.append(value)
        }
        return values
    }

    private static func checkSelector(_ value: String, _ node: Node, _ path: String) throws(ConfigurationError) {
        guard !RuleSelector(value).isKnown, !housePatternIDs.contains(value.lowercased()) else { return }
        throw error(node, path, "unknown rule '\(value)': use a code (DUP001), code prefix (DUP), name (repeated-word), category (duplicated-word) or ALL; see 'kalka rules'")
    }

    static let houseStyleKeys = ["names", "quotes", "dashes", "translit", "period-spellings"]

    private static func readHouseStyle(_ node: Node, _ path: String, into configuration: inout Configuration) throws(ConfigurationError) {
        let keys = houseStyleKeys.joined(separator: ", ")
        if isNull(node) { return }
        guard let mapping = node.mapping else { throw error(node, path, "house-style must be a mapping with the keys: \(keys)") }
        for (keyNode, value) in mapping {
            switch keyNode.string {
            case "names" where isNull(value):
                break
            case "names":
                guard let pairs = value.mapping else { throw error(value, path, "house-style names must map a spelling to the spelling to use") }
                for (from, to) in pairs {
                    guard let fromText = from.string, let toText = to.string else { throw error(to, path, "expected a spelling") }
                    configuration.nameStyle[fromText] = toText
                }
            case "quotes": configuration.typography.quotes = try choice(value, path, "house-style quotes", QuoteStyle.self)
            case "dashes": configuration.typography.dashes = try choice(value, path, "house-style dashes", DashStyle.self)
            case "period-spellings":
                configuration.periodSpellings = try choice(value, path, "house-style period-spellings", PeriodSpellingPolicy.self)
            case "translit":
                let names = (try? TransliterationStandards.builtIn.get())?.all.map(\.name) ?? []
                guard let name = value.string, names.contains(name) else {
                    throw error(value, path, "house-style translit must be one of \(names.joined(separator: ", "))")
                }
                configuration.translitStandard = name
            default:
                throw error(keyNode, path, "unknown house-style setting '\(keyNode.string ?? "?")'; the settings are: \(keys)")
            }
        }
    }

    private static func choice<Choice: RawRepresentable & CaseIterable>(_ node: Node, _ path: String, _ what: String,
                                                                      _ type: Choice.Type) throws(ConfigurationError) -> Choice where Choice.RawValue == String {
        guard let text = node.string, let value = Choice(rawValue: text) else {
            throw error(node, path, "\(what) must be one of \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    /// Files named relative to the configuration file, read as UTF-8: (absolute path, text).
    private static func userFiles(_ node: Node, _ path: String, what: String) throws(ConfigurationError) -> [(String, String)] {
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        var result: [(String, String)] = []
        for file in try strings(node, path, what: what) {
            let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : base.appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                throw error(node, path, "cannot read '\(file)' (as UTF-8)")
            }
            result.append((url.path, text))
        }
        return result
    }

    private static func strings(_ node: Node, _ path: String, what: String) throws(ConfigurationError) -> [String] {
        if isNull(node) { return [] }
        if let single = node.scalar { return [single.string] }
        guard let sequence = node.sequence else { throw error(node, path, "expected \(what): a list of strings") }
        var result: [String] = []
        for item in sequence {
            guard let string = item.string else { throw error(item, path, "expected a string") }
            result.append(string)
        }
        return result
    }

    /// A list setting with no value (`ignore:`, `ignore: ~`, `ignore: null`) is an empty list,
    /// as `ignore: []` is: it ignores nothing. (An empty `select` selects what no `select` does:
    /// the default rules.) A mapping with no value (`severity:`) is an empty mapping.
    static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private static func error(_ node: Node, _ path: String, _ message: String) -> ConfigurationError {
        let mark = node.mark
        return ConfigurationError(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message)
    }

    private static func syntaxError(_ error: YamlError, path: String) -> ConfigurationError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return ConfigurationError(path: path, line: mark.line, column: mark.column, message: "YAML syntax: \(problem)")
        default:
            return ConfigurationError(path: path, line: 1, column: 1, message: "YAML: \(SystemErrors.plain(error))")
        }
    }
}
