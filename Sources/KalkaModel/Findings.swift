/// An edit in prose coordinates: replace `range` with `replacement`.
public struct ProseEdit: Sendable, Equatable {
    public let range: Range<Int>
    public let replacement: String
    /// A deletion of a whole block: where the reader knows the block's source lines (Markdown),
    /// they are deleted with its markers ("# ", "- ", "*…*"); otherwise `range` maps as usual.
    public let deletesWholeBlock: Bool
    public init(_ range: Range<Int>, _ replacement: String, deletesWholeBlock: Bool = false) {
        self.range = range
        self.replacement = replacement
        self.deletesWholeBlock = deletesWholeBlock
    }
}

/// A fix a rule offers, in prose coordinates.
/// A class: findings are copied through several judgements, and a reference is one word.
public final class ProseFix: Sendable {
    /// Imperative: "Replace with “Kyiv”".
    public let title: String
    public let applicability: FixApplicability
    public let edits: [ProseEdit]
    public init(title: String, applicability: FixApplicability, edits: [ProseEdit]) {
        self.title = title
        self.applicability = applicability
        self.edits = edits
    }
}

/// A finding in prose coordinates, before mapping to the source file.
public struct ProseFinding: Sendable {
    public let rule: RuleDescription
    public let range: Range<Int>
    public let message: String
    public let fix: ProseFix?
    /// The rule's severity, unless the rule grades each finding (CAL001 takes it from the entry).
    public let severity: Severity
    /// How strongly this finding signals translation, when not as strongly as its rule says (a
    /// listed abbreviation that also spells an English one).
    public let signal: TranslationSignal
    /// The qualifiers few findings carry, kept out of line so the many findings of a large
    /// document stay small.
    private let qualifiers: Qualifiers?

    /// Set when the flagged text was English house style until a date ("Kiev"): the
    /// period-style judgement may then lower the finding (see `PeriodStyleJudgement`).
    public var period: PeriodSpelling? { qualifiers?.period }
    /// Set when the flagged text is also usual in some professional English (a British “14.30”,
    /// an SI “45 000”): it says where. Such a finding keeps its severity only in a document that
    /// shows other marks of translation; elsewhere the evidence judgement lowers it to info (see
    /// `TranslationEvidence`). It is no evidence itself.
    public var needsCorroboration: String? { qualifiers?.needsCorroboration }
    /// Set when the finding stands only if the page does (or does not) show a translation left
    /// unfinished, which the run's other findings decide (see `UnfinishedTranslationJudgement`).
    public var page: PageCondition? { qualifiers?.page }
    /// Set when a pattern of the rule found it: the pattern's id ("CAL001/about-it-reports"), by
    /// which it is selected, ignored, suppressed and baselined on its own.
    public var pattern: String? { qualifiers?.pattern }
    /// Set by the judgement that lowered the finding to info because the document shows no sign
    /// of translation (`PeriodStyleJudgement`, `TranslationEvidence.corroborate`).
    public var lacksEvidence: Bool { qualifiers?.lacksEvidence ?? false }

    private final class Qualifiers: Sendable {
        let period: PeriodSpelling?
        let needsCorroboration: String?
        let page: PageCondition?
        let pattern: String?
        let lacksEvidence: Bool
        init(period: PeriodSpelling?, needsCorroboration: String?, page: PageCondition?, pattern: String?, lacksEvidence: Bool) {
            self.period = period
            self.needsCorroboration = needsCorroboration
            self.page = page
            self.pattern = pattern
            self.lacksEvidence = lacksEvidence
        }
    }

    package init(rule: RuleDescription, range: Range<Int>, message: String, fix: ProseFix?, severity: Severity? = nil, period: PeriodSpelling? = nil,
         needsCorroboration: String? = nil, signal: TranslationSignal? = nil, page: PageCondition? = nil, pattern: String? = nil,
         lacksEvidence: Bool = false) {
        self.rule = rule
        self.range = range
        self.message = message
        self.fix = fix
        self.severity = severity ?? rule.severity
        self.signal = signal ?? rule.signalsTranslation
        qualifiers = period == nil && needsCorroboration == nil && page == nil && pattern == nil && !lacksEvidence
            ? nil : Qualifiers(period: period, needsCorroboration: needsCorroboration, page: page, pattern: pattern, lacksEvidence: lacksEvidence)
    }
}

extension ProseFinding {
    /// The same finding `offset` bytes further on (a window's finding in its document's prose).
    package func shifted(by offset: Int) -> ProseFinding {
        guard offset != 0 else { return self }
        let movedFix = fix.map { fix in
            ProseFix(title: fix.title, applicability: fix.applicability, edits: fix.edits.map {
                ProseEdit(($0.range.lowerBound + offset)..<($0.range.upperBound + offset), $0.replacement, deletesWholeBlock: $0.deletesWholeBlock)
            })
        }
        return ProseFinding(rule: rule, range: (range.lowerBound + offset)..<(range.upperBound + offset), message: message, fix: movedFix,
                            severity: severity, period: period, needsCorroboration: needsCorroboration, signal: signal, page: page, pattern: pattern,
                            lacksEvidence: lacksEvidence)
    }
}

/// What a finding waits on: whether the page shows a translation from Cyrillic left unfinished.
public enum PageCondition: Sendable, Equatable {
    /// Reported only on a page left unfinished (a Cyrillic menu label is then untranslated text).
    case unfinished
    /// Reported only on a page without such a sign (the same label is then a bilingual site's
    /// chrome).
    case finished
}

/// Where a rule reports what it finds; it stamps each finding with the rule's description.
public struct Findings {
    public private(set) var items: [ProseFinding] = []
    var rule: RuleDescription

    package init(rule: RuleDescription) { self.rule = rule }

    /// Reports `message` on prose `range`, at `severity` when given (for rules whose entries carry
    /// their own severity), else at the rule's. `needsCorroboration` says in which professional
    /// English the text is also usual, when it is (see `ProseFinding.needsCorroboration`).
    public mutating func report(_ range: Range<Int>, _ message: String, fix: ProseFix? = nil, severity: Severity? = nil,
                                period: PeriodSpelling? = nil, needsCorroboration: String? = nil, signal: TranslationSignal? = nil,
                                page: PageCondition? = nil, pattern: String? = nil) {
        items.append(ProseFinding(rule: rule, range: range, message: message, fix: fix, severity: severity, period: period,
                                  needsCorroboration: needsCorroboration, signal: signal, page: page, pattern: pattern))
    }

    /// Reports with a fix built from `edits`, at the rule's declared applicability.
    public mutating func report(_ range: Range<Int>, _ message: String, fixTitle: String, edits: [ProseEdit], severity: Severity? = nil,
                                period: PeriodSpelling? = nil, needsCorroboration: String? = nil, signal: TranslationSignal? = nil,
                                page: PageCondition? = nil) {
        let fix = ProseFix(title: fixTitle, applicability: rule.fixApplicability ?? .displayOnly, edits: edits)
        report(range, message, fix: fix, severity: severity, period: period, needsCorroboration: needsCorroboration, signal: signal, page: page)
    }
}
