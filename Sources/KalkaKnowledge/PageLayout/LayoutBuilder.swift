import KalkaModel
import KalkaText

/// One document's layout, worked out line by line: the lines and the verdicts here, the evidence
/// in the extensions beside it (`LayoutLineEvidence`, `LayoutPlaceEvidence`, `LayoutRepetition`,
/// `LayoutTokens`).
struct LayoutBuilder {
    let reader: PageLayoutReader
    let analysis: Analysis
    let tokens: [Token]
    let prose: [UInt8]

    init(reader: PageLayoutReader, analysis: Analysis) {
        self.reader = reader
        self.analysis = analysis
        tokens = analysis.tokens
        prose = analysis.prose
    }

    struct Line {
        let paragraph: Int
        /// After a capture marker, if the document opens with one.
        var range: Range<Int>
        /// Indices of the tokens that are not spaces.
        var significant: TokenRun
        /// What the reader knows of the block (a heading, a list item, a table cell).
        var kind: BlockKind = .paragraph
        /// Words and numbers, and a hash of them in order (equal for equal lines).
        var wordCount = 0
        var key = FoldedHash.offsetBasis
        var firstWord: UInt64 = 0
        var lastWord: UInt64 = 0
        var words = 0
        var numbers = 0
        var latinWords = 0
        var cyrillicWords = 0
        var endsSentence = false
        var endsWithEllipsis = false
        var isListItem = false
        /// Index into `significant` of the first token after a list mark.
        var contentStart = 0
        /// The word classes of `Tally.gateClasses` its tokens hold (`WordClassMap.classBit`,
        /// ORed) and the marks the tests of a line alone look for: a test whose tokens are
        /// absent is skipped.
        var classes: UInt32 = 0
        var marks: Marks = []
        var isForeign: Bool { cyrillicWords > latinWords }
        var isHeading: Bool { kind == .heading }
    }

    struct Verdict {
        var range: Range<Int>
        var evidence: PageLayout.Evidence
        var severity: Severity
        var isWholeLine: Bool
        /// Judged by the line's place alone: reported with a fix that is never applied.
        var isPositional = false

        /// Evidence the line carries itself (a phrase, a structure no article line has), so that
        /// lines next to it may be judged by it.
        var isFirmChrome: Bool { isWholeLine && !isPositional && severity >= .warning }
    }

    /// Thresholds of the judgement, in words.
    enum Limits {
        /// A line ending in a full stop with at least this many words reads as prose.
        static let sentenceWords = 6
        /// A line this long is prose even without a final stop (a capture cut mid-sentence).
        static let longLineWords = 30
        /// A first line shorter than this, with one sentence, is a headline even with a full stop.
        static let headlineWords = 25
        /// A phrase of scope `opens` flags a line this short wherever it stands in it.
        static let shortLineWords = 12
        /// Lines shorter than this are compared only whole, longer ones also as near copies.
        static let nearCopyWords = 10
        /// Near copies are compared on at most this many words (the comparison is quadratic).
        static let nearCopyMaxWords = 80
        static let repeatWords = 4
        /// A page prints a line's copy within this many lines of the first.
        static let repeatDistance = 10
        /// A teaser stands at most this many lines above the paragraph it begins.
        static let teaserDistance = 5
    }

