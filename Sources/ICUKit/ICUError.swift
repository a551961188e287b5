internal import CICU

/// An ICU failure, carrying ICU's own error name (e.g. `U_ILLEGAL_ARGUMENT_ERROR`).
public struct ICUError: Error, Equatable, CustomStringConvertible, Sendable {
    public let code: Int32
    public let name: String
    /// What kalka was doing when ICU failed.
    public let operation: String

    init(_ status: UErrorCode, _ operation: String) {
        self.code = status.rawValue
        self.name = String(cString: u_errorName(status))
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

extension UErrorCode {
    /// Negative codes are warnings (e.g. U_USING_DEFAULT_WARNING), not failures.
    var failed: Bool { kalka_failure(self) }

    func check(_ operation: @autoclosure () -> String) throws(ICUError) {
        if failed { throw ICUError(self, operation()) }
    }
}
