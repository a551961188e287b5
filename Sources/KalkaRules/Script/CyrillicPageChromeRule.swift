import KalkaKnowledge
import KalkaModel
import KalkaText

/// UNT004: a short Cyrillic line or a Cyrillic timestamp around an English article — the chrome
/// of a bilingual site ("Последние новости", "Популярное", "23 вересня 2019"), to delete.
public struct CyrillicPageChromeRule: Rule {
    public static let description = RuleDescription(
        code: "UNT004",
        name: "cyrillic-page-chrome",
        category: .boilerplate,
        severity: .warning,
        summary: "Page chrome in Cyrillic around an English article: a menu label, “Other news”, a share counter, a timestamp.",
        rationale: """
            English articles copied from a Russian- or Ukrainian-language site bring its chrome \
            along: “Популярное” (popular), “Последние новости” (latest news), social-network \
            names, share counters, a date stamp under the headline. A Cyrillic line of at most \
            \(CyrillicPlacement.chromeWords) words that does not end like a sentence, and a Cyrillic \
            date with its year or time at the start or end of a line, are such chrome when nothing \
            else on the page was left untranslated: they belong to the site, not the article, and \
            are deleted, not translated. On a page that shows the translation was left unfinished \
            (untranslated sentences; among the run's findings at warning, a listed source \
            abbreviation in Latin letters or a word mixing the alphabets) the same lines are \
            untranslated text, and UNT001 reports them.
            """,
        fixApplicability: .unsafe,
        fixSafety: "Deleting the line removes all of it, and a line of chrome may hold a word of the article; a timestamp is deleted with its year and time only.",
        triggering: [
            "The talks resumed on Monday.\n\n⟦Последние новости⟧",
            "⟦Контакты редакции: +1 555 0100⟧\n\nThe talks resumed on Monday.",
            "Talks resume in Geneva ⟦12 марта 2024, 10:15⟧\n\nThe talks resumed on Monday.",
            "⟦23 вересня 2019⟧\n\nThe hryvnia fell by a tenth on Friday.",
        ],
        nonTriggering: [
            "Foreign Minister Дмитро Кулеба arrived in Stockholm.",
            "Головна\n\nThe mayor said что repairs would end soon.",
            "The Verkhovna Rada (Верховна Рада) met on Tuesday.",
            "The statement was signed on 15 березня in Kyiv.",
            "Follow us: #НовиниКиєва\n\nThe talks resumed on Monday.",
        ],
        fixes: [
            FixExample("The talks resumed.\n\nПоследние новости\n", "The talks resumed.\n\n\n"),
            FixExample("Популярное\nThe talks resumed.\n", "The talks resumed.\n"),
            FixExample("Talks resume 12 марта 2024, 10:15\n\nThey did.\n", "Talks resume\n\nThey did.\n"),
        ]
    )

    private let placement: CyrillicPlacement

    public init(dictionaries: DictionaryStore) throws {
        placement = try CyrillicPlacement.of(dictionaries)
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let runs = placement.runs(in: analysis).filter { $0.kind == .chrome || $0.kind == .timestamp }
        // On a page with untranslated Cyrillic text these lines are more of it (UNT001); other
        // signs of a translation left unfinished are the run's findings, weighed after all rules
        // have run (`UnfinishedTranslationJudgement`).
        guard !runs.isEmpty, !placement.hasUntranslatedText(analysis) else { return }
        var reported: Range<Int>? = nil
        for run in runs {
            // A line of chrome with several runs ("Популярное | Архив") is one finding.
            if let previous = reported, previous == run.chromeRange { continue }
            reported = run.chromeRange
            let text = analysis.text(of: run.chromeRange)
            let deletion: Range<Int>
            if run.isWholeLine {
                deletion = analysis.widenedToLineBreak(run.chromeRange)
            } else {
                // The date with the spaces that set it off from the headline.
                var start = run.chromeRange.lowerBound
                while start > 0, analysis.byteAt(start - 1) == 0x20 { start -= 1 }
                deletion = start..<run.chromeRange.upperBound
            }
            let what = run.kind == .timestamp ? "a timestamp" : "a line of page chrome"
            findings.report(run.chromeRange, "“\(text)” is \(what) in Cyrillic from the source site, not part of the article: delete it",
                            fixTitle: "Delete “\(text)”", edits: [ProseEdit(deletion, "")], page: .finished)
        }
    }
}
