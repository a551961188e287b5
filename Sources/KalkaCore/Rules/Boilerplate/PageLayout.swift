/// A document read as the web page it was copied from: which lines are the headline, which are the
/// article's body, and which are the page's chrome (menus, timestamps, captions, share bars,
/// widgets, footers, a headline printed twice). Judged once per document and shared by the rules
/// that report chrome (BOI001 by phrase, BOI002 by structure, BOI003 by repetition) and by GAR004,
/// so that each line gets one verdict and is reported once, by the rule whose evidence it is.
///
/// A *line* is a paragraph of the analysis: in plain text each source line that is not hard-wrapped
/// (see `LineBreaks`), in Markdown and HTML each block. Lines mostly in Cyrillic are left to the
/// script rules and table cells (Markdown and HTML) to the table, and both are ignored here; a
/// capture marker (" date 2024-05-01 ") opening the text is never part of a line.
///
/// The judgement follows the structure of a news page: chrome, the headline, maybe a caption or a
/// timestamp, the body (lines that read as prose), then trailing chrome. Evidence that a line of
/// news copy could also show (a date, a short line, a number) counts only before the body or after
/// it, and not at all in a document without a body; evidence no article line shows (a share bar, a
/// photo credit, leftover HTML) counts anywhere. A verdict resting on the line's place alone is
/// *positional*: it is reported at info with a fix that is shown but never applied, since a fix
/// pass that deletes the chrome around it moves other lines into that place; no info verdict's
/// fix is applied.
public struct PageLayout: Sendable {
    /// What a line of chrome is, when the evidence is its structure.
    public enum ChromeKind: String, Sendable, CaseIterable {
        case navigation, label, name, tags, timestamp, counter, caption, share, code, bio, footer, related, widget, teaser
        case trailingHeadline = "trailing-headline"

        /// Why the line is chrome, for messages.
        public var explanation: String {
            switch self {
            case .navigation: "a menu or breadcrumb of the website"
            case .label: "a label of the page above the article (a section, site or widget name)"
            case .name: "a person's name alone on a line above the article: a photo caption or a byline widget"
            case .tags: "a tag line of the website"
            case .timestamp: "the page's publication timestamp"
            case .counter: "a view counter or reading-time widget"
            case .caption: "a photo caption or credit fused into the text"
            case .share: "the page's share buttons"
            case .code: "leftover HTML or template code"
            case .bio: "a template author bio of the website"
            case .footer: "the site's footer"
            case .related: "a related-article headline from the page's teaser block"
            case .widget: "a widget label among the page's chrome"
            case .teaser: "a teaser link of a list of articles"
            case .trailingHeadline: "a headline after the article's end, probably a link to another article"
            }
        }
    }

    /// How a line repeats another.
    public enum RepeatKind: String, Sendable {
        /// The same line again: a headline, lead or caption the page layout printed twice.
        case line
        /// The headline again as the first sentence of the lead.
        case headlineAsLead = "headline-as-lead"
        /// A teaser cut short with "…" of a paragraph that follows in full.
        case teaser
        /// A near copy of a sentence just above (the teaser and the body, two translations of one
        /// sentence).
        case nearCopy = "near-copy"
    }

    public enum Evidence: Sendable, Equatable {
        /// A phrase of Dictionaries/phrases/boilerplate.tsv (its row index): BOI001.
        case phrase(Int)
        /// The line's structure: BOI002.
        case structure(ChromeKind)
        /// It repeats the text starting at sentence `of`: BOI003.
        case repetition(RepeatKind, of: Int)
    }

    /// One line of chrome.
    public struct Chrome: Sendable {
        public let paragraph: Int
        /// The prose to report and delete: the whole line, or the chrome inside it.
        public let range: Range<Int>
        public let evidence: Evidence
        public let severity: Severity
        /// True when `range` is the whole line, so deleting it may take the line break too.
        public let isWholeLine: Bool
        /// True when the line's place is the evidence: its fix is shown, never applied.
        public let isPositional: Bool
    }

    /// Chrome in text order, at most one per paragraph.
    public let chrome: [Chrome]
    private let chromeIndex: [Int: Int]
    /// Paragraphs whose words occur again as another whole paragraph of the document.
    public let repeatedParagraphs: Set<Int>
    /// Paragraphs mostly in another script (left to the script rules).
    public let foreignParagraphs: Set<Int>

    init(chrome: [Chrome], repeatedParagraphs: Set<Int>, foreignParagraphs: Set<Int>) {
        self.chrome = chrome
        var index: [Int: Int] = [:]
        for (position, item) in chrome.enumerated() { index[item.paragraph] = position }
        chromeIndex = index
        self.repeatedParagraphs = repeatedParagraphs
        self.foreignParagraphs = foreignParagraphs
    }

    /// The chrome verdict on paragraph `paragraph`, if any.
    public func chrome(inParagraph paragraph: Int) -> Chrome? {
        chromeIndex[paragraph].map { chrome[$0] }
    }

    /// The edit that deletes a piece of chrome: the whole line with its single line break (in
    /// Markdown the block's source lines, markers included), or the chrome inside a line with the
    /// spaces before it (or, at the start of a line, after it). The last line takes the line break
    /// before it, unless the line before is chrome too (its own deletion takes that line break).
    public func deletion(of item: Chrome, in analysis: Analysis) -> ProseEdit {
        let paragraph = analysis.paragraphs[item.paragraph].range
        if item.isWholeLine && item.range == paragraph {
            if analysis.document.format == .markdown { return ProseEdit(paragraph, "", deletesWholeBlock: true) }
            let widened = analysis.widenedToLineBreak(paragraph)
            if widened.lowerBound < paragraph.lowerBound, let previous = chrome(inParagraph: item.paragraph - 1), previous.isWholeLine {
                return ProseEdit(paragraph, "")
            }
            return ProseEdit(widened, "")
        }
        var range = item.range
        if range.lowerBound == paragraph.lowerBound {
            while range.upperBound < paragraph.upperBound, analysis.prose[range.upperBound] == 0x20 { range = range.lowerBound..<(range.upperBound + 1) }
        } else {
            while range.lowerBound > paragraph.lowerBound, analysis.prose[range.lowerBound - 1] == 0x20 { range = (range.lowerBound - 1)..<range.upperBound }
        }
        return ProseEdit(range, "")
    }

    /// Reports each line of chrome that `message` describes (nil: another rule's evidence), with
    /// the fix that deletes it: the one report loop of the rules that read the layout.
    public func report(in analysis: Analysis, into findings: inout Findings, fixTitle: String, message: (Chrome) -> String?) {
        for item in chrome {
            guard let text = message(item) else { continue }
            findings.report(item.range, text, fix: fix(for: item, in: analysis, title: fixTitle), severity: item.severity)
        }
    }

