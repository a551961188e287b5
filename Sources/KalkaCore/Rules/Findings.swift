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
public struct ProseFix: Sendable {
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
    /// Set when the flagged text was English house style until a date ("Kiev"): the
    /// period-style judgement may then lower the finding (see `PeriodStyleJudgement`).
    public let period: PeriodSpelling?

    init(rule: RuleDescription, range: Range<Int>, message: String, fix: ProseFix?, severity: Severity? = nil, period: PeriodSpelling? = nil) {
        self.rule = rule
        self.range = range
        self.message = message
        self.fix = fix
        self.severity = severity ?? rule.severity
        self.period = period
    }
}

/// Where a rule reports what it finds; it stamps each finding with the rule's description.
public struct Findings {
    public private(set) var items: [ProseFinding] = []
    var rule: RuleDescription

    init(rule: RuleDescription) { self.rule = rule }

    /// Reports `message` on prose `range`, at `severity` when given (for rules whose entries carry
    /// their own severity), else at the rule's.
    public mutating func report(_ range: Range<Int>, _ message: String, fix: ProseFix? = nil, severity: Severity? = nil,
                                period: PeriodSpelling? = nil) {
        items.append(ProseFinding(rule: rule, range: range, message: message, fix: fix, severity: severity, period: period))
    }

    /// Reports with a fix built from `edits`, at the rule's declared applicability.
    public mutating func report(_ range: Range<Int>, _ message: String, fixTitle: String, edits: [ProseEdit], severity: Severity? = nil,
                                period: PeriodSpelling? = nil) {
        let fix = ProseFix(title: fixTitle, applicability: rule.fixApplicability ?? .displayOnly, edits: edits)
        report(range, message, fix: fix, severity: severity, period: period)
    }
}
