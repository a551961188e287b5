import Testing
import KalkaCore
@testable import KalkaModel
@testable import KalkaRules

/// Rules that look for rare marks start from the marks (`TokenKindIndex`, `ProseIndex`), not
/// from every token of the document: the steps they take (`WorkCounter`, debug builds) follow
/// the marks, not the words. Each test also checks the rule still finds what it looks for.
@Suite struct RuleWalkWorkTests: CountsRuleSteps {
    /// A line of marks is found by stepping from each mark to its neighbours: a comma or a full
    /// stop after a word costs a step, however long the paragraphs are.
    @Test(.enabled(if: WorkCounter.isCounting)) func strayLinesStepFromTheMarks() throws {
        let prose = String(repeating: "The long convoy of trucks moved slowly along the frozen river road, and nobody spoke. ", count: 40)
        let text = prose + "\n\n– .\n\n" + prose
        let analysis = try analysis(text)
        let (found, steps) = findings(try StrayPunctuationRule(dictionaries: Lint.store), analysis, of: StrayPunctuationRule.description)
        #expect(found.items.count == 1)
        let marks = analysis.tokens.filter { $0.kind == .punctuation || $0.kind == .symbol }.count
        // Two steps at most for a mark in prose, a few for the line of marks.
        #expect(steps <= 2 * marks + 8)
        #expect(steps * 5 < analysis.tokens.count)
    }

    /// The quotation pass visits the quotes and parentheses alone.
    @Test(.enabled(if: WorkCounter.isCounting)) func unbalancedQuotesVisitTheMarksAlone() throws {
        let words = String(repeating: "Officials in the region said the repairs would take several more weeks. ", count: 60)
        let text = words + "\n\nShe said “the road is closed and left.\n\n" + words + "(See the map.)"
        let analysis = try analysis(text)
        let (found, steps) = findings(try UnbalancedQuotesRule(dictionaries: Lint.store), analysis, of: UnbalancedQuotesRule.description)
        #expect(found.items.count == 1)
        #expect(steps == 3, "“ ( and ) are the only marks a quotation pass pairs here")
    }

    /// The word index lists, for every hash, exactly the tokens other than spaces that carry it,
    /// in order, past the table's growth (more distinct words than its first size).
    @Test func wordIndexListsEveryOccurrenceInOrder() throws {
        var words: [String] = []
        for number in 0..<1500 { words.append("w\(String(number, radix: 26))") }
        let text = (words + ["The", "the", "THE", "village", "of", "Stepne", ",", "and"]).joined(separator: " ")
            + "\n\nThe village, the town and the city. 12 and 12."
        let analysis = try analysis(text)
        let index = WordIndex.of(analysis)
        var expected: [UInt64: [Int]] = [:]
        for (position, token) in analysis.tokens.enumerated() where token.kind != .space {
            expected[token.foldedHash, default: []].append(position)
        }
        #expect(expected.count > 1024)
        for (hash, positions) in expected { #expect(index.occurrences(of: hash) == positions) }
        #expect(index.occurrences(of: FoldedHash.of("the")).count == 6)
        #expect(index.occurrences(of: FoldedHash.of("absent")).isEmpty)
        let both = index.occurrences(ofAny: [FoldedHash.of("village"), FoldedHash.of("town"), FoldedHash.of("village")])
        #expect(both == (expected[FoldedHash.of("village")]! + expected[FoldedHash.of("town")]!).sorted())
    }

    /// The token kind index's lists are exactly the tokens a walk over all of them would pick.
    @Test func tokenKindListsMatchAWalk() throws {
        let text = "A  doubled space, a dash — and № 5;  then\n  an indented line.\n\nA new paragraph: $10 & more…"
        let analysis = try analysis(text)
        let kinds = TokenKindIndex.of(analysis)
        let tokens = analysis.tokens
        let marks = tokens.indices.filter { tokens[$0].kind == .punctuation || tokens[$0].kind == .symbol }
        let longSpaces = tokens.indices.filter { tokens[$0].kind == .space && tokens[$0].length >= 2 && !tokens[$0].isParagraphBreak }
        #expect(kinds.marks.map(Int.init) == marks)
        #expect(Array(analysis.markTokens) == marks)
        #expect(kinds.longSpaces.map(Int.init) == longSpaces)
        #expect(longSpaces.count >= 2 && marks.count >= 6)
    }
}
