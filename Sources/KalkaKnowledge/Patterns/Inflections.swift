import KalkaModel
import KalkaText

/// Every form of an English lemma, for the pattern rules' "@lemma" tests: the lemma, its regular
/// inflections made by spelling rules, and its irregular ones from `english/irregular-forms.tsv`
/// (WordNet's exception lists).
///
/// The rules generate rather than analyse, so they may over-generate ("stopped" and "stoped" for
/// "stop"): a form no one writes never matches, while a missed form would hide a calque.
public struct Inflections: Sendable {
    /// The file's text as UTF-8, and for each lemma (by the FNV-1a hash of its bytes) the range
    /// of its forms field: one pass over the bytes, no row or `String` made until a pattern asks
    /// for a lemma (a few dozen of the 4,000 are ever asked for).
    private let bytes: [UInt8]
    private let formsOfLemma: [UInt64: Range<Int>]

    static let path = "english/irregular-forms.tsv"
    private static let built = StoreFact<Inflections>()

    public static func of(_ store: DictionaryStore) throws -> Inflections {
        try store.derived(built) { try Inflections(text: store.text(path)) }
    }

    /// Reads the rows straight from the text (lemma TAB forms TAB parts; the header and format
    /// are checked with every other table's by `DictionaryStore.validateAll`).
    init(text: String) {
        bytes = Array(text.utf8)
        var formsOfLemma: [UInt64: Range<Int>] = [:]
        formsOfLemma.reserveCapacity(bytes.count / 24)
        for (line, _) in LineRanges.all(in: bytes) where !line.isEmpty && bytes[line.lowerBound] != 0x23 { // '#'
            guard let tab = bytes[line].firstIndex(of: 0x09) else { continue }
            let formsEnd = bytes[(tab + 1)..<line.upperBound].firstIndex(of: 0x09) ?? line.upperBound
            formsOfLemma[Self.hash(bytes[line.lowerBound..<tab])] = (tab + 1)..<formsEnd
        }
        self.formsOfLemma = formsOfLemma
    }

    /// FNV-1a over the exact bytes (lemmas are lower case already).
    private static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        bytes.reduce(FoldedHash.offsetBasis) { ($0 ^ UInt64($1)) &* FoldedHash.prime }
    }

    /// The irregular forms the file lists for `lemma` (lower case).
    private func irregularForms(of lemma: String) -> [String] {
        guard let range = formsOfLemma[Self.hash(lemma.utf8)] else { return [] }
        return bytes[range].split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The lemma and every form of it, lower case.
    public func forms(of lemma: String) -> [String] {
        let lemma = lemma.lowercased()
        var forms = [lemma] + Self.regularForms(of: lemma) + irregularForms(of: lemma)
        var seen = Set<String>()
        forms.removeAll { !seen.insert($0).inserted }
        return forms
    }

    /// The regular forms of a verb or noun: -s, -ed, -ing, with English spelling changes.
    static func regularForms(of lemma: String) -> [String] {
        guard let last = lemma.last, lemma.count > 1, lemma.allSatisfy({ $0.isLetter }) else { return [] }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        let stem = String(lemma.dropLast())
        let beforeLast = lemma.dropLast().last!
        var forms: [String] = []
        // -s: boxes, watches, cities, reports
        if ["s", "x", "z"].contains(last) || lemma.hasSuffix("ch") || lemma.hasSuffix("sh") {
            forms.append(lemma + "es")
        } else if last == "y" && !vowels.contains(beforeLast) {
            forms.append(stem + "ies")
        } else {
            forms.append(lemma + "s")
        }
        // -ed and -ing: noted/noting, carried/carrying, stopped/stopping (and stoped: see above)
        if last == "e" {
            // "be", "see": the e stays before -ing.
            // seeing, dyeing, hoeing, being keep the e; using, noting drop it.
            let keepsE = lemma == "be" || lemma.hasSuffix("ee") || lemma.hasSuffix("ye") || lemma.hasSuffix("oe")
            forms += [lemma + "d", keepsE ? lemma + "ing" : stem + "ing"]
        } else if last == "y" && !vowels.contains(beforeLast) {
            forms += [stem + "ied", lemma + "ing"]
        } else {
            forms += [lemma + "ed", lemma + "ing"]
            if !vowels.contains(last) && !["w", "x", "y"].contains(last) && vowels.contains(beforeLast) {
                let doubled = lemma + String(last)
                forms += [doubled + "ed", doubled + "ing"]
            }
        }
        return forms
    }
}