    func build() -> PageLayout {
        let (storage, bounds, tallies) = scanTokens()
        // The lines read it through `TokenRun`, and none outlives this call.
        defer { storage.deallocate() }
        // The lines the page judgement reads: not foreign, not a table cell, not a bare capture
        // marker (built one at a time, not all then filtered: a line is large and a page may have
        // very many).
        var foreign = Set<Int>()
        var content: [Line] = []
        content.reserveCapacity(analysis.paragraphs.count)
        // Each paragraph's block kind (`ProseDocument.blockKind(at:)`), read with one cursor over
        // the blocks, which are in order as the paragraphs are, not by a search per paragraph.
        let blocks = analysis.document.blocks
        var nextBlock = 0
        for paragraph in analysis.paragraphs.indices {
            let offset = analysis.paragraphs[paragraph].range.lowerBound
            while nextBlock < blocks.count && blocks[nextBlock].proseStart <= offset { nextBlock += 1 }
            let kind = nextBlock > 0 ? blocks[nextBlock - 1].kind : .paragraph
            let line = makeLine(paragraph, TokenRun(storage: UnsafeBufferPointer(storage), bounds: bounds[paragraph]), tallies[paragraph], kind)
            if line.isForeign {
                foreign.insert(paragraph)
            } else if !line.significant.isEmpty && line.kind != .tableCell {
                content.append(line)
            }
        }
        var verdicts: [Verdict?] = Array(repeating: nil, count: content.count)
        var needsEdge = Array(repeating: false, count: content.count)
        var tailOnly = Array(repeating: false, count: content.count)
        let matches = phraseMatches(content)

        // 1. What a line shows on its own: a phrase, or a structure no article line has.
        for k in content.indices {
            let line = content[k]
            if !matches[k].isEmpty, let (row, range, onlyInTail) = phraseVerdict(line, matches[k]) {
                verdicts[k] = Verdict(range: range, evidence: .phrase(row), severity: .warning, isWholeLine: range == line.range)
                tailOnly[k] = onlyInTail
            } else if let found = intrinsic(line) {
                verdicts[k] = Verdict(range: found.range, evidence: .structure(found.kind), severity: found.severity, isWholeLine: found.range == line.range)
                needsEdge[k] = found.edgeOnly
            }
        }

        markAuthorBio(content, &verdicts)

        // 2. The body: lines that read as prose and are not chrome on their own.
        var isBodyLine = [Bool](repeating: false, count: content.count)
        var body: [Int] = []
        for k in content.indices {
            let isBody: Bool
            if let verdict = verdicts[k], verdict.isWholeLine {
                isBody = false
            } else if content[k].isHeading {
                isBody = false
            } else if content[k].endsSentence && !content[k].endsWithEllipsis && content[k].words >= Limits.sentenceWords {
                // The first line is the headline unless it holds more than one sentence or runs long.
                isBody = !(k == 0 && content[k].words < Limits.headlineWords && analysis.paragraphs[content[k].paragraph].sentences.count == 1)
            } else {
                isBody = content[k].words >= Limits.longLineWords
            }
            if isBody {
                isBodyLine[k] = true
                body.append(k)
            }
        }
        // In a window of a large document, the body runs on past an inner edge.
        let opens = analysis.document.opensPage, closes = analysis.document.closesPage
        let hasBody = !body.isEmpty || !opens || !closes
        let firstBody = opens ? body.first ?? content.count : 0
        let lastBody = closes ? body.last ?? -1 : content.count - 1
        // Without a body there is no place to judge by: the edges are the whole document.
        func isEdge(_ k: Int) -> Bool { hasBody && (k < firstBody || k > lastBody) }
        for k in content.indices where verdicts[k] != nil {
            if needsEdge[k] && !isEdge(k) { verdicts[k] = nil }
            if tailOnly[k] && !(hasBody && k > lastBody) { verdicts[k] = nil }
        }
        // A bar row among rows with as many bars is a table, not a menu.
        for k in content.indices {
            guard let verdict = verdicts[k], verdict.evidence == .structure(.navigation), let bars = barCount(content[k]), bars > 0 else { continue }
            if (k > 0 && barCount(content[k - 1]) == bars) || (k + 1 < content.count && barCount(content[k + 1]) == bars) { verdicts[k] = nil }
        }
        // A label that is also an ordinary subheading ("Details") is chrome among chrome only.
        for k in content.indices {
            guard let verdict = verdicts[k], case .phrase(let row) = verdict.evidence, reader.needsChrome[row] else { continue }
            let neighbours = [k - 1, k + 1].filter { content.indices.contains($0) }
            if !neighbours.contains(where: { verdicts[$0]?.isFirmChrome == true }) {
                verdicts[k]?.severity = .info
                verdicts[k]?.isPositional = true
            }
        }
        // Widget labels made of widget words ("Popular photos", "Hide ad").
        for k in content.indices where verdicts[k] == nil && isWidgetLabel(content[k]) {
            let edge = isEdge(k)
            verdicts[k] = Verdict(range: content[k].range, evidence: .structure(.widget), severity: edge ? .warning : .info,
                                  isWholeLine: true, isPositional: !edge)
        }

        // 3. Lines judged by their place on the page, only where there is a body to place them by.
        var repeated = Set<Int>()
        if hasBody {
            if opens, let label = topLabel(content, verdicts, isBody: isBodyLine, firstBody: firstBody) { verdicts[0] = label }
            markNavigationLists(content, &verdicts, before: firstBody)
            let headline = !opens ? nil : content.indices.first { verdicts[$0] == nil && $0 <= firstBody && !(firstBody == $0 && $0 != 0) }

            // 4. Repetition: a headline, lead or caption the page printed twice.
            repeated = markRepeats(content, &verdicts, headline: headline, firstBody: firstBody, lastBody: lastBody)

            if let headline { markNameCaption(content, &verdicts, headline: headline, firstBody: firstBody) }
            for k in content.indices where verdicts[k] == nil && isEdge(k) && isMenuRow(content[k]) {
                // Title case alone is a headline's too: a menu row stands among chrome, and not
                // right under the headline, where a deck in title case goes.
                guard k != (headline ?? -2) + 1 else { continue }
                let neighbours = [k - 1, k + 1].filter { content.indices.contains($0) }
                guard neighbours.contains(where: { verdicts[$0]?.isFirmChrome == true }) else { continue }
                verdicts[k] = Verdict(range: content[k].range, evidence: .structure(.navigation), severity: .warning, isWholeLine: true)
            }
            markRelatedBlocks(content, &verdicts, from: firstBody, after: lastBody, isBody: isBodyLine)
            markTailWidgets(content, &verdicts, after: lastBody)

            if let last = content.indices.last, last > lastBody, verdicts[last] == nil, last - 1 == lastBody,
               isTrailingHeadline(content[last]) {
                verdicts[last] = Verdict(range: content[last].range, evidence: .structure(.trailingHeadline), severity: .info,
                                         isWholeLine: true, isPositional: true)
            }
        } else {
            repeated = markRepeats(content, &verdicts, headline: nil, firstBody: content.count, lastBody: -1)
        }

        var chrome: [PageLayout.Chrome] = []
        for (k, verdict) in verdicts.enumerated() {
            guard let verdict else { continue }
            chrome.append(PageLayout.Chrome(paragraph: content[k].paragraph, range: verdict.range, evidence: verdict.evidence,
                                            severity: verdict.severity, isWholeLine: verdict.isWholeLine, isPositional: verdict.isPositional))
        }
        return PageLayout(chrome: chrome, repeatedParagraphs: repeated, foreignParagraphs: foreign)
    }

