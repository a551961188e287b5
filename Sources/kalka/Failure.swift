import ArgumentParser
import KalkaCore

/// Every error a user reads goes through here: `kalka: error: FILE: what went wrong; what kalka
/// did`, in plain words (system and file errors through `SystemErrors.plain`, never a type name
/// or an error domain), and exit status 2.
enum Failure {
    /// Prints the message; `path` is the file it is about, when there is one.
    static func report(_ path: String?, _ message: String) {
        StandardStreams.writeError("kalka: error: \(path.map { "\($0): " } ?? "")\(message)\n")
    }

    /// Prints the message and gives the exit status to throw: `throw Failure.exit(path, "…")`.
    static func exit(_ path: String?, _ message: String) -> ExitCode {
        report(path, message)
        return ExitCode(2)
    }

    /// Any error, in plain words.
    static func exit(_ path: String?, _ error: any Error) -> ExitCode {
        exit(path, SystemErrors.plain(error))
    }

    /// A note on standard error that changes nothing in the exit status.
    static func note(_ message: String) {
        StandardStreams.writeError("kalka: note: \(message)\n")
    }
}

/// Output files never overwrite an input: the same file by device and inode, whatever name,
/// symbolic link or hard link reaches it.
enum OutputSafety {
    /// Exits 2, writing nothing, when `output` (given with `option`) is a regular file among `items`
    /// (standard input counts when it is redirected from that file).
    static func refuseOverwriting(_ output: String?, option: String, inputs items: [InputItem]) throws {
        _ = try excludingOutput(output, option: option, from: items, named: nil)
    }

    /// `items` without the output file when a directory walk met it (last run's report in the
    /// checked folder, with a note); when it was named itself (in `named`), or is standard
    /// input, exits 2 as `refuseOverwriting` does.
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
            throw Failure.exit(output, "\(option) names the same file as \(what); refusing to overwrite it, nothing was written (write the output elsewhere, or --exclude it)")
        }
        return kept
    }
}
