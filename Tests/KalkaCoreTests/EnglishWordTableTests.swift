import Testing
import KalkaCore
@testable import KalkaModel
@testable import KalkaText
@testable import KalkaKnowledge

/// The English word list is one table the build laid out (`EnglishWordTable`), asked in place,
/// and the sentence model looks each distinct word of a document up once, however often it
/// occurs. Work is counted (`WorkCounter`, debug builds), never timed.
@Suite struct EnglishWordTableTests {
    static let text = """
        The river rose again this week. The river rose because the rain fell for days, and the \
        rain kept falling. Engineers said the river would fall when the rain stopped.

        the rain stopped. Then the river fell, slowly, and the engineers went home.
        """

    @Test(.enabled(if: WorkCounter.isCounting, "work is counted in debug builds only"))
    func eachDistinctWordIsLookedUpOnce() throws {
        let store = DictionaryStore(texts: DictionaryStore.builtInTexts)
        let oddity = try SentenceOddity(dictionaries: store)
        let analysis = try Analyzer().analyze(PlainTextReader().read(Array(Self.text.utf8)))
        let distinct = Set(analysis.tokens.filter { $0.kind != .space }.map(\.foldedHash)).count
        let occurrences = analysis.tokens.filter { $0.kind == .word }.count
        var scores: [SentenceScore] = []
        let lookups = WorkCounter.counting { scores = oddity.scores(analysis) }
        #expect(scores.count == analysis.sentences.count)
        #expect(lookups == distinct)
        #expect(lookups < occurrences, "the text repeats its words")
        // Scoring a sentence again reads the document's entries, looking nothing up.
        #expect(WorkCounter.counting { _ = oddity.score(sentence: 1, in: analysis) } == 0)
        #expect(oddity.score(sentence: 1, in: analysis) == scores[1])
    }

    @Test func startUpBuildsNoWordTable() throws {
        let store = DictionaryStore(texts: DictionaryStore.builtInTexts)
        let table = try #require(store.englishWordTable)
        // The set of English words is the table itself: nothing is copied into a hash set.
        let words = try store.englishWords()
        #expect(words.readyWords != nil)
        #expect(words.hashes.count == 0)
        #expect(words.count == table.count)
        #expect(words.contains("river") && words.contains("The") && !words.contains("kalkaword"))
        // A store whose word list is not the built-in text parses it, and agrees.
        var texts = DictionaryStore.builtInTexts
        texts["english/word-classes.tsv"]! += "\n"
        let parsed = try DictionaryStore(texts: texts).englishWords()
        #expect(parsed.readyWords == nil)
        for word in ["river", "The", "kalkaword", "engineers", "slowly", "Kyiv"] {
            #expect(parsed.contains(word) == words.contains(word), "\(word)")
        }
    }
}
