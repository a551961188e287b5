import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KalkaModel

/// Where a write to a path really lands. Every command that writes a file (`--fix`,
/// `--output-file`, `report -o`, `normalize -o` and `--in-place`, `--write-baseline`) goes
/// through this, so none of them replaces a symbolic link or a device with a plain file:
///
/// - a symbolic link is followed to its target, which is written (the link stays a link, as an
///   editor keeps it); a link to nowhere creates its target; a symlink loop is an error;
/// - a device, FIFO or terminal (`/dev/null`, a named pipe) is opened and written directly, and
///   the command's own standard output or error (`/dev/stdout`, whatever it is redirected to)
///   is written through its descriptor;
/// - a regular file is replaced by a temporary file beside it, in one `rename`.
public enum WriteTarget: Equatable, Sendable {
    /// A regular file, existing or not, by its real path (every symbolic link resolved).
    case regular(path: String)
    /// An existing file that is not a regular file: written in place, never replaced.
    case special(path: String)

    /// Symbolic links followed at most (as the kernel does: 40).
    static let maximumLinks = 40

    public static func resolve(_ path: String) throws(AtomicFileWriter.WriteError) -> WriteTarget {
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG where standardStream(for: path) != nil && (path.hasPrefix("/dev/") || path.hasPrefix("/proc/")):
                // `/dev/stdout` redirected to a file: written through the command's own
                // descriptor (the shell's file, its offset and `>>`), never renamed over.
                return .special(path: path)
            case S_IFREG:
                guard let real = realPath(path) else { throw .init(message: "cannot find the file's directory: \(SystemErrors.text(errno))") }
                return .regular(path: real)
            case S_IFDIR:
                throw .init(message: "is a directory")
            default:
                return .special(path: path)
            }
        }
        let failure = errno
        guard failure == ENOENT else { throw .init(message: SystemErrors.text(failure)) }
        // Nothing there, or a link to nothing: write the name the chain of links ends at.
        var current = path
        for _ in 0...maximumLinks {
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return .regular(path: current) }
            guard let target = readLink(current) else { throw .init(message: SystemErrors.text(errno)) }
            current = target.hasPrefix("/") ? target : directory(of: current) + "/" + target
        }
        throw .init(message: SystemErrors.text(ELOOP))
    }

    /// 1 or 2 when `path` is the file this process's standard output or error is open on
    /// (compared by device and inode).
    public static func standardStream(for path: String) -> Int32? {
        guard let file = FileIdentity(path: path) else { return nil }
        return [STDOUT_FILENO, STDERR_FILENO].first { FileIdentity(descriptor: $0) == file }
    }

    public var path: String {
        switch self {
        case .regular(let path), .special(let path): path
        }
    }

    package static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// A file's identity on disk: the same file whatever name, symbolic link or hard link reaches it.
public struct FileIdentity: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// The file `path` names (symbolic links followed); nil when there is none.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The file open on `descriptor` (standard input: 0); nil when it is closed.
    public init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The regular file an output `path` would overwrite; nil when it names none (nothing yet,
    /// or a device, FIFO or terminal, which writing does not destroy).
    public static func overwrittenBy(output path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileIdentity(info)
    }
}
