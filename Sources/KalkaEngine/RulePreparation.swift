import Dispatch
import KalkaKnowledge
import KalkaModel
import KalkaRules

extension Linter {
    /// The rules of `types`, in that order, made ready from `store` by two threads: most of a
    /// small check's start-up is building what the rules read (the name dictionary, the
    /// sentence model, the phrase tables), and these are independent of one another. A value
    /// several rules share is built once (the store makes a second asker wait for it). The
    /// error thrown is the first failing rule's, as when they were made one by one.
    static func preparedRules(_ types: [any Rule.Type], store: DictionaryStore) throws -> [any Rule] {
        guard types.count > 1 else { return try types.map { try $0.init(dictionaries: store) } }
        let slots = PreparedRuleSlots(count: types.count)
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            while let index = slots.nextIndex() {
                slots.store(Result { try types[index].init(dictionaries: store) }, at: index)
            }
        }
        return try slots.rules()
    }
}

/// The rules made ready so far, and which to make next.
private final class PreparedRuleSlots: @unchecked Sendable {
    private let lock = Lock()
    private var next = 0
    private var results: [Result<any Rule, any Error>?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func nextIndex() -> Int? {
        lock.withLock {
            guard next < results.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func store(_ result: Result<any Rule, any Error>, at index: Int) { lock.withLock { results[index] = result } }

    func rules() throws -> [any Rule] { try lock.withLock { try results.map { try $0!.get() } } }
}
