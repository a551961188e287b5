import KalkaKnowledge
import KalkaModel
import KalkaText

/// Byte-level reading of number tokens for the number-format rules: no `String` per token.
package enum NumberText {
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte.isASCIIDigit }

    /// The ASCII digits, commas and dots of a number token, as runs of digits and the separator
    /// that follows each run; nil when the token holds anything else or two separators in a row.
    struct Shape {
        /// Digit-run lengths, in order.
        var runs: [Int] = []
        /// The separator after each run but the last (0x2C comma or 0x2E dot).
        var separators: [UInt8] = []
        var commaCount: Int { separators.count(where: { $0 == 0x2C }) }
        var dotCount: Int { separators.count(where: { $0 == 0x2E }) }
    }

    static func shape(_ prose: [UInt8], _ range: Range<Int>) -> Shape? {
        guard !range.isEmpty, isDigit(prose[range.lowerBound]), isDigit(prose[range.upperBound - 1]) else { return nil }
        var shape = Shape()
        var run = 0
        for offset in range {
            let byte = prose[offset]
            if isDigit(byte) {
                run += 1
            } else if byte == 0x2C || byte == 0x2E {
                guard run > 0 else { return nil }
                shape.runs.append(run)
                shape.separators.append(byte)
                run = 0
            } else {
                return nil
            }
        }
        shape.runs.append(run)
        return shape
    }

    /// Whether the bytes hold a comma.
    static func containsComma(_ prose: [UInt8], _ range: Range<Int>) -> Bool {
        for offset in range where prose[offset] == 0x2C { return true }
        return false
    }

    /// Whether the token is all ASCII digits.
    static func isDigits(_ prose: [UInt8], _ range: Range<Int>) -> Bool {
        !range.isEmpty && range.allSatisfy { isDigit(prose[$0]) }
    }

    /// The value of the token's digits (at most 18 of them), ignoring separators.
    static func digitValue(_ prose: [UInt8], _ range: Range<Int>) -> Int {
        var value = 0
        for offset in range where isDigit(prose[offset]) { value = value &* 10 &+ Int(prose[offset] - 0x30) }
        return value
    }

    /// `value` with a comma between groups of three digits: 65000 → "65,000", -1234 → "-1,234".
    /// The one digit grouping of kalka: fixes and the editor report alike.
    package static func grouped(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var out = value < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}

/// Context words the number-format rules share.
enum NumberContext {
    /// Currency names and codes after or before an amount ("312,45 hryvnia", "UAH 3,45").
    static let currencies = WordSet([
        "hryvnia", "hryvnias", "hryvnya", "hryvnyas", "hryvna", "hryvnas", "grivna", "grivnas", "uah", "hrn", "grn",
        "ruble", "rubles", "rouble", "roubles", "rub", "rur", "dollar", "dollars", "usd", "euro", "euros", "eur",
        "kopeck", "kopecks", "kopiyka", "kopiykas", "kopek", "kopeks", "cent", "cents", "pound", "pounds", "gbp",
        "zloty", "zlotys", "pln", "lari", "gel", "tenge", "kzt", "lei", "mdl", "franc", "francs", "chf", "yuan", "cny",
    ])

    /// Currency signs: $ € £ ₴ ₽ ¥.
    static func isCurrencySign(_ analysis: Analysis, _ token: Token) -> Bool {
        let prose = analysis.prose, start = Int(token.start)
        switch token.length {
        case 1: return prose[start] == 0x24
        case 2: return prose[start] == 0xC2 && (prose[start + 1] == 0xA3 || prose[start + 1] == 0xA5)
        case 3: return prose[start] == 0xE2 && prose[start + 1] == 0x82 && [0xAC, 0xB4, 0xBD].contains(prose[start + 2])
        default: return false
        }
    }

    static let months = CalendarWords.months
}
