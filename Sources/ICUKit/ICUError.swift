internal import CICU

/// An ICU failure, carrying ICU's own error name (e.g. `U_ILLEGAL_ARGUMENT_ERROR`).
public struct ICUError: Error, Equatable, CustomStringConvertible, Sendable {
    public let code: Int32
    public let name: String
    /// What kalka was doing when ICU failed.
    public let operation: String

    init(code: Int32, name: String, operation: String) {
        self.code = code
        self.name = name
        self.operation = operation
    }

    public var description: String { "\(operation) failed: \(name)" }
}

/// A syntax error in a transliterator rule set, located as ICU reports it.
public struct TransliteratorRuleError: Error, Equatable, CustomStringConvertible, Sendable {
    public let name: String
    /// 1-based line of the rule set; ICU reports 0 when it has no line.
    public let line: Int
    /// Offset on that line (UTF-16 units), as ICU reports it.
    public let offset: Int
    public let preContext: String
    public let postContext: String

    public var description: String {
        "\(name) at line \(line), offset \(offset): …\(preContext)⟪here⟫\(postContext)…"
    }
}

// ICU's C types appear only inside function bodies, never in a declaration (a signature, a
// stored or computed property, an extension): with testing enabled every declaration is part of
// ICUKit's module interface, and one naming a C type makes each client load the C module, which
// clashes with the private ICU inside Foundation ("UErrorCode has different definitions").
// So these helpers take ICU's error codes as their raw Int32 values.

/// An `ICUError` for `status`.
func icuError(_ code: Int32, _ operation: String) -> ICUError {
    ICUError(code: code, name: String(cString: u_errorName(UErrorCode(rawValue: code))), operation: operation)
}

/// Negative codes are warnings (e.g. U_USING_DEFAULT_WARNING), not failures.
func icuFailed(_ code: Int32) -> Bool { code > U_ZERO_ERROR.rawValue }

/// Throws `ICUError` when `code` is a failure.
func icuCheck(_ code: Int32, _ operation: @autoclosure () -> String) throws(ICUError) {
    if icuFailed(code) { throw icuError(code, operation()) }
}
