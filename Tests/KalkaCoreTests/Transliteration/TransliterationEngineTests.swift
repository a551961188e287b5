import Foundation
import Testing
import KalkaCore
@testable import KalkaEngine
@testable import KalkaKnowledge
@testable import KalkaText

/// The engine around the standards: headers, rule errors, language guessing, mixed lines,
/// streaming. Uses small made-up rule sets so that it tests the engine, not a standard.
@Suite struct TransliterationEngineTests {
    static func header(_ name: String, _ language: String) -> String {
        "# name: \(name)\n# title: Test \(name)\n# language: \(language)\n# source: a test\n# scope: tests\n# licence: Apache-2.0\n"
    }

    /// Marks every Cyrillic letter with its standard's language, so segments are visible.
    static let standards = try! TransliterationStandards(ruleFiles: [
        "translit/test-uk.txt": header("test-uk", "uk") + "[:Cyrillic:] > u ;\n",
        "translit/test-ru.txt": header("test-ru", "ru") + "[:Cyrillic:] > r ;\n",
    ])

    private func romanizer(_ mode: LanguageMode) throws -> TextRomanizer {
        try TextRomanizer(ukrainian: Self.standards.standard(named: "test-uk")!, russian: Self.standards.standard(named: "test-ru")!, mode: mode)
    }

    @Test func wordsProveTheirLanguageByTheirLetters() {
        #expect(CyrillicLanguageGuess.language(ofWord: "Київ") == .uk)
        #expect(CyrillicLanguageGuess.language(ofWord: "Ґалаґан") == .uk)
        #expect(CyrillicLanguageGuess.language(ofWord: "Знам'янка") == .uk)
        #expect(CyrillicLanguageGuess.language(ofWord: "м’ята") == .uk)
        #expect(CyrillicLanguageGuess.language(ofWord: "Съезд") == .ru)
        #expect(CyrillicLanguageGuess.language(ofWord: "ёлка") == .ru)
        #expect(CyrillicLanguageGuess.language(ofWord: "мэр") == .ru)
        #expect(CyrillicLanguageGuess.language(ofWord: "Москва") == nil)
        #expect(CyrillicLanguageGuess.language(ofWord: "Kyiv") == nil)
    }

    @Test func theDocumentVoteDecidesAmbiguousWords() {
        let ukrainian = "Мер Києва Віталій Кличко заявив, що місто готове до зими."
        let russian = "Мэр Москвы Сергей Собянин объявил, что город готов к зиме."
        #expect(CyrillicLanguageGuess.vote(ukrainian).winner == .uk)
        #expect(CyrillicLanguageGuess.vote(russian).winner == .ru)
        #expect(CyrillicLanguageGuess.vote("Москва").winner == .uk, "no decisive word: kalka's default")
        let mixed = CyrillicLanguageGuess.vote(ukrainian + " " + russian + " Съезд съел")
        #expect(mixed.winner == .ru)
    }

    @Test func cyrillicWordsKeepInnerApostrophesOnly() {
        #expect(CyrillicWords.words("'Знам'янка' and Київ’s, м’ята, на́голос") == ["Знам'янка", "Київ", "м’ята", "на́голос"])
    }

    /// Words whose letters fit both languages are told apart by the marker lists.
    @Test func markerWordsDecideWhereLettersCannot() {
        #expect(CyrillicLanguageGuess.language(ofWord: "что") == .ru)
        #expect(CyrillicLanguageGuess.language(ofWord: "и") == .ru)
        #expect(CyrillicLanguageGuess.language(ofWord: "як") == .uk)
        #expect(CyrillicLanguageGuess.language(ofWord: "але") == .uk)
        #expect(CyrillicLanguageGuess.language(ofWord: "Москва") == nil)
    }

    /// Decisive words keep their language; the others follow their line's vote, and a line
    /// with no decisive word follows the document's.
    @Test func eachWordGoesByItsLanguageAndAmbiguousOnesByTheVote() throws {
        let line = "Харків і Москва, but Съезд and Київ."
        #expect(try romanizer(.auto(vote: .uk)).romanize(line) == "uuuuuu u uuuuuu, but rrrrr and uuuu.")
        #expect(try romanizer(.auto(vote: .ru)).romanize(line) == "uuuuuu u uuuuuu, but rrrrr and uuuu.", "the line's vote wins")
        #expect(try romanizer(.auto(vote: .ru)).romanize("Москва, Киев") == "rrrrrr, rrrr", "no decisive word: the document's vote")
        #expect(try romanizer(.auto(vote: .uk)).romanize("Сергей Лавров и Дмитрий Песков") == "rrrrrr rrrrrr r rrrrrrr rrrrrr")
        #expect(try romanizer(.fixed(.ru)).romanize(line) == "rrrrrr r rrrrrr, but rrrrr and rrrr.")
        #expect(try romanizer(.fixed(.uk)).romanize("Latin only: 2.5%") == "Latin only: 2.5%")
    }

