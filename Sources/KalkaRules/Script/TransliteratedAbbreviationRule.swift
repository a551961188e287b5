import KalkaKnowledge
import KalkaModel
import KalkaText

/// UNT002: a Ukrainian or Russian abbreviation left in Latin letters ("OVA" for ОВА, "VLK" for
/// ВЛК, "ZOSH" for ЗОШ), from Dictionaries/abbreviations/transliterated.tsv, and, as a hint, any
/// abbreviation built like one (capitals with the digraphs of a romanization: "MChS").
public struct TransliteratedAbbreviationRule: Rule {
    public static let description = RuleDescription(
        code: "UNT002",
        name: "transliterated-abbreviation",
        category: .untranslated,
        severity: .warning,
        summary: "A Ukrainian or Russian abbreviation left in Latin letters, which an English reader cannot decode: “OVA”, “VLK”, “ZSU”, “LNR”.",
        rationale: """
            Machine translation turns an abbreviation it does not know into its letters: ОВА \
            becomes “OVA”, ВЛК “VLK”, ЗОШ “ZOSH”, КП “KP”. The English reader gets an acronym that \
            exists in no English text. Dictionaries/abbreviations/transliterated.tsv lists each with \
            its English form, its Cyrillic original and what it stands for; established English \
            abbreviations (SBU, NABU, ATO, DPR, TCC) are not listed. An entry that mixes case \
            inside (“TrO”) matches only in that case. Letters that also spell an English \
            abbreviation are flagged only in the context the source gives them — “KP” or “DP” \
            before a quoted name or one that is no English word (not “DP World”, nor “AT” in a \
            headline in capitals), “ODA” right after a place of the names dictionary (not \
            “Japanese ODA”) — or, where no context tells them apart (DTP, FOP, SVO, MVD), at info. \
            Capitals mixed with the digraphs of a romanization after the first letter (“MChS”) are \
            a hint (info) when unlisted; a city's initial alone (“KhNU”, “ChNPP”) is an established \
            Latin form. An abbreviation the article defines (“the military medical commission \
            (VLK)”, “Support (TCC and SP)”), introduces (“known as VLK”) or quotes (“VLK”) is left \
            alone throughout. A listed abbreviation at warning is a strong sign of translation.
            """,
        fixApplicability: .unsafe,
        fixSafety: "The replacement is the English name the abbreviation stands for, but the sentence may need an article or a different word order around it.",
        triggering: [
            "Shelling damaged a school, the Odesa ⟦OVA⟧ reported.",
            "Men who skip the ⟦VLK⟧ face fines, the ⟦ZSU⟧ warned.",
            "Fares set by ⟦KP⟧ “Misktrans” rose; the ⟦LNR⟧ was not mentioned.",
            "The ⟦TsVK⟧ set the date; the ⟦OTCC and SP⟧ disagreed.",
            "Heating bills from ⟦KP⟧ Teplovyk rose, the Lviv ⟦ODA⟧ said.",
        ],
        nonTriggering: [
            "Shelling damaged a school, the Odesa regional military administration reported.",
            "The SBU and NABU opened a case; the ATO zone was quiet.",
            "The UOC-KP and the Kyiv Post (KP) reported it; the plant needs a 200 MVA transformer.",
            "Donors pledged more ODA. The military medical commission (VLK) met; the VLK ruled him fit.",
            "Her PhD on ChatGPT won a prize at the OVD-Info meeting.",
            "A judge issued a TRO; DP World signed a deal; Japanese ODA funded the KhNU lab.",
            "RUSSIAN STRIKE AT KYIV KILLS THREE",
            "The Territorial Recruitment Center and Social Support (TCC and SP) said the TCC and SP would open.",
        ],
        fixes: [
            FixExample("Power returned, the Odesa OVA said.", "Power returned, the Odesa regional military administration said."),
            FixExample("Recruits wait weeks for the VLK.", "Recruits wait weeks for the military medical commission."),
        ],
        signalsTranslation: .strong
    )

    enum Context: String, Sendable {
        case any
        case beforeName = "before-name"
        case afterPlace = "after-place"
    }

