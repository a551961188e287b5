import KalkaModel

/// Markdown (CommonMark, with GFM tables and strikethrough): only the prose is linted.
///
/// Reading follows CommonMark's own two phases. The block phase walks the lines, tracks the open
/// containers (block quotes, list items) and splits the text into leaf blocks whose prose lines
/// it keeps as source ranges; code, HTML blocks, front matter and link reference definitions are
/// dropped there. The inline phase then reads each leaf, hides markup (emphasis delimiters, link
/// brackets and destinations, code spans, tags, autolinks) and decodes escapes and entities. Every
/// prose byte is copied from, or replaces, a known source range, so findings map back exactly.
public struct MarkdownReader: Reader {
    public init() {}

    public func read(_ text: [UInt8]) -> ProseDocument {
        var blocks = MarkdownBlockParser(text)
        blocks.parse()
        var builder = ProseBuilder(source: text)
        var inline = MarkdownInlineParser(references: blocks.references)
        // Every block ends a paragraph; the break goes in once the next block starts, so the
        // prose neither starts nor ends with one.
        var previousEnd: Int? = nil
        for (index, leaf) in blocks.leaves.enumerated() {
            if let previousEnd { builder.paragraphBreak(at: previousEnd) }
            builder.blockKind = blocks.leafKinds[index]
            builder.blockLines = blocks.sourceLines(ofLeaf: index)
            inline.read(leaf, of: text, into: &builder)
            previousEnd = leaf[leaf.count - 1].upperBound
        }
        let directives = inline.directives + blocks.htmlBlocks.flatMap { Self.directives(inHTMLBlock: $0, of: text) }
        return builder.finish(format: .markdown, directives: directives)
    }

    /// The directives in the comments of an HTML block. Its lines are joined with "\n" (their
    /// container markers left out), as the inline phase joins a paragraph's.
    static func directives(inHTMLBlock lines: [Range<Int>], of text: [UInt8]) -> [SuppressionDirective] {
        var bytes: [UInt8] = [], offsets: [Int] = []
        JoinedLines.join(lines, of: text, into: &bytes, offsets: &offsets)
        var scanner = MarkdownHTMLScanner(bytes, limit: bytes.count)
        var directives: [SuppressionDirective] = []
        var index = 0
        while let start = firstIndex(of: Array("<!--".utf8), in: bytes, index..<bytes.count) {
            guard let end = scanner.rawHTMLEnd(start) else { break }
            if let directive = SuppressionDirective.parseComment(bytes, comment: start..<end, textOffset: { offsets[$0] }) {
                directives.append(directive)
            }
            index = end
        }
        return directives
    }
}

/// A block's lines joined by "\n" into one buffer, with the text offset of every buffer byte; a
/// joining "\n" stands at the end of the line before it.
enum JoinedLines {
    static func join(_ lines: [Range<Int>], of text: [UInt8], into bytes: inout [UInt8], offsets: inout [Int]) {
        bytes.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        for (index, line) in lines.enumerated() {
            if index > 0 {
                bytes.append(ASCII.lf)
                offsets.append(lines[index - 1].upperBound)
            }
            bytes.append(contentsOf: text[line])
            offsets.append(contentsOf: line)
        }
    }
}

// MARK: - Bytes

private enum ASCII {
    static let tab: UInt8 = 0x09, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D, space: UInt8 = 0x20
    static let bang: UInt8 = 0x21, quote: UInt8 = 0x22, hash: UInt8 = 0x23, ampersand: UInt8 = 0x26
    static let apostrophe: UInt8 = 0x27, leftParen: UInt8 = 0x28, rightParen: UInt8 = 0x29
    static let star: UInt8 = 0x2A, plus: UInt8 = 0x2B, minus: UInt8 = 0x2D, dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F, colon: UInt8 = 0x3A, semicolon: UInt8 = 0x3B, lt: UInt8 = 0x3C
    static let equals: UInt8 = 0x3D, gt: UInt8 = 0x3E, question: UInt8 = 0x3F, at: UInt8 = 0x40
    static let leftBracket: UInt8 = 0x5B, backslash: UInt8 = 0x5C, rightBracket: UInt8 = 0x5D
    static let caret: UInt8 = 0x5E, underscore: UInt8 = 0x5F, backtick: UInt8 = 0x60
    static let pipe: UInt8 = 0x7C, tilde: UInt8 = 0x7E
}

extension UInt8 {
    fileprivate var isSpaceOrTab: Bool { self == ASCII.space || self == ASCII.tab }
    fileprivate var isLetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
    fileprivate var isDigit: Bool { (0x30...0x39).contains(self) }
    fileprivate var isAlphanumeric: Bool { isLetter || isDigit }
    fileprivate var isHexDigit: Bool { isDigit || (0x41...0x46).contains(self) || (0x61...0x66).contains(self) }
    fileprivate var lowercased: UInt8 { (0x41...0x5A).contains(self) ? self | 0x20 : self }
    fileprivate var isASCIIPunctuation: Bool {
        (0x21...0x2F).contains(self) || (0x3A...0x40).contains(self)
            || (0x5B...0x60).contains(self) || (0x7B...0x7E).contains(self)
    }
}

/// Unicode whitespace as CommonMark's flanking rules see it (Zs plus tab, LF, FF, CR).
private func isUnicodeWhitespace(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x09, 0x0A, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: true
    default: false
    }
}

/// CommonMark counts Unicode punctuation and symbols (P*, S*) as punctuation; the common blocks
/// are enough for deciding whether `*` or `_` flanks a word.
private func isUnicodePunctuation(_ scalar: UInt32) -> Bool {
    if scalar < 0x80 { return UInt8(scalar).isASCIIPunctuation }
    switch scalar {
    case 0xA1...0xA9, 0xAB, 0xAC, 0xAE...0xB1, 0xB4, 0xB6...0xB8, 0xBB, 0xBF, 0xD7, 0xF7,
         0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20CF, 0x2190...0x2BFF, 0x2E00...0x2E7F,
         0x3001...0x3003, 0x3008...0x3011, 0x3014...0x301F, 0xFE10...0xFE19, 0xFE30...0xFE6F,
         0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65, 0x1F000...0x1FAFF:
        return true
    default:
        return false
    }
}

/// Whether `bytes[range]` holds only spaces and tabs.
private func isBlank(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    var index = range.lowerBound
    while index < range.upperBound {
        if !bytes[index].isSpaceOrTab { return false }
        index += 1
    }
    return true
}

/// `range` without leading and trailing spaces and tabs.
private func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
    var start = range.lowerBound, end = range.upperBound
    while start < end && bytes[start].isSpaceOrTab { start += 1 }
    while end > start && bytes[end - 1].isSpaceOrTab { end -= 1 }
    return start..<end
}

/// Whether `bytes[at...]` starts with the lowercase ASCII `word`, ignoring case.
private func hasPrefixIgnoringCase(_ bytes: [UInt8], at index: Int, limit: Int, _ word: [UInt8]) -> Bool {
    guard index + word.count <= limit else { return false }
    for offset in 0..<word.count where bytes[index + offset].lowercased != word[offset] { return false }
    return true
}

/// The first occurrence of `needle` (lowercase ASCII) in `bytes[range]`, ignoring case.
private func firstIndex(of needle: [UInt8], in bytes: [UInt8], _ range: Range<Int>) -> Int? {
    guard let first = needle.first else { return range.lowerBound }
    var index = range.lowerBound
    while index + needle.count <= range.upperBound {
        if bytes[index].lowercased == first && hasPrefixIgnoringCase(bytes, at: index, limit: range.upperBound, needle) {
            return index
        }
        index += 1
    }
    return nil
}

// MARK: - Syntax shared by the two phases

