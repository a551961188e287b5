import Testing
@testable import KalkaModel
@testable import KalkaText

/// The one UTF-8 decoder against the standard library's, and, for broken input, against the hand
/// decoders it replaced (copied below as they were), each with what its call site relied on.
@Suite struct UTF8DecodingTests {
    /// Scalars at every length boundary: 1, 2, 3 and 4 bytes.
    static let samples: [Unicode.Scalar] = [
        "\u{0}", "a", "\u{7F}", "\u{80}", "é", "ї", "\u{7FF}", "\u{800}", "—", "€", "\u{D7FF}", "\u{E000}",
        "\u{FFFD}", "\u{FFFF}", "\u{10000}", "😀", "\u{10FFFF}",
    ]

    @Test func decodesValidScalarsOfEveryLength() {
        for scalar in Self.samples {
            let bytes = Array(String(scalar).utf8)
            let decoded = UTF8Decoding.decode(bytes, at: 0)
            #expect(decoded.scalar == scalar && decoded.length == bytes.count, "U+\(String(scalar.value, radix: 16))")
            #expect(UTF8Decoding.decodeClamped(bytes, at: 0) == scalar)
            #expect(UTF8Decoding.decodeStrict(bytes, at: 0)?.scalar == scalar)
            #expect(UTF8Decoding.wellFormedLength(bytes, at: 0) == bytes.count)
            #expect(UTF8Decoding.sequenceLength(lead: bytes[0]) == bytes.count)
        }
    }

    @Test func walksScalarsForwardAndBackward() {
        let text = "Kyiv — Київ, 😀 café"
        let bytes = Array(text.utf8)
        var scalars: [Unicode.Scalar] = [], ranges: [Range<Int>] = []
        UTF8Decoding.forEachScalar(in: bytes, 0..<bytes.count) { scalars.append($0); ranges.append($1) }
        #expect(scalars == Array(text.unicodeScalars))
        #expect(ranges.map(\.count) == text.unicodeScalars.map { String($0).utf8.count })
        for range in ranges where range.lowerBound > 0 {
            // The scalar ending where this one starts starts where the previous range did.
            let previous = ranges[ranges.firstIndex(of: range)! - 1]
            #expect(UTF8Decoding.scalarStart(before: range.lowerBound, in: bytes) == previous.lowerBound)
            #expect(UTF8Decoding.scalarStart(before: range.lowerBound, in: bytes, maxLength: 4) == previous.lowerBound)
        }
        // A slice keeps the indices of the array it comes from.
        let slice = bytes[ranges[2].lowerBound...]
        #expect(UTF8Decoding.decode(slice, at: ranges[2].lowerBound).scalar == scalars[2])
        #expect(UTF8Decoding.scalarStart(before: ranges[3].lowerBound, in: slice) == ranges[2].lowerBound)
    }

