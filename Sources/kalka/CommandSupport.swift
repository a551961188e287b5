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

/// Inputs paired with the linters that check them, as `check` and `report` build them.
enum ConfiguredInputs {
    /// Each input with the linter of its configuration (the nearest `.kalka.yml`, `--config`
    /// or none, plus the command line's `select` and `ignore`) and the settings it came from;
    /// inputs the configuration excludes are dropped. Bad configuration files stop the run
    /// before anything is checked (exit 2).
    static func jobs(_ items: [InputItem], configuration options: ConfigurationOptions, select: [String], ignore: [String],
                     stdinFilename: String?) throws -> [(job: LintRunner.Job, settings: Configuration)] {
        let resolver = options.resolver()
        let linters = LinterCache(select: RuleSelectors.split(select), ignore: RuleSelectors.split(ignore))
        var jobs: [(job: LintRunner.Job, settings: Configuration)] = []
        for item in items {
            let resolution: ConfigurationResolver.Resolution
            do {
                switch item {
                case .standardInput(let name, _):
                    resolution = try stdinFilename == nil ? resolver.resolveStandardInput() : resolver.resolve(name)
                case .file(let path, _), .failure(let path, _):
                    resolution = try resolver.resolve(path)
                    if case .file = item, resolution.isExcluded { continue }
                }
            } catch {
                StandardStreams.writeError("kalka: error: \(error)\n")
                throw ExitCode(2)
            }
            do {
                jobs.append((LintRunner.Job(item: item, linter: try linters.linter(for: resolution.settings)), resolution.settings))
            } catch {
                StandardStreams.writeError("kalka: error: cannot load rules for \(resolution.file.path ?? "the built-in configuration"): \(error)\n")
                throw ExitCode(2)
            }
        }
        return jobs
    }
}
