/// Gives a fix's replacement the case of the text it replaces: the one case adapter of the
/// dictionary-driven fixes (phrases, terms, names).
package enum CaseAdapter {
    /// `replacement` in the case of `written`, a match of the dictionary form `listed`:
    /// - all capitals when `written` is in capitals (two letters or more) and `listed` is not (an
    ///   acronym listed in capitals says nothing): "KIEV" → "KYIV";
    /// - a capital first letter when `written` starts with one where `listed` starts in lowercase
    ///   (the match opens a sentence) and the replacement starts in lowercase;
    /// - otherwise the replacement as listed.
    ///
    /// `listed` is nil when the listed form's case tells nothing (a name is listed capitalized
    /// and its replacement too): then only capitals carry over.
    package static func adapt(_ replacement: String, toCaseOf written: String, listed: String?) -> String {
        if isInCapitals(written) && !(listed.map(isInCapitals) ?? false) { return replacement.uppercased() }
        if let listed, let first = written.unicodeScalars.first, first.properties.isUppercase,
           let listedFirst = listed.unicodeScalars.first, listedFirst.properties.isLowercase,
           let replacementFirst = replacement.first, replacementFirst.isLowercase {
            return replacementFirst.uppercased() + replacement.dropFirst()
        }
        return replacement
    }

    /// Two letters or more, every one a capital ("KIEV", "U.S."; not "A" nor "Kyiv").
    static func isInCapitals(_ text: String) -> Bool {
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count > 1 && letters.allSatisfy { $0.properties.isUppercase }
    }
}
