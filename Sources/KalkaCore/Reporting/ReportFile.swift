import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// An output file (`--output-file`, `report -o`, `normalize -o`, `--write-baseline`): written
/// to a temporary file beside the target, which replaces the target in one `rename` once the
/// output is complete, so a reader never sees half a report. A symbolic link is followed to its
/// target (the link stays); a device, FIFO or terminal is written directly, never replaced
/// (see `WriteTarget`).
public final class ReportFile {
    public typealias WriteError = AtomicFileWriter.WriteError
    private let target: WriteTarget
    /// The temporary file for a regular target; nil when writing a device directly.
    private let temporary: String?
    private var descriptor: Int32
    private var failure: String?
    private var buffer: [UInt8] = []

    public init(_ path: String) throws(WriteError) {
        target = try WriteTarget.resolve(path)
        switch target {
        case .regular(let real):
            let (descriptor, temporary) = try AtomicFileWriter.temporaryFile(beside: real)
            self.descriptor = descriptor
            self.temporary = temporary
        case .special(let device):
            descriptor = open(device, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw WriteError(message: "cannot open for writing: \(AtomicFileWriter.errorText())") }
            temporary = nil
        }
    }

    /// Buffers `text`; the first failure is kept and reported by `commit`.
    public func write(_ text: String) {
        write(bytes: Array(text.utf8))
    }

    public func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Puts the complete output in place, readable as a new file would be (mode 0666 less the umask).
    public func commit() throws(WriteError) {
        flush()
        if let temporary {
            let mask = umask(0)
            umask(mask)
            if failure == nil, fchmod(descriptor, 0o666 & ~mask) != 0 { failure = "cannot set permissions: \(AtomicFileWriter.errorText())" }
            if failure == nil, fsync(descriptor) != 0 { failure = "cannot write: \(AtomicFileWriter.errorText())" }
            close(descriptor)
            descriptor = -1
            if failure == nil, rename(temporary, target.path) != 0 { failure = "cannot put the file in place: \(AtomicFileWriter.errorText())" }
            if failure != nil { unlink(temporary) }
        } else {
            close(descriptor)
            descriptor = -1
        }
        if let failure { throw WriteError(message: failure) }
    }

    private func flush() {
        if failure == nil { failure = buffer.withUnsafeBytes { AtomicFileWriter.writeAll(descriptor, $0) } }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit {
        // Not committed: leave no temporary file behind.
        if descriptor >= 0 {
            close(descriptor)
            if let temporary { unlink(temporary) }
        }
    }
}
