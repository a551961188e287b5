import KalkaText

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

    /// Whether `written` is `canonical` as English often simplifies it, or as wire copy spelled
    /// it: `isWireSpelling`, or with the adjectival ending -yi written -y or -iy (Syrsky).
    package static func isAccepted(_ written: some Collection<UInt8>, for canonical: some Collection<UInt8>) -> Bool {
        if isWireSpelling(written, of: canonical) { return true }
        func plain(_ name: some Collection<UInt8>) -> [UInt8] {
            var bytes = softened(name).map { $0 == UInt8(ascii: "g") ? UInt8(ascii: "h") : $0 }
            for ending in ["yi", "iy", "yy"] where bytes.count > 3 && bytes.suffix(2).elementsEqual(ending.utf8) {
                bytes.removeLast(2)
                bytes.append(UInt8(ascii: "y"))
                break
            }
            return bytes
        }
        return plain(written) == plain(canonical)
    }

    /// The consonants of a name, g read as h, a doubled letter once: Syrskyi and its half
    /// Russian Sirskyi both s-r-s-k.
    package static func consonants(_ name: some Collection<UInt8>) -> [UInt8] {
        var skeleton: [UInt8] = []
        forEachConsonant(of: name) { skeleton.append($0) }
        return skeleton
    }

    /// `consonants(name)` as a hash, and how many there are, with nothing allocated: a quick
    /// test of many words against a few skeletons (over bytes in place, so that the loop is
    /// compiled for them and not through a generic collection's witnesses).
    package static func consonantsHash(_ name: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, count: Int) {
        var hash = FoldedHash.offsetBasis
        var count = 0
        forEachConsonant(of: name) { consonant in
            hash = (hash ^ UInt64(consonant)) &* FoldedHash.prime
            count += 1
        }
        return (hash, count)
    }

    /// The one definition of a name's skeleton: each consonant in lower case, g as h, a letter
    /// repeated (with only vowels, hyphens or apostrophes between) once.
    @inline(__always)
    private static func forEachConsonant(of name: some Collection<UInt8>, _ body: (UInt8) -> Void) {
        var last: UInt8 = 0
        for byte in name {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            switch lower {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"),
                 UInt8(ascii: "-"), UInt8(ascii: "'"):
                continue
            default:
                let consonant = lower == UInt8(ascii: "g") ? UInt8(ascii: "h") : lower
                guard consonant != last else { continue }
                last = consonant
                body(consonant)
            }
        }
    }

    /// Each run of vowels of a stem, by class: one with a (a, ia, ya), one with u (u, iu, yu),
    /// and the rest (i, e, o, y and their runs), which Russian and Ukrainian trade. Letter case aside.
    package static func vowelClasses(_ stem: some Collection<UInt8>) -> [UInt8] {
        // A run is known by three flags, not kept as bytes: this runs for every candidate
        // surname and each person it may be.
        var classes: [UInt8] = []
        var inRun = false, hasA = false, hasU = false
        func close() {
            guard inRun else { return }
            classes.append(hasA ? 1 : hasU ? 2 : 3)
            inRun = false
            hasA = false
            hasU = false
        }
        for byte in stem {
            switch byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte {
            case UInt8(ascii: "a"): inRun = true; hasA = true
            case UInt8(ascii: "u"): inRun = true; hasU = true
            case UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "y"): inRun = true
            default: close()
            }
        }
        close()
        return classes
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