    /// A finding of the rule.
    struct Hit: Sendable {
        var range: Range<Int>
        /// The table entry, or nil for an unlisted abbreviation built like a transliterated one.
        var entry: Int?
    }

    private let table: PhraseTable
    private let severities: [Severity]
    private let english: [String]
    private let contexts: [Context]
    /// The letters of each entry (ASCII), and whether they must be written in exactly that case:
    /// an entry that mixes case inside ("TrO", "TsVK") is no abbreviation written otherwise
    /// ("TRO" is a restraining order). Otherwise its capitals must be capitals ("OVA", not "Ova";
    /// "Minfin", not "minfin") and its lowercase letters may be written either way.
    private let letters: [[UInt8]]
    private let exactCase: [Bool]
    /// English words: a name after a before-name entry is no English word ("DP World").
    private let englishWords: WordSet
    /// Places, for after-place entries ("Lviv ODA", not "Japanese ODA").
    private let names: NameDictionary?

    public init(dictionaries: DictionaryStore) throws {
        table = try PhraseTable.of(dictionaries, "abbreviations/transliterated.tsv")
        severities = try table.severities()
        english = try table.required("english")
        var contexts: [Context] = []
        for entry in table.entries {
            guard let context = Context(rawValue: entry["context"]) else {
                throw DictionaryError(path: table.path, line: entry.row.line, message: "context must be any, before-name or after-place, not '\(entry["context"])'")
            }
            guard entry.phrase.utf8.allSatisfy({ $0 < 0x80 }) else {
                throw DictionaryError(path: table.path, line: entry.row.line, message: "the abbreviation must be written in Latin letters")
            }
            contexts.append(context)
        }
        self.contexts = contexts
        letters = table.entries.map { entry in entry.phrase.utf8.filter(\.isASCIILetter) }
        // A capital after a lowercase letter: "TrO", "TsVK", "MChS".
        exactCase = letters.map { letters in zip(letters, letters.dropFirst()).contains { $0.0.isASCIILowercase && $0.1.isASCIIUppercase } }
        englishWords = try dictionaries.englishWords()
        names = try? NameDictionary.of(dictionaries)
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        for hit in hits(in: analysis) {
            let written = analysis.text(of: hit.range)
            guard let index = hit.entry else {
                // Built like a romanized abbreviation but unlisted: a hint, and no evidence.
                findings.report(hit.range, "“\(written)” reads as a Ukrainian or Russian abbreviation in Latin letters: write the English name",
                                severity: .info, signal: TranslationSignal.none)
                continue
            }
            let entry = table.entries[index]
            let replacement = english[index]
            let note = entry["note"].isEmpty ? "" : "; \(entry["note"])"
            // An entry that also spells an English abbreviation is listed at info: no evidence.
            let signal: TranslationSignal = severities[index] >= .warning ? .strong : .none
            findings.report(hit.range, "“\(written)” is the \(Self.language(entry["language"])) abbreviation \(entry["original"]) (\(entry["meaning"])) in Latin letters: write “\(replacement)”\(note)",
                            fixTitle: "Replace with “\(replacement)”", edits: [ProseEdit(hit.range, replacement)],
                            severity: severities[index], signal: signal)
        }
    }

    private static let documentHits = DocumentFact<[Hit]>()

    /// Every transliterated abbreviation of the document, found once and shared.
    func hits(in analysis: Analysis) -> [Hit] {
        analysis.fact(Self.documentHits) { findHits(in: analysis) }
    }

    private static func language(_ code: String) -> String {
        switch code {
        case "uk": "Ukrainian"
        case "ru": "Russian"
        default: "Ukrainian and Russian"
        }
    }

