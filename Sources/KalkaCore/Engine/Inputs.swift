// FoundationEssentials, not Foundation: Foundation carries a private ICU whose C types clash with
// the system ICU that ICUKit (imported elsewhere in this module) is built on.
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        var items: [InputItem] = []
        for path in paths {
            if path == "-" {
                let name = stdinFilename ?? "-"
                items.append(.standardInput(displayPath: name, format: format(for: name)))
                continue
            }
            if isExcluded(path) { continue }
            guard let isDirectory = Self.isDirectory(path) else {
                items.append(.failure(path: path, message: "no such file or directory"))
                continue
            }
            if isDirectory {
                walk(path, into: &items)
            } else {
                items.append(.file(path: path, format: format(for: path)))
            }
        }
        return items
    }

    private func walk(_ directory: String, into items: inout [InputItem]) {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            items.append(.failure(path: directory, message: "cannot read directory: \(Self.reason(error))"))
            return
        }
        for entry in entries where !entry.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + entry : directory + "/" + entry
            if isExcluded(path) { continue }
            guard let isDirectory = Self.isDirectory(path) else { continue }
            if isDirectory {
                walk(path, into: &items)
            } else if let dot = entry.lastIndex(of: "."), extensions.contains(entry[entry.index(after: dot)...].lowercased()) {
                items.append(.file(path: path, format: format(for: path)))
            }
        }
    }

    /// Whether `path` is a directory (following symbolic links); nil when nothing is there.
    static func isDirectory(_ path: String) -> Bool? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & S_IFMT) == S_IFDIR
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

    static func reason(_ error: Error) -> String {
        if let error = error as? CocoaError, let underlying = error.underlying as? POSIXError {
            return String(cString: strerror(underlying.code.rawValue)).lowercased()
        }
        return "\(error)"
    }
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
        readAll(STDIN_FILENO, sizeHint: 1 << 16, limit: limit)
    }

    private static func readAll(_ descriptor: Int32, sizeHint: Int, limit: Int) -> Result<[UInt8], FileReadError> {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(sizeHint, 1) + 1)
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

    static func errnoText() -> String { String(cString: strerror(errno)).lowercased() }
}

/// Reads a descriptor into a buffer of pending bytes, for the commands that stream their input
/// (`normalize`, `translit`) in bounded memory.
struct ChunkReader {
    let descriptor: Int32
    private(set) var pending: [UInt8] = []
    private(set) var atEnd = false

    init(descriptor: Int32) {
        self.descriptor = descriptor
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