    /// The fix for a piece of chrome: the deletion, applied with the unsafe fixes unless the
    /// verdict is positional or only info (a doubt is shown, never acted on).
    public func fix(for item: Chrome, in analysis: Analysis, title: String) -> ProseFix {
        let applicability: FixApplicability = item.isPositional || item.severity < .warning ? .displayOnly : .unsafe
        return ProseFix(title: title, applicability: applicability, edits: [deletion(of: item, in: analysis)])
    }
}

/// Reads page layouts: built once per dictionary store (`shared`), shared by the rules.
public struct PageLayoutReader: Sendable {
    enum WordClass: String, CaseIterable {
        case month, weekday, clock, zone, dateword, relative, share, counter, tally, countpart, caption, credit, profession, site, widget, listing, tld
    }

    /// Dictionaries/phrases/boilerplate.tsv then Dictionaries/phrases/chrome-labels.tsv, in one
    /// matcher: a row below `labelStart` is a phrase, from there on a whole-line label.
    let matcher: PhraseMatcher
    let phrases: [String]
    let kinds: [String]
    let labelStart: Int
    /// Per row: a label that is also an ordinary subheading ("Details"), chrome only among chrome.
    let needsChrome: [Bool]
    private let vocabulary: WordClassMap
    private let functionWords: WordSet
    /// Words that have an English reading in the sentence model's word list (not names).
    private let englishWords: HashSet64

    public static func shared(_ dictionaries: DictionaryStore) throws -> PageLayoutReader {
        try dictionaries.derived("page-layout-reader") { try PageLayoutReader(dictionaries: dictionaries) }
    }

    init(dictionaries: DictionaryStore) throws {
        let table = try PhraseTable.of(dictionaries, "phrases/boilerplate.tsv")
        let labels = try PhraseTable(file: dictionaries.file("phrases/chrome-labels.tsv"))
        phrases = table.entries.map(\.phrase) + labels.entries.map(\.phrase)
        kinds = try table.required("kind") + labels.required("kind")
        labelStart = table.entries.count
        var needsChrome = Array(repeating: false, count: table.entries.count)
        for entry in labels.entries {
            switch entry["standing"] {
            case "", "alone": needsChrome.append(false)
            case "among-chrome": needsChrome.append(true)
            case let other: throw DictionaryError(path: labels.path, line: entry.row.line, message: "standing must be alone or among-chrome, not '\(other)'")
            }
        }
        self.needsChrome = needsChrome
        matcher = try PhraseMatcher(phrases)
        let words = try dictionaries.file("phrases/page-chrome-words.tsv")
        var entries: [(UInt64, WordClass)] = []
        for row in words.rows {
            guard let wordClass = WordClass(rawValue: row[1]) else {
                throw DictionaryError(path: words.path, line: row.line, message: "unknown class '\(row[1])'")
            }
            entries.append((FoldedHash.of(row[0]), wordClass))
        }
        vocabulary = WordClassMap(entries)
        functionWords = try dictionaries.words("english/function-words.txt")
        // Words with an English reading: the list's class X (names, foreign words) left out.
        englishWords = HashSet64(try dictionaries.file("english/word-classes.tsv").rows.filter { $0[1] != "X" }.map { FoldedHash.of($0[0]) })
    }

    /// The layout of `analysis`, computed by the first rule that asks.
    public func layout(of analysis: Analysis) -> PageLayout {
        analysis.shared("page-layout") { LayoutBuilder(reader: self, analysis: analysis).build() }
    }

    func wordClass(_ token: Token) -> WordClass? { vocabulary.lookup(token.foldedHash) }
    func isFunctionWord(_ token: Token) -> Bool { functionWords.contains(token) }
    func isEnglishWord(_ token: Token) -> Bool { englishWords.contains(token.foldedHash) }
}

