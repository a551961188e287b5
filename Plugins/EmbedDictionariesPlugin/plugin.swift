import Foundation
import PackagePlugin

/// Compiles the top-level `Dictionaries/` folder into KalkaCore, so an installed `kalka` binary
/// carries its data and works from any directory. The files stay reviewable text in the repo;
/// the build regenerates the Swift source whenever one of them changes.
@main
struct EmbedDictionariesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let dictionaries = context.package.directoryURL.appending(path: "Dictionaries")
        let inputs = try dataFiles(under: dictionaries)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedDictionaries.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) dictionary files",
                executable: try context.tool(named: "EmbedDictionaries").url,
                arguments: [dictionaries.path, output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private func dataFiles(under root: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files: [URL] = []
        for case let url as URL in walker where ["tsv", "txt"].contains(url.pathExtension) {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }
}
