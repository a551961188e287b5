import Foundation
import Testing
import KalkaConfig
import KalkaCore

@Suite struct ConfigurationLoaderTests {
    @Test func readsEverySetting() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kalka-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let names = "# columns: canonical\toriginal\trussian\tlanguage\tkind\tvariants\talternatives\tderivation\tnote\n# source: test\n# licence: CC0\nOksana Testenko\tОксана Тестенко\tОксана Тестенко\tuk\tperson\t\t\tnational\ta test person\n"
        try Data(names.utf8).write(to: directory.appendingPathComponent("names.tsv"))
        let yaml = """
            select: [DUP, NAM]
            ignore: the-ukraine
            fail-on: error
            house-style:
              names:
                Volodymyr Zelenskyy: Volodymyr Zelensky
              quotes: straight
              dashes: en-spaced
              translit: ru-icao
            names-files: [names.tsv]
            """
        let path = directory.appendingPathComponent(".kalka.yml").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        let configuration = try ConfigurationLoader.load(path)
        #expect(configuration.select == ["DUP", "NAM"])
        #expect(configuration.ignore == ["the-ukraine"])
        #expect(configuration.failOn == .some(.error))
        #expect(configuration.nameStyle == ["Volodymyr Zelenskyy": "Volodymyr Zelensky"])
        #expect(configuration.namesFiles.count == 1)
        #expect(configuration.typography == Typography(quotes: .straight, dashes: .enSpaced))
        #expect(configuration.translitStandard == "ru-icao")
        let nested = directory.appendingPathComponent("articles/2024")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let found = ConfigurationResolver(mode: .discover).configurationFile(forDirectory: nested.standardizedFileURL.path)
        #expect(found == URL(fileURLWithPath: path).standardizedFileURL.path)
    }

    @Test func dictionariesExtendBuiltInTables() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kalka-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("style"), withIntermediateDirectories: true)
        let calques = """
            # columns: phrase\tsuggestion\tsource\tseverity\tnote
            # source: our desk
            # licence: internal
            holds a briefing on\tbriefs reporters on\tпроводит брифинг по\twarning\tthe desk prefers the verb

            """
        try Data(calques.utf8).write(to: directory.appendingPathComponent("style/calques.tsv"))
        let path = directory.appendingPathComponent(".kalka.yml").path
        try Data("dictionaries:\n  phrases/calques.tsv: [style/calques.tsv]\n".utf8).write(to: URL(fileURLWithPath: path))
        let configuration = try ConfigurationLoader.load(path)
        #expect(configuration.dictionaries.map(\.target) == ["phrases/calques.tsv"])
        #expect(configuration.dictionaries.first?.path.hasSuffix("style/calques.tsv") == true)
        #expect(configuration.dictionaries.first?.text == calques)

        try Data("dictionaries:\n  phrases/calques.tsv: [style/missing.tsv]\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load(path) }
    }

    @Test(arguments: [
        ("dictionaries:\n  phrases/calque.tsv: [a.tsv]\n", 2, 3, "unknown dictionary 'phrases/calque.tsv'; the tables are: "),
        ("dictionaries: [a.tsv]\n", 1, 15, "dictionaries must map a built-in table"),
        ("selct: [DUP]\n", 1, 1, "unknown setting 'selct'; the settings are: select, ignore, fail-on, severity, house-style, names-files, dictionaries, pattern-files, date, exclude, overrides"),
        ("date: 2014/05/02\n", 1, 7, "date must be the articles' publication date as YYYY-MM-DD"),
        ("house-style:\n  period-spellings: sometimes\n", 2, 21, "house-style period-spellings must be one of allow, flag"),
        ("select: [DUP]\nfail-on: sometimes\n", 2, 10, "fail-on must be one of error, warning, info, never"),
        ("select: [DUP, NOPE]\n", 1, 15, "unknown rule 'NOPE'"),
        ("ignore: NOPE\n", 1, 9, "unknown rule 'NOPE'"),
        ("severity:\n  DUP001: error\n  MIX: loud\n", 3, 8, "the severity for 'MIX' must be one of error, warning, info"),
        ("severity:\n  DUP9: error\n", 2, 3, "unknown rule 'DUP9'"),
        ("severity: [DUP]\n", 1, 11, "severity must map rules to a severity (error, warning, info)"),
        ("exclude: {a: b}\n", 1, 10, "expected exclude: a list of strings"),
        ("overrides:\n  - files: [a/**]\n    exclude: [b]\n", 3, 5, "unknown override setting 'exclude'; an override takes: files, select, ignore, fail-on, severity, house-style, names-files"),
        ("overrides:\n  - select: [DUP]\n", 2, 5, "an override needs files: [globs]"),
        ("overrides:\n  - files: [a]\n    select: [NAM, nope]\n", 3, 19, "unknown rule 'nope'"),
        ("overrides: {files: a}\n", 1, 12, "overrides must be a list of entries"),
        ("house-style:\n  nmes: {}\n", 2, 3, "unknown house-style setting 'nmes'; the settings are: names, quotes, dashes, translit"),
        ("house-style:\n  quotes: smart\n", 2, 11, "house-style quotes must be one of curly, straight"),
        ("house-style:\n  names: {}\n  dashes: em-dash\n", 3, 11, "house-style dashes must be one of em, em-spaced, en-spaced"),
        ("house-style:\n  translit: iso9\n", 2, 13, "house-style translit must be one of ru-ala-lc, ru-bgn-pcgn"),
        ("select: [DUP\n", 2, 1, "YAML syntax"),
    ])
    func errorsNameLineAndColumn(_ yaml: String, _ line: Int, _ column: Int, _ message: String) {
        do {
            _ = try ConfigurationLoader.parse(yaml, path: "cfg.yml")
            Issue.record("expected an error")
        } catch {
            #expect(error.path == "cfg.yml")
            #expect(error.line == line)
            #expect(error.column == column)
            #expect(error.description.contains(message), "\(error)")
        }
    }

    /// The house style picks the spelling fixes write; extra names files add names.
    /// A house's pattern file: loaded and checked with the configuration (errors name its own
    /// file, line and column), its patterns reported under their ids, and those ids usable as
    /// selectors in the same file.
    @Test func housePatternFilesAddPatterns() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kalka-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("style"), withIntermediateDirectories: true)
        let patterns = """
            # kalka patterns: our desk's calques
            # rule: CAL001
            # source: our desk
            # licence: internal

            pattern held-a-briefing
              source: провёл брифинг
              severity: warning
              match: [ @hold a briefing ]
              suggest: briefed reporters
              example: The minister ⟦held a briefing⟧ on Monday. => briefed reporters
              counter: The minister briefed reporters on Monday.

            """
        let file = directory.appendingPathComponent("style/calques.txt")
        try Data(patterns.utf8).write(to: file)
        let path = directory.appendingPathComponent(".kalka.yml").path
        try Data("pattern-files: [style/calques.txt]\nseverity: {CAL001/held-a-briefing: info}\n".utf8).write(to: URL(fileURLWithPath: path))
        let configuration = try ConfigurationLoader.load(path)
        #expect(configuration.patternFiles.count == 1)
        let linter = try Linter.configured(configuration, select: ["CAL001"])
        let source = SourceFile(path: "x", string: "The minister holds a briefing today.")
        let found = try linter.lint(source, format: .plain, analyzer: Analyzer())
        #expect(found.map(\.pattern) == ["CAL001/held-a-briefing"])
        #expect(found.map(\.textRange) == [13..<29])
        #expect(found.map(\.severity) == [.info], "the configuration's severity for the pattern applies")
        let ignoring = try Linter.configured(configuration, select: ["CAL001"], ignore: ["CAL001/held-a-briefing"])
        #expect(try ignoring.lint(source, format: .plain, analyzer: Analyzer()).isEmpty)

        // An error in the pattern file names that file, its line and column.
        try Data(patterns.replacingOccurrences(of: "[ @hold a briefing ]", with: "[ @hold a (briefing ]").utf8).write(to: file)
        do {
            _ = try ConfigurationLoader.load(path)
            Issue.record("expected an error")
        } catch {
            #expect(error.path == file.path)
            #expect(error.line == 9)
            #expect(error.column == 30)
            #expect(error.description.contains("expected '|' or ')'"), "\(error)")
        }
        // A built-in pattern's name may not be taken.
        try Data(patterns.replacingOccurrences(of: "held-a-briefing", with: "reported-about").utf8).write(to: file)
        try Data("pattern-files: [style/calques.txt]\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load(path) }
    }

    @Test func houseStyleAndExtraNamesReachTheRules() throws {
        var configuration = Configuration()
        configuration.nameStyle = ["Donbas": "Donbass", "Volodymyr Zelenskyy": "Volodymyr Zelensky"]
        configuration.namesFiles = [.init(path: "mine.tsv", text: "# columns: canonical\toriginal\trussian\tlanguage\tkind\tvariants\talternatives\tderivation\tnote\n# source: test\n# licence: CC0\nOksana Testenko\tОксана Тестенко\tОксана Тестенко\tuk\tperson\tOxana Testenko\t\tnational\ta test person\n")]
        let linter = try Linter.configured(configuration, select: ["NAM"])
        let source = SourceFile(path: "x", string: "In the Donbass, Vladimir Zelensky met Oxana Testenko.")
        let messages = try linter.lint(source, format: .plain, analyzer: Analyzer()).map(\.message)
        #expect(messages == [
            "“Vladimir Zelensky” is the Russian-based spelling of Володимир Зеленський: use “Volodymyr Zelensky”",
            "“Oxana Testenko” is the Russian-based spelling of Оксана Тестенко: use “Oksana Testenko”",
        ])
        configuration.nameStyle = ["Nowhere": "Nowhereville"]
        #expect(throws: DictionaryError.self) { try Linter.configured(configuration) }
    }

    @Test func readsSeverityExcludeAndOverrides() throws {
        let yaml = """
            severity:
              DUP001: info
              duplicated-word: error
              ALL: warning
            exclude: [drafts, "**/*.draft.md"]
            overrides:
              - files: ["translations/uk/**"]
                select: [NAM]
                fail-on: never
              - files: [opinion]
                severity: {NAM: info}
            """
        let configuration = try ConfigurationLoader.parse(yaml, path: "/p/.kalka.yml")
        #expect(configuration.severity == [.init("ALL", .warning), .init("duplicated-word", .error), .init("DUP001", .info)],
                "broadest first, so the narrowest selector wins whatever the order in the file")
        #expect(configuration.exclude == ["drafts", "**/*.draft.md"])
        #expect(configuration.overrides.map(\.files) == [["translations/uk/**"], ["opinion"]])
        #expect(configuration.overrides.map(\.line) == [7, 10])
        #expect(configuration.overrides[0].settings.select == ["NAM"])
        #expect(configuration.overrides[0].settings.failOn == .some(nil))
        #expect(configuration.overrides[1].settings.severity == [.init("NAM", .info)])
        let severities = BuiltInRules.severities(BuiltInRules.descriptions, configuration.severity)
        #expect(severities["DUP001"] == .info)
        #expect(severities["DUP002"] == .error)
        #expect(severities["MIX001"] == .warning)
        #expect(severities["NAM001"] == nil, "already a warning")
    }
}

