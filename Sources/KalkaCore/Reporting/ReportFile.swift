import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `--output-file`: the report is written to a temporary file beside the target, which replaces
/// the target in one `rename` once the report is complete, so a reader never sees half a report.
public final class ReportFile {
    public typealias WriteError = AtomicFileWriter.WriteError
    private let path: String
    private let temporary: String
    private var descriptor: Int32
    private var failure: String?
    private var buffer: [UInt8] = []

    public init(_ path: String) throws(WriteError) {
        self.path = path
        (descriptor, temporary) = try AtomicFileWriter.temporaryFile(beside: path)
    }

    /// Buffers `text`; the first failure is kept and reported by `commit`.
    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Puts the complete report in place, readable as a new file would be (mode 0666 less the umask).
    public func commit() throws(WriteError) {
        flush()
        let mask = umask(0)
        umask(mask)
        if failure == nil, fchmod(descriptor, 0o666 & ~mask) != 0 { failure = "cannot set permissions: \(AtomicFileWriter.errorText())" }
        if failure == nil, fsync(descriptor) != 0 { failure = "cannot sync: \(AtomicFileWriter.errorText())" }
        close(descriptor)
        descriptor = -1
        if failure == nil, rename(temporary, path) != 0 { failure = "cannot write \(path): \(AtomicFileWriter.errorText())" }
        if let failure {
            unlink(temporary)
            throw WriteError(message: failure)
        }
    }

    private func flush() {
        if failure == nil { failure = buffer.withUnsafeBytes { AtomicFileWriter.writeAll(descriptor, $0) } }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit {
        // Not committed: leave no temporary file behind.
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporary)
        }
    }
}
