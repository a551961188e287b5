import Testing
import KalkaCore
@testable import KalkaKnowledge

/// The tables the build lays out as literals (`PrecomputedDictionaries.builtInTable`, the name
/// dictionary's ready entries) say what parsing their text says, a house's own rows still mix
/// with them as before, and checking a short file parses no table at all.
@Suite struct ReadyTableTests {
    static let texts = DictionaryStore.builtInTexts

    /// The built-in texts with a blank line added to each table: equal rows, but no longer the
    /// built-in text, so a store made of them parses every table as kalka did before.
    static var parsedTexts: [String: String] {
        texts.mapValues { $0 }.reduce(into: [:]) { result, pair in
            result[pair.key] = DictionaryStore.isRuleFile(pair.key) ? pair.value : pair.value + "\n"
        }
    }

    @Test func everySmallTableIsReadyAndIsItsText() throws {
        var ready = 0
        for path in Self.texts.keys.sorted() where !DictionaryStore.isRuleFile(path) && !DictionaryStore.isPatternFile(path) && !path.hasPrefix("html/") {
            let parsed = try DictionaryFile.parse(path: path, text: Self.texts[path]!)
            guard let table = PrecomputedDictionaries.builtInTable(path) else {
                #expect(parsed.rows.count > 1_000, "\(path) has no ready form")
                continue
            }
            #expect(table.path == path)
            #expect(table.columns == parsed.columns, "\(path)")
            #expect(table.source == parsed.source && table.licence == parsed.licence, "\(path)")
            #expect(table.caseSensitive == parsed.caseSensitive, "\(path)")
            #expect(table.rows.map(\.line) == parsed.rows.map(\.line), "\(path)")
            #expect(table.rows.map(\.fields) == parsed.rows.map(\.fields), "\(path)")
            ready += 1
        }
        #expect(ready >= 15)
    }

    /// The name dictionary built from the ready entries is the one built by parsing the files
    /// and deriving each entry's variants, field by field.
    @Test func readyNamesAreTheBuiltOnes() throws {
        let readyStore = DictionaryStore(texts: Self.texts)
        let parsedStore = DictionaryStore(texts: Self.parsedTexts)
        let ready = try NameDictionary(store: readyStore)
        let parsed = try NameDictionary(store: parsedStore)
        #expect(readyStore.parsedTablePaths.isEmpty)
        #expect(parsedStore.parsedTablePaths.contains("names/ukraine-places.tsv"))
        try #require(ready.entries.count == parsed.entries.count)
        for (mine, theirs) in zip(ready.entries, parsed.entries) {
            #expect(Self.fields(mine) == Self.fields(theirs))
        }
        #expect(ready.forms.map(\.text) == parsed.forms.map(\.text))
        #expect(ready.forms.map(\.entry) == parsed.forms.map(\.entry))
        #expect(ready.forms.map(\.role) == parsed.forms.map(\.role))
        #expect(ready.variantOwners == parsed.variantOwners)
        #expect(ready.givenNames == parsed.givenNames)
        #expect(ready.givenNameForms == parsed.givenNameForms)
        #expect(ready.compiledRomanizers == 0)
    }

    static func fields(_ entry: NameEntry) -> [String] {
        [entry.canonical, entry.original, entry.russian, entry.language, entry.kind.rawValue, entry.variants.joined(separator: "|"),
         entry.alternatives.joined(separator: "|"), entry.derivation.rawValue, entry.note, entry.path, String(entry.line)]
    }

    /// `ASCII lowering` in the name dictionary is the library's `lowercased()`.
    @Test func lowercasedIsTheLibrarys() {
        for text in ["Kyiv", "KHARKIV Oblast", "already lower", "Čaputová", "İstanbul", "ẞ", "", "Dnipro-2 @Z["] {
            #expect(NameDictionary.lowercased(text) == text.lowercased(), "\(text)")
        }
    }

    // MARK: - A house's rows with the built-in tables

    static let houseNames = """
        # columns: canonical\toriginal\trussian\tlanguage\tkind\tvariants\talternatives\tderivation\tnote
        # source: a house's own list (test)
        # licence: Apache-2.0
        Zorivka\tЗорівка\tЗоревка\tuk\tsettlement\tZorivca\t\tnational\ta village made up for this test
        """

    /// Replaces the built-in row for Odesa (one more variant to flag) and adds a town.
    static let housePlaces = """
        # columns: canonical\toriginal\trussian\tlanguage\tkind\tvariants\talternatives\tderivation\tnote
        # source: a house's own rows (test)
        # licence: Apache-2.0
        Odesa\tОдеса\tОдесса\tuk\tsettlement\tOdessa|Odesssa\t\tnational\toblast centre, with a house misspelling
        Kvitneve\tКвітневе\tКвитневое\tuk\tsettlement\tKvitnevoe\t\tnational\ta village made up for this test
        """

