import KalkaModel

/// Where a document's rarer bytes are, found once for every rule that looks for them: English
/// prose is nearly all ASCII, so a rule after a curly quote, a dash or an invisible character
/// visits the few offsets listed here instead of reading every byte of the document.
package struct ProseIndex: Sendable {
    /// The offset of the first byte of every non-ASCII scalar, in order.
    package let nonASCII: [Int32]

    private static let fact = DocumentFact<ProseIndex>()

    package static func of(_ analysis: Analysis) -> ProseIndex {
        analysis.fact(fact) { ProseIndex(prose: analysis.prose) }
    }

    private init(prose: [UInt8]) {
        var offsets: [Int32] = []
        prose.withUnsafeBufferPointer { bytes in
            var index = 0
            // Eight bytes at a time while they are all ASCII: the common case costs a load and a
            // mask per word.
            while index < bytes.count {
                if let word = ByteWords.load(bytes, at: index), ByteWords.isASCII(word) {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                // Lead bytes only: continuation bytes (10xxxxxx) belong to the scalar before.
                if byte >= 0xC0 || (byte >= 0x80 && (index == 0 || bytes[index - 1] < 0x80)) { offsets.append(Int32(index)) }
                index += 1
            }
        }
        nonASCII = offsets
    }
}

package extension Analysis {
    /// The offsets of every non-ASCII scalar's first byte (see `ProseIndex`).
    var nonASCIIOffsets: [Int32] { ProseIndex.of(self).nonASCII }

    /// Calls `body` with the offset of each occurrence of the ASCII `byte` in the prose, in
    /// order (memchr: many bytes per step).
    func forEachOffset(ofASCII byte: UInt8, _ body: (Int) -> Void) {
        prose.withUnsafeBufferPointer { bytes in
            var start = 0
            while let offset = ByteWords.firstOffset(of: byte, in: bytes, from: start) {
                body(offset)
                start = offset + 1
            }
        }
    }
}

/// The token indices of the rarer token kinds, found in one walk for every rule that starts
/// from a number, a mark or a symbol: a number rule visits the few numbers of a document instead
/// of testing every token's kind.
package struct TokenKindIndex: Sendable {
    package let numbers: [Int32]
    package let punctuation: [Int32]
    package let symbols: [Int32]
    /// The punctuation and symbol tokens together.
    package let marks: [Int32]
    /// The space tokens of two bytes or more within a paragraph (doubled spaces, a line break
    /// and its indentation): a rule after doubled spaces visits these alone.
    package let longSpaces: [Int32]

    private static let fact = DocumentFact<TokenKindIndex>()

    package static func of(_ analysis: Analysis) -> TokenKindIndex {
        analysis.fact(fact) { TokenKindIndex(analysis.tokens) }
    }

    init(_ tokens: [Token]) {
        var numbers: [Int32] = [], punctuation: [Int32] = [], symbols: [Int32] = [], marks: [Int32] = [], longSpaces: [Int32] = []
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .number: numbers.append(Int32(index))
            case .punctuation:
                punctuation.append(Int32(index))
                marks.append(Int32(index))
            case .symbol:
                symbols.append(Int32(index))
                marks.append(Int32(index))
            case .space: if token.length >= 2 && !token.isParagraphBreak { longSpaces.append(Int32(index)) }
            case .word: break
            }
        }
        self.numbers = numbers
        self.punctuation = punctuation
        self.symbols = symbols
        self.marks = marks
        self.longSpaces = longSpaces
    }
}

package extension Analysis {
    /// The indices of the number tokens, in order (see `TokenKindIndex`).
    var numberTokens: LazyMapSequence<[Int32], Int> { TokenKindIndex.of(self).numbers.lazy.map(Int.init) }
    /// The indices of the punctuation tokens, in order.
    var punctuationTokens: LazyMapSequence<[Int32], Int> { TokenKindIndex.of(self).punctuation.lazy.map(Int.init) }
    /// The indices of the symbol tokens, in order.
    var symbolTokens: LazyMapSequence<[Int32], Int> { TokenKindIndex.of(self).symbols.lazy.map(Int.init) }
    /// The indices of the punctuation and symbol tokens together, in order.
    var markTokens: LazyMapSequence<[Int32], Int> { TokenKindIndex.of(self).marks.lazy.map(Int.init) }
}
