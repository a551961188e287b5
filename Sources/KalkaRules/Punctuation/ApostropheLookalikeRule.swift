import KalkaKnowledge
import KalkaModel
import KalkaText

/// PUN011: a character that looks like an apostrophe used as one in an English word: the
/// backtick (Ukraine`s), the acute accent (don´t), the prime (Kyiv′s), the opening quote ‘
/// (Ukraine‘s) and the Ukrainian apostrophe U+02BC (city hallʼs).
///
/// Every one is reported only in an English possessive or contraction (ʼs, ʼt, ʼre, ʼve, ʼll, ʼd,
/// ʼm at the end of a word, and sʼ before a space for all but the backtick and ‘), or after an
/// Irish or French O or D before a capital (O`Brien): between other letters the mark is a
/// letter of its own, the Hawaiian ʻokina (Hawai‘i, O‘ahu), the Arabic ʿayn (Shi‘ite) or the
/// Ukrainian apostrophe of transliterations (Obʼiednannia), or a soft sign (Tver′).
public struct ApostropheLookalikeRule: Rule {
    public static let description = RuleDescription(
        code: "PUN011",
        name: "apostrophe-lookalike",
        category: .punctuation,
        severity: .warning,
        summary: "A backtick, acute accent, prime, opening quote ‘ or the Ukrainian apostrophe U+02BC used as an English apostrophe, as in “Ukraine`s” or “city hallʼs”.",
        rationale: """
            Ukrainian keyboards put the apostrophe at U+02BC (ʼ), and Russian and Ukrainian \
            layouts leave the backtick or the acute accent where an English writer finds the \
            apostrophe; translated copy keeps them: “the cityʼs mayor”, “Ukraine`s army”, \
            “don´t”; a content system's “smart quotes” turn the apostrophe into an opening \
            quote (“Ukraine‘s”). They look almost right but break search, spell-checking and name matching \
            (“Kyivʼs” is not “Kyiv’s”), and some fonts show them as accents. Only English \
            possessives and contractions are reported: inside a word the same marks are letters \
            of their own (the ʻokina of “Hawai‘i”, the ʿayn of “Shi‘ite”, U+02BC in a \
            transliterated Ukrainian word).
            """,
        fixApplicability: .safe,
        fixSafety: """
            The mark becomes the document's apostrophe (’, or ' where the house style or the \
            document uses straight ones); the letters stay as they are.
            """,
        triggering: [
            "The city hall⟦ʼ⟧s budget was cut.",
            "The mayor said he didn⟦´⟧t know.",
            "Kyiv⟦′⟧s defenders held the line.",
            "The ministers⟦´⟧ meeting was postponed.",
            "The city⟦‘⟧s mayor did not comment.",
            "The army advanced.\nUkraine⟦`⟧s allies agreed.",
            "Detective O⟦`⟧Brien said they⟦`⟧re close.",
        ],
        nonTriggering: [
            "The city hall’s budget was cut.",
            "The mayor didn't know.",
            "The Obʼiednannia party met in Kyiv.",
            "He is 5′10″ tall.",
            "Ukrainian spells it пʼять.",
            "Type `ls` to list the files.",
            "He called it ‘the deal’ and left.",
            "Flights to Hawai‘i and O‘ahu resumed.",
            "Shi‘ite clerics met in Najaf.",
            "The river Ob′ and the city of Tver′ froze.",
        ],
        fixes: [
            FixExample("The city hallʼs budget and Ukraine`s allies.", "The city hall’s budget and Ukraine’s allies."),
            FixExample("The mayor didn't know what the council´s plan was.", "The mayor didn't know what the council's plan was."),
        ]
    )

    private let houseQuotes: QuoteStyle?

    public init(dictionaries: DictionaryStore) throws {
        houseQuotes = dictionaries.typography.quotes
    }

    private enum Lookalike {
        case backtick, acute, prime, leftQuote, modifier

