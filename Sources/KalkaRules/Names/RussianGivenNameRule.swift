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
        summary: "A Russian-form given name (Dmitry, Igor, Alexei), and the surname after it, for a person the text marks as Ukrainian.",
        rationale: """
            MT from a Russian original gives Ukrainians the Russian forms of their names: Igor for \
            Ihor, Dmitry for Dmytro, Alexei for Oleksii. For people in the name dictionary NAM001 \
            knows the right spelling; for everyone else this rule reads the sentence: a Russian-form \
            given name (Dictionaries/names/given-names.tsv) followed by a surname, whose nearest \
            marker in the sentence is Ukrainian (“Ukrainian”, “Ukraine’s”, a Ukrainian place) rather \
            than Russian or Belarusian, or, with no marker at all, a surname of Ukrainian form \
            (-enko, -chuk, -iuk, and -yk and -skyi as the Ukrainian romanization writes them), at info, or at \
            warning in a document that names only Ukraine and Ukrainian places and people, never \
            Russia, Belarus or their places and people; and a person the text shows to be Ukrainian \
            at one mention is Ukrainian at every mention. Russians keep \
            their names: “Russian Foreign Minister Sergei Lavrov” is never flagged, nor a Russian \
            official with a surname of Ukrainian form the dictionary knows (Valentina Matviyenko). \
            The surname after a given name so reported is checked too: if it is a Ukrainian surname \
            in its Russian-based spelling (Dictionaries/people, 65,000 surnames: Grigorenko for \
            Hryhorenko), it is reported with the Ukrainian form, and so is every later mention of it \
            not beside a Russian or Belarusian marker. Wire copy used the Russian forms for many Ukrainians until 2022, \
            so in an older article with no other sign of translation the finding is a period spelling, \
            reported at info.
            """,
        fixApplicability: .unsafe,
        fixSafety: "The Ukrainian form is the usual one, but a person may use another spelling (Vitali Klitschko): check it.",
        triggering: [
            "Kharkiv deputy mayor ⟦Igor⟧ Tkachuk said the shelling lasted all night.",
            "Ukrainian lawmaker ⟦Alexei⟧ Kovalenko met the delegation.",
            "Ukraine’s envoy ⟦Sergei⟧ Moroz addressed the council.",
            "The school's head, ⟦Tatyana⟧ Hrytsenko, met the parents.",
            "Kharkiv deputy mayor ⟦Sergei⟧ ⟦Grigorenko⟧ spoke; later ⟦Grigorenko⟧ left.",
            "Ukraine’s envoy ⟦Sergei⟧ Moroz arrived. ⟦Sergei⟧ Moroz then spoke.",
        ],
        nonTriggering: [
            "Kharkiv deputy mayor Ihor Tkachuk said the shelling lasted all night.",
            "Russian Foreign Minister Sergei Lavrov spoke in Moscow.",
            "The Ukrainian delegation met Russian negotiator Vladimir Medinsky.",
            "Igor Stravinsky wrote The Rite of Spring.",
            "Belarusian leader Alexander Lukashenko hosted the talks.",
            "The Russian coach, Sergei Tkachenko, praised the team.",
            "Valentina Matviyenko opened the session.",
            "Grigorenko, a Russian physicist, won the prize.",
            "The Lviv orchestra met. It played Igor Stravinsky’s ballet. Lviv applauded.",
        ],
        fixes: [
            FixExample("Kharkiv deputy mayor Igor Tkachuk spoke.", "Kharkiv deputy mayor Ihor Tkachuk spoke."),
            FixExample("Kharkiv deputy mayor Sergei Grigorenko spoke.", "Kharkiv deputy mayor Serhii Hryhorenko spoke."),
        ]
    )

    private let names: NameDictionary
    private let context: NationalContext
    /// Wire copy gave many Ukrainians the Russian form of their name until 2022: in an older
    /// article with no other sign of translation this is a period spelling.
    private let period: PeriodSpelling?

    private let surnames: Surnames?

    public init(dictionaries: DictionaryStore) throws {
        names = try NameDictionary.of(dictionaries)
        context = NationalContext(names: names)
        period = try PeriodSpellings.of(dictionaries).spelling(PeriodSpellings.givenNamesKey)
        surnames = Surnames.builtIn
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        let covered = context.knownNames(in: analysis)
        // The given names found, with their surnames, the Ukrainian names, and how the text shows
        // the person to be Ukrainian.
        var found: [(match: PhraseMatcher.Match, surname: Int, ukrainian: String, standing: Standing)] = []
        var sentenceIndex = 0
        for match in names.givenNameMatcher.matches(in: analysis) {
            let index = match.tokens.lowerBound
            guard covered[index] == nil, tokens[index].shape == .title,
                  let surname = analysis.nextNonSpace(after: match.tokens.upperBound),
                  tokens[surname].kind == .word, tokens[surname].shape == .title, tokens[surname].script == .latin,
                  covered[surname] == nil, let ukrainian = names.givenNames[names.givenNameForms[match.phrase]] else { continue }
            while sentenceIndex < analysis.sentences.count && analysis.sentences[sentenceIndex].tokens.upperBound <= index { sentenceIndex += 1 }
            guard sentenceIndex < analysis.sentences.count else { break }
            let sentence = analysis.sentences[sentenceIndex].tokens
            // The sentence's nearest marker decides. Without one: a surname of Ukrainian form
            // (Tkachenko, Romaniuk) is weaker evidence (Russians too are named Kovalchuk), enough
            // in a document that names only Ukraine; any surname counts once the person is shown
            // Ukrainian at another mention. (Not a surname the table lists in a Russian-based
            // spelling: every -sky of Russian has a Ukrainian -skyi there, Stravinsky too.)
            let standing: Standing
            switch context.side(analysis, around: index...surname, in: sentence, known: covered) {
            case true?: standing = .shown
            case false?: continue
            case nil:
                if !Self.hasUkrainianSurnameEnding(analysis, tokens[surname]) {
                    standing = .ifShownElsewhere
                } else {
                    standing = context.namesOnlyUkraine(analysis) ? .shown : .surnameForm
                }
            }
            found.append((match, surname, ukrainian, standing))
        }
        // A person shown to be Ukrainian at one mention is Ukrainian at every mention: "Tatyana
        // Kyslytsya said" before or after "Ukraine's Tatyana Kyslytsya".
        let shownUkrainian = Set(found.filter { $0.standing == .shown }.map { surnameKey(analysis, tokens[$0.surname]) })
        var ukrainianSurnames: [Int] = []
        for (match, surname, ukrainian, standing) in found {
            let severity: Severity?
            if standing == .shown || shownUkrainian.contains(surnameKey(analysis, tokens[surname])) {
                severity = nil
            } else if standing == .surnameForm {
                severity = .info
            } else {
                continue
            }
            let written = analysis.text(of: match.range)
            findings.report(match.range, "“\(written)” is the Russian form of the Ukrainian name “\(ukrainian)”",
                            fixTitle: "Replace with “\(ukrainian)”", edits: [ProseEdit(match.range, ukrainian)], severity: severity, period: period)
            if severity == nil { ukrainianSurnames.append(surname) }
        }
        if let surnames { reportSurnames(analysis, surnames: surnames, after: ukrainianSurnames, covered: covered, into: &findings) }
    }

    /// A Ukrainian surname in its Russian-based spelling (Sinegubov for Syniehubov): after a given
    /// name this rule reported, and then wherever the document writes it again, unless the
    /// sentence's nearest marker is Russia or Belarus. A person may keep a Russian-based
    /// spelling as their own (the curated names win), hence only a suggestion.
    private func reportSurnames(_ analysis: Analysis, surnames: Surnames, after given: [Int], covered: [Int: Bool],
                                into findings: inout Findings) {
        let tokens = analysis.tokens
        // The surnames after reported given names, then every other mention of those spellings
        // (from the word index: no pass over the document's words).
        var established: [UInt64] = []
        for index in given {
            let hash = analysis.possessiveBase(of: tokens[index])?.hash ?? tokens[index].foldedHash
            guard let rows = surnames.rows(spelledAs: hash) else { continue }
            report(analysis, token: index, rows: rows, surnames: surnames, into: &findings)
            if !established.contains(hash) { established.append(hash) }
        }
        let reported = Set(given)
        for mention in context.mentions(of: established, in: analysis, known: covered) where !reported.contains(mention.token) {
            guard let rows = surnames.rows(spelledAs: mention.spelling) else { continue }
            report(analysis, token: mention.token, rows: rows, surnames: surnames, into: &findings)
        }
    }

    private func report(_ analysis: Analysis, token index: Int, rows: ReadyNameTable.Rows, surnames: Surnames, into findings: inout Findings) {
        let token = analysis.tokens[index]
        let range = Int(token.start)..<(Int(token.end) - (analysis.possessiveBase(of: token)?.suffixLength ?? 0))
        var canonicals: [Surnames.Surname] = []
        for row in rows {
            let surname = surnames.surname(row)
            if !canonicals.contains(where: { $0.canonical == surname.canonical }) { canonicals.append(surname) }
        }
        let written = analysis.text(of: range)
        let replacement = CaseAdapter.adapt(canonicals[0].canonical, toCaseOf: written, listed: nil)
        let what = canonicals.count == 1 ? "the Ukrainian surname \(canonicals[0].original)"
            : "a Ukrainian surname (" + canonicals.map { "“\($0.canonical)”" }.joined(separator: " or ") + ")"
        findings.report(range, "“\(written)” is the Russian-based spelling of \(what): use “\(replacement)”",
                        fixTitle: "Replace with “\(replacement)”", edits: [ProseEdit(range, replacement)], period: period)
    }

    /// How a mention shows its person to be Ukrainian.
    private enum Standing {
        /// By a Ukrainian marker in the sentence, or a surname of Ukrainian form in a document
        /// about Ukraine only.
        case shown
        /// By the surname's Ukrainian form alone: information, unless shown at another mention.
        case surnameForm
        /// Not at all: reported only if another mention shows it.
        case ifShownElsewhere
    }

    /// A surname's folded hash without a possessive ending ("Hrytsenko's" is Hrytsenko).
    private func surnameKey(_ analysis: Analysis, _ token: Token) -> UInt64 {
        analysis.possessiveBase(of: token)?.hash ?? token.foldedHash
    }

    /// Surname endings of Ukrainian form: -enko, -chuk, -iuk/-yuk, -yk as Ukrainian romanization
    /// writes -ик (Russian's gives -ik), and -skyi/-zkyi as it writes the adjectival ones
    /// (-ський, -зький; Russian surnames end -sky, -skiy).
    static let ukrainianSurnameEndings: [[UInt8]] = ["enko", "chuk", "iuk", "yuk", "yk", "skyi", "zkyi"].map { Array($0.utf8) }

    /// Whether a surname (without a possessive ending) ends in one of those.
    static func hasUkrainianSurnameEnding(_ analysis: Analysis, _ token: Token) -> Bool {
        let start = Int(token.start), end = Int(token.end) - (analysis.possessiveBase(of: token)?.suffixLength ?? 0)
        return ukrainianSurnameEndings.contains { ending in
            end - start > ending.count + 1 && zip(analysis.prose[(end - ending.count)..<end], ending).allSatisfy { $0 | 0x20 == $1 }
        }
    }
}
