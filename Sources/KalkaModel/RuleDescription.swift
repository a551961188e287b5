/// The rule categories: a contract of the JSON output (see the design notes); change only with a
/// version bump.
public enum Category: String, Sendable, CaseIterable, Codable {
    case duplicatedWord = "duplicated-word"
    case nameSpelling = "name-spelling"
    case garbledClause = "garbled-clause"
    case untranslated
    case mixedScript = "mixed-script"
    case encoding
    case numberFormat = "number-format"
    case punctuation
    case calque
    case wrongTerm = "wrong-term"
    /// Text that is not the article's: website chrome, and stale kalka directives (KAL001/KAL002),
    /// which the contract's eleven categories place here rather than in a twelfth.
    case boilerplate
}

public enum Severity: String, Sendable, CaseIterable, Codable, Comparable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// How much one finding of a rule says that the text was translated from Russian or Ukrainian.
public enum TranslationSignal: Int, Sendable, Comparable {
    /// Nothing: professional English has it too (a doubled word, a missing space).
    case none = 0
    /// A hint that edited English shows now and then (a space before a currency sign, a dotted
    /// time, a calque, a Russian form of a name): two are needed.
    case weak = 1
    /// A mark edited English does not leave (“65 thousand”, «guillemets», Cyrillic in a
    /// sentence, a homoglyph, mojibake): one is enough.
    case strong = 2

    public static func < (lhs: TranslationSignal, rhs: TranslationSignal) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How far a fix can be trusted.
public enum FixApplicability: String, Sendable, CaseIterable, Codable, Comparable {
    /// Keeps the exact meaning: applied by `--fix`.
    case safe
    /// Probably right, but a human should look: applied with `--unsafe-fixes`.
    case unsafe
    /// A suggestion shown, never applied.
    case displayOnly

    private var rank: Int {
        switch self {
        case .safe: 0
        case .unsafe: 1
        case .displayOnly: 2
        }
    }

    public static func < (lhs: FixApplicability, rhs: FixApplicability) -> Bool { lhs.rank < rhs.rank }
}

/// A fix example: the text before and after applying every fix of the rule.
public struct FixExample: Sendable {
    public let before: String
    public let after: String
    public init(_ before: String, _ after: String) {
        self.before = before
        self.after = after
    }
}

/// Everything about a rule that is not code: what the CLI prints, the docs show, and the generic
/// rule test runs. A class: every finding refers to its rule, and a reference is one word to copy.
public final class RuleDescription: Sendable {
    /// Stable code, e.g. `DUP001`.
    public let code: String
    /// Kebab-case name, e.g. `repeated-word`.
    public let name: String
    public let category: Category
    public let severity: Severity
    /// What the rule finds, in one sentence.
    public let summary: String
    /// Why an editor cares.
    public let rationale: String
    /// The applicability of the fixes it offers, nil when it offers none.
    public let fixApplicability: FixApplicability?
    /// Why the fix is as safe as it claims (required when there is a fix).
    public let fixSafety: String?
    /// Texts that must trigger, the expected ranges marked ⟦like this⟧.
    public let triggering: [String]
    /// Texts that must not trigger.
    public let nonTriggering: [String]
    public let fixes: [FixExample]
    /// A preview rule is not yet quiet enough on professional English to run by default: it runs
    /// only when a selection names it by code or name (see `RuleSelector.namesExactly`).
    public let preview: Bool
    /// How strongly its findings mark translation through Russian or Ukrainian (a number calque, a
    /// guillemet, leftover Cyrillic), which weighs against reading a period spelling in the same
    /// document as the house style of its time (see `PeriodStyleJudgement`).
    public let signalsTranslation: TranslationSignal

    public init(code: String, name: String, category: Category, severity: Severity, summary: String, rationale: String,
                fixApplicability: FixApplicability? = nil, fixSafety: String? = nil,
                triggering: [String], nonTriggering: [String], fixes: [FixExample] = [], preview: Bool = false,
                signalsTranslation: TranslationSignal = .none) {
        self.code = code
        self.name = name
        self.category = category
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.fixApplicability = fixApplicability
        self.fixSafety = fixSafety
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.fixes = fixes
        self.preview = preview
        self.signalsTranslation = signalsTranslation
    }
}
