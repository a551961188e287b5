/// An edit to a file: replace the bytes between `start` and `end` with `replacement`.
public struct Edit: Sendable, Equatable {
    public let start: Location
    public let end: Location
    /// The same range in UTF-8 text offsets (equal to file offsets minus a UTF-8 BOM).
    public let textRange: Range<Int>
    public let replacement: String
}

public struct Fix: Sendable {
    public let title: String
    public let applicability: FixApplicability
    public let edits: [Edit]
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
