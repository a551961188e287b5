import Synchronization

/// A mutual-exclusion lock for the few process-wide caches.
package final class Lock: @unchecked Sendable {
    private let mutex = Mutex(())

    package init() {}

    package func withLock<T>(_ body: () throws -> T) rethrows -> T {
        try mutex.withLock { _ in try body() }
    }
}