private enum MarkdownSyntax {
    /// A link destination starting at `index` (`<…>` or a raw run with balanced parentheses);
    /// returns the offset after it. A raw destination must not be empty.
    static func destinationEnd(_ bytes: [UInt8], from index: Int) -> Int? {
        let count = bytes.count
        guard index < count else { return nil }
        if bytes[index] == ASCII.lt {
            var cursor = index + 1
            while cursor < count {
                let byte = bytes[cursor]
                if byte == ASCII.gt { return cursor + 1 }
                if byte == ASCII.lf || byte == ASCII.lt { return nil }
                cursor += byte == ASCII.backslash ? 2 : 1
            }
            return nil
        }
        var cursor = index, depth = 0
        while cursor < count {
            let byte = bytes[cursor]
            if byte == ASCII.backslash, cursor + 1 < count, bytes[cursor + 1].isASCIIPunctuation {
                cursor += 2
                continue
            }
            if byte <= ASCII.space || byte == 0x7F { break }
            if byte == ASCII.leftParen {
                depth += 1
                if depth > 32 { return nil }
            } else if byte == ASCII.rightParen {
                if depth == 0 { break }
                depth -= 1
            }
            cursor += 1
        }
        return cursor > index && depth == 0 ? cursor : nil
    }

    /// A link title (`"…"`, `'…'` or `(…)`) starting at `index`; returns the offset after it.
    static func titleEnd(_ bytes: [UInt8], from index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        let open = bytes[index]
        let close: UInt8
        switch open {
        case ASCII.quote, ASCII.apostrophe: close = open
        case ASCII.leftParen: close = ASCII.rightParen
        default: return nil
        }
        var cursor = index + 1
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == ASCII.backslash { cursor += 2; continue }
            if byte == close { return cursor + 1 }
            if open == ASCII.leftParen && byte == ASCII.leftParen { return nil }
            cursor += 1
        }
        return nil
    }

    /// The offset of the `]` closing a link label whose `[` is at `index`, if the label is valid
    /// (no unescaped brackets, at most 999 characters).
    static func labelClose(_ bytes: [UInt8], from index: Int) -> Int? {
        var cursor = index + 1
        while cursor < bytes.count && cursor - index <= 1000 {
            switch bytes[cursor] {
            case ASCII.rightBracket: return cursor
            case ASCII.leftBracket: return nil
            case ASCII.backslash: cursor += 2
            default: cursor += 1
            }
        }
        return nil
    }

    /// A label as references match it: whitespace runs collapsed, case folded. Nil when blank.
    static func normalizedLabel(_ bytes: [UInt8], _ range: Range<Int>) -> String? {
        var folded: [UInt8] = []
        var pendingSpace = false
        for byte in bytes[range] {
            if byte == ASCII.space || byte == ASCII.tab || byte == ASCII.lf {
                pendingSpace = !folded.isEmpty
            } else {
                if pendingSpace { folded.append(ASCII.space) }
                pendingSpace = false
                folded.append(byte)
            }
        }
        guard !folded.isEmpty else { return nil }
        return String(decoding: folded, as: UTF8.self).lowercased()
    }
}

/// Recognises raw HTML (tags, comments, processing instructions, declarations, CDATA) and
/// autolinks in `bytes[..<limit]`. A failed search for a terminator is remembered, so that many
/// unterminated constructs in one paragraph cost linear time, not quadratic.
private struct MarkdownHTMLScanner {
    let bytes: [UInt8]
    let limit: Int
    private var failedFrom: [Int]

    init(_ bytes: [UInt8], limit: Int) {
        self.bytes = bytes
        self.limit = limit
        failedFrom = Array(repeating: Int.max, count: Terminator.allCases.count)
    }

    enum Terminator: Int, CaseIterable {
        case commentEnd, processingEnd, cdataEnd, gt, quote, apostrophe
        var bytes: [UInt8] {
            switch self {
            case .commentEnd: Array("-->".utf8)
            case .processingEnd: Array("?>".utf8)
            case .cdataEnd: Array("]]>".utf8)
            case .gt: [ASCII.gt]
            case .quote: [ASCII.quote]
            case .apostrophe: [ASCII.apostrophe]
            }
        }
    }

    /// The offset just after the next `terminator` at or after `index`.
    mutating func end(of terminator: Terminator, from index: Int) -> Int? {
        guard index < failedFrom[terminator.rawValue] else { return nil }
        let needle = terminator.bytes
        var cursor = index
        while cursor + needle.count <= limit {
            if bytes[cursor] == needle[0] && hasPrefixIgnoringCase(bytes, at: cursor, limit: limit, needle) {
                return cursor + needle.count
            }
            cursor += 1
        }
        failedFrom[terminator.rawValue] = index
        return nil
    }

    func isWhitespace(_ index: Int) -> Bool {
        index < limit && (bytes[index].isSpaceOrTab || bytes[index] == ASCII.lf)
    }

    func skipWhitespace(_ index: Int) -> Int {
        var cursor = index
        while isWhitespace(cursor) { cursor += 1 }
        return cursor
    }

    /// The end of a tag name (letter, then letters, digits, `-`) starting at `index`.
    func tagNameEnd(_ index: Int) -> Int? {
        guard index < limit, bytes[index].isLetter else { return nil }
        var cursor = index + 1
        while cursor < limit && (bytes[cursor].isAlphanumeric || bytes[cursor] == ASCII.minus) { cursor += 1 }
        return cursor
    }

    /// Any raw HTML construct starting at the `<` at `index`; returns the offset after it.
    mutating func rawHTMLEnd(_ index: Int) -> Int? {
        guard index + 1 < limit else { return nil }
        switch bytes[index + 1] {
        case ASCII.bang:
            if hasPrefixIgnoringCase(bytes, at: index, limit: limit, Array("<!--".utf8)) {
                if index + 4 < limit && bytes[index + 4] == ASCII.gt { return index + 5 }   // <!-->
                if hasPrefixIgnoringCase(bytes, at: index + 4, limit: limit, Array("->".utf8)) { return index + 6 }
                return end(of: .commentEnd, from: index + 4)
            }
            if hasPrefixIgnoringCase(bytes, at: index, limit: limit, Array("<![cdata[".utf8)) {
                return end(of: .cdataEnd, from: index + 9)
            }
            if index + 2 < limit && bytes[index + 2].isLetter { return end(of: .gt, from: index + 2) }
            return nil
        case ASCII.question:
            return end(of: .processingEnd, from: index + 2)
        case ASCII.slash:
            return closingTagEnd(index)
        default:
            return openTagEnd(index)
        }
    }

    /// `</name>` with optional whitespace before `>`.
    func closingTagEnd(_ index: Int) -> Int? {
        guard index + 1 < limit, bytes[index] == ASCII.lt, bytes[index + 1] == ASCII.slash,
              let nameEnd = tagNameEnd(index + 2) else { return nil }
        let cursor = skipWhitespace(nameEnd)
        return cursor < limit && bytes[cursor] == ASCII.gt ? cursor + 1 : nil
    }

    /// `<name attr="value" …>` or `<name … />`.
    mutating func openTagEnd(_ index: Int) -> Int? {
        guard bytes[index] == ASCII.lt, var cursor = tagNameEnd(index + 1) else { return nil }
        while true {
            let afterName = cursor
            cursor = skipWhitespace(cursor)
            guard cursor < limit else { return nil }
            if bytes[cursor] == ASCII.gt { return cursor + 1 }
            if bytes[cursor] == ASCII.slash {
                return cursor + 1 < limit && bytes[cursor + 1] == ASCII.gt ? cursor + 2 : nil
            }
            // Attributes must be separated from what precedes them.
            guard cursor > afterName, let attributeEnd = attributeEnd(cursor) else { return nil }
            cursor = attributeEnd
        }
    }

