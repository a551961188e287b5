/// How two Latin spellings of one Ukrainian name may differ without either being Russian-based.
package enum LatinSpelling {
    /// Whether `written` is `canonical` but for how it writes я, ю, є and ї after a consonant
    /// ("Horodnyanska" for Horodnianska, the older romanization). Letter case aside.
    package static func sameRomanization(_ written: some Collection<UInt8>, _ canonical: some Collection<UInt8>) -> Bool {
        softened(written) == softened(canonical)
    }

    /// Whether `written` is `canonical` as wire copy spelled Ukrainian names: г as g ("Ihnat"
    /// written "Ignat"), я and ю after a consonant as ya and yu. Letter case aside.
    package static func isWireSpelling(_ written: some Collection<UInt8>, of canonical: some Collection<UInt8>) -> Bool {
        let g = UInt8(ascii: "g"), h = UInt8(ascii: "h")
        return softened(written).map { $0 == g ? h : $0 } == softened(canonical).map { $0 == g ? h : $0 }
    }

    /// Lower case, with y before a vowel read as i ("ya" as "ia").
    private static func softened(_ name: some Collection<UInt8>) -> [UInt8] {
        let lower = name.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return lower.indices.map { index in
            lower[index] == UInt8(ascii: "y") && index + 1 < lower.count && vowels.contains(lower[index + 1]) ? UInt8(ascii: "i") : lower[index]
        }
    }

    private static let vowels = Set("aeiou".utf8)
}
