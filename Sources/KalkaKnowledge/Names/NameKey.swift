import ICUKit

/// A spelling-insensitive key for Latin renderings of Slavic names: romanizations of the same
/// Cyrillic name share it (Zelensky, Zelenskyy, Zelenskiy; Oleksii, Oleksiy; Sergei, Sergey),
/// while different names keep different keys (Kyiv and Kiev differ in a vowel, not a rendering).
public enum NameKey {
    /// Rewrites in order: digraphs first, then the letters romanizations disagree on.
    private static let rewrites: [(String, String)] = [
        ("shch", "sc"), ("sch", "sc"), ("zh", "z"), ("kh", "h"), ("tch", "c"), ("ts", "c"), ("tz", "c"),
        ("ch", "c"), ("sh", "s"),
        ("ye", "e"), ("ie", "e"), ("yu", "u"), ("iu", "u"), ("ya", "a"), ("ia", "a"), ("yo", "o"), ("io", "o"),
        ("yy", "i"), ("iy", "i"), ("ij", "i"), ("ii", "i"), ("yi", "i"), ("y", "i"), ("j", "i"),
        ("g", "h"), ("w", "v"), ("x", "ks"), ("'", ""), ("’", ""),
    ]

    public static func of(_ word: String) -> String {
        // Lowercase without diacritics (ē → e, č → c); ICU's NFD only when there is any.
        let bytes: [UInt8]
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII, as nearly every name: lowercasing maps A–Z alone, and there are no diacritics.
            bytes = word.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        } else {
            var lowered = word.lowercased()
            if !lowered.utf8.allSatisfy({ $0 < 0x80 }) {
                let decomposed = (try? Normalizer.nfd(lowered)) ?? lowered
                lowered = String(String.UnicodeScalarView(decomposed.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }))
            }
            bytes = Array(lowered.utf8)
        }
        // One greedy pass: at each position the first rewrite that matches applies (the list
        // puts digraphs before their letters). Working on bytes keeps this cheap; it runs for
        // every distinct capitalized word of a document.
        var key: [UInt8] = []
        key.reserveCapacity(bytes.count)
        var index = 0
        scan: while index < bytes.count {
            // Only the rewrites starting with this byte are tried (most letters start none).
            for (from, to) in Self.rewritesByFirstByte[Int(bytes[index])] where bytes.count - index >= from.count {
                var matches = true
                for offset in 0..<from.count where bytes[index + offset] != from[offset] {
                    matches = false
                    break
                }
                if matches {
                    key += to
                    index += from.count
                    continue scan
                }
            }
            key.append(bytes[index])
            index += 1
        }
        // Doubled letters are a rendering choice too (Zaporizhzhia, Zaporizhia).
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(key.count)
        for byte in key where collapsed.last != byte { collapsed.append(byte) }
        return String(decoding: collapsed, as: UTF8.self)
    }

    /// By first byte: the rewrites starting with it, in the list's order (so the first that
    /// matches is the list's first that matches).
    private static let rewritesByFirstByte: [[([UInt8], [UInt8])]] = {
        var table = [[([UInt8], [UInt8])]](repeating: [], count: 256)
        for (from, to) in rewrites { table[Int(from.utf8.first!)].append((Array(from.utf8), Array(to.utf8))) }
        return table
    }()
}
