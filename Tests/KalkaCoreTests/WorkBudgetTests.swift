import Foundation
import Testing
import KalkaCore
@testable import KalkaText
@testable import KalkaKnowledge

/// The speed design, checked by counting work rather than timing it: what several rules need
/// from a document (its phrase-start keys, where its non-ASCII characters are, its page layout,
/// its name matches, …) is computed once per document and shared, however many rules ask.
@Suite struct WorkBudgetTests {
    /// The sample article and the clean fixtures: text that reaches every kind of rule.
    static func analysis() throws -> Analysis {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var text = try String(contentsOf: root.appendingPathComponent("examples/sample-article.txt"), encoding: .utf8)
        let clean = root.appendingPathComponent("Tests/Fixtures/clean")
        for name in try FileManager.default.contentsOfDirectory(atPath: clean.path).sorted() where name.hasSuffix(".txt") {
            text += "\n\n" + (try String(contentsOf: clean.appendingPathComponent(name), encoding: .utf8))
        }
        return try Analyzer().analyze(PlainTextReader().read(Array(text.utf8)))
    }

    @Test func everySharedFactIsComputedOncePerDocument() throws {
        let analysis = try Self.analysis()
        let findings = Lint.allRules.findings(in: analysis)
        #expect(!findings.isEmpty, "the text gives findings, so the rules ran")
        let computed = analysis.factComputations
        // Phrase-start keys, the non-ASCII index, name matches, the page layout, sentence scores…
        #expect(computed.count >= 5, "the rules share facts: \(computed.count) computed")
        #expect(computed.values.allSatisfy { $0 == 1 }, "a fact computed more than once: \(computed.filter { $0.value > 1 })")
        // A second run over the same analysis computes nothing again.
        _ = Lint.allRules.findings(in: analysis)
        #expect(analysis.factComputations == computed)
    }

    @Test func phraseListsShareOneTableOfStartKeys() throws {
        let analysis = try Self.analysis()
        let before = analysis.factComputations
        // Two matchers over different lists: the start keys are computed by the first only.
        let calques = try PhraseMatcher(["tells the details", "ruler of Belarus"])
        let names = try PhraseMatcher(["Kiev", "Dmitry Kuleba"])
        _ = calques.matches(in: analysis)
        let afterFirst = analysis.factComputations
        #expect(afterFirst.count == before.count + 1, "the first matcher computes the start keys")
        #expect(!names.matches(in: analysis).isEmpty, "the sample article names Kiev")
        #expect(analysis.factComputations == afterFirst, "the second matcher reuses them")
    }

    /// A possessive is tried by its base where it could end a phrase, not everywhere near it:
    /// made-up words no list holds give no position to confirm, possessive or not (before, every
    /// position within two tokens of a possessive was confirmed by every matcher).
    @Test func possessivesOfUnlistedWordsGiveNoPositionToConfirm() throws {
        let matcher = try PhraseMatcher(["Zorvath's", "Blenkin Quarr", "Quistavo"])
        let unlisted = try Analyzer().analyze(PlainTextReader().read(Array("Vrenthal's plorbin's daxwig's glorm's.".utf8)))
        #expect(matcher.positionsToConfirm(in: unlisted) == 0)
        #expect(matcher.matches(in: unlisted).isEmpty)
        let listed = try Analyzer().analyze(PlainTextReader().read(Array("Blenkin Quarr's and Quistavo’s aide met Zorvath's.".utf8)))
        #expect(matcher.positionsToConfirm(in: listed) == 3)
        let found = matcher.matches(in: listed).map { Array(listed.prose[$0.range]) }
        #expect(found == [Array("Blenkin Quarr".utf8), Array("Quistavo".utf8), Array("Zorvath's".utf8)])
    }

    /// A matcher confirms only the positions the union of all matchers' filters passes; one
    /// made after a document's keys were read is not in that union, and walks every position:
    /// both ways find the same matches.
    @Test func aMatcherMadeAfterTheKeysWereReadFindsTheSameMatches() throws {
        let phrases = ["Kiev", "the ruler of Belarus", "foreign minister", "Kyiv's"]
        let early = try PhraseMatcher(phrases)
        let analysis = try Self.analysis()
        let viaUnion = early.matches(in: analysis)
        let late = try PhraseMatcher(phrases)
        let viaEveryPosition = late.matches(in: analysis)
        #expect(!viaUnion.isEmpty)
        #expect(viaEveryPosition == viaUnion)
        // A fresh document read after both: both confirm the union's candidates, alike.
        let fresh = try Self.analysis()
        #expect(late.matches(in: fresh) == viaUnion && early.matches(in: fresh) == viaUnion)
    }
}
