import ArgumentParser
import Foundation
import KalkaConfig
import KalkaCore

/// `--config` and `--isolated`, shared by every command that reads `.kalka.yml`.
struct ConfigurationOptions: ParsableArguments {
    @Option(help: "The configuration file for every path (default: for each file, the nearest .kalka.yml in its directory or above; for standard input, the current directory's).")
    var config: String?

    @Flag(help: "Ignore configuration files.")
    var isolated = false

    func resolver() -> ConfigurationResolver {
        ConfigurationResolver(mode: isolated ? .isolated : config.map { .file($0) } ?? .discover)
    }

    /// The settings for one input (nil or "-": standard input), with the overrides for its
    /// path. Errors name file:line:col and exit with 2.
    func settings(for input: String?) throws -> Configuration {
        let resolver = resolver()
        do {
            if let input, input != "-" { return try resolver.resolve(input).settings }
            return try resolver.resolveStandardInput().settings
        } catch {
            StandardStreams.writeError("kalka: error: \(error)\n")
            throw ExitCode(2)
        }
    }
}

/// `--select` and `--ignore` values: repeatable and comma-separated.
enum RuleSelectors {
    static func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }
}
