// FoundationEssentials, not Foundation: Foundation carries a private ICU whose C types clash with
// the system ICU that ICUKit (imported elsewhere in this module) is built on.
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KalkaModel
import KalkaRules
import KalkaText

/// One thing to check, in the order the run reports it.
public enum InputItem: Sendable, Equatable {
    /// A file on disk (`path` as given, or joined under a directory given).
    case file(path: String, format: InputFormat)
    /// Standard input, reported under `displayPath`.
    case standardInput(displayPath: String, format: InputFormat)
    /// A path that cannot be checked at all (missing, unreadable directory).
    case failure(path: String, message: String)

    public var path: String {
        switch self {
        case .file(let path, _), .failure(let path, _): path
        case .standardInput(let displayPath, _): displayPath
        }
    }
}

/// Turns command-line paths into inputs: files as given, directories walked recursively in
/// sorted order (hidden entries skipped) for the default extensions, exclusions applied.
///
/// Every file is checked once, however many names, symbolic links or hard links reach it (by
/// device and inode; the first name found is the one reported). Symbolic links inside a walk
/// are followed, to files and to directories, but a directory already walked is never walked
/// again, so a link back up the tree ends there instead of looping. A walk checks regular files
/// only: a FIFO, socket or device with a checked extension is skipped with a note (reading a
/// FIFO would wait forever for a writer). Named on the command line, a FIFO or device (such as
/// /dev/stdin) is read: that is deliberate use.
public struct InputCollector: Sendable {
    public var extensions: Set<String> = Set(InputFormat.defaultExtensions)
    public var exclude: [String] = []
    /// Overrides the format implied by each file's extension.
    public var formatOverride: InputFormat?
    /// The name standard input is reported under (and whose extension picks its format).
    public var stdinFilename: String?

    public init(exclude: [String] = [], formatOverride: InputFormat? = nil, stdinFilename: String? = nil) {
        self.exclude = exclude
        self.formatOverride = formatOverride
        self.stdinFilename = stdinFilename
    }

    public func collect(_ paths: [String]) -> [InputItem] {
        collectNoting(paths).items
    }

    /// The inputs, and a note for each entry a walk skipped (`path: why`), for standard error.
    public func collectNoting(_ paths: [String]) -> (items: [InputItem], notes: [String]) {
        var state = WalkState()
        for path in paths {
            if path == "-" {
                let name = stdinFilename ?? "-"
                state.items.append(.standardInput(displayPath: name, format: format(for: name)))
                continue
            }
            if isExcluded(path) { continue }
            var info = stat()
            guard stat(path, &info) == 0 else {
                let failure = errno
                state.items.append(.failure(path: path, message: Self.missingReason(path, failure)))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if state.directories.insert(FileIdentity(info)).inserted { walk(path, into: &state) }
            } else if state.files.insert(FileIdentity(info)).inserted {
                state.items.append(.file(path: path, format: format(for: path)))
            }
        }
        return (state.items, state.notes)
    }

    private struct WalkState {
        var items: [InputItem] = []
        var notes: [String] = []
        var files: Set<FileIdentity> = []
        var directories: Set<FileIdentity> = []
    }

    private func walk(_ directory: String, into state: inout WalkState) {
        let entries: [String]
        switch Self.entries(of: directory) {
        case .success(let listed):
            entries = listed.names
            for name in listed.undecodable where !name.hasPrefix(".") {
                state.notes.append("\(directory)/\(name): the name is not valid UTF-8; skipped")
            }
        case .failure(let failure):
            state.items.append(.failure(path: directory, message: "cannot read the directory: \(SystemErrors.text(failure.code))"))
            return
        }
        for entry in entries where !entry.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + entry : directory + "/" + entry
            if isExcluded(path) { continue }
            var info = stat()
            guard stat(path, &info) == 0 else {
                // Gone since listed, or a symbolic link to nothing or to itself.
                let failure = errno
                var link = stat()
                if lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK {
                    state.notes.append("\(path): \(Self.missingReason(path, failure)); skipped")
                }
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if state.directories.insert(FileIdentity(info)).inserted {
                    walk(path, into: &state)
                }
            case S_IFREG:
                guard hasCheckedExtension(entry) else { continue }
                if state.files.insert(FileIdentity(info)).inserted {
                    state.items.append(.file(path: path, format: format(for: path)))
                }
            default:
                guard hasCheckedExtension(entry) else { continue }
                state.notes.append("\(path): not a regular file (\(Self.kind(info.st_mode))); skipped")
            }
        }
    }

    private func hasCheckedExtension(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return extensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// A directory's entry names, sorted, with those that are not valid UTF-8 apart (shown with
    /// replacement characters: no path can be made of them); the error number when it cannot be
    /// read.
    static func entries(of directory: String) -> Result<(names: [String], undecodable: [String]), SystemErrorCode> {
        guard let stream = opendir(directory) else { return .failure(SystemErrorCode(errno)) }
        defer { closedir(stream) }
        var names: [String] = [], undecodable: [String] = []
        while let entry = readdir(stream) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if let name = String(validating: bytes, as: UTF8.self) {
                if name != "." && name != ".." { names.append(name) }
            } else {
                undecodable.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        return .success((names.sorted(), undecodable.sorted()))
    }

    /// Why `path` cannot be checked, in words: a symlink loop and a link to nothing are told
    /// apart from a missing file.
    static func missingReason(_ path: String, _ code: Int32) -> String {
        var link = stat()
        if code == ENOENT, lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK {
            return "broken symbolic link (its target does not exist)"
        }
        return SystemErrors.text(code)
    }

    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "a special file"
        }
    }

    func format(for path: String) -> InputFormat {
        formatOverride ?? InputFormat.inferred(fromPath: path) ?? .plain
    }

    /// A glob matches the whole path or its last component (see `PathGlob`: `*` crosses `/`, as
    /// in `drafts/*`, and `**/` may match no directory).
    func isExcluded(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return exclude.contains { pattern in
            PathGlob.matches(pattern, path) || PathGlob.matches(pattern, name)
                || (path.hasPrefix("./") && PathGlob.matches(pattern, String(path.dropFirst(2))))
        }
    }
}

