#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ASCII bytes and byte classes, one set for every reader (Markdown, HTML, plain text, character
/// references) and for the rules that look at single bytes of the prose.
package extension UInt8 {
    @inlinable static var tab: UInt8 { UInt8(ascii: "\t") }
    @inlinable static var lineFeed: UInt8 { UInt8(ascii: "\n") }
    @inlinable static var carriageReturn: UInt8 { UInt8(ascii: "\r") }
    @inlinable static var space: UInt8 { UInt8(ascii: " ") }
    @inlinable static var exclamationMark: UInt8 { UInt8(ascii: "!") }
    @inlinable static var doubleQuote: UInt8 { UInt8(ascii: "\"") }
    @inlinable static var numberSign: UInt8 { UInt8(ascii: "#") }
    @inlinable static var ampersand: UInt8 { UInt8(ascii: "&") }
    @inlinable static var singleQuote: UInt8 { UInt8(ascii: "'") }
    @inlinable static var leftParenthesis: UInt8 { UInt8(ascii: "(") }
    @inlinable static var rightParenthesis: UInt8 { UInt8(ascii: ")") }
    @inlinable static var asterisk: UInt8 { UInt8(ascii: "*") }
    @inlinable static var plus: UInt8 { UInt8(ascii: "+") }
    @inlinable static var comma: UInt8 { UInt8(ascii: ",") }
    @inlinable static var hyphen: UInt8 { UInt8(ascii: "-") }
    @inlinable static var period: UInt8 { UInt8(ascii: ".") }
    @inlinable static var slash: UInt8 { UInt8(ascii: "/") }
    @inlinable static var colon: UInt8 { UInt8(ascii: ":") }
    @inlinable static var semicolon: UInt8 { UInt8(ascii: ";") }
    @inlinable static var lessThan: UInt8 { UInt8(ascii: "<") }
    @inlinable static var equals: UInt8 { UInt8(ascii: "=") }
    @inlinable static var greaterThan: UInt8 { UInt8(ascii: ">") }
    @inlinable static var questionMark: UInt8 { UInt8(ascii: "?") }
    @inlinable static var atSign: UInt8 { UInt8(ascii: "@") }
    @inlinable static var leftBracket: UInt8 { UInt8(ascii: "[") }
    @inlinable static var backslash: UInt8 { UInt8(ascii: "\\") }
    @inlinable static var rightBracket: UInt8 { UInt8(ascii: "]") }
    @inlinable static var caret: UInt8 { UInt8(ascii: "^") }
    @inlinable static var underscore: UInt8 { UInt8(ascii: "_") }
    @inlinable static var backtick: UInt8 { UInt8(ascii: "`") }
    @inlinable static var verticalBar: UInt8 { UInt8(ascii: "|") }
    @inlinable static var rightBrace: UInt8 { UInt8(ascii: "}") }
    @inlinable static var tilde: UInt8 { UInt8(ascii: "~") }

    /// Space or tab: Markdown's and plain text's blank inside a line.
    @inlinable var isSpaceOrTab: Bool { self == 0x20 || self == 0x09 }
    /// Space, tab, LF or CR: what parts words in the prose.
    @inlinable var isSpaceTabOrNewline: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
    /// HTML's ASCII white space: space, tab, LF, FF, CR.
    @inlinable var isHTMLSpace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0C || self == 0x0D }
    @inlinable var isHTMLLineBreak: Bool { self == 0x0A || self == 0x0C || self == 0x0D }
    @inlinable var isASCIIDigit: Bool { self &- 0x30 < 10 }
    @inlinable var isASCIIUppercase: Bool { self &- 0x41 < 26 }
    @inlinable var isASCIILowercase: Bool { self &- 0x61 < 26 }
    @inlinable var isASCIILetter: Bool { (self | 0x20) &- 0x61 < 26 }
    @inlinable var isASCIIAlphanumeric: Bool { isASCIILetter || isASCIIDigit }
    @inlinable var isASCIIHexDigit: Bool { isASCIIDigit || (self | 0x20) &- 0x61 < 6 }
    /// ASCII punctuation and symbols: `!` to `/`, `:` to `@`, `[` to `` ` ``, `{` to `~`.
    @inlinable var isASCIIPunctuation: Bool {
        (0x21...0x2F).contains(self) || (0x3A...0x40).contains(self)
            || (0x5B...0x60).contains(self) || (0x7B...0x7E).contains(self)
    }
    @inlinable var asciiLowercased: UInt8 { isASCIIUppercase ? self | 0x20 : self }

    func digitValue(hex: Bool) -> UInt32? {
        if isASCIIDigit { return UInt32(self - 0x30) }
        guard hex else { return nil }
        let lower = self | 0x20
        if lower >= 0x61 && lower <= 0x66 { return UInt32(lower - 0x61 + 10) }
        return nil
    }
}

