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
        // Lowercase without diacritics (ē → e, č → c).
        let decomposed = (try? Normalizer.nfd(word.lowercased())) ?? word.lowercased()
        var key = String(String.UnicodeScalarView(decomposed.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }))
        for (from, to) in rewrites { key = key.replacing(from, with: to) }
        // Doubled letters are a rendering choice too (Zaporizhzhia, Zaporizhia).
        var collapsed = ""
        for character in key where collapsed.last != character { collapsed.append(character) }
        return collapsed
    }
}
