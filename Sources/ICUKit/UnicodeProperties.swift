internal import CICU

/// A Unicode script (ICU's `UScriptCode`); only the ones kalka reasons about are named.
public struct Script: RawRepresentable, Hashable, Sendable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let common = Script(rawValue: USCRIPT_COMMON.rawValue)
    public static let inherited = Script(rawValue: USCRIPT_INHERITED.rawValue)
    public static let latin = Script(rawValue: USCRIPT_LATIN.rawValue)
    public static let cyrillic = Script(rawValue: USCRIPT_CYRILLIC.rawValue)
    public static let greek = Script(rawValue: USCRIPT_GREEK.rawValue)
}

/// Character properties from ICU's tables (UCD), for scalars outside ASCII.
public enum UnicodeProperties {
    public static func script(of scalar: Unicode.Scalar) -> Script {
        var status = U_ZERO_ERROR
        let code = uscript_getScript(UChar32(scalar.value), &status)
        return icuFailed(status.rawValue) ? .common : Script(rawValue: code.rawValue)
    }

    public static func isUppercase(_ scalar: Unicode.Scalar) -> Bool { u_isUUppercase(UChar32(scalar.value)) != 0 }
    public static func isLowercase(_ scalar: Unicode.Scalar) -> Bool { u_isULowercase(UChar32(scalar.value)) != 0 }
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { u_isUWhiteSpace(UChar32(scalar.value)) != 0 }
    public static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool { u_isUAlphabetic(UChar32(scalar.value)) != 0 }

    /// General category P* (dashes, brackets, quotes, other punctuation).
    public static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch Int32(u_charType(UChar32(scalar.value))) {
        case Int32(U_DASH_PUNCTUATION.rawValue), Int32(U_START_PUNCTUATION.rawValue), Int32(U_END_PUNCTUATION.rawValue),
             Int32(U_CONNECTOR_PUNCTUATION.rawValue), Int32(U_OTHER_PUNCTUATION.rawValue),
             Int32(U_INITIAL_PUNCTUATION.rawValue), Int32(U_FINAL_PUNCTUATION.rawValue):
            return true
        default:
            return false
        }
    }

    /// Simple (one-to-one) default case folding.
    public static func foldCase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        Unicode.Scalar(UInt32(u_foldCase(UChar32(scalar.value), UInt32(U_FOLD_CASE_DEFAULT)))) ?? scalar
    }

    public static func uppercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        Unicode.Scalar(UInt32(u_toupper(UChar32(scalar.value)))) ?? scalar
    }

    public static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        Unicode.Scalar(UInt32(u_tolower(UChar32(scalar.value)))) ?? scalar
    }
}
