import KalkaModel

/// HTML, a full page or a fragment: only the article's prose is linted, and every prose byte maps
/// back to the source bytes it came from.
///
/// What is prose:
/// - Text between tags. Markup never is: tag names, attributes (`alt` and `title` included: they
///   are not read as part of the article), comments, `<!DOCTYPE>`, CDATA, processing
///   instructions. Comments holding `kalka-disable …` and the like are recorded as suppression
///   directives.
/// - Not the content of `head` (so not `<title>`, which is not article body), `script`, `style`,
///   `textarea`, `title`, `xmp`, `iframe`, `noembed`, `noframes` (raw text: it ends only at the
///   matching end tag), nor of `code`, `pre`, `kbd`, `samp` (computer text), `template`,
///   `noscript`, `svg`, `math`, `select`, `datalist`, and the fallback content of `audio`,
///   `video`, `canvas`, `object`. These nest: `<pre><code>…</code></pre>` closes correctly, and an
///   end tag closes every skipped element opened inside it.
/// - `head` ends where a browser ends it even without `</head>`: at a tag that cannot be in a
///   head (`<body>`, `<p>`…) or at text that is not white space.
///
/// Structure:
/// - Block elements (`p`, `div`, `h1`–`h6`, `li`, `td`, `th`, `blockquote`, `section`…) and also
///   `<br>` and `<hr>` end a paragraph: MT article markup often separates paragraphs with `<br>`,
///   and a table cell or list item is never the middle of a sentence. Paragraphs are separated by
///   exactly "\n\n", with none at the start or end of the prose.
/// - Inline elements (`a`, `b`, `em`, `span`…) and comments do not separate text:
///   `<b>Ky</b>iv` reads "Kyiv".
/// - White space copies verbatim when it is only spaces and tabs; a run holding a line break (or
///   a decoded `&#10;`) becomes one space mapped to the whole run. White space at the start or end
///   of a paragraph is dropped, and of runs parted only by markup (`a <code>x</code> b`) only the
///   first is kept, as a browser renders one space.
///
/// Character references: named ones from the WHATWG table (`Dictionaries/html/entities.tsv`),
/// decimal and hex ones (with or without the `;`) are replaced by what they stand for; 0,
/// surrogates and numbers past U+10FFFF read as U+FFFD, and 0x80–0x9F as their windows-1252
/// characters (`&#146;` is ’), as in a browser. The legacy names that may omit the `;` (`&amp`,
/// `&nbsp`) decode only before a character that is neither a letter nor a digit: unlike a browser,
/// `&notit` stays verbatim rather than reading "¬it", since such text is a bare ampersand far more
/// often than a reference. Unknown names and stray `&` stay verbatim.
///
/// Malformed markup is read as a browser reads it: `<` not followed by a tag name is text, and an
/// unclosed comment, attribute quote or raw-text element runs to the end of the input. The scan
/// always moves forward, so the reader takes linear time on any input.
public struct HTMLReader: Reader {
    public init() {}

    public func read(_ text: [UInt8]) -> ProseDocument {
        var scanner = HTMLScanner(text: text, entities: HTMLEntities.builtIn)
        scanner.run()
        return scanner.builder.finish(format: .html, directives: scanner.directives)
    }
}

/// Element names (lower case) by how the reader treats them.
enum HTMLElements {
    /// Their start and end tags end a paragraph.
    static let blocks: Set<String> = [
        "html", "body", "head", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup",
        "ul", "ol", "li", "dl", "dt", "dd", "menu", "dir",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th",
        "blockquote", "section", "article", "header", "footer", "nav", "aside", "main", "search",
        "figure", "figcaption", "form", "fieldset", "legend", "address", "center", "dialog",
        "details", "summary", "hr", "br", "pre", "listing",
    ]

    /// Their content is raw text: markup inside is not markup, and it ends only at the matching
    /// end tag. None of it is prose.
    static let rawText: Set<String> = [
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    ]

    /// Their content is parsed as HTML but is not prose.
    static let skipped: Set<String> = [
        "head", "code", "pre", "kbd", "samp", "template", "noscript", "svg", "math",
        "select", "datalist", "audio", "video", "canvas", "object",
    ]

    /// The elements that may stand in a `head`; any other start tag ends it.
    static let headContent: Set<String> = [
        "html", "head", "meta", "link", "base", "basefont", "bgsound", "title", "style", "script",
        "noscript", "template",
    ]
}

