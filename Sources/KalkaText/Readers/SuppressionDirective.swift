/// An inline instruction to kalka written in the document: `<!-- kalka-disable DUP001 -->` in
/// Markdown and HTML, `[kalka-disable DUP001]` on a line of its own in plain text.
///
/// Readers record directives with the bytes they occupy; the engine decides what they suppress.
public struct SuppressionDirective: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Suppresses from here to the matching `enable` (or the end of the file).
        case disable
        /// Ends a `disable` with the same selectors; with none, ends every open `disable`.
        case enable
        /// Suppresses on the next line that is neither blank nor only a directive.
        case disableNextLine = "disable-next-line"
        /// Suppresses in the whole file, wherever it stands.
        case disableFile = "disable-file"
    }

    /// One rule selector as written (a code, code prefix, name or category) and its text range.
    public struct Selector: Sendable, Equatable {
        public let text: String
        public let range: Range<Int>
    }

    public let kind: Kind
    /// The rules it names; empty means every rule.
    public let selectors: [Selector]
    /// Its text range: the whole comment, or the marker line without surrounding spaces.
    public let range: Range<Int>

    public init(kind: Kind, selectors: [Selector], range: Range<Int>) {
        self.kind = kind
        self.selectors = selectors
        self.range = range
    }

    /// Reads `kalka-KIND [SELECTOR[, SELECTOR…]]` from `bytes[body]` (a comment's content or a
    /// marker's, surrounding white space allowed). Selectors are parted by commas or white space.
    /// `textOffset` maps an index of `bytes` to its text offset (readers that join lines keep
    /// such a map); nil when the body is not a directive.
    static func parse(_ bytes: [UInt8], body: Range<Int>, range: Range<Int>, textOffset: (Int) -> Int) -> SuppressionDirective? {
        func isSeparator(_ byte: UInt8) -> Bool { byte.isHTMLSpace || byte == .comma }
        // Words of the body, a comma being a separator of its own.
        var words: [Range<Int>] = []
        var index = body.lowerBound
        while index < body.upperBound {
            if isSeparator(bytes[index]) { index += 1; continue }
            let start = index
            while index < body.upperBound && !isSeparator(bytes[index]) { index += 1 }
            words.append(start..<index)
        }
        guard let keyword = words.first else { return nil }
        let prefix = Array("kalka-".utf8)
        guard bytes[keyword].starts(with: prefix),
              let kind = Kind(rawValue: String(decoding: bytes[(keyword.lowerBound + prefix.count)..<keyword.upperBound], as: UTF8.self))
        else { return nil }
        let selectors = words.dropFirst().map { word in
            Selector(text: String(decoding: bytes[word], as: UTF8.self), range: textOffset(word.lowerBound)..<(textOffset(word.upperBound - 1) + 1))
        }
        return SuppressionDirective(kind: kind, selectors: selectors, range: range)
    }

    /// A directive in `bytes[comment]` if that is an HTML comment (`<!--` through `-->` or `--!>`).
    static func parseComment(_ bytes: [UInt8], comment: Range<Int>, textOffset: (Int) -> Int) -> SuppressionDirective? {
        // `<!-->` and `<!--->` are empty; an unclosed comment holds no directive.
        guard comment.count >= 7, bytes[comment.prefix(4)].elementsEqual("<!--".utf8),
              bytes[comment.upperBound - 1] == 0x3E, bytes[comment.upperBound - 3] == 0x2D else { return nil }
        let closeLength = bytes[comment.upperBound - 2] == 0x21 ? 4 : 3   // `--!>` or `-->`
        guard bytes[comment.upperBound - closeLength] == 0x2D, comment.count >= 4 + closeLength else { return nil }
        let body = (comment.lowerBound + 4)..<(comment.upperBound - closeLength)
        guard !body.isEmpty else { return nil }
        let range = textOffset(comment.lowerBound)..<(textOffset(comment.upperBound - 1) + 1)
        return parse(bytes, body: body, range: range, textOffset: textOffset)
    }
}