    @Test func longLinesGoToICUInPiecesCutAtWhiteSpace() throws {
        let line = String(repeating: "Київ Москва ", count: 2_000)
        let bytes = Array(line.utf8)
        let pieces = bytes.withUnsafeBufferPointer { TextRomanizer.pieces(of: $0, 0..<bytes.count) }
        #expect(pieces.count > 1)
        #expect(pieces.flatMap { bytes[$0] } == bytes)
        #expect(pieces.dropLast().allSatisfy { bytes[$0.upperBound - 1] == 0x20 })
        #expect(try romanizer(.fixed(.uk)).romanize(line) == String(repeating: "uuuu uuuuuu ", count: 2_000))
    }

    @Test func ruleErrorsNameFileLineAndColumn() {
        let broken = TransliterationStandards.self
        let standards = try! broken.init(ruleFiles: ["translit/bad-uk.txt": Self.header("bad-uk", "uk") + "а > a ;\nб > > b ;\n"])
        do {
            _ = try Romanizer(standards.all[0])
            Issue.record("expected a rule error")
        } catch let error as RuleFileError {
            #expect(error.path == "translit/bad-uk.txt")
            #expect(error.line == 8)
            #expect(error.column == 1)
            #expect(error.message.contains("U_"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func headersAreRequiredAndTheNameMatchesTheFile() {
        #expect(throws: DictionaryError.self) {
            try TransliterationStandards(ruleFiles: ["translit/x-uk.txt": "# name: x-uk\n# language: uk\nа > a ;\n"])
        }
        #expect(throws: DictionaryError.self) {
            try TransliterationStandards(ruleFiles: ["translit/other.txt": Self.header("x-uk", "uk") + "а > a ;\n"])
        }
        #expect(throws: DictionaryError.self) {
            try TransliterationStandards(ruleFiles: ["translit/x-be.txt": Self.header("x-be", "be") + "а > a ;\n"])
        }
    }

    /// Streams through a file descriptor in batches and keeps every byte of non-Cyrillic text.
    @Test func streamingKeepsLinesAndOrder() throws {
        var text = ""
        for index in 0..<5_000 { text += "line \(index): Київ\r\n" }
        text += "no final newline Москва"
        let (output, error) = try stream(Array(text.utf8), batchSize: 4_096, jobs: 3)
        #expect(error == nil)
        var expected = ""
        for index in 0..<5_000 { expected += "line \(index): uuuu\r\n" }
        expected += "no final newline uuuuuu"
        #expect(output == expected)
    }

    @Test func streamingReportsInvalidUTF8ByAbsoluteOffset() throws {
        let bytes = Array(String(repeating: "Київ\n", count: 3_000).utf8) + [0xFF] + Array("\n".utf8)
        let (_, error) = try stream(bytes, batchSize: 1_000, jobs: 2)
        #expect(error == TransliterationError(path: "in.txt", message: "invalid UTF-8 at byte \(3_000 * 9)"))
    }

    @Test func batchesEndAtLineEndsOrWhiteSpace() {
        #expect(LineBatches.cutPoint(Array("ab\ncd\nef".utf8), limit: 7) == 6)
        #expect(LineBatches.cutPoint(Array("ab cd ef".utf8), limit: 7) == 6)
        #expect(LineBatches.cutPoint(Array("ааааа".utf8), limit: 5) == 4)
    }

    private func stream(_ bytes: [UInt8], batchSize: Int, jobs: Int) throws -> (String, TransliterationError?) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kalka-stream-\(UUID().uuidString).txt")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let descriptor = open(url.path, O_RDONLY)
        defer { close(descriptor) }
        var output: [UInt8] = []
        let stream = TransliterationStream(prototype: try romanizer(.auto(vote: .uk)), jobs: jobs)
        do {
            try stream.run(descriptor: descriptor, path: "in.txt", runningVote: false, batchSize: batchSize) { output += $0 }
            return (String(decoding: output, as: UTF8.self), nil)
        } catch {
            return (String(decoding: output, as: UTF8.self), error)
        }
    }
}