/// One pass over the source bytes, feeding a `ProseBuilder`.
struct HTMLScanner {
    let text: [UInt8]
    let entities: HTMLEntities
    var builder: ProseBuilder
    var index = 0
    /// Suppression directives found in comments.
    private(set) var directives: [SuppressionDirective] = []

    /// Open elements whose content is skipped, innermost last, with a count per name so that an
    /// end tag of an element that is not open costs nothing (keeps the scan linear).
    private var skipStack: [String] = []
    private var skipCounts: [String: Int] = [:]

    /// Open headings, and for each open list and table whether an item or cell is open in it: what
    /// kind of block the next paragraph is (a browser closes an `li` or `td` at the next one).
    private var openHeadings = 0
    private var lists: [Bool] = []
    private var tables: [Bool] = []

    /// White space seen since the last text; written only if more text follows in the paragraph.
    private var pendingSpace: (range: Range<Int>, lineBreak: Bool)?
    /// The first block boundary since the last text; written only if more text follows, so the
    /// prose neither starts nor ends with a paragraph break.
    private var pendingBlockBreak: Int?

    init(text: [UInt8], entities: HTMLEntities) {
        self.text = text
        self.entities = entities
        self.builder = ProseBuilder(source: text)
    }

    mutating func run() {
        while index < text.count {
            let byte = text[index]
            if byte == .lessThan, markup() { continue }
            if !skipStack.isEmpty {
                skippedContent()
            } else if byte.isHTMLSpace {
                whitespace()
            } else if byte == .ampersand {
                reference()
            } else {
                words()
            }
        }
    }

    // MARK: Text

    /// Text up to the next markup, reference or white space; the first byte is always taken (it
    /// may be a `<` or `&` that starts nothing), so the scan always advances.
    private mutating func words() {
        let start = index
        index += 1
        while index < text.count {
            let byte = text[index]
            if byte == .lessThan || byte == .ampersand || byte.isHTMLSpace { break }
            index += 1
        }
        beforeText()
        builder.verbatim(start..<index)
    }

    private mutating func whitespace() {
        let start = index
        var lineBreak = false
        while index < text.count, text[index].isHTMLSpace {
            if text[index].isHTMLLineBreak { lineBreak = true }
            index += 1
        }
        addSpace(start..<index, lineBreak: lineBreak)
    }

    private mutating func addSpace(_ range: Range<Int>, lineBreak: Bool) {
        guard let pending = pendingSpace else {
            pendingSpace = (range, lineBreak)
            return
        }
        // Adjacent runs (spaces, then `&#10;`) merge; runs parted by markup render as one space,
        // so the first one stands for them.
        if pending.range.upperBound == range.lowerBound {
            pendingSpace = (pending.range.lowerBound..<range.upperBound, pending.lineBreak || lineBreak)
        }
    }

    /// Writes the paragraph break and white space waiting for the text about to be written.
    private mutating func beforeText() {
        if let offset = pendingBlockBreak {
            pendingBlockBreak = nil
            builder.paragraphBreak(at: offset)
        }
        guard let space = pendingSpace else { return }
        pendingSpace = nil
        // Nothing at the start of a paragraph.
        guard !builder.isAtParagraphStart else { return }
        if space.lineBreak { builder.softBreak(space.range) } else { builder.verbatim(space.range) }
    }

    private mutating func blockBoundary(at offset: Int) {
        if pendingBlockBreak == nil { pendingBlockBreak = offset }
        pendingSpace = nil
    }

    /// Inside a skipped element: moves to the next `<`. Text that is not white space ends a
    /// `head` left open, as in a browser.
    private mutating func skippedContent() {
        if skipStack.last == "head" {
            if text[index].isHTMLSpace { index += 1 } else { popSkipped(to: skipStack.count - 1) }
            return
        }
        index += 1
        while index < text.count, text[index] != .lessThan { index += 1 }
    }

    // MARK: Character references

    private mutating func reference() {
        let start = index
        guard let (end, decoded) = CharacterReference.decode(text, at: start, entities: entities, strict: false) else {
            words()
            return
        }
        index = end
        switch decoded {
        case .lineBreak:
            addSpace(start..<end, lineBreak: true)
        case .bytes(let bytes):
            beforeText()
            builder.replace(start..<end, with: bytes)
        }
    }

    // MARK: Markup

