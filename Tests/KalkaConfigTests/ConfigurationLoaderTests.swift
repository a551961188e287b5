import Foundation
import Testing
import KalkaConfig
@testable import KalkaCore

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
        #expect(ConfigurationLoader.find(from: nested.path).map { URL(fileURLWithPath: $0).standardizedFileURL.path } == URL(fileURLWithPath: path).standardizedFileURL.path)
    }

    @Test(arguments: [
        ("selct: [DUP]\n", 1, 1, "unknown setting 'selct'; the settings are: select, ignore, fail-on, house-style, names-files"),
        ("select: [DUP]\nfail-on: sometimes\n", 2, 10, "fail-on must be one of error, warning, info, never"),
        ("select: [NOPE]\n", 1, 9, "unknown rule 'NOPE'"),
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
}
