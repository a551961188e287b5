import KalkaModel

/// The input formats kalka reads.
public enum InputFormat: String, Sendable, CaseIterable, Codable {
    case plain, markdown, html

    /// The format a path's extension implies (`.txt`, `.md`, `.markdown`, `.html`, `.htm`).
    public static func inferred(fromPath path: String) -> InputFormat? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "txt", "text": return .plain
        case "md", "markdown", "mdown", "mkd": return .markdown
        case "html", "htm", "xhtml": return .html
        default: return nil
        }
    }

    public static let defaultExtensions = ["txt", "md", "markdown", "html", "htm"]
}

/// What a block of the prose is in its source, as far as the reader can tell: Markdown and HTML
/// mark headings, list items and table cells; plain text knows only paragraphs.
public enum BlockKind: UInt8, Sendable {
    case paragraph, heading, listItem, tableCell
}

/// One block of the prose (a paragraph of the analysis, or an empty stretch a reader started).
public struct ProseBlock: Sendable, Equatable {
    /// Where the block's prose starts.
    public let proseStart: Int
    public let kind: BlockKind
    /// Markdown: the whole source lines that hold this block and no other, markers and the final
    /// line break included ("# Title\n", "- Item\n", "*Caption*\n"), so that deleting the
    /// block deletes its markup too; nil when the lines hold more (a table row, another block).
    public let sourceLines: Range<Int>?
}

/// The prose of one document: the text rules read, with the map back to source bytes.
///
/// Paragraphs in `prose` are separated by exactly "\n\n" and no other line feed occurs in it:
/// readers turn soft line breaks into spaces and block boundaries into paragraph breaks.
public struct ProseDocument: Sendable {
    public let format: InputFormat
    public let prose: [UInt8]
    public let map: SourceMap
    /// The suppression directives in the source (never part of the prose), in text order.
    public let directives: [SuppressionDirective]
    /// The blocks of the prose in order, each starting a paragraph (empty when the reader records
    /// none: every paragraph is then a plain paragraph).
    public let blocks: [ProseBlock]
    /// Whether the prose starts and ends the page: false at the inner edges of a window of a
    /// large document, where the page goes on (rules that place lines by the top or the tail of
    /// the page find neither there).
    public let opensPage: Bool
    public let closesPage: Bool

    public init(format: InputFormat, prose: [UInt8], map: SourceMap, directives: [SuppressionDirective] = [], blocks: [ProseBlock] = [],
                opensPage: Bool = true, closesPage: Bool = true) {
        self.format = format
        self.prose = prose
        self.map = map
        self.directives = directives
        self.blocks = blocks
        self.opensPage = opensPage
        self.closesPage = closesPage
    }

    /// The part of the document in prose `range`, as a document of its own (prose offsets from
    /// the start of `range`; source offsets unchanged). Directives stay with the whole document.
    package func window(_ range: Range<Int>) -> ProseDocument {
        let shift = range.lowerBound
        var kept: [ProseBlock] = []
        // The block the window opens in, moved to its start, then those starting inside it.
        if let first = block(containing: range.lowerBound), first.proseStart < range.lowerBound {
            kept.append(ProseBlock(proseStart: 0, kind: first.kind, sourceLines: nil))
        }
        for block in blocks where range.contains(block.proseStart) {
            kept.append(ProseBlock(proseStart: block.proseStart - shift, kind: block.kind, sourceLines: block.sourceLines))
        }
        return ProseDocument(format: format, prose: Array(prose[range]), map: map.window(range), directives: [], blocks: kept,
                             opensPage: range.lowerBound == 0, closesPage: range.upperBound == prose.count)
    }

    /// The block holding prose `offset`, if the reader recorded blocks.
    public func block(containing offset: Int) -> ProseBlock? {
        let next = blocks.partitionPoint { $0.proseStart <= offset }
        return next > 0 ? blocks[next - 1] : nil
    }

    /// The kind of the block holding prose `offset` (a plain paragraph when unknown).
    public func blockKind(at offset: Int) -> BlockKind {
        block(containing: offset)?.kind ?? .paragraph
    }

    /// Escapes fix replacement text for this format (HTML needs `&`, `<`, `>` as references).
    public func escapeReplacement(_ text: String) -> String {
        switch format {
        case .plain, .markdown: return text
        case .html: return Markup.escape(text, .htmlText)
        }
    }
}

/// Extracts the prose of a source text.
public protocol Reader {
    func read(_ text: [UInt8]) -> ProseDocument
}

public enum Readers {
    public static func reader(for format: InputFormat) -> any Reader {
        switch format {
        case .plain: PlainTextReader()
        case .markdown: MarkdownReader()
        case .html: HTMLReader()
        }
    }
}
