import KalkaKnowledge
import KalkaModel
import KalkaText

/// NAM003: one name spelled several ways in the same document (Zelensky, Zelenskyy, Zelenskiy).
public struct InconsistentNameSpellingRule: Rule {
    public static let description = RuleDescription(
        code: "NAM003",
        name: "inconsistent-name-spelling",
        category: .nameSpelling,
        severity: .warning,
        summary: "The same name spelled several ways in one document: “Zelensky” and “Zelenskyy”, “Oleksiy” and “Oleksii”.",
        rationale: """
            MT output mixes romanizations from sentence to sentence, and readers take two spellings \
            for two people. Names from the dictionary are grouped by entry (its accepted alternatives \
            count as one name); other capitalized names by a key that ignores romanization choices \
            (y/i/j, kh/h, g/h, ye/e, doubled letters, diacritics). The house-style spelling wins when \
            the document uses it, otherwise the most frequent one, otherwise the first; the others are \
            flagged. Capitalized words count as a name only if one of the spellings appears mid-sentence, \
            and not when one spelling is an English word (“Belarusian” beside “Belarussian”). Two \
            spellings the dictionary accepts for one place (Zaporizhzhia and Zaporizhia) are a matter \
            of house style rather than translation: reported at info.
            """,
        fixApplicability: .unsafe,
        fixSafety: "Unifying spellings is right when both refer to one person; check that they do.",
        triggering: [
            "Volodymyr Zelenskyy spoke first. Later ⟦Zelensky⟧ met the press.",
            "Adviser Oleksii Hryshchuk spoke. ⟦Oleksiy⟧ Hryshchuk left early, and Oleksii Hryshchuk returned.",
        ],
        nonTriggering: [
            "Volodymyr Zelenskyy spoke first. Later Zelenskyy met the press.",
            "Kyiv and Kharkiv were shelled; Kyiv’s mayor spoke.",
            "Sergei Lavrov spoke to Serhii Kyslytsya at the UN.",
            "Belarusian exiles met in Vilnius; Belarussian cities will name streets after him.",
        ],
        fixes: [
            FixExample("Zelenskyy spoke. Later Zelensky left.", "Zelenskyy spoke. Later Zelenskyy left."),
        ]
    )

    private let names: NameDictionary
    private let lexicon: SentenceOddity

    public init(dictionaries: DictionaryStore) throws {
        names = try NameDictionary.of(dictionaries)
        lexicon = try SentenceOddity.shared(dictionaries)
    }

    /// One spelling of a name in the document, with where it occurs.
    private struct Spelling {
        /// Its folded hash: spellings differing only in case are one.
        var hash: UInt64
        var group: Int
        /// Where it first occurs: its text is made only if it is reported.
        var firstRange: Range<Int>
        /// How many times it occurs (its ranges are in `Grouping.occurrences`).
        var count = 0
        var midSentence = false
        /// The group's next spelling, in the order first seen, or -1.
        var nextInGroup = -1
        /// Whether the word was looked up in the English lexicon (a word's spelling: its hash).
        var checkedEnglish = false
        var first: Int { firstRange.lowerBound }
    }

    /// One name: its spellings are chained through `Spelling.nextInGroup`.
    private struct Group {
        var firstSpelling = -1
        var lastSpelling = -1
        var hasSeveralSpellings: Bool { firstSpelling != lastSpelling }
        /// It holds an English word ("Belarusian"): a variant spelling of a word, not a name.
        var hasEnglishWord = false
    }

    /// The document's spellings in the order first seen, grouped by name. A plain value with
    /// mutating methods: the token loop updates it in place. A group has a spelling or two, so
    /// a spelling is found by walking its group's chain rather than by a table of its own.
    private struct Grouping {
        var spellings: [Spelling] = []
        /// Every occurrence, in order: one list for the document rather than one per spelling
        /// (most spellings are never reported, and their lists would only grow).
        var occurrences: [(spelling: Int, range: Range<Int>)] = []
        var groups: [Group] = []
        /// By the hash of a name's spelling-insensitive key (`NameKey.hash`).
        var groupOfNameKey = HashKeyedTable(capacity: 256)
        var groupOfEntry: [Int: Int] = [:]

