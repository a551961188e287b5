import KalkaModel

/// A value built the first time it is asked for, once, whichever thread asks first: knowledge
/// only some documents need stays out of start-up.
final class BuiltOnFirstUse<Value: Sendable>: @unchecked Sendable {
    private let lock = Lock()
    private var built: Value?
    private let build: @Sendable () -> Value

    init(_ build: @escaping @Sendable () -> Value) { self.build = build }

    /// Whether the value has been built (tests count start-up work with it).
    var isBuilt: Bool { lock.withLock { built != nil } }

    var value: Value {
        lock.withLock {
            if let built { return built }
            let value = build()
            built = value
            return value
        }
    }
}
