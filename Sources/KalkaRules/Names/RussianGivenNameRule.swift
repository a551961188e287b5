import KalkaKnowledge
import KalkaModel
import KalkaText

/// NAM002: a Russian-form given name for a person the text itself marks as Ukrainian
/// ("Kharkiv Mayor Igor Terekhov" → Ihor).
public struct RussianGivenNameRule: Rule {
    public static let description = RuleDescription(
        code: "NAM002",
        name: "russian-given-name",
        category: .nameSpelling,
        severity: .warning,
        summary: "A Russian-form given name (Dmitry, Igor, Alexei) for a person the sentence marks as Ukrainian.",
        rationale: """
            MT from a Russian original gives Ukrainians the Russian forms of their names: Igor for \
            Ihor, Dmitry for Dmytro, Alexei for Oleksii. For people in the name dictionary NAM001 \
            knows the right spelling; for everyone else this rule reads the sentence: a Russian-form \
            given name (Dictionaries/names/given-names.tsv) followed by a surname, whose nearest \
            marker in the sentence is Ukrainian (“Ukrainian”, “Ukraine’s”, a Ukrainian place) rather \
            than Russian or Belarusian, or, with no marker at all, a surname of Ukrainian form \
            (-enko, -chuk, -iuk, and -skyi as the Ukrainian romanization writes it). Russians keep \
            their names: “Russian Foreign Minister Sergei Lavrov” is never flagged, nor a Russian \
            official with a surname of Ukrainian form the dictionary knows (Valentina Matviyenko). Wire copy used the Russian forms for many Ukrainians until 2022, \
            so in an older article with no other sign of translation the finding is a period spelling, \
            reported at info.
            """,
        fixApplicability: .unsafe,
        fixSafety: "The Ukrainian form is the usual one, but a person may use another spelling (Vitali Klitschko): check it.",
        triggering: [
            "Kharkiv deputy mayor ⟦Igor⟧ Tkachuk said the shelling lasted all night.",
            "Ukrainian lawmaker ⟦Alexei⟧ Goncharenko met the delegation.",
            "Ukraine’s envoy ⟦Sergei⟧ Kyslytsya addressed the council.",
            "The school's head, ⟦Tatyana⟧ Hrytsenko, met the parents.",
        ],
        nonTriggering: [
            "Kharkiv deputy mayor Ihor Tkachuk said the shelling lasted all night.",
            "Russian Foreign Minister Sergei Lavrov spoke in Moscow.",
            "The Ukrainian delegation met Russian negotiator Vladimir Medinsky.",
            "Igor Stravinsky wrote The Rite of Spring.",
            "Belarusian leader Alexander Lukashenko hosted the talks.",
            "The Russian coach, Sergei Tkachenko, praised the team.",
            "Valentina Matviyenko opened the session.",
        ],
        fixes: [
            FixExample("Kharkiv deputy mayor Igor Tkachuk spoke.", "Kharkiv deputy mayor Ihor Tkachuk spoke."),
        ]
    )

    private let names: NameDictionary
    private let context: NationalContext
    /// Wire copy gave many Ukrainians the Russian form of their name until 2022: in an older
    /// article with no other sign of translation this is a period spelling.
    private let period: PeriodSpelling?

    public init(dictionaries: DictionaryStore) throws {
        names = try NameDictionary.of(dictionaries)
        context = NationalContext(names: names)
        period = try PeriodSpellings.of(dictionaries).spelling(PeriodSpellings.givenNamesKey)
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        let covered = context.knownNames(in: analysis)
        var sentenceIndex = 0
        for match in names.givenNameMatcher.matches(in: analysis) {
            let index = match.tokens.lowerBound
            guard covered[index] == nil, tokens[index].shape == .title,
                  let surname = analysis.nextNonSpace(after: match.tokens.upperBound),
                  tokens[surname].kind == .word, tokens[surname].shape == .title, tokens[surname].script == .latin,
                  covered[surname] == nil else { continue }
            while sentenceIndex < analysis.sentences.count && analysis.sentences[sentenceIndex].tokens.upperBound <= index { sentenceIndex += 1 }
            guard sentenceIndex < analysis.sentences.count else { break }
            let sentence = analysis.sentences[sentenceIndex].tokens
            // The sentence's nearest marker decides; without one, a surname of a Ukrainian form
            // (Tkachenko, Romaniuk) marks the person.
            switch context.side(analysis, around: index...surname, in: sentence, known: covered) {
            case true?: break
            case false?: continue
            case nil: guard Self.hasUkrainianSurnameEnding(analysis.prose, tokens[surname]) else { continue }
            }
            let written = analysis.text(of: match.range)
            let russianForm = names.givenNameForms[match.phrase]
            guard let ukrainian = names.givenNames[russianForm] else { continue }
            findings.report(match.range, "“\(written)” is the Russian form of the Ukrainian name “\(ukrainian)”",
                            fixTitle: "Replace with “\(ukrainian)”", edits: [ProseEdit(match.range, ukrainian)], period: period)
        }
    }

    /// Surname endings of Ukrainian form: -enko, -chuk, -iuk/-yuk, and -skyi/-tskyi as Ukrainian
    /// romanization writes the adjectival ones (Russian surnames end -sky, -skiy).
    static let ukrainianSurnameEndings: [[UInt8]] = ["enko", "chuk", "iuk", "yuk", "skyi", "tskyi", "zkyi"].map { Array($0.utf8) }

    static func hasUkrainianSurnameEnding(_ prose: [UInt8], _ token: Token) -> Bool {
        let start = Int(token.start), end = Int(token.end)
        return ukrainianSurnameEndings.contains { ending in
            end - start > ending.count + 1 && zip(prose[(end - ending.count)..<end], ending).allSatisfy { $0 | 0x20 == $1 }
        }
    }
}