    private func findHits(in analysis: Analysis) -> [Hit] {
        let tokens = analysis.tokens
        var mask = AddressMask()
        var hits: [Hit] = []
        var covered = Set<Int>()
        for match in table.matcher.matches(in: analysis) {
            for index in match.tokens { covered.insert(index) }
            guard isWritten(match.range, match.phrase, analysis),
                  !mask.covers(match.range.lowerBound, in: analysis),
                  !isPartOfLongerName(match, analysis),
                  fitsContext(contexts[match.phrase], match, analysis) else { continue }
            hits.append(Hit(range: match.range, entry: match.phrase))
        }
        for (index, token) in tokens.enumerated() where token.kind == .word && token.shape == .mixed && !covered.contains(index) {
            guard Self.isRomanizedInitialism(token, analysis), !mask.covers(Int(token.start), in: analysis),
                  !isPartOfLongerName(PhraseMatcher.Match(tokens: index...index, range: token.range, phrase: -1), analysis) else { continue }
            hits.append(Hit(range: token.range, entry: nil))
        }
        guard !hits.isEmpty else { return [] }
        // The first word of each match ("OTCC" of "OTCC and SP"): only these can be defined.
        let firstWords = hits.map { hit in
            var end = hit.range.lowerBound
            while end < hit.range.upperBound, analysis.byteAt(end) != 0x20 { end += 1 }
            return analysis.prose.withUnsafeBufferPointer { FoldedHash.of(utf8: UnsafeBufferPointer(rebasing: $0[hit.range.lowerBound..<end])) }
        }
        let defined = definedAbbreviations(in: analysis, among: firstWords)
        return zip(hits, firstWords).filter { !defined.contains($0.1) }.map(\.0).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }


    /// The match is written as the entry asks: in its exact case when the entry mixes case
    /// inside, otherwise with at least its capitals.
    private func isWritten(_ range: Range<Int>, _ entry: Int, _ analysis: Analysis) -> Bool {
        let expected = letters[entry]
        let exact = exactCase[entry]
        return analysis.prose.withUnsafeBufferPointer { prose in
            var position = 0
            for offset in range {
                let byte = prose[offset]
                guard byte.isASCIILetter else { continue }
                guard position < expected.count else { return false }
                let want = expected[position]
                if exact ? byte != want : (want.isASCIIUppercase && !byte.isASCIIUppercase) { return false }
                position += 1
            }
            return position == expected.count
        }
    }

    /// . / @ _ \ # between letters join a match to a longer name or address.
    private static let joiners: Set<UInt8> = [0x2E, 0x2F, 0x40, 0x5F, 0x5C, 0x23]

    /// Part of a compound name or code rather than an abbreviation of its own: joined by a
    /// hyphen to letters ("UOC-KP", "OVD-Info"), followed by a hyphen and a figure (a model
    /// designation such as "ZSU-23-4"), or inside an address, handle or file name ("kp.ua").
    private func isPartOfLongerName(_ match: PhraseMatcher.Match, _ analysis: Analysis) -> Bool {
        let before = analysis.byteAt(match.range.lowerBound - 1)
        let after = analysis.byteAt(match.range.upperBound)
        if Self.joiners.contains(after) && Self.isAlphanumeric(analysis.byteAt(match.range.upperBound + 1)) { return true }
        if Self.joiners.contains(before) && Self.isAlphanumeric(analysis.byteAt(match.range.lowerBound - 2)) { return true }
        if before == 0x2D && Self.isAlphanumeric(analysis.byteAt(match.range.lowerBound - 2)) { return true }
        if after == 0x2D && Self.isAlphanumeric(analysis.byteAt(match.range.upperBound + 1)) { return true }
        return false
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte.isASCIIAlphanumeric
    }

    private func fitsContext(_ context: Context, _ match: PhraseMatcher.Match, _ analysis: Analysis) -> Bool {
        let tokens = analysis.tokens
        switch context {
        case .any:
            return true
        case .beforeName:
            // KP “Kyivteploenergo”, KP Kyivteploenergo, KNP "City Hospital No. 3" — not "DP World",
            // "the AT Protocol", nor "AT" in a headline in capitals.
            if let previous = analysis.previousNonSpace(before: match.tokens.lowerBound), tokens[previous].kind == .word,
               tokens[previous].shape == .upper, tokens[previous].length > 1 { return false }
            guard let next = analysis.nextNonSpace(after: match.tokens.upperBound) else { return false }
            let token = tokens[next]
            if token.kind == .word {
                return (token.shape == .title || token.shape == .mixed) && !englishWords.contains(token)
            }
            guard token.kind == .punctuation, Self.isOpeningQuote(analysis.text(of: token)),
                  let word = analysis.nextNonSpace(after: next) else { return false }
            return tokens[word].kind == .word || tokens[word].kind == .number
        case .afterPlace:
            // Lviv ODA, the Kryvyi Rih MVA, Kharkov OGA: right after a place the names
            // dictionary knows (not "Japanese ODA", "Japan ODA").
            guard let names, let previous = analysis.previousNonSpace(before: match.tokens.lowerBound),
                  tokens[previous].kind == .word else { return false }
            return names.matches(in: analysis).contains { name in
                guard name.tokens.upperBound == previous, let entry = names.forms[name.phrase].entry else { return false }
                let kind = names.entries[entry].kind
                return kind == .settlement || kind == .region
            }
        }
    }

