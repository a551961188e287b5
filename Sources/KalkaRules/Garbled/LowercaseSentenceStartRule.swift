import KalkaKnowledge
import KalkaModel
import KalkaText

/// GAR001: a sentence that starts in lower case right after a full stop ("… the drills. which,
/// as the General Staff said …"): a clause cut loose from the sentence it belonged to.
public struct LowercaseSentenceStartRule: Rule {
    public static let description = RuleDescription(
        code: "GAR001",
        name: "lowercase-sentence-start",
        category: .garbledClause,
        severity: .warning,
        summary: "A sentence that starts with a lowercase word right after a full stop, as in “the drills. which, as…”.",
        rationale: """
            Russian and Ukrainian run long sentences on with participial and relative clauses; a \
            translation pipeline that splits or joins them badly leaves a stop before “which”, \
            “and” or “that” and a clause with no sentence of its own, or a stop where words were \
            lost. English never starts a sentence in lower case. A word that links clauses (“which”, \
            “and”, “because”, “after”) starting a sentence is such a cut-loose clause and a warning; \
            any other lowercase start (“the minister says…”) may as well be a capital lost in editing, \
            and is reported at info. Abbreviations (“approx.”, “etc.”, “p.m.”, initials), ellipses, \
            brand names such as “iPhone”, and list items stay quiet.
            """,
        triggering: [
            "Up to 30,000 servicemen may take part in the drills. ⟦which⟧, as the General Staff stresses, will be the largest.",
            "The talks ended late on Friday! ⟦and⟧ the ministers left without a statement.",
            "The ministers met in Riga on\nThursday. ⟦which⟧ had been agreed in advance.",
            "The convoy left at dawn. ⟦the⟧ minister says it will return on Friday.",
        ],
        nonTriggering: [
            "The talks lasted approx. two hours, the ministry said.",
            "The deed was signed in Racine, Wis. in the spring of 1910.",
            "Officials met at 5 p.m. local time in Kyiv.",
            "Trains, trucks, fuel tanks etc. were seen near the border.",
            "The company sold the devices. iPhone sales fell sharply in Kyiv.",
            "He paused... and then went on with the briefing.",
            "The ministry said so. 2,000 people have left the city.",
            "- to hold the next meeting in Riga. to expand the exchange",
            "The talks ended. The ministers left without a statement.",
            "He cited J. Smith and the report by Smith et al. in the paper.",
            "The agenda covers sanctions. a) first the oil embargo; b) then the banks.",
        ]
    )

    /// Abbreviations that a lowercase word may follow ("approx. two hours"), case-insensitive.
    private let abbreviations = WordSet([
        "etc", "vs", "approx", "incl", "excl", "esp", "ca", "cf", "viz", "al", "fig", "figs", "no", "nos",
        "vol", "vols", "pp", "ed", "eds", "ibid", "resp", "min", "max", "sec", "hr", "hrs", "km", "kg", "mln",
        "bn", "bln", "mlrd", "thous", "sq", "ft", "gen", "col", "lt", "sgt", "capt", "maj", "cmdr", "adm",
        "dr", "mr", "mrs", "ms", "prof", "jr", "sr", "st", "mt", "inc", "ltd", "corp", "co", "dept", "gov",
        "sen", "rep", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "art", "para", "sect", "ch", "tel", "ext", "est", "pop", "govt", "univ", "op", "cit", "rub", "uah",
        // US state abbreviations of the AP style ("Racine, Wis. in 1910").
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md",
        "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "va", "vt",
        "wash", "wis", "wyo",
    ])

    /// Words that open a clause belonging to another sentence: relative pronouns, conjunctions
    /// and the prepositions and participles a split leaves in front.
    private let clauseLinks = WordSet([
        "which", "who", "whom", "whose", "that", "where", "when", "while", "whereas", "and", "but", "or", "nor",
        "as", "because", "since", "although", "though", "if", "unless", "until", "so", "yet", "after", "before",
        "including", "according", "despite", "whether", "than", "with", "without", "by", "from", "to", "of", "in",
        "on", "at", "for", "during", "among", "between", "through", "under", "also", "then", "thus", "therefore",
    ])

    public init(dictionaries: DictionaryStore) throws {}

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        // The stops are marks: visited from the document's marks (`TokenKindIndex`), in step
        // with the paragraphs.
        let marks = TokenKindIndex.of(analysis).marks
        var nextMark = 0
        for paragraph in analysis.paragraphs.indices {
            let range = analysis.tokenRange(ofParagraph: paragraph)
            if isListOrMarked(analysis, range) { continue }
            while nextMark < marks.count && Int(marks[nextMark]) <= range.lowerBound { nextMark += 1 }
            while nextMark < marks.count && Int(marks[nextMark]) + 2 < range.upperBound {
                let index = Int(marks[nextMark])
                nextMark += 1
                let stop = tokens[index]
                guard analysis.isSentenceStop(stop), tokens[index + 1].kind == .space,
                      !tokens[index + 1].isParagraphBreak else { continue }
                let word = tokens[index + 2]
                guard word.kind == .word, word.shape == .lower, word.script == .latin else { continue }
                // "e. g.", "a. m.": a one-letter word followed by a stop is an abbreviation too, and
                // "a)" a list label.
                if word.length == 1, index + 3 < tokens.count,
                   analysis.isCharacter(tokens[index + 3], 0x2E) || analysis.isCharacter(tokens[index + 3], 0x29) { continue }
                let before = tokens[index - 1]
                switch before.kind {
                case .word:
                    if before.length == 1 || abbreviations.contains(before) || analysis.containsFullStop(before) { continue }
                case .number:
                    break
                case .punctuation:
                    // After a closing bracket or quote: "(in 2021). which"; never after "..".
                    guard analysis.isClosingMark(before), !analysis.isCharacter(before, 0x27) else { continue }
                default:
                    continue
                }
                if clauseLinks.contains(word) {
                    findings.report(word.range, "Sentence starts mid-clause: “\(analysis.excerpt(from: index + 2, words: 3))”")
                } else {
                    findings.report(word.range, "Sentence starts in lower case: “\(analysis.excerpt(from: index + 2, words: 3))” — a clause cut loose, or a capital lost",
                                    severity: .info)
                }
            }
        }
    }

    /// A list item or other marked line: the paragraph opens with a bullet or dash, or with a
    /// number followed by "." or ")".
    private func isListOrMarked(_ analysis: Analysis, _ range: Range<Int>) -> Bool {
        let first = analysis.tokens[range.lowerBound]
        switch first.kind {
        case .word: return false
        case .number:
            let next = range.lowerBound + 1
            guard next < range.upperBound else { return true }
            return analysis.isCharacter(analysis.tokens[next], 0x2E) || analysis.isCharacter(analysis.tokens[next], 0x29)
        case .punctuation:
            return !analysis.isOpeningMark(first)
        default:
            return true
        }
    }
}
