import KalkaKnowledge
import KalkaModel
import KalkaText

/// TRM001: an official title, body or term in a form machine translation produces but English
/// never uses ("State Department Head", "Supreme Rada", "Enhanced Partner"), from
/// Dictionaries/phrases/wrong-terms.tsv.
public struct WrongTermRule: Rule {
    public static let description = RuleDescription(
        code: "TRM001",
        name: "wrong-term",
        category: .wrongTerm,
        severity: .warning,
        summary: "An official title, body or term in a machine-translated form: “State Department Head”, “Supreme Rada”, “Enhanced Partner”.",
        rationale: """
            Titles and institutions have fixed English names that a word-for-word translation \
            misses: the US has a Secretary of State, not a “State Department Head”; Ukraine's \
            parliament is the Verkhovna Rada; NATO's status is “Enhanced Opportunities Partner”; \
            “APU” (an English abbreviation of something else) is not the Ukrainian army. Source \
            abbreviations left in Latin letters (OVA, ZSU, MAGATE) are UNT002's. Dictionaries/phrases/wrong-terms.tsv \
            lists each wrong form with the right one, its source and a severity (info where the form \
            is a house-style matter, such as “SSU” for the SBU), and each finding carries its entry's \
            severity. Correct names (“Armed Forces of Ukraine”, “Security Service of Ukraine”) are never listed.
            """,
        fixApplicability: .unsafe,
        fixSafety: "The replacement is the listed official form of the same title or body, but a quotation or a historical name may need the original wording.",
        triggering: [
            "⟦State Department Head⟧ Antony Blinken arrived in Kyiv.",
            "The ⟦Supreme Rada⟧ passed the bill; the ⟦APU⟧ welcomed it.",
            "Ukraine became an ⟦Enhanced Partner⟧ of NATO in 2020.",
            "The ⟦Council of Foreign Ministers of the OSCE⟧ met in Skopje.",
            "⟦Vice-premier⟧ Olha Stefanishyna spoke; the ⟦Supreme Council of Ukraine⟧’s vote followed.",
        ],
        nonTriggering: [
            "Secretary of State Antony Blinken arrived in Kyiv.",
            "The Verkhovna Rada passed the bill; the Armed Forces of Ukraine welcomed it.",
            "Ukraine became an Enhanced Opportunities Partner of NATO in 2020.",
            "The OSCE Ministerial Council met in Skopje; the Security Service of Ukraine said so.",
            "Deputy Prime Minister Olha Stefanishyna spoke.",
            "Ambassador Gur met reporters in mid-May.",
        ],
        fixes: [
            FixExample("State Department Head Antony Blinken arrived.", "Secretary of State Antony Blinken arrived."),
            FixExample("The Supreme Rada voted; vice-premier Stefanishyna spoke.", "The Verkhovna Rada voted; deputy prime minister Stefanishyna spoke."),
            FixExample("Vice-premier Stefanishyna spoke in the Supreme Rada's hall.", "Deputy prime minister Stefanishyna spoke in the Verkhovna Rada's hall."),
        ],
        signalsTranslation: .weak
    )

    private let table: PhraseTable
    private let severities: [Severity]
    private let suggestions: [String]
    /// One-word abbreviations ("GUR", "MID", "VOZ") match only when written with capitals, so
    /// the name Gur or the word "mid" stays quiet.
    private let isAbbreviation: [Bool]

    public init(dictionaries: DictionaryStore) throws {
        table = try PhraseTable.of(dictionaries, "phrases/wrong-terms.tsv")
        severities = try table.severities()
        suggestions = try table.required("suggestion")
        isAbbreviation = table.entries.map { !$0.phrase.contains(" ") && Self.capitals(in: $0.phrase) >= 2 }
    }

    private static func capitals(in text: String) -> Int {
        text.unicodeScalars.filter { $0.properties.isUppercase }.count
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        for match in table.matcher.matches(in: analysis) {
            let written = analysis.text(of: match.range)
            let entry = table.entries[match.phrase]
            if isAbbreviation[match.phrase] && (Self.capitals(in: written) < 2 || written.first?.isLowercase == true) { continue }
            let replacement = CaseAdapter.adapt(suggestions[match.phrase], toCaseOf: written, listed: entry.phrase)
            let note = entry["note"].isEmpty ? "" : " (\(entry["note"]))"
            findings.report(match.range, "“\(written)” is not the English term: use “\(replacement)”\(note)",
                            fixTitle: "Replace with “\(replacement)”", edits: [ProseEdit(match.range, replacement)],
                            severity: severities[match.phrase])
        }
    }
}
