import ArgumentParser
import KalkaCore

/// What stops a command: thrown by the commands, which print nothing themselves, and said once by
/// `Main` as `kalka: error: FILE: what went wrong; what kalka did`, in plain words (system and
/// file errors through `SystemErrors.plain`, never a type name or an error domain), with exit
/// status 2. Usage errors are ArgumentParser's own (`ValidationError`), also 2.
struct CommandFailure: Error {
    /// The file the message is about, when there is one.
    let path: String?
    let message: String

    init(_ path: String?, _ message: String) {
        self.path = path
        self.message = message
    }

    /// Any error, in plain words.
    init(_ path: String?, _ error: any Error) {
        self.init(path, SystemErrors.plain(error))
    }
}

/// The lines kalka writes on standard error about files and the run.
enum Failure {
    /// An error about one file (or the run, with no `path`): `kalka: error: FILE: message`.
    static func report(_ path: String?, _ message: String) {
        StandardStreams.writeError("kalka: error: \(path.map { "\($0): " } ?? "")\(message)\n")
    }

    /// A note on standard error that changes nothing in the exit status.
    static func note(_ message: String) {
        StandardStreams.writeError("kalka: note: \(message)\n")
    }
}

/// Output files never overwrite an input: the same file by device and inode, whatever name,
/// symbolic link or hard link reaches it.
enum OutputSafety {
    /// Throws a `CommandFailure` (nothing is written) when `output` (given with `option`) is a
    /// regular file among `items` (standard input counts when it is redirected from that file).
    static func refuseOverwriting(_ output: String?, option: String, inputs items: [InputItem]) throws {
        _ = try excludingOutput(output, option: option, from: items, named: nil)
    }

    /// `items` without the output file when a directory walk met it (last run's report in the
    /// checked folder, with a note); when it was named itself (in `named`), or is standard
    /// input, fails as `refuseOverwriting` does.
    static func excludingOutput(_ output: String?, option: String, from items: [InputItem], named: [String]?) throws -> [InputItem] {
        guard let output, let target = FileIdentity.overwrittenBy(output: output) else { return items }
        let namedFiles = named.map { Set($0.compactMap { FileIdentity(path: $0) }) }
        var kept: [InputItem] = []
        for item in items {
            let identity: FileIdentity? = switch item {
            case .file(let path, _): FileIdentity(path: path)
            case .standardInput: FileIdentity(descriptor: 0)
            case .failure: nil
            }
            guard identity == target else {
                kept.append(item)
                continue
            }
            if case .file = item, let namedFiles, !namedFiles.contains(target) {
                Failure.note("\(item.path): the \(option) file; not checked")
                continue
            }
            let what = if case .standardInput = item { "standard input" } else { "an input (\(item.path))" }
            throw CommandFailure(output, "\(option) names the same file as \(what); refusing to overwrite it, nothing was written (write the output elsewhere, or --exclude it)")
        }
        return kept
    }
}
