import KalkaModel
import KalkaText

/// Page-layout evidence from repetition: a headline printed twice, a teaser above the paragraph
/// it begins, a line copied within a few lines of the first (BOI003).
extension LayoutBuilder {
    /// Flags repeated lines and returns the paragraphs that repeat or are repeated whole. Word
    /// lists are built only for the few lines a cheap test (counts, keys, first and last words)
    /// leaves in question.
    func markRepeats(_ content: [Line], _ verdicts: inout [Verdict?], headline: Int?, firstBody: Int, lastBody: Int) -> Set<Int> {
        var repeated = Set<Int>()
        // A teaser cut short with "…" above the paragraph it begins.
        for j in content.indices where verdicts[j] == nil && content[j].endsWithEllipsis && content[j].wordCount >= Limits.repeatWords {
            let candidates = ((j + 1)..<min(j + 1 + Limits.teaserDistance, content.count)).filter {
                content[$0].wordCount >= content[j].wordCount && content[$0].firstWord == content[j].firstWord && !content[$0].endsWithEllipsis
            }
            guard !candidates.isEmpty else { continue }
            let teaser = lineWords(content[j])
            guard let k = candidates.first(where: { lineWords(content[$0]).starts(with: teaser) }) else { continue }
            verdicts[j] = Verdict(range: content[j].range, evidence: .repetition(.teaser, of: firstSentence(content[k])), severity: .warning, isWholeLine: true)
        }
        // The same line twice.
        var firstByKey = HashKeyedTable(capacity: content.count)
        for k in content.indices where content[k].wordCount >= Limits.repeatWords {
            let key = content[k].key
            guard let j = firstByKey[key] else { firstByKey[key] = k; continue }
            // A page prints its copies close together; a line that recurs far away (a sign-off,
            // a refrain, one of many articles in a long file) starts afresh.
            guard k - j <= Limits.repeatDistance else { firstByKey[key] = k; continue }
            repeated.insert(content[j].paragraph)
            repeated.insert(content[k].paragraph)
            // A chrome line repeated (a breadcrumb's last item, then the headline) is judged alone,
            // and the first occurrence that is not chrome is the one later copies repeat.
            guard verdicts[j] == nil else {
                if verdicts[k] == nil { firstByKey[key] = k }
                continue
            }
            guard verdicts[k] == nil else { continue }
            // Before the body, the headline printed again, or a line twice with only chrome
            // between; after it, a line twice in a row. Between lines of the body a repeat may be
            // the text's own (a refrain, a chant): info, and a sentence GAR004 judges is GAR004's.
            let adjacent = (j + 1..<k).allSatisfy { verdicts[$0] != nil }
            let beforeBody = k <= firstBody
            let afterBody = j > lastBody
            // A long line (or several sentences) twice in a row is the page's, though: a refrain
            // or a chant is short.
            let wholeParagraph = adjacent && (analysis.paragraphs[content[k].paragraph].sentences.count > 1 || content[k].wordCount >= Limits.nearCopyWords)
            if !beforeBody && !afterBody && !wholeParagraph && isRepeatedSentence(content[j], content[k]) { continue }
            let severity: Severity = (beforeBody && (j == headline || adjacent)) || (afterBody && adjacent) || wholeParagraph ? .warning : .info
            verdicts[k] = Verdict(range: content[k].range, evidence: .repetition(.line, of: firstSentence(content[j])), severity: severity, isWholeLine: true)
        }
        // The headline again as the lead's first sentence; a first line that is a sentence (a
        // standfirst, or a lead the page printed whole above the article) again as the first
        // sentence of a paragraph below it is reported as info.
        if let headline, verdicts[headline] == nil, analysis.paragraphs[content[headline].paragraph].sentences.count == 1,
           content[headline].wordCount >= Limits.repeatWords {
            let words = lineWords(content[headline])
            for k in (headline + 1)..<min(headline + 4, content.count) where verdicts[k] == nil {
                let paragraph = analysis.paragraphs[content[k].paragraph]
                guard paragraph.sentences.count > 1, content[k].firstWord == content[headline].firstWord else { continue }
                let sentence = analysis.sentences[paragraph.sentences.lowerBound]
                guard sentenceWords(sentence) == words else { continue }
                verdicts[k] = Verdict(range: sentence.range, evidence: .repetition(.headlineAsLead, of: firstSentence(content[headline])),
                                      severity: content[headline].endsSentence ? .info : .warning, isWholeLine: false)
                break
            }
        }
        // A one-sentence line that nearly copies a sentence of one of the two lines above it.
        for k in content.indices where verdicts[k] == nil && content[k].wordCount >= Limits.nearCopyWords
            && content[k].wordCount <= Limits.nearCopyMaxWords && analysis.paragraphs[content[k].paragraph].sentences.count == 1 {
            let line = content[k]
            var found: Int? = nil
            var words: [UInt64]? = nil
            for j in stride(from: k - 1, through: max(0, k - 2), by: -1) where found == nil && content[j].key != line.key {
                for sentence in analysis.paragraphs[content[j].paragraph].sentences {
                    // Four fifths in common needs the same first or last word (read at the
                    // sentence's ends, without walking it) and lengths within a fifth (cheap to
                    // test before the quadratic count).
                    let span = analysis.sentences[sentence]
                    guard let (first, last) = sentenceEndWords(span), first == line.firstWord || last == line.lastWord else { continue }
                    let count = wordCount(span)
                    guard count >= Limits.nearCopyWords, count <= Limits.nearCopyMaxWords,
                          min(count, line.wordCount) * 5 >= max(count, line.wordCount) * 4 else { continue }
                    if words == nil { words = lineWords(line) }
                    let other = sentenceWords(analysis.sentences[sentence])
                    if commonSubsequence(other, words!) * 5 >= max(other.count, words!.count) * 4 { found = sentence; break }
                }
            }
            if let sentence = found {
                verdicts[k] = Verdict(range: line.range, evidence: .repetition(.nearCopy, of: sentence), severity: .warning, isWholeLine: true)
            }
        }
        return repeated
    }

