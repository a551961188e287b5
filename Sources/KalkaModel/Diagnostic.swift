/// An edit to a file: replace the bytes between `start` and `end` with `replacement`.
public struct Edit: Sendable, Equatable {
    public let start: Location
    public let end: Location
    /// The same range in UTF-8 text offsets (equal to file offsets minus a UTF-8 BOM).
    public let textRange: Range<Int>
    public let replacement: String

    package init(start: Location, end: Location, textRange: Range<Int>, replacement: String) {
        self.start = start
        self.end = end
        self.textRange = textRange
        self.replacement = replacement
    }
}

public struct Fix: Sendable {
    public let title: String
    public let applicability: FixApplicability
    public let edits: [Edit]

    package init(title: String, applicability: FixApplicability, edits: [Edit]) {
        self.title = title
        self.applicability = applicability
        self.edits = edits
    }
}

/// A finding located in the original file.
public struct Diagnostic: Sendable {
    public let rule: RuleDescription
    public let severity: Severity
    public let message: String
    public let start: Location
    public let end: Location
    public let textRange: Range<Int>
    /// The text range of the sentence the finding starts in (its own range outside sentences):
    /// what a baseline fingerprint reads besides the finding, so it survives edits elsewhere.
    public let contextRange: Range<Int>
    public let fix: Fix?
    /// The id of the pattern that found it ("CAL001/about-it-reports"), for a rule made of patterns.
    public let pattern: String?
    /// Lowered to info for want of evidence: a period spelling, or a form that needs
    /// corroboration, in a document that shows no sign of translation (`ProseFinding.lacksEvidence`;
    /// not a finding the configuration or its rule puts at info). Correct in its context as far
    /// as kalka can tell, so it weighs little in a report's suspicion.
    public let lacksEvidence: Bool

    package init(rule: RuleDescription, severity: Severity, message: String, start: Location, end: Location, textRange: Range<Int>, contextRange: Range<Int>, fix: Fix?,
                 pattern: String? = nil, lacksEvidence: Bool = false) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.start = start
        self.end = end
        self.textRange = textRange
        self.contextRange = contextRange
        self.fix = fix
        self.pattern = pattern
        self.lacksEvidence = lacksEvidence
    }

    /// The pattern's id when a pattern found it, else the rule's code: how a finding is named to
    /// selectors, suppressions, baselines and SARIF.
    public var ruleID: String { pattern ?? rule.code }

    public var category: Category { rule.category }
}

/// The outcome for one input: its diagnostics, or why it could not be checked.
public struct FileReport: Sendable {
    public let path: String
    public let diagnostics: [Diagnostic]
    /// Set when the file could not be read or checked; the run then exits with 2.
    public let error: String?
    /// The text the diagnostics point into, for reporters that quote lines: the file as read, or
    /// as fixed when fixing.
    public let source: SourceFile?
    /// When fixing: the bytes as read, and the outcome (the diagnostics are then what remains).
    public let original: [UInt8]?
    public let fix: FixOutcome?
    /// How many findings a baseline hid (they are not in `diagnostics`).
    public let hiddenByBaseline: Int

    public init(path: String, diagnostics: [Diagnostic] = [], error: String? = nil, source: SourceFile? = nil,
                original: [UInt8]? = nil, fix: FixOutcome? = nil, hiddenByBaseline: Int = 0) {
        self.path = path
        self.diagnostics = diagnostics
        self.error = error
        self.source = source
        self.original = original
        self.fix = fix
        self.hiddenByBaseline = hiddenByBaseline
    }
}

/// What fixing one file came to.
public struct FixOutcome: Sendable {
    /// The fixed file, in the file's own encoding (BOM and line endings kept).
    public let bytes: [UInt8]
    /// How many fixes were applied, over all passes.
    public let applied: Int
    /// The findings left in the fixed text, located in it.
    public let remaining: [Diagnostic]
    /// The fixed text as a source, for reporters that quote lines.
    public let source: SourceFile
    /// The diagnostics whose fixes were applied, pass by pass; each pass's positions are in the
    /// text that pass read (the original for the first).
    public let passes: [[Diagnostic]]
    /// The file as read and its findings before any fix: what stays reported when the fixed
    /// file cannot be written.
    public let originalSource: SourceFile
    public let originalDiagnostics: [Diagnostic]

    package init(bytes: [UInt8], applied: Int, remaining: [Diagnostic], source: SourceFile, passes: [[Diagnostic]], originalSource: SourceFile, originalDiagnostics: [Diagnostic]) {
        self.bytes = bytes
        self.applied = applied
        self.remaining = remaining
        self.source = source
        self.passes = passes
        self.originalSource = originalSource
        self.originalDiagnostics = originalDiagnostics
    }

    public var changed: Bool { applied > 0 }
}