    // MARK: Lines

    func makeLine(_ paragraph: Int, _ run: TokenRun, _ tally: Tally, _ kind: BlockKind) -> Line {
        let span = analysis.paragraphs[paragraph]
        var significant = run
        var start = span.range.lowerBound
        if paragraph == 0, let markerEnd = captureMarkerEnd(span.range) {
            let marker = significant.prefix { Int(tokens[$0].start) < markerEnd }.count
            significant = significant.dropping(marker)
            start = significant.first.map { Int(tokens[$0].start) } ?? span.range.upperBound
        }
        var line = Line(paragraph: paragraph, range: start..<span.range.upperBound, significant: significant)
        line.kind = kind
        line.words = tally.words
        line.numbers = tally.numbers
        line.latinWords = tally.latinWords
        line.cyrillicWords = tally.cyrillicWords
        line.wordCount = tally.wordCount
        line.key = tally.key
        line.firstWord = tally.firstWord
        line.lastWord = tally.lastWord
        line.classes = tally.classes
        line.marks = tally.marks
        var end = significant.count - 1
        while end >= 0, analysis.isClosingMark(tokens[significant[end]]) { end -= 1 }
        if end >= 0 {
            let last = tokens[significant[end]]
            if isEllipsis(last) || (isByte(last, 0x2E) && end > 0 && isByte(tokens[significant[end - 1]], 0x2E)) {
                line.endsSentence = true
                line.endsWithEllipsis = true
            } else if isByte(last, 0x2E) || isByte(last, 0x21) || isByte(last, 0x3F) {
                line.endsSentence = true
            }
        }
        if line.kind == .listItem {
            // Markdown and HTML list items: the reader took the mark.
            line.isListItem = true
        } else if significant.count > 1 {
            let first = tokens[significant[0]]
            if isListMark(first) {
                line.isListItem = true
                line.contentStart = 1
            } else if first.kind == .number, first.length <= 2, significant.count > 2,
                      isByte(tokens[significant[1]], 0x2E) || isByte(tokens[significant[1]], 0x29),
                      tokens[significant[1]].end < tokens[significant[2]].start {
                line.isListItem = true
                line.contentStart = 2
            }
        }
        return line
    }