    /// An attribute name with an optional `= value`.
    private mutating func attributeEnd(_ index: Int) -> Int? {
        let first = bytes[index]
        guard first.isLetter || first == ASCII.underscore || first == ASCII.colon else { return nil }
        var cursor = index + 1
        while cursor < limit {
            let byte = bytes[cursor]
            guard byte.isAlphanumeric || byte == ASCII.underscore || byte == ASCII.dot
                || byte == ASCII.colon || byte == ASCII.minus else { break }
            cursor += 1
        }
        let beforeValue = skipWhitespace(cursor)
        guard beforeValue < limit, bytes[beforeValue] == ASCII.equals else { return cursor }
        let valueStart = skipWhitespace(beforeValue + 1)
        guard valueStart < limit else { return nil }
        switch bytes[valueStart] {
        case ASCII.quote: return end(of: .quote, from: valueStart + 1)
        case ASCII.apostrophe: return end(of: .apostrophe, from: valueStart + 1)
        default:
            var valueEnd = valueStart
            while valueEnd < limit {
                let byte = bytes[valueEnd]
                if byte <= ASCII.space || byte == ASCII.quote || byte == ASCII.apostrophe || byte == ASCII.equals
                    || byte == ASCII.lt || byte == ASCII.gt || byte == ASCII.backtick { break }
                valueEnd += 1
            }
            return valueEnd > valueStart ? valueEnd : nil
        }
    }

    private static let emailLocalPunctuation: Set<UInt8> = Set(".!#$%&'*+/=?^_`{|}~-".utf8)

    /// `<scheme:…>` or `<local@domain>`; returns the offset after the `>`.
    func autolinkEnd(_ index: Int) -> Int? {
        var cursor = index + 1
        // URI autolink: a scheme of 2–32 characters, a colon, then no spaces or angle brackets.
        if cursor < limit && bytes[cursor].isLetter {
            var schemeEnd = cursor + 1
            while schemeEnd < limit && schemeEnd - cursor <= 32
                && (bytes[schemeEnd].isAlphanumeric || bytes[schemeEnd] == ASCII.plus
                    || bytes[schemeEnd] == ASCII.dot || bytes[schemeEnd] == ASCII.minus) { schemeEnd += 1 }
            let schemeLength = schemeEnd - cursor
            if schemeLength >= 2 && schemeLength <= 32 && schemeEnd < limit && bytes[schemeEnd] == ASCII.colon {
                var end = schemeEnd + 1
                while end < limit && bytes[end] > ASCII.space && bytes[end] != ASCII.lt && bytes[end] != ASCII.gt { end += 1 }
                if end < limit && bytes[end] == ASCII.gt { return end + 1 }
            }
        }
        // Email autolink.
        let localStart = cursor
        while cursor < limit, bytes[cursor].isAlphanumeric || Self.emailLocalPunctuation.contains(bytes[cursor]) {
            cursor += 1
        }
        guard cursor > localStart, cursor < limit, bytes[cursor] == ASCII.at else { return nil }
        cursor += 1
        let domainStart = cursor
        while cursor < limit && (bytes[cursor].isAlphanumeric || bytes[cursor] == ASCII.minus || bytes[cursor] == ASCII.dot) {
            cursor += 1
        }
        guard cursor > domainStart, cursor < limit, bytes[cursor] == ASCII.gt else { return nil }
        return cursor + 1
    }
}

// MARK: - Block phase

/// Splits Markdown into leaf blocks holding prose. Each leaf is the list of its lines' source
/// ranges, already stripped of container markers and indentation; what lies between two of them
/// (line ending, `>` markers, indentation) reads as a soft break.
struct MarkdownBlockParser {
    let text: [UInt8]
    private(set) var leaves: [[Range<Int>]] = []
    /// What each leaf is: a heading, a paragraph of a list item, a table cell, a paragraph.
    private(set) var leafKinds: [BlockKind] = []
    /// The leaves that are setext headings (their underline is the line after their text).
    private var setextLeaves: Set<Int> = []
    private var closingSetextHeading = false
    private(set) var references: Set<String> = []
    /// The lines of each HTML block that may hold comments with suppression directives: every
    /// kind but raw text (`<script>`, `<pre>`, `<style>`, `<textarea>`), whose `<!--` is text.
    private(set) var htmlBlocks: [[Range<Int>]] = []
    private var recordingHTMLBlock = false

    private enum Container {
        case quote
        case listItem(contentColumn: Int)
    }

    /// What ends an HTML block: CommonMark's rules 1–5 end at a line containing a marker,
    /// rules 6 and 7 at a blank line.
    private enum HTMLBlockEnd {
        case marker([[UInt8]])
        case blankLine
    }

    /// The open leaf block of the innermost container.
    private enum Tip {
        case none, paragraph, indentedCode, table
        case fencedCode(fence: UInt8, length: Int)
        case html(HTMLBlockEnd)
    }

    private var containers: [Container] = []
    /// Where the block quotes stand in `containers`, and how many list items it holds: what a
    /// blank line or a finished paragraph asks, answered without walking a deep stack.
    private var quoteIndices: [Int] = []
    private var listItemCount = 0
    private var tip: Tip = .none
    private var paragraphLines: [Range<Int>] = []
    /// The end of the current line's content (before its line ending).
    private var lineEnd = 0

    init(_ text: [UInt8]) { self.text = text }

    mutating func parse() {
        var start = frontMatterEnd()
        let count = text.count
        while start < count {
            var end = start
            while end < count && text[end] != ASCII.lf && text[end] != ASCII.cr { end += 1 }
            var next = end
            if next < count {
                next += text[next] == ASCII.cr && next + 1 < count && text[next + 1] == ASCII.lf ? 2 : 1
            }
            lineEnd = end
            processLine(from: start)
            start = next
        }
        closeContainers(downTo: 0)
        closeTip()
    }

    // MARK: Lines

    private mutating func processLine(from lineStart: Int) {
        var pos = lineStart, col = 0
        var matched = 0
        // The run of spaces the last `skipSpaces` crossed: a container that consumes only part
        // of it leaves the rest for the next, whose skip then ends where the last one did.
        // Without this a line nested d deep would be crossed d times.
        var spaces: (from: Int, to: Int, column: Int)? = nil
        let blank = skipSpaces(lineStart, 0)
        if blank.0 == lineEnd {
            // A blank line: list items go on, the first block quote and what it holds do not
            // (what the loop below finds, without walking every container).
            matched = quoteIndices.first ?? containers.count
            if matched > 0 { (pos, col) = blank }
        } else {
            matching: for container in containers {
                WorkCounter.count(1)
                let (p, c): (Int, Int)
                if let spaces, spaces.from <= pos, pos <= spaces.to {
                    (p, c) = (spaces.to, spaces.column)
                } else {
                    (p, c) = skipSpaces(pos, col)
                    spaces = (pos, p, c)
                }
                switch container {
                case .quote:
                    guard c - col <= 3, p < lineEnd, text[p] == ASCII.gt else { break matching }
                    (pos, col) = afterQuoteMarker(p, c)
                case .listItem(let contentColumn):
                    if p == lineEnd {
                        (pos, col) = (p, c)
                    } else if c >= contentColumn {
                        (pos, col) = advance(pos, col, toColumn: contentColumn)
                    } else {
                        break matching
                    }
                }
                matched += 1
            }
        }

        // Fenced code and HTML blocks swallow their lines whole while their containers go on.
        if matched == containers.count {
            switch tip {
            case .fencedCode(let fence, let length):
                if isClosingFence(pos, col, fence: fence, length: length) { tip = .none }
                return
            case .html(let end):
                if recordingHTMLBlock { htmlBlocks[htmlBlocks.count - 1].append(pos..<lineEnd) }
                continueHTMLBlock(end, from: pos)
                return
            default:
                break
            }
        }

        // New containers.
        var opened = false
        while true {
            let (p, c) = skipSpaces(pos, col)
            guard c - col < 4, p < lineEnd else { break }
            if text[p] == ASCII.gt {
                open(.quote, matched: &matched)
                (pos, col) = afterQuoteMarker(p, c)
                opened = true
                continue
            }
            if isParagraphOpen && matched == containers.count && isSetextUnderline(p) { break }
            if isThematicBreak(p) { break }
            // Only a paragraph of this very container can be interrupted; a lazy one cannot.
            let interrupting = isParagraphOpen && matched == containers.count
            if let item = listItemStart(p, c, interruptingParagraph: interrupting) {
                open(.listItem(contentColumn: item.contentColumn), matched: &matched)
                (pos, col) = (item.pos, item.col)
                opened = true
                continue
            }
            break
        }

        let (p, c) = skipSpaces(pos, col)
        if !opened && matched < containers.count && isParagraphOpen && p < lineEnd
            && !interruptsParagraph(p, indent: c - col) {
            // A lazy continuation line: the paragraph goes on although its containers' markers are missing.
            paragraphLines.append(p..<trimmed(text, p..<lineEnd).upperBound)
            return
        }
        closeContainers(downTo: matched)
        processLeafLine(pos, col)
    }

