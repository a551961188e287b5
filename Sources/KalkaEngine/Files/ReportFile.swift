import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif


/// An output file (`--output-file`, `report -o`, `normalize -o`, `--write-baseline`): written
/// to a temporary file beside the target, which replaces the target in one `rename` once the
/// output is complete, so a reader never sees half a report. A symbolic link is followed to its
/// target (the link stays); a device, FIFO or terminal is written directly, never replaced, and
/// the command's own standard output through its descriptor (see `WriteTarget`).
public final class ReportFile {
    public typealias WriteError = AtomicFileWriter.WriteError
    private let target: WriteTarget
    /// The temporary file for a regular target, made at the first write (so a run interrupted
    /// before it leaves nothing behind); nil when writing a device or stream directly.
    private var temporary: String?
    private var descriptor: Int32 = -1
    private var failure: String?
    private var buffer: [UInt8] = []

    public init(_ path: String) throws(WriteError) {
        target = try WriteTarget.resolve(path)
        switch target {
        case .regular(let real):
            // Found out now, not after the run: a directory the file cannot be made in.
            guard access(WriteTarget.directory(of: real), W_OK | X_OK) == 0 else {
                throw WriteError(message: "cannot create the file: \(AtomicFileWriter.errorText())")
            }
        case .special(let device):
            // The command's own standard output or error (`-o /dev/stdout` redirected to a file):
            // written through a copy of that descriptor, so the output lands where the shell put
            // it (after what is there with `>>`), in order with what kalka prints itself.
            if let stream = WriteTarget.standardStream(for: device) {
                descriptor = dup(stream)
            } else {
                descriptor = open(device, O_WRONLY | O_CLOEXEC)
            }
            guard descriptor >= 0 else { throw WriteError(message: "cannot open for writing: \(AtomicFileWriter.errorText())") }
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

    /// Buffers a reporter's UTF-8 output, valid for the call only.
    public func write(utf8 bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Puts the complete output in place, readable as a new file would be (mode 0666 less the
    /// umask), or with the owner and mode of `replacing`, the file it rewrites (`normalize
    /// --in-place`), as `AtomicFileWriter.replace` keeps them.
    public func commit(replacing original: stat? = nil) throws(WriteError) {
        flush()
        if let temporary {
            let mask = umask(0)
            umask(mask)
            if let original {
                // Ownership first: a change of owner clears set-user- and set-group-ID bits.
                _ = fchown(descriptor, original.st_uid, original.st_gid)
            }
            let mode = original.map { $0.st_mode & 0o7777 } ?? (0o666 & ~mask)
            if failure == nil, fchmod(descriptor, mode) != 0 { failure = "cannot set permissions: \(AtomicFileWriter.errorText())" }
            if failure == nil, fsync(descriptor) != 0 { failure = "cannot write: \(AtomicFileWriter.errorText())" }
            close(descriptor)
            descriptor = -1
            if failure == nil, rename(temporary, target.path) != 0 { failure = "cannot put the file in place: \(AtomicFileWriter.errorText())" }
            if failure != nil { unlink(temporary) }
        } else if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        if let failure { throw WriteError(message: failure) }
    }

    private func flush() {
        if failure == nil, descriptor < 0, case .regular(let real) = target {
            do {
                (descriptor, temporary) = try AtomicFileWriter.temporaryFile(beside: real)
            } catch {
                failure = error.message
            }
        }
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
