import KalkaModel
import Synchronization

/// Knowledge a dictionary store builds from its files once (the name dictionary, a phrase table),
/// named by a key declared once, as a static constant beside the code that builds it:
///
///     static let built = StoreFact<NameDictionary>()
///     try store.derived(Self.built) { … }
///
/// A key may also stand for one value per table path (`derived(_:path:_:)`).
public struct StoreFact<Value: Sendable>: Sendable {
    /// One per key.
    let index: Int

    public init() {
        index = nextStoreFactIndex.add(1, ordering: .relaxed).oldValue
    }
}

private let nextStoreFactIndex = Atomic<Int>(0)

/// The values a store has built, by key and path.
final class StoreFacts: @unchecked Sendable {
    private struct Key: Hashable {
        let index: Int
        let path: String
    }

    private var values: [Key: any Sendable] = [:]
    private let lock = Lock()

    /// Builds outside the lock, so one derived value may be built from another (the name
    /// dictionary reads parsed files); concurrent first uses at worst build twice.
    func value<Value: Sendable>(_ fact: StoreFact<Value>, path: String, _ build: () throws -> Value) throws -> Value {
        let key = Key(index: fact.index, path: path)
        // The key's type is the value's: every value stored under it was built as a `Value`.
        if let value = lock.withLock({ values[key] }) { return value as! Value }
        let value = try build()
        return lock.withLock {
            if let existing = values[key] { return existing as! Value }
            values[key] = value
            return value
        }
    }
}
