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
        var text: String
        var ranges: [Range<Int>] = []
        var midSentence = false
        var first: Int
    }

    /// The spellings of one name, by folded hash (spellings differing only in case are one).
    private typealias Group = [UInt64: Spelling]

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        // Groups by index: token hashes and keys map to an index once, so the per-token work
        // hashes integers, not strings.
        var groups: [Group] = []
        var groupOfKey: [String: Int] = [:]
        var preferred: [Int: UInt64] = [:]   // group → the house-style spelling's hash
        // Groups of a dictionary entry's accepted spellings: mixing them is a house-style matter.
        var accepted = Set<Int>()
        // Groups holding an English word ("Belarusian"): a variant spelling of a word, not a name.
        var english = Set<Int>()
        func group(_ key: String) -> Int {
            if let index = groupOfKey[key] { return index }
            groups.append([:])
            groupOfKey[key] = groups.count - 1
            return groups.count - 1
        }
        var covered = Set<Int>()
        // Dictionary names: the correct forms of a place form a group; a person's surname joins
        // the group of its key, so "Zelensky" alone meets "Volodymyr Zelenskyy".
        for match in names.matches(in: analysis) {
            for index in match.tokens { covered.insert(index) }
            let form = names.forms[match.phrase]
            guard let index = form.entry, form.role == .canonical || form.role == .alternative else { continue }
            let entry = names.entries[index]
            if entry.kind == .person {
                let surname = Int(analysis.tokens[match.tokens.upperBound].start)..<match.range.upperBound
                let text = analysis.text(of: surname)
                let target = group("name:" + NameKey.of(text))
                if let canonicalSurname = entry.canonical.split(separator: " ").last { preferred[target] = FoldedHash.of(canonicalSurname) }
                add(FoldedHash.of(text), surname, midSentence: true, to: &groups[target], analysis)
            } else {
                let target = group("entry:\(index)")
                preferred[target] = FoldedHash.of(entry.canonical)
                accepted.insert(target)
                add(FoldedHash.of(analysis.text(of: match.range)), match.range, midSentence: true, to: &groups[target], analysis)
            }
        }
        // Other names: capitalized Latin words grouped by their spelling-insensitive key, computed
        // once per distinct word (names repeat; a key costs a few string passes).
        let sentenceStarts = Set(analysis.sentences.map(\.tokens.lowerBound))
        var groupOfWord: [UInt64: Int] = [:]
        for (index, token) in analysis.tokens.enumerated()
        where token.kind == .word && token.shape == .title && token.script == .latin && token.length >= 4 && !covered.contains(index) {
            var range = token.range
            var hash = token.foldedHash
            if let base = analysis.possessiveBase(of: token) {
                range = range.lowerBound..<(range.upperBound - base.suffixLength)
                hash = base.hash
            }
            let target: Int
            if let known = groupOfWord[hash] {
                target = known
            } else {
                target = group("name:" + NameKey.of(analysis.text(of: range)))
                groupOfWord[hash] = target
            }
            add(hash, range, midSentence: !sentenceStarts.contains(index), to: &groups[target], analysis)
            if range == token.range, let word = lexicon.lexicalClass(token), word.label != "X" { english.insert(target) }
        }
        for (index, spellings) in groups.enumerated() where spellings.count > 1 {
            // Names only: a capitalized word seen only at sentence starts may be a common word.
            guard spellings.values.contains(where: \.midSentence), !english.contains(index) else { continue }
            let severity: Severity? = accepted.contains(index) ? .info : nil
            let ranked = spellings.sorted { ($0.value.ranges.count, -$0.value.first) > ($1.value.ranges.count, -$1.value.first) }
            let keepHash = preferred[index].flatMap { spellings[$0] != nil ? $0 : nil } ?? ranked[0].key
            let keep = spellings[keepHash]!
            for (hash, spelling) in spellings.sorted(by: { $0.value.first < $1.value.first }) where hash != keepHash {
                for range in spelling.ranges {
                    findings.report(range, "“\(spelling.text)” is also spelled “\(keep.text)” in this document",
                                    fixTitle: "Replace with “\(keep.text)”", edits: [ProseEdit(range, keep.text)], severity: severity)
                }
            }
        }
    }

    private func add(_ hash: UInt64, _ range: Range<Int>, midSentence: Bool, to group: inout Group, _ analysis: Analysis) {
        if group[hash] == nil { group[hash] = Spelling(text: analysis.text(of: range), first: range.lowerBound) }
        group[hash]!.ranges.append(range)
        if midSentence { group[hash]!.midSentence = true }
    }
}