    private mutating func processLeafLine(_ pos: Int, _ col: Int) {
        let (p, c) = skipSpaces(pos, col)
        let indent = c - col
        if p == lineEnd {
            if case .indentedCode = tip { return }
            closeTip()
            return
        }
        switch tip {
        case .indentedCode:
            if indent >= 4 { return }
            tip = .none
        case .table:
            if !startsOtherBlock(p, indent: indent) {
                addCells(of: p..<lineEnd)
                return
            }
            tip = .none
        default:
            break
        }
        if indent >= 4 {
            if isParagraphOpen { appendParagraphLine(p) } else { tip = .indentedCode }
            return
        }
        if let heading = atxHeadingContent(p) {
            closeTip()
            if !heading.isEmpty {
                leaves.append([heading])
                leafKinds.append(.heading)
            }
            return
        }
        if let fence = openingFence(p) {
            closeTip()
            tip = .fencedCode(fence: fence.byte, length: fence.length)
            return
        }
        if let end = htmlBlockStart(p, interruptingParagraph: isParagraphOpen) {
            closeTip()
            tip = .html(end)
            recordingHTMLBlock = !startsRawTextBlock(p)
            if recordingHTMLBlock { htmlBlocks.append([p..<lineEnd]) }
            // Rules 1–5 may end on the line they start.
            if case .marker = end { continueHTMLBlock(end, from: p) }
            return
        }
        if isParagraphOpen && isSetextUnderline(p) {
            closingSetextHeading = true
            closeTip()   // the paragraph is the heading's text; the underline is markup
            closingSetextHeading = false
            return
        }
        if isThematicBreak(p) {
            closeTip()
            return
        }
        if isParagraphOpen, let header = paragraphLines.last, let columns = tableDelimiterColumns(p),
           tableCells(header).count == columns {
            paragraphLines.removeLast()
            closeTip()
            addCells(of: header)
            tip = .table
            return
        }
        appendParagraphLine(p)
    }

    // MARK: Containers and leaves

    private var isParagraphOpen: Bool {
        if case .paragraph = tip { return true }
        return false
    }

    private mutating func open(_ container: Container, matched: inout Int) {
        closeContainers(downTo: matched)
        closeTip()
        if case .quote = container { quoteIndices.append(containers.count) } else { listItemCount += 1 }
        containers.append(container)
        matched = containers.count
    }

    private mutating func closeContainers(downTo count: Int) {
        guard containers.count > count else { return }
        closeTip()
        var removedQuotes = 0
        while let last = quoteIndices.last, last >= count {
            quoteIndices.removeLast()
            removedQuotes += 1
        }
        listItemCount -= containers.count - count - removedQuotes
        containers.removeLast(containers.count - count)
    }

    private mutating func closeTip() {
        if case .paragraph = tip { finishParagraph() }
        tip = .none
    }

    private mutating func appendParagraphLine(_ start: Int) {
        if !isParagraphOpen {
            paragraphLines.removeAll(keepingCapacity: true)
            tip = .paragraph
        }
        paragraphLines.append(start..<trimmed(text, start..<lineEnd).upperBound)
    }

    private mutating func finishParagraph() {
        var first = 0
        if let line = paragraphLines.first, text[line.lowerBound] == ASCII.leftBracket {
            first = consumeReferenceDefinitions()
        }
        if first < paragraphLines.count {
            if closingSetextHeading { setextLeaves.insert(leaves.count) }
            leaves.append(Array(paragraphLines[first...]))
            let inListItem = listItemCount > 0
            leafKinds.append(closingSetextHeading ? .heading : inListItem ? .listItem : .paragraph)
        }
        paragraphLines.removeAll(keepingCapacity: true)
    }

    private mutating func addCells(of line: Range<Int>) {
        for cell in tableCells(trimmed(text, line)) where !cell.isEmpty {
            leaves.append([cell])
            leafKinds.append(.tableCell)
        }
    }

    /// The whole source lines of leaf `index`, from the start of its first line (container markers
    /// and heading marks included) to past the line break of its last (or of a setext heading's
    /// underline); nil for a table cell or when another leaf shares those lines.
    func sourceLines(ofLeaf index: Int) -> Range<Int>? {
        guard leafKinds[index] != .tableCell, let first = leaves[index].first, let last = leaves[index].last else { return nil }
        var start = first.lowerBound
        while start > 0, text[start - 1] != ASCII.lf, text[start - 1] != ASCII.cr { start -= 1 }
        func lineEnd(after offset: Int) -> Int {
            var end = offset
            while end < text.count, text[end] != ASCII.lf, text[end] != ASCII.cr { end += 1 }
            if end < text.count { end += text[end] == ASCII.cr && end + 1 < text.count && text[end + 1] == ASCII.lf ? 2 : 1 }
            return end
        }
        var end = lineEnd(after: last.upperBound)
        if setextLeaves.contains(index) { end = lineEnd(after: end) }
        if index > 0, let previous = leaves[index - 1].last, previous.upperBound > start { return nil }
        if index + 1 < leaves.count, let next = leaves[index + 1].first, next.lowerBound < end { return nil }
        return start..<end
    }

    private mutating func continueHTMLBlock(_ end: HTMLBlockEnd, from pos: Int) {
        switch end {
        case .blankLine:
            if isBlank(text, pos..<lineEnd) { tip = .none }
        case .marker(let markers):
            if markers.contains(where: { firstIndex(of: $0, in: text, pos..<lineEnd) != nil }) { tip = .none }
        }
    }

    // MARK: Reference definitions

    /// Reads `[label]: destination "title"` definitions at the start of the open paragraph,
    /// records their labels and returns how many whole lines they take.
    private mutating func consumeReferenceDefinitions() -> Int {
        // The lines joined by "\n", so that a definition may run over several lines.
        var joined: [UInt8] = []
        var lineStarts: [Int] = []
        for line in paragraphLines {
            if !joined.isEmpty { joined.append(ASCII.lf) }
            lineStarts.append(joined.count)
            joined.append(contentsOf: text[line])
        }
        var cursor = 0
        while cursor < joined.count, let end = referenceDefinitionEnd(joined, from: cursor) {
            cursor = end + 1
        }
        return lineStarts.firstIndex(where: { $0 >= cursor }) ?? paragraphLines.count
    }

