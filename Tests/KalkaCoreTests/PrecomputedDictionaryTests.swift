import Testing
import KalkaCore
@testable import KalkaKnowledge

/// The ready forms the build derives from the big tables (`PrecomputedDictionaries`) say what
/// their text says, entry by entry, and start-up uses them instead of parsing or romanizing.
@Suite struct PrecomputedDictionaryTests {
    static let texts = DictionaryStore.builtInTexts

    /// Every row of english/word-classes.tsv: the build's table finds the word's folded hash
    /// (`FoldedHash.of`) with the text's class and finite flag (a repeated word's last row), and
    /// holds no other word.
    @Test func wordTableAgreesWithTheText() throws {
        let file = try DictionaryFile.parse(path: "english/word-classes.tsv", text: Self.texts["english/word-classes.tsv"]!)
        let table = try #require(EnglishWordTable.builtIn)
        var expected: [UInt64: (String, Bool)] = [:]
        for row in file.rows { expected[FoldedHash.of(row[0])] = (row[1], row[2] == "y") }
        #expect(table.count == expected.count)
        var mismatches: [String] = []
        for row in file.rows {
            let hash = FoldedHash.of(row[0])
            guard let value = table.value(hash) else { mismatches.append("\(row[0]): missing"); continue }
            let (label, finite) = expected[hash]!
            if table.labels[Int(value & ~EnglishWordTable.finiteFlag)] != label || (value & EnglishWordTable.finiteFlag != 0) != finite {
                mismatches.append("line \(row.line): \(row[0])")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        #expect(table.longestWord == file.rows.map { $0[0].utf8.count }.max())
        // Words not in the list, and hashes near the list's, are not found.
        for word in ["kalkaword", "zzqx", "Kyivska", ""] where expected[FoldedHash.of(word)] == nil {
            #expect(table.value(FoldedHash.of(word)) == nil, "\(word)")
        }
        var strays = 0
        for hash in expected.keys.prefix(2_000) where expected[hash &+ 1] == nil && table.value(hash &+ 1) != nil { strays += 1 }
        #expect(strays == 0)
        #expect(table.value(0) == nil)
    }

    @Test func classBigramsAgreeWithTheText() throws {
        let file = try DictionaryFile.parse(path: "english/class-bigrams.tsv", text: Self.texts["english/class-bigrams.tsv"]!)
        let table = try #require(PrecomputedDictionaries.builtInClassBigrams)
        try #require(table.rows.count == file.rows.count)
        for (row, ready) in zip(file.rows, table.rows) {
            #expect("\(table.labels[Int(ready.previous)]) \(table.labels[Int(ready.next)])" == row[0], "line \(row.line)")
            #expect(ready.count == Double(row[1]), "line \(row.line)")
        }
    }

    /// Every Russian form of every name file has the build's renderings, and they are what ICU
    /// gives with the rule files now.
    @Test func russianRenderingsAreICUs() throws {
        let standards = try TransliterationStandards.builtIn.get()
        let romanizers = try NameDictionary.russianRenderingStandards.map { try Romanizer(standards.standard(named: $0)!) }
        #expect(PrecomputedDictionaries.russianRenderingStandards == NameDictionary.russianRenderingStandards)
        var checked = 0
        for path in Self.texts.keys.sorted() where path.hasPrefix("names/") {
            let file = try DictionaryFile.parse(path: path, text: Self.texts[path]!)
            guard file.columns == NameDictionary.columns else { continue }
            let lines = try #require(PrecomputedDictionaries.russianRenderings(path: path), "\(path) has no renderings")
            for row in file.rows where !row[2].isEmpty {
                let expected = try romanizers.map { try $0.romanize(row[2]) }
                #expect(lines[row.line] == expected, "\(path):\(row.line): \(row[2])")
                checked += 1
            }
        }
        #expect(checked > 500)
    }

    /// The name dictionary is the same built from the ready renderings as from compiled rules
    /// (a rule file that differs from the built-in one, by a comment, turns them off).
    @Test func nameDictionaryIsTheSameEitherWay() throws {
        let ready = try NameDictionary(store: DictionaryStore(texts: Self.texts))
        var texts = Self.texts
        texts["translit/ru-wikipedia.txt"]! += "\n# a comment: the same rules, not the built-in text\n"
        let compiled = try NameDictionary(store: DictionaryStore(texts: texts))
        #expect(ready.compiledRomanizers == 0)
        #expect(compiled.compiledRomanizers == 2)
        #expect(ready.entries.map(\.variants) == compiled.entries.map(\.variants))
        #expect(ready.entries.map(\.canonical) == compiled.entries.map(\.canonical))
        #expect(ready.forms.map(\.text) == compiled.forms.map(\.text))
    }

    /// The sentence model scores the same from the ready tables as from the parsed text.
    @Test func sentenceOddityIsTheSameEitherWay() throws {
        let ready = try SentenceOddity(dictionaries: DictionaryStore(texts: Self.texts))
        var texts = Self.texts
        texts["english/word-classes.tsv"]! += "\n"
        texts["english/class-bigrams.tsv"]! += "\n"
        let parsedStore = DictionaryStore(texts: texts)
        let parsed = try SentenceOddity(dictionaries: parsedStore)
        #expect(parsedStore.parsedTablePaths.contains("english/word-classes.tsv"))
        let text = "The council met on Tuesday. them or doesn't the with of. Prices rose sharply and quickly, the report said.\n\nit was"
        let analysis = try Analyzer().analyze(PlainTextReader().read(Array(text.utf8)))
        // Each model scores an analysis of its own, so neither can read the other's shared facts.
        let again = try Analyzer().analyze(PlainTextReader().read(Array(text.utf8)))
        #expect(ready.scores(analysis) == parsed.scores(again))
        #expect(!ready.scores(analysis).isEmpty)
        for token in analysis.tokens where token.kind == .word {
            #expect(ready.lexicalClass(token)?.label == parsed.lexicalClass(token)?.label)
            #expect(ready.lexicalClass(token)?.canBeFiniteVerb == parsed.lexicalClass(token)?.canBeFiniteVerb)
        }
        let parsedWords = try parsedStore.englishWords(), readyWords = try DictionaryStore(texts: Self.texts).englishWords()
        #expect(parsedWords.count == readyWords.count)
        for token in analysis.tokens where token.kind == .word {
            #expect(parsedWords.contains(token) == readyWords.contains(token))
        }
        // The build's oddness table is used, and is the computed one bit for bit.
        #expect(PrecomputedDictionaries.builtInSentenceOddness?.values == ready.oddness)
        #expect(ready.oddness.map(\.bitPattern) == parsed.oddness.map(\.bitPattern))
    }

    /// Phrases of plain words skip ICU: their hashes are the ones ICU's word breaking gives, for
    /// every first column of every built-in table.
    @Test func plainPhrasesTokenizeAsICUDoes() throws {
        var plain = 0
        for path in Self.texts.keys.sorted() where !DictionaryStore.isRuleFile(path) && !DictionaryStore.isPatternFile(path) {
            let phrases = try DictionaryFile.parse(path: path, text: Self.texts[path]!).rows.map { $0[0] }
            let segmented = try PhraseTokenizer.segmentedTokenHashes(phrases)
            for (phrase, hashes) in zip(phrases, segmented) {
                guard let fast = PhraseTokenizer.plainWordHashes(phrase) else { continue }
                #expect(fast == hashes, "\(path): \(phrase)")
                plain += 1
            }
        }
        #expect(plain > 30_000)
        // The name dictionary's forms too: the derived spellings ("Donalʹd Tramp", "N·ensi").
        let forms = try NameDictionary.of(DictionaryStore.builtIn.get()).forms.map(\.text)
        var plainForms = 0
        for (form, hashes) in zip(forms, try PhraseTokenizer.segmentedTokenHashes(forms)) {
            guard let fast = PhraseTokenizer.plainWordHashes(form) else { continue }
            #expect(fast == hashes, "\(form)")
            plainForms += 1
        }
        #expect(plainForms == forms.count)
        // Words, digits and the separators the fast path reads, each compared with ICU.
        let fast = ["Chicken Kiev", "St. Petersburg", "J.D. Vance", "Thomas-Greenfield", "Dnipro-2", "Odessa, Texas", "Orbán",
                    "Péter Szijjártó", "Kyiv's", "on today's day", "Read also:", "as for today,", "captain of the 1st rank",
                    "2.5 million", "U.S. State Secretary", "a..b", "-Kiev", "Kiev.", "e.g. Kyiv", "24 hours", "Donalʹd Tramp",
                    "Dzhey Di V·ens", "ɐʹ·ʹa"]
        let segmented = try PhraseTokenizer.segmentedTokenHashes(fast)
        for (phrase, hashes) in zip(fast, segmented) {
            #expect(PhraseTokenizer.plainWordHashes(phrase) == hashes, "\(phrase)")
        }
        // What ICU decides: other characters, doubled or outer spaces, colons between words,
        // commas between digits, periods between a letter and a digit.
        for phrase in ["", " Kiev", "Kiev ", "Chicken  Kiev", "Київ", "Kyiv’s", "Home / News", "Copyright ©", "10:30", "a:b",
                       "1,000", "a.1", "1.a", "Ctrl+Enter", "Naïve\u{301}", "e\u{301}", "a·1", "·a", "a·", "ª"] {
            #expect(PhraseTokenizer.plainWordHashes(phrase) == nil, "\(phrase)")
        }
    }

    /// Start-up work, counted: every rule made ready and a one-line English file checked parse
    /// neither big table and compile no transliterator.
    @Test func checkingOneLineParsesNoBigTable() throws {
        let store = DictionaryStore(texts: Self.texts)
        let linter = try Linter.builtIn(store: store, select: [], ignore: [])
        let source = try SourceFile(path: "one.txt", bytes: Array("The minister met the mayor of Kiev on Monday.\n".utf8))
        let diagnostics = try linter.lint(source, format: .plain, analyzer: Analyzer())
        #expect(!diagnostics.isEmpty)
        #expect(!store.parsedTablePaths.contains("english/word-classes.tsv"))
        #expect(!store.parsedTablePaths.contains("english/class-bigrams.tsv"))
        #expect(try NameDictionary.of(store).compiledRomanizers == 0)
    }
}
