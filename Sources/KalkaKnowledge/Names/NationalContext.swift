import KalkaText

/// Which side of the border a sentence puts a name on: the nearest national marker around it —
/// a word ("Ukrainian", "Ukraine’s", "Russian", "Kremlin") or a known name from the dictionary
/// (a Ukrainian place, a Russian official) — decides. Shared by the rules that need to know
/// whether an unknown name is Ukrainian.
package struct NationalContext {
    private let names: NameDictionary
    private let ukrainianMarkers = WordSet(["Ukrainian", "Ukraine", "Ukrainians"])
    private let otherMarkers = WordSet(["Russian", "Russia", "Russians", "Belarusian", "Belarus", "Kremlin", "Soviet"])

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
            return covered
        }
    }

    /// Looks outward from `name`, word by word within the sentence, for the nearest marker; no
    /// marker at all means "not shown to be Ukrainian".
    package func isUkrainian(_ analysis: Analysis, around name: ClosedRange<Int>, in sentence: Range<Int>, known: [Int: Bool]) -> Bool {
        side(analysis, around: name, in: sentence, known: known) == true
    }

    private static let documentSides = DocumentFact<Bool?>()

    /// The side the whole document takes when a sentence has no marker: Ukraine when it names
    /// Ukraine or Ukrainian places or people at least twice and never Russia, Belarus or theirs
    /// (an article about one Ukrainian town); otherwise nil, as a document about the war names
    /// both. Once per document.
    package func documentSide(_ analysis: Analysis, known: [Int: Bool]) -> Bool? {
        analysis.fact(Self.documentSides) {
            var ukrainian = 0
            for (index, token) in analysis.tokens.enumerated() where token.kind == .word {
                switch marker(analysis, index, known: known) {
                case true?: ukrainian += 1
                case false?: return nil
                case nil: break
                }
            }
            return ukrainian >= 2 ? true : nil
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