    /// Consumes the markup starting at the `<` at `index`; false if the `<` starts none (it is
    /// text then).
    private mutating func markup() -> Bool {
        let start = index
        guard start + 1 < text.count else { return false }
        let next = text[start + 1]
        if next == .exclamationMark {
            index = endOfDeclaration(at: start)
            if let directive = SuppressionDirective.parseComment(text, comment: start..<index, textOffset: { $0 }) {
                directives.append(directive)
            }
        } else if next == .questionMark {
            index = endOfBogusComment(from: start + 2)
        } else if next == .slash {
            return endTag(at: start)
        } else if next.isASCIILetter {
            startTag(at: start)
        } else {
            return false
        }
        return true
    }

    /// A comment, CDATA section or `<!DOCTYPE …>` (any other `<!…>` is a bogus comment).
    private func endOfDeclaration(at start: Int) -> Int {
        if hasPrefix("<!--", at: start) { return endOfComment(from: start + 4) }
        if hasPrefix("<![CDATA[", at: start) {
            return end(of: Array("]]>".utf8), from: start + 9) ?? text.count
        }
        return endOfBogusComment(from: start + 2)
    }

    /// A comment ends at `-->` or `--!>`; `<!-->` and `<!--->` are complete, empty comments.
    private func endOfComment(from contentStart: Int) -> Int {
        if hasPrefix(">", at: contentStart) { return contentStart + 1 }
        if hasPrefix("->", at: contentStart) { return contentStart + 2 }
        var cursor = contentStart
        while cursor + 2 < text.count {
            if text[cursor] == .hyphen, text[cursor + 1] == .hyphen {
                if text[cursor + 2] == .greaterThan { return cursor + 3 }
                if hasPrefix("!>", at: cursor + 2) { return cursor + 4 }
            }
            cursor += 1
        }
        return text.count
    }

    private func endOfBogusComment(from cursor: Int) -> Int {
        end(of: [.greaterThan], from: cursor) ?? text.count
    }

    private mutating func startTag(at start: Int) {
        let nameEnd = endOfTagName(from: start + 1)
        let (end, selfClosing) = endOfAttributes(from: nameEnd)
        index = end
        openElement(name(start + 1..<nameEnd), selfClosing: selfClosing, at: start)
    }

    private mutating func endTag(at start: Int) -> Bool {
        let nameStart = start + 2
        guard nameStart < text.count else { return false }  // "</" ending the input is text
        if text[nameStart] == .greaterThan {
            index = nameStart + 1  // "</>" is dropped
        } else if !text[nameStart].isASCIILetter {
            index = endOfBogusComment(from: nameStart)
        } else {
            let nameEnd = endOfTagName(from: nameStart)
            index = endOfAttributes(from: nameEnd).end
            closeElement(name(nameStart..<nameEnd), at: start)
        }
        return true
    }

    private mutating func openElement(_ name: String, selfClosing: Bool, at tagStart: Int) {
        if skipStack.last == "head", !HTMLElements.headContent.contains(name) {
            popSkipped(to: skipStack.count - 1)
        }
        if HTMLElements.rawText.contains(name) {
            index = endOfRawText(name, from: index)
            return
        }
        // Only foreign elements honour "/>": a browser opens `<code/>` as `<code>`.
        if selfClosing, name == "svg" || name == "math" { return }
        if skipStack.isEmpty, HTMLElements.blocks.contains(name) {
            blockBoundary(at: tagStart)
            trackBlock(name, opening: true)
        }
        if HTMLElements.skipped.contains(name) {
            skipStack.append(name)
            skipCounts[name, default: 0] += 1
        }
    }

    private mutating func closeElement(_ name: String, at tagStart: Int) {
        if skipCounts[name, default: 0] > 0, let depth = skipStack.lastIndex(of: name) {
            popSkipped(to: depth)
        } else if !skipStack.isEmpty {
            return  // markup inside skipped content
        }
        if skipStack.isEmpty, HTMLElements.blocks.contains(name) {
            blockBoundary(at: tagStart)
            trackBlock(name, opening: false)
        }
    }