/// An `errno` value as an `Error`, for `Result`.
public struct SystemErrorCode: Error, Sendable {
    public let code: Int32
    init(_ code: Int32) { self.code = code }
}

/// Reads a whole file or standard input as bytes, with a message naming the failure.
public enum FileReading {
    public static func read(path: String, limit: Int = SourceFile.defaultSizeLimit) -> Result<[UInt8], FileReadError> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(FileReadError(message: "cannot open: \(errnoText())")) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(FileReadError(message: "cannot stat: \(errnoText())")) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(FileReadError(message: "is a directory")) }
        if Int(info.st_size) > limit {
            return .failure(FileReadError(message: SourceError.tooLarge(bytes: Int(info.st_size), limit: limit).description))
        }
        return readAll(descriptor, sizeHint: Int(info.st_size), limit: limit)
    }

    public static func readStandardInput(limit: Int = SourceFile.defaultSizeLimit) -> Result<[UInt8], FileReadError> {
        // The first read is one 64 KB chunk, as every later one, so the byte count an over-limit
        // message gives is the same however the input is cut.
        readAll(STDIN_FILENO, sizeHint: (1 << 16) - 1, limit: limit)
    }

    private static func readAll(_ descriptor: Int32, sizeHint: Int, limit: Int) -> Result<[UInt8], FileReadError> {
        // Read straight into an array of the size the file says it has, and one byte more to
        // see its end in the next read; then on in chunks if it grew (or gave no size).
        var failure: FileReadError?
        var atEnd = false
        var bytes = [UInt8](unsafeUninitializedCapacity: max(sizeHint, 0) + 1) { buffer, count in
            while count < buffer.count {
                let read = systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if read < 0 {
                    if errno == EINTR { continue }
                    failure = FileReadError(message: "cannot read: \(errnoText())")
                    return
                }
                if read == 0 {
                    atEnd = true
                    return
                }
                count += read
            }
        }
        if let failure { return .failure(failure) }
        if bytes.count > limit {
            return .failure(FileReadError(message: SourceError.tooLarge(bytes: bytes.count, limit: limit).description))
        }
        if atEnd { return .success(bytes) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(FileReadError(message: "cannot read: \(errnoText())"))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit {
                return .failure(FileReadError(message: SourceError.tooLarge(bytes: bytes.count, limit: limit).description))
            }
        }
        return .success(bytes)
    }

    static func errnoText() -> String { SystemErrors.text(errno) }
}

/// Reads a descriptor into a buffer of pending bytes, for the commands that stream their input
/// (`normalize`, `translit`) in bounded memory.
struct ChunkReader {
    let descriptor: Int32
    private(set) var pending: [UInt8] = []
    private(set) var atEnd = false

    init(descriptor: Int32, pending: [UInt8] = []) {
        self.descriptor = descriptor
        self.pending = pending
    }

    /// All of the input at once.
    init(bytes: [UInt8]) {
        self.descriptor = -1
        pending = bytes
        atEnd = true
    }

    /// Reads until `count` bytes are pending or the input ends.
    mutating func fill(upTo count: Int) throws(FileReadError) {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while !atEnd && pending.count < count {
            let read = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if read < 0 {
                if errno == EINTR { continue }
                throw FileReadError(message: "cannot read: \(FileReading.errnoText())")
            }
            if read == 0 { atEnd = true } else { pending += buffer[0..<read] }
        }
    }

    mutating func take(_ count: Int) -> [UInt8] {
        let taken = Array(pending[0..<count])
        pending.removeFirst(count)
        return taken
    }
}

public struct FileReadError: Error, Sendable {
    public let message: String
}

#if canImport(Glibc)
let systemRead = Glibc.read
#elseif canImport(Darwin)
let systemRead = Darwin.read
#endif
