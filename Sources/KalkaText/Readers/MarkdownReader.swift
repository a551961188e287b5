import KalkaModel

/// Markdown (CommonMark, with GFM tables and strikethrough): only the prose is linted.
///
/// Reading follows CommonMark's own two phases. The block phase walks the lines, tracks the open
/// containers (block quotes, list items) and splits the text into leaf blocks whose prose lines
/// it keeps as source ranges; code, HTML blocks, front matter and link reference definitions are
/// dropped there. The inline phase then reads each leaf, hides markup (emphasis delimiters, link
/// brackets and destinations, code spans, tags, autolinks) and decodes escapes and entities. Every
/// prose byte is copied from, or replaces, a known source range, so findings map back exactly.
///
/// The block phase is `MarkdownBlockParser` (what a line starts: MarkdownBlockStarts.swift), the
/// inline phase `MarkdownInlineParser` (emphasis: MarkdownEmphasis.swift); both read links with
/// `MarkdownSyntax` and raw HTML with `MarkdownHTMLScanner`.
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
        while let start = bytes.firstIndexIgnoringCase(of: Array("<!--".utf8), in: index..<bytes.count) {
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
                bytes.append(.lineFeed)
                offsets.append(lines[index - 1].upperBound)
            }
            bytes.append(contentsOf: text[line])
            offsets.append(contentsOf: line)
        }
    }
}
