import Dispatch
import Testing
import KalkaCore

/// Facts a document shares between rules, and knowledge a store shares: computed once per key
/// (per document, per store), typed by the key.
@Suite struct DocumentFactTests {
    static let wordCount = DocumentFact<Int>()
    static let firstWord = DocumentFact<String>()
    static let tableSize = StoreFact<Int>()

    final class Calls: @unchecked Sendable {
        private let lock = Lock()
        private var count = 0
        func record() { lock.withLock { count += 1 } }
        var total: Int { lock.withLock { count } }
    }

    static func analysis(_ text: String) throws -> Analysis {
        try Analyzer().analyze(PlainTextReader().read(Array(text.utf8)))
    }

    @Test func aFactIsComputedOncePerDocument() throws {
        let calls = Calls()
        let analysis = try Self.analysis("Three short words.")
        func count(_ analysis: Analysis) -> Int {
            analysis.fact(Self.wordCount) {
                calls.record()
                return analysis.tokens.filter { $0.kind == .word }.count
            }
        }
        #expect(count(analysis) == 3)
        #expect(count(analysis) == 3)
        #expect(calls.total == 1)
        // Another document has its own.
        #expect(count(try Self.analysis("Two words.")) == 2)
        #expect(calls.total == 2)
    }

    @Test func keysOfDifferentTypesKeepTheirOwnValues() throws {
        let analysis = try Self.analysis("Alpha beta.")
        #expect(analysis.fact(Self.wordCount) { 2 } == 2)
        #expect(analysis.fact(Self.firstWord) { analysis.text(of: analysis.tokens[0]) } == "Alpha")
        #expect(analysis.fact(Self.wordCount) { 99 } == 2)
    }

    @Test func aFactMayBeComputedFromAnother() throws {
        let analysis = try Self.analysis("One two three.")
        let described = analysis.fact(Self.firstWord) {
            "\(analysis.fact(Self.wordCount) { analysis.tokens.filter { $0.kind == .word }.count }) words"
        }
        #expect(described == "3 words")
    }

    @Test func concurrentAsksComputeOnce() throws {
        let calls = Calls()
        let analysis = try Self.analysis("Some words to count here.")
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            _ = analysis.fact(Self.wordCount) {
                calls.record()
                return 5
            }
        }
        #expect(calls.total == 1)
    }

    @Test func aStoreBuildsOncePerKeyAndPath() throws {
        let calls = Calls()
        let header = "# columns: word\n# source: test\n# licence: test\n"
        let store = DictionaryStore(texts: ["a.tsv": header + "x\n", "b.tsv": header + "x\ny\n"])
        func size(_ path: String) throws -> Int {
            try store.derived(Self.tableSize, path: path) {
                calls.record()
                return try store.file(path).rows.count
            }
        }
        #expect(try size("a.tsv") == 1)
        #expect(try size("b.tsv") == 2)
        #expect(try size("a.tsv") == 1)
        #expect(calls.total == 2)
        #expect(try store.derived(Self.tableSize) { 7 } == 7)
        #expect(try store.derived(Self.tableSize) { 8 } == 7)
    }
}
