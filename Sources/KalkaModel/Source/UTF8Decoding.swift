/// UTF-8 decoding by hand, the one place that knows how a scalar is spread over bytes.
///
/// Text is validated once when a file is read (`UTF8Validation`), so the hot paths decode
/// without checks (`decode(_:at:)`); the lenient and strict forms are for code that may also see
/// bytes from elsewhere, and each says what it makes of a broken sequence.
@usableFromInline package enum UTF8Decoding {
    /// Whether `byte` continues a multi-byte sequence (10xxxxxx).
    @inlinable @inline(__always)
    package static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// The length a lead byte announces, read as loosely as `decode(_:at:)` reads it: below 0x80
    /// one byte, below 0xE0 two (a stray continuation byte included), below 0xF0 three, else four.
    @inlinable @inline(__always)
    package static func sequenceLength(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The scalar starting at `index` of well-formed UTF-8, and its length in bytes. The whole
    /// sequence must lie inside `bytes`; a value that is no scalar (a surrogate, past U+10FFFF)
    /// reads as U+FFFD.
    @inlinable @inline(__always)
    package static func decode<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Int) -> (scalar: Unicode.Scalar, length: Int)
    where Bytes.Index == Int {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        if lead < 0xE0 {
            // Below U+0800: always a scalar.
            let value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            return (Unicode.Scalar(value)!, 2)
        }
        if lead < 0xF0 {
            let value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            return (Unicode.Scalar(value) ?? "\u{FFFD}", 3)
        }
        let value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        return (Unicode.Scalar(value) ?? "\u{FFFD}", 4)
    }

    /// Like `decode(_:at:)`, for bytes that may end in the middle of a sequence: nil at or past
    /// `bytes.endIndex`, U+FFFD for a sequence the end cuts off.
    @inlinable @inline(__always)
    package static func decodeClamped<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Int) -> Unicode.Scalar?
    where Bytes.Index == Int {
        guard index < bytes.endIndex else { return nil }
        guard index + sequenceLength(lead: bytes[index]) <= bytes.endIndex else { return "\u{FFFD}" }
        return decode(bytes, at: index).scalar
    }

    /// The length of the well-formed sequence starting at `index` (Unicode's table 3-7: no
    /// overlong forms, no surrogates, nothing past U+10FFFF, nothing cut off), or nil.
    @inlinable @inline(__always)
    package static func wellFormedLength<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Int) -> Int?
    where Bytes.Index == Int {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let length: Int
        var lowerBound: UInt8 = 0x80, upperBound: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lowerBound = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upperBound = 0x9F
        case 0xF0: length = 4; lowerBound = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upperBound = 0x8F
        default: return nil
        }
        guard index + length <= bytes.endIndex else { return nil }
        let second = bytes[index + 1]
        guard second >= lowerBound && second <= upperBound else { return nil }
        for continuation in 2..<length where !isContinuation(bytes[index + continuation]) { return nil }
        return length
    }

    /// The scalar starting at `index` if a well-formed sequence starts there, else nil.
    @inlinable
    package static func decodeStrict<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Int) -> (scalar: Unicode.Scalar, length: Int)?
    where Bytes.Index == Int {
        guard index < bytes.endIndex, wellFormedLength(bytes, at: index) != nil else { return nil }
        return decode(bytes, at: index)
    }

    /// Where the scalar ending right before `index` (> `bytes.startIndex`) starts: back over
    /// continuation bytes, never before the start, taking at most `maxLength` bytes.
    @inlinable @inline(__always)
    package static func scalarStart<Bytes: RandomAccessCollection<UInt8>>(before index: Int, in bytes: Bytes, maxLength: Int = .max) -> Int
    where Bytes.Index == Int {
        var start = index - 1
        while start > bytes.startIndex && index - start < maxLength && isContinuation(bytes[start]) { start -= 1 }
        return start
    }

    /// Calls `body` with every scalar of well-formed `bytes[range]` and the bytes it takes.
    @inlinable @inline(__always)
    package static func forEachScalar<Bytes: RandomAccessCollection<UInt8>>(
        in bytes: Bytes, _ range: Range<Int>, _ body: (Unicode.Scalar, Range<Int>) throws -> Void
    ) rethrows where Bytes.Index == Int {
        var index = range.lowerBound
        while index < range.upperBound {
            let (scalar, length) = decode(bytes, at: index)
            try body(scalar, index..<index + length)
            index += length
        }
    }
}
