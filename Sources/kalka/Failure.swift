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

/// What the CLI says about `OutputSafety`'s screening: a note for each output file a directory
/// walk met, and a failure (nothing written) when the output would overwrite an input.
extension OutputSafety {
    /// Fails when `output` (given with `option`) is a regular file among `items` (standard input
    /// counts when it is redirected from that file).
    static func refuseOverwriting(_ output: String?, option: String, inputs items: [InputItem]) throws {
        _ = try excludingOutput(output, option: option, from: items, named: nil)
    }

    /// `items` without the output file when a directory walk met it (with a note); when it was
    /// named itself (in `named`), or is standard input, fails as `refuseOverwriting` does.
    static func excludingOutput(_ output: String?, option: String, from items: [InputItem], named: [String]?) throws -> [InputItem] {
        let screening = screen(items, output: output, named: named)
        for item in screening.skipped { Failure.note("\(item.path): the \(option) file; not checked") }
        if let item = screening.conflict, let output {
            let what = if case .standardInput = item { "standard input" } else { "an input (\(item.path))" }
            throw CommandFailure(output, "\(option) names the same file as \(what); refusing to overwrite it, nothing was written (write the output elsewhere, or --exclude it)")
        }
        return screening.kept
    }
}
