/// Reads the inline content of one leaf block into a `ProseBuilder`.
///
/// The leaf's lines are joined with "\n" into a work buffer (remembering each byte's source
/// offset); a left-to-right scan marks markup as hidden and records replacements (escapes,
/// entities, hard breaks), emphasis is resolved with CommonMark's delimiter algorithm, and the
/// visible bytes are then handed to the builder in source-contiguous runs.
struct MarkdownInlineParser {
    let references: Set<String>

    private(set) var bytes: [UInt8] = []
    /// The source offset of each byte of `bytes`; for a joining "\n", the end of the line before.
    private var sourceOffsets: [Int] = []
    private var hidden: [Bool] = []
    private var replacements: [Replacement] = []
    var delimiters: [Delimiter] = []
    /// The last delimiter of the list still open to matching (they link through `previous`).
    var lastDelimiter = -1
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
            case .backslash: index = scanBackslash(index)
            case .backtick: index = scanCodeSpan(index)
            case .ampersand: index = scanEntity(index)
            case .lessThan: index = scanAngleBracket(index)
            case .asterisk, .underscore, .tilde: index = scanDelimiterRun(index)
            case .leftBracket:
                pushBracket(at: index, contentStart: index + 1, isImage: false)
                index += 1
            case .exclamationMark where index + 1 < count && bytes[index + 1] == .leftBracket:
                pushBracket(at: index, contentStart: index + 2, isImage: true)
                index += 2
            case .rightBracket: index = closeBracket(index)
            default: index += 1
            }
        }
    }

    mutating func hide(_ range: Range<Int>) {
        for index in range { hidden[index] = true }
    }

    /// `\*` stands for `*`; a backslash ending a line is a hard break, which reads as a space.
    private mutating func scanBackslash(_ index: Int) -> Int {
        guard index + 1 < bytes.count else { return index + 1 }
        let next = bytes[index + 1]
        if next == .lineFeed {
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
        while end < bytes.count && bytes[end] == .backtick { end += 1 }
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
                guard bytes[index] == .backtick else { index += 1; continue }
                let start = index
                while index < bytes.count && bytes[index] == .backtick { index += 1 }
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
        case .lineBreak: [.space]
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
               bytes[index + 1].asciiLowercased == 0x62, bytes[index + 2].asciiLowercased == 0x72 {   // "br"
                replacements.append(Replacement(start: index, end: end, bytes: nil))
            } else {
                hide(index..<end)
            }
            return end
        }
        return index + 1
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
        guard index < bytes.count, bytes[index] == .leftParenthesis else { return nil }
        var cursor = html.skipWhitespace(index + 1)
        guard cursor < bytes.count else { return nil }
        if bytes[cursor] == .rightParenthesis { return cursor + 1 }
        guard let destinationEnd = MarkdownSyntax.destinationEnd(bytes, from: cursor) else { return nil }
        cursor = html.skipWhitespace(destinationEnd)
        if cursor > destinationEnd, let titleEnd = MarkdownSyntax.titleEnd(bytes, from: cursor) {
            cursor = html.skipWhitespace(titleEnd)
        }
        return cursor < bytes.count && bytes[cursor] == .rightParenthesis ? cursor + 1 : nil
    }

    /// `[label]`, `[]` or nothing after the `]` at `index`, naming a defined reference.
    private func referenceTailEnd(_ index: Int, opener: Bracket) -> Int? {
        let next = index + 1
        if next < bytes.count, bytes[next] == .leftBracket, let close = MarkdownSyntax.labelClose(bytes, from: next) {
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

    // MARK: Output

    /// The source range buffer range `start..<end` stands for.
    private func sourceRange(_ start: Int, _ end: Int) -> Range<Int> {
        // A joining "\n" stands for everything up to the start of the next line.
        let upper = bytes[end - 1] == .lineFeed ? sourceOffsets[end] : sourceOffsets[end - 1] + 1
        return sourceOffsets[start]..<upper
    }

    private func isSpaceOrTab(_ index: Int) -> Bool { bytes[index].isSpaceOrTab }

    /// Punctuation that does not follow a space in English: a space before hidden markup is
    /// dropped when one of these comes next (`at <x@y.org>.` reads `at.`, not `at .`).
    private static func isClosingPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case .period, 0x2C, .semicolon, .colon, .exclamationMark, .questionMark, .rightParenthesis,
             .rightBracket, 0x7D: true
        default: false
        }
    }

    /// Hands the visible bytes to the builder. Spaces that only border hidden markup are dropped
    /// (at the block's edges, the second of two spaces the markup stood between, and one before
    /// closing punctuation), so that skipping code or tags leaves no stray or doubled spaces.
    private func emit(into builder: inout ProseBuilder) {
        var limit = bytes.count
        while limit > 0 && (hidden[limit - 1] || isSpaceOrTab(limit - 1) || bytes[limit - 1] == .lineFeed) { limit -= 1 }
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
                        afterSpace = decoded.last == .space
                    } else {
                        builder.softBreak(range)
                        afterSpace = true
                    }
                    afterHidden = false
                }
                index = replacement.end
                continue
            }
            if bytes[index] == .lineFeed {
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
            while end < stop && !hidden[end] && bytes[end] != .lineFeed { end += 1 }
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
