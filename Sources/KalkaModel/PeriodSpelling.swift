/// A spelling that was English house style until a date ("Kiev" until the 2019 style changes),
/// attached by a rule to a finding it reports; the period-style judgement decides its severity.
public struct PeriodSpelling: Sendable, Hashable {
    /// Since when English style guides use the modern form; nil when the spelling is still usual
    /// English for some uses (Chernobyl for the disaster).
    public let until: SimpleDate?
    public let note: String
    /// The document also writes the modern spelling of the same name (Kyiv beside Kiev): the old
    /// one is not its house style, so the finding stays as the rule reported it; being a mixed
    /// spelling rather than a mark of translation, it is no evidence either.
    public var mixedWithModern = false

    public init(until: SimpleDate?, note: String) {
        self.until = until
        self.note = note
    }

    /// This spelling, in a document that also writes the modern one.
    public func mixed() -> PeriodSpelling {
        var copy = self
        copy.mixedWithModern = true
        return copy
    }
}

/// A calendar date (no time, no zone): when an article was published, or until when a spelling
/// was English house style.
public struct SimpleDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1800...2200).contains(year), (1...12).contains(month), (1...SimpleDate.days(in: month, year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// "2017-08-21" (also the date part of "2017-08-21T10:00:00Z").
    public init?(iso text: some StringProtocol) {
        let digits = Array(text.utf8.prefix(10))
        guard digits.count == 10, digits[4] == 0x2D, digits[7] == 0x2D,
              let year = Self.number(digits[0..<4]), let month = Self.number(digits[5..<7]), let day = Self.number(digits[8..<10]) else { return nil }
        guard text.utf8.count == 10 || [0x54, 0x74, 0x20].contains(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: 10)]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public static func < (lhs: SimpleDate, rhs: SimpleDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// "2017-08-21".
    public var description: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    static func days(in month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    package static func number(_ bytes: some Collection<UInt8>) -> Int? {
        // No part of a date has more digits; a longer run of digits would overflow.
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte &- 0x30 < 10 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}
