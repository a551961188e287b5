#if canImport(Glibc)
import Glibc
#endif

/// The C allocator, where it can be asked to return freed memory to the system.
enum Allocator {
    #if canImport(Glibc)
    /// glibc's `malloc_trim`, looked up at run time (no Swift module declares it).
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()
    #endif

    /// Hands freed pages back to the system: glibc otherwise keeps what a large analysis freed,
    /// and the process stays as large as its largest moment.
    static func releaseFreeMemory() {
        #if canImport(Glibc)
        _ = trim?(0)
        #endif
    }
}
