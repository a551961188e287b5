import KalkaModel

/// How each byte range of the prose a reader extracted maps back to the source text.
///
/// Prose is built from pieces: *verbatim* pieces copy source bytes one to one (any offset inside
/// maps linearly); *replaced* pieces stand for source bytes they do not copy (`&amp;` → `&`, a
/// line break → a space) and map atomically: any part of one maps to the whole source range;
/// *inserted* pieces (paragraph separators) map to an empty range at one source offset.
public struct SourceMap: Sendable {
    /// Stored in 32 bits (files are far below 4 GB: `SourceFile.defaultSizeLimit`), so a large
    /// document's map, a piece or two per line, takes half the memory.
    struct Piece: Sendable {
        private let storedProseStart: UInt32
        private let storedProseLength: UInt32
        private let storedSourceStart: UInt32
        private let storedSourceLength: UInt32
        let verbatim: Bool

        init(proseStart: Int, proseLength: Int, sourceStart: Int, sourceLength: Int, verbatim: Bool) {
            storedProseStart = UInt32(proseStart)
            storedProseLength = UInt32(proseLength)
            storedSourceStart = UInt32(sourceStart)
            storedSourceLength = UInt32(sourceLength)
            self.verbatim = verbatim
        }

        var proseStart: Int { Int(storedProseStart) }
        var proseLength: Int { Int(storedProseLength) }
        var sourceStart: Int { Int(storedSourceStart) }
        var sourceLength: Int { Int(storedSourceLength) }
        var proseEnd: Int { proseStart + proseLength }
    }

    private(set) var pieces: [Piece] = []

    /// The source range that prose range `range` stands for.
    public func sourceRange(ofProse range: Range<Int>) -> Range<Int> {
        if range.isEmpty {
            let offset = sourceOffset(ofProse: range.lowerBound, preferEnd: false)
            return offset..<offset
        }
        let start = sourceOffset(ofProse: range.lowerBound, preferEnd: false)
        let end = sourceOffset(ofProse: range.upperBound, preferEnd: true)
        return start..<max(start, end)
    }

    /// Maps a prose offset. `preferEnd` maps an offset lying at a piece boundary to the end of the
    /// piece before it (for exclusive range ends), otherwise to the start of the piece after it.
    func sourceOffset(ofProse offset: Int, preferEnd: Bool) -> Int {
        guard !pieces.isEmpty else { return offset }
        // The index of the piece containing `offset` (or `offset - 1` for ends).
        let probe = preferEnd ? offset - 1 : offset
        let piece = pieces[pieceIndex(atOrBefore: probe)]
        if probe < piece.proseStart { return piece.sourceStart }
        if probe >= piece.proseEnd { return piece.sourceStart + piece.sourceLength }
        if piece.verbatim { return piece.sourceStart + (offset - piece.proseStart) }
        return preferEnd ? piece.sourceStart + piece.sourceLength : piece.sourceStart
    }

    /// The source range that prose `range` stands for, if replacing it replaces exactly what
    /// it shows: nil when source bytes the prose does not show lie inside (hidden markup such
    /// as `*` in "the *the*") or when the range cuts through a replaced piece (part of an
    /// entity). Fixes are only offered on such exact ranges, so they never break markup.
    public func exactSourceRange(ofProse range: Range<Int>) -> Range<Int>? {
        guard !pieces.isEmpty else { return range }
        var index = pieceIndex(atOrBefore: range.lowerBound)
        // An empty range (an insertion) is exact inside a verbatim piece or at a piece boundary.
        if range.isEmpty {
            let piece = pieces[index]
            if piece.verbatim || range.lowerBound == piece.proseStart || range.lowerBound == piece.proseEnd {
                return sourceRange(ofProse: range)
            }
            return nil
        }
        var sourceEnd: Int? = nil
        while index < pieces.count, pieces[index].proseStart < range.upperBound {
            let piece = pieces[index]
            defer { index += 1 }
            if piece.proseEnd <= range.lowerBound { continue }
            let cutsStart = piece.proseStart < range.lowerBound
            let cutsEnd = piece.proseEnd > range.upperBound
            if !piece.verbatim && (cutsStart || cutsEnd) { return nil }
            if let sourceEnd, sourceEnd != piece.sourceStart { return nil }
            sourceEnd = piece.sourceStart + piece.sourceLength
        }
        return sourceRange(ofProse: range)
    }