    /// The end of the line on which a reference definition at `index` ends (adding its label).
    private mutating func referenceDefinitionEnd(_ bytes: [UInt8], from index: Int) -> Int? {
        guard bytes[index] == ASCII.leftBracket,
              index + 1 < bytes.count, bytes[index + 1] != ASCII.caret,   // `[^1]:` is a footnote: prose
              let close = MarkdownSyntax.labelClose(bytes, from: index),
              let label = MarkdownSyntax.normalizedLabel(bytes, index + 1..<close),
              close + 1 < bytes.count, bytes[close + 1] == ASCII.colon else { return nil }
        let scanner = MarkdownHTMLScanner(bytes, limit: bytes.count)
        guard let destinationEnd = MarkdownSyntax.destinationEnd(bytes, from: scanner.skipWhitespace(close + 2)) else {
            return nil
        }
        func lineEnd(after position: Int) -> Int? {
            var cursor = position
            while cursor < bytes.count && bytes[cursor].isSpaceOrTab { cursor += 1 }
            return cursor == bytes.count || bytes[cursor] == ASCII.lf ? cursor : nil
        }
        let titleStart = scanner.skipWhitespace(destinationEnd)
        if titleStart > destinationEnd, let titleEnd = MarkdownSyntax.titleEnd(bytes, from: titleStart),
           let end = lineEnd(after: titleEnd) {
            references.insert(label)
            return end
        }
        guard let end = lineEnd(after: destinationEnd) else { return nil }
        references.insert(label)
        return end
    }

    // MARK: Columns

    private func skipSpaces(_ pos: Int, _ col: Int) -> (Int, Int) {
        advance(pos, col, toColumn: Int.max)
    }

    /// Consumes spaces and tabs (tab stops every 4 columns) until column `target`.
    private func advance(_ pos: Int, _ col: Int, toColumn target: Int) -> (Int, Int) {
        var p = pos, c = col
        defer { WorkCounter.count(p - pos) }
        while p < lineEnd && c < target {
            if text[p] == ASCII.space { c += 1 } else if text[p] == ASCII.tab { c += 4 - c % 4 } else { break }
            p += 1
        }
        return (p, c)
    }

    /// After a `>` marker and the one optional space following it.
    private func afterQuoteMarker(_ p: Int, _ c: Int) -> (Int, Int) {
        guard p + 1 < lineEnd, text[p + 1].isSpaceOrTab else { return (p + 1, c + 1) }
        return advance(p + 1, c + 1, toColumn: c + 2)
    }

    // MARK: Block starts

    private func listItemStart(_ p: Int, _ c: Int, interruptingParagraph: Bool) -> (pos: Int, col: Int, contentColumn: Int)? {
        var markerEnd = p
        var ordered = false, startsAtOne = false
        switch text[p] {
        case ASCII.minus, ASCII.plus, ASCII.star:
            markerEnd += 1
        default:
            var value = 0
            while markerEnd < lineEnd && text[markerEnd].isDigit && markerEnd - p < 9 {
                value = value * 10 + Int(text[markerEnd] - 0x30)
                markerEnd += 1
            }
            guard markerEnd > p, markerEnd < lineEnd,
                  text[markerEnd] == ASCII.dot || text[markerEnd] == ASCII.rightParen else { return nil }
            markerEnd += 1
            ordered = true
            startsAtOne = value == 1
        }
        guard markerEnd == lineEnd || text[markerEnd].isSpaceOrTab else { return nil }
        let markerColumn = c + (markerEnd - p)
        let (q, qc) = skipSpaces(markerEnd, markerColumn)
        let empty = q == lineEnd
        if interruptingParagraph && (empty || (ordered && !startsAtOne)) { return nil }
        if empty { return (q, qc, markerColumn + 1) }
        if qc - markerColumn >= 5 {
            // The content is indented code: the item's content starts one column after its marker.
            let (r, rc) = advance(markerEnd, markerColumn, toColumn: markerColumn + 1)
            return (r, rc, markerColumn + 1)
        }
        return (q, qc, qc)
    }

    private func isThematicBreak(_ p: Int) -> Bool {
        let marker = text[p]
        guard marker == ASCII.star || marker == ASCII.minus || marker == ASCII.underscore else { return false }
        var count = 0
        for index in p..<lineEnd {
            if text[index] == marker { count += 1 } else if !text[index].isSpaceOrTab { return false }
        }
        return count >= 3
    }

    private func isSetextUnderline(_ p: Int) -> Bool {
        let marker = text[p]
        guard marker == ASCII.equals || marker == ASCII.minus else { return false }
        var index = p
        while index < lineEnd && text[index] == marker { index += 1 }
        return isBlank(text, index..<lineEnd)
    }

    /// The text of an ATX heading (`## Title ##`) starting at `p`, without its markers.
    private func atxHeadingContent(_ p: Int) -> Range<Int>? {
        var index = p
        while index < lineEnd && text[index] == ASCII.hash && index - p < 7 { index += 1 }
        guard (1...6).contains(index - p), index == lineEnd || text[index].isSpaceOrTab else { return nil }
        var content = trimmed(text, index..<lineEnd)
        var closing = content.upperBound
        while closing > content.lowerBound && text[closing - 1] == ASCII.hash { closing -= 1 }
        if closing < content.upperBound && (closing == content.lowerBound || text[closing - 1].isSpaceOrTab) {
            content = trimmed(text, content.lowerBound..<closing)
        }
        return content
    }

    private func openingFence(_ p: Int) -> (byte: UInt8, length: Int)? {
        let fence = text[p]
        guard fence == ASCII.backtick || fence == ASCII.tilde else { return nil }
        var index = p
        while index < lineEnd && text[index] == fence { index += 1 }
        guard index - p >= 3 else { return nil }
        // A backtick fence's info string may not hold backticks (it would be a code span).
        if fence == ASCII.backtick && text[index..<lineEnd].contains(ASCII.backtick) { return nil }
        return (fence, index - p)
    }

    private func isClosingFence(_ pos: Int, _ col: Int, fence: UInt8, length: Int) -> Bool {
        let (p, c) = skipSpaces(pos, col)
        guard c - col < 4 else { return false }
        var index = p
        while index < lineEnd && text[index] == fence { index += 1 }
        return index - p >= length && isBlank(text, index..<lineEnd)
    }

    private static let rawTextTags: [[UInt8]] = ["script", "pre", "style", "textarea"].map { Array($0.utf8) }
    private static let blockTags: Set<[UInt8]> = Set([
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center",
        "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head",
        "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav",
        "noframes", "ol", "optgroup", "option", "p", "param", "search", "section", "summary", "table",
        "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul",
    ].map { Array($0.utf8) })

    /// Whether `<script>`, `<pre>`, `<style>` or `<textarea>` starts at the `<` at `p` (rule 1).
    private func startsRawTextBlock(_ p: Int) -> Bool {
        Self.rawTextTags.contains { tag in
            guard hasPrefixIgnoringCase(text, at: p + 1, limit: lineEnd, tag) else { return false }
            let after = p + 1 + tag.count
            return after == lineEnd || text[after].isSpaceOrTab || text[after] == ASCII.gt
        }
    }

