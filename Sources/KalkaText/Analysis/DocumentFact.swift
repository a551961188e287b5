import KalkaModel
import Synchronization

/// Something several rules derive from one document (its page layout, its garbled runs), named
/// by a key declared once, as a static constant beside the code that computes it:
///
///     static let runs = DocumentFact<[ChunkMatch]>()
///     analysis.fact(Self.runs) { … }
///
/// The first rule that asks computes it; the others get the same value, typed by the key.
public struct DocumentFact<Value: Sendable>: Sendable {
    /// Dense from 0, one per key: the key's slot in a document's memo.
    let index: Int

    public init() {
        index = nextDocumentFactIndex.add(1, ordering: .relaxed).oldValue
    }
}

private let nextDocumentFactIndex = Atomic<Int>(0)

/// The facts of one document, each computed once.
final class DocumentMemo: @unchecked Sendable {
    /// By key index; nil until the key is first asked for.
    private var slots: [AnyObject?] = []
    /// How many times each key's value was computed (by key index): once at most, which a test
    /// checks for a whole run of the rules.
    private var computations: [Int] = []
    private let lock = Lock()

    /// One value, computed once: a second rule asking while the first computes waits for it
    /// (on a large document rules run side by side, and a shared value such as the page layout
    /// is large: building it twice would double the peak memory).
    private final class Slot<Value>: @unchecked Sendable {
        let lock = Lock()
        var value: Value?
    }

    /// Each key has its own lock, so one fact may be computed from another.
    func value<Value: Sendable>(_ fact: DocumentFact<Value>, _ compute: () -> Value) -> Value {
        let slot = lock.withLock {
            if fact.index >= slots.count {
                slots.append(contentsOf: repeatElement(nil, count: fact.index + 1 - slots.count))
            }
            // The key's type is the slot's: the first ask made it with this `Value`.
            if let slot = slots[fact.index] { return unsafeDowncast(slot, to: Slot<Value>.self) }
            let slot = Slot<Value>()
            slots[fact.index] = slot
            return slot
        }
        return slot.lock.withLock {
            if let value = slot.value { return value }
            let value = compute()
            slot.value = value
            lock.withLock {
                if fact.index >= computations.count { computations.append(contentsOf: repeatElement(0, count: fact.index + 1 - computations.count)) }
                computations[fact.index] += 1
            }
            return value
        }
    }

    /// Key index → how many times its value was computed, for the keys computed at all.
    var computationCounts: [Int: Int] {
        lock.withLock {
            var counts: [Int: Int] = [:]
            for (index, count) in computations.enumerated() where count > 0 { counts[index] = count }
            return counts
        }
    }
}
