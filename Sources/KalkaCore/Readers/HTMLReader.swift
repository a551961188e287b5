/// HTML, a full page or a fragment: only the article's prose is linted, and every prose byte maps
/// back to the source bytes it came from.
///
/// What is prose:
/// - Text between tags. Markup never is: tag names, attributes (`alt` and `title` included: they
///   are not read as part of the article), comments, `<!DOCTYPE>`, CDATA, processing
///   instructions.
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
        return scanner.builder.finish(format: .html)
    }
}

/// The WHATWG named character references, loaded once per process from
/// `Dictionaries/html/entities.tsv`.
struct HTMLEntities: Sendable {
    /// Name (without the `&`, with the `;` when the reference needs it) → UTF-8 of its value.
    let table: [[UInt8]: [UInt8]]
    /// The longest name, `;` not counted: a longer run of letters and digits cannot be one.
    let maxNameLength: Int

    /// A broken dictionary is a build defect the tests catch; the reader then decodes no names
    /// rather than failing.
    static let builtIn: HTMLEntities = {
        guard case .success(let store) = DictionaryStore.builtIn,
              let file = try? store.file("html/entities.tsv"),
              let entities = try? HTMLEntities(file)
        else { return HTMLEntities(table: [:], maxNameLength: 0) }
        return entities
    }()

    init(table: [[UInt8]: [UInt8]], maxNameLength: Int) {
        self.table = table
        self.maxNameLength = maxNameLength
    }

    /// Reads rows `name<TAB>U+XXXX[ U+YYYY]`.
    init(_ file: DictionaryFile) throws(DictionaryError) {
        var table: [[UInt8]: [UInt8]] = [:]
        var longest = 0
        for row in file.rows {
            guard let value = Self.utf8(ofCodePoints: row[1]) else {
                throw DictionaryError(path: file.path, line: row.line, message: "code points must read 'U+XXXX', space-separated, not '\(row[1])'")
            }
            let name = Array(row[0].utf8)
            table[name] = value
            longest = max(longest, name.last == UInt8(ascii: ";") ? name.count - 1 : name.count)
        }
        self.init(table: table, maxNameLength: longest)
    }

    static func utf8(ofCodePoints field: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for item in field.split(separator: " ") {
            guard item.hasPrefix("U+"), (4...6).contains(item.count - 2),
                  let value = UInt32(item.dropFirst(2), radix: 16),
                  let scalar = Unicode.Scalar(value) else { return nil }
            bytes.append(contentsOf: String(scalar).utf8)
        }
        return bytes.isEmpty ? nil : bytes
    }

    func value(of name: ArraySlice<UInt8>) -> [UInt8]? { table[Array(name)] }
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

    /// Open elements whose content is skipped, innermost last, with a count per name so that an
    /// end tag of an element that is not open costs nothing (keeps the scan linear).
    private var skipStack: [String] = []
    private var skipCounts: [String: Int] = [:]

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

    private enum Decoded {
        case bytes([UInt8])
        case lineBreak
    }

