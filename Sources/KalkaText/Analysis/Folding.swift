import ICUKit

/// Case folding and character classes kalka needs per scalar, with ASCII answered inline and the
/// rest from ICU's tables.
enum Folding {
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            let value = scalar.value
            return value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value | 0x20)) : scalar
        }
        // Apostrophe-like marks fold to the ASCII one, so "Lavrov’s" and "Lavrov's" agree.
        if scalar == "\u{2019}" || scalar == "\u{02BC}" { return "'" }
        return UnicodeProperties.foldCase(scalar)
    }
}
