import KalkaModel

/// What a token is, from ICU's word-break status and its characters.
///
/// `Token` stores the raw value and reads it back by bit pattern: the raw values must stay the
/// declaration order (no explicit values), as for `CaseShape` and `TokenScript`
/// (`TokenTests.packedFieldsReadBackEveryCase` checks all three).
public enum TokenKind: UInt8, Sendable, CaseIterable {
    case word, number, space, punctuation, symbol
}

/// The capitalization of a token's cased letters.
public enum CaseShape: UInt8, Sendable, CaseIterable {
    /// No cased letters ("2021", "—").
    case uncased
    case lower      // "guarantees"
    case upper      // "NATO"
    case title      // "Kyiv", "Kuleba"
    case mixed      // "iPhone", "McDonald"
}

/// The script of a token's letters.
public enum TokenScript: UInt8, Sendable, CaseIterable {
    /// No letters.
    case none
    case latin, cyrillic, greek
    /// Letters of another single script.
    case other
    /// Letters of more than one script ("Kyіv" with a Cyrillic "і").
    case mixed
}

/// One token of a document's prose. Offsets are UTF-8 byte offsets into `ProseDocument.prose`;
/// no `String` is made per token.
///
/// Packed into 16 bytes (a large document holds millions of tokens): the start, the length and
/// the classification share one word, the folded hash takes the other.
public struct Token: Sendable, Equatable {
    public var start: Int32
    /// Length (low 22 bits), kind (3 bits), shape (3), script (3), paragraph break (1).
    @usableFromInline var packed: UInt32
    /// A hash of the case-folded token: equal words, whatever their case, share it.
    public var foldedHash: UInt64

    /// The longest token in bytes; longer runs (a megabyte of spaces) are split.
    public static let maximumLength = (1 << 22) - 1

    public init(start: Int32, end: Int32, kind: TokenKind, shape: CaseShape, script: TokenScript, isParagraphBreak: Bool, foldedHash: UInt64) {
        precondition(end - start <= Token.maximumLength && end >= start)
        self.init(unchecked: Int(start), length: Int(end - start), kind: kind, shape: shape, script: script, isParagraphBreak: isParagraphBreak, foldedHash: foldedHash)
    }

    /// For the segmenter, which only ever makes tokens of at most `maximumLength` bytes inside
    /// a document of fewer than 2³¹ bytes: the fields packed without checking again.
    @inline(__always)
    init(unchecked start: Int, length: Int, kind: TokenKind, shape: CaseShape, script: TokenScript, isParagraphBreak: Bool, foldedHash: UInt64) {
        self.start = Int32(truncatingIfNeeded: start)
        self.packed = UInt32(truncatingIfNeeded: length) | UInt32(kind.rawValue) << 22 | UInt32(shape.rawValue) << 25
            | UInt32(script.rawValue) << 28 | (isParagraphBreak ? 1 << 31 : 0)
        self.foldedHash = foldedHash
    }

    @inlinable public var end: Int32 { start + Int32(packed & 0x3F_FFFF) }
    // The packed fields only ever hold raw values the initializer stored: read them without the
    // failable initializers' checks (every rule reads these for every token).
    @inlinable public var kind: TokenKind { unsafeBitCast(UInt8(truncatingIfNeeded: packed >> 22 & 0x7), to: TokenKind.self) }
    @inlinable public var shape: CaseShape { unsafeBitCast(UInt8(truncatingIfNeeded: packed >> 25 & 0x7), to: CaseShape.self) }
    @inlinable public var script: TokenScript { unsafeBitCast(UInt8(truncatingIfNeeded: packed >> 28 & 0x7), to: TokenScript.self) }
    /// True when the token holds a line feed (only paragraph breaks do).
    @inlinable public var isParagraphBreak: Bool { packed >> 31 != 0 }

    @inlinable public var range: Range<Int> { Int(start)..<Int(end) }
    @inlinable public var length: Int { Int(packed & 0x3F_FFFF) }
    @inlinable public var isWord: Bool { kind == .word }
}

/// A sentence: a run of tokens, without the spaces that trail it.
public struct SentenceSpan: Sendable, Equatable {
    /// Token indices.
    public var tokens: Range<Int>
    /// Prose byte range.
    public var range: Range<Int>
    public var paragraph: Int
}

/// A paragraph: a run of sentences.
public struct ParagraphSpan: Sendable, Equatable {
    /// Sentence indices.
    public var sentences: Range<Int>
    public var range: Range<Int>
}

/// FNV-1a over case-folded scalars: the key kalka's word lists and phrase matcher use, so a
/// token is looked up without making a `String` of it.
public enum FoldedHash {
    @inlinable package static var offsetBasis: UInt64 { 0xcbf2_9ce4_8422_2325 }
    @inlinable package static var prime: UInt64 { 0x0000_0100_0000_01B3 }

    /// The hash of a word as written in a dictionary file.
    @inlinable public static func of(_ word: some StringProtocol) -> UInt64 {
        var word = String(word)
        return word.withUTF8 { of(utf8: $0) }
    }

    public static func of(utf8 bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = offsetBasis
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                hash = (hash ^ UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)) &* prime
                index += 1
                continue
            }
            let (scalar, width) = UTF8Decoding.decode(bytes, at: index)
            let folded = Folding.fold(scalar)
            for byte in UTF8.encode(folded)! { hash = (hash ^ UInt64(byte)) &* prime }
            index += width
        }
        return hash
    }

    /// Combines word hashes into the key of a phrase.
    public static func combine(_ hashes: some Sequence<UInt64>) -> UInt64 {
        var hash = offsetBasis
        for word in hashes { hash = (hash ^ word) &* prime &+ 0x9E37_79B9 }
        return hash
    }
}
