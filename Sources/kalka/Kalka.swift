import ArgumentParser
import Foundation
import KalkaCore
import Synchronization

/// The `kalka` command: a thin layer over KalkaCore.
/// Every command names itself: ArgumentParser would derive the name from the type's by
/// reflection, dozens of times per run, a measurable part of a small check's start-up.
struct Kalka: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kalka",
        abstract: "Finds machine-translation artifacts in English articles translated from Russian and Ukrainian.",
        version: KalkaVersion.current,
        subcommands: [Check.self, Report.self, Normalize.self, Config.self, Translit.self, Rules.self, RuleCommand.self, Bench.self]
    )
}

/// Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or I/O errors (ArgumentParser's
/// own usage code 64 is mapped to 2, the linter convention).
@main
enum Main {
    static func main() {
        // Over a file size limit (`ulimit -f`) a write fails with an error kalka reports, and
        // cleans up after, instead of the signal killing it beside a half-made temporary file.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try Kalka.parseAsRoot()
            try command.run()
            StandardStreams.finish(status: 0)
        } catch let exit as ExitCode {
            StandardStreams.finish(status: exit.rawValue)
        } catch let failure as CommandFailure {
            fail(failure)
        } catch where !String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
            // Not a usage error: a failure no command caught, said in plain words.
            fail(CommandFailure(nil, SystemErrors.plain(error) + "; stopped"))
        } catch {
            let code = Kalka.exitCode(for: error)
            if code == .success { Kalka.exit(withError: error) }
            StandardStreams.flush()
            let message = Kalka.fullMessage(for: error)
            FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
            StandardStreams.finish(status: code == .validationFailure ? 2 : code.rawValue == 0 ? 2 : code.rawValue)
        }
    }

    /// The one way a command's failure reaches the user: its message on standard error (after
    /// the output so far), then exit status 2.
    private static func fail(_ failure: CommandFailure) -> Never {
        Failure.report(failure.path, failure.message)
        StandardStreams.finish(status: 2)
    }
}

enum StandardStreams {
    /// Standard output, gathered up to 64 KB: a large report goes out as it is made, in few
    /// system calls. Standard error writes it out first, so the two keep their order on one
    /// terminal; `main` writes out the rest before the process ends.
    private static let output = Mutex<[UInt8]>([])

    static func writeOut(_ text: String) {
        output.withLock { buffer in
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= 1 << 16 { drain(&buffer) }
        }
    }

    /// A reporter's UTF-8 output, copied as it is.
    static func writeOut(utf8 bytes: UnsafeRawBufferPointer) {
        output.withLock { buffer in
            buffer.append(contentsOf: bytes)
            if buffer.count >= 1 << 16 { drain(&buffer) }
        }
    }

    /// Bytes as they are (fixed or romanized text, in the file's own encoding).
    static func writeOut(bytes: [UInt8]) {
        output.withLock { buffer in
            buffer.append(contentsOf: bytes)
            if buffer.count >= 1 << 16 { drain(&buffer) }
        }
    }

    static func flush() {
        output.withLock { drain(&$0) }
    }

    static func writeError(_ text: String) {
        flush()
        var bytes = Array(text.utf8)
        writeAll(STDERR_FILENO, &bytes)
    }

    private static func drain(_ buffer: inout [UInt8]) {
        writeAll(STDOUT_FILENO, &buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: inout [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 {
                    if descriptor == STDOUT_FILENO { recordOutputFailure(written < 0 ? errno : ENOSPC) }
                    return
                }
                offset += written
            }
        }
    }

    /// The first error writing standard output (a full disk behind `> file`), if any.
    private static let outputFailure = Mutex<Int32?>(nil)

    /// Notes that standard output could not be written; the run then ends with status 2.
    static func recordOutputFailure(_ code: Int32) {
        outputFailure.withLock { if $0 == nil { $0 = code } }
    }

    /// Writes out what is buffered and ends the process: with `status`, or with 2 and a message
    /// when standard output could not be written (a report cut short is never a success).
    static func finish(status: Int32) -> Never {
        flush()
        if let code = outputFailure.withLock({ $0 }) {
            writeError("kalka: error: cannot write to standard output: \(SystemErrors.text(code)); the output is incomplete\n")
            Foundation.exit(2)
        }
        Foundation.exit(status)
    }

    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}

extension InputFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}
