import Foundation
import KalkaEngine

/// Which configuration applies to each checked path: the nearest `.kalka.yml` in the path's
/// directory or above (each directory looked up once, each file loaded once), one file for all
/// (`--config`), or the built-in defaults (`--isolated`). The nearest file applies alone:
/// configuration files do not inherit from the ones above them.
public final class ConfigurationResolver {
    public enum Mode: Sendable, Equatable {
        case discover
        /// One configuration file for every path, as given (relative to the working directory).
        case file(String)
        case isolated
    }

    /// What applies to one path.
    public struct Resolution: Sendable {
        /// The configuration file as loaded (built-in defaults when none applies).
        public let file: Configuration
        /// Its settings for this path, overrides applied (and the command line's, for the
        /// commands that take settings such as `--date`).
        public var settings: Configuration
        public let appliedOverrides: [Configuration.Override]
        /// The path relative to the configuration file's directory; nil without a file, and
        /// for unnamed standard input.
        public let relativePath: String?

        /// Whether the file's `exclude` skips this path.
        public var isExcluded: Bool { file.excludes(relativePath: relativePath) }
    }

    public let mode: Mode
    public let workingDirectory: String
    private var nearestByDirectory: [String: String?] = [:]
    private var loaded: [String: Configuration] = [:]

    public init(mode: Mode, workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.mode = mode
        self.workingDirectory = workingDirectory
    }

    /// The configuration for `path` (a file, or a directory when `isDirectory`), given as on
    /// the command line.
    public func resolve(_ path: String, isDirectory: Bool = false) throws(ConfigurationError) -> Resolution {
        let absolute = Self.absolute(path, in: workingDirectory)
        return try resolve(absolute: absolute, directory: isDirectory ? absolute : Self.parent(of: absolute), matchPaths: true)
    }

    /// Unnamed standard input: the working directory's configuration, without overrides.
    public func resolveStandardInput() throws(ConfigurationError) -> Resolution {
        try resolve(absolute: Self.absolute(".", in: workingDirectory), directory: Self.absolute(".", in: workingDirectory), matchPaths: false)
    }

    /// The configuration file that applies in `directory` (absolute), if any.
    public func configurationFile(forDirectory directory: String) -> String? {
        switch mode {
        case .isolated: return nil
        case .file(let path): return path
        case .discover: return nearestFile(from: directory)
        }
    }

    private func resolve(absolute: String, directory: String, matchPaths: Bool) throws(ConfigurationError) -> Resolution {
        guard let configurationPath = configurationFile(forDirectory: directory) else {
            return Resolution(file: Configuration(), settings: Configuration(), appliedOverrides: [], relativePath: nil)
        }
        let file = try load(configurationPath)
        let base = Self.parent(of: Self.absolute(configurationPath, in: workingDirectory))
        let relativePath = matchPaths ? Self.relative(absolute, to: base) : nil
        let (settings, applied) = file.resolved(forRelativePath: relativePath)
        return Resolution(file: file, settings: settings, appliedOverrides: applied, relativePath: relativePath)
    }

    /// Loads by absolute path (the working directory may not be the process's); errors name
    /// the file as given.
    private func load(_ path: String) throws(ConfigurationError) -> Configuration {
        if let configuration = loaded[path] { return configuration }
        let configuration: Configuration
        do {
            configuration = try ConfigurationLoader.load(Self.absolute(path, in: workingDirectory))
        } catch {
            throw ConfigurationError(path: path, line: error.line, column: error.column, message: error.message)
        }
        loaded[path] = configuration
        return configuration
    }

    /// Walks up from `directory` to the filesystem root; every directory passed on the way
    /// remembers the answer.
    private func nearestFile(from directory: String) -> String? {
        var visited: [String] = []
        var current = directory
        var found: String?
        while true {
            if let cached = nearestByDirectory[current] {
                found = cached
                break
            }
            visited.append(current)
            let candidate = current == "/" ? "/" + ConfigurationLoader.fileName : current + "/" + ConfigurationLoader.fileName
            // Anything there that is not a directory is the configuration, even a broken link
            // or a symlink loop: loading it then says what is wrong, instead of skipping it.
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory)
            if exists ? !isDirectory.boolValue : (try? FileManager.default.destinationOfSymbolicLink(atPath: candidate)) != nil {
                found = candidate
                break
            }
            let parent = Self.parent(of: current)
            if parent == current { break }
            current = parent
        }
        for directory in visited { nearestByDirectory[directory] = .some(found) }
        return found
    }

    /// The absolute, standardized form of `path` (relative to `workingDirectory`). Every input
    /// file is resolved: a plain path (no empty, "." or ".." component) is joined as it is,
    /// since standardizing it changes nothing, and Foundation's URL work costs more than the
    /// check of an empty file.
    package static func absolute(_ path: String, in workingDirectory: String) -> String {
        if isPlain(path) {
            if path.utf8.first == UInt8(ascii: "/") { return path }
            if workingDirectory.utf8.first == UInt8(ascii: "/") && (workingDirectory == "/" || isPlain(workingDirectory)) {
                return workingDirectory == "/" ? "/" + path : workingDirectory + "/" + path
            }
        }
        return URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true)).standardizedFileURL.path
    }

    /// True when no component of the path is empty (a doubled or trailing slash), "." or "..";
    /// a leading slash is allowed.
    package static func isPlain(_ path: String) -> Bool {
        var componentLength = 0
        var dots = 0
        var first = true
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if componentLength == 0 && !first { return false }
                if componentLength > 0 && componentLength == dots && dots <= 2 { return false }
                componentLength = 0
                dots = 0
            } else {
                componentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
            first = false
        }
        return componentLength > 0 && !(componentLength == dots && dots <= 2)
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `path` relative to `base` (both absolute), with `..` where it lies outside; "" for `base`.
    static func relative(_ path: String, to base: String) -> String {
        let pathParts = path.split(separator: "/")
        let baseParts = base.split(separator: "/")
        var common = 0
        while common < min(pathParts.count, baseParts.count) && pathParts[common] == baseParts[common] { common += 1 }
        let ups = Array(repeating: "..", count: baseParts.count - common)
        return (ups + pathParts[common...].map(String.init)).joined(separator: "/")
    }
}
