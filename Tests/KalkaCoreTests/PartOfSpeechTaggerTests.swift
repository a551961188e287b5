import Testing
import KalkaCore

@Suite struct PartOfSpeechTaggerTests {
    static let tagger = try! PartOfSpeechTagger.shared(Lint.store)

    /// The tags of `text`'s tokens (spaces left out), through the analysis, as "word/TAG".
    static func tagged(_ text: String) throws -> [String] {
        let analysis = try Analyzer().analyze(PlainTextReader().read(Array(text.utf8)))
        let tags = tagger.tag(analysis, tokens: analysis.tokens.indices)
        return zip(analysis.tokens, tags).filter { $0.0.kind != .space }.map { "\(analysis.text(of: $0.0))/\($0.1.label)" }
    }

    @Test func tagsTheWordsOfANewsSentence() throws {
        let words = "The minister said that talks will resume".split(separator: " ").map(String.init)
        #expect(Self.tagger.tag(words: words).map(\.label) == ["DET", "NOUN", "VERB", "SCONJ", "NOUN", "AUX", "VERB"])
    }

    @Test func tagsNamesNumbersPunctuationContractionsAndHyphens() throws {
        let first = try Self.tagged("Ukraine's parliament approved a well-known law on Tuesday, but the president doesn't support it.")
        for expected in ["Ukraine's/PROPN", "parliament/NOUN", "approved/VERB", "well/ADV", "-/PUNCT", "Tuesday/PROPN", ",/PUNCT",
                         "but/CCONJ", "doesn't/AUX", "support/VERB", "it/PRON", "./PUNCT"] {
            #expect(first.contains(expected), "\(expected) in \(first)")
        }
        let second = try Self.tagged("Officials in Kyiv said 1,200 soldiers were evacuated from the city of Mariupol.")
        #expect(second == ["Officials/NOUN", "in/ADP", "Kyiv/PROPN", "said/VERB", "1,200/NUM", "soldiers/NOUN", "were/AUX",
                           "evacuated/VERB", "from/ADP", "the/DET", "city/NOUN", "of/ADP", "Mariupol/PROPN", "./PUNCT"])
        // A curly apostrophe reads as a straight one.
        let words = ["We", "don’t", "know", "when", "Zelensky’s", "adviser", "will", "arrive", "."]
        #expect(Self.tagger.tag(words: words) == Self.tagger.tag(words: words.map { $0.replacingOccurrences(of: "’", with: "'") }))
        #expect(Self.tagger.tag(words: words).map(\.label) == ["PRON", "AUX", "VERB", "ADV", "PROPN", "NOUN", "AUX", "VERB", "PUNCT"])
    }

    /// Through an analysis: one tag per token of the range, spaces `.x`, each token's tag its
    /// word's (by byte range), and a paragraph break starts a new context.
    @Test func tagsTheTokensOfAnAnalysis() throws {
        let text = "The minister said that talks will resume.\n\nThe talks  resumed on Monday."
        let analysis = try Analyzer().analyze(PlainTextReader().read(Array(text.utf8)))
        let all = analysis.tokens.indices
        let tags = Self.tagger.tag(analysis, tokens: all)
        #expect(tags.count == all.count)
        var words: [[String]] = [[]]
        for (token, tag) in zip(analysis.tokens, tags) {
            if token.isParagraphBreak && !words[words.count - 1].isEmpty { words.append([]) }
            if token.kind == .space {
                #expect(tag == .x)
                continue
            }
            words[words.count - 1].append(analysis.text(of: token))
        }
        #expect(words == [["The", "minister", "said", "that", "talks", "will", "resume", "."], ["The", "talks", "resumed", "on", "Monday", "."]])
        // Each paragraph is its own context: the same tags as its words alone.
        let expected = words.map { Self.tagger.tag(words: $0) }
        #expect(zip(analysis.tokens, tags).filter { $0.0.kind != .space }.map(\.1) == expected.flatMap { $0 })
        // Byte positions: the token at "resume" in the first sentence is the verb.
        let offset = Array(text.utf8).firstRange(of: Array("resume".utf8))!.lowerBound
        let index = analysis.tokens.firstIndex { $0.start == Int32(offset) }!
        #expect(analysis.text(of: analysis.tokens[index]) == "resume")
        #expect(tags[index] == .verb)
        // A sub-range: the second paragraph alone tags as it did in the whole.
        let second = analysis.paragraphs[1]
        let sentence = analysis.sentences[second.sentences.lowerBound]
        let part = Self.tagger.tag(analysis, tokens: sentence.tokens)
        #expect(part == Array(tags[sentence.tokens]))
        #expect(part.map(\.label) == ["DET", "X", "NOUN", "X", "VERB", "X", "ADP", "X", "PROPN", "PUNCT"])
        // The whole document, sentence by sentence: each sentence as its range alone.
        let bySentence = Self.tagger.tag(analysis)
        #expect(bySentence.count == analysis.tokens.count)
        for sentence in analysis.sentences {
            #expect(Array(bySentence[sentence.tokens]) == Self.tagger.tag(analysis, tokens: sentence.tokens))
        }
    }

    /// The script's own tags for the check sentences: the Swift features are the Python ones.
    @Test func agreesWithTheTrainingScript() throws {
        let check = try Lint.store.file("english/pos-tagger-check.tsv")
        #expect(check.rows.count >= 5)
        for row in check.rows {
            let tokens = row[1].split(separator: " ").map(String.init)
            let expected = row[2].split(separator: " ").map(String.init)
            #expect(tokens.count == expected.count)
            #expect(Self.tagger.tag(words: tokens).map(\.label) == expected, "\(row[0])")
            // kalka's tokens are the script's (its ICU word boundaries), and tag the same.
            let analysis = try Analyzer().analyze(PlainTextReader().read(Array(row[0].utf8)))
            let significant = analysis.tokens.indices.filter { analysis.tokens[$0].kind != .space }
            #expect(significant.map { analysis.text(of: analysis.tokens[$0]) } == tokens)
            let tags = Self.tagger.tag(analysis, tokens: analysis.tokens.indices)
            #expect(significant.map { tags[$0].label } == expected, "\(row[0])")
        }
    }

    @Test func labelsRoundTrip() {
        for tag in UniversalTag.allCases { #expect(UniversalTag(label: tag.label) == tag) }
        #expect(UniversalTag(label: "NN") == nil)
        #expect(UniversalTag.allCases.map(\.label) == UniversalTag.allCases.map(\.label).sorted())
    }

    @Test func rejectsMalformedWeights() {
        let header = "# columns: feature\tweights\n# source: test\n# licence: CC0\n"
        for row in ["w:NOUN=3,VERB", "xx:NOUN=3", "w:NOUN=three"] {
            #expect(throws: DictionaryError(path: PartOfSpeechTagger.path, line: 4, message: "expected TEMPLATE:TAG=WEIGHT,…")) {
                try PartOfSpeechTagger(weights: header + "00000000000000a1\t\(row)\n")
            }
        }
        #expect(throws: DictionaryError(path: PartOfSpeechTagger.path, line: 4, message: "unknown tag")) {
            try PartOfSpeechTagger(weights: header + "00000000000000a1\tNN\n")
        }
        #expect(throws: DictionaryError(path: PartOfSpeechTagger.path, line: 4, message: "expected 16 hex digits and a tab")) {
            try PartOfSpeechTagger(weights: header + "a1\tw:NOUN=3\n")
        }
    }
}
