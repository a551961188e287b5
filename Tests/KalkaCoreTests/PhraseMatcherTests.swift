import Testing
@testable import KalkaCore

@Suite struct PhraseMatcherTests {
    private func matches(_ phrases: [String], in text: String) throws -> [(String, Int)] {
        let matcher = try PhraseMatcher(phrases)
        let analysis = try Analyzer().analyze(PlainTextReader().read(Array(text.utf8)))
        return matcher.matches(in: analysis).map { (analysis.text(of: $0.range), $0.phrase) }
    }

    @Test func longestMatchWinsAndMatchesDoNotOverlap() throws {
        let found = try matches(["Kiev", "Chicken Kiev", "Kiev Security Forum", "the ruler of"], in: "At the Kiev Security Forum, THE RULER OF Belarus ate Chicken Kiev in Kiev.")
        #expect(found.map(\.0) == ["Kiev Security Forum", "THE RULER OF", "Chicken Kiev", "Kiev"])
        #expect(found.map(\.1) == [2, 3, 1, 0])
    }

    @Test func spacingAndLineBreaksDoNotMatterButParagraphsAndPunctuationDo() throws {
        let phrases = ["tells the details", "if anyone does not know", "2,5 million"]
        #expect(try matches(phrases, in: "The site tells\nthe   details.").map(\.0) == ["tells the   details"], "prose: the line break reads as a space")
        #expect(try matches(phrases, in: "The site tells\n\nthe details.").isEmpty)
        #expect(try matches(phrases, in: "if anyone, does not know").isEmpty)
        #expect(try matches(phrases, in: "about 2,5 million people").map(\.0) == ["2,5 million"])
    }

    @Test func aPhraseEndsInThePossessive() throws {
        let found = try matches(["Kiev", "Dmitry Kuleba"], in: "Kiev's mayor met Dmitry Kuleba’s deputy; KIEV'S too.")
        #expect(found.map(\.0) == ["Kiev", "Dmitry Kuleba", "KIEV"])
        #expect(try matches(["Dmitry Kuleba"], in: "Dmitry's Kuleba").isEmpty)
    }

    @Test func partialPhrasesDoNotMatch() throws {
        #expect(try matches(["within the framework of"], in: "within the framework, of course").isEmpty)
        #expect(try matches(["Kiev"], in: "Kievan Rus and Kyiv").isEmpty)
    }

    @Test func manyPhrasesGrowTheTable() throws {
        let phrases = (0..<5_000).map { "phrase number \($0)" }
        #expect(try matches(phrases, in: "See phrase number 4321 here.").map(\.1) == [4321])
    }
}
