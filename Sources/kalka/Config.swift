import ArgumentParser
import Foundation
import KalkaConfig
import KalkaCore

struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Inspect the configuration.",
        subcommands: [Show.self]
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print the settings that apply to a file or directory, and where they come from."
        )

        enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Argument(help: "A file or directory.")
        var path: String = "."

        @OptionGroup var options: ConfigurationOptions
        @OptionGroup var dateOption: ArticleDateOption

        @Option(help: "Output format.")
        var format: OutputFormat = .text

        func run() throws {
            var resolution: ConfigurationResolver.Resolution
            do {
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                resolution = try options.resolver().resolve(path, isDirectory: exists && isDirectory.boolValue)
                resolution.settings = dateOption.withCommandLine(resolution.settings)
            } catch {
                throw CommandFailure(nil, error)
            }
            let settings = EffectiveSettings(path: path, resolution: resolution)
            StandardStreams.writeOut(format == .json ? try settings.json() : settings.text)
        }
    }
}