        var name: String {
            switch self {
            case .backtick: "backtick `"
            case .acute: "acute accent ´"
            case .prime: "prime ′"
            case .leftQuote: "opening quotation mark ‘"
            case .modifier: "Ukrainian apostrophe ʼ (U+02BC)"
            }
        }
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let prose = analysis.prose
        var found: [(Range<Int>, Lookalike)] = []
        // Every lookalike but the backtick is non-ASCII: visit those offsets and the backticks,
        // not every byte.
        var candidates: [Int] = []
        analysis.forEachOffset(ofASCII: 0x60) { candidates.append($0) }
        for offset in analysis.nonASCIIOffsets {
            let lead = prose[Int(offset)]
            if lead == 0xC2 || lead == 0xCA || lead == 0xE2 { candidates.append(Int(offset)) }
        }
        candidates.sort()
        for offset in candidates {
            let kind: Lookalike?
            let width: Int
            switch prose[offset] {
            case 0x60: (kind, width) = (.backtick, 1)
            case 0xC2 where analysis.byteAt(offset + 1) == 0xB4: (kind, width) = (.acute, 2)
            case 0xCA where analysis.byteAt(offset + 1) == 0xBC: (kind, width) = (.modifier, 2)
            case 0xE2 where analysis.byteAt(offset + 1) == 0x80 && analysis.byteAt(offset + 2) == 0xB2: (kind, width) = (.prime, 3)
            case 0xE2 where analysis.byteAt(offset + 1) == 0x80 && analysis.byteAt(offset + 2) == 0x98: (kind, width) = (.leftQuote, 3)
            default: (kind, width) = (nil, 1)
            }
            if let kind, isApostrophe(kind, at: offset, width: width, analysis) {
                found.append((offset..<(offset + width), kind))
            }
        }
        guard !found.isEmpty else { return }
        let apostrophe = apostrophe(analysis)
        for (range, kind) in found {
            findings.report(range, "The \(kind.name) used as an apostrophe",
                            fixTitle: "Use the apostrophe \(apostrophe)", edits: [ProseEdit(range, apostrophe)])
        }
    }

    private func isLatinLetter(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar, scalar.properties.isAlphabetic else { return false }
        return scalar.value < 0x250 || (0x1E00...0x1EFF).contains(scalar.value)
    }

    private func isApostrophe(_ kind: Lookalike, at offset: Int, width: Int, _ analysis: Analysis) -> Bool {
        let before = analysis.scalar(before: offset)
        guard isLatinLetter(before) else { return false }
        let after = analysis.scalar(at: offset + width)
        let pluralPossessive = (before == "s" || before == "S") && !isLatinLetter(after) && !TypographyClass.isDigit(after)
            && TypographyClass.isBlank(after)
        if isEnglishEnding(after: offset + width, analysis) || isNamePrefix(before: offset, after: after, analysis) { return true }
        switch kind {
        case .backtick, .leftQuote: return false
        case .acute, .prime, .modifier: return pluralPossessive
        }
    }

    /// “O`Brien”, “D´Souza”: a lone capital O or D, then a capital.
    private func isNamePrefix(before offset: Int, after: Unicode.Scalar?, _ analysis: Analysis) -> Bool {
        guard let after, after.properties.isUppercase, isLatinLetter(after) else { return false }
        let letter = analysis.byteAt(offset - 1)
        guard letter == 0x4F || letter == 0x44 else { return false }
        return !isLatinLetter(analysis.scalar(before: offset - 1))
    }

    /// s, t, re, ve, ll, d or m, then the end of the word.
    private func isEnglishEnding(after offset: Int, _ analysis: Analysis) -> Bool {
        var end = offset
        while end < analysis.prose.count, end - offset < 3, analysis.prose[end] | 0x20 >= 0x61, analysis.prose[end] | 0x20 <= 0x7A { end += 1 }
        guard end > offset, !isLatinLetter(analysis.scalar(at: end)) else { return false }
        switch String(decoding: analysis.prose[offset..<end], as: UTF8.self).lowercased() {
        case "s", "t", "re", "ve", "ll", "d", "m": return true
        default: return false
        }
    }

    /// The house style's apostrophe, else the one the document uses most between letters.
    private func apostrophe(_ analysis: Analysis) -> String {
        switch houseQuotes {
        case .straight: return "'"
        case .curly: return "’"
        case nil: break
        }
        let prose = analysis.prose
        var straight = 0, curly = 0
        analysis.forEachOffset(ofASCII: 0x27) { offset in
            if offset >= 1, offset + 3 < prose.count, isLatinLetter(analysis.scalar(before: offset)), isLatinLetter(analysis.scalar(at: offset + 1)) {
                straight += 1
            }
        }
        for offset in analysis.nonASCIIOffsets.lazy.map(Int.init) where offset >= 1 && offset + 3 < prose.count {
            if prose[offset] == 0xE2, prose[offset + 1] == 0x80, prose[offset + 2] == 0x99,
               isLatinLetter(analysis.scalar(before: offset)), isLatinLetter(analysis.scalar(at: offset + 3)) {
                curly += 1
            }
        }
        return straight > curly ? "'" : "’"
    }
}
