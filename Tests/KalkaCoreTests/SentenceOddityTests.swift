import Foundation
import Testing
import KalkaCore

/// The sentence oddity score: it ranks garbled sentences above clean ones, per sentence, from the
/// embedded English model.
@Suite struct SentenceOddityTests {
    static let oddity = try! SentenceOddity.shared(Lint.store)

    static func analysis(_ text: String, format: InputFormat = .plain) throws -> Analysis {
        let source = try SourceFile(path: "test", bytes: Array(text.utf8))
        return try Analyzer().analyze(Readers.reader(for: format).read(source.text))
    }

    /// Scores of the annotated MT set's sentences: those holding a garbled-clause annotation
    /// (wording, not a lone quote mark) against those holding no annotation at all.
    static func mtScores() throws -> (garbled: [SentenceScore], clean: [SentenceScore], lines: [String]) {
        var garbled: [SentenceScore] = [], clean: [SentenceScore] = [], lines: [String] = []
        let annotations = try CorpusRecallTests.annotations()
        for file in Set(annotations.map(\.file)).sorted() {
            let bytes = try [UInt8](Data(contentsOf: CorpusRecallTests.directory.appendingPathComponent(file)))
            let source = try SourceFile(path: file, bytes: bytes)
            let document = Readers.reader(for: .plain).read(source.text)
            let analysis = try Analyzer().analyze(document)
            var planted: [(range: Range<Int>, category: String)] = []
            for annotation in annotations where annotation.file == file {
                let lineStart = source.lines.start(ofLine: annotation.line - 1)
                guard let offset = Array(source.text[lineStart...]).firstRange(of: Array(annotation.text.utf8))?.lowerBound else { continue }
                let start = lineStart + offset
                planted.append((start..<(start + annotation.text.utf8.count), annotation.category))
            }
            for score in oddity.scores(analysis) {
                let range = document.map.sourceRange(ofProse: score.range)
                let overlapping = planted.filter { $0.range.overlaps(range) }
                let isGarbled = overlapping.contains { $0.category == "garbled-clause" && source.text[$0.range].contains { $0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A } }
                if isGarbled { garbled.append(score) } else if overlapping.isEmpty { clean.append(score) }
                if isGarbled || overlapping.isEmpty {
                    lines.append(String(format: "%6.2f %@ %@", score.score, isGarbled ? "G" : "-", String(analysis.text(of: score.range).prefix(100))))
                }
            }
        }
        return (garbled, clean, lines)
    }

    /// The probability that a random garbled sentence outscores a random clean one.
    static func areaUnderCurve(_ positives: [Double], _ negatives: [Double]) -> Double {
        var wins = 0.0
        for positive in positives {
            for negative in negatives { wins += positive > negative ? 1 : positive == negative ? 0.5 : 0 }
        }
        return wins / Double(positives.count * negatives.count)
    }

    @Test func garbledSentencesOutscoreCleanOnesInTheMTSet() throws {
        let (garbled, clean, lines) = try Self.mtScores()
        #expect(garbled.count >= 8 && clean.count >= 100, "the annotated set is missing or small")
        let auc = Self.areaUnderCurve(garbled.map(\.score), clean.map(\.score))
        // The word-sequence part alone, without the lower-case-start and verb penalties.
        func sequenceBits(_ score: SentenceScore) -> Double {
            score.score - Double(score.lowercaseStarts) * SentenceOddity.lowercaseStartBits - (score.isVerbless ? SentenceOddity.verblessBits : 0)
        }
        let sequenceAUC = Self.areaUnderCurve(garbled.map(sequenceBits), clean.map(sequenceBits))
        print("sentence oddity on the MT set: AUC \(String(format: "%.3f", auc)) (word sequences alone \(String(format: "%.3f", sequenceAUC))) over \(garbled.count) garbled and \(clean.count) clean sentences")
        print("highest:\n" + lines.sorted(by: >).prefix(15).joined(separator: "\n"))
        #expect(auc >= 0.9)
        #expect(sequenceAUC >= 0.75)
    }

