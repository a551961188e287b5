import KalkaModel

/// The marks of translation a document shows, and what they decide once all rules have run on it.
///
/// Some findings are not artifacts on their own: the spelling or punctuation they flag is also
/// usual in some professional English. A period spelling (“Kiev” in 2014 copy) is one, judged by
/// `PeriodStyleJudgement`; a finding that `needsCorroboration` is the other (a British “at 14.30”,
/// an SI “45 000 tonnes”, a dotted date in European copy). Both are judged by the same evidence:
/// warnings (as the run reports them, after the configuration's overrides) of rules whose
/// description says they signal translation, one strong mark (a number calque, «guillemets»,
/// Cyrillic in a sentence) or two weak ones (a calque, a Russian form of a name), counting no
/// finding that is itself a period spelling or needs corroboration.
public enum TranslationEvidence {
    /// How much evidence it takes: one strong mark, or two weak ones (a single transliterated
    /// word quoted on purpose proves nothing about a whole article).
    public static let needed = TranslationSignal.strong.rawValue

    /// What `finding` weighs as a mark of translation.
    public static func weight(of finding: ProseFinding, severity: (ProseFinding) -> Severity = { $0.severity }) -> Int {
        guard finding.period == nil, finding.needsCorroboration == nil, severity(finding) >= .warning else { return 0 }
        return finding.signal.rawValue
    }

    /// Whether the findings weigh enough to show that the document was translated.
    public static func present(in findings: [ProseFinding], severity: (ProseFinding) -> Severity = { $0.severity }) -> Bool {
        var marks = 0
        for finding in findings {
            marks += weight(of: finding, severity: severity)
            if marks >= needed { return true }
        }
        return false
    }

    /// Findings that need corroboration, lowered to info when the document shows no evidence:
    /// the message says why, and the fix waits for `--unsafe-fixes`. With evidence, and for every
    /// other finding, nothing changes.
    /// `keepsSeverity` names findings whose severity the configuration sets for their rule.
    public static func corroborate(_ findings: [ProseFinding], severity: (ProseFinding) -> Severity = { $0.severity },
                                   keepsSeverity: (ProseFinding) -> Bool = { _ in false }) -> [ProseFinding] {
        guard findings.contains(where: { $0.needsCorroboration != nil && $0.severity > .info }),
              !present(in: findings, severity: severity) else { return findings }
        return findings.map { finding in
            guard let usage = finding.needsCorroboration, finding.severity > .info, !keepsSeverity(finding) else { return finding }
            let message = finding.message + " — alone not a sign of translation (\(usage)), and the document shows no other"
            let fix = finding.fix.map { ProseFix(title: $0.title, applicability: max($0.applicability, .unsafe), edits: $0.edits) }
            return ProseFinding(rule: finding.rule, range: finding.range, message: message, fix: fix, severity: .info,
                                period: finding.period, needsCorroboration: usage, signal: finding.signal, page: finding.page, pattern: finding.pattern,
                                lacksEvidence: true)
        }
    }
}
