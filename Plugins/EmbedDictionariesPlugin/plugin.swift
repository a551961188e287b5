import Foundation
import PackagePlugin

/// Compiles the top-level `Dictionaries/` folder into the library, so an installed `kalka` binary
/// carries its data and works from any directory. The files stay reviewable text in the repo;
/// the build regenerates the Swift source whenever one of them changes.
///
/// The readers (KalkaText) sit below the dictionaries (KalkaKnowledge) and need one table, the
/// HTML character references: KalkaText embeds the files under `readerFolders`, as
/// `EmbeddedReaderData`; KalkaKnowledge embeds every other file, as `EmbeddedDictionaries`.
@main
struct EmbedDictionariesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let dictionaries = context.package.directoryURL.appending(path: "Dictionaries")
        // By name: renaming the readers' target means renaming it here too (else KalkaText would
        // not build, missing `EmbeddedReaderData`).
        let forReaders = target.name == "KalkaText"
        let inputs = try dataFiles(under: dictionaries).map { file in
            (file: file, relative: String(file.standardizedFileURL.path.dropFirst(dictionaries.standardizedFileURL.path.count + 1)))
        }.filter { input in
            Self.readerFolders.contains { input.relative.hasPrefix($0) } == forReaders
        }
        let typeName = forReaders ? "EmbeddedReaderData" : "EmbeddedDictionaries"
        let output = context.pluginWorkDirectoryURL.appending(path: typeName + ".swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) dictionary files",
                executable: try context.tool(named: "EmbedDictionaries").url,
                arguments: [output.path, typeName] + inputs.flatMap { [$0.relative, $0.file.path] },
                inputFiles: inputs.map(\.file),
                outputFiles: [output]
            )
        ]
    }

    /// The folders of `Dictionaries/` the readers embed.
    static let readerFolders = ["html/"]

    private func dataFiles(under root: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files: [URL] = []
        for case let url as URL in walker where ["tsv", "txt"].contains(url.pathExtension) {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }
}
