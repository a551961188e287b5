import KalkaModel
import KalkaText

/// Whether the period-style judgement may lower period spellings to info.
public enum PeriodSpellingPolicy: String, Sendable, CaseIterable, Hashable {
    /// Judged by the article's date and evidence (the default).
    case allow
    /// The modern spelling everywhere: period spellings stay warnings whatever the date.
    case flag
}

/// `Dictionaries/names/period-spellings.tsv`: spelling → until when it was house style.
public struct PeriodSpellings: Sendable {
    static let path = "names/period-spellings.tsv"
    /// The row that stands for every Russian-form given name NAM002 flags.
    public static let givenNamesKey = "[Russian-form given names]"
    /// The row that stands for every Russian-based spelling of a gazetteer place NAM001 flags.
    public static let placeNamesKey = "[Russian-form place names]"
    private let byFoldedSpelling: [String: PeriodSpelling]

    private static let built = StoreFact<PeriodSpellings>()

    public static func of(_ store: DictionaryStore) throws -> PeriodSpellings {
        try store.derived(built) { try PeriodSpellings(store: store) }
    }

    init(store: DictionaryStore) throws {
        var table: [String: PeriodSpelling] = [:]
        guard store.tablePaths.contains(Self.path) else {
            byFoldedSpelling = [:]
            return
        }
        let file = try store.file(Self.path)
        for row in file.rows {
            var until: SimpleDate? = nil
            if row[1] != "-" {
                guard let date = SimpleDate(iso: row[1]), row[1].utf8.count == 10 else {
                    throw DictionaryError(path: Self.path, line: row.line, message: "until must be a date YYYY-MM-DD or -")
                }
                until = date
            }
            table[Self.fold(row[0])] = PeriodSpelling(until: until, note: row[2])
        }
        byFoldedSpelling = table
    }

    /// The period spelling `written` is, if any ("KIEV", "Kiev’s" and "kiev" are "Kiev").
    public func spelling(_ written: String) -> PeriodSpelling? {
        byFoldedSpelling[Self.fold(written)]
    }

    private static func fold(_ text: String) -> String {
        var text = text.lowercased()
        for suffix in ["'s", "’s"] where text.hasSuffix(suffix) { text = String(text.dropLast(suffix.count)) }
        return text
    }
}

/// Decides, once all rules have run on a document, how loudly to report its period spellings.
///
/// Before October 2019 "Kiev" was the house style of AP, Reuters and the BBC; "Chernobyl" still
/// is for the disaster. Such a spelling is a translation artifact only when the article is newer
/// than its period, or when the article shows other marks of translation through Russian or
/// Ukrainian: one finding whose `signal` is strong (a number calque, «guillemets», Cyrillic in a
/// sentence), or two that are weak (a calque, a dotted time in Kyiv time, a Russian form of a name
/// English never used), as `TranslationEvidence` counts them. A finding's signal is its rule's
/// `signalsTranslation` unless the finding says less (an abbreviation that also spells an English
/// one). Otherwise the finding is lowered to info, its message
/// says why, and its fix waits for `--unsafe-fixes` (a period spelling may be right for its date).
public enum PeriodStyleJudgement {
    /// `severity` gives a finding's severity as the run reports it (after the configuration's
    /// overrides), so a rule turned down to info is no evidence.
    /// `keepsSeverity` names findings whose severity the configuration sets for their rule: the
    /// user's severity stands, with the rule's own message and fix.
    public static func apply(_ findings: [ProseFinding], date: () -> SimpleDate?, policy: PeriodSpellingPolicy,
                             severity: (ProseFinding) -> Severity = { $0.severity },
                             keepsSeverity: (ProseFinding) -> Bool = { _ in false }) -> [ProseFinding] {
        guard policy == .allow, findings.contains(where: { $0.period != nil }) else { return findings }
        if TranslationEvidence.present(in: findings, severity: severity) { return findings }
        let articleDate = date()
        return findings.map { finding in
            guard let period = finding.period, !period.mixedWithModern, finding.severity > .info, !keepsSeverity(finding) else { return finding }
            if let until = period.until, let articleDate, articleDate >= until { return finding }
            let when: String
            switch (period.until, articleDate) {
            case (let until?, let date?): when = "English house style before \(until.monthAndYear), and the article is dated \(date)"
            case (let until?, nil): when = "English house style before \(until.monthAndYear), and the article gives no later date"
            case (nil, _): when = "still usual English in some uses (\(period.note))"
            }
            let message = finding.message + " — a period spelling: \(when), with no other sign of translation through Russian"
            let fix = finding.fix.map { ProseFix(title: $0.title, applicability: max($0.applicability, .unsafe), edits: $0.edits) }
            return ProseFinding(rule: finding.rule, range: finding.range, message: message, fix: fix, severity: .info, period: period,
                                needsCorroboration: finding.needsCorroboration, signal: finding.signal, page: finding.page, pattern: finding.pattern,
                                lacksEvidence: true)
        }
    }
}