    /// Whether an HTML block (CommonMark rules 1–7) starts at `p`, and what will end it.
    private func htmlBlockStart(_ p: Int, interruptingParagraph: Bool) -> HTMLBlockEnd? {
        guard text[p] == ASCII.lt, p + 1 < lineEnd else { return nil }
        func followsTagName(_ index: Int) -> Bool {
            index == lineEnd || text[index].isSpaceOrTab || text[index] == ASCII.gt
                || (text[index] == ASCII.slash && index + 1 < lineEnd && text[index + 1] == ASCII.gt)
        }
        if startsRawTextBlock(p) { return .marker(Self.rawTextTags.map { Array("</".utf8) + $0 + [ASCII.gt] }) }
        if hasPrefixIgnoringCase(text, at: p, limit: lineEnd, Array("<!--".utf8)) { return .marker([Array("-->".utf8)]) }
        if text[p + 1] == ASCII.question { return .marker([Array("?>".utf8)]) }
        if hasPrefixIgnoringCase(text, at: p, limit: lineEnd, Array("<![cdata[".utf8)) { return .marker([Array("]]>".utf8)]) }
        if text[p + 1] == ASCII.bang && p + 2 < lineEnd && text[p + 2].isLetter { return .marker([[ASCII.gt]]) }

        let scanner = MarkdownHTMLScanner(text, limit: lineEnd)
        let nameStart = text[p + 1] == ASCII.slash ? p + 2 : p + 1
        if let nameEnd = scanner.tagNameEnd(nameStart), followsTagName(nameEnd),
           Self.blockTags.contains(text[nameStart..<nameEnd].map(\.lowercased)) {
            return .blankLine
        }
        // Rule 7: a lone complete tag on its line, which may not interrupt a paragraph.
        guard !interruptingParagraph else { return nil }
        var tagScanner = scanner
        if let end = text[p + 1] == ASCII.slash ? scanner.closingTagEnd(p) : tagScanner.openTagEnd(p),
           isBlank(text, end..<lineEnd) {
            return .blankLine
        }
        return nil
    }

    /// Whether a line (not a container start) would end a paragraph or table: a heading, a fence,
    /// an HTML block or a thematic break.
    private func startsOtherBlock(_ p: Int, indent: Int) -> Bool {
        guard indent < 4 else { return false }
        return atxHeadingContent(p) != nil || openingFence(p) != nil || isThematicBreak(p)
            || htmlBlockStart(p, interruptingParagraph: true) != nil
    }

    private func interruptsParagraph(_ p: Int, indent: Int) -> Bool { startsOtherBlock(p, indent: indent) }

    // MARK: Tables

    /// The cells of a table row, without the pipes and the cells' surrounding spaces.
    private func tableCells(_ row: Range<Int>) -> [Range<Int>] {
        var start = row.lowerBound, end = row.upperBound
        if start < end && text[start] == ASCII.pipe { start += 1 }
        if end > start && text[end - 1] == ASCII.pipe && !(end - 2 >= start && text[end - 2] == ASCII.backslash) { end -= 1 }
        var cells: [Range<Int>] = []
        var cellStart = start, index = start
        while index < end {
            if text[index] == ASCII.backslash { index += 2; continue }
            if text[index] == ASCII.pipe {
                cells.append(trimmed(text, cellStart..<index))
                cellStart = index + 1
            }
            index += 1
        }
        cells.append(trimmed(text, cellStart..<max(cellStart, end)))
        return cells
    }

    /// The number of columns if the line at `p` is a table delimiter row (`| --- | :-: |`).
    private func tableDelimiterColumns(_ p: Int) -> Int? {
        let row = trimmed(text, p..<lineEnd)
        guard text[row].contains(ASCII.pipe) else { return nil }
        let cells = tableCells(row)
        for cell in cells {
            var index = cell.lowerBound, end = cell.upperBound
            if index < end && text[index] == ASCII.colon { index += 1 }
            if end > index && text[end - 1] == ASCII.colon { end -= 1 }
            guard index < end, text[index..<end].allSatisfy({ $0 == ASCII.minus }) else { return nil }
        }
        return cells.count
    }

    // MARK: Front matter

    /// The offset after YAML (`---` … `---`/`...`) or TOML (`+++` … `+++`) front matter, or 0.
    private func frontMatterEnd() -> Int {
        func line(at start: Int) -> (content: Range<Int>, next: Int) {
            var end = start
            while end < text.count && text[end] != ASCII.lf && text[end] != ASCII.cr { end += 1 }
            var next = end
            if next < text.count { next += text[next] == ASCII.cr && next + 1 < text.count && text[next + 1] == ASCII.lf ? 2 : 1 }
            return (trimmed(text, start..<end), next)
        }
        func isLine(_ range: Range<Int>, _ marker: String) -> Bool {
            range.lowerBound == range.upperBound - marker.utf8.count && text[range].elementsEqual(marker.utf8)
        }
        let first = line(at: 0)
        guard first.content.lowerBound == 0 else { return 0 }
        let closers: [String]
        if isLine(first.content, "---") { closers = ["---", "..."] } else if isLine(first.content, "+++") { closers = ["+++"] } else { return 0 }
        var start = first.next
        while start < text.count {
            let current = line(at: start)
            if closers.contains(where: { isLine(current.content, $0) }) { return current.next }
            start = current.next
        }
        return 0   // unclosed: not front matter after all
    }
}

// MARK: - Inline phase

/// Reads the inline content of one leaf block into a `ProseBuilder`.
///
/// The leaf's lines are joined with "\n" into a work buffer (remembering each byte's source
/// offset); a left-to-right scan marks markup as hidden and records replacements (escapes,
/// entities, hard breaks), emphasis is resolved with CommonMark's delimiter algorithm, and the
/// visible bytes are then handed to the builder in source-contiguous runs.
struct MarkdownInlineParser {
    let references: Set<String>

    private var bytes: [UInt8] = []
    /// The source offset of each byte of `bytes`; for a joining "\n", the end of the line before.
    private var sourceOffsets: [Int] = []
    private var hidden: [Bool] = []
    private var replacements: [Replacement] = []
    private var delimiters: [Delimiter] = []
    private var lastDelimiter = -1
    private var brackets: [Bracket] = []
    /// Brackets below this index may not open links (links do not nest).
    private var inactiveBelow = 0
    private var backtickRuns: [Int: [Int]]? = nil
    private var html = MarkdownHTMLScanner([], limit: 0)
    /// Suppression directives in inline comments, over every leaf read so far.
    private(set) var directives: [SuppressionDirective] = []

    /// Bytes standing for the source `start..<end` of the buffer; nil bytes mean a soft break.
    private struct Replacement {
        var start: Int, end: Int
        var bytes: [UInt8]?
    }

    private struct Delimiter {
        let byte: UInt8
        let start: Int
        let originalCount: Int
        var count: Int
        let canOpen: Bool, canClose: Bool
        var previous: Int, next: Int
    }

    private struct Bracket {
        let start: Int, contentStart: Int
        let isImage: Bool
        /// The first delimiter inside the brackets.
        let delimiterBottom: Int
    }

    init(references: Set<String>) { self.references = references }

    mutating func read(_ lines: [Range<Int>], of text: [UInt8], into builder: inout ProseBuilder) {
        load(lines, of: text)
        scan()
        processEmphasis(bottom: 0)
        emit(into: &builder)
    }

    private mutating func load(_ lines: [Range<Int>], of text: [UInt8]) {
        JoinedLines.join(lines, of: text, into: &bytes, offsets: &sourceOffsets)
        hidden = Array(repeating: false, count: bytes.count)
        replacements.removeAll(keepingCapacity: true)
        delimiters.removeAll(keepingCapacity: true)
        lastDelimiter = -1
        brackets.removeAll(keepingCapacity: true)
        inactiveBelow = 0
        backtickRuns = nil
        html = MarkdownHTMLScanner(bytes, limit: bytes.count)
    }

    // MARK: Scanning

    private mutating func scan() {
        var index = 0
        let count = bytes.count
        while index < count {
            switch bytes[index] {
            case ASCII.backslash: index = scanBackslash(index)
            case ASCII.backtick: index = scanCodeSpan(index)
            case ASCII.ampersand: index = scanEntity(index)
            case ASCII.lt: index = scanAngleBracket(index)
            case ASCII.star, ASCII.underscore, ASCII.tilde: index = scanDelimiterRun(index)
            case ASCII.leftBracket:
                pushBracket(at: index, contentStart: index + 1, isImage: false)
                index += 1
            case ASCII.bang where index + 1 < count && bytes[index + 1] == ASCII.leftBracket:
                pushBracket(at: index, contentStart: index + 2, isImage: true)
                index += 2
            case ASCII.rightBracket: index = closeBracket(index)
            default: index += 1
            }
        }
    }

