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

/// ICU's preflighting convention for functions that fill a caller's buffer: when the buffer is
/// too small ICU fails with U_BUFFER_OVERFLOW_ERROR and returns the length it needs, so call
/// again with that much room. `fill` writes into the buffer and returns ICU's length and status.
func icuFill<Unit>(_ unit: Unit.Type, capacity: Int, _ operation: @autoclosure () -> String,
                   _ fill: (UnsafeMutableBufferPointer<Unit>) -> (length: Int32, status: Int32)) throws(ICUError) -> [Unit] {
    var capacity = max(16, capacity)
    while true {
        var outcome: (length: Int32, status: Int32) = (0, 0)
        let result = [Unit](unsafeUninitializedCapacity: capacity) { buffer, count in
            outcome = fill(buffer)
            count = icuFailed(outcome.status) ? 0 : Int(outcome.length)
        }
        if outcome.status == U_BUFFER_OVERFLOW_ERROR.rawValue {
            capacity = Int(outcome.length) + 1
            continue
        }
        try icuCheck(outcome.status, operation())
        return result
    }
}
