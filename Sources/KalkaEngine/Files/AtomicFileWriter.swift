import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import KalkaModel
import KalkaRules

/// Writes a fixed file in place, safely: the new bytes go to a temporary file in the same
/// directory (same file system), which takes the original's permissions and then replaces it
/// with one `rename`, so a reader sees the old file or the new one, never a mix. A file changed
/// on disk since it was read is left alone.
///
/// A symbolic link is followed: its target is replaced and the link stays (see `WriteTarget`).
/// A file with other hard links gets a new inode, so the other names keep the old text: the
/// price of never leaving a half-written file (the README says so).
public enum AtomicFileWriter {
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public let message: String

        package init(message: String) {
            self.message = message
        }
        public var description: String { message }
    }

    public static func replace(_ givenPath: String, expecting original: [UInt8], with bytes: [UInt8]) throws(WriteError) {
        guard case .regular(let path) = try WriteTarget.resolve(givenPath) else {
            throw WriteError(message: "not a regular file (a device, FIFO or socket), so it cannot be rewritten")
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw WriteError(message: "cannot read its permissions: \(errorText())") }
        guard case .success(let current) = FileReading.read(path: path), current == original else {
            throw WriteError(message: "changed on disk since it was read")
        }
        let (descriptor, temporary) = try temporaryFile(beside: path)
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
        let failure: String? = bytes.withUnsafeBytes { raw in
            if let failure = writeAll(descriptor, raw) { return failure }
            // Ownership first (a change of owner or group clears set-user- and set-group-ID
            // bits), then the mode. The owner and group follow the original where we may set
            // them (root, or the owner in the file's group); elsewhere the file keeps the
            // writer's, as any editor's save leaves it.
            _ = fchown(descriptor, info.st_uid, info.st_gid)
            if fchmod(descriptor, info.st_mode & 0o7777) != 0 { return "cannot set permissions: \(errorText())" }
            if fsync(descriptor) != 0 { return "cannot sync: \(errorText())" }
            return nil
        }
        close(descriptor)
        if let failure { throw WriteError(message: failure) }
        guard rename(temporary, path) == 0 else { throw WriteError(message: "cannot replace the file: \(errorText())") }
        succeeded = true
    }

    /// A new temporary file in the directory of `path` (so a rename onto `path` is atomic).
    package static func temporaryFile(beside path: String) throws(WriteError) -> (descriptor: Int32, path: String) {
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array("\(directory)/.\(name).kalka-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw WriteError(message: "cannot create a temporary file: \(errorText())") }
        return (descriptor, String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    /// Writes all of `bytes`, retrying short and interrupted writes; the failure's text, if any.
    package static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return "cannot write: \(errorText())"
            }
            offset += written
        }
        return nil
    }

    package static func errorText() -> String { SystemErrors.text(errno) }
}
