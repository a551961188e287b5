import ArgumentParser
import Foundation
import KalkaConfig
import KalkaCore

/// `.kalka.yml` as the commands that read one input read it.
enum ConfigurationFile {
    /// The settings for `input` (nil or "-": standard input, from the current directory): `path`
    /// for every input, else the nearest `.kalka.yml` above the input (none with `isolated`),
    /// with its overrides for that path. Errors name file:line:col and exit with 2.
    static func settings(path: String?, isolated: Bool, for input: String?) throws -> Configuration {
        let resolver = ConfigurationResolver(mode: isolated ? .isolated : path.map { .file($0) } ?? .discover)
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