        /// The group of the name spelled by the bytes `range` of the prose.
        mutating func nameGroup(_ range: Range<Int>, _ prose: [UInt8]) -> Int {
            let key = prose.withUnsafeBufferPointer { NameKey.hash(utf8: UnsafeBufferPointer(rebasing: $0[range])) }
            if let index = groupOfNameKey[key] { return index }
            groups.append(Group())
            groupOfNameKey[key] = groups.count - 1
            return groups.count - 1
        }

        /// The group of a dictionary entry.
        mutating func entryGroup(_ entry: Int) -> Int {
            if let index = groupOfEntry[entry] { return index }
            groups.append(Group())
            groupOfEntry[entry] = groups.count - 1
            return groups.count - 1
        }

        /// The spellings of a group, in the order first seen.
        func members(of group: Int) -> [Int] {
            var members: [Int] = []
            var spelling = groups[group].firstSpelling
            while spelling >= 0 {
                members.append(spelling)
                spelling = spellings[spelling].nextInGroup
            }
            return members
        }

        /// Adds an occurrence of the spelling `hash` of `group`; returns the spelling.
        mutating func add(_ hash: UInt64, _ range: Range<Int>, midSentence: Bool, to group: Int) -> Int {
            var index = groups[group].firstSpelling
            while index >= 0 && spellings[index].hash != hash { index = spellings[index].nextInGroup }
            if index < 0 {
                index = spellings.count
                spellings.append(Spelling(hash: hash, group: group, firstRange: range))
                if groups[group].lastSpelling >= 0 {
                    spellings[groups[group].lastSpelling].nextInGroup = index
                } else {
                    groups[group].firstSpelling = index
                }
                groups[group].lastSpelling = index
            }
            addOccurrence(of: index, range, midSentence: midSentence)
            return index
        }

