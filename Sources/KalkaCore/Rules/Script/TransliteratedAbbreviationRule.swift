/// UNT002: a Ukrainian or Russian abbreviation left in Latin letters ("OVA" for ОВА, "VLK" for
/// ВЛК, "ZOSH" for ЗОШ), from Dictionaries/abbreviations/transliterated.tsv, and any abbreviation
/// built like one (capitals with the digraphs of a romanization: "TsVK", "MChS").
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
            abbreviations (SBU, NABU, ATO, DPR, TCC) are not listed. Letters that also spell an \
            English abbreviation are flagged only in the context the source gives them (“KP” before \
            a quoted company name, “ODA” after a place). Capitals mixed with the digraphs of a \
            romanization (“TsVK”, “MChS”) are flagged even when unlisted. An abbreviation the \
            article defines (“the military medical commission (VLK)”) is left alone throughout.
            """,
        fixApplicability: .unsafe,
        fixSafety: "The replacement is the English name the abbreviation stands for, but the sentence may need an article or a different word order around it.",
        triggering: [
            "Shelling damaged a school, the Odesa ⟦OVA⟧ reported.",
            "Men who skip the ⟦VLK⟧ face fines, the ⟦ZSU⟧ warned.",
            "Fares set by ⟦KP⟧ “Misktrans” rose; the ⟦LNR⟧ was not mentioned.",
            "The ⟦TsVK⟧ set the date; the ⟦OTCC and SP⟧ disagreed.",
        ],
        nonTriggering: [
            "Shelling damaged a school, the Odesa regional military administration reported.",
            "The SBU and NABU opened a case; the ATO zone was quiet.",
            "The UOC-KP and the Kyiv Post (KP) reported it; the plant needs a 200 MVA transformer.",
            "Donors pledged more ODA. The military medical commission (VLK) met; the VLK ruled him fit.",
            "Her PhD on ChatGPT won a prize at the OVD-Info meeting.",
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

    /// A finding of the rule, shared with UNT001 (a document that keeps source abbreviations was
    /// translated unfinished).
    struct Hit: Sendable {
        var range: Range<Int>
        /// The table entry, or nil for an unlisted abbreviation built like a transliterated one.
        var entry: Int?
    }

    private let table: PhraseTable
    private let severities: [Severity]
    private let english: [String]
    private let contexts: [Context]
    /// The capitals each entry must be written with (the positions of its uppercase letters).
    private let capitals: [[Int]]

    public init(dictionaries: DictionaryStore) throws {
        table = try PhraseTable.of(dictionaries, "abbreviations/transliterated.tsv")
        severities = try table.severities()
        english = try table.required("english")
        var contexts: [Context] = []
        for entry in table.entries {
            guard let context = Context(rawValue: entry["context"]) else {
                throw DictionaryError(path: table.path, line: entry.row.line, message: "context must be any, before-name or after-place, not '\(entry["context"])'")
            }
            contexts.append(context)
        }
        self.contexts = contexts
        capitals = table.entries.map { entry in
            Self.letters(entry.phrase).enumerated().compactMap { $0.element.properties.isUppercase ? $0.offset : nil }
        }
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        for hit in hits(in: analysis) {
            let written = analysis.text(of: hit.range)
            guard let index = hit.entry else {
                findings.report(hit.range, "“\(written)” reads as a Ukrainian or Russian abbreviation in Latin letters: write the English name")
                continue
            }
            let entry = table.entries[index]
            let replacement = english[index]
            let note = entry["note"].isEmpty ? "" : "; \(entry["note"])"
            findings.report(hit.range, "“\(written)” is the \(Self.language(entry["language"])) abbreviation \(entry["original"]) (\(entry["meaning"])) in Latin letters: write “\(replacement)”\(note)",
                            fixTitle: "Replace with “\(replacement)”", edits: [ProseEdit(hit.range, replacement)],
                            severity: severities[index])
        }
    }

    /// Every transliterated abbreviation of the document, found once and shared.
    func hits(in analysis: Analysis) -> [Hit] {
        analysis.shared("TransliteratedAbbreviationRule.hits") { findHits(in: analysis) }
    }

    /// Whether the document has a transliterated abbreviation at warning or above.
    func hasWarning(in analysis: Analysis) -> Bool {
        hits(in: analysis).contains { $0.entry.map { severities[$0] >= .warning } ?? true }
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
        var hits: [Hit] = []
        var covered = Set<Int>()
        for match in table.matcher.matches(in: analysis) {
            for index in match.tokens { covered.insert(index) }
            guard hasCapitals(match.range, capitals[match.phrase], analysis),
                  !isPartOfLongerName(match, analysis),
                  fitsContext(contexts[match.phrase], match, analysis) else { continue }
            hits.append(Hit(range: match.range, entry: match.phrase))
        }
        for (index, token) in tokens.enumerated() where token.kind == .word && token.shape == .mixed && !covered.contains(index) {
            guard Self.isRomanizedInitialism(token, analysis),
                  !isPartOfLongerName(PhraseMatcher.Match(tokens: index...index, range: token.range, phrase: -1), analysis) else { continue }
            hits.append(Hit(range: token.range, entry: nil))
        }
        guard !hits.isEmpty else { return [] }
        let defined = definedAbbreviations(in: analysis)
        return hits.filter { hit in
            // The first word of the match ("OTCC" of "OTCC and SP").
            var end = hit.range.lowerBound
            while end < hit.range.upperBound, analysis.byteAt(end) != 0x20 { end += 1 }
            let hash = analysis.prose.withUnsafeBufferPointer { FoldedHash.of(utf8: UnsafeBufferPointer(rebasing: $0[hit.range.lowerBound..<end])) }
            return !defined.contains(hash)
        }.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Every uppercase letter of the entry is uppercase where it was written ("OVA", not "Ova";
    /// "Minfin", not "minfin"); a lowercase letter of the entry may be written either way.
    private func hasCapitals(_ range: Range<Int>, _ positions: [Int], _ analysis: Analysis) -> Bool {
        guard !positions.isEmpty else { return true }
        let letters = Self.letters(analysis.text(of: range))
        return positions.allSatisfy { $0 < letters.count && letters[$0].properties.isUppercase }
    }

    /// The letters of a text, without the spaces and marks between them.
    private static func letters(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { $0.properties.isAlphabetic }
    }

    /// Part of a compound name or code rather than an abbreviation of its own: joined by a
    /// hyphen to letters ("UOC-KP", "OVD-Info"), followed by a hyphen and a figure (a model
    /// designation such as "ZSU-23-4"), or inside an address, handle or file name ("kp.ua").
    private func isPartOfLongerName(_ match: PhraseMatcher.Match, _ analysis: Analysis) -> Bool {
        let before = analysis.byteAt(match.range.lowerBound - 1)
        let after = analysis.byteAt(match.range.upperBound)
        let joiners: Set<UInt8> = [0x2E, 0x2F, 0x40, 0x5F, 0x5C, 0x23] // . / @ _ \ #
        if joiners.contains(after) && Self.isAlphanumeric(analysis.byteAt(match.range.upperBound + 1)) { return true }
        if joiners.contains(before) && Self.isAlphanumeric(analysis.byteAt(match.range.lowerBound - 2)) { return true }
        if before == 0x2D && Self.isAlphanumeric(analysis.byteAt(match.range.lowerBound - 2)) { return true }
        if after == 0x2D && Self.isAlphanumeric(analysis.byteAt(match.range.upperBound + 1)) { return true }
        return false
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    private func fitsContext(_ context: Context, _ match: PhraseMatcher.Match, _ analysis: Analysis) -> Bool {
        let tokens = analysis.tokens
        switch context {
        case .any:
            return true
        case .beforeName:
            // KP “Kyivteploenergo”, KP Kyivteploenergo, KNP "City Hospital No. 3".
            guard let next = analysis.nextNonSpace(after: match.tokens.upperBound) else { return false }
            let token = tokens[next]
            if token.kind == .word { return token.shape == .title || token.shape == .upper || token.shape == .mixed }
            guard token.kind == .punctuation, Self.isOpeningQuote(analysis.text(of: token)),
                  let word = analysis.nextNonSpace(after: next) else { return false }
            return tokens[word].kind == .word || tokens[word].kind == .number
        case .afterPlace:
            // Lviv ODA, the Kryvyi Rih MVA: a capitalized word that does not start the sentence.
            guard let previous = analysis.previousNonSpace(before: match.tokens.lowerBound) else { return false }
            let token = tokens[previous]
            guard token.kind == .word, token.script == .latin, token.shape == .title else { return false }
            guard let before = analysis.previousNonSpace(before: previous) else { return false }
            let text = analysis.text(of: tokens[before])
            return tokens[before].kind == .word || tokens[before].kind == .number || text == "," || text == "-" || text == "’" || text == "'"
        }
    }

    private static func isOpeningQuote(_ text: String) -> Bool {
        ["\"", "“", "«", "„", "'", "‘", "‹"].contains(text)
    }

    /// The abbreviations the document defines: a single capitalized word in parentheses right
    /// after two or more Latin words ("the military medical commission (VLK)"), or one followed by
    /// a parenthesis of English words ("VLK (the military medical commission)"). Such an
    /// abbreviation is introduced on purpose, and readable wherever it recurs.
    private func definedAbbreviations(in analysis: Analysis) -> Set<UInt64> {
        let tokens = analysis.tokens
        var defined = Set<UInt64>()
        for (index, token) in tokens.enumerated() where token.kind == .word && (token.shape == .upper || token.shape == .mixed) {
            if let open = analysis.previousNonSpace(before: index), analysis.byte(at: Int(tokens[open].start), is: "("),
               let close = analysis.nextNonSpace(after: index), analysis.byte(at: Int(tokens[close].start), is: ")"),
               let word = latinWord(before: open, analysis), let word2 = analysis.previousNonSpace(before: word),
               tokens[word2].kind == .word, tokens[word2].script == .latin {
                defined.insert(token.foldedHash)
                continue
            }
            if let open = analysis.nextNonSpace(after: index), analysis.byte(at: Int(tokens[open].start), is: "(") {
                var lowercaseWords = 0
                var probe = open
                while let next = analysis.nextNonSpace(after: probe), !analysis.byte(at: Int(tokens[next].start), is: ")") {
                    if tokens[next].kind == .word && tokens[next].script == .latin && tokens[next].shape == .lower { lowercaseWords += 1 }
                    if tokens[next].kind == .word && tokens[next].script != .latin { lowercaseWords = -100 }
                    probe = next
                }
                if lowercaseWords >= 2 { defined.insert(token.foldedHash) }
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
    /// Sh, Shch), at least three letters' worth with one digraph: "TsVK" (ЦВК), "MChS" (МЧС),
    /// "ZhKH" (ЖКХ). English abbreviations mix case otherwise ("PhD", "McD", "ChatGPT").
    static func isRomanizedInitialism(_ token: Token, _ analysis: Analysis) -> Bool {
        let prose = analysis.prose
        var index = Int(token.start)
        let end = Int(token.end)
        var units = 0, digraphs = 0
        while index < end {
            let byte = prose[index]
            guard byte >= 0x41 && byte <= 0x5A else { return false }
            let next = index + 1 < end ? prose[index + 1] : 0
            if next == 0x68, [0x5A, 0x4B, 0x43].contains(byte) { // Zh Kh Ch
                digraphs += 1
                index += 2
            } else if byte == 0x53, next == 0x68 { // Sh, Shch
                digraphs += 1
                index += 2
                if index + 1 < end, prose[index] == 0x63, prose[index + 1] == 0x68 { index += 2 }
            } else if byte == 0x54, next == 0x73 { // Ts
                digraphs += 1
                index += 2
            } else {
                index += 1
            }
            units += 1
        }
        return digraphs >= 1 && units >= 3 && units > digraphs
    }
}
