import KalkaKnowledge
import KalkaModel
import KalkaRules

/// The settings of a run, as read from `.kalka.yml` (by KalkaConfig) or given on the command
/// line. Plain values: KalkaCore does not parse YAML.
public struct Configuration: Sendable, Hashable {
    /// Where it came from (nil: built-in defaults).
    public var path: String?
    public var select: [String] = []
    public var ignore: [String] = []
    public var failOn: Severity?? = nil
    /// Severity overrides by rule selector. The last entry matching a rule wins: the loader lists
    /// each file's (or override's) entries from the broadest selector to the narrowest, and
    /// overrides append theirs after the base's.
    public var severity: [SeverityOverride] = []
    /// House style for names: any spelling of an entry → the spelling to use for it.
    public var nameStyle: [String: String] = [:]
    /// House style for quotes and dashes (off unless set).
    public var typography = Typography()
    /// The transliteration standard `kalka translit` uses when none is given.
    public var translitStandard: String?
    /// The articles' publication date (`date:` or `--date`), for the period-style judgement;
    /// nil: each article's own date, where it gives one.
    public var articleDate: SimpleDate?
    /// `house-style.period-spellings`: whether period spellings may be judged by date (nil: allow).
    public var periodSpellings: PeriodSpellingPolicy?
    /// Extra names files (same format as Dictionaries/names/*.tsv): path and text.
    public var namesFiles: [NamesFile] = []
    /// The house's own rows for built-in tables (`dictionaries:`), merged over them.
    public var dictionaries: [DictionaryExtension] = []
    /// The house's own pattern files (`pattern-files:`, same language as Dictionaries/patterns):
    /// path and text.
    public var patternFiles: [NamesFile] = []
    /// Paths to skip: globs relative to the configuration file's directory (see `PathGlob`).
    public var exclude: [String] = []
    /// Settings for some paths only, applied in order over the ones above.
    public var overrides: [Override] = []

    public struct NamesFile: Sendable, Hashable {
        public let path: String
        public let text: String
        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }
    }

    /// A user file extending one built-in table (see `KalkaKnowledge.DictionaryExtension`).
    public typealias DictionaryExtension = KalkaKnowledge.DictionaryExtension

    public struct SeverityOverride: Sendable, Hashable {
        /// A rule selector: code, code prefix, name, category or ALL.
        public let selector: String
        public let severity: Severity
        public init(_ selector: String, _ severity: Severity) {
            self.selector = selector
            self.severity = severity
        }
    }

    /// `overrides:` entry: settings for the paths matching `files`.
    public struct Override: Sendable, Hashable {
        /// Globs relative to the configuration file's directory.
        public var files: [String]
        /// Only the settings the entry sets (the rest stay empty); see `Configuration.applying`.
        public var settings: Configuration
        /// Where the entry starts in its file, to say which override applied.
        public var line: Int

        public init(files: [String], settings: Configuration, line: Int) {
            self.files = files
            self.settings = settings
            self.line = line
        }
    }

    public init(path: String? = nil) { self.path = path }

    /// These settings with an override's on top: a `select` it sets replaces this one; its
    /// `ignore`, severities, names files, dictionaries and house-style names add to these (its own win);
    /// a `fail-on`, quote or dash style, transliteration standard, date or period-spelling policy it sets replaces this
    /// one. New settings need a line here.
    public func applying(_ override: Configuration) -> Configuration {
        var result = self
        if !override.select.isEmpty { result.select = override.select }
        result.ignore += override.ignore
        if override.failOn != nil { result.failOn = override.failOn }
        result.severity += override.severity
        result.nameStyle.merge(override.nameStyle) { _, theirs in theirs }
        if let quotes = override.typography.quotes { result.typography.quotes = quotes }
        if let dashes = override.typography.dashes { result.typography.dashes = dashes }
        if let standard = override.translitStandard { result.translitStandard = standard }
        if let date = override.articleDate { result.articleDate = date }
        if let policy = override.periodSpellings { result.periodSpellings = policy }
        result.namesFiles += override.namesFiles
        result.dictionaries += override.dictionaries
        return result
    }

    /// The settings for a path given relative to `directory`, and the overrides that applied.
    /// With no relative path (unnamed standard input), only the base settings.
    public func resolved(forRelativePath relativePath: String?) -> (settings: Configuration, applied: [Override]) {
        var settings = self
        settings.overrides = []
        guard let relativePath, !relativePath.isEmpty else { return (settings, []) }
        let applied = overrides.filter { PathGlob.matchesAny($0.files, relativePath) }
        for override in applied { settings = settings.applying(override.settings) }
        return (settings, applied)
    }

    /// Whether the configuration's `exclude` globs skip a path given relative to `directory`.
    public func excludes(relativePath: String?) -> Bool {
        guard let relativePath, !relativePath.isEmpty else { return false }
        return PathGlob.matchesAny(exclude, relativePath)
    }

    /// What building a linter depends on: two configurations with equal keys share one linter.
    public var linterKey: Configuration {
        var key = self
        key.path = nil
        key.failOn = nil
        key.exclude = []
        key.overrides = []
        key.translitStandard = nil
        return key
    }
}

