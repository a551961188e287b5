import Foundation
import Testing
import KalkaCore

@Suite struct DictionaryFileTests {
    /// Every file in Dictionaries/ (except the README and build scripts) is compiled in, parses,
    /// and is described in Dictionaries/README.md. The gazetteer's and the surnames' folders are
    /// not compiled in as text: the build lays out tables from their data files (`GazetteerTests`
    /// and `SurnameTests` check those), and their rule file only feeds the script that makes them.
    @Test func everyFileIsEmbeddedValidAndDocumented() throws {
        let directory = Paths.root.appendingPathComponent("Dictionaries")
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)!
        var onDisk: [String] = []
        for case let url as URL in enumerator where ["tsv", "txt"].contains(url.pathExtension) {
            onDisk.append(String(url.path.dropFirst(directory.path.count + 1)))
        }
        let tablesOnly = ["gazetteer/", "people/"]
        #expect(Set(onDisk.filter { path in !tablesOnly.contains { path.hasPrefix($0) } }) == Set(DictionaryStore.builtInTexts.keys))
        let readme = try Paths.read("Dictionaries/README.md")
        for path in onDisk.sorted() {
            let text = try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
            if !tablesOnly.contains(where: { path.hasPrefix($0) }) { #expect(text == DictionaryStore.builtInTexts[path], "\(path) is stale in the build") }
            if DictionaryStore.isPatternFile(path) {
                let file = try PatternFile.parse(path: path, text: text, inflections: Inflections.of(Lint.store))
                #expect(!file.patterns.isEmpty, "\(path) has no patterns")
            } else if !DictionaryStore.isRuleFile(path) {
                let file = try DictionaryFile.parse(path: path, text: text)
                #expect(!file.rows.isEmpty, "\(path) has no entries")
            }
            #expect(text.precomposedStringWithCanonicalMapping == text, "\(path) is not NFC")
            #expect(!text.contains("\r"), "\(path) has CR line endings")
            #expect(readme.contains("`\(path)`"), "\(path) is not described in Dictionaries/README.md")
        }
        #expect(throws: Never.self) { try DictionaryStore.builtIn.get().validateAll() }
    }

    @Test func malformedFilesAreRejectedWithTheirLine() {
        let header = "# columns: phrase\tnote\n# source: test\n# licence: CC0\n"
        #expect(throws: DictionaryError(path: "a.tsv", line: 5, message: "duplicate entry 'Had had' (first on line 4)")) {
            try DictionaryFile.parse(path: "a.tsv", text: header + "had had\tx\nHad had\ty\n")
        }
        #expect(throws: DictionaryError(path: "a.tsv", line: 4, message: "3 fields, but the header declares 2 (phrase, note)")) {
            try DictionaryFile.parse(path: "a.tsv", text: header + "a\tb\tc\n")
        }
        #expect(throws: DictionaryError(path: "a.tsv", line: 4, message: "column 'phrase' has leading or trailing spaces")) {
            try DictionaryFile.parse(path: "a.tsv", text: header + "a \tb\n")
        }
        #expect(throws: DictionaryError(path: "a.tsv", line: 1, message: "missing '# licence:' header line")) {
            try DictionaryFile.parse(path: "a.tsv", text: "# columns: word\n# source: me\nword\n")
        }
        #expect(throws: DictionaryError(path: "a.tsv", line: 1, message: "entry before the '# columns:' header line")) {
            try DictionaryFile.parse(path: "a.tsv", text: "word\n")
        }
    }

    @Test func phraseSetsMatchTokensNotSpacing() throws {
        let phrases = try PhraseSet(["many, many", "more and more"])
        let analysis = try Analyzer().analyze(PlainTextReader().read(Array("Many,  many and MORE and more".utf8)))
        let significant = analysis.tokens.filter { $0.kind != .space }
        #expect(phrases.contains(significant[0..<3]))
        #expect(phrases.contains(significant[4..<7]))
        #expect(!phrases.contains(significant[0..<2]))
    }
}
