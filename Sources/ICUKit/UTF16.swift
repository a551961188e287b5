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