    /// True when the later of two equal lines holds a sentence GAR004 reports as repeated: the
    /// running text's own repetition.
    func isRepeatedSentence(_ first: Line, _ later: Line) -> Bool {
        let sentences = analysis.paragraphs[later.paragraph].sentences
        let earlier = analysis.paragraphs[first.paragraph].sentences
        guard sentences.count == earlier.count else { return false }
        for (a, b) in zip(earlier, sentences) where SentenceRepetition.reports(a, again: b, in: analysis) { return true }
        return false
    }

    /// The index of the line's first sentence (after a capture marker).
    func firstSentence(_ line: Line) -> Int {
        let sentences = analysis.paragraphs[line.paragraph].sentences
        return sentences.first { analysis.sentences[$0].range.upperBound > line.range.lowerBound } ?? sentences.lowerBound
    }

    /// The folded hashes of a line's words and numbers, in order.
    func lineWords(_ line: Line) -> [UInt64] {
        line.significant.compactMap { tokens[$0].kind == .word || tokens[$0].kind == .number ? tokens[$0].foldedHash : nil }
    }

    func sentenceWords(_ sentence: SentenceSpan) -> [UInt64] {
        sentence.tokens.compactMap { tokens[$0].kind == .word || tokens[$0].kind == .number ? tokens[$0].foldedHash : nil }
    }

    /// The hashes of a sentence's first and last word or number (nil for none), read from its
    /// ends.
    func sentenceEndWords(_ sentence: SentenceSpan) -> (UInt64, UInt64)? {
        func isWordOrNumber(_ index: Int) -> Bool { tokens[index].kind == .word || tokens[index].kind == .number }
        guard let first = sentence.tokens.first(where: isWordOrNumber), let last = sentence.tokens.last(where: isWordOrNumber) else { return nil }
        return (tokens[first].foldedHash, tokens[last].foldedHash)
    }

    /// A sentence's count of words and numbers, without building its word list.
    func wordCount(_ sentence: SentenceSpan) -> Int {
        var count = 0
        for index in sentence.tokens where tokens[index].kind == .word || tokens[index].kind == .number { count += 1 }
        return count
    }

    /// The length of the longest common subsequence of two word lists.
    func commonSubsequence(_ a: [UInt64], _ b: [UInt64]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for (index, y) in b.enumerated() {
                current[index + 1] = x == y ? previous[index] + 1 : max(previous[index + 1], current[index])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