    private static func isOpeningQuote(_ text: String) -> Bool {
        ["\"", "“", "«", "„", "'", "‘", "‹"].contains(text)
    }

    /// Words in parentheses after an abbreviation that say what it is: not a remark such as
    /// "(which was created in 2022)" or "(see below)".
    private static let remarkWords = WordList([
        "which", "who", "that", "where", "when", "since", "see", "in", "on", "at", "from", "for", "with", "by", "until", "after",
        "before", "as", "is", "are", "was", "were", "has", "have", "had", "will", "would", "now", "then", "also", "photo", "video",
        "pictured", "left", "right", "above", "below", "archive", "file", "source", "updated", "including", "not",
    ])
    /// Words that introduce an abbreviation: "known as NAZK", "abbreviated VLK", "abbreviated as VLK".
    private static let introducers = WordList(["abbreviated", "abbreviation", "acronym", "initials"])
    private static let `as` = WordList(["as"])
    private static let namingVerbs = WordList(["known", "abbreviated", "referred", "called"])
    private static let referred = WordList(["referred"])
    private static let listJoiners = WordList(["and", "of", "the"])

    /// Lowercase words, looked up by a token's folded hash first: its text is made only to
    /// confirm a hit (for every token that lowercases to a listed word folds to it too).
    struct WordList: Sendable {
        let strings: Set<String>
        let hashes: WordSet

        init(_ words: Set<String>) {
            strings = words
            hashes = WordSet(words)
        }
    }

