import ArgumentParser
import Foundation
import KalkaConfig
import KalkaCore

/// `--config` and `--isolated`, shared by `check` and `config show`.
struct ConfigurationOptions: ParsableArguments {
    @Option(help: "The configuration file for every path (default: for each file, the nearest .kalka.yml in its directory or above).")
    var config: String?

    @Flag(help: "Ignore configuration files.")
    var isolated = false

    func resolver() -> ConfigurationResolver {
        ConfigurationResolver(mode: isolated ? .isolated : config.map { .file($0) } ?? .discover)
    }
}

struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Inspect the configuration.",
        subcommands: [Show.self]
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the settings that apply to a file or directory, and where they come from."
        )

        enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Argument(help: "A file or directory.")
        var path: String = "."

        @OptionGroup var options: ConfigurationOptions

        @Option(help: "Output format.")
        var format: OutputFormat = .text

        func run() throws {
            let resolution: ConfigurationResolver.Resolution
            do {
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                resolution = try options.resolver().resolve(path, isDirectory: exists && isDirectory.boolValue)
            } catch {
                StandardStreams.writeError("kalka: error: \(error)\n")
                throw ExitCode(2)
            }
            let settings = EffectiveSettings(path: path, resolution: resolution)
            StandardStreams.writeOut(format == .json ? try settings.json() : settings.text)
        }
    }
}
