import ArgumentParser
import Foundation
import KalkaConfig
import KalkaCore

/// `.kalka.yml` as the commands read it.
enum ConfigurationFile {
    /// `path`, else the nearest `.kalka.yml` (none with `isolated`); errors name file:line:col
    /// and exit with 2.
    static func load(path: String?, isolated: Bool) throws -> Configuration {
        if isolated { return Configuration() }
        guard let path = path ?? ConfigurationLoader.find(from: FileManager.default.currentDirectoryPath) else { return Configuration() }
        do {
            return try ConfigurationLoader.load(path)
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