    /// The abbreviations the document defines or cites: one in parentheses right after two or
    /// more Latin words ("the military medical commission (VLK)", "Support (TCC and SP)"), one
    /// followed by a parenthesis of English words ("VLK (the military medical commission)"), one
    /// introduced ("known as VLK", "abbreviated VLK") or quoted on its own (“VLK”). Such an
    /// abbreviation is introduced on purpose, and readable wherever it recurs.
    ///
    /// Only the abbreviations among `candidates` (folded hashes) are looked at, through the
    /// document's word index: the others cannot matter, and the rest of the document is not read.
    private func definedAbbreviations(in analysis: Analysis, among candidates: [UInt64]) -> Set<UInt64> {
        let tokens = analysis.tokens
        var defined = Set<UInt64>()
        func text(_ index: Int) -> String { analysis.text(of: tokens[index]) }
        func isWord(_ index: Int?, _ words: WordList) -> Bool {
            guard let index, tokens[index].kind == .word, words.hashes.contains(tokens[index]) else { return false }
            return words.strings.contains(text(index).lowercased())
        }
        for index in WordIndex.of(analysis).occurrences(ofAny: candidates) {
            let token = tokens[index]
            guard token.kind == .word && (token.shape == .upper || token.shape == .mixed) else { continue }
            let before = analysis.previousNonSpace(before: index)
            // (VLK), (TCC and SP) after two Latin words.
            if let open = before, analysis.byte(at: Int(tokens[open].start), is: "("),
               let word = latinWord(before: open, analysis), let word2 = analysis.previousNonSpace(before: word),
               tokens[word2].kind == .word, tokens[word2].script == .latin {
                var probe = index
                for _ in 0..<8 {
                    guard let next = analysis.nextNonSpace(after: probe) else { break }
                    if analysis.byte(at: Int(tokens[next].start), is: ")") {
                        defined.insert(token.foldedHash)
                        break
                    }
                    let part = tokens[next]
                    let joins = part.kind == .punctuation || (part.kind == .word && (part.shape == .upper || part.shape == .mixed))
                        || isWord(next, Self.listJoiners)
                    guard joins else { break }
                    probe = next
                }
                if defined.contains(token.foldedHash) { continue }
            }
            // known as NAZK, referred to as NAZK, abbreviated (as) VLK, the acronym VLK.
            if let previous = before {
                if isWord(previous, Self.introducers) { defined.insert(token.foldedHash); continue }
                if isWord(previous, Self.as), let verb = analysis.previousNonSpace(before: previous),
                   isWord(verb, Self.namingVerbs) || isWord(analysis.previousNonSpace(before: verb), Self.referred) {
                    defined.insert(token.foldedHash)
                    continue
                }
            }
            // “VLK”: quoted on its own.
            if let open = before, tokens[open].kind == .punctuation, Self.isOpeningQuote(text(open)),
               let close = analysis.nextNonSpace(after: index), tokens[close].kind == .punctuation,
               CyrillicPlacement.isClosing(text(close)), text(close) != ")" {
                defined.insert(token.foldedHash)
                continue
            }
            // VLK (the military medical commission): a few English words, no remark.
            if let open = analysis.nextNonSpace(after: index), analysis.byte(at: Int(tokens[open].start), is: "(") {
                var lowercaseWords = 0, words = 0
                var probe = open
                var closed = false
                for _ in 0..<12 {
                    guard let next = analysis.nextNonSpace(after: probe) else { break }
                    if analysis.byte(at: Int(tokens[next].start), is: ")") {
                        closed = true
                        break
                    }
                    let part = tokens[next]
                    if part.kind == .number || (part.kind == .word && part.script != .latin) { break }
                    if part.kind == .word {
                        if isWord(next, Self.remarkWords) { break }
                        words += 1
                        if part.shape == .lower { lowercaseWords += 1 }
                    }
                    probe = next
                }
                if closed && lowercaseWords >= 2 && words <= 8 { defined.insert(token.foldedHash) }
            }
        }
        return defined
    }
    /// The Latin word before `index`, past a closing quotation mark ("the “Donetsk People's
    /// Republic” (DNR)").
    private func latinWord(before index: Int, _ analysis: Analysis) -> Int? {
        guard var word = analysis.previousNonSpace(before: index) else { return nil }
        let tokens = analysis.tokens
        if tokens[word].kind == .punctuation, CyrillicPlacement.isClosing(analysis.text(of: tokens[word])),
           let previous = analysis.previousNonSpace(before: word) {
            word = previous
        }
        return tokens[word].kind == .word && tokens[word].script == .latin ? word : nil
    }

    /// Capitals and the digraphs a romanization writes for one Cyrillic capital (Zh, Kh, Ts, Ch,
    /// Sh, Shch), at least three letters' worth with a digraph after the first letter: "MChS"
    /// (МЧС), "RKhBZ" (РХБЗ). English abbreviations mix case otherwise ("PhD", "McD", "ChatGPT"),
    /// and a digraph only at the start is mostly a city's initial in an established Latin form
    /// ("KhNU", "KhAI", "ChNPP", "TsUM").
    static func isRomanizedInitialism(_ token: Token, _ analysis: Analysis) -> Bool {
        let prose = analysis.prose
        var index = Int(token.start)
        let end = Int(token.end)
        var units = 0, digraphs = 0, laterDigraphs = 0
        while index < end {
            let byte = prose[index]
            guard byte.isASCIIUppercase else { return false }
            let next = index + 1 < end ? prose[index + 1] : 0
            var digraph = true
            if next == 0x68, [0x5A, 0x4B, 0x43].contains(byte) { // Zh Kh Ch
                index += 2
            } else if byte == 0x53, next == 0x68 { // Sh, Shch
                index += 2
                if index + 1 < end, prose[index] == 0x63, prose[index + 1] == 0x68 { index += 2 }
            } else if byte == 0x54, next == 0x73 { // Ts
                index += 2
            } else {
                digraph = false
                index += 1
            }
            if digraph {
                digraphs += 1
                if units > 0 { laterDigraphs += 1 }
            }
            units += 1
        }
        return laterDigraphs >= 1 && units >= 3 && units > digraphs
    }
}