    /// Every sequence of up to four bytes built from boundary values and a few continuations.
    static let interestingBytes: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC1, 0xC2, 0xDF, 0xE0, 0xED,
                                            0xEF, 0xF0, 0xF4, 0xF5, 0xF8]

    static func sequences(upTo length: Int) -> [[UInt8]] {
        var all: [[UInt8]] = [[]]
        var result: [[UInt8]] = []
        for _ in 0..<length {
            all = all.flatMap { prefix in interestingBytes.map { prefix + [$0] } }
            result += all
        }
        return result
    }

    /// PunctuationSupport read the scalar at an offset with the standard library's decoder and
    /// took anything but a scalar as none; `decodeStrict` must agree on every input.
    @Test func strictDecodingMatchesTheStandardLibrary() {
        func standardLibrary(_ bytes: [UInt8]) -> Unicode.Scalar? {
            var iterator = bytes[0...].makeIterator()
            var decoder = UTF8()
            if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
            return nil
        }
        var differing = Self.sequences(upTo: 4).filter { UTF8Decoding.decodeStrict($0, at: 0)?.scalar != standardLibrary($0) }
        // Every two-byte prefix, with continuations after it.
        for lead in 0...255 {
            for second in 0...255 {
                let bytes: [UInt8] = [UInt8(lead), UInt8(second), 0x80, 0x80]
                if UTF8Decoding.decodeStrict(bytes, at: 0)?.scalar != standardLibrary(bytes) { differing.append(bytes) }
            }
        }
        #expect(differing == [])
    }

    /// Source validation: the well-formed length is the length of the scalar the standard
    /// library decodes, and nil exactly where it fails.
    @Test func wellFormedLengthMatchesTheStandardLibrary() {
        let differing = Self.sequences(upTo: 4).filter { bytes in
            var iterator = bytes[0...].makeIterator()
            var decoder = UTF8()
            var expected: Int? = nil
            if case .scalarValue(let scalar) = decoder.decode(&iterator) { expected = String(scalar).utf8.count }
            return UTF8Decoding.wellFormedLength(bytes, at: 0) != expected
        }
        #expect(differing == [])
    }

    /// The decoder Token.swift had (`UTF8Scalars`), for validated text with whole sequences.
    static func oldTokenDecode(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        if lead < 0xE0 {
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

    @Test func uncheckedDecodingMatchesTheOldTokenDecoder() {
        let differing = Self.sequences(upTo: 4).filter { bytes in
            guard bytes.count >= UTF8Decoding.sequenceLength(lead: bytes[0]) else { return false }
            let old = Self.oldTokenDecode(bytes, at: 0), new = UTF8Decoding.decode(bytes, at: 0)
            return new.scalar != old.0 || new.length != old.1
        }
        #expect(differing == [])
    }

    /// The decoder the Markdown inline phase had, giving raw values (no check that they are
    /// scalars, U+FFFD for a sequence cut off by the end of the buffer).
    static func oldMarkdownScalar(_ bytes: [UInt8], at index: Int) -> UInt32? {
        guard index < bytes.count else { return nil }
        let lead = UInt32(bytes[index])
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard length > 1 else { return lead }
        guard index + length <= bytes.count else { return 0xFFFD }
        var value = lead & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return value
    }

    static func oldMarkdownScalar(_ bytes: [UInt8], endingBefore index: Int) -> UInt32? {
        guard index > 0 else { return nil }
        var start = index - 1
        while start > 0 && index - start < 4 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return oldMarkdownScalar(bytes, at: start)
    }

    /// Where the old value was a scalar the new one is the same; where it was none (a surrogate,
    /// past U+10FFFF) the new one is U+FFFD. Emphasis only asks whether the scalar is white space
    /// or punctuation, which none of those is.
    @Test func clampedDecodingMatchesTheOldMarkdownDecoder() {
        var differing: [String] = []
        for bytes in Self.sequences(upTo: 4) {
            for index in 0...bytes.count {
                let old = Self.oldMarkdownScalar(bytes, at: index)
                if UTF8Decoding.decodeClamped(bytes, at: index) != old.map({ Unicode.Scalar($0) ?? "\u{FFFD}" }) {
                    differing.append("\(bytes) at \(index)")
                }
                guard index > 0 else { continue }
                let oldBefore = Self.oldMarkdownScalar(bytes, endingBefore: index)
                let newBefore = UTF8Decoding.decodeClamped(bytes, at: UTF8Decoding.scalarStart(before: index, in: bytes, maxLength: 4))
                if newBefore != oldBefore.map({ Unicode.Scalar($0) ?? "\u{FFFD}" }) { differing.append("\(bytes) before \(index)") }
            }
        }
        #expect(differing == [])
    }

    /// Markdown looked back at most three continuation bytes; the rules' look-back goes to the
    /// first byte that is not one, and neither goes past the start.
    @Test func scalarStartStopsWhereEachCallerDid() {
        let run: [UInt8] = [0x41, 0xE2, 0x80, 0x80, 0x80, 0x80]
        #expect(UTF8Decoding.scalarStart(before: 6, in: run) == 1)
        #expect(UTF8Decoding.scalarStart(before: 6, in: run, maxLength: 4) == 2)
        #expect(UTF8Decoding.scalarStart(before: 2, in: [0x80, 0x80] as [UInt8]) == 0)
        #expect(UTF8Decoding.scalarStart(before: 1, in: run) == 0)
    }

    @Test func clampedDecodingReadsACutSequenceAsReplacement() {
        let euro = Array("€".utf8)
        #expect(UTF8Decoding.decodeClamped(Array(euro.prefix(2)), at: 0) == "\u{FFFD}")
        #expect(UTF8Decoding.decodeClamped(euro, at: 3) == nil)
        #expect(UTF8Decoding.decodeStrict(Array(euro.prefix(2)), at: 0) == nil)
    }
}
