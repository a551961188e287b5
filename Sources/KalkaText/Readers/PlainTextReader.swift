import KalkaModel

/// Plain text: every byte is prose, except suppression directives. A blank line (or one holding
/// only spaces) ends a paragraph. A single line break inside a paragraph reads as a space when the
/// line was hard-wrapped, so wrapped lines form one sentence; otherwise it ends the paragraph too
/// (see `LineBreaks`), since text copied from the web puts one paragraph, headline, caption or menu
/// item on each line, and joining those would make one run-on sentence of a headline and its lead.
///
/// A directive is a line holding only `[kalka-disable …]` (or `-enable`, `-disable-next-line`,
/// `-disable-file`), spaces around it allowed. It is left out of the prose as if the line were
/// not there, so adding one never splits a paragraph or changes another finding.
public struct PlainTextReader: Reader {
    public init() {}

    public func read(_ text: [UInt8]) -> ProseDocument {
        var builder = ProseBuilder(source: text)
        var directives: [SuppressionDirective] = []
        let lines = Self.lines(text)
        var blockStart = 0
        while blockStart < lines.count {
            if lines[blockStart].isBlank {
                builder.paragraphBreak(at: lines[blockStart].content.lowerBound)
                blockStart += 1
                continue
            }
            var blockEnd = blockStart
            while blockEnd < lines.count && !lines[blockEnd].isBlank { blockEnd += 1 }
            if blockEnd == blockStart + 1 {
                // A paragraph of one line (most of them, in text from the web): no wrapping to
                // decide, nothing to gather.
                let line = lines[blockStart]
                if let directive = Self.directive(text, line: line.content) {
                    directives.append(directive)
                } else {
                    builder.verbatim(line.content)
                    if line.breakEnd > line.content.upperBound { builder.softBreak(line.content.upperBound..<line.breakEnd) }
                }
                blockStart = blockEnd
                continue
            }
            let block = lines[blockStart..<blockEnd].filter { line in
                if let directive = Self.directive(text, line: line.content) {
                    directives.append(directive)
                    return false
                }
                return true
            }
            let wrapped = LineBreaks.wrappedBreaks(text, lines: block.map(\.content))
            for (index, line) in block.enumerated() {
                builder.verbatim(line.content)
                guard line.breakEnd > line.content.upperBound else { continue }
                if index < block.count - 1 && !wrapped[index] {
                    builder.lineBreak(line.content.upperBound..<line.breakEnd)
                } else {
                    builder.softBreak(line.content.upperBound..<line.breakEnd)
                }
            }
            blockStart = blockEnd
        }
        return builder.finish(format: .plain, directives: directives)
    }

    struct Line {
        /// The line without its line break.
        var content: Range<Int>
        /// Where its line break ends (the content's end for the last line without one).
        var breakEnd: Int
        var isBlank: Bool
    }

    static func lines(_ text: [UInt8]) -> [Line] {
        var lines: [Line] = []
        // News paragraphs run to hundreds of bytes a line: room for most texts' lines at once.
        lines.reserveCapacity(text.count / 64 + 1)
        text.withUnsafeBufferPointer { bytes in
            var lineStart = 0
            while lineStart < bytes.count {
                // Blank while only spaces and tabs lead to the line's end.
                var index = lineStart
                while index < bytes.count, bytes[index].isSpaceOrTab { index += 1 }
                var blank = true
                while index < bytes.count, bytes[index] != .lineFeed, bytes[index] != .carriageReturn {
                    blank = false
                    // Eight bytes without a control character at a time (no line break in them).
                    if let word = ByteWords.load(bytes, at: index), !ByteWords.hasByte(below: 0x0E, word) {
                        index += 8
                        continue
                    }
                    index += 1
                }
                let contentEnd = index
                if index < bytes.count {
                    index += bytes[index] == .carriageReturn && index + 1 < bytes.count && bytes[index + 1] == .lineFeed ? 2 : 1
                }
                lines.append(Line(content: lineStart..<contentEnd, breakEnd: index, isBlank: blank))
                lineStart = index
            }
        }
        return lines
    }

    /// The directive a line holds, if it is `[kalka-…]` and nothing else but spaces and tabs.
    static func directive(_ text: [UInt8], line: Range<Int>) -> SuppressionDirective? {
        let trimmed = text.trimmingSpacesAndTabs(line)
        guard trimmed.count > 2, text[trimmed.lowerBound] == .leftBracket, text[trimmed.upperBound - 1] == .rightBracket else { return nil }
        return SuppressionDirective.parse(text, body: (trimmed.lowerBound + 1)..<(trimmed.upperBound - 1), range: trimmed, textOffset: { $0 })
    }
}