/// One document's layout, worked out line by line.
private struct LayoutBuilder {
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
        // Counted first, so the index array is allocated once at its size (on a large document
        // it is among the largest arrays a run holds).
        var significantCount = 0
        for token in tokens where token.kind != .space { significantCount += 1 }
        var storage: [Int32] = []
        storage.reserveCapacity(significantCount)
        var bounds: [Range<Int>] = []
        bounds.reserveCapacity(analysis.paragraphs.count)
        for paragraph in analysis.paragraphs.indices {
            let start = storage.count
            for index in analysis.tokenRange(ofParagraph: paragraph) where tokens[index].kind != .space { storage.append(Int32(index)) }
            bounds.append(start..<storage.count)
        }
        // The lines the page judgement reads: not foreign, not a table cell, not a bare capture
        // marker (built one at a time, not all then filtered: a line is large and a page may have
        // very many).
        var foreign = Set<Int>()
        var content: [Line] = []
        for paragraph in analysis.paragraphs.indices {
            let line = makeLine(paragraph, TokenRun(storage: storage, bounds: bounds[paragraph]))
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
        for (k, line) in content.enumerated() {
            if let (row, range, onlyInTail) = phraseVerdict(line, matches[k]) {
                verdicts[k] = Verdict(range: range, evidence: .phrase(row), severity: .warning, isWholeLine: range == line.range)
                tailOnly[k] = onlyInTail
            } else if let found = intrinsic(line) {
                verdicts[k] = Verdict(range: found.range, evidence: .structure(found.kind), severity: found.severity, isWholeLine: found.range == line.range)
                needsEdge[k] = found.edgeOnly
            }
        }

        markAuthorBio(content, &verdicts)

        // 2. The body: lines that read as prose and are not chrome on their own.
        func isBody(_ k: Int) -> Bool {
            let line = content[k]
            if let verdict = verdicts[k], verdict.isWholeLine { return false }
            if line.isHeading { return false }
            if line.endsSentence && !line.endsWithEllipsis && line.words >= Limits.sentenceWords {
                // The first line is the headline unless it holds more than one sentence or runs long.
                if k == 0 && line.words < Limits.headlineWords && analysis.paragraphs[line.paragraph].sentences.count == 1 { return false }
                return true
            }
            return line.words >= Limits.longLineWords
        }
        let isBodyLine = content.indices.map(isBody)
        let body = content.indices.filter { isBodyLine[$0] }
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

    func makeLine(_ paragraph: Int, _ run: TokenRun) -> Line {
        let span = analysis.paragraphs[paragraph]
        var significant = run
        var start = span.range.lowerBound
        if paragraph == 0, let markerEnd = captureMarkerEnd(span.range) {
            let marker = significant.prefix { Int(tokens[$0].start) < markerEnd }.count
            significant = significant.dropping(marker)
            start = significant.first.map { Int(tokens[$0].start) } ?? span.range.upperBound
        }
        var line = Line(paragraph: paragraph, range: start..<span.range.upperBound, significant: significant)
        line.kind = analysis.document.blockKind(at: span.range.lowerBound)
        for index in significant {
            let token = tokens[index]
            switch token.kind {
            case .word where token.script != .none:
                line.words += 1
                if token.script == .cyrillic { line.cyrillicWords += 1 } else { line.latinWords += 1 }
            case .number: line.numbers += 1
            default: break
            }
            if token.kind == .word || token.kind == .number {
                line.wordCount += 1
                line.key = (line.key ^ token.foldedHash) &* FoldedHash.prime &+ 0x9E37_79B9
                if line.wordCount == 1 { line.firstWord = token.foldedHash }
                line.lastWord = token.foldedHash
            }
        }
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

    // MARK: Evidence a line carries on its own

    struct Intrinsic {
        var kind: PageLayout.ChromeKind
        var range: Range<Int>
        /// Counts only before or after the body.
        var edgeOnly: Bool
        var severity: Severity = .warning
    }

    /// Chrome a line shows by itself: its kind, the range to report, whether it counts only before
    /// or after the body, and the severity.
    func intrinsic(_ line: Line) -> Intrinsic? {
        if let range = codeResidue(line) { return Intrinsic(kind: .code, range: range, edgeOnly: false) }
        if let range = caption(line) { return Intrinsic(kind: .caption, range: range, edgeOnly: false) }
        if isShareBar(line) { return Intrinsic(kind: .share, range: line.range, edgeOnly: false) }
        if let edgeOnly = counter(line) { return Intrinsic(kind: .counter, range: line.range, edgeOnly: edgeOnly) }
        if let severity = timestamp(line) { return Intrinsic(kind: .timestamp, range: line.range, edgeOnly: true, severity: severity) }
        if let bars = isMenu(line) { return Intrinsic(kind: .navigation, range: line.range, edgeOnly: bars) }
        if hasHashtag(line) && line.words <= Limits.shortLineWords && !line.endsSentence { return Intrinsic(kind: .tags, range: line.range, edgeOnly: true) }
        if let range = fusedCounter(line) { return Intrinsic(kind: .counter, range: range, edgeOnly: false) }
        if let range = readMoreLink(line) { return Intrinsic(kind: .teaser, range: range, edgeOnly: false) }
        return nil
    }

    /// Leftover markup: a tag ("</p>", "< /p>", "<a href=…>"), a shortcode ("[gallery size=…"), a
    /// JSON escape ("\u00ab"). The range is the whole line when little else is left.
    func codeResidue(_ line: Line) -> Range<Int>? {
        var first: Int? = nil
        var last = 0
        var offset = line.range.lowerBound
        let end = line.range.upperBound
        while offset < end {
            let byte = prose[offset]
            var residueEnd: Int? = nil
            if byte == 0x3C { residueEnd = tagEnd(at: offset, limit: end) }
            if byte == 0x5B { residueEnd = shortcodeEnd(at: offset, limit: end) }
            if byte == 0x5C, let escape = unicodeEscapeEnd(at: offset, limit: end) { residueEnd = escape }
            if let residueEnd {
                if first == nil { first = offset }
                last = residueEnd
                offset = residueEnd
            } else {
                offset += 1
            }
        }
        guard let first else { return nil }
        // Little else on the line: the line is the residue.
        let outside = line.significant.filter { tokens[$0].kind == .word && (Int(tokens[$0].end) <= first || Int(tokens[$0].start) >= last) }.count
        if outside <= 3 { return line.range }
        return first..<last
    }

    /// "\u00ab", "\u2014": a JSON or JavaScript escape, which no prose holds.
    func unicodeEscapeEnd(at offset: Int, limit: Int) -> Int? {
        guard offset + 6 <= limit, prose[offset] == 0x5C, prose[offset + 1] == 0x75 else { return nil }
        for index in (offset + 2)..<(offset + 6) where !prose[index].isASCIIHexDigit { return nil }
        return offset + 6
    }

    /// "<p>", "</p>", "< /p>", "<br/>", "<a href=…>": the end of a tag starting at `offset`.
    func tagEnd(at offset: Int, limit: Int) -> Int? {
        var index = offset + 1
        if index < limit, prose[index] == 0x20 { index += 1 }
        if index < limit, prose[index] == 0x2F { index += 1 }
        let nameStart = index
        while index < limit, prose[index].isASCIILetter { index += 1 }
        guard index > nameStart, index - nameStart <= 10 else { return nil }
        // A name alone ("<p>") or attributes up to the closing ">" within the line.
        var scan = index
        while scan < limit, prose[scan] != 0x3E, prose[scan] != 0x3C { scan += 1 }
        guard scan < limit, prose[scan] == 0x3E else { return nil }
        if scan > index {
            // Attributes need "=", or the slash of "<br/>".
            let inside = prose[index..<scan]
            guard prose[index] == 0x20 || prose[index] == 0x2F, inside.contains(0x3D) || inside.allSatisfy({ $0 == 0x20 || $0 == 0x2F }) else { return nil }
        }
        return scan + 1
    }

    /// "[name attribute=…]": a bracket, a lowercase name, a space, an attribute name and "=" (or
    /// an escape of it): a template shortcode, which runs to the closing bracket or the end of
    /// the line.
    func shortcodeEnd(at offset: Int, limit: Int) -> Int? {
        var index = offset + 1
        let nameStart = index
        while index < limit, (prose[index].isASCIILetter && prose[index] >= 0x61) || prose[index] == 0x5F || prose[index] == 0x2D { index += 1 }
        guard index - nameStart >= 2, index < limit, prose[index] == 0x20 else { return nil }
        index += 1
        let attributeStart = index
        while index < limit, prose[index].isASCIILetter || prose[index] == 0x5F || prose[index] == 0x2D { index += 1 }
        guard index > attributeStart, index < limit, prose[index] == 0x3D || unicodeEscapeEnd(at: index, limit: limit) != nil else { return nil }
        while index < limit, prose[index] != 0x5D { index += 1 }
        return index < limit ? index + 1 : limit
    }

    /// A photo caption or credit: a caption word and its source. "Photo: …" at the start, "…
    /// Photo: Reuters", "… photo by Jane Doe" or "… AP photo" at the end, "FILE - …", "©",
    /// "REUTERS/Name", an image file name. The range is the whole line, or only the credit when it
    /// closes a line of two sentences or more (an article paragraph with a credit appended).
    func caption(_ line: Line) -> Range<Int>? {
        let significant = line.significant.dropping(line.contentStart)
        guard !significant.isEmpty, line.words <= 60 else { return nil }
        let first = tokens[significant[0]]
        // "FILE - …" (wire-photo captions).
        if significant.count > 2, first.shape == .upper, isWord(first, Word.file), isDash(tokens[significant[1]]) { return line.range }
        for (position, index) in significant.enumerated() {
            let token = tokens[index]
            if isCopyright(token) { return line.range }
            // An image file name: "12345.jpeg".
            if token.kind == .word, position > 0, isByte(tokens[significant[position - 1]], 0x2E),
               tokens[significant[position - 1]].start == tokens[significant[position - 1]].end - 1,
               Int(tokens[significant[position - 1]].start) == Int(tokens[significant[max(0, position - 2)]].end),
               Word.imageExtensions.contains(token.foldedHash) { return line.range }
            // "REUTERS/Name".
            if isWord(token, Word.reuters), token.shape == .upper, position + 2 < significant.count, isByte(tokens[significant[position + 1]], 0x2F),
               tokens[significant[position + 1]].start == token.end { return line.range }
        }
        // The credit: from where it starts to the end of the line.
        func credit(from start: Int) -> Range<Int> {
            let before = analysis.sentences[analysis.paragraphs[line.paragraph].sentences].filter { $0.range.upperBound <= start }.count
            return before >= 2 ? start..<line.range.upperBound : line.range
        }
        // A short source after `position` to the end of the line: a few words, no sentence end.
        func isShortCredit(after position: Int) -> Bool {
            let after = significant[(position + 1)...]
            let creditWords = after.filter { tokens[$0].kind == .word }.count
            let hasStop = after.contains { isByte(tokens[$0], 0x21) || isByte(tokens[$0], 0x3F) || (isByte(tokens[$0], 0x2E) && Int(tokens[$0].end) == line.range.upperBound) }
            return creditWords >= 1 && creditWords <= 5 && !hasStop
        }
        // A caption word with a colon or "by": at the start, or near the end with a short credit.
        for (position, index) in significant.enumerated() where position + 1 < significant.count {
            guard reader.wordClass(tokens[index]) == .caption else { continue }
            let next = tokens[significant[position + 1]]
            if isByte(next, 0x3A) {
                if position == 0 { return line.range }
                if isShortCredit(after: position + 1) { return credit(from: Int(tokens[index].start)) }
            } else if isWord(next, Word.by), position > 0, isShortCredit(after: position + 1),
                      tokens[significant[position + 2]].shape == .title || tokens[significant[position + 2]].shape == .upper {
                return credit(from: Int(tokens[index].start))
            }
        }
        // "… Archive photo", "… AP photo": a source and a caption word closing the line, after a
        // stop, a comma or a separator, or alone.
        var end = significant.count - 1
        while end > 0, tokens[significant[end]].kind == .punctuation { end -= 1 }
        guard end > 0, reader.wordClass(tokens[significant[end]]) == .caption else { return nil }
        let source = tokens[significant[end - 1]]
        guard source.kind == .word, reader.wordClass(source) == .credit || (source.shape == .upper && source.length >= 2 && source.length <= 5) else { return nil }
        if end == 1 { return line.range }
        let before = tokens[significant[end - 2]]
        guard isByte(before, 0x2E) || isByte(before, 0x2C) || isByte(before, 0x7C) || isByte(before, 0x2F) || isDash(before) else { return nil }
        return credit(from: Int(source.start))
    }

    /// A line of share buttons: only social networks and share words ("Facebook Telegram",
    /// "Share Email Print").
    func isShareBar(_ line: Line) -> Bool {
        var words = 0
        for index in line.significant {
            let token = tokens[index]
            guard token.kind == .word else { continue }
            guard reader.wordClass(token) == .share else { return false }
            words += 1
        }
        return words >= 2 || (words == 1 && line.significant.count == 1 && line.isListItem)
    }

    /// A counter ("1,204 views", "Views: 87", "3 comments", "4 min read") or a bare number.
    /// Returns whether it counts only before or after the body: a view or visitor count counts
    /// anywhere; a bare number, a comment or like count and a reading time only at the edges.
    func counter(_ line: Line) -> Bool? {
        if line.words == 0 {
            let onlyNumbers = line.numbers == 1 && line.significant.allSatisfy { tokens[$0].kind == .number || tokens[$0].kind == .punctuation }
            let isDate = line.significant.contains { isDottedDate(tokens[$0]) }
            return onlyNumbers && !isDate ? true : nil
        }
        guard line.numbers >= 1, line.words <= 6 else { return nil }
        var views = false, tally = false, minutes = false, reading = false
        for index in line.significant where tokens[index].kind == .word {
            let token = tokens[index]
            switch reader.wordClass(token) {
            case .counter: views = true
            case .tally: tally = true
            case .countpart:
                if isWord(token, Word.read) || isWord(token, Word.reading) { reading = true }
                if Word.minutes.contains(token.foldedHash) { minutes = true }
            case .dateword, .relative: continue
            default: return nil
            }
        }
        if views { return false }
        return tally || (minutes && reading) ? true : nil
    }

    /// "Views: 87", "Total views 2,340" closing a longer line (fused to a headline or a paragraph):
    /// the counter, when nothing but counts and counter words follow it. It never reaches back
    /// past the word that opens it.
    func fusedCounter(_ line: Line) -> Range<Int>? {
        let significant = line.significant
        for (position, index) in significant.enumerated() where position > 0 && reader.wordClass(tokens[index]) == .counter {
            let token = tokens[index]
            var start = position
            if isWord(tokens[significant[position - 1]], Word.total) { start = position - 1 }
            // A counter label is capitalized ("Views: 87"); "the clip gathered views 10 times
            // faster" is a sentence.
            guard tokens[significant[start]].shape == .title || tokens[significant[start]].shape == .upper, start > 0 else { continue }
            var hasNumber = false
            var rest = position + 1
            while rest < significant.count {
                let next = tokens[significant[rest]]
                if next.kind == .number { hasNumber = true } else if next.kind == .word {
                    let wordClass = reader.wordClass(next)
                    guard wordClass == .counter || wordClass == .countpart || wordClass == .relative || wordClass == .tally else { break }
                } else if next.kind != .punctuation && next.kind != .symbol { break }
                rest += 1
            }
            guard rest == significant.count, hasNumber, token.kind == .word else { continue }
            return Int(tokens[significant[start]].start)..<line.range.upperBound
        }
        return nil
    }

    /// "… Read more" ending a teaser: the ellipsis and the link.
    func readMoreLink(_ line: Line) -> Range<Int>? {
        let significant = line.significant
        guard significant.count >= 4 else { return nil }
        var end = significant.count - 1
        while end > 0, tokens[significant[end]].kind != .word { end -= 1 }
        guard end >= 2, isWord(tokens[significant[end]], Word.more), isWord(tokens[significant[end - 1]], Word.read) else { return nil }
        // The teaser's own mark: "…" or "..." (a single full stop ends the article's sentence).
        let mark = tokens[significant[end - 2]]
        var start = end - 2
        if isEllipsis(mark) { return Int(mark.start)..<line.range.upperBound }
        guard isByte(mark, 0x2E) else { return nil }
        while start > 0, isByte(tokens[significant[start - 1]], 0x2E) { start -= 1 }
        guard end - 2 - start >= 2 else { return nil }
        return Int(tokens[significant[start]].start)..<line.range.upperBound
    }

    /// A line that is only a timestamp: a date and a time, or a numeric date with a separator,
    /// or a date with share or counter words; other words (a byline, a place) only capitalized
    /// names, and none followed by a preposition ("Kyiv at 03:15" is a headline). Nil if not;
    /// the severity when it is: info for a twelve-hour clock ("9:05 PM"), which English news
    /// pages also print under the headline.
    func timestamp(_ line: Line) -> Severity? {
        guard line.words <= 10, line.numbers >= 1 else { return nil }
        let significant = line.significant
        var clock = false, twelveHour = false, numericDate = false, month = false, bar = false, ago = false
        var chromeWords = 0, otherWords = 0
        var previousIsOther = false
        var position = 0
        while position < significant.count {
            let token = tokens[significant[position]]
            var isOther = false
            defer { previousIsOther = isOther }
            if token.kind == .number {
                // "09:41", "21:07:33"
                if token.length <= 2, position + 2 < significant.count, isByte(tokens[significant[position + 1]], 0x3A),
                   tokens[significant[position + 2]].kind == .number, tokens[significant[position + 2]].length == 2,
                   tokens[significant[position + 1]].start == token.end {
                    clock = true
                    position += 3
                    while position + 1 < significant.count, isByte(tokens[significant[position]], 0x3A), tokens[significant[position + 1]].kind == .number { position += 2 }
                    continue
                }
                // "03.02.2021", "03/02/2021"
                if isDottedDate(token) { numericDate = true }
                if token.length <= 4, position + 4 < significant.count, isByte(tokens[significant[position + 1]], 0x2F),
                   tokens[significant[position + 2]].kind == .number, isByte(tokens[significant[position + 3]], 0x2F),
                   tokens[significant[position + 4]].kind == .number {
                    numericDate = true
                    position += 5
                    continue
                }
                position += 1
                continue
            }
            if token.kind == .word {
                switch reader.wordClass(token) {
                case .month, .weekday: month = true
                case .relative:
                    // "Today", "Yesterday" date a time; "hours", "days" only with "ago".
                    if isWord(token, Word.today) || isWord(token, Word.yesterday) { month = true }
                    if isWord(token, Word.ago) { ago = true }
                case .clock: twelveHour = true
                case .zone: break
                case .dateword:
                    // A name followed by "at", "on", "of" is a phrase, not a byline.
                    if previousIsOther && reader.isFunctionWord(token) { return nil }
                case .share, .counter, .tally: chromeWords += 1
                default:
                    if token.length == 2, isWord(token, Word.pm) || isWord(token, Word.am) {
                        twelveHour = true
                    } else {
                        guard token.shape == .title || token.shape == .upper else { return nil }
                        otherWords += 1
                        isOther = true
                    }
                }
            } else if isByte(token, 0x7C) || isBullet(token) {
                bar = true
            }
            position += 1
        }
        let date = numericDate || month
        if clock && date { return twelveHour ? .info : .warning }
        if numericDate && (bar || (otherWords == 0 && chromeWords == 0 && !month)) { return .warning }
        if date && chromeWords > 0 && otherWords == 0 { return .warning }
        // "2 hours ago", "Yesterday" with nothing else: a relative time.
        if ago && otherWords == 0 && chromeWords == 0 { return .warning }
        return nil
    }

    /// "Home » News » Politics", "News | World | Europe": short items between separators. Nil if
    /// not; whether it is a row of bars (which counts only at the edges, and not in a table) if
    /// it is. A » closing a « of the same line is a quotation mark, not a separator.
    func isMenu(_ line: Line) -> Bool? {
        var guillemets = 0, bars = 0, itemWords = 0, openQuotes = 0
        var longestItem = 0
        for index in line.significant {
            let token = tokens[index]
            if isLeftGuillemet(token) {
                openQuotes += 1
            } else if isRightGuillemet(token) && openQuotes > 0 {
                openQuotes -= 1
            } else if isRightGuillemet(token) || isByte(token, 0x7C) {
                if isByte(token, 0x7C) { bars += 1 } else { guillemets += 1 }
                longestItem = max(longestItem, itemWords)
                itemWords = 0
            } else if token.kind == .word || token.kind == .number {
                itemWords += 1
            }
        }
        guard guillemets >= 1 || bars >= 2 else { return nil }
        // A breadcrumb's last item may be the headline; the others are short.
        guard longestItem <= 4 else { return nil }
        return guillemets == 0
    }

    /// The number of "|" on a line (nil for none).
    func barCount(_ line: Line) -> Int? {
        let count = line.significant.filter { isByte(tokens[$0], 0x7C) }.count
        return count > 0 ? count : nil
    }

    func hasHashtag(_ line: Line) -> Bool {
        for (position, index) in line.significant.enumerated() where isByte(tokens[index], 0x23) && position + 1 < line.significant.count {
            let next = tokens[line.significant[position + 1]]
            if next.kind == .word && next.start == tokens[index].end { return true }
        }
        return false
    }

    /// A widget's label: two to five words, all words of widget labels ("most", "popular",
    /// "latest", "news", "photos", "video", "ad") but for function words, no figures, no
    /// sentence: "Popular photos", "Most read now", "Hide ad".
    func isWidgetLabel(_ line: Line) -> Bool {
        guard line.numbers == 0, !line.endsSentence, line.words <= 5 else { return false }
        var widgetWords = 0, labelWords = 0
        for index in line.significant.dropping(line.contentStart) {
            let token = tokens[index]
            if token.kind == .word {
                if reader.isFunctionWord(token) { continue }
                switch reader.wordClass(token) {
                case .widget, .listing: widgetWords += 1
                case .caption, .share: labelWords += 1
                default:
                    // "read", "news", "today" have a class of their own (a reading time, a site
                    // name, a relative day) and head widgets too.
                    if isWord(token, Word.read) || isWord(token, Word.news) || isWord(token, Word.today) { widgetWords += 1 } else { return false }
                }
            } else if !(token.kind == .punctuation && (isByte(token, 0x3A) || isDash(token))) {
                return false
            }
        }
        return widgetWords >= 1 && widgetWords + labelWords >= 2
    }

    /// A widget label that heads a list of articles ("Latest stories", "More news").
    func isListingLabel(_ line: Line) -> Bool {
        isWidgetLabel(line) && line.significant.contains { reader.wordClass(tokens[$0]) == .listing || isWord(tokens[$0], Word.news) }
    }

    // MARK: Evidence from the place on the page

    /// A run of list items at the top of the page (nothing but chrome above it) whose items are
    /// mostly one to three words: a menu. Short key points under a headline stay.
    func markNavigationLists(_ content: [Line], _ verdicts: inout [Verdict?], before firstBody: Int) {
        var k = 0
        while k < firstBody {
            guard content[k].isListItem else {
                if verdicts[k] == nil { return }
                k += 1
                continue
            }
            var end = k
            while end < firstBody && content[end].isListItem { end += 1 }
            let run = content[k..<end]
            if run.count >= 2 && run.filter({ $0.words <= 3 && $0.numbers == 0 }).count * 3 >= run.count * 2 {
                for item in k..<end where verdicts[item] == nil {
                    verdicts[item] = Verdict(range: content[item].range, evidence: .structure(.navigation), severity: .warning, isWholeLine: true)
                }
            }
            k = end
        }
    }

    /// The first line as a section or site label: one to three words, no figures, above a line
    /// that is neither the body nor a byline (a short title, "Introduction" or a person's name,
    /// may head an article or a biography itself). Its place is all the evidence, so it is
    /// positional info, unless a menu follows it with a headline after that: then it is chrome
    /// among chrome. A heading the markup marks is the article's own.
    func topLabel(_ content: [Line], _ verdicts: [Verdict?], isBody: [Bool], firstBody: Int) -> Verdict? {
        guard content.count > 1, verdicts[0] == nil else { return nil }
        let line = content[0]
        guard !line.isHeading, line.numbers == 0, !line.endsSentence, !line.isListItem, line.words >= 1, line.words <= 3 else { return nil }
        guard !isBody[1], !isByline(content[1]), !content[1].isHeading || verdicts[1] != nil else { return nil }
        guard line.significant.allSatisfy({ tokens[$0].kind == .word || isByte(tokens[$0], 0x2E) || isByte(tokens[$0], 0x3A) }) else { return nil }
        let kind: PageLayout.ChromeKind = isNameCaption(line) ? .name : .label
        // A menu right under it and a headline before the body: the line is the page's.
        var menu = 1
        while menu < firstBody, let verdict = verdicts[menu], verdict.isFirmChrome, isNavigation(verdict) { menu += 1 }
        if menu > 1, (menu..<firstBody).contains(where: { verdicts[$0] == nil }) {
            return Verdict(range: line.range, evidence: .structure(kind), severity: .warning, isWholeLine: true)
        }
        return Verdict(range: line.range, evidence: .structure(kind), severity: .info, isWholeLine: true, isPositional: true)
    }

    /// A menu, a breadcrumb or a section label.
    func isNavigation(_ verdict: Verdict) -> Bool {
        switch verdict.evidence {
        case .structure(.navigation): return true
        case .phrase(let row): return reader.kinds[row] == "navigation"
        default: return false
        }
    }

    /// The one line between the headline and the body that is a person's name alone (with only
    /// chrome around it): the caption of the photo under the headline or the author's byline
    /// widget. Only that line: a list of names, or a name with text around it, is the article's.
    func markNameCaption(_ content: [Line], _ verdicts: inout [Verdict?], headline: Int, firstBody: Int) {
        guard headline + 1 < firstBody else { return }
        var k = headline + 1
        while k < firstBody, let verdict = verdicts[k], verdict.isFirmChrome { k += 1 }
        guard k < firstBody, verdicts[k] == nil, !content[k].isHeading, isNameCaption(content[k]) else { return }
        // Not the end of a line broken mid-phrase ("… in the" / "Sumy Oblast").
        if let end = content[k - 1].significant.last, reader.isFunctionWord(tokens[end]) { return }
        guard ((k + 1)..<firstBody).allSatisfy({ verdicts[$0]?.isFirmChrome == true }) else { return }
        verdicts[k] = Verdict(range: content[k].range, evidence: .structure(.name), severity: .warning, isWholeLine: true)
    }

    /// A person's name alone on a line: two or three capitalized words, the last one no English
    /// word, no function word ("Olena Petrenko").
    func isNameCaption(_ line: Line) -> Bool {
        guard line.words >= 2, line.words <= 3, line.numbers == 0, !line.isListItem else { return false }
        var lastWord: Token? = nil
        for index in line.significant {
            let token = tokens[index]
            if token.kind == .word {
                guard token.shape == .title || token.shape == .upper, !reader.isFunctionWord(token), token.script == .latin else { return false }
                lastWord = token
            } else if !(isByte(token, 0x2E) && token.start > 0 && prose[Int(token.start) - 1].isASCIILetter) {
                // Only the full stop of an initial ("Mark A. Smith") may stand between the words.
                return false
            }
        }
        guard let lastWord, !reader.isEnglishWord(lastWord) else { return false }
        return true
    }

    /// A row of menu items in title case: six words or more, every one capitalized and none a
    /// function word (a headline in title case has "In", "Of", "The").
    func isMenuRow(_ line: Line) -> Bool {
        guard line.words >= 6, !line.endsSentence, line.numbers == 0, !line.isHeading else { return false }
        for index in line.significant {
            let token = tokens[index]
            if token.kind == .word {
                guard token.shape == .title || token.shape == .upper, !reader.isFunctionWord(token) else { return false }
            } else if token.kind == .punctuation && !isByte(token, 0x2C) && !isApostrophe(token) {
                return false
            }
        }
        return true
    }

    /// After a "Read also", "Related news" or "Most popular" line (after the article's end also a
    /// widget label over a list, "Latest stories"): the headlines that follow it, up to the next
    /// line of prose. Not before the body, where the next headline is the article's. Each block
    /// is read once.
    func markRelatedBlocks(_ content: [Line], _ verdicts: inout [Verdict?], from firstBody: Int, after lastBody: Int, isBody: [Bool]) {
        var k = firstBody
        while k < content.count {
            guard let verdict = verdicts[k], verdict.isWholeLine, !verdict.isPositional || k > lastBody else { k += 1; continue }
            let opensBlock: Bool
            switch verdict.evidence {
            case .phrase(let row): opensBlock = reader.kinds[row] == "related"
            case .structure(.widget): opensBlock = k > lastBody && isListingLabel(content[k])
            default: opensBlock = false
            }
            guard opensBlock else { k += 1; continue }
            var next = k + 1
            while next < content.count {
                let line = content[next]
                if verdicts[next] == nil {
                    // A headline: short, not prose (a short one may end in "!" or "?").
                    guard !isBody[next], !line.endsSentence || line.isListItem || line.words < Limits.sentenceWords,
                          line.words <= 20, line.words >= 1 else { break }
                    verdicts[next] = Verdict(range: line.range, evidence: .structure(.related), severity: .warning, isWholeLine: true)
                }
                next += 1
            }
            k = next
        }
    }

    /// The template bio of a site's author among the last two lines: in the first person ("I am
    /// Jane Doe, an editor at this site"), the name, a profession and the site in the first
    /// sentence. The same in the third person ("Jane Doe is a reporter for the site") closes
    /// op-eds in edited English too, so it is positional info.
    func markAuthorBio(_ content: [Line], _ verdicts: inout [Verdict?]) {
        for k in content.indices.suffix(2) where k > 0 && verdicts[k] == nil {
            let line = content[k]
            let significant = line.significant
            guard significant.count > 6, line.words <= 60 else { continue }
            // Some prose above it: the bio follows an article.
            guard content[..<k].contains(where: { $0.endsSentence && $0.words >= Limits.sentenceWords }) else { continue }
            var position = 0
            var firstPerson = true
            let first = tokens[significant[0]]
            if isWord(first, Word.i), isWord(tokens[significant[1]], Word.am) {
                position = 2
            } else if isWord(first, Word.i), isApostrophe(tokens[significant[1]]), isWord(tokens[significant[2]], Word.m) {
                position = 3
            } else if isWord(first, Word.iAmCurly) || isWord(first, Word.iAmStraight) {
                position = 1
            } else {
                firstPerson = false
            }
            var names = 0
            while position < significant.count, tokens[significant[position]].kind == .word, tokens[significant[position]].shape == .title,
                  !reader.isFunctionWord(tokens[significant[position]]) { names += 1; position += 1 }
            guard names >= 2, names <= 4, position < significant.count else { continue }
            if firstPerson {
                guard isByte(tokens[significant[position]], 0x2C) else { continue }
            } else {
                guard isWord(tokens[significant[position]], Word.is) else { continue }
            }
            // A profession, then the site, in the first sentence.
            let sentence = analysis.sentences[analysis.paragraphs[line.paragraph].sentences.lowerBound]
            let rest = significant[position...].filter { $0 < sentence.tokens.upperBound }
            guard let job = rest.firstIndex(where: { reader.wordClass(tokens[$0]) == .profession }) else { continue }
            let afterJob = rest[(job + 1)...]
            let namesSite = afterJob.contains { reader.wordClass(tokens[$0]) == .site }
            let namedOutlet = afterJob.indices.contains { index in
                guard index + 1 < afterJob.endIndex, isWord(tokens[afterJob[index]], Word.for) || isWord(tokens[afterJob[index]], Word.at) else { return false }
                var next = index + 1
                if isWord(tokens[afterJob[next]], Word.the), next + 1 < afterJob.endIndex { next += 1 }
                return tokens[afterJob[next]].shape == .title || tokens[afterJob[next]].shape == .upper
            }
            guard namesSite || namedOutlet || hasDomainName(line) else { continue }
            verdicts[k] = Verdict(range: line.range, evidence: .structure(.bio), severity: firstPerson ? .warning : .info,
                                  isWholeLine: true, isPositional: !firstPerson)
        }
    }

    /// After the article's last paragraph: a site footer (a site name, a year; an e-mail address
    /// is a contact, not a footer), and a short line right next to a line of chrome (its label or
    /// its link).
    func markTailWidgets(_ content: [Line], _ verdicts: inout [Verdict?], after lastBody: Int) {
        guard lastBody >= 0, lastBody + 1 < content.count else { return }
        let tail = (lastBody + 1)..<content.count
        for k in tail where verdicts[k] == nil && content[k].words <= 8 && !content[k].endsSentence && hasDomainName(content[k]) {
            verdicts[k] = Verdict(range: content[k].range, evidence: .structure(.footer), severity: .warning, isWholeLine: true)
        }
        func isShortLine(_ line: Line) -> Bool {
            line.words >= 1 && line.words <= 5 && !line.endsSentence && !line.isListItem && !line.isHeading && !isByline(line)
        }
        func isSeed(_ k: Int) -> Bool {
            guard content.indices.contains(k), let verdict = verdicts[k], verdict.isFirmChrome else { return false }
            switch verdict.evidence {
            case .phrase, .structure(.share), .structure(.counter), .structure(.footer), .structure(.code), .structure(.tags),
                 .structure(.navigation), .structure(.widget):
                return true
            default:
                return false
            }
        }
        // One step from chrome that carries its own evidence, not a chain of short lines.
        let seeds = Set(tail.filter { isSeed($0) })
        for k in tail where verdicts[k] == nil && isShortLine(content[k]) && (seeds.contains(k - 1) || seeds.contains(k + 1)) {
            verdicts[k] = Verdict(range: content[k].range, evidence: .structure(.widget), severity: .warning, isWholeLine: true)
        }
    }

    /// A headline-like last line right after the body: six to sixteen words, capitalized, no full
    /// stop, ending on a whole word that is no function word. A capture cut mid-sentence can look
    /// the same, so it is reported as info.
    func isTrailingHeadline(_ line: Line) -> Bool {
        guard line.words >= 6, line.words <= 16, !line.endsSentence, !line.isListItem else { return false }
        let words = line.significant.filter { tokens[$0].kind == .word }
        // Not a credit line ("Reporting by …; editing by …").
        guard words.count > 1, !isWord(tokens[words[1]], Word.by), !line.significant.contains(where: { isByte(tokens[$0], 0x3B) }) else { return false }
        guard let first = words.first, let last = words.last, tokens[first].shape == .title || tokens[first].shape == .upper else { return false }
        // A whole last word: an English word, or a name long enough not to be cut short.
        let end = tokens[last]
        let whole = reader.isEnglishWord(end) ? end.length >= 3 : end.shape == .title && end.length >= 4
        return whole && !reader.isFunctionWord(end) && line.significant.last == last
    }

    // MARK: Repetition

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
        var firstByKey: [UInt64: Int] = [:]
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
            && analysis.paragraphs[content[k].paragraph].sentences.count == 1 {
            let line = content[k]
            var found: Int? = nil
            var words: [UInt64]? = nil
            for j in stride(from: k - 1, through: max(0, k - 2), by: -1) where found == nil && content[j].key != line.key {
                for sentence in analysis.paragraphs[content[j].paragraph].sentences {
                    // Four fifths in common needs lengths within a fifth, and (cheap to test
                    // before the quadratic count) the same first or last word.
                    let (count, first, last) = sentenceShape(analysis.sentences[sentence])
                    guard count >= Limits.nearCopyWords, count <= Limits.nearCopyMaxWords, line.wordCount <= Limits.nearCopyMaxWords,
                          min(count, line.wordCount) * 5 >= max(count, line.wordCount) * 4,
                          first == line.firstWord || last == line.lastWord else { continue }
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
        for (a, b) in zip(earlier, sentences) where RepeatedSentenceRule.reports(a, again: b, in: analysis) { return true }
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

    /// A sentence's count of words and numbers and the hashes of the first and last, without
    /// building its word list.
    func sentenceShape(_ sentence: SentenceSpan) -> (Int, UInt64, UInt64) {
        var count = 0
        var first: UInt64 = 0, last: UInt64 = 0
        for index in sentence.tokens where tokens[index].kind == .word || tokens[index].kind == .number {
            if count == 0 { first = tokens[index].foldedHash }
            last = tokens[index].foldedHash
            count += 1
        }
        return (count, first, last)
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

    // MARK: Tokens

    func isByte(_ token: Token, _ byte: UInt8) -> Bool {
        token.length == 1 && prose[Int(token.start)] == byte
    }

    func isWord(_ token: Token, _ hash: UInt64) -> Bool {
        token.kind == .word && token.foldedHash == hash
    }

    func isEllipsis(_ token: Token) -> Bool {
        token.length == 3 && prose[Int(token.start)] == 0xE2 && prose[Int(token.start) + 1] == 0x80 && prose[Int(token.start) + 2] == 0xA6
    }

    func isApostrophe(_ token: Token) -> Bool {
        isByte(token, 0x27) || (token.length == 3 && prose[Int(token.start)] == 0xE2 && prose[Int(token.start) + 1] == 0x80 && prose[Int(token.start) + 2] == 0x99)
    }

    func isCopyright(_ token: Token) -> Bool {
        token.length == 2 && prose[Int(token.start)] == 0xC2 && prose[Int(token.start) + 1] == 0xA9
    }

    func isLeftGuillemet(_ token: Token) -> Bool {
        (token.length == 2 && prose[Int(token.start)] == 0xC2 && prose[Int(token.start) + 1] == 0xAB)
            || (token.length == 3 && prose[Int(token.start)] == 0xE2 && prose[Int(token.start) + 1] == 0x80 && prose[Int(token.start) + 2] == 0xB9)
    }

    func isRightGuillemet(_ token: Token) -> Bool {
        (token.length == 2 && prose[Int(token.start)] == 0xC2 && prose[Int(token.start) + 1] == 0xBB)
            || (token.length == 3 && prose[Int(token.start)] == 0xE2 && prose[Int(token.start) + 1] == 0x80 && prose[Int(token.start) + 2] == 0xBA)
    }

    /// "•", "·", "▪", "●": bullets.
    func isBullet(_ token: Token) -> Bool {
        let start = Int(token.start)
        if token.length == 2 { return prose[start] == 0xC2 && prose[start + 1] == 0xB7 }
        guard token.length == 3 else { return false }
        let bytes = (prose[start], prose[start + 1], prose[start + 2])
        return bytes == (0xE2, 0x80, 0xA2) || bytes == (0xE2, 0x96, 0xAA) || bytes == (0xE2, 0x97, 0x8F)
    }

    func isDash(_ token: Token) -> Bool {
        isByte(token, 0x2D) || (token.length == 3 && prose[Int(token.start)] == 0xE2 && prose[Int(token.start) + 1] == 0x80
            && (prose[Int(token.start) + 2] == 0x93 || prose[Int(token.start) + 2] == 0x94))
    }

    /// A list mark opening a line: a bullet, "-", "*", "–", "—".
    func isListMark(_ token: Token) -> Bool {
        isBullet(token) || isDash(token) || isByte(token, 0x2A)
    }


    /// "03.02.2021", "3.2.2021": a number token holding two full stops.
    func isDottedDate(_ token: Token) -> Bool {
        guard token.length >= 6 && token.length <= 10 else { return false }
        var stops = 0
        for offset in token.range {
            let byte = prose[offset]
            if byte == 0x2E { stops += 1 } else if byte < 0x30 || byte > 0x39 { return false }
        }
        return stops == 2
    }

    /// A word shaped like a site name ("example.com", "Site.info"), not in an e-mail address.
    func hasDomainName(_ line: Line) -> Bool {
        for (position, index) in line.significant.enumerated() where tokens[index].kind == .word {
            let token = tokens[index]
            if prose[token.range].contains(0x40) { continue }
            if position > 0, isByte(tokens[line.significant[position - 1]], 0x40) { continue }
            var dot = Int(token.end) - 1
            while dot > Int(token.start), prose[dot] != 0x2E { dot -= 1 }
            guard dot > Int(token.start) + 1, dot < Int(token.end) - 1 else { continue }
            let suffix = prose[(dot + 1)..<Int(token.end)]
            if let hash = suffix.withContiguousStorageIfAvailable({ FoldedHash.of(utf8: UnsafeBufferPointer(rebasing: $0[...])) }),
               reader.vocabularyClass(hash) == .tld { return true }
        }
        return false
    }

    /// "By Jane Doe", "Source: Reuters", "Via AP": a byline or credit line, which English copy
    /// prints as a normal credit.
    func isByline(_ line: Line) -> Bool {
        guard let first = line.significant.first else { return false }
        return isWord(tokens[first], Word.by) || isWord(tokens[first], Word.source) || isWord(tokens[first], Word.via)
    }
}

extension PageLayoutReader {
    func vocabularyClass(_ hash: UInt64) -> WordClass? { vocabulary.lookup(hash) }
}

/// Word hash to word class, open addressing (a `Dictionary` would hash every lookup again).
private struct WordClassMap: Sendable {
    private let keys: [UInt64]
    private let values: [UInt8]
    private let mask: Int

    init(_ entries: [(UInt64, PageLayoutReader.WordClass)]) {
        var capacity = 8
        while capacity < entries.count * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var values = [UInt8](repeating: 0, count: capacity)
        let classes = PageLayoutReader.WordClass.allCases
        for (key, wordClass) in entries where key != 0 {
            var index = Int(truncatingIfNeeded: key ^ (key >> 29)) & (capacity - 1)
            while keys[index] != 0 && keys[index] != key { index = (index + 1) & (capacity - 1) }
            keys[index] = key
            values[index] = UInt8(classes.firstIndex(of: wordClass)!)
        }
        self.keys = keys
        self.values = values
        mask = capacity - 1
    }

    @inline(__always)
    func lookup(_ key: UInt64) -> PageLayoutReader.WordClass? {
        var index = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while true {
            let slot = keys[index]
            if slot == key { return PageLayoutReader.WordClass.allCases[Int(values[index])] }
            if slot == 0 { return nil }
            index = (index + 1) & mask
        }
    }
}

/// A line's tokens other than spaces: a window on one array shared by all lines of a document,
/// indexed from zero.
struct TokenRun: RandomAccessCollection, Sendable {
    let storage: [Int32]
    let bounds: Range<Int>
    var startIndex: Int { 0 }
    var endIndex: Int { bounds.count }
    subscript(position: Int) -> Int { Int(storage[bounds.lowerBound + position]) }
    /// The run without its first `count` tokens.
    func dropping(_ count: Int) -> TokenRun { TokenRun(storage: storage, bounds: (bounds.lowerBound + Swift.min(count, bounds.count))..<bounds.upperBound) }
}

/// The folded hashes of the few words the layout tests by name, computed once.
private enum Word {
    static let file = FoldedHash.of("file")
    static let reuters = FoldedHash.of("reuters")
    static let total = FoldedHash.of("total")
    static let read = FoldedHash.of("read")
    static let reading = FoldedHash.of("reading")
    static let minutes: Set<UInt64> = Set(["min", "mins", "minute", "minutes"].map { FoldedHash.of($0) })
    static let more = FoldedHash.of("more")
    static let news = FoldedHash.of("news")
    static let am = FoldedHash.of("am")
    static let pm = FoldedHash.of("pm")
    static let i = FoldedHash.of("i")
    static let `is` = FoldedHash.of("is")
    static let `for` = FoldedHash.of("for")
    static let at = FoldedHash.of("at")
    static let the = FoldedHash.of("the")
    static let ago = FoldedHash.of("ago")
    static let today = FoldedHash.of("today")
    static let yesterday = FoldedHash.of("yesterday")
    static let m = FoldedHash.of("m")
    static let iAmStraight = FoldedHash.of("i'm")
    static let iAmCurly = FoldedHash.of("i’m")
    static let by = FoldedHash.of("by")
    static let source = FoldedHash.of("source")
    static let via = FoldedHash.of("via")
    static let imageExtensions: Set<UInt64> = Set(["jpg", "jpeg", "png", "gif", "webp"].map { FoldedHash.of($0) })
}
