/// A document read as the web page it was copied from: which lines are the headline, which are the
/// article's body, and which are the page's chrome (menus, timestamps, captions, share bars,
/// widgets, footers, a headline printed twice). Judged once per document and shared by the rules
/// that report chrome (BOI001 by phrase, BOI002 by structure, BOI003 by repetition) and by GAR004,
/// so that each line gets one verdict and is reported once, by the rule whose evidence it is.
///
/// A *line* is a paragraph of the analysis: in plain text each source line that is not hard-wrapped
/// (see `LineBreaks`), in Markdown and HTML each block. Lines mostly in Cyrillic are left to the
/// script rules and ignored here; a capture marker (" date 2024-05-01 ") opening the text is never
/// part of a line.
///
/// The judgement follows the structure of a news page: chrome, the headline, maybe a caption or a
/// timestamp, the body (lines that read as prose), then trailing chrome. Evidence that a line of
/// news copy could also show (a date, a short line, a number) counts only before the body or after
/// it; evidence no article line shows (a share bar, a photo credit, leftover HTML) counts anywhere.
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
            case .name: "a person's name alone on a line before the article: a photo caption or a byline widget"
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

    /// The edit that deletes a piece of chrome: the whole line with its single line break, or the
    /// chrome inside a line with the spaces before it (or, at the start of a line, after it). The
    /// last line takes the line break before it, unless the line before is chrome too (its own
    /// deletion takes that line break).
    public func deletion(of item: Chrome, in analysis: Analysis) -> ProseEdit {
        let paragraph = analysis.paragraphs[item.paragraph].range
        if item.isWholeLine && item.range == paragraph {
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
}

/// Reads page layouts: built once per dictionary store (`shared`), shared by the rules.
public struct PageLayoutReader: Sendable {
    enum WordClass: String, CaseIterable { case month, weekday, clock, zone, dateword, relative, share, counter, caption, profession, tld }

    /// Dictionaries/phrases/boilerplate.tsv then Dictionaries/phrases/chrome-labels.tsv, in one
    /// matcher: a row below `labelStart` is a phrase, from there on a whole-line label.
    let matcher: PhraseMatcher
    let phrases: [String]
    let kinds: [String]
    let labelStart: Int
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
    }

    struct Verdict {
        var range: Range<Int>
        var evidence: PageLayout.Evidence
        var severity: Severity
        var isWholeLine: Bool
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
        /// A call to subscribe flags a line this short from the second sentence on.
        static let promoLineWords = 30
        /// … and anywhere in a line this short after the article's last paragraph.
        static let tailPromoWords = 40
        /// Lines shorter than this are compared only whole, longer ones also as near copies.
        static let nearCopyWords = 10
        static let repeatWords = 4
        /// A page prints a line's copy within this many lines of the first.
        static let repeatDistance = 10
        /// A teaser stands at most this many lines above the paragraph it begins.
        static let teaserDistance = 5
    }

    func build() -> PageLayout {
        var storage: [Int32] = []
        storage.reserveCapacity(tokens.count / 2 + 16)
        var bounds: [Range<Int>] = []
        bounds.reserveCapacity(analysis.paragraphs.count)
        for paragraph in analysis.paragraphs.indices {
            let start = storage.count
            for index in analysis.tokenRange(ofParagraph: paragraph) where tokens[index].kind != .space { storage.append(Int32(index)) }
            bounds.append(start..<storage.count)
        }
        var lines = analysis.paragraphs.indices.map { makeLine($0, TokenRun(storage: storage, bounds: bounds[$0])) }
        if let first = lines.first, first.significant.isEmpty { lines[0].range = lines[0].range.upperBound..<lines[0].range.upperBound }
        let foreign = Set(lines.filter(\.isForeign).map(\.paragraph))
        // The lines the page judgement reads: not foreign, not a bare capture marker.
        let content = lines.filter { !$0.isForeign && !$0.significant.isEmpty }
        var verdicts: [Verdict?] = Array(repeating: nil, count: content.count)
        var needsEdge = Array(repeating: false, count: content.count)
        var tailPromo = Array(repeating: false, count: content.count)
        let matches = phraseMatches(content)

        // 1. What a line shows on its own: a phrase, or a structure no article line has.
        for (k, line) in content.enumerated() {
            if let (row, onlyInTail) = phraseVerdict(line, matches[k]) {
                verdicts[k] = Verdict(range: line.range, evidence: .phrase(row), severity: .warning, isWholeLine: true)
                tailPromo[k] = onlyInTail
            } else if let (kind, range, edgeOnly, severity) = intrinsic(line) {
                verdicts[k] = Verdict(range: range, evidence: .structure(kind), severity: severity, isWholeLine: range == line.range)
                needsEdge[k] = edgeOnly
            }
        }

        markAuthorBio(content, &verdicts)

        // 2. The body: lines that read as prose and are not chrome on their own.
        func isBody(_ k: Int) -> Bool {
            let line = content[k]
            if let verdict = verdicts[k], verdict.isWholeLine { return false }
            if line.endsSentence && !line.endsWithEllipsis && line.words >= Limits.sentenceWords {
                // The first line is the headline unless it holds more than one sentence or runs long.
                if k == 0 && line.words < Limits.headlineWords && analysis.paragraphs[line.paragraph].sentences.count == 1 { return false }
                return true
            }
            return line.words >= Limits.longLineWords
        }
        let isBodyLine = content.indices.map(isBody)
        let body = content.indices.filter { isBodyLine[$0] }
        let firstBody = body.first ?? content.count
        let lastBody = body.last ?? -1
        func isEdge(_ k: Int) -> Bool { k < firstBody || k > lastBody }
        for k in content.indices where verdicts[k] != nil {
            if needsEdge[k] && !isEdge(k) { verdicts[k] = nil }
            if tailPromo[k] && k <= lastBody { verdicts[k] = nil }
        }

        // 3. Lines judged by their place on the page.
        if let label = topLabel(content, verdicts, isBody: isBodyLine) { verdicts[0] = label }
        markNavigationLists(content, &verdicts, before: firstBody)
        for k in 0..<firstBody where verdicts[k] == nil {
            // A name heading the page, right above the body, is the title of a biography.
            if k == 0 && k + 1 < content.count && isBodyLine[k + 1] { continue }
            let previous = k > 0 ? content[k - 1] : nil
            if isNameCaption(content[k], after: previous) {
                verdicts[k] = Verdict(range: content[k].range, evidence: .structure(.name), severity: .warning, isWholeLine: true)
            }
        }
        let headline = content.indices.first { verdicts[$0] == nil && $0 <= firstBody && !(body.first == $0 && $0 != 0) }
        for k in content.indices where verdicts[k] == nil && isEdge(k) && k != headline && isMenuRow(content[k]) {
            verdicts[k] = Verdict(range: content[k].range, evidence: .structure(.navigation), severity: .warning, isWholeLine: true)
        }
        markRelatedBlocks(content, &verdicts, from: firstBody, isBody: isBodyLine)
        markTailWidgets(content, &verdicts, after: lastBody)

        // 4. Repetition: a headline, lead or caption the page printed twice.
        let repeated = markRepeats(content, &verdicts, headline: headline)

        if lastBody >= 0, let last = content.indices.last, last > lastBody, verdicts[last] == nil, last - 1 == lastBody,
           isTrailingHeadline(content[last]) {
            verdicts[last] = Verdict(range: content[last].range, evidence: .structure(.trailingHeadline), severity: .info, isWholeLine: true)
        }

        var chrome: [PageLayout.Chrome] = []
        for (k, verdict) in verdicts.enumerated() {
            guard let verdict else { continue }
            chrome.append(PageLayout.Chrome(paragraph: content[k].paragraph, range: verdict.range, evidence: verdict.evidence,
                                            severity: verdict.severity, isWholeLine: verdict.isWholeLine))
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
        while end >= 0, isClosingMark(tokens[significant[end]]) { end -= 1 }
        if end >= 0 {
            let last = tokens[significant[end]]
            if isEllipsis(last) || (isByte(last, 0x2E) && end > 0 && isByte(tokens[significant[end - 1]], 0x2E)) {
                line.endsSentence = true
                line.endsWithEllipsis = true
            } else if isByte(last, 0x2E) || isByte(last, 0x21) || isByte(last, 0x3F) {
                line.endsSentence = true
            }
        }
        if significant.count > 1 {
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

    /// The row of the phrase that makes `line` chrome, and whether that holds only after the
    /// article's last paragraph.
    func phraseVerdict(_ line: Line, _ matches: [PhraseMatcher.Match]) -> (Int, Bool)? {
        var tailOnly: Int? = nil
        for match in matches {
            if match.phrase >= reader.labelStart {
                if coversLine(match, line) { return (match.phrase, false) }
            } else {
                let opens = line.contentStart < line.significant.count && match.tokens.lowerBound == line.significant[line.contentStart]
                if opens || line.words <= Limits.shortLineWords { return (match.phrase, false) }
                guard reader.kinds[match.phrase] == "subscribe" else { continue }
                let opensSentence = analysis.sentences[analysis.paragraphs[line.paragraph].sentences].contains { $0.tokens.lowerBound == match.tokens.lowerBound }
                if opensSentence && line.words <= Limits.promoLineWords { return (match.phrase, false) }
                if line.words <= Limits.tailPromoWords && tailOnly == nil { tailOnly = match.phrase }
            }
        }
        return tailOnly.map { ($0, true) }
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

    /// Chrome a line shows by itself: its kind, the range to report, whether it counts only before
    /// or after the body, and the severity.
    func intrinsic(_ line: Line) -> (PageLayout.ChromeKind, Range<Int>, Bool, Severity)? {
        if let range = codeResidue(line) { return (.code, range, false, .warning) }
        if let range = caption(line) { return (.caption, range, false, .warning) }
        if isShareBar(line) { return (.share, line.range, false, .warning) }
        if let counter = counter(line) { return (.counter, line.range, counter, .warning) }
        if let severity = timestamp(line) { return (.timestamp, line.range, true, severity) }
        if isMenu(line) { return (.navigation, line.range, false, .warning) }
        if hasHashtag(line) && line.words <= Limits.shortLineWords && !line.endsSentence { return (.tags, line.range, true, .warning) }
        if let range = fusedCounter(line) { return (.counter, range, false, .warning) }
        if let range = readMoreLink(line) { return (.teaser, range, false, .warning) }
        return nil
    }

    /// Leftover markup: a tag ("</p>", "< /p>", "<a href=…>"), a shortcode ("[related_posts ids=…"),
    /// a JSON escape of markup ("\u003d"). The range is the whole line when little else is left.
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
            if byte == 0x5C, offset + 6 <= end, prose[offset + 1] == 0x75, prose[offset + 2] == 0x30, prose[offset + 3] == 0x30,
               prose[offset + 4] == 0x33, [0x63, 0x64, 0x65, 0x43, 0x44, 0x45].contains(prose[offset + 5]) {
                residueEnd = offset + 6
            }
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

    /// "[shortcode ids=…]": a bracket, a lowercase name with "_" or "-", a space, a word and "="
    /// (or its escape "\u003d"): the residue runs to the closing bracket or the end of the line.
    func shortcodeEnd(at offset: Int, limit: Int) -> Int? {
        var index = offset + 1
        let nameStart = index
        var joined = false
        while index < limit, prose[index].isASCIILetter && prose[index] >= 0x61 || prose[index] == 0x5F || prose[index] == 0x2D {
            if prose[index] == 0x5F || prose[index] == 0x2D { joined = true }
            index += 1
        }
        guard index - nameStart >= 3, index < limit, prose[index] == 0x20 else { return nil }
        index += 1
        while index < limit, prose[index].isASCIILetter { index += 1 }
        guard index < limit else { return nil }
        let equals = prose[index] == 0x3D || (index + 6 <= limit && prose[index] == 0x5C && prose[index + 1] == 0x75)
        guard equals, joined || prose[index] == 0x3D else { return nil }
        while index < limit, prose[index] != 0x5D { index += 1 }
        return index < limit ? index + 1 : limit
    }

    /// A photo caption or credit: "Photo: …" at the start, "… Photo: Reuters" or "… Archive
    /// photo" at the end, "FILE - …", "©", "REUTERS/Name", an image file name, an image's alt text
    /// ending in "thumbnail". The range is the whole line, or only the credit when it closes a
    /// line of two sentences or more (an article paragraph with a credit appended).
    func caption(_ line: Line) -> Range<Int>? {
        isCaption(line) ?? nil
    }

    func isCaption(_ line: Line) -> Range<Int>?? {
        let whole: Range<Int>?? = .some(line.range)
        let significant = line.significant.dropping(line.contentStart)
        guard !significant.isEmpty, line.words <= 60 else { return nil }
        let first = tokens[significant[0]]
        // "FILE - …" (wire-photo captions).
        if significant.count > 2, first.shape == .upper, isWord(first, Word.file), isDash(tokens[significant[1]]) { return whole }
        for (position, index) in significant.enumerated() {
            let token = tokens[index]
            if isCopyright(token) { return whole }
            // An image file name: "12345.jpeg".
            if token.kind == .word, position > 0, isByte(tokens[significant[position - 1]], 0x2E),
               tokens[significant[position - 1]].start == tokens[significant[position - 1]].end - 1,
               Int(tokens[significant[position - 1]].start) == Int(tokens[significant[max(0, position - 2)]].end),
               Word.imageExtensions.contains(token.foldedHash) { return whole }
            // "REUTERS/Name".
            if isWord(token, Word.reuters), token.shape == .upper, position + 2 < significant.count, isByte(tokens[significant[position + 1]], 0x2F),
               tokens[significant[position + 1]].start == token.end { return whole }
        }
        // A caption word with a colon: at the start, or near the end with a short credit after it.
        for (position, index) in significant.enumerated() where position + 1 < significant.count && isByte(tokens[significant[position + 1]], 0x3A) {
            guard reader.wordClass(tokens[index]) == .caption else { continue }
            if position == 0 { return whole }
            let after = significant[(position + 2)...]
            let creditWords = after.filter { tokens[$0].kind == .word }.count
            let creditHasStop = after.contains { isByte(tokens[$0], 0x21) || isByte(tokens[$0], 0x3F) || (isByte(tokens[$0], 0x2E) && Int(tokens[$0].end) == line.range.upperBound) }
            if creditWords <= 5 && !creditHasStop {
                let start = Int(tokens[index].start)
                let before = analysis.sentences[analysis.paragraphs[line.paragraph].sentences].filter { $0.range.upperBound <= start }.count
                return before >= 2 ? .some(start..<line.range.upperBound) : whole
            }
        }
        // "… Archive photo", "… / photo", "… thumbnail" closing the line.
        var end = significant.count - 1
        while end > 0, tokens[significant[end]].kind == .punctuation { end -= 1 }
        let last = tokens[significant[end]]
        if isWord(last, Word.thumbnail) { return whole }
        if reader.wordClass(last) == .caption, end > 0 {
            let before = tokens[significant[end - 1]]
            if isByte(before, 0x2F) || isWord(before, Word.archive) || isWord(before, Word.archival) || isWord(before, Word.file)
                || (before.shape == .upper && before.length <= 4 && end == significant.count - 1 && line.words <= 40) { return whole }
        }
        return nil
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

    /// A counter ("120 visitors online", "1 min read", "Views: 120") or a bare number. Returns
    /// whether it counts only before or after the body (a bare number does).
    func counter(_ line: Line) -> Bool? {
        if line.words == 0 {
            let onlyNumbers = line.numbers == 1 && line.significant.allSatisfy { tokens[$0].kind == .number || tokens[$0].kind == .punctuation }
            let isDate = line.significant.contains { isDottedDate(tokens[$0]) }
            return onlyNumbers && !isDate ? true : nil
        }
        guard line.numbers >= 1, line.words <= 6 else { return nil }
        var counterWords = 0
        for index in line.significant where tokens[index].kind == .word {
            switch reader.wordClass(tokens[index]) {
            case .counter: counterWords += 1
            case .dateword, .relative: continue
            default: return nil
            }
        }
        return counterWords > 0 ? false : nil
    }

    /// "Total views 512", "Views: 512" inside a longer line (fused to a headline): the counter and
    /// the timestamp before it, to the end of the line.
    func fusedCounter(_ line: Line) -> Range<Int>? {
        let significant = line.significant
        for (position, index) in significant.enumerated() where isWord(tokens[index], Word.views) && position + 1 < significant.count {
            var next = position + 1
            if isByte(tokens[significant[next]], 0x3A) { next += 1 }
            guard next < significant.count, tokens[significant[next]].kind == .number else { continue }
            // Back over "Total" and a timestamp ("03/14/2021 10:15:02.").
            var start = position
            if start > 0, isWord(tokens[significant[start - 1]], Word.total) { start -= 1 }
            while start > 0 {
                let previous = tokens[significant[start - 1]]
                guard previous.kind == .number || isByte(previous, 0x2F) || isByte(previous, 0x3A) || isByte(previous, 0x2E) || isByte(previous, 0x2C) else { break }
                start -= 1
            }
            while start < position, tokens[significant[start]].kind == .punctuation { start += 1 }
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
        let mark = tokens[significant[end - 2]]
        guard isEllipsis(mark) || isByte(mark, 0x2E) else { return nil }
        var start = end - 2
        while start > 0, isByte(tokens[significant[start - 1]], 0x2E), isByte(tokens[significant[start]], 0x2E) { start -= 1 }
        return Int(tokens[significant[start]].start)..<line.range.upperBound
    }

    /// A line that is only a timestamp: a date and a time, or a numeric date with a separator,
    /// or a date with share or counter words; other words (a byline, a place, a section) at most
    /// three. Nil if not; the severity when it is: info for a twelve-hour clock ("5:47 PM"),
    /// which English news pages also print under the headline.
    func timestamp(_ line: Line) -> Severity? {
        guard line.words <= 10, line.numbers >= 1 else { return nil }
        let significant = line.significant
        var clock = false, twelveHour = false, numericDate = false, month = false, bar = false, ago = false
        var chromeWords = 0, otherWords = 0
        var position = 0
        while position < significant.count {
            let token = tokens[significant[position]]
            if token.kind == .number {
                // "09:47", "21:03:58"
                if token.length <= 2, position + 2 < significant.count, isByte(tokens[significant[position + 1]], 0x3A),
                   tokens[significant[position + 2]].kind == .number, tokens[significant[position + 2]].length == 2,
                   tokens[significant[position + 1]].start == token.end {
                    clock = true
                    position += 3
                    while position + 1 < significant.count, isByte(tokens[significant[position]], 0x3A), tokens[significant[position + 1]].kind == .number { position += 2 }
                    continue
                }
                // "23.04.2017", "18/11/2023"
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
                case .zone, .dateword: break
                case .share, .counter: chromeWords += 1
                default:
                    if token.length == 2, isWord(token, Word.pm) || isWord(token, Word.am) { twelveHour = true } else { otherWords += 1 }
                }
            } else if isByte(token, 0x7C) || isBullet(token) {
                bar = true
            }
            position += 1
        }
        guard otherWords <= 3 else { return nil }
        let date = numericDate || month
        if clock && date { return twelveHour ? .info : .warning }
        if numericDate && (bar || (otherWords == 0 && chromeWords == 0 && !month)) { return .warning }
        if date && chromeWords > 0 && otherWords == 0 { return .warning }
        // "2 hours ago", "Yesterday" with nothing else: a relative time.
        if ago && otherWords == 0 && chromeWords == 0 { return .warning }
        return nil
    }

    /// "Home » News » Politics", "News | World | Europe": short items between separators.
    func isMenu(_ line: Line) -> Bool {
        var guillemets = 0, bars = 0, itemWords = 0
        var longestItem = 0
        for index in line.significant {
            let token = tokens[index]
            if isRightGuillemet(token) || isByte(token, 0x7C) {
                if isByte(token, 0x7C) { bars += 1 } else { guillemets += 1 }
                longestItem = max(longestItem, itemWords)
                itemWords = 0
            } else if token.kind == .word || token.kind == .number {
                itemWords += 1
            }
        }
        guard guillemets >= 1 || bars >= 2 else { return false }
        // A breadcrumb's last item may be the headline; the others are short.
        return longestItem <= 4
    }

    func hasHashtag(_ line: Line) -> Bool {
        for (position, index) in line.significant.enumerated() where isByte(tokens[index], 0x23) && position + 1 < line.significant.count {
            let next = tokens[line.significant[position + 1]]
            if next.kind == .word && next.start == tokens[index].end { return true }
        }
        return false
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

    /// The first line as a section or site label: one to three words with a headline after them
    /// rather than the body (a short title, "Introduction" or a person's name, may head an
    /// article or a biography itself); no figures.
    func topLabel(_ content: [Line], _ verdicts: [Verdict?], isBody: [Bool]) -> Verdict? {
        guard content.count > 1, verdicts[0] == nil else { return nil }
        let line = content[0]
        guard line.numbers == 0, !line.endsSentence, !line.isListItem, line.words >= 1 else { return nil }
        guard line.words <= 3 && !isBody[1] else { return nil }
        guard line.significant.allSatisfy({ tokens[$0].kind == .word || isByte(tokens[$0], 0x2E) || isByte(tokens[$0], 0x3A) }) else { return nil }
        let kind: PageLayout.ChromeKind = isNameCaption(line, after: nil) ? .name : .label
        return Verdict(range: line.range, evidence: .structure(kind), severity: .warning, isWholeLine: true)
    }

    /// A person's name alone on a line before the body: the caption of the photo under the
    /// headline ("Olena Petrenko"). Two or three capitalized words, the last one no English word,
    /// no function word; not the end of a line broken mid-phrase.
    func isNameCaption(_ line: Line, after previous: Line?) -> Bool {
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
        if let previous, let end = previous.significant.last, reader.isFunctionWord(tokens[end]) { return false }
        return true
    }

    /// A row of menu items in title case: six words or more, every one capitalized and none a
    /// function word (a headline in title case has "In", "Of", "The").
    func isMenuRow(_ line: Line) -> Bool {
        guard line.words >= 6, !line.endsSentence, line.numbers == 0 else { return false }
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

    /// After a "Read also", "Related news" or "Most popular" line: the headlines that follow it,
    /// up to the next line of prose. Not before the body, where the next headline is the article's.
    func markRelatedBlocks(_ content: [Line], _ verdicts: inout [Verdict?], from firstBody: Int, isBody: [Bool]) {
        var k = firstBody
        while k < content.count {
            defer { k += 1 }
            guard let verdict = verdicts[k], case .phrase(let row) = verdict.evidence, reader.kinds[row] == "related" else { continue }
            var next = k + 1
            while next < content.count {
                let line = content[next]
                if verdicts[next] == nil {
                    guard !isBody[next], !line.endsSentence || line.isListItem, line.words <= 20, line.words >= 1 else { break }
                    verdicts[next] = Verdict(range: line.range, evidence: .structure(.related), severity: .warning, isWholeLine: true)
                }
                next += 1
            }
        }
    }

    /// "I am Jane Doe, a journalist for …" closing the page: the template bio of a site's author.
    func markAuthorBio(_ content: [Line], _ verdicts: inout [Verdict?]) {
        for k in content.indices.suffix(2) where verdicts[k] == nil {
            let line = content[k]
            let significant = line.significant
            guard significant.count > 6 else { continue }
            var position = 0
            let first = tokens[significant[0]]
            if isWord(first, Word.i), isWord(tokens[significant[1]], Word.am) {
                position = 2
            } else if isWord(first, Word.i), isApostrophe(tokens[significant[1]]), isWord(tokens[significant[2]], Word.m) {
                position = 3
            } else if isWord(first, Word.iAmCurly) || isWord(first, Word.iAmStraight) {
                position = 1
            } else {
                continue
            }
            var names = 0
            while position < significant.count, tokens[significant[position]].kind == .word, tokens[significant[position]].shape == .title { names += 1; position += 1 }
            guard names >= 2, names <= 4, position < significant.count, isByte(tokens[significant[position]], 0x2C) else { continue }
            // A profession in the first sentence.
            let sentence = analysis.sentences[analysis.paragraphs[line.paragraph].sentences.lowerBound]
            guard significant[position...].contains(where: { $0 < sentence.tokens.upperBound && reader.wordClass(tokens[$0]) == .profession }) else { continue }
            verdicts[k] = Verdict(range: line.range, evidence: .structure(.bio), severity: .warning, isWholeLine: true)
        }
    }

    /// After the article's last paragraph: a site footer (a site name, a year), short lines
    /// standing among chrome, and a short last line of plain English words ("Editors' picks";
    /// a line cut by the capture ends in a broken word or a function word instead).
    func markTailWidgets(_ content: [Line], _ verdicts: inout [Verdict?], after lastBody: Int) {
        guard lastBody >= 0, lastBody + 1 < content.count else { return }
        let tail = (lastBody + 1)..<content.count
        for k in tail where verdicts[k] == nil && content[k].words <= 8 && !content[k].endsSentence && hasDomainName(content[k]) {
            verdicts[k] = Verdict(range: content[k].range, evidence: .structure(.footer), severity: .warning, isWholeLine: true)
        }
        func isShortLine(_ line: Line) -> Bool {
            line.words >= 1 && line.words <= 5 && !line.endsSentence && !line.isListItem && !isByline(line)
        }
        // Runs of short lines next to chrome: one sweep down, one up.
        for k in tail.dropFirst() where verdicts[k] == nil && verdicts[k - 1] != nil && isShortLine(content[k]) {
            verdicts[k] = Verdict(range: content[k].range, evidence: .structure(.widget), severity: .warning, isWholeLine: true)
        }
        for k in tail.reversed() where k + 1 < content.count && verdicts[k] == nil && verdicts[k + 1] != nil && isShortLine(content[k]) {
            verdicts[k] = Verdict(range: content[k].range, evidence: .structure(.widget), severity: .warning, isWholeLine: true)
        }
        if let last = tail.last, verdicts[last] == nil, isShortLine(content[last]), content[last].words <= 4 {
            // Two content words of four letters or more, all English: a capture cut mid-word
            // ("The gov", "Power was") rarely leaves that, but a cut after a whole word can, so
            // it is reported as info.
            let words = content[last].significant.filter { tokens[$0].kind == .word }
            let allEnglish = words.allSatisfy { reader.isEnglishWord(tokens[$0]) || reader.isFunctionWord(tokens[$0]) }
            let contentWords = words.filter { !reader.isFunctionWord(tokens[$0]) }
            if allEnglish, contentWords.count >= 2, contentWords.allSatisfy({ tokens[$0].length >= 4 }),
               let final = words.last, !reader.isFunctionWord(tokens[final]), !reader.isFunctionWord(tokens[words[0]]), tokens[words[0]].shape != .lower {
                verdicts[last] = Verdict(range: content[last].range, evidence: .structure(.widget), severity: .info, isWholeLine: true)
            }
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
        // A whole last word: an English word, or a name too long to be a stub ("Ukr").
        let end = tokens[last]
        let whole = reader.isEnglishWord(end) ? end.length >= 3 : end.shape == .title && end.length >= 4
        return whole && !reader.isFunctionWord(end) && line.significant.last == last
    }

    // MARK: Repetition

    /// Flags repeated lines and returns the paragraphs that repeat or are repeated whole. Word
    /// lists are built only for the few lines a cheap test (counts, keys, first and last words)
    /// leaves in question.
    func markRepeats(_ content: [Line], _ verdicts: inout [Verdict?], headline: Int?) -> Set<Int> {
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
            let adjacent = (j + 1..<k).allSatisfy { verdicts[$0] != nil }
            let severity: Severity = j == headline || adjacent ? .warning : .info
            verdicts[k] = Verdict(range: content[k].range, evidence: .repetition(.line, of: firstSentence(content[j])), severity: severity, isWholeLine: true)
        }
        // The headline again as the lead's first sentence.
        if let headline, !content[headline].endsSentence, content[headline].wordCount >= Limits.repeatWords {
            let words = lineWords(content[headline])
            for k in (headline + 1)..<min(headline + 4, content.count) where verdicts[k] == nil {
                let paragraph = analysis.paragraphs[content[k].paragraph]
                guard paragraph.sentences.count > 1, content[k].firstWord == content[headline].firstWord else { continue }
                let sentence = analysis.sentences[paragraph.sentences.lowerBound]
                guard sentenceWords(sentence) == words else { continue }
                verdicts[k] = Verdict(range: sentence.range, evidence: .repetition(.headlineAsLead, of: firstSentence(content[headline])),
                                      severity: .warning, isWholeLine: false)
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
                    guard count >= Limits.nearCopyWords, min(count, line.wordCount) * 5 >= max(count, line.wordCount) * 4,
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

    func isClosingMark(_ token: Token) -> Bool {
        let start = Int(token.start)
        switch token.length {
        case 1: return [0x22, 0x27, 0x29, 0x5D].contains(prose[start])
        case 2: return prose[start] == 0xC2 && prose[start + 1] == 0xBB
        case 3: return prose[start] == 0xE2 && prose[start + 1] == 0x80 && [0x9D, 0x99, 0xBA].contains(prose[start + 2])
        default: return false
        }
    }

    /// "23.04.2017", "4.8.2016": a number token holding two full stops.
    func isDottedDate(_ token: Token) -> Bool {
        guard token.length >= 6 && token.length <= 10 else { return false }
        var stops = 0
        for offset in token.range {
            let byte = prose[offset]
            if byte == 0x2E { stops += 1 } else if byte < 0x30 || byte > 0x39 { return false }
        }
        return stops == 2
    }

    /// A word shaped like a site name ("example.com", "Site.info").
    func hasDomainName(_ line: Line) -> Bool {
        for index in line.significant where tokens[index].kind == .word {
            let token = tokens[index]
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
    static let thumbnail = FoldedHash.of("thumbnail")
    static let archive = FoldedHash.of("archive")
    static let archival = FoldedHash.of("archival")
    static let views = FoldedHash.of("views")
    static let total = FoldedHash.of("total")
    static let read = FoldedHash.of("read")
    static let more = FoldedHash.of("more")
    static let am = FoldedHash.of("am")
    static let pm = FoldedHash.of("pm")
    static let i = FoldedHash.of("i")
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
