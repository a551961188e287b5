internal import CICU

/// UTS #39 restriction levels, from most to least restrictive.
public enum RestrictionLevel: Int, Comparable, Sendable {
    case ascii, singleScript, highlyRestrictive, moderatelyRestrictive, minimallyRestrictive, unrestricted

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// ICU's spoof checker (UTS #39): restriction levels and confusable skeletons.
///
/// Once configured it is only read (ICU's const calls), so one instance serves every thread.
public final class SpoofChecker: @unchecked Sendable {
    private let handle: OpaquePointer

    public init() throws(ICUError) {
        var status = U_ZERO_ERROR
        let opened = uspoof_open(&status)
        try icuCheck(status.rawValue, "uspoof_open")
        guard let opened else { throw icuError(U_MEMORY_ALLOCATION_ERROR.rawValue, "uspoof_open") }
        // AUX_INFO makes the check result carry the restriction level it found.
        uspoof_setChecks(opened, Int32(bitPattern: USPOOF_RESTRICTION_LEVEL.rawValue | USPOOF_AUX_INFO.rawValue), &status)
        uspoof_setRestrictionLevel(opened, USPOOF_ASCII)
        if icuFailed(status.rawValue) {
            uspoof_close(opened)
            throw icuError(status.rawValue, "uspoof_setChecks")
        }
        handle = opened
    }

    deinit { uspoof_close(handle) }

    /// The most restrictive UTS #39 level that `text` satisfies: a Latin word holding a Cyrillic
    /// letter is `.minimallyRestrictive` or looser.
    public func restrictionLevel(of text: String) throws(ICUError) -> RestrictionLevel {
        var status = U_ZERO_ERROR
        let result = uspoof_openCheckResult(&status)
        try icuCheck(status.rawValue, "uspoof_openCheckResult")
        defer { uspoof_closeCheckResult(result) }
        var text = text
        _ = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) {
                uspoof_check2UTF8(handle, $0.baseAddress, Int32($0.count), result, &status)
            }
        }
        try icuCheck(status.rawValue, "uspoof_check2UTF8")
        let level = uspoof_getCheckResultRestrictionLevel(result, &status)
        try icuCheck(status.rawValue, "uspoof_getCheckResultRestrictionLevel")
        return swiftRestrictionLevel(level.rawValue)
    }

    /// The UTS #39 confusable skeleton of `text`: two strings that look alike share a skeleton.
    public func skeleton(of text: String) throws(ICUError) -> String {
        let source = UTF16Conversion.utf16(text)
        let result = try icuFill(UInt16.self, capacity: source.count * 2, "uspoof_getSkeleton") { buffer in
            var status = U_ZERO_ERROR
            let length = source.withUnsafeBufferPointer {
                uspoof_getSkeleton(handle, 0, $0.baseAddress, Int32($0.count), buffer.baseAddress, Int32(buffer.count), &status)
            }
            return (length, status.rawValue)
        }
        return String(decoding: result, as: UTF16.self)
    }
}

/// Takes the raw value: no declaration may name an ICU type (see the note in ICUError.swift).
private func swiftRestrictionLevel(_ level: Int32) -> RestrictionLevel {
    switch level {
    case USPOOF_ASCII.rawValue: .ascii
    case USPOOF_SINGLE_SCRIPT_RESTRICTIVE.rawValue: .singleScript
    case USPOOF_HIGHLY_RESTRICTIVE.rawValue: .highlyRestrictive
    case USPOOF_MODERATELY_RESTRICTIVE.rawValue: .moderatelyRestrictive
    case USPOOF_MINIMALLY_RESTRICTIVE.rawValue: .minimallyRestrictive
    default: .unrestricted
    }
}