@Suite struct ConfigurationResolverTests {
    private func project() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kalka-resolver-\(UUID().uuidString)").standardizedFileURL
        let files = [
            ".kalka.yml": "select: [DUP]\nexclude: [drafts]\noverrides:\n  - files: [\"news/uk/**\"]\n    select: [NAM]\n",
            "news/uk/a.txt": "", "news/b.txt": "", "drafts/c.txt": "",
            "opinion/.kalka.yml": "select: [NUM]\n", "opinion/d.txt": "", "opinion/deep/e.txt": "",
            "broken/.kalka.yml": "select: [DUP\n", "broken/f.txt": "",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    @Test func theNearestFileAppliesToEachPath() throws {
        let root = try project()
        let resolver = ConfigurationResolver(mode: .discover, workingDirectory: root.path)
        let news = try resolver.resolve("news/b.txt")
        #expect(news.file.path == root.appendingPathComponent(".kalka.yml").path)
        #expect(news.settings.select == ["DUP"])
        #expect(news.relativePath == "news/b.txt")
        let uk = try resolver.resolve("news/uk/a.txt")
        #expect(uk.settings.select == ["NAM"])
        #expect(uk.appliedOverrides.map(\.line) == [4])
        let opinion = try resolver.resolve(root.appendingPathComponent("opinion/deep/e.txt").path)
        #expect(opinion.file.path == root.appendingPathComponent("opinion/.kalka.yml").path)
        #expect(opinion.settings.select == ["NUM"], "a subdirectory's file applies alone")
        #expect(opinion.relativePath == "deep/e.txt")
        #expect(try resolver.resolve("drafts/c.txt").isExcluded)
        #expect(!news.isExcluded)
        #expect(try resolver.resolve("opinion", isDirectory: true).settings.select == ["NUM"])
        #expect(try resolver.resolveStandardInput().relativePath == nil)
    }

    @Test func configFileAndIsolatedModes() throws {
        let root = try project()
        let given = ConfigurationResolver(mode: .file("opinion/.kalka.yml"), workingDirectory: root.path)
        let news = try given.resolve("news/b.txt")
        #expect(news.settings.select == ["NUM"])
        #expect(news.relativePath == "../news/b.txt", "paths are taken from the file's directory")
        let isolated = try ConfigurationResolver(mode: .isolated, workingDirectory: root.path).resolve("news/uk/a.txt")
        #expect(isolated.file.path == nil && isolated.settings == Configuration() && !isolated.isExcluded)
    }

    @Test func aBrokenFileIsAnErrorOnlyWhereItApplies() throws {
        let root = try project()
        let resolver = ConfigurationResolver(mode: .discover, workingDirectory: root.path)
        #expect(try resolver.resolve("news/b.txt").settings.select == ["DUP"])
        do {
            _ = try resolver.resolve("broken/f.txt")
            Issue.record("expected an error")
        } catch {
            #expect(error.path == root.appendingPathComponent("broken/.kalka.yml").path)
            #expect(error.line == 2 && error.column == 1)
        }
    }

    @Test func showsTheEffectiveSettings() throws {
        let root = try project()
        let resolution = try ConfigurationResolver(mode: .discover, workingDirectory: root.path).resolve("news/uk/a.txt")
        let settings = EffectiveSettings(path: "news/uk/a.txt", resolution: resolution)
        #expect(settings.rules.map(\.code) == BuiltInRules.descriptions.map(\.code).filter { $0.hasPrefix("NAM") })
        let text = settings.text
        #expect(text.contains("configuration: \(root.appendingPathComponent(".kalka.yml").path)\n"))
        #expect(text.contains("overrides-applied:\n  - files: [news/uk/**]   # line 4\n"))
        #expect(text.contains("select: [NAM]\n"))
        #expect(text.contains("exclude: [drafts]\n"))
        #expect(text.contains("  NAM001: warning   # russian-form-name\n"))
        #expect(!text.contains("DUP001"))
    }
}

/// Input paths are made absolute without Foundation's URL work when they are plain; the result
/// must be exactly what standardizing gives, for plain paths and for the others alike.
@Suite struct AbsolutePathTests {
    @Test func plainPathsJoinAsStandardizingWould() {
        let directories = ["/work/main", "/", "/tmp/a b/Київ", "/srv/x/./y", "/srv/x/../y", "/srv//x", "/srv/x/"]
        let paths = ["a.txt", "docs/a.md", "/abs/file.txt", "./a.txt", "../a.txt", "docs/../a.txt", "docs/./a.txt",
                     "docs//a.txt", "docs/", "/", ".", "..", "...", "..a", "a..", ".hidden", "dir/.hidden/.x",
                     "Статті/стаття 1.txt", "sp ace/%20.txt", "/abs/../x", "/abs/./x"]
        for directory in directories {
            for path in paths {
                let standardized = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: directory, isDirectory: true)).standardizedFileURL.path
                #expect(ConfigurationResolver.absolute(path, in: directory) == standardized, "\(path) in \(directory)")
            }
        }
        #expect(ConfigurationResolver.isPlain("docs/a.md") && ConfigurationResolver.isPlain("/abs/x") && ConfigurationResolver.isPlain("...") && ConfigurationResolver.isPlain(".hidden"))
        #expect(!ConfigurationResolver.isPlain("./a") && !ConfigurationResolver.isPlain("a/..") && !ConfigurationResolver.isPlain("a//b") && !ConfigurationResolver.isPlain("a/") && !ConfigurationResolver.isPlain(""))
    }
}
