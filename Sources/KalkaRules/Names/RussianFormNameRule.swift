import KalkaKnowledge
import KalkaModel
import KalkaText

/// NAM001: a name spelled the Russian way ("Kiev", "Dmitry Kuleba") or distorted by passing
/// through Russian ("Anthony Blinken"), from the name dictionary.
public struct RussianFormNameRule: Rule {
    public static let description = RuleDescription(
        code: "NAM001",
        name: "russian-form-name",
        category: .nameSpelling,
        severity: .warning,
        summary: "A known name in a Russian-based or distorted spelling: “Kiev”, “Dmitry Kuleba”, “Anthony Blinken”.",
        rationale: """
            Translated from a Russian original, Ukrainian names come out in their Russian form \
            (Kiev, Kharkov, Donbass, Dmitry Kuleba) and foreign names in a spelling rebuilt from the \
            Russian one (Anthony Blinken, Edgar Rinkevich). Ukraine's government, BGN/PCGN and the \
            major English style guides use the Ukrainian national romanization, and people their own \
            spelling. The spellings come from Dictionaries/names: for Ukrainian entries, the ones \
            derived from the Russian form plus those listed. The usual English spellings of Russian \
            and Belarusian names (Sergei Lavrov, Moscow) are never flagged, nor established phrases \
            such as “Chicken Kiev” (Dictionaries/names/allow.tsv). Quotations and titles of works are \
            flagged like any text: suppress a deliberate historical spelling where it occurs. Some \
            spellings were English house style until a date (“Kiev” until the 2019–2022 style changes, \
            “Chernobyl” still for the disaster: Dictionaries/names/period-spellings.tsv): in an article \
            dated before then, or undated, that shows no other sign of translation through Russian, they \
            are reported at info and their fix waits for --unsafe-fixes (house-style.period-spellings: \
            flag reports them as warnings whatever the date). A document that also writes the modern \
            spelling of the same name (Kyiv beside Kiev) does not follow the older style.
            """,
        fixApplicability: .safe,
        fixSafety: "The replacement is the dictionary's spelling of the same person or place; when one spelling stands for several entries the fix is only suggested.",
        triggering: [
            "Talks opened in ⟦Kiev⟧ on Monday.",
            "Foreign Minister ⟦Dmitry Kuleba⟧ met ⟦Anthony Blinken⟧ in Stockholm.",
            "Shelling hit ⟦Kharkov⟧ and the ⟦Donbass⟧ overnight.",
            "⟦Kiev⟧'s mayor spoke; so did ⟦Edgar Rinkevich⟧.",
        ],
        nonTriggering: [
            "Talks opened in Kyiv on Monday; Kyiv’s mayor spoke.",
            "Sergei Lavrov and Dmitry Peskov spoke in Moscow.",
            "The restaurant served Chicken Kiev.",
            "Alexander Lukashenko met Antony Blinken? No.",
        ],
        fixes: [
            FixExample("Talks opened in Kiev on Monday.", "Talks opened in Kyiv on Monday."),
            FixExample("KIEV, Dec 2 — Dmitry Kuleba said.", "KYIV, Dec 2 — Dmytro Kuleba said."),
        ],
        signalsTranslation: .weak
    )

    private let names: NameDictionary
    private let periodSpellings: PeriodSpellings

    public init(dictionaries: DictionaryStore) throws {
        names = try NameDictionary.of(dictionaries)
        periodSpellings = try PeriodSpellings.of(dictionaries)
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        // Entries the document also writes correctly: there the old spelling cannot be the
        // document's house style, whatever its date.
        var writtenCorrectly = Set<Int>()
        let matches = names.matches(in: analysis)
        for match in matches {
            let form = names.forms[match.phrase]
            if let entry = form.entry, form.role == .canonical || form.role == .alternative { writtenCorrectly.insert(entry) }
        }
        // A name recurs in one spelling: its message, replacement and period are worked out once
        // per form and written text.
        var reports: [FormWriting: Report] = [:]
        for match in matches {
            let form = names.forms[match.phrase]
            guard form.role == .variant, let index = form.entry else { continue }
            let written = analysis.text(of: match.range)
            let key = FormWriting(phrase: match.phrase, written: written)
            let report: Report
            if let known = reports[key] {
                report = known
            } else {
                report = self.report(written, form: form, entry: index, writtenCorrectly: writtenCorrectly.contains(index))
                reports[key] = report
            }
            let edits = [ProseEdit(match.range, report.replacement)]
            if report.hasOneOwner {
                findings.report(match.range, report.message, fixTitle: report.fixTitle, edits: edits, period: report.period)
            } else {
                findings.report(match.range, report.message,
                                fix: ProseFix(title: report.fixTitle, applicability: .displayOnly, edits: edits), period: report.period)
            }
        }
    }

    private struct FormWriting: Hashable {
        var phrase: Int
        var written: String
    }

    private struct Report {
        var message: String
        var fixTitle: String
        var replacement: String
        var hasOneOwner: Bool
        var period: PeriodSpelling?
    }

    private func report(_ written: String, form: (entry: Int?, role: NameFormRole, text: String), entry index: Int, writtenCorrectly: Bool) -> Report {
        let owners = names.variantOwners[form.text.lowercased()] ?? [index]
        let entry = names.entries[index]
        let replacement = CaseAdapter.adapt(entry.canonical, toCaseOf: written, listed: nil)
        let origin = entry.isUkrainian ? "the Russian-based spelling of \(entry.original)" : "a spelling of \(entry.canonical) distorted through Russian"
        var period = periodSpellings.spelling(written)
        if writtenCorrectly { period = period?.mixed() }
        if owners.count == 1 {
            return Report(message: "“\(written)” is \(origin): use “\(replacement)”", fixTitle: "Replace with “\(replacement)”",
                          replacement: replacement, hasOneOwner: true, period: period)
        }
        let options = owners.map { "“\(names.entries[$0].canonical)”" }.joined(separator: " or ")
        return Report(message: "“\(written)” is a Russian-based spelling of \(options)", fixTitle: "Replace with “\(replacement)”",
                      replacement: replacement, hasOneOwner: false, period: period)
    }
}