/// Tells a hard-wrapped line break (the line was full, so the writer's editor moved the next word
/// down) from a line break the writer meant (a headline, a menu item, a paragraph on its own line).
///
/// The test is the one reflowing mail readers use: a break is a wrap only when the next line's
/// first word would not have fitted on the line, the wrap width being the block's longest line
/// (and at least `minimumWidth`). A block holding a line longer than `maximumWrapWidth` was not
/// wrapped at all. A next line that starts in lower case after a line that does not end a sentence
/// continues it whatever the widths. Decisions look only at the block (the lines between blank
/// lines), so streaming a text in chunks cut at blank lines reads it the same way.
enum LineBreaks {
    /// Nobody wraps prose wider than this; a longer line means the block is unwrapped.
    static let maximumWrapWidth = 100
    /// A narrower block still counts as this wide, so two short lines are not read as a wrap.
    static let minimumWidth = 50

    /// For each line but the last, whether the break after it is a wrap.
    static func wrappedBreaks(_ text: [UInt8], lines: [Range<Int>]) -> [Bool] {
        guard lines.count > 1 else { return Array(repeating: true, count: lines.count) }
        let widths = lines.map { width(text, $0) }
        let blockWidth = widths.max() ?? 0
        let unwrapped = blockWidth > maximumWrapWidth
        let wrapWidth = max(blockWidth, minimumWidth)
        var result = Array(repeating: false, count: lines.count)
        for index in 0..<(lines.count - 1) {
            let next = lines[index + 1]
            if startsListItem(text, next) { continue }
            if continuesInLowercase(text, line: lines[index], next: next) || startsWithClosingMark(text, next) {
                result[index] = true
                continue
            }
            guard !unwrapped else { continue }
            let nextWord = width(text, firstWord(text, next))
            result[index] = trimmedWidth(text, lines[index]) + 1 + nextWord > wrapWidth
        }
        return result
    }

    /// Characters (not bytes) in `range`: every byte that does not continue a UTF-8 sequence.
    static func width(_ text: [UInt8], _ range: Range<Int>) -> Int {
        var count = 0
        for index in range where !UTF8Decoding.isContinuation(text[index]) { count += 1 }
        return count
    }

    private static func trimmedWidth(_ text: [UInt8], _ range: Range<Int>) -> Int {
        var end = range.upperBound
        while end > range.lowerBound && text[end - 1].isSpaceOrTab { end -= 1 }
        return width(text, range.lowerBound..<end)
    }

    private static func firstWord(_ text: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        while start < range.upperBound && text[start].isSpaceOrTab { start += 1 }
        var end = start
        while end < range.upperBound && !text[end].isSpaceOrTab { end += 1 }
        return start..<end
    }

    /// "• item", "- item", "* item", "1. item", "2) item": a list item starts its own line.
    private static func startsListItem(_ text: [UInt8], _ range: Range<Int>) -> Bool {
        let word = firstWord(text, range)
        guard !word.isEmpty, word.upperBound < range.upperBound else { return false }
        let first = text[word.lowerBound]
        if word.count == 1 && (first == .hyphen || first == .asterisk || first == .plus) { return true }
        // • U+2022, ‣ U+2023, ▪ U+25AA, – U+2013, — U+2014 standing alone as a marker.
        let marker = Array(text[word])
        if marker == [0xE2, 0x80, 0xA2] || marker == [0xE2, 0x80, 0xA3] || marker == [0xE2, 0x96, 0xAA]
            || marker == [0xE2, 0x80, 0x93] || marker == [0xE2, 0x80, 0x94] { return true }
        guard word.count <= 4, let last = marker.last, last == .period || last == .rightParenthesis else { return false }
        return marker.dropLast().allSatisfy(\.isASCIIDigit) && marker.count > 1
    }

    /// ", and left.": a line cannot start a paragraph with a comma, semicolon or closing bracket.
    private static func startsWithClosingMark(_ text: [UInt8], _ range: Range<Int>) -> Bool {
        let word = firstWord(text, range)
        guard !word.isEmpty else { return false }
        switch text[word.lowerBound] {
        case .comma, .semicolon, .rightParenthesis, .rightBracket: return true
        default: return false
        }
    }

    /// The line ends mid-sentence (a letter, digit or comma) and the next begins with a lower-case
    /// ASCII letter: a wrap, however short the line.
    private static func continuesInLowercase(_ text: [UInt8], line: Range<Int>, next: Range<Int>) -> Bool {
        var end = line.upperBound
        while end > line.lowerBound && text[end - 1].isSpaceOrTab { end -= 1 }
        guard end > line.lowerBound else { return false }
        let last = text[end - 1]
        guard last.isASCIIAlphanumeric || last == .comma || last == .semicolon else { return false }
        let word = firstWord(text, next)
        guard !word.isEmpty else { return false }
        let first = text[word.lowerBound]
        return first.isASCIILowercase
    }
}
