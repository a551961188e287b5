import Testing
import KalkaCore
@testable import KalkaKnowledge

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

    /// The matcher against a brute-force reference (every phrase tried at every position) on
    /// generated phrases and texts: its filters may only ever skip positions that match nothing.
    @Test func agreesWithBruteForce() throws {
        var generator = SplitMix64(seed: 2026)
        let vocabulary = ["the", "The", "ruler", "of", "Kiev", "Kiev's", "Rada", "Rada’s", "Verkhovna", "in", "framework", ",", "2,5", "million", "«", "»"]
        for _ in 0..<120 {
            let phrases = (0..<Int.random(in: 1...30, using: &generator)).map { _ in
                (0..<Int.random(in: 1...4, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)!.replacingOccurrences(of: "'s", with: "").replacingOccurrences(of: "’s", with: "") }.joined(separator: " ")
            }
            var text = ""
            for _ in 0..<60 {
                text += vocabulary.randomElement(using: &generator)!
                text += ["  ", " ", "\n", "\n\n", " "].randomElement(using: &generator)!
            }
            let analysis = try Analyzer().analyze(PlainTextReader().read(Array(text.utf8)))
            let found = try PhraseMatcher(phrases).matches(in: analysis).map { [$0.tokens.lowerBound, $0.tokens.upperBound, $0.range.upperBound] }
            #expect(found == (try reference(phrases, analysis)), "\(phrases) in \(text)")
        }
    }

    private func reference(_ phrases: [String], _ analysis: Analysis) throws -> [[Int]] {
        let phraseTokens = try PhraseTokenizer.tokenHashes(phrases)
        let tokens = analysis.tokens
        var result: [[Int]] = []
        var start = 0
        while start < tokens.count {
            var best: [Int]? = nil
            if tokens[start].kind != .space {
                for hashes in phraseTokens where !hashes.isEmpty {
                    var index = start, matched = 0, end = 0
                    while matched < hashes.count && index < tokens.count {
                        let token = tokens[index]
                        if token.kind == .space {
                            if token.isParagraphBreak { break }
                            index += 1
                            continue
                        }
                        if token.foldedHash == hashes[matched] {
                            end = Int(token.end)
                        } else if matched == hashes.count - 1, let base = analysis.possessiveBase(of: token), base.hash == hashes[matched] {
                            end = Int(token.end) - base.suffixLength
                        } else {
                            break
                        }
                        matched += 1
                        if matched < hashes.count { index += 1 }
                    }
                    if matched == hashes.count, best == nil || index > best![1] { best = [start, index, end] }
                }
            }
            if let best {
                result.append(best)
                start = best[1] + 1
            } else {
                start += 1
            }
        }
        return result
    }
}

/// The phrases' token hashes laid end to end (what `PhraseMatcher` builds its trie from) are
/// each phrase's own, for phrases of plain words, phrases ICU must break, and empty ones, in
/// every order, and for every built-in list and name form.
@Suite struct FlatTokenHashTests {
    private func split(_ flat: PhraseTokenizer.Flat) -> [[UInt64]] {
        var start = 0
        return flat.ends.map { end in
            defer { start = end }
            return Array(flat.hashes[start..<end])
        }
    }

    @Test func flatHashesAreEachPhrasesOwn() throws {
        let phrases = ["Chicken Kiev", "Київ", "", "Home / News", "St. Petersburg", "Copyright ©", "Kyiv’s", "a:b", "Odessa, Texas"]
        #expect(split(try PhraseTokenizer.flatTokenHashes(phrases)) == (try PhraseTokenizer.tokenHashes(phrases)))
        #expect(split(try PhraseTokenizer.flatTokenHashes(phrases.reversed())) == (try PhraseTokenizer.tokenHashes(phrases.reversed())))
        #expect(try PhraseTokenizer.flatTokenHashes([]).ends.isEmpty)
        #expect(split(try PhraseTokenizer.flatTokenHashes(["Київ"])) == (try PhraseTokenizer.segmentedTokenHashes(["Київ"])))
    }

    @Test func flatHashesOfTheBuiltInLists() throws {
        let texts = DictionaryStore.builtInTexts
        for path in texts.keys.sorted() where !DictionaryStore.isRuleFile(path) && !DictionaryStore.isPatternFile(path) {
            let phrases = try DictionaryFile.parse(path: path, text: texts[path]!).rows.map { $0[0] }
            #expect(split(try PhraseTokenizer.flatTokenHashes(phrases)) == (try PhraseTokenizer.segmentedTokenHashes(phrases)), "\(path)")
        }
        let forms = try NameDictionary.of(DictionaryStore.builtIn.get()).forms.map(\.text)
        #expect(split(try PhraseTokenizer.flatTokenHashes(forms)) == (try PhraseTokenizer.segmentedTokenHashes(forms)))
    }
}
