import KalkaText

/// Every form of an English lemma, for the pattern rules' "@lemma" tests: the lemma, its regular
/// inflections made by spelling rules, and its irregular ones from `english/irregular-forms.tsv`
/// (WordNet's exception lists).
///
/// The rules generate rather than analyse, so they may over-generate ("stopped" and "stoped" for
/// "stop"): a form no one writes never matches, while a missed form would hide a calque.
public struct Inflections: Sendable {
    private let irregular: [String: [String]]

    static let path = "english/irregular-forms.tsv"
    private static let built = StoreFact<Inflections>()

    public static func of(_ store: DictionaryStore) throws -> Inflections {
        try store.derived(built) { try Inflections(text: store.text(path)) }
    }

    /// Reads the rows straight from the text: two fields of a generated file, split once, with no
    /// table built (the file's header and format are checked with every other table's by
    /// `DictionaryStore.validateAll`).
    init(text: String) {
        var irregular: [String: [String]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", maxSplits: 2)
            guard fields.count >= 2 else { continue }
            irregular[String(fields[0])] = fields[1].split(separator: " ").map(String.init)
        }
        self.irregular = irregular
    }

    /// The lemma and every form of it, lower case.
    public func forms(of lemma: String) -> [String] {
        let lemma = lemma.lowercased()
        var forms = [lemma] + Self.regularForms(of: lemma) + (irregular[lemma] ?? [])
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
            forms += [lemma + "d", lemma.count <= 3 ? lemma + "ing" : stem + "ing"]
            if lemma.hasSuffix("ee") || lemma.hasSuffix("ye") || lemma.hasSuffix("oe") { forms.append(lemma + "ing") }
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
