import KalkaText

/// Which side of the border a sentence puts a name on: the nearest national marker around it —
/// a word ("Ukrainian", "Ukraine’s", "Russian", "Kremlin") or a known name from the dictionary
/// (a Ukrainian place, a Russian official) — decides. Shared by the rules that need to know
/// whether an unknown name is Ukrainian.
package struct NationalContext {
    private let names: NameDictionary
    private let ukrainianMarkers = WordSet(["Ukrainian", "Ukraine", "Ukrainians"])
    private let otherMarkers = WordSet(["Russian", "Russia", "Russians", "Belarusian", "Belarus", "Belarusians", "Kremlin", "Soviet", "Muscovites"])

    package init(names: NameDictionary) { self.names = names }

    private static let knownNameTokens = DocumentFact<[Int: Bool]>()

    /// Tokens covered by a known name, and whether that name is Ukrainian (once per document).
    package func knownNames(in analysis: Analysis) -> [Int: Bool] {
        analysis.fact(Self.knownNameTokens) {
            var covered: [Int: Bool] = [:]
            for match in names.matches(in: analysis) {
                guard let entry = names.forms[match.phrase].entry else { continue }
                for index in match.tokens { covered[index] = names.entries[entry].isUkrainian }
            }
            // A curated Ukrainian in a mix of forms ("Denis Shmyhal") is a known name too, where
            // the sentence (by the dictionary's names) does not put it in Russia or Belarus, and,
            // with only the given name in another form, where it puts it in Ukraine.
            let dictionaryNames = covered
            for name in names.mixedNames(in: analysis) {
                guard let sentence = analysis.sentence(containingToken: name.given) else { continue }
                let side = side(analysis, around: name.given...name.surname, in: analysis.sentences[sentence].tokens, known: dictionaryNames)
                guard side != false, name.surnameIsVariant || side == true else { continue }
                for index in name.given...name.surname { covered[index] = true }
            }
            return covered
        }
    }

    /// Looks outward from `name`, word by word within the sentence, for the nearest marker; no
    /// marker at all means "not shown to be Ukrainian".
    package func isUkrainian(_ analysis: Analysis, around name: ClosedRange<Int>, in sentence: Range<Int>, known: [Int: Bool]) -> Bool {
        side(analysis, around: name, in: sentence, known: known) == true
    }

    private static let ukraineOnlyDocuments = DocumentFact<Bool>()

    /// Whether the document names Ukraine, or Ukrainian places or people, at least twice and
    /// never Russia, Belarus, their peoples or a place or person the dictionary knows that is not
    /// Ukrainian (an article about one Ukrainian town, not one about the war, which names both).
    /// A name of several words counts once. Once per document.
    package func namesOnlyUkraine(_ analysis: Analysis) -> Bool {
        analysis.fact(Self.ukraineOnlyDocuments) {
            let known = knownNames(in: analysis)
            var ukrainian = 0
            for index in analysis.tokens.indices {
                switch marker(analysis, index, known: known) {
                case true?:
                    // The tokens of one known name (spaces and hyphens included) are marked
                    // alike: count its first only.
                    if index == 0 || known[index - 1] == nil { ukrainian += 1 }
                case false?: return false
                case nil: break
                }
            }
            return ukrainian >= 2
        }
    }

    private func marker(_ analysis: Analysis, _ index: Int, known: [Int: Bool]) -> Bool? {
        let token = analysis.tokens[index]
        guard token.kind == .word else { return nil }
        if let side = known[index] { return side }
        let hash = analysis.possessiveBase(of: token)?.hash ?? token.foldedHash
        if ukrainianMarkers.containsHash(hash) { return true }
        if otherMarkers.containsHash(hash) { return false }
        return nil
    }

    /// The mentions of the names spelled `spellings` (folded hashes, usually of surnames) as a
    /// capitalized or all-capitals word, a possessive too ("Hryhorenko's"), outside the known
    /// names and not where the sentence's nearest marker is Russia or Belarus: each mention's
    /// token, the spelling it writes, and its range without the possessive ending. Found from
    /// the word index: no pass over the document's words.
    package func mentions(of spellings: [UInt64], in analysis: Analysis, known: [Int: Bool]) -> [(token: Int, spelling: UInt64, range: Range<Int>)] {
        guard !spellings.isEmpty else { return [] }
        // The word index keys whole tokens: "Hryhorenko's" is the base's hash run on over the ending.
        let possessives = spellings.flatMap { base in ["'s", "’s"].map { ending in
            ending.utf8.reduce(base) { hash, byte in (hash ^ UInt64(byte)) &* FoldedHash.prime }
        } }
        var found: [(token: Int, spelling: UInt64, range: Range<Int>)] = []
        for index in WordIndex.of(analysis).occurrences(ofAny: spellings + possessives) where known[index] == nil {
            let token = analysis.tokens[index]
            let base = analysis.possessiveBase(of: token)
            guard token.shape == .title || token.shape == .upper, let sentence = analysis.sentence(containingToken: index),
                  side(analysis, around: index...index, in: analysis.sentences[sentence].tokens, known: known) != false else { continue }
            found.append((index, base?.hash ?? token.foldedHash, Int(token.start)..<(Int(token.end) - (base?.suffixLength ?? 0))))
        }
        return found
    }

    /// The side the nearest marker around `name` puts it on: true for Ukraine, false for Russia
    /// or Belarus, nil without a marker in the sentence.
    package func side(_ analysis: Analysis, around name: ClosedRange<Int>, in sentence: Range<Int>, known: [Int: Bool]) -> Bool? {
        func marker(_ index: Int) -> Bool? { self.marker(analysis, index, known: known) }
        var before = name.lowerBound - 1, after = name.upperBound + 1
        while before >= sentence.lowerBound || after < sentence.upperBound {
            if before >= sentence.lowerBound, let side = marker(before) { return side }
            if after < sentence.upperBound, let side = marker(after) { return side }
            before -= 1
            after += 1
        }
        return nil
    }
}