    private mutating func reference() {
        let start = index
        guard let (end, decoded) = decodeReference(at: start) else {
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

    /// The end and value of the reference starting with the `&` at `start`, if it is one.
    private func decodeReference(at start: Int) -> (Int, Decoded)? {
        guard start + 1 < text.count else { return nil }
        return text[start + 1] == .numberSign ? numericReference(at: start) : namedReference(at: start)
    }

    private func numericReference(at start: Int) -> (Int, Decoded)? {
        var cursor = start + 2
        let hex = cursor < text.count && text[cursor] | 0x20 == UInt8(ascii: "x")
        if hex { cursor += 1 }
        let digitsStart = cursor
        var value: UInt32 = 0
        while cursor < text.count, let digit = text[cursor].digitValue(hex: hex) {
            // Clamped, so no overflow: any value past U+10FFFF is invalid alike.
            value = min(value * (hex ? 16 : 10) + digit, 0x110000)
            cursor += 1
        }
        guard cursor > digitsStart else { return nil }
        if cursor < text.count, text[cursor] == .semicolon { cursor += 1 }
        return (cursor, Self.decoded(codePoint: value))
    }

    private func namedReference(at start: Int) -> (Int, Decoded)? {
        let nameStart = start + 1
        // One more than the longest name, to tell a long run from a name.
        let limit = min(text.count, nameStart + entities.maxNameLength + 1)
        var cursor = nameStart
        while cursor < limit, text[cursor].isASCIIAlphanumeric { cursor += 1 }
        guard cursor > nameStart else { return nil }
        if cursor < text.count, text[cursor] == .semicolon,
           let value = entities.value(of: text[nameStart...cursor]) {
            return (cursor + 1, .bytes(value))
        }
        // A legacy name without `;` counts only when no letter or digit follows it.
        if cursor < text.count, text[cursor].isASCIIAlphanumeric { return nil }
        guard let value = entities.value(of: text[nameStart..<cursor]) else { return nil }
        return (cursor, .bytes(value))
    }

    /// What a numeric reference stands for, repaired as a browser repairs it.
    private static func decoded(codePoint: UInt32) -> Decoded {
        var value = codePoint
        if value == 0 || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) {
            value = 0xFFFD
        } else if (0x80...0x9F).contains(value), windows1252[Int(value - 0x80)] != 0 {
            value = windows1252[Int(value - 0x80)]
        }
        if value == 0x0A || value == 0x0D || value == 0x0C { return .lineBreak }
        guard let scalar = Unicode.Scalar(value) else { return .bytes([0xEF, 0xBF, 0xBD]) }
        return .bytes(Array(String(scalar).utf8))
    }

    /// The characters browsers read for `&#128;`…`&#159;` (0: the code point stays as it is).
    private static let windows1252: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    // MARK: Markup

    /// Consumes the markup starting at the `<` at `index`; false if the `<` starts none (it is
    /// text then).
    private mutating func markup() -> Bool {
        let start = index
        guard start + 1 < text.count else { return false }
        let next = text[start + 1]
        if next == .exclamationMark {
            index = endOfDeclaration(at: start)
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
        if skipStack.isEmpty, HTMLElements.blocks.contains(name) { blockBoundary(at: tagStart) }
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
        if skipStack.isEmpty, HTMLElements.blocks.contains(name) { blockBoundary(at: tagStart) }
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
        guard start + name.count <= text.count else { return false }
        for offset in 0..<name.count where text[start + offset].asciiLowercased != name[offset] {
            return false
        }
        return true
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

private extension UInt8 {
    static let lessThan = UInt8(ascii: "<")
    static let greaterThan = UInt8(ascii: ">")
    static let ampersand = UInt8(ascii: "&")
    static let semicolon = UInt8(ascii: ";")
    static let numberSign = UInt8(ascii: "#")
    static let slash = UInt8(ascii: "/")
    static let exclamationMark = UInt8(ascii: "!")
    static let questionMark = UInt8(ascii: "?")
    static let hyphen = UInt8(ascii: "-")
    static let equals = UInt8(ascii: "=")
    static let doubleQuote = UInt8(ascii: "\"")
    static let singleQuote = UInt8(ascii: "'")
    static let lineFeed = UInt8(ascii: "\n")

    /// HTML's ASCII white space: space, tab, LF, FF, CR.
    var isHTMLSpace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0C || self == 0x0D }
    var isHTMLLineBreak: Bool { self == 0x0A || self == 0x0C || self == 0x0D }
    var isASCIILetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }
    var isASCIIAlphanumeric: Bool { isASCIILetter || (self >= 0x30 && self <= 0x39) }
    var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self | 0x20 : self }

    func digitValue(hex: Bool) -> UInt32? {
        if self >= 0x30 && self <= 0x39 { return UInt32(self - 0x30) }
        guard hex else { return nil }
        let lower = self | 0x20
        if lower >= 0x61 && lower <= 0x66 { return UInt32(lower - 0x61 + 10) }
        return nil
    }
}
