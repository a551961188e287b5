import KalkaModel
import KalkaText

/// When a sentence repeats an earlier one as a translation pipeline repeats a segment: what GAR004
/// reports, and what the page layout asks before it calls a repeated line chrome.
package enum SentenceRepetition {
    static let minimumWords = 6
    /// A pipeline repeats a segment where it emitted it: in the same paragraph or a near one. A
    /// sentence that recurs further on (a refrain, a sign-off, another article in a long file) is
    /// not reported.
    static let paragraphDistance = 3

    /// The sentence's tokens as one hash, ignoring case and spacing but not punctuation; nil for
    /// a sentence GAR004 never compares (shorter than six words, or no final mark: a heading).
    package static func key(of sentence: SentenceSpan, in analysis: Analysis) -> UInt64? {
        let tokens = analysis.tokens
        guard let last = sentence.tokens.last, tokens[last].kind == .punctuation else { return nil }
        var hash = FoldedHash.offsetBasis
        var words = 0
        for index in sentence.tokens where tokens[index].kind != .space {
            let token = tokens[index]
            if token.kind == .word || token.kind == .number { words += 1 }
            hash = (hash ^ token.foldedHash) &* FoldedHash.prime &+ 0x9E37_79B9
        }
        return words >= minimumWords ? hash : nil
    }

    /// True when GAR004 reports sentence `later` as a repeat of sentence `first`: the same words
    /// and marks, six words or more with a final mark, within three paragraphs, and the first not
    /// inside a quotation (words first quoted, then set out again — a pull quote, a statement
    /// reprinted under the story — are repeated by the layout, not by a translation).
    package static func reports(_ first: Int, again later: Int, in analysis: Analysis) -> Bool {
        let a = analysis.sentences[first], b = analysis.sentences[later]
        guard first < later, b.paragraph - a.paragraph <= paragraphDistance else { return false }
        guard let key = key(of: b, in: analysis), key == self.key(of: a, in: analysis) else { return false }
        return !isQuoted(first, analysis)
    }

    /// True when the sentence stands inside a quotation its paragraph opened before it, or
    /// opens with one.
    private static func isQuoted(_ sentence: Int, _ analysis: Analysis) -> Bool {
        quotedSentences(analysis)[sentence]
    }

    /// For every sentence, whether it stands inside a quotation: worked out for all of them in
    /// one pass over each paragraph the first time one is asked about, so that a long quoted
    /// paragraph of repeated sentences is not read again for each repeat.
    private static let quotedSentenceFlags = DocumentFact<[Bool]>()

    private static func quotedSentences(_ analysis: Analysis) -> [Bool] {
        analysis.fact(quotedSentenceFlags) {
            var quoted = [Bool](repeating: false, count: analysis.sentences.count)
            for paragraph in analysis.paragraphs {
                var quotation = QuotationTracker(since: paragraph.range.lowerBound)
                for sentence in paragraph.sentences {
                    quoted[sentence] = quotation.isInside(analysis.sentences[sentence].range.lowerBound + 3, in: analysis)
                }
            }
            return quoted
        }
    }
}
