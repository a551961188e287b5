internal import CICU

/// Conversions between UTF-8 and the UTF-16 that most ICU APIs take, through ICU's fast converters.
public enum UTF16Conversion {
    /// The UTF-16 code units of well-formed UTF-8 bytes.
    public static func utf16(fromUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt16] {
        guard bytes.count > 0 else { return [] }
        // UTF-16 never needs more units than UTF-8 has bytes.
        return [UInt16](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            var length: Int32 = 0
            var status = U_ZERO_ERROR
            bytes.withMemoryRebound(to: CChar.self) { source in
                _ = u_strFromUTF8(buffer.baseAddress, Int32(buffer.count), &length, source.baseAddress, Int32(source.count), &status)
            }
            count = icuFailed(status.rawValue) ? 0 : Int(length)
        }
    }

    public static func utf16(_ string: String) -> [UInt16] {
        var string = string
        return string.withUTF8 { utf16(fromUTF8: $0) }
    }

    public static func string(fromUTF16 units: UnsafeBufferPointer<UInt16>) -> String {
        String(decoding: units, as: UTF16.self)
    }
}

/// Maps UTF-16 offsets of a text back to UTF-8 byte offsets of the same text.
/// Built once per text; a lookup is a binary search over the non-ASCII scalars only.
public struct UTF16OffsetMap: Sendable {
    /// UTF-16 and UTF-8 offsets just past each non-ASCII scalar: between two anchors
    /// every scalar is ASCII, one unit and one byte.
    private var endsUTF16: [Int] = []
    private var endsUTF8: [Int] = []

    public init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var utf16Offset = 0
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                utf16Offset += 1
                continue
            }
            let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            index += width
            utf16Offset += width == 4 ? 2 : 1
            endsUTF16.append(utf16Offset)
            endsUTF8.append(index)
        }
    }

    /// The UTF-8 offset of UTF-16 offset `unit`, which must fall on a scalar boundary.
    public func utf8Offset(ofUTF16 unit: Int) -> Int {
        var low = 0, high = endsUTF16.count
        while low < high {
            let mid = (low + high) / 2
            if endsUTF16[mid] <= unit { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return unit }
        return endsUTF8[low - 1] + (unit - endsUTF16[low - 1])
    }
}
