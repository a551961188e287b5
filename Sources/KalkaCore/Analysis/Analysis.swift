import ICUKit

/// A document segmented once — tokens, sentences, paragraphs — for every rule to read.
public struct Analysis: Sendable {
    public let document: ProseDocument
    public let tokens: [Token]
    public let sentences: [SentenceSpan]
    public let paragraphs: [ParagraphSpan]

    public var prose: [UInt8] { document.prose }

    /// The token's text (allocates: for messages and fixes, not for matching).
    public func text(of token: Token) -> String {
        String(decoding: document.prose[token.range], as: UTF8.self)
    }

    public func text(of range: Range<Int>) -> String {
        String(decoding: document.prose[range], as: UTF8.self)
    }

    /// Whether two tokens are the same word ignoring case (by folded hash: 64 bits make a
    /// collision between two words of one document negligible).
    public func sameWord(_ a: Token, _ b: Token) -> Bool {
        a.foldedHash == b.foldedHash
    }

    /// The index of the next token after `index` that is not a space within the paragraph, or nil
    /// when a paragraph break or the end comes first.
    public func nextNonSpace(after index: Int) -> Int? {
        var next = index + 1
        while next < tokens.count {
            let token = tokens[next]
            if token.isParagraphBreak { return nil }
            if token.kind != .space { return next }
            next += 1
        }
        return nil
    }

    /// The index of the previous non-space token before `index` within the paragraph.
    public func previousNonSpace(before index: Int) -> Int? {
        var previous = index - 1
        while previous >= 0 {
            let token = tokens[previous]
            if token.isParagraphBreak { return nil }
            if token.kind != .space { return previous }
            previous -= 1
        }
        return nil
    }

    /// True when the prose byte at `offset` is the given ASCII character.
    public func byte(at offset: Int, is character: Unicode.Scalar) -> Bool {
        offset >= 0 && offset < prose.count && UInt32(prose[offset]) == character.value
    }
}

/// Segments documents. Holds ICU break iterators, so it belongs to one worker at a time.
public final class Analyzer {
    private let words: TextBreaker
    private let sentences: TextBreaker

    public init() throws(ICUError) {
        words = try TextBreaker(.word, locale: "en")
        sentences = try TextBreaker(.sentence, locale: "en")
    }

    private init(words: TextBreaker, sentences: TextBreaker) {
        self.words = words
        self.sentences = sentences
    }

    /// A copy for another worker.
    public func clone() throws(ICUError) -> Analyzer {
        Analyzer(words: try words.clone(), sentences: try sentences.clone())
    }

    public func analyze(_ document: ProseDocument) throws(ICUError) -> Analysis {
        var tokens: [Token] = []
        tokens.reserveCapacity(document.prose.count / 3)
        var sentenceEnds: [Int] = []
        try document.prose.withUnsafeBufferPointer { (prose) throws(ICUError) in
            try words.forEachSegment(utf8: prose) { start, end, status in
                tokens.append(Self.classify(prose, start, end, status))
            }
            try sentences.forEachSegment(utf8: prose) { _, end, _ in sentenceEnds.append(end) }
        }
        let (sentenceSpans, paragraphSpans) = Self.group(tokens, sentenceEnds: sentenceEnds)
        return Analysis(document: document, tokens: tokens, sentences: sentenceSpans, paragraphs: paragraphSpans)
    }

    /// Sentences and paragraphs as token runs; spaces between sentences belong to none.
    private static func group(_ tokens: [Token], sentenceEnds: [Int]) -> ([SentenceSpan], [ParagraphSpan]) {
        var sentences: [SentenceSpan] = []
        var paragraphs: [ParagraphSpan] = []
        var paragraphStartSentence = 0
        var tokenIndex = 0
        var paragraphStart = 0
        func closeParagraph(at offset: Int) {
            if sentences.count > paragraphStartSentence {
                let range = sentences[paragraphStartSentence].range.lowerBound..<sentences[sentences.count - 1].range.upperBound
                paragraphs.append(ParagraphSpan(sentences: paragraphStartSentence..<sentences.count, range: range))
            }
            paragraphStartSentence = sentences.count
            paragraphStart = offset
        }
        _ = paragraphStart
        for end in sentenceEnds {
            // Collect tokens up to `end`, split further at paragraph breaks (ICU breaks after a
            // line feed already, so a sentence never spans one).
            var first: Int? = nil
            var last: Int? = nil
            while tokenIndex < tokens.count && Int(tokens[tokenIndex].start) < end {
                let token = tokens[tokenIndex]
                if token.isParagraphBreak {
                    if let f = first, let l = last {
                        sentences.append(SentenceSpan(tokens: f..<(l + 1), range: Int(tokens[f].start)..<Int(tokens[l].end), paragraph: paragraphs.count))
                        first = nil
                        last = nil
                    }
                    closeParagraph(at: Int(token.end))
                } else if token.kind != .space {
                    if first == nil { first = tokenIndex }
                    last = tokenIndex
                }
                tokenIndex += 1
            }
            if let f = first, let l = last {
                sentences.append(SentenceSpan(tokens: f..<(l + 1), range: Int(tokens[f].start)..<Int(tokens[l].end), paragraph: paragraphs.count))
            }
        }
        closeParagraph(at: tokens.last.map { Int($0.end) } ?? 0)
        return (sentences, paragraphs)
    }

