internal import CICU

/// Unicode normalization through ICU (`unorm2`; the instances are ICU singletons, never closed).
public enum Normalizer {
    /// The NFC form of `text`.
    public static func nfc(_ text: String) throws(ICUError) -> String {
        try normalize(text, decompose: false)
    }

    /// The NFD form of `text` (letters and their combining marks apart).
    public static func nfd(_ text: String) throws(ICUError) -> String {
        try normalize(text, decompose: true)
    }

    private static func normalize(_ text: String, decompose: Bool) throws(ICUError) -> String {
        var status = U_ZERO_ERROR
        let normalizer = decompose ? unorm2_getNFDInstance(&status) : unorm2_getNFCInstance(&status)
        try icuCheck(status.rawValue, decompose ? "unorm2_getNFDInstance" : "unorm2_getNFCInstance")
        let source = UTF16Conversion.utf16(text)
        let result = try icuFill(UInt16.self, capacity: source.count + source.count / 2, "unorm2_normalize") { buffer in
            var status = U_ZERO_ERROR
            let length = source.withUnsafeBufferPointer {
                unorm2_normalize(normalizer, $0.baseAddress, Int32($0.count), buffer.baseAddress, Int32(buffer.count), &status)
            }
            return (length, status.rawValue)
        }
        return String(decoding: result, as: UTF16.self)
    }

    /// Whether `text` is already in NFC.
    public static func isNFC(_ text: String) throws(ICUError) -> Bool {
        var status = U_ZERO_ERROR
        let normalizer = unorm2_getNFCInstance(&status)
        try icuCheck(status.rawValue, "unorm2_getNFCInstance")
        let source = UTF16Conversion.utf16(text)
        let result = source.withUnsafeBufferPointer {
            unorm2_isNormalized(normalizer, $0.baseAddress, Int32($0.count), &status)
        }
        try icuCheck(status.rawValue, "unorm2_isNormalized")
        return result != 0
    }
}