/// Byte-range tests the readers share.
package extension [UInt8] {
    /// Whether `self[range]` holds only spaces and tabs.
    func isSpacesAndTabs(_ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            if !self[index].isSpaceOrTab { return false }
            index += 1
        }
        return true
    }

    /// `range` without leading and trailing spaces and tabs.
    func trimmingSpacesAndTabs(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        while start < end && self[start].isSpaceOrTab { start += 1 }
        while end > start && self[end - 1].isSpaceOrTab { end -= 1 }
        return start..<end
    }

    /// Whether `self[index..<limit]` starts with the lowercase ASCII `word`, ignoring case.
    func hasPrefixIgnoringCase(_ word: [UInt8], at index: Int, limit: Int) -> Bool {
        guard index + word.count <= limit else { return false }
        for offset in 0..<word.count where self[index + offset].asciiLowercased != word[offset] { return false }
        return true
    }

    /// The first occurrence of `needle` (lowercase ASCII) in `self[range]`, ignoring case.
    func firstIndexIgnoringCase(of needle: [UInt8], in range: Range<Int>) -> Int? {
        guard let first = needle.first else { return range.lowerBound }
        var index = range.lowerBound
        while index + needle.count <= range.upperBound {
            if self[index].asciiLowercased == first && hasPrefixIgnoringCase(needle, at: index, limit: range.upperBound) {
                return index
            }
            index += 1
        }
        return nil
    }
}

/// Eight bytes at a time: the tests that let a scan skip whole words of ordinary text.
package enum ByteWords {
    /// The offset of the first `byte` in `bytes` from `start`, or nil (memchr: many bytes a step).
    @inlinable
    package static func firstOffset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The eight bytes at `offset` (unaligned), or nil when fewer remain.
    @inlinable @inline(__always)
    package static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64? {
        guard offset + 8 <= bytes.count else { return nil }
        // Eight bytes or more: the buffer has a base address.
        return UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped + offset).loadUnaligned(as: UInt64.self)
    }

    /// Whether all eight bytes are ASCII.
    @inlinable @inline(__always)
    package static func isASCII(_ word: UInt64) -> Bool { word & 0x8080_8080_8080_8080 == 0 }

    /// How many of the eight bytes start a Unicode scalar: all but UTF-8's continuation bytes
    /// (10xxxxxx, the top bit set and the next clear).
    @inlinable @inline(__always)
    package static func scalarStarts(_ word: UInt64) -> Int {
        // One bit per continuation byte, moved to the byte's low bit, summed into the top byte by
        // the multiplication (the baseline x86-64 has no population count instruction).
        let continuation = (word & ~(word << 1) & 0x8080_8080_8080_8080) >> 7
        return 8 - Int(truncatingIfNeeded: (continuation &* 0x0101_0101_0101_0101) >> 56)
    }

    /// How many Unicode scalars start in `bytes[range]` (valid UTF-8), eight bytes at a step.
    @inlinable
    package static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        var index = range.lowerBound
        while index + 8 <= range.upperBound {
            count += scalarStarts(UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped + index).loadUnaligned(as: UInt64.self))
            index += 8
        }
        while index < range.upperBound {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// Whether some byte is below `limit` (at most 128): never a false "no".
    @inlinable @inline(__always)
    package static func hasByte(below limit: UInt8, _ word: UInt64) -> Bool {
        (word &- 0x0101_0101_0101_0101 &* UInt64(limit)) & ~word & 0x8080_8080_8080_8080 != 0
    }
}

/// The lines of UTF-8 text: each line's byte range, without its line feed, and its 1-based
/// number. For the readers of generated data files, which split lines without a `String`.
/// Concrete over a buffer (not generic over collections) so the loop compiles to a `memchr` per
/// line in every caller rather than to unspecialised generic calls.
package struct LineRanges: Sequence, IteratorProtocol {
    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
    @usableFromInline var start = 0
    @usableFromInline var number = 0

    @inlinable package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    @inlinable package mutating func next() -> (range: Range<Int>, number: Int)? {
        guard start < bytes.count else { return nil }
        let end = ByteWords.firstOffset(of: 0x0A, in: bytes, from: start) ?? bytes.count
        defer { start = end + 1 }
        number += 1
        return (start..<end, number)
    }

    /// Every line of `bytes`, for callers that hold an array and would rather not nest their
    /// parsing in a closure.
    package static func all(in bytes: [UInt8]) -> [(range: Range<Int>, number: Int)] {
        bytes.withUnsafeBufferPointer { Array(LineRanges($0)) }
    }
}