extension Linter {
    /// The built-in rules as configured: selection, severities, house style, extra names files.
    /// Pass `store` to share dictionaries already built for the same house style and names.
    public static func configured(_ configuration: Configuration, select: [String] = [], ignore: [String] = [],
                                  store: DictionaryStore? = nil) throws -> Linter {
        let store = try store ?? dictionaryStore(for: configuration)
        let rules = try preparedRules(BuiltInRules.selected(select: configuration.select + select, ignore: configuration.ignore + ignore), store: store)
        let severities = BuiltInRules.severities(rules.map(\.description), configuration.severity)
        return Linter(rules: rules, severityOverrides: severities, articleDate: configuration.articleDate,
                      periodSpellings: configuration.periodSpellings ?? .allow,
                      patterns: PatternSelection(select: configuration.select + select, ignore: configuration.ignore + ignore, rules: rules.map(\.description)))
    }

    /// The dictionaries for a configuration's house style, extra names files and table extensions.
    public static func dictionaryStore(for configuration: Configuration) throws -> DictionaryStore {
        if configuration.namesFiles.isEmpty && configuration.nameStyle.isEmpty && configuration.typography == Typography()
            && configuration.dictionaries.isEmpty && configuration.patternFiles.isEmpty {
            return try DictionaryStore.builtIn.get()
        }
        var texts = DictionaryStore.builtInTexts
        for (index, file) in configuration.namesFiles.enumerated() {
            // Kept under names/ so the name dictionary reads them; the number keeps them apart.
            texts["names/user-\(index)-\(file.path.split(separator: "/").last ?? "names.tsv")"] = file.text
        }
        for file in configuration.patternFiles {
            // Under patterns/ so the pattern rules read them; the marker keeps them apart.
            texts[DictionaryStore.housePatternPrefix + file.path] = file.text
        }
        let store = DictionaryStore(texts: texts, houseStyle: configuration.nameStyle, typography: configuration.typography,
                                    extensions: configuration.dictionaries)
        // The house's tables are checked now, whether or not a selected rule reads them.
        for table in Set(configuration.dictionaries.map(\.target)) { _ = try store.file(table) }
        return store
    }
}

extension BuiltInRules {
    /// The rules whose code, name, category or code prefix is selected (all when `select` is
    /// empty) and not ignored. A preview rule must be selected by its own code or name.
    public static func selected(select: [String], ignore: [String]) -> [any Rule.Type] {
        selected(from: all, select: select, ignore: ignore)
    }

    /// `selected(select:ignore:)` over any list of rules.
    static func selected(from rules: [any Rule.Type], select: [String], ignore: [String]) -> [any Rule.Type] {
        rules.filter { type in
            let description = type.description
            let selected = description.preview
                ? select.contains { RuleSelector($0).namesExactly(description) }
                : select.isEmpty || select.contains { RuleSelector($0).matches(description) || RuleSelector($0).picksPattern(of: description) }
            let ignored = ignore.contains { RuleSelector($0).matches(description) }
            return selected && !ignored
        }
    }

    /// Rule code (or lower-case pattern id) → severity, for the rules and patterns an override
    /// entry changes (the last matching wins).
    public static func severities(_ rules: [RuleDescription], _ overrides: [Configuration.SeverityOverride]) -> [String: Severity] {
        var result: [String: Severity] = [:]
        for rule in rules {
            if let entry = overrides.last(where: { RuleSelector($0.selector).matches(rule) }), entry.severity != rule.severity {
                result[rule.code] = entry.severity
            }
            // A pattern's entry, by its id: it wins over the rule's whatever the order.
            for entry in overrides where RuleSelector(entry.selector).picksPattern(of: rule) {
                result[entry.selector.lowercased()] = entry.severity
            }
        }
        return result
    }
}

/// Builds one linter per distinct configuration and one dictionary store per distinct house
/// style and names files, so a run over many files with a few configurations loads each once.
public final class LinterCache {
    private var linters: [Configuration: Linter] = [:]
    private var stores: [StoreKey: DictionaryStore] = [:]
    private let select: [String]
    private let ignore: [String]

    private struct StoreKey: Hashable {
        let nameStyle: [String: String]
        let namesFiles: [Configuration.NamesFile]
        let typography: Typography
        let dictionaries: [Configuration.DictionaryExtension]
        let patternFiles: [Configuration.NamesFile]
    }

    /// `select` and `ignore` (from the command line) add to every configuration's.
    public init(select: [String] = [], ignore: [String] = []) {
        self.select = select
        self.ignore = ignore
    }

    public func linter(for configuration: Configuration) throws -> Linter {
        let key = configuration.linterKey
        if let linter = linters[key] { return linter }
        let storeKey = StoreKey(nameStyle: key.nameStyle, namesFiles: key.namesFiles, typography: key.typography, dictionaries: key.dictionaries,
                                patternFiles: key.patternFiles)
        let store = try stores[storeKey] ?? Linter.dictionaryStore(for: key)
        stores[storeKey] = store
        let linter = try Linter.configured(key, select: select, ignore: ignore, store: store)
        linters[key] = linter
        return linter
    }

    /// How many linters were built (each distinct configuration once).
    public var count: Int { linters.count }
}