    /// Kind, case shape, script and folded hash of one token, in one pass over its bytes.
    @inline(__always)
    private static func classify(_ prose: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ status: WordStatus) -> Token {
        var hash = FoldedHash.offsetBasis
        var uppers = 0, lowers = 0
        var firstIsUpper = false
        var sawCased = false
        var allSpace = true
        var hasLineFeed = false
        var latin = false, cyrillic = false, greek = false, other = false
        var index = start
        while index < end {
            let byte = prose[index]
            if byte < 0x80 {
                let isUpper = byte >= 0x41 && byte <= 0x5A
                let isLower = byte >= 0x61 && byte <= 0x7A
                if isUpper || isLower {
                    latin = true
                    if !sawCased { firstIsUpper = isUpper; sawCased = true }
                    if isUpper { uppers += 1 } else { lowers += 1 }
                }
                if byte == 0x0A { hasLineFeed = true }
                if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { allSpace = false }
                hash = (hash ^ UInt64(isUpper ? byte | 0x20 : byte)) &* FoldedHash.prime
                index += 1
                continue
            }
            let (scalar, width) = UTF8Scalars.decode(prose, at: index)
            index += width
            if !UnicodeProperties.isWhitespace(scalar) { allSpace = false }
            let folded = Folding.fold(scalar)
            for byte in UTF8.encode(folded)! { hash = (hash ^ UInt64(byte)) &* FoldedHash.prime }
            guard UnicodeProperties.isAlphabetic(scalar) else { continue }
            let isUpper = UnicodeProperties.isUppercase(scalar)
            let isLower = UnicodeProperties.isLowercase(scalar)
            if isUpper || isLower {
                if !sawCased { firstIsUpper = isUpper; sawCased = true }
                if isUpper { uppers += 1 } else { lowers += 1 }
            }
            switch UnicodeProperties.script(of: scalar) {
            case .latin: latin = true
            case .cyrillic: cyrillic = true
            case .greek: greek = true
            case .common, .inherited: break
            default: other = true
            }
        }
        let kind: TokenKind
        switch status {
        case .word: kind = .word
        case .number: kind = .number
        case .none:
            if allSpace { kind = .space }
            else if latin || cyrillic || greek || other { kind = .word }
            else { kind = Self.isPunctuation(prose, start, end) ? .punctuation : .symbol }
        }
        let shape: CaseShape
        if uppers == 0 && lowers == 0 { shape = .uncased }
        else if uppers == 0 { shape = .lower }
        else if lowers == 0 { shape = uppers == 1 ? .title : .upper }
        else if firstIsUpper && uppers == 1 { shape = .title }
        else { shape = .mixed }
        let scriptCount = (latin ? 1 : 0) + (cyrillic ? 1 : 0) + (greek ? 1 : 0) + (other ? 1 : 0)
        let script: TokenScript = scriptCount > 1 ? .mixed
            : latin ? .latin : cyrillic ? .cyrillic : greek ? .greek : other ? .other : .none
        return Token(start: Int32(start), end: Int32(end), kind: kind, shape: shape, script: script,
                     isParagraphBreak: hasLineFeed, foldedHash: hash)
    }

    private static func isPunctuation(_ prose: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let byte = prose[start]
        if byte < 0x80 {
            // ASCII punctuation; symbols such as + < = > | ~ $ ^ ` count as symbols.
            switch byte {
            case 0x21...0x23, 0x25...0x2A, 0x2C...0x2F, 0x3A, 0x3B, 0x3F, 0x40, 0x5B...0x5D, 0x5F, 0x7B, 0x7D: return true
            default: return false
            }
        }
        let (scalar, _) = UTF8Scalars.decode(prose, at: start)
        return UnicodeProperties.isPunctuation(scalar)
    }
}
