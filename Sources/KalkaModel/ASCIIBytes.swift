/// ASCII byte classes the markup readers share.
package extension UInt8 {
    static let lessThan = UInt8(ascii: "<")
    static let greaterThan = UInt8(ascii: ">")
    static let ampersand = UInt8(ascii: "&")
    static let semicolon = UInt8(ascii: ";")
    static let numberSign = UInt8(ascii: "#")
    static let slash = UInt8(ascii: "/")
    static let exclamationMark = UInt8(ascii: "!")
    static let questionMark = UInt8(ascii: "?")
    static let hyphen = UInt8(ascii: "-")
    static let equals = UInt8(ascii: "=")
    static let doubleQuote = UInt8(ascii: "\"")
    static let singleQuote = UInt8(ascii: "'")
    static let lineFeed = UInt8(ascii: "\n")

    /// HTML's ASCII white space: space, tab, LF, FF, CR.
    var isHTMLSpace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0C || self == 0x0D }
    var isHTMLLineBreak: Bool { self == 0x0A || self == 0x0C || self == 0x0D }
    var isASCIILetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }
    var isASCIIAlphanumeric: Bool { isASCIILetter || (self >= 0x30 && self <= 0x39) }
    var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self | 0x20 : self }

    func digitValue(hex: Bool) -> UInt32? {
        if self >= 0x30 && self <= 0x39 { return UInt32(self - 0x30) }
        guard hex else { return nil }
        let lower = self | 0x20
        if lower >= 0x61 && lower <= 0x66 { return UInt32(lower - 0x61 + 10) }
        return nil
    }
}