        mutating func addOccurrence(of spelling: Int, _ range: Range<Int>, midSentence: Bool) {
            spellings[spelling].count += 1
            occurrences.append((spelling, range))
            if midSentence { spellings[spelling].midSentence = true }
        }
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        var grouping = Grouping()
        var preferred: [Int: UInt64] = [:]   // group → the house-style spelling's hash
        // Groups of a dictionary entry's accepted spellings: mixing them is a house-style matter.
        var accepted = Set<Int>()
        let prose = analysis.prose
        // Token ranges of the dictionary names, merged and in order.
        var covered: [ClosedRange<Int>] = []
        // A canonical surname's hash is the same for every match of its entry.
        var canonicalSurnameHash: [Int: UInt64?] = [:]
        // Dictionary names: the correct forms of a place form a group; a person's surname joins
        // the group of its key, so "Zelensky" alone meets "Volodymyr Zelenskyy".
        for match in names.matches(in: analysis) {
            covered.append(match.tokens)
            let form = names.forms[match.phrase]
            guard let index = form.entry, form.role == .canonical || form.role == .alternative else { continue }
            if names.entries[index].kind == .person {
                let surname = Int(analysis.tokens[match.tokens.upperBound].start)..<match.range.upperBound
                let target = grouping.nameGroup(surname, prose)
                let canonical: UInt64?
                if let known = canonicalSurnameHash[index] {
                    canonical = known
                } else {
                    // Split on bytes, not characters: this runs for each person a document names.
                    canonical = names.entries[index].canonical.utf8.split(separator: 0x20).last.map { FoldedHash.of(Substring($0)) }
                    canonicalSurnameHash[index] = canonical
                }
                if let canonical { preferred[target] = canonical }
                _ = grouping.add(Self.hash(surname, prose), surname, midSentence: true, to: target)
            } else {
                let target = grouping.entryGroup(index)
                preferred[target] = FoldedHash.of(names.entries[index].canonical)
                accepted.insert(target)
                _ = grouping.add(Self.hash(match.range, prose), match.range, midSentence: true, to: target)
            }
        }
        covered = Self.merged(covered)
        // Other names: capitalized Latin words grouped by their spelling-insensitive key, computed
        // once per distinct word (names repeat; a key costs a few string passes). Both the names
        // and the sentence starts are walked in step with the tokens.
        var spellingOfWord = HashKeyedTable(capacity: 256)
        var nextCovered = 0, nextSentence = 0
        let sentences = analysis.sentences, tokens = analysis.tokens
        // The capitalized Latin words first, in one tight pass over the tokens: few are.
        let capitalized: [Int32] = tokens.withUnsafeBufferPointer { tokens in
            var found: [Int32] = []
            for index in tokens.indices {
                let token = tokens[index]
                if token.length >= 4, token.kind == .word, token.shape == .title, token.script == .latin { found.append(Int32(index)) }
            }
            return found
        }
        for candidate in capitalized {
            let index = Int(candidate)
            let token = tokens[index]
            while nextCovered < covered.count && covered[nextCovered].upperBound < index { nextCovered += 1 }
            if nextCovered < covered.count && covered[nextCovered].contains(index) { continue }
            while nextSentence < sentences.count && sentences[nextSentence].tokens.lowerBound < index { nextSentence += 1 }
            let midSentence = !(nextSentence < sentences.count && sentences[nextSentence].tokens.lowerBound == index)
            var range = token.range
            var hash = token.foldedHash
            if let base = analysis.possessiveBase(of: token) {
                range = range.lowerBound..<(range.upperBound - base.suffixLength)
                hash = base.hash
            }
            let spelling: Int
            if let known = spellingOfWord[hash] {
                spelling = known
                grouping.addOccurrence(of: spelling, range, midSentence: midSentence)
            } else {
                spelling = grouping.add(hash, range, midSentence: midSentence, to: grouping.nameGroup(range, prose))
                spellingOfWord[hash] = spelling
            }
            // Whether the word is English depends on its hash alone: asked once per word.
            if range == token.range && !grouping.spellings[spelling].checkedEnglish {
                if let word = lexicon.lexicalClass(token), word.label != "X" { grouping.groups[grouping.spellings[spelling].group].hasEnglishWord = true }
                grouping.spellings[spelling].checkedEnglish = true
            }
        }
        let spellings = grouping.spellings
        // Names only: a capitalized word seen only at sentence starts may be a common word.
        let reported = grouping.groups.indices.map { index in
            let group = grouping.groups[index]
            return group.hasSeveralSpellings && !group.hasEnglishWord && grouping.members(of: index).contains(where: { spellings[$0].midSentence })
        }
        // The ranges of the spellings of reported groups, in order.
        var rangesOf: [Int: [Range<Int>]] = [:]
        for (spelling, range) in grouping.occurrences where reported[spellings[spelling].group] {
            rangesOf[spelling, default: []].append(range)
        }
        for index in grouping.groups.indices where reported[index] {
            let members = grouping.members(of: index)
            let severity: Severity? = accepted.contains(index) ? .info : nil
            let ranked = members.sorted { (spellings[$0].count, -spellings[$0].first) > (spellings[$1].count, -spellings[$1].first) }
            let keep = preferred[index].flatMap { hash in members.first { spellings[$0].hash == hash } } ?? ranked[0]
            let keepText = analysis.text(of: spellings[keep].firstRange)
            for member in members.sorted(by: { spellings[$0].first < spellings[$1].first }) where member != keep {
                let text = analysis.text(of: spellings[member].firstRange)
                for range in rangesOf[member] ?? [] {
                    findings.report(range, "“\(text)” is also spelled “\(keepText)” in this document",
                                    fixTitle: "Replace with “\(keepText)”", edits: [ProseEdit(range, keepText)], severity: severity)
                }
            }
        }
    }

    private static func hash(_ range: Range<Int>, _ prose: [UInt8]) -> UInt64 {
        prose.withUnsafeBufferPointer { FoldedHash.of(utf8: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The ranges with overlaps merged, in order: the tokens covered by any of them.
    private static func merged(_ ranges: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        var merged: [ClosedRange<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}