    static let houseCalques = """
        # columns: phrase\tsuggestion\tsource\tseverity\tnote
        # source: a house's own rows (test)
        # licence: Apache-2.0
        carry out a meeting\thold a meeting\tпровести встречу\twarning\ta house calque
        """

    static var houseConfiguration: Configuration {
        var configuration = Configuration()
        configuration.namesFiles = [.init(path: "style/names.tsv", text: houseNames)]
        configuration.nameStyle = ["Volodymyr Zelenskyy": "Volodymyr Zelensky"]
        configuration.dictionaries = [
            DictionaryExtension(target: "names/ukraine-places.tsv", path: "style/places.tsv", text: housePlaces),
            DictionaryExtension(target: "phrases/calques.tsv", path: "style/calques.tsv", text: houseCalques),
        ]
        return configuration
    }

    /// Findings with a house's names file, rows for two built-in tables (one of them a name
    /// file) and a house spelling of a name are the findings of a store that parses every table, as kalka did before the
    /// ready forms; and the house's rows are among them.
    @Test func houseRowsMixWithReadyTablesAsBefore() throws {
        let configuration = Self.houseConfiguration
        let readyStore = try Linter.dictionaryStore(for: configuration)
        let parsedStore = DictionaryStore(texts: Self.parsedTexts.merging(["names/user-0-names.tsv": Self.houseNames]) { _, house in house },
                                          houseStyle: configuration.nameStyle, extensions: configuration.dictionaries)
        let text = """
            Dmitry Kuleba flew from Kiev to Odesssa and then to Zorivca and Kvitnevoe.
            Officials said they would carry out a meeting in Odessa on Monday, then tells the details.
            President Volodymyr Zelenskyy met Vladimir Zelenskiy in Kyiv.

            """
        let source = try SourceFile(path: "house.txt", bytes: Array(text.utf8))
        func findings(_ store: DictionaryStore) throws -> [String] {
            let linter = try Linter.configured(configuration, store: store)
            return try linter.lint(source, format: .plain, analyzer: Analyzer()).map { finding in
                let flagged = String(decoding: source.bytes[finding.textRange], as: UTF8.self)
                return "\(finding.rule.code) \(finding.textRange) \(flagged): \(finding.message) \(String(describing: finding.fix))"
            }
        }
        let ready = try findings(readyStore)
        let parsed = try findings(parsedStore)
        #expect(ready == parsed)
        // The built-in rows still read ready; only the house's own files are parsed.
        #expect(Set(readyStore.parsedTablePaths) == ["style/places.tsv", "style/calques.tsv", "names/user-0-names.tsv"])
        for flagged in ["Kiev", "Odesssa", "Odessa", "Zorivca", "Kvitnevoe", "carry out a meeting", "tells the details"] {
            #expect(ready.contains { $0.contains(" \(flagged): ") }, "\(flagged) not flagged")
        }
    }

    /// Work counted, not timed: every default rule made ready and a one-line file checked parse
    /// no dictionary text at all, and compile no transliterator.
    @Test func checkingOneLineParsesNoDictionary() throws {
        let store = DictionaryStore(texts: Self.texts)
        let linter = try Linter.builtIn(store: store, select: [], ignore: [])
        let source = try SourceFile(path: "one.txt", bytes: Array("Dmitry Kuleba visited Kiev on Monday.\n".utf8))
        #expect(try !linter.lint(source, format: .plain, analyzer: Analyzer()).isEmpty)
        #expect(store.parsedTablePaths == [])
        #expect(try NameDictionary.of(store).compiledRomanizers == 0)
    }

    /// The curated people's name parts (about 15 M instructions to build) are built only when a
    /// document has a capitalized word they could judge: not for a line whose capitalized words
    /// are English words and a place, and then for one naming a surname no list holds.
    @Test func namePartsAreBuiltOnlyForAWordTheyJudge() throws {
        let store = DictionaryStore(texts: Self.texts)
        let linter = try Linter.builtIn(store: store, select: ["NAM001"], ignore: [])
        let names = try NameDictionary.of(store)
        let plain = try SourceFile(path: "one.txt", bytes: Array("The minister met the mayor of Kiev on Monday.\n".utf8))
        _ = try linter.lint(plain, format: .plain, analyzer: Analyzer())
        #expect(!names.hasBuiltPersonParts)
        let surname = try SourceFile(path: "two.txt", bytes: Array("In Kyiv, the minister met Zhivytsky on Monday.\n".utf8))
        _ = try linter.lint(surname, format: .plain, analyzer: Analyzer())
        #expect(names.hasBuiltPersonParts)
    }
}
