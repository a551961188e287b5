import KalkaText

/// The curated Ukrainians of the name dictionary, each name split into its given name and its
/// surname, each part in its correct forms and its Russian-based ones: MT mixes them, and no
/// list of whole names holds every mix ("Denis Shmyhal", "Serhii Kislitsa", "Alexei
/// Reznikov").
///
/// A part's Russian-based forms are the first (or last) words of the entry's variants, the
/// Russian forms of the given name (Dictionaries/names/given-names.tsv: Maxim for Maksym), and a
/// surname's rendering with "ye" after a vowel written "e" (Korniyenko and Kornienko).
package struct PersonNameParts: Sendable {
    /// What a given name or surname (the key it is filed under: its folded hash) is of an entry:
    /// the entry, and whether the form is Russian-based (or English).
    package struct Form: Sendable, Equatable {
        package let entry: Int
        package let isVariant: Bool
        /// A given name translated into English (Andrew for Andrii).
        package var isEnglish = false
    }

    private let bySurname: [UInt64: [Form]]
    private let byGiven: [UInt64: [Form]]
    /// The keys of `byGiven`, looked up in a document's word index.
    private let givenHashes: [UInt64]
    /// The consonants of each entry's correct surnames (`LatinSpelling.consonants`): a surname
    /// half Russian ("Sirskyi" for Syrskyi) keeps them.
    private let bySurnameConsonants: [[UInt8]: [(entry: Int, correct: String)]]
    /// The hashes of those skeletons (`LatinSpelling.consonantsHash`): most words are ruled
    /// out by one probe.
    private let surnameSkeletons: HashSet64

    /// From the dictionary's entries, its Russian-form given names (Russian → Ukrainian) and the
    /// English names MT translates Ukrainian ones into (Ukrainian → English).
    init(entries: [NameEntry], givenNames: [String: String], englishGivenNames: [String: [String]]) {
        var russianGiven: [String: [String]] = [:]
        for (russian, ukrainian) in givenNames.sorted(by: { $0.key < $1.key }) { russianGiven[ukrainian, default: []].append(russian) }
        var bySurname: [UInt64: [Form]] = [:]
        var byGiven: [UInt64: [Form]] = [:]
        var bySurnameConsonants: [[UInt8]: [(entry: Int, correct: String)]] = [:]
        func add(_ word: Substring, _ form: Form, to table: inout [UInt64: [Form]]) {
            let hash = FoldedHash.of(word)
            if !(table[hash] ?? []).contains(where: { $0.entry == form.entry }) { table[hash, default: []].append(form) }
        }
        for (index, entry) in entries.enumerated() where entry.kind == .person && entry.isUkrainian {
            // Two words, one each: a name of more (or a hyphenated part) is matched whole or not at all.
            let correct = entry.correctForms.compactMap(Self.parts)
            guard !correct.isEmpty else { continue }
            // The correct parts first: a part both correct and Russian-based (Stepanov) is correct.
            for (given, surname) in correct {
                add(given, Form(entry: index, isVariant: false), to: &byGiven)
                add(surname, Form(entry: index, isVariant: false), to: &bySurname)
                bySurnameConsonants[LatinSpelling.consonants(surname.utf8), default: []].append((index, String(surname)))
                for russian in russianGiven[String(given)] ?? [] { add(Substring(russian), Form(entry: index, isVariant: true), to: &byGiven) }
                for english in englishGivenNames[String(given)] ?? [] {
                    add(Substring(english), Form(entry: index, isVariant: true, isEnglish: true), to: &byGiven)
                }
            }
            for (given, surname) in entry.variants.compactMap(Self.parts) {
                add(given, Form(entry: index, isVariant: true), to: &byGiven)
                add(surname, Form(entry: index, isVariant: true), to: &bySurname)
                add(Substring(Self.withoutYeAfterVowel(surname)), Form(entry: index, isVariant: true), to: &bySurname)
            }
        }
        self.bySurname = bySurname
        self.byGiven = byGiven
        givenHashes = byGiven.keys.sorted()
        self.bySurnameConsonants = bySurnameConsonants
        surnameSkeletons = HashSet64(bySurnameConsonants.values.flatMap { $0.map { owner in
            Array(owner.correct.utf8).withUnsafeBufferPointer { LatinSpelling.consonantsHash($0).hash }
        } })
    }

    /// A curated Ukrainian's name written as no list of whole names holds: the given name's and
    /// the surname's tokens, the entry, and which parts are Russian-based (at least one is).
    package struct MixedName: Sendable {
        package let given: Int
        package let surname: Int
        package let entry: Int
        package let givenIsVariant: Bool
        package let surnameIsVariant: Bool
        /// Found by the surname's consonants: a spelling no list holds, half Russian or distorted.
        package var byConsonants = false
        /// The given name translated into English (Andrew for Andrii).
        package var givenIsEnglish = false
    }

    private static let documentNames = DocumentFact<[MixedName]>()

    /// The document's given names and surnames side by side (one space between, both
    /// capitalized) that are forms of one entry's parts, at least one Russian-based (or a
    /// surname with the consonants of the entry's), outside the dictionary's whole names
    /// (`covered`: their tokens), in document order. Once per document.
    package func mixedNames(in analysis: Analysis, covered: (Int) -> Bool) -> [MixedName] {
        analysis.fact(Self.documentNames) {
            let tokens = analysis.tokens
            // Every mix starts with one of the people's given names: their occurrences, from the
            // word index (a probe per given name, no pass over the document's tokens).
            var found: [MixedName] = []
            let index = WordIndex.of(analysis)
            // The keys are distinct: no set to build first, as `occurrences(ofAny:)` would.
            let givens = givenHashes.flatMap { index.occurrences(of: $0) }.sorted()
            for givenToken in givens where givenToken + 2 < tokens.count && tokens[givenToken].shape == .title {
                let surnameToken = givenToken + 2
                let surname = tokens[surnameToken]
                guard tokens[givenToken + 1].kind == .space, tokens[givenToken + 1].length == 1,
                      surname.kind == .word, surname.shape == .title, !covered(givenToken), !covered(surnameToken),
                      let givenForms = byGiven[tokens[givenToken].foldedHash] else { continue }
                // A possessive ("Shmyhal's") is its base.
                let possessive = analysis.possessiveBase(of: surname)
                if let forms = bySurname[possessive?.hash ?? surname.foldedHash] {
                    for form in forms {
                        guard let given = givenForms.first(where: { $0.entry == form.entry }), given.isVariant || form.isVariant else { continue }
                        found.append(MixedName(given: givenToken, surname: surnameToken, entry: form.entry,
                                               givenIsVariant: given.isVariant, surnameIsVariant: form.isVariant, givenIsEnglish: given.isEnglish))
                        break
                    }
                    continue
                }
                // A surname half Russian, which no list holds ("Oleksandr Sirskyi"): with the
                // consonants of the person's surname, and not one of the spellings English
                // accepts (Syrsky, wire copy's g for h).
                guard surname.script == .latin else { continue }
                let written = analysis.prose[Int(surname.start)..<(Int(surname.end) - (possessive?.suffixLength ?? 0))]
                guard let owners = bySurnameConsonants[LatinSpelling.consonants(written)] else { continue }
                for owner in owners {
                    guard let given = givenForms.first(where: { $0.entry == owner.entry }),
                          !owners.contains(where: { $0.entry == owner.entry && LatinSpelling.isAccepted(written, for: $0.correct.utf8) }) else { continue }
                    found.append(MixedName(given: givenToken, surname: surnameToken, entry: owner.entry,
                                           givenIsVariant: given.isVariant, surnameIsVariant: true, byConsonants: true,
                                           givenIsEnglish: given.isEnglish))
                    break
                }
            }
            return found
        }
    }

    /// The curated person whose surname `written` distorts, where no list holds the spelling
    /// ("Sienkovych" for Sienkevych, "Zhyvitsky" for Zhyvytskyi): the same consonants (g read
    /// as h) and first letter, at least `distortedSurnameConsonants` of them, vowels that differ
    /// only as Russian and Ukrainian ones do (a and u kept: not Babchenko for Boichenko), and
    /// not a spelling English accepts (Syrsky, wire copy's g for h). Nil if none fits, or
    /// several people do. The correct surname given is one that fits.
    package func distortedSurname(_ written: UnsafeBufferPointer<UInt8>) -> (entry: Int, correct: String)? {
        // Concrete bytes, not `some Collection`: called from the rules' module, a generic body
        // ran unspecialised (about 30,000 instructions a word).
        guard let first = written.first else { return nil }
        let skeleton = LatinSpelling.consonants(written)
        guard skeleton.count >= Self.distortedSurnameConsonants, let owners = bySurnameConsonants[skeleton] else { return nil }
        func initial(_ byte: UInt8) -> UInt8 { let lower = byte | 0x20; return lower == UInt8(ascii: "g") ? UInt8(ascii: "h") : lower }
        let vowels = LatinSpelling.vowelClasses(written)
        let fitting = owners.filter { owner in
            initial(owner.correct.utf8.first!) == initial(first) && LatinSpelling.vowelClasses(owner.correct.utf8) == vowels
        }
        guard let found = fitting.first, fitting.allSatisfy({ $0.entry == found.entry }),
              !fitting.contains(where: { LatinSpelling.isAccepted(written, for: $0.correct.utf8) }) else { return nil }
        return found
    }

    /// Whether `written` has the consonants of some person's surname, by one probe of their
    /// hashes: the quick test before `distortedSurname`, which most words fail.
    @inline(__always)
    package func mayBeDistortedSurname(_ written: UnsafeBufferPointer<UInt8>) -> Bool {
        let quick = LatinSpelling.consonantsHash(written)
        return quick.count >= Self.distortedSurnameConsonants && surnameSkeletons.contains(quick.hash)
    }

    /// Shorter skeletons are shared by too many words and names.
    static let distortedSurnameConsonants = 4

    /// A name of two words: its given name and surname. Split on bytes: splitting on characters
    /// was most of building the parts.
    private static func parts(_ name: String) -> (Substring, Substring)? {
        let words = name.utf8.split(separator: 0x20)
        guard words.count == 2, !words[1].contains(UInt8(ascii: "-")) else { return nil }
        return (Substring(words[0]), Substring(words[1]))
    }

    /// "ye" after a vowel as "e": the spelling MT often gives a Russian "е" there (Kornienko).
    package static func withoutYeAfterVowel(_ word: Substring) -> String {
        var bytes = Array(word.utf8)
        var index = 1
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "y") && bytes[index + 1] == UInt8(ascii: "e") && "aeiouAEIOU".utf8.contains(bytes[index - 1]) {
                bytes.remove(at: index)
            }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
