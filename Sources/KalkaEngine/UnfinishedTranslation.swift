import KalkaModel

/// Decides, once all rules have run on a document, which findings that wait on the page
/// (`PageCondition`) stand.
///
/// A short Cyrillic line that is no sentence (a menu label, "Other news") and Cyrillic quoted
/// without a gloss read differently by the page around them: on a page that shows a translation
/// from Cyrillic left unfinished they are more untranslated text (UNT001 at warning); on an
/// English page without such a sign they are a bilingual site's chrome (UNT004) or a quotation
/// to gloss (UNT001 at info). Untranslated Cyrillic sentences are such a sign, and UNT001 weighs
/// them itself; the other signs are the run's own findings, after its rule selection and
/// severity overrides — a rule turned off or down to info shows nothing — and only strong ones:
/// a listed source abbreviation that spells no English one (UNT002) or a word mixing Latin with
/// Cyrillic letters (MIX001). A word found only by its letters, or an abbreviation that is also
/// English, proves nothing about the page.
public enum UnfinishedTranslationJudgement {
    /// The rules whose strong findings show a translation from Cyrillic left unfinished.
    static let evidenceRules: Set<String> = ["UNT001", "UNT002", "MIX001"]

    /// `severity` gives a finding's severity as the run reports it (after the configuration's
    /// overrides).
    public static func apply(_ findings: [ProseFinding], prose: [UInt8],
                             severity: (ProseFinding) -> Severity = { $0.severity }) -> [ProseFinding] {
        guard findings.contains(where: { $0.page != nil }) else { return findings }
        let unfinished = findings.contains { finding in
            finding.page == nil && finding.signal == .strong && severity(finding) >= .warning
                && evidenceRules.contains(finding.rule.code)
                // A word mixing Latin with Greek is no sign of Cyrillic left over.
                && (finding.rule.code != "MIX001" || prose[finding.range].contains { $0 >= 0xD0 && $0 <= 0xD4 })
        }
        let standing: PageCondition = unfinished ? .unfinished : .finished
        return findings.filter { $0.page == nil || $0.page == standing }
    }
}