    private mutating func hide(_ range: Range<Int>) {
        for index in range { hidden[index] = true }
    }

    /// `\*` stands for `*`; a backslash ending a line is a hard break, which reads as a space.
    private mutating func scanBackslash(_ index: Int) -> Int {
        guard index + 1 < bytes.count else { return index + 1 }
        let next = bytes[index + 1]
        if next == ASCII.lf {
            replacements.append(Replacement(start: index, end: index + 2, bytes: nil))
            return index + 2
        }
        guard next.isASCIIPunctuation else { return index + 1 }
        replacements.append(Replacement(start: index, end: index + 2, bytes: [next]))
        return index + 2
    }

    /// A code span runs to the next backtick run of the same length; without one the backticks are text.
    private mutating func scanCodeSpan(_ index: Int) -> Int {
        var end = index
        while end < bytes.count && bytes[end] == ASCII.backtick { end += 1 }
        guard let close = nextBacktickRun(ofLength: end - index, from: end) else { return end }
        hide(index..<close + (end - index))
        return close + (end - index)
    }

    /// The start of the first maximal backtick run of exactly `length` at or after `position`.
    /// The runs are indexed once per leaf, so unmatched openers cost no rescans.
    private mutating func nextBacktickRun(ofLength length: Int, from position: Int) -> Int? {
        if backtickRuns == nil {
            var runs: [Int: [Int]] = [:]
            var index = 0
            while index < bytes.count {
                guard bytes[index] == ASCII.backtick else { index += 1; continue }
                let start = index
                while index < bytes.count && bytes[index] == ASCII.backtick { index += 1 }
                runs[index - start, default: []].append(start)
            }
            backtickRuns = runs
        }
        guard let starts = backtickRuns?[length] else { return nil }
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] < position { low = mid + 1 } else { high = mid }
        }
        return low < starts.count ? starts[low] : nil
    }

    private mutating func scanEntity(_ index: Int) -> Int {
        guard let (end, decoded) = CharacterReference.decode(bytes, at: index, entities: .builtIn, strict: true) else { return index + 1 }
        // No line feed may enter the prose: `&#10;` reads as a space.
        let value: [UInt8] = switch decoded {
        case .bytes(let value): value
        case .lineBreak: [ASCII.space]
        }
        replacements.append(Replacement(start: index, end: end, bytes: value))
        return end
    }

    /// Autolinks and raw HTML are markup; a `<br>` still separates the words around it.
    private mutating func scanAngleBracket(_ index: Int) -> Int {
        if let end = html.autolinkEnd(index) ?? html.rawHTMLEnd(index) {
            if let directive = SuppressionDirective.parseComment(bytes, comment: index..<end, textOffset: { sourceOffsets[$0] }) {
                directives.append(directive)
            }
            if let nameEnd = html.tagNameEnd(index + 1), nameEnd - index == 3,
               bytes[index + 1].lowercased == 0x62, bytes[index + 2].lowercased == 0x72 {   // "br"
                replacements.append(Replacement(start: index, end: end, bytes: nil))
            } else {
                hide(index..<end)
            }
            return end
        }
        return index + 1
    }

    private func scalar(endingBefore index: Int) -> UInt32? {
        guard index > 0 else { return nil }
        var start = index - 1
        while start > 0 && index - start < 4 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(at: start)
    }

    private func scalar(at index: Int) -> UInt32? {
        guard index < bytes.count else { return nil }
        let lead = UInt32(bytes[index])
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard length > 1 else { return lead }
        guard index + length <= bytes.count else { return 0xFFFD }
        var value = lead & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return value
    }

    /// A run of `*`, `_` or `~` becomes a delimiter when CommonMark's flanking rules let it open
    /// or close emphasis; `_` inside a word (`snake_case`) never does.
    private mutating func scanDelimiterRun(_ index: Int) -> Int {
        let byte = bytes[index]
        var end = index
        while end < bytes.count && bytes[end] == byte { end += 1 }
        if byte == ASCII.tilde && end - index > 2 { return end }   // GFM strikethrough is ~ or ~~
        let before = scalar(endingBefore: index) ?? 0x20
        let after = scalar(at: end) ?? 0x20
        let beforeIsSpace = isUnicodeWhitespace(before), afterIsSpace = isUnicodeWhitespace(after)
        let beforeIsPunct = isUnicodePunctuation(before), afterIsPunct = isUnicodePunctuation(after)
        let leftFlanking = !afterIsSpace && (!afterIsPunct || beforeIsSpace || beforeIsPunct)
        let rightFlanking = !beforeIsSpace && (!beforeIsPunct || afterIsSpace || afterIsPunct)
        let canOpen: Bool, canClose: Bool
        if byte == ASCII.underscore {
            canOpen = leftFlanking && (!rightFlanking || beforeIsPunct)
            canClose = rightFlanking && (!leftFlanking || afterIsPunct)
        } else {
            canOpen = leftFlanking
            canClose = rightFlanking
        }
        if canOpen || canClose {
            let new = delimiters.count
            delimiters.append(Delimiter(byte: byte, start: index, originalCount: end - index, count: end - index,
                                        canOpen: canOpen, canClose: canClose, previous: lastDelimiter, next: -1))
            if lastDelimiter >= 0 { delimiters[lastDelimiter].next = new }
            lastDelimiter = new
        }
        return end
    }

    // MARK: Links

    private mutating func pushBracket(at index: Int, contentStart: Int, isImage: Bool) {
        inactiveBelow = min(inactiveBelow, brackets.count)
        brackets.append(Bracket(start: index, contentStart: contentStart, isImage: isImage, delimiterBottom: delimiters.count))
    }

    /// At `]`: if the nearest `[` opens a link or image (inline or to a defined reference), the
    /// brackets and what follows the text (destination, title, label) are markup.
    private mutating func closeBracket(_ index: Int) -> Int {
        guard let opener = brackets.last else { return index + 1 }
        brackets.removeLast()
        guard brackets.count >= inactiveBelow else { return index + 1 }
        guard let end = inlineLinkTailEnd(index + 1) ?? referenceTailEnd(index, opener: opener) else { return index + 1 }
        hide(opener.start..<opener.contentStart)
        hide(index..<end)
        processEmphasis(bottom: opener.delimiterBottom)
        if !opener.isImage { inactiveBelow = brackets.count }
        return end
    }

    /// `(destination "title")` at `index`; returns the offset after `)`.
    private func inlineLinkTailEnd(_ index: Int) -> Int? {
        guard index < bytes.count, bytes[index] == ASCII.leftParen else { return nil }
        var cursor = html.skipWhitespace(index + 1)
        guard cursor < bytes.count else { return nil }
        if bytes[cursor] == ASCII.rightParen { return cursor + 1 }
        guard let destinationEnd = MarkdownSyntax.destinationEnd(bytes, from: cursor) else { return nil }
        cursor = html.skipWhitespace(destinationEnd)
        if cursor > destinationEnd, let titleEnd = MarkdownSyntax.titleEnd(bytes, from: cursor) {
            cursor = html.skipWhitespace(titleEnd)
        }
        return cursor < bytes.count && bytes[cursor] == ASCII.rightParen ? cursor + 1 : nil
    }

    /// `[label]`, `[]` or nothing after the `]` at `index`, naming a defined reference.
    private func referenceTailEnd(_ index: Int, opener: Bracket) -> Int? {
        let next = index + 1
        if next < bytes.count, bytes[next] == ASCII.leftBracket, let close = MarkdownSyntax.labelClose(bytes, from: next) {
            if close > next + 1 {
                guard let label = MarkdownSyntax.normalizedLabel(bytes, next + 1..<close),
                      references.contains(label) else { return nil }
                return close + 1
            }
            guard isReference(opener.contentStart..<index) else { return nil }
            return close + 1
        }
        return isReference(opener.contentStart..<index) ? next : nil
    }

    private func isReference(_ range: Range<Int>) -> Bool {
        guard range.count <= 999, let label = MarkdownSyntax.normalizedLabel(bytes, range) else { return false }
        return references.contains(label)
    }

    // MARK: Emphasis

    /// CommonMark's "process emphasis" over the delimiters from index `bottom` on: each closer
    /// is matched with the nearest compatible opener, the matched delimiter characters are
    /// hidden, and the unmatched ones stay as text. Afterwards those delimiters are dropped.
    private mutating func processEmphasis(bottom: Int) {
        var first = lastDelimiter
        guard first >= bottom else { return }
        while delimiters[first].previous >= bottom { first = delimiters[first].previous }
        // Per closer kind, the delimiter below which no opener was found (keeps this linear).
        var openersBottom = Array(repeating: bottom - 1, count: 18)
        var closer = first
        while closer >= 0 {
            let current = delimiters[closer]
            guard current.canClose else { closer = current.next; continue }
            let kind = openersBottomIndex(current)
            var opener = current.previous
            while opener >= bottom && opener > openersBottom[kind] && !canMatch(delimiters[opener], current) {
                opener = delimiters[opener].previous
            }
            guard opener >= bottom && opener > openersBottom[kind] else {
                openersBottom[kind] = current.previous
                let next = current.next
                if !current.canOpen { unlink(closer) }
                closer = next
                continue
            }
            let use = current.byte == ASCII.tilde ? current.count
                : (delimiters[opener].count >= 2 && current.count >= 2 ? 2 : 1)
            let openerEnd = delimiters[opener].start + delimiters[opener].count
            hide(openerEnd - use..<openerEnd)
            let closerStart = current.start + current.originalCount - current.count
            hide(closerStart..<closerStart + use)
            delimiters[opener].count -= use
            delimiters[closer].count -= use
            // Delimiters between the pair can no longer match anything.
            delimiters[opener].next = closer
            delimiters[closer].previous = opener
            if delimiters[opener].count == 0 { unlink(opener) }
            if delimiters[closer].count == 0 {
                let next = delimiters[closer].next
                unlink(closer)
                closer = next
            }
        }
        // Drop the processed delimiters.
        while lastDelimiter >= bottom { lastDelimiter = delimiters[lastDelimiter].previous }
        if lastDelimiter >= 0 { delimiters[lastDelimiter].next = -1 }
    }

    private func openersBottomIndex(_ closer: Delimiter) -> Int {
        let byteIndex = closer.byte == ASCII.star ? 0 : closer.byte == ASCII.underscore ? 1 : 2
        if byteIndex == 2 { return 12 + closer.originalCount % 3 }
        return byteIndex * 6 + (closer.canOpen ? 3 : 0) + closer.originalCount % 3
    }

    private func canMatch(_ opener: Delimiter, _ closer: Delimiter) -> Bool {
        guard opener.byte == closer.byte, opener.canOpen, opener.count > 0 else { return false }
        if closer.byte == ASCII.tilde { return opener.count == closer.count }
        // The "rule of 3": `*foo**bar*` must not pair `*` with `**`.
        if (opener.canClose || closer.canOpen) && (opener.originalCount + closer.originalCount) % 3 == 0
            && !(opener.originalCount % 3 == 0 && closer.originalCount % 3 == 0) { return false }
        return true
    }

    private mutating func unlink(_ index: Int) {
        let previous = delimiters[index].previous, next = delimiters[index].next
        if previous >= 0 { delimiters[previous].next = next }
        if next >= 0 { delimiters[next].previous = previous } else if lastDelimiter == index { lastDelimiter = previous }
    }

    // MARK: Output

    /// The source range buffer range `start..<end` stands for.
    private func sourceRange(_ start: Int, _ end: Int) -> Range<Int> {
        // A joining "\n" stands for everything up to the start of the next line.
        let upper = bytes[end - 1] == ASCII.lf ? sourceOffsets[end] : sourceOffsets[end - 1] + 1
        return sourceOffsets[start]..<upper
    }

    private func isSpaceOrTab(_ index: Int) -> Bool { bytes[index].isSpaceOrTab }

    /// Punctuation that does not follow a space in English: a space before hidden markup is
    /// dropped when one of these comes next (`at <x@y.org>.` reads `at.`, not `at .`).
    private static func isClosingPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case ASCII.dot, 0x2C, ASCII.semicolon, ASCII.colon, ASCII.bang, ASCII.question, ASCII.rightParen,
             ASCII.rightBracket, 0x7D: true
        default: false
        }
    }

    /// Hands the visible bytes to the builder. Spaces that only border hidden markup are dropped
    /// (at the block's edges, the second of two spaces the markup stood between, and one before
    /// closing punctuation), so that skipping code or tags leaves no stray or doubled spaces.
    private func emit(into builder: inout ProseBuilder) {
        var limit = bytes.count
        while limit > 0 && (hidden[limit - 1] || isSpaceOrTab(limit - 1) || bytes[limit - 1] == ASCII.lf) { limit -= 1 }
        var index = 0, next = 0
        var afterSpace = true, afterHidden = true
        // Spaces held back before hidden markup until what follows it is known.
        var heldSpaces: Range<Int>? = nil
        func release(before byte: UInt8?) {
            if let spaces = heldSpaces, let byte, !Self.isClosingPunctuation(byte) { builder.verbatim(spaces) }
            heldSpaces = nil
        }
        while index < limit {
            while next < replacements.count && replacements[next].start < index { next += 1 }
            if next < replacements.count && replacements[next].start == index {
                let replacement = replacements[next]
                next += 1
                if !hidden[index] {
                    let range = sourceRange(replacement.start, replacement.end)
                    release(before: replacement.bytes?.first)
                    if let decoded = replacement.bytes {
                        builder.replace(range, with: decoded)
                        afterSpace = decoded.last == ASCII.space
                    } else {
                        builder.softBreak(range)
                        afterSpace = true
                    }
                    afterHidden = false
                }
                index = replacement.end
                continue
            }
            if bytes[index] == ASCII.lf {
                // Even inside hidden markup (a code span over two lines) a line break separates words.
                release(before: nil)
                builder.softBreak(sourceRange(index, index + 1))
                afterSpace = true
                index += 1
                continue
            }
            if hidden[index] {
                afterHidden = true
                index += 1
                continue
            }
            let stop = min(limit, next < replacements.count ? replacements[next].start : limit)
            var end = index + 1
            while end < stop && !hidden[end] && bytes[end] != ASCII.lf { end += 1 }
            var start = index
            if afterSpace && afterHidden {
                while start < end && isSpaceOrTab(start) { start += 1 }
            }
            guard start < end else { index = end; continue }
            release(before: bytes[start])
            var textEnd = end
            if end < limit && hidden[end] {
                while textEnd > start && isSpaceOrTab(textEnd - 1) { textEnd -= 1 }
                if textEnd < end { heldSpaces = sourceOffsets[textEnd]..<sourceOffsets[end - 1] + 1 }
            }
            if textEnd > start { builder.verbatim(sourceOffsets[start]..<sourceOffsets[textEnd - 1] + 1) }
            afterSpace = isSpaceOrTab(end - 1)
            afterHidden = false
            index = end
        }
    }
}