    @Test func everySentenceGetsOneScoreAtItsRange() throws {
        let analysis = try Self.analysis("Kuleba met Rinkēvičs in Riga. They discussed sanctions.\n\nThe talks lasted two hours.")
        let scores = Self.oddity.scores(analysis)
        #expect(scores.map(\.range) == analysis.sentences.map(\.range))
        #expect(scores.map(\.sentence) == Array(analysis.sentences.indices))
        #expect(scores.allSatisfy { $0.score >= 0 && $0.score < OddSentenceRule.threshold })
    }

    @Test func aClauseCutLooseOutscoresTheSentenceBeforeIt() throws {
        let analysis = try Self.analysis("The ministry said the package was ready.\n\nthem or doesn’t support them, the ministry said.")
        let scores = Self.oddity.scores(analysis)
        try #require(scores.count == 2)
        #expect(scores[1].score > scores[0].score + SentenceOddity.lowercaseStartBits)
        #expect(scores[1].lowercaseStarts == 1 && scores[0].lowercaseStarts == 0)
        // Its oddest step is the start itself: a sentence does not begin with "them".
        #expect(scores[1].oddestPair.map { analysis.text(of: $0) } == "them")
    }

    @Test func aParagraphBreakInsideASentenceIsLayoutNotACutClause() throws {
        // Text wrapped with blank lines between its lines: the break, not the writer, cut the sentence.
        let wrapped = try Self.analysis("Protesters camped for weeks in the square that the city council wanted\n\ncleared before the parade, and\n\nthe police moved in on Monday.")
        #expect(Self.oddity.scores(wrapped).map(\.lowercaseStarts) == [0, 0, 0])
        // A paragraph that opens in lower case after a finished sentence still counts.
        let cut = try Self.analysis("Protesters camped for weeks in the square.\n\nthe police moved in on Monday.")
        #expect(Self.oddity.scores(cut).map(\.lowercaseStarts) == [0, 1])
    }

    @Test func oddFunctionWordPairsScoreAboveTheirFluentVersion() throws {
        let analysis = try Self.analysis("The minister spoke with the head of the mission. The minister spoke the with of the mission.")
        let scores = Self.oddity.scores(analysis)
        try #require(scores.count == 2)
        #expect(scores[1].score > scores[0].score + 4)
    }

    @Test func aSentenceWithoutAFiniteVerbIsMarked() throws {
        let analysis = try Self.analysis("Another difficult night for the residents of the capital. The residents of the capital had a difficult night.")
        let scores = Self.oddity.scores(analysis)
        try #require(scores.count == 2)
        #expect(scores[0].isVerbless && !scores[1].isVerbless)
        #expect(scores[0].score > scores[1].score)
    }

    @Test func namesNumbersAndListItemsAreNotOdd() throws {
        let analysis = try Self.analysis("Rinkēvičs met Halushchenko and Syniehubov in Zaporizhzhia on 12 March.\n\n- to hold the next meeting in Riga in March;\n- to expand the exchange of intelligence.")
        for score in Self.oddity.scores(analysis) {
            #expect(score.lowercaseStarts == 0)
            #expect(score.score < 8, "\(analysis.text(of: score.range))")
        }
    }

    @Test func markupHiddenBeforeALowercaseWordIsNotAClauseStart() throws {
        // A Markdown list item and a sentence opening with inline code show no lowercase start…
        let markdown = try Self.analysis("- them or doesn’t support them, the ministry said.\n\nThe tool is fast. `kalka check` prints the table.", format: .markdown)
        #expect(Self.oddity.scores(markdown).allSatisfy { $0.lowercaseStarts == 0 })
        // …but a stop followed by a lowercase word on one line does, in Markdown as in plain text.
        let joined = try Self.analysis("The talks ended late on Friday and the ministers left. which had been agreed in advance.", format: .markdown)
        #expect(Self.oddity.scores(joined).map(\.lowercaseStarts) == [1])
    }
}
