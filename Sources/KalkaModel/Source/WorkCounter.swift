/// Counts the steps of the loops whose length could grow with one dimension of a hostile input
/// (line length, directives, nesting depth, token length), so that tests can show the work
/// grows linearly with the input without timing anything.
///
/// Counting happens in debug builds only, and only inside `counting(_:)`: release builds, and
/// every run not being measured, pay nothing.
package final class WorkCounter: @unchecked Sendable {
    private let lock = Lock()
    private var steps = 0

    @TaskLocal static var current: WorkCounter?

    /// False in release builds, where nothing is counted.
    static var isCounting: Bool {
        #if DEBUG
        true
        #else
        false
        #endif
    }

    @inline(__always)
    package static func count(_ steps: Int) {
        #if DEBUG
        if let current { current.lock.withLock { current.steps += steps } }
        #endif
    }

    /// The steps `body` took.
    static func counting(_ body: () throws -> Void) rethrows -> Int {
        let counter = WorkCounter()
        try $current.withValue(counter) { try body() }
        return counter.lock.withLock { counter.steps }
    }
}
