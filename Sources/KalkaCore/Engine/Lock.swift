import Synchronization

/// A mutual-exclusion lock for the few process-wide caches.
final class Lock: @unchecked Sendable {
    private let mutex = Mutex(())

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        try mutex.withLock { _ in try body() }
    }
}
