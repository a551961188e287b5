import ArgumentParser
import Foundation
import KalkaCore

/// The `kalka` command: a thin layer over KalkaCore.
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
        do {
            var command = try Kalka.parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch where !String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
            // Not a usage error: a failure no command caught, said in plain words.
            Failure.report(nil, SystemErrors.plain(error) + "; stopped")
            Foundation.exit(2)
        } catch {
            let code = Kalka.exitCode(for: error)
            if code == .success { Kalka.exit(withError: error) }
            let message = Kalka.fullMessage(for: error)
            FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue == 0 ? 2 : code.rawValue)
        }
    }
}

enum StandardStreams {
    static func writeOut(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}

extension InputFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}
