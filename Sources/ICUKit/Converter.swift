internal import CICU

/// An ICU charset converter (windows-1251, KOI8-R, …) set to fail on unmappable input instead of
/// substituting silently, so a round trip either is exact or throws.
///
/// Not shareable between threads: make one per worker.
public final class Converter {
    private let handle: OpaquePointer
    public let name: String

    public init(_ name: String) throws(ICUError) {
        var status = U_ZERO_ERROR
        let opened = ucnv_open(name, &status)
        try icuCheck(status.rawValue, "ucnv_open(\(name))")
        guard let opened else { throw icuError(U_MEMORY_ALLOCATION_ERROR.rawValue, "ucnv_open(\(name))") }
        kalka_ucnv_setStrict(opened, &status)
        if icuFailed(status.rawValue) {
            ucnv_close(opened)
            throw icuError(status.rawValue, "ucnv_setCallBack(\(name))")
        }
        handle = opened
        self.name = name
    }

    deinit { ucnv_close(handle) }

    /// Decodes `bytes` in this charset; throws on bytes the charset does not map.
    public func decode(_ bytes: [UInt8]) throws(ICUError) -> String {
        let units = try icuFill(UInt16.self, capacity: bytes.count * 2, "ucnv_toUChars(\(name))") { buffer in
            ucnv_reset(handle)
            var status = U_ZERO_ERROR
            let length = bytes.withUnsafeBufferPointer { source in
                source.withMemoryRebound(to: CChar.self) {
                    ucnv_toUChars(handle, buffer.baseAddress, Int32(buffer.count), $0.baseAddress, Int32($0.count), &status)
                }
            }
            return (length, status.rawValue)
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Encodes `text` in this charset; throws on characters the charset cannot represent.
    public func encode(_ text: String) throws(ICUError) -> [UInt8] {
        let source = UTF16Conversion.utf16(text)
        return try icuFill(UInt8.self, capacity: source.count * 4, "ucnv_fromUChars(\(name))") { buffer in
            ucnv_reset(handle)
            var status = U_ZERO_ERROR
            let length = source.withUnsafeBufferPointer { units in
                buffer.withMemoryRebound(to: CChar.self) {
                    ucnv_fromUChars(handle, $0.baseAddress, Int32($0.count), units.baseAddress, Int32(units.count), &status)
                }
            }
            return (length, status.rawValue)
        }
    }
}
