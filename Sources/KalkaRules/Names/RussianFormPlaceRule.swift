import KalkaKnowledge
import KalkaModel
import KalkaText

/// NAM005: a place the dictionaries do not know, named as a Ukrainian place but with a
/// Russian-form ending ("the village of Yaremov in Kharkiv Oblast" → Yaremiv).
public struct RussianFormPlaceRule: Rule {
    public static let description = RuleDescription(
        code: "NAM005",
        name: "russian-form-place",
        category: .nameSpelling,
        severity: .info,
        summary: "An unknown Ukrainian place with a Russian-form ending: “the village of Yaremov” in a Ukrainian oblast (Yaremiv).",
        rationale: """
            Ukrainian place names that end in -iv were -ov or -ev in Russian (Kharkiv/Kharkov, \
            Chernihiv/Chernigov), and Russian г is Ukrainian г = h. The dictionary knows the towns \
            that matter most; for the others this rule reads the sentence: a place noun (“the village \
            of X”, “X district”) whose nearest national marker is Ukrainian (“Ukrainian”, a Ukrainian \
            oblast or city), and an X ending in -ov or -ev. It only suggests the Ukrainian form: \
            villages share names, and only a map settles it. A place of Ukraine's gazetteer is \
            NAM001's, which knows its name.
            """,
        fixApplicability: .unsafe,
        fixSafety: "The -iv form is the regular Ukrainian one, but the place may be spelled otherwise: check a map or the KMU 2010 form of its Ukrainian name.",
        triggering: [
            "Shelling hit the village of ⟦Yaremov⟧ in Kharkiv Oblast overnight.",
            "Ukrainian forces held the town of ⟦Zorev⟧ near Bakhmut.",
        ],
        nonTriggering: [
            "Shelling hit the village of Yaremiv in Kharkiv Oblast overnight.",
            "Russian troops gathered in the Rostov region near the border.",
            "The Russian city of Saratov hosted the meeting.",
            "Mayor Ivanov of the village of Stepne spoke.",
        ],
        fixes: [
            FixExample("Shelling hit the village of Yaremov in Kharkiv Oblast.", "Shelling hit the village of Yaremiv in Kharkiv Oblast."),
        ],
        signalsTranslation: .weak
    )

    private let context: NationalContext
    private let placeNouns = ["village", "town", "city", "settlement", "hamlet"].map { FoldedHash.of($0) }
    private let of = FoldedHash.of("of")

    public init(dictionaries: DictionaryStore) throws {
        context = NationalContext(names: try NameDictionary.of(dictionaries))
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        let covered = context.knownNames(in: analysis)
        // A place the gazetteer knows is NAM001's (with its real name, not a guess).
        let gazetteerTokens = Set(Gazetteer.builtIn?.matches(in: analysis).flatMap { $0.tokens } ?? [])
        // From the place nouns' occurrences (`WordIndex`), each in its sentence.
        var sentenceIndex = 0
        for index in WordIndex.of(analysis).occurrences(ofAny: placeNouns) {
            while sentenceIndex < analysis.sentences.count && analysis.sentences[sentenceIndex].tokens.upperBound <= index { sentenceIndex += 1 }
            guard sentenceIndex < analysis.sentences.count, analysis.sentences[sentenceIndex].tokens.contains(index) else { continue }
            let sentence = analysis.sentences[sentenceIndex]
            // "the village of X"
            guard let ofIndex = analysis.nextNonSpace(after: index), tokens[ofIndex].foldedHash == of,
                  let place = analysis.nextNonSpace(after: ofIndex), covered[place] == nil, !gazetteerTokens.contains(place) else { continue }
            let token = tokens[place]
            guard token.kind == .word, token.shape == .title, token.script == .latin, token.length >= 4,
                  let suggestion = Self.ukrainianForm(analysis.text(of: token)),
                  context.isUkrainian(analysis, around: place...place, in: sentence.tokens, known: covered) else { continue }
            let written = analysis.text(of: token)
            findings.report(token.range, "“\(written)” has the Russian-form ending of a Ukrainian place name: probably “\(suggestion)”",
                            fixTitle: "Replace with “\(suggestion)”", edits: [ProseEdit(token.range, suggestion)])
        }
    }

    /// -ov/-ev → -iv (the Ukrainian ending), and g → h, as the national romanization spells Ukrainian г.
    static func ukrainianForm(_ name: String) -> String? {
        guard name.hasSuffix("ov") || name.hasSuffix("ev") else { return nil }
        let stem = name.dropLast(2).replacing("g", with: "h")
        return stem + "iv"
    }
}