    /// The end of a capture marker " date YYYY-MM-DD " at the start of `range`, if there is one.
    func captureMarkerEnd(_ range: Range<Int>) -> Int? {
        let marker = Array("date 0000-00-00".utf8)
        let start = range.lowerBound
        guard range.count >= marker.count else { return nil }
        for (offset, expected) in marker.enumerated() {
            let byte = prose[start + offset]
            if expected == 0x30 { guard byte >= 0x30 && byte <= 0x39 else { return nil } } else if byte != expected { return nil }
        }
        let end = start + marker.count
        return end == range.upperBound || prose[end] == 0x20 ? end : nil
    }

    // MARK: Phrases

    /// The phrase matches in each content line.
    func phraseMatches(_ content: [Line]) -> [[PhraseMatcher.Match]] {
        var result = Array(repeating: [PhraseMatcher.Match](), count: content.count)
        var k = 0
        for match in reader.matcher.matches(in: analysis) {
            while k < content.count && content[k].range.upperBound < match.range.upperBound { k += 1 }
            guard k < content.count, content[k].range.lowerBound <= match.range.lowerBound else { continue }
            result[k].append(match)
        }
        return result
    }

    /// The row of the phrase that makes `line` (or the range returned) chrome, and whether that
    /// holds only after the article's last paragraph. A phrase opening the line, or in a short
    /// line, makes the whole line chrome. A call to subscribe makes its sentence chrome (the whole
    /// line when that is all of it) when it opens the sentence or the line is short, and
    /// otherwise only after the article's end; inside a quotation it is someone's words, not the
    /// page's.
    func phraseVerdict(_ line: Line, _ matches: [PhraseMatcher.Match]) -> (Int, Range<Int>, Bool)? {
        var tail: (Int, Range<Int>)? = nil
        var quotation = QuotationTracker(since: line.range.lowerBound)
        for match in matches {
            if match.phrase >= reader.labelStart {
                if coversLine(match, line) { return (match.phrase, line.range, false) }
                continue
            }
            let short = line.words <= Limits.shortLineWords
            guard reader.kinds[match.phrase] == "subscribe" else {
                let opens = line.contentStart < line.significant.count && match.tokens.lowerBound == line.significant[line.contentStart]
                if opens || short { return (match.phrase, line.range, false) }
                continue
            }
            guard !quotation.isInside(match.range.lowerBound, in: analysis) else { continue }
            let sentences = analysis.paragraphs[line.paragraph].sentences
            guard let sentence = analysis.firstSentence(in: sentences, endingAfter: match.range.lowerBound) else { continue }
            let span = analysis.sentences[sentence]
            let range = sentences.count == 1 ? line.range : max(span.range.lowerBound, line.range.lowerBound)..<span.range.upperBound
            let opensSentence = span.tokens.lowerBound == match.tokens.lowerBound
                || (line.contentStart < line.significant.count && line.significant[line.contentStart] == match.tokens.lowerBound)
            if opensSentence || short { return (match.phrase, range, false) }
            if tail == nil { tail = (match.phrase, range) }
        }
        return tail.map { ($0.0, $0.1, true) }
    }


    /// True when `match` is the whole line but for list marks, trailing marks and a count.
    func coversLine(_ match: PhraseMatcher.Match, _ line: Line) -> Bool {
        let significant = line.significant
        guard line.contentStart < significant.count, significant[line.contentStart] == match.tokens.lowerBound else { return false }
        guard let position = significant.firstIndex(of: match.tokens.upperBound) else { return false }
        for index in significant[(position + 1)...] {
            let token = tokens[index]
            if token.kind == .number { continue }
            if token.kind == .punctuation || token.kind == .symbol { continue }
            return false
        }
        return true
    }
}

/// A line's tokens other than spaces: a window on one buffer shared by all lines of a document,
/// indexed from zero. The buffer lives as long as the document's `LayoutBuilder.build()`, so a
/// line is plain data, copied without reference counting.
struct TokenRun: RandomAccessCollection {
    let storage: UnsafeBufferPointer<Int32>
    let bounds: Range<Int>
    var startIndex: Int { 0 }
    var endIndex: Int { bounds.count }
    subscript(position: Int) -> Int { Int(storage[bounds.lowerBound + position]) }
    /// The run without its first `count` tokens.
    func dropping(_ count: Int) -> TokenRun { TokenRun(storage: storage, bounds: (bounds.lowerBound + Swift.min(count, bounds.count))..<bounds.upperBound) }
}