    /// Follows headings, list items and table cells, and sets the kind of the block that starts
    /// next.
    private mutating func trackBlock(_ name: String, opening: Bool) {
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            openHeadings = opening ? openHeadings + 1 : max(0, openHeadings - 1)
        case "ul", "ol", "menu", "dir":
            if opening { lists.append(false) } else if !lists.isEmpty { lists.removeLast() }
        case "li":
            if lists.isEmpty { lists.append(false) }
            lists[lists.count - 1] = opening
        case "table":
            if opening { tables.append(false) } else if !tables.isEmpty { tables.removeLast() }
        case "td", "th", "caption":
            if tables.isEmpty { tables.append(false) }
            tables[tables.count - 1] = opening
        case "tr", "thead", "tbody", "tfoot":
            if !tables.isEmpty { tables[tables.count - 1] = false }
        default:
            return
        }
        builder.blockKind = tables.contains(true) ? .tableCell : openHeadings > 0 ? .heading : lists.contains(true) ? .listItem : .paragraph
    }

    /// Closes the skipped elements from `depth` inward.
    private mutating func popSkipped(to depth: Int) {
        for name in skipStack[depth...] { skipCounts[name, default: 1] -= 1 }
        skipStack.removeSubrange(depth...)
    }

    /// Past the end tag closing raw text `name` whose content starts at `contentStart`.
    private func endOfRawText(_ name: String, from contentStart: Int) -> Int {
        let nameBytes = Array(name.utf8)
        var cursor = contentStart
        while cursor + 1 < text.count {
            if text[cursor] == .lessThan, text[cursor + 1] == .slash, matchesName(nameBytes, at: cursor + 2) {
                let after = cursor + 2 + nameBytes.count
                if after < text.count, text[after].isHTMLSpace || text[after] == .slash || text[after] == .greaterThan {
                    return endOfAttributes(from: after).end
                }
            }
            cursor += 1
        }
        return text.count
    }

    private func endOfTagName(from start: Int) -> Int {
        var cursor = start
        while cursor < text.count {
            let byte = text[cursor]
            if byte.isHTMLSpace || byte == .slash || byte == .greaterThan { break }
            cursor += 1
        }
        return cursor
    }

    /// Past the `>` ending a tag whose attributes start at `start`, and whether it ended in `/>`.
    private func endOfAttributes(from start: Int) -> (end: Int, selfClosing: Bool) {
        var cursor = start
        while true {
            while cursor < text.count, text[cursor].isHTMLSpace { cursor += 1 }
            guard cursor < text.count else { return (text.count, false) }
            switch text[cursor] {
            case .greaterThan:
                return (cursor + 1, false)
            case .slash:
                cursor += 1
                if cursor < text.count, text[cursor] == .greaterThan { return (cursor + 1, true) }
            default:
                cursor = endOfAttribute(from: cursor)
            }
        }
    }

    /// Past one attribute (`name`, `name=value`, `name="value"`); always past its first byte.
    private func endOfAttribute(from start: Int) -> Int {
        // The first byte belongs to the name even if it is "=" or a quote, as in a browser.
        var cursor = start + 1
        while cursor < text.count {
            let byte = text[cursor]
            if byte.isHTMLSpace || byte == .slash || byte == .greaterThan || byte == .equals { break }
            cursor += 1
        }
        var valueStart = cursor
        while valueStart < text.count, text[valueStart].isHTMLSpace { valueStart += 1 }
        guard valueStart < text.count, text[valueStart] == .equals else { return cursor }
        valueStart += 1
        while valueStart < text.count, text[valueStart].isHTMLSpace { valueStart += 1 }
        guard valueStart < text.count else { return text.count }
        let quote = text[valueStart]
        if quote == .doubleQuote || quote == .singleQuote {
            return end(of: [quote], from: valueStart + 1) ?? text.count
        }
        cursor = valueStart
        while cursor < text.count, !text[cursor].isHTMLSpace, text[cursor] != .greaterThan { cursor += 1 }
        return cursor
    }

    // MARK: Byte helpers

    /// The lower-case tag name; one small string per tag, never per character.
    private func name(_ range: Range<Int>) -> String {
        String(decoding: text[range].lazy.map { $0.asciiLowercased }, as: UTF8.self)
    }

    private func matchesName(_ name: [UInt8], at start: Int) -> Bool {
        text.hasPrefixIgnoringCase(name, at: start, limit: text.count)
    }

    private func hasPrefix(_ prefix: String, at start: Int) -> Bool {
        var cursor = start
        for byte in prefix.utf8 {
            guard cursor < text.count, text[cursor] == byte else { return false }
            cursor += 1
        }
        return true
    }

    /// The offset just past the first occurrence of `needle` at or after `start`.
    private func end(of needle: [UInt8], from start: Int) -> Int? {
        var cursor = start
        while cursor + needle.count <= text.count {
            if text[cursor] == needle[0], text[cursor..<cursor + needle.count].elementsEqual(needle) {
                return cursor + needle.count
            }
            cursor += 1
        }
        return nil
    }
}