    /// True when prose `range` lies inside one verbatim piece: one unbroken stretch of a single
    /// source line, with no soft line break, entity or markup inside it.
    public func isOneVerbatimStretch(_ range: Range<Int>) -> Bool {
        guard !pieces.isEmpty else { return true }
        let piece = pieces[pieceIndex(atOrBefore: range.lowerBound)]
        return piece.verbatim && piece.proseStart <= range.lowerBound && range.upperBound <= piece.proseEnd
    }

    /// The map of prose `range` alone, its prose offsets from the start of `range` (for a
    /// window of a large document). A piece the range cuts is cut with it: a verbatim piece
    /// keeps the source bytes of its part, a replaced one its whole source range.
    func window(_ range: Range<Int>) -> SourceMap {
        var window = SourceMap()
        guard !pieces.isEmpty, !range.isEmpty else { return window }
        var index = pieceIndex(atOrBefore: range.lowerBound)
        while index < pieces.count, pieces[index].proseStart < range.upperBound {
            let piece = pieces[index]
            index += 1
            let start = max(piece.proseStart, range.lowerBound), end = min(piece.proseEnd, range.upperBound)
            guard start < end || (piece.proseLength == 0 && range.contains(piece.proseStart)) else { continue }
            let source = piece.verbatim ? (piece.sourceStart + start - piece.proseStart, end - start) : (piece.sourceStart, piece.sourceLength)
            window.pieces.append(Piece(proseStart: start - range.lowerBound, proseLength: end - start,
                                       sourceStart: source.0, sourceLength: source.1, verbatim: piece.verbatim))
        }
        return window
    }

    /// The last piece starting at or before prose `offset` (the first piece if none does).
    private func pieceIndex(atOrBefore offset: Int) -> Int {
        max(0, pieces.partitionPoint { $0.proseStart <= offset } - 1)
    }

    mutating func append(_ piece: Piece) {
        guard piece.proseLength > 0 || piece.sourceLength > 0 else { return }
        if piece.verbatim, let last = pieces.last, last.verbatim,
           last.proseEnd == piece.proseStart, last.sourceStart + last.sourceLength == piece.sourceStart {
            pieces[pieces.count - 1] = Piece(proseStart: last.proseStart, proseLength: last.proseLength + piece.proseLength,
                                             sourceStart: last.sourceStart, sourceLength: last.sourceLength + piece.sourceLength, verbatim: true)
        } else {
            pieces.append(piece)
        }
    }
}

/// Assembles a reader's prose and its source map together, so the two never drift apart.
public struct ProseBuilder {
    public private(set) var prose: [UInt8] = []
    public private(set) var map = SourceMap()
    let source: [UInt8]

    public init(source: [UInt8]) {
        self.source = source
        // Prose is about as long as its source: a little longer where single line breaks become
        // paragraph breaks. Room for that, so a large document's prose is not copied to grow.
        prose.reserveCapacity(source.count + source.count / 16 + 64)
    }

    /// The kind (and, for Markdown, the source lines) of the block whose text comes next: readers
    /// set it before writing a block's first prose, and each paragraph records it as it starts.
    public var blockKind: BlockKind = .paragraph
    public var blockLines: Range<Int>? = nil
    public private(set) var blocks: [ProseBlock] = []
    private var atBlockStart = true

    private mutating func recordBlockStart() {
        guard atBlockStart else { return }
        atBlockStart = false
        blocks.append(ProseBlock(proseStart: prose.count, kind: blockKind, sourceLines: blockLines))
    }

    /// Separators waiting for the next prose, so that the prose never starts or ends with one
    /// and never holds two in a row.
    private var pendingSoftBreak: Range<Int>?
    /// The source range the pending paragraph break stands for: empty at a block boundary, the
    /// line break itself when a single line break ends the paragraph (`lineBreak`).
    private var pendingParagraphBreak: Range<Int>?

