import KalkaText

/// The names a text gives as a territorial community's: "the Bilopilska community", "Lozova
/// and Zolochiv communities", "the communities of Lebedyn, Myropillia and Trostianets". A name is
/// a capitalized Latin word, or several joined by hyphens (Seredyno-Budska); one qualifier may
/// stand between it and the noun ("Bilopilska territorial community").
package enum CommunityNames {
    /// The tokens of each name (first...last word), in document order, each once.
    package static func of(_ analysis: Analysis) -> [ClosedRange<Int>] {
        let occurrences = WordIndex.of(analysis).occurrences(ofAny: nouns)
        guard !occurrences.isEmpty else { return [] }
        var names: [ClosedRange<Int>] = []
        for noun in occurrences {
            let isPlural = plural.contains(analysis.tokens[noun].foldedHash)
            names += before(noun, plural: isPlural, in: analysis)
            names += after(noun, plural: isPlural, in: analysis)
        }
        var seen = Set<Int>()
        return names.sorted { $0.lowerBound < $1.lowerBound }.filter { seen.insert($0.lowerBound).inserted }
    }

    private static let singular: Set<UInt64> = Set(["community", "hromada"].map(FoldedHash.of))
    private static let plural: Set<UInt64> = Set(["communities", "hromadas"].map(FoldedHash.of))
    private static let nouns = singular.union(plural)
    /// Words that may stand between a name and its noun.
    private static let qualifiers: Set<UInt64> = Set(["territorial", "urban", "rural", "settlement", "village", "city", "united"].map(FoldedHash.of))
    private static let comma = FoldedHash.of(","), and = FoldedHash.of("and"), of = FoldedHash.of("of"), hyphen = FoldedHash.of("-")

    /// The names before the noun: one, or a list ("A, B and C communities") before a plural.
    private static func before(_ noun: Int, plural: Bool, in analysis: Analysis) -> [ClosedRange<Int>] {
        let tokens = analysis.tokens
        guard var last = analysis.previousNonSpace(before: noun) else { return [] }
        if qualifiers.contains(tokens[last].foldedHash), let previous = analysis.previousNonSpace(before: last) { last = previous }
        var names: [ClosedRange<Int>] = []
        while let name = name(endingAt: last, in: analysis) {
            names.append(name)
            // The list goes on through a comma, "and", or both ("A, B, and C").
            guard plural, let joint = analysis.previousNonSpace(before: name.lowerBound),
                  tokens[joint].foldedHash == comma || tokens[joint].foldedHash == and,
                  var previous = analysis.previousNonSpace(before: joint) else { break }
            if tokens[joint].foldedHash == and && tokens[previous].foldedHash == comma {
                guard let earlier = analysis.previousNonSpace(before: previous) else { break }
                previous = earlier
            }
            last = previous
        }
        return names
    }

    /// The names after "of": "the community of A", "the communities of A, B and C".
    private static func after(_ noun: Int, plural: Bool, in analysis: Analysis) -> [ClosedRange<Int>] {
        let tokens = analysis.tokens
        guard let ofToken = analysis.nextNonSpace(after: noun), tokens[ofToken].foldedHash == of,
              var first = analysis.nextNonSpace(after: ofToken) else { return [] }
        var names: [ClosedRange<Int>] = []
        while let name = name(startingAt: first, in: analysis) {
            names.append(name)
            guard plural, var joint = analysis.nextNonSpace(after: name.upperBound),
                  tokens[joint].foldedHash == comma || tokens[joint].foldedHash == and else { break }
            if tokens[joint].foldedHash == comma, let next = analysis.nextNonSpace(after: joint), tokens[next].foldedHash == and { joint = next }
            guard let next = analysis.nextNonSpace(after: joint) else { break }
            first = next
        }
        return names
    }

    /// The name whose last word is `last`: it and the words hyphens join to it. Nil where a
    /// capitalized word stands before it (the last word of a name of several, "Novyi Rozdil"),
    /// unless that word opens the sentence and is one of `openers` ("The").
    private static func name(endingAt last: Int, in analysis: Analysis) -> ClosedRange<Int>? {
        let tokens = analysis.tokens
        guard isNameWord(tokens[last]), analysis.possessiveBase(of: tokens[last]) == nil else { return nil }
        var first = last
        while first >= 2 && tokens[first - 1].foldedHash == hyphen && tokens[first - 1].kind == .punctuation && isNameWord(tokens[first - 2]) {
            first -= 2
        }
        if first >= 2, tokens[first - 1].kind == .space, isNameWord(tokens[first - 2]) {
            let opensSentence = analysis.sentence(containingToken: first - 2).map { analysis.sentences[$0].tokens.lowerBound == first - 2 } ?? false
            guard opensSentence && openers.contains(tokens[first - 2].foldedHash) else { return nil }
        }
        return first...last
    }

    /// The name whose first word is `first`; nil where a capitalized word follows it (the first
    /// word of a name of several).
    private static func name(startingAt first: Int, in analysis: Analysis) -> ClosedRange<Int>? {
        let tokens = analysis.tokens
        guard isNameWord(tokens[first]) else { return nil }
        var last = first
        while last + 2 < tokens.count && tokens[last + 1].foldedHash == hyphen && tokens[last + 1].kind == .punctuation && isNameWord(tokens[last + 2]) {
            last += 2
        }
        if last + 2 < tokens.count, tokens[last + 1].kind == .space, isNameWord(tokens[last + 2]) { return nil }
        return analysis.possessiveBase(of: tokens[last]) == nil ? first...last : nil
    }

    /// Capitalized words that open a sentence before a name without being part of it.
    private static let openers: Set<UInt64> = Set(["the", "a", "an", "in", "on", "at", "for", "from", "with", "by", "near", "and", "but", "both", "all"]
        .map(FoldedHash.of))

    private static func isNameWord(_ token: Token) -> Bool {
        token.kind == .word && token.script == .latin && token.shape == .title
    }
}
