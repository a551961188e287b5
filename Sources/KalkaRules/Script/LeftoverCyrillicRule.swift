import KalkaKnowledge
import KalkaModel
import KalkaText

/// UNT001: Cyrillic words left in English text — a sentence, name or term the translation
/// skipped.
public struct LeftoverCyrillicRule: Rule {
    public static let description = RuleDescription(
        code: "UNT001",
        name: "leftover-cyrillic",
        category: .untranslated,
        severity: .warning,
        summary: "Cyrillic words left untranslated in English text.",
        rationale: """
            MT systems pass through what they cannot translate: a name in an unusual case form, a \
            quoted slogan, a caption, a headline, the widgets of the source page. English readers \
            cannot read it and search engines index it wrongly. The original given on purpose \
            beside its English — “Verkhovna Rada (Верховна Рада)”, “Слава Україні!” (“Glory to \
            Ukraine!”), зрада, meaning betrayal, Kyiv/Київ, “калина is Ukrainian for the guelder \
            rose”, “the letters ґ and ї” — stays quiet, and so do web and e-mail addresses and \
            hashtags. Cyrillic in quotation marks inside an English sentence but without a gloss \
            is a warning on a page left partly untranslated and otherwise only a hint (info). A \
            short Cyrillic line that is no sentence (a menu label, “Other news”) or a Cyrillic \
            timestamp is reported here only when the page shows the translation was left \
            unfinished elsewhere: untranslated Cyrillic sentences, or strong findings of the run at \
            warning — a listed source abbreviation (UNT002), a word mixing the alphabets (MIX001); \
            a rule turned off or down to info counts for nothing, and a transliterated word alone \
            is no such sign. On an English page without such signs it is the chrome of a bilingual \
            site, which UNT004 reports.
            """,
        triggering: [
            "Foreign Minister ⟦Дмитро Кулеба⟧ arrived in Stockholm.",
            "The crowd chanted “⟦Слава Україні⟧” outside the embassy.",
            "The statement was signed on ⟦15 березня⟧ in Kyiv.",
            "Ukraine’s parliament, the Verkhovna Rada, passed ⟦закон⟧ No. 5 on Tuesday.",
            "A sign read “⟦Вхід⟧”, and the mayor said ⟦что⟧ repairs would end soon.",
            "The mayor said ⟦что⟧ repairs would end soon.\n\n⟦Последние новости⟧",
        ],
        nonTriggering: [
            "The Verkhovna Rada (Верховна Рада) passed the bill on Tuesday.",
            "Sergei Lavrov met Antony Blinken in Stockholm.",
            "Prices rose by 15 percent in March.",
            "The file said Р”РјРёС‚СЂРѕ РљСѓР»РµР±Р° where the name should be.",
            "The slogan “Слава Україні” (“Glory to Ukraine”) rang out; the word зрада (betrayal) trended.",
            "Crowds chanted “Слава Україні!” (“Glory to Ukraine!”); the letters ґ and ї are Ukrainian only.",
            "Street signs in Kyiv/Київ were repainted; write to novyny@приклад.укр or follow #СлаваУкраїні.",
            "The talks resumed on Monday.\n\nПоследние новости",
            "Talks resume in Geneva 12 марта 2024, 10:15\n\nThe talks resumed on Monday.",
        ],
        signalsTranslation: .strong
    )

    private let placement: CyrillicPlacement

    public init(dictionaries: DictionaryStore) throws {
        placement = try CyrillicPlacement.of(dictionaries)
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let runs = placement.runs(in: analysis)
        guard !runs.isEmpty else { return }
        // Untranslated Cyrillic text settles it; otherwise the run's other findings decide
        // (`UnfinishedTranslationJudgement`).
        let untranslated = placement.hasUntranslatedText(analysis)
        for run in runs {
            let text = analysis.text(of: run.range)
            switch run.kind {
            case .gloss:
                continue
            case .content:
                findings.report(run.range, "Untranslated Cyrillic text “\(text)”")
            case .quoted:
                // Quoted on purpose in English copy, or the translation's leftover: the page says.
                findings.report(run.range, "Untranslated Cyrillic text “\(text)”", page: untranslated ? nil : .unfinished)
                if !untranslated {
                    findings.report(run.range, "Quoted Cyrillic “\(text)” without an English gloss: give its meaning, as in “\(text)” (“…”)",
                                    severity: .info, page: .finished)
                }
            case .chrome, .timestamp:
                findings.report(run.range, "Untranslated Cyrillic text “\(text)”: page text the translation left in the source language",
                                page: untranslated ? nil : .unfinished)
            }
        }
    }
}