    /// Copies source bytes into the prose unchanged.
    public mutating func verbatim(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        flushSeparators()
        recordBlockStart()
        map.append(.init(proseStart: prose.count, proseLength: range.count, sourceStart: range.lowerBound, sourceLength: range.count, verbatim: true))
        prose.append(contentsOf: source[range])
    }

    /// Puts `bytes` in the prose standing for source `range` (an entity, an escape).
    public mutating func replace(_ range: Range<Int>, with bytes: some Collection<UInt8>) {
        flushSeparators()
        if !bytes.isEmpty { recordBlockStart() }
        map.append(.init(proseStart: prose.count, proseLength: bytes.count, sourceStart: range.lowerBound, sourceLength: range.count, verbatim: false))
        prose.append(contentsOf: bytes)
    }

    /// Ends the current paragraph: paragraphs are separated by exactly one "\n\n", mapped to the
    /// empty source range at `sourceOffset` (of the first break since the last prose). It is
    /// written only when more prose follows, so readers may call it at every block boundary.
    public mutating func paragraphBreak(at sourceOffset: Int) {
        pendingSoftBreak = nil
        if pendingParagraphBreak == nil { pendingParagraphBreak = sourceOffset..<sourceOffset }
    }

    /// Ends the current paragraph at a single source line break (`range`, "\n" or "\r\n"): the
    /// "\n\n" stands for that line break, so an edit that deletes a line with the separator after
    /// it deletes the source line break too.
    public mutating func lineBreak(_ range: Range<Int>) {
        pendingSoftBreak = nil
        if pendingParagraphBreak == nil { pendingParagraphBreak = range }
    }

    /// True when the next prose starts a paragraph (nothing written yet, or a break pending).
    public var isAtParagraphStart: Bool { prose.isEmpty || pendingParagraphBreak != nil }

    /// A soft line break (or markup that separates words) at source `range`: it becomes one space
    /// standing for `range`, but only once more prose follows in the same paragraph and the prose
    /// does not already end in a space.
    public mutating func softBreak(_ range: Range<Int>) {
        if pendingSoftBreak == nil { pendingSoftBreak = range }
    }

    private mutating func flushSeparators() {
        if let range = pendingParagraphBreak {
            pendingParagraphBreak = nil
            pendingSoftBreak = nil
            guard !prose.isEmpty else { return }
            map.append(.init(proseStart: prose.count, proseLength: 2, sourceStart: range.lowerBound, sourceLength: range.count, verbatim: false))
            prose.append(0x0A)
            prose.append(0x0A)
            atBlockStart = true
            return
        }
        guard let range = pendingSoftBreak else { return }
        pendingSoftBreak = nil
        guard let last = prose.last, last != 0x0A, last != 0x20, last != 0x09 else { return }
        map.append(.init(proseStart: prose.count, proseLength: 1, sourceStart: range.lowerBound, sourceLength: range.count, verbatim: false))
        prose.append(0x20)
    }

    public func finish(format: InputFormat, directives: [SuppressionDirective] = []) -> ProseDocument {
        ProseDocument(format: format, prose: prose, map: map, directives: directives.sorted { $0.range.lowerBound < $1.range.lowerBound }, blocks: blocks)
    }
}

extension SourceMap {
    /// Whether prose `range` holds source the prose does not copy byte for byte, asked in any
    /// order (a search of the map): for the few ranges a rule asks about.
    package func holdsReplacedSource(_ range: Range<Int>) -> Bool {
        guard !pieces.isEmpty else { return false }
        // Pieces are in prose order and disjoint: none before this one reaches into `range`.
        var index = pieceIndex(atOrBefore: range.lowerBound)
        while index < pieces.count && pieces[index].proseStart < range.upperBound {
            if !pieces[index].verbatim && pieces[index].proseEnd > range.lowerBound { return true }
            index += 1
        }
        return false
    }
}
