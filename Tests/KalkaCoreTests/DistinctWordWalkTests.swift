import Testing
import KalkaCore
@testable import KalkaKnowledge
@testable import KalkaModel
@testable import KalkaRules

/// Rules that look for unlisted or recurring words start from the document's word index or
/// from the few positions whose hashes recur, not from every token: what they ask per word is
/// asked once per distinct word, and the steps they take (`WorkCounter`, debug builds) follow
/// the candidates, not the length of the document. Each test also checks the rule still finds
/// what it looks for.
@Suite struct DistinctWordWalkTests: CountsRuleSteps {
    /// A rule's first triggering example, without its ⟦ ⟧ marks.
    private func example(_ description: RuleDescription) -> String {
        description.triggering[0].replacingOccurrences(of: "⟦", with: "").replacingOccurrences(of: "⟧", with: "")
    }

    private let prose = String(repeating: "The heavy trucks crossed the bridge before dawn, and the drivers waited for the convoy. ", count: 40)

    /// The hash test runs once per distinct word; the tokens kept are exactly those a walk over
    /// every token would keep, in order.
    @Test func wordIndexAsksEachDistinctWordOnce() throws {
        let analysis = try analysis(prose + "\n\nBridges, bridges and BRIDGE: the convoy waited.\n\n" + prose)
        var asked: [UInt64] = []
        let long = WordIndex.of(analysis).tokens(whereHash: { hash in
            asked.append(hash)
            return hash != FoldedHash.of("convoy")
        }) { analysis.tokens[Int($0)].length >= 5 }
        let distinct = Set(analysis.tokens.filter { $0.kind != .space }.map(\.foldedHash))
        #expect(asked.count == distinct.count)
        #expect(Set(asked) == distinct)
        let expected = analysis.tokens.indices.filter { index in
            let token = analysis.tokens[index]
            return token.kind != .space && token.foldedHash != FoldedHash.of("convoy") && token.length >= 5
        }
        #expect(long.map(Int.init) == expected)
        #expect(expected.count > 100)
    }

    /// One value per token, asked once per distinct word: the same values as asking for every
    /// token, spaces given the absent value.
    @Test func valuesByTokenAsksEachDistinctWordOnce() throws {
        let analysis = try analysis(prose + "\n\nBridges, bridges and BRIDGE: the convoy waited.\n\n" + prose)
        var asked = 0
        let value = { (hash: UInt64) -> UInt16 in UInt16(truncatingIfNeeded: hash % 5000) }
        let values = WordIndex.of(analysis).valuesByToken(absent: 0xFFFF) { hash in
            asked += 1
            return value(hash)
        }
        #expect(values == analysis.tokens.map { $0.kind == .space ? 0xFFFF : value($0.foldedHash) })
        #expect(asked == Set(analysis.tokens.filter { $0.kind != .space }.map(\.foldedHash)).count)
    }

    /// Words on the English list are ruled out by their hash: the rule goes through the tokens
    /// of the few words on no list, not through the document.
    @Test(.enabled(if: WorkCounter.isCounting)) func transliteratedWordsVisitOnlyUnlistedWords() throws {
        let rule = try TransliteratedWordRule(dictionaries: Lint.store)
        let analysis = try analysis(prose + "\n\n" + example(TransliteratedWordRule.description) + "\n\n" + prose)
        let (found, steps) = findings(rule, analysis, of: TransliteratedWordRule.description)
        #expect(found.items.count == 1)
        #expect(steps >= 1 && steps <= 8)
        #expect(steps * 100 < analysis.tokens.count)
    }

    /// A doubled word is looked at only where a hash comes back two or four tokens on.
    @Test(.enabled(if: WorkCounter.isCounting)) func repeatedWordsStartFromRecurringHashes() throws {
        let rule = try RepeatedWordRule(dictionaries: Lint.store)
        let analysis = try analysis(prose + "\n\n" + example(RepeatedWordRule.description) + "\n\n" + prose)
        let (found, steps) = findings(rule, analysis, of: RepeatedWordRule.description)
        #expect(found.items.count == 1)
        // Each repetition of the prose has "the" … "the" four tokens apart at most once or twice.
        #expect(steps >= 1)
        #expect(steps * 20 < analysis.tokens.count)
    }
}
