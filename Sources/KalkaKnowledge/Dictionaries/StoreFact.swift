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

    /// One value, and the lock held while it is built: a second thread asking for it meanwhile
    /// waits instead of building it again (rules are made ready in parallel), while values
    /// under other keys go on being built and read.
    private final class Slot: @unchecked Sendable {
        let building = Lock()
        var value: (any Sendable)?
    }

    private var slots: [Key: Slot] = [:]
    private let lock = Lock()

    /// Builds outside the store's lock, so one derived value may be built from another (the
    /// name dictionary reads parsed files). A value whose build throws is not kept.
    func value<Value: Sendable>(_ fact: StoreFact<Value>, path: String, _ build: () throws -> Value) throws -> Value {
        let key = Key(index: fact.index, path: path)
        let slot = lock.withLock {
            if let slot = slots[key] { return slot }
            let slot = Slot()
            slots[key] = slot
            return slot
        }
        // The key's type is the value's: every value stored under it was built as a `Value`.
        return try slot.building.withLock {
            if let value = slot.value { return value as! Value }
            let value = try build()
            slot.value = value
            return value
        }
    }
}
