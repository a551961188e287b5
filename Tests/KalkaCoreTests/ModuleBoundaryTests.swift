import Foundation
import Testing

/// Foundation on Linux carries its own ICU whose C types clash with the system ICU: a module that
/// imports both ICUKit and Foundation fails to build (depending on how files are batched). Keep
/// the line: only ICUKit sees ICU, the library's layers use FoundationEssentials, the CLI never
/// sees ICUKit; and the layers of ARCHITECTURE.md point one way.
@Suite struct ModuleBoundaryTests {
    private func imports(in directory: String) throws -> [(file: String, module: String)] {
        let root = Paths.root.appendingPathComponent(directory)
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        var result: [(String, String)] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: /(?m)^(?:@testable |internal |public )?import (\w+)/) {
                result.append((url.lastPathComponent, String(match.1)))
            }
        }
        return result
    }

    /// Every target's folder under Sources/ and Tests/.
    private func targetDirectories(under folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Paths.root.appendingPathComponent(folder).path)
            .filter { !$0.hasPrefix(".") && $0 != "Fixtures" && $0 != "Fuzz" }.sorted().map { folder + "/" + $0 }
    }

    /// The layers of ARCHITECTURE.md, lowest first: each may depend on and import only the ones
    /// before it (and ICUKit). CI's build (`--explicit-target-dependency-import-check error`)
    /// rejects an import outside a target's dependencies; this test checks the dependencies
    /// themselves and every import against them.
    static let layers = ["KalkaModel", "KalkaText", "KalkaKnowledge", "KalkaRules", "KalkaEngine", "KalkaOutput"]

    /// Each library target's dependencies as Package.swift declares them.
    private func declaredDependencies() throws -> [String: Set<String>] {
        let manifest = try String(contentsOf: Paths.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var result: [String: Set<String>] = [:]
        for match in manifest.matches(of: /\.target\(name: "(\w+)"(?:, dependencies: \[([^\]]*)\])?/) {
            result[String(match.1)] = Set((match.2.map(String.init) ?? "").matches(of: /"(\w+)"/).map { String($0.1) })
        }
        return result
    }

    @Test func eachLayerDependsOnAndImportsOnlyTheLayersBelowIt() throws {
        let declared = try declaredDependencies()
        let kalkaModules = Set(Self.layers + ["ICUKit", "CICU", "KalkaCore", "KalkaConfig", "KalkaFuzzChecks"])
        for (index, layer) in Self.layers.enumerated() {
            let dependencies = try #require(declared[layer], "\(layer) is not a target in Package.swift")
            let below = Set(Self.layers[..<index]).union(layer == "KalkaModel" ? [] : ["ICUKit"])
            #expect(dependencies.isSubset(of: below), "\(layer) depends on \(dependencies.subtracting(below)), not below it")
            let imports = try imports(in: "Sources/" + layer)
            #expect(!imports.isEmpty || layer == "KalkaModel")
            for (file, module) in imports where kalkaModules.contains(module) {
                #expect(dependencies.contains(module), "\(layer)/\(file) imports \(module), which Package.swift does not give it")
            }
        }
        let config = try #require(declared["KalkaConfig"])
        for (file, module) in try imports(in: "Sources/KalkaConfig") where kalkaModules.contains(module) {
            #expect(config.contains(module), "KalkaConfig/\(file) imports \(module)")
        }
    }

    @Test func onlyICUKitSeesICU() throws {
        let directories = try targetDirectories(under: "Sources") + targetDirectories(under: "Tests")
        #expect(directories.contains("Sources/KalkaText"))
        for directory in directories where directory != "Sources/ICUKit" && directory != "Sources/CICU" {
            #expect(try imports(in: directory).filter { $0.module == "CICU" }.isEmpty, "\(directory)")
        }
    }

    @Test func modulesThatImportICUKitNeverImportFoundation() throws {
        var checked = 0
        for directory in try targetDirectories(under: "Sources") {
            let imports = try imports(in: directory)
            guard imports.contains(where: { $0.module == "ICUKit" }) else { continue }
            checked += 1
            #expect(!imports.contains { $0.module == "Foundation" }, "\(directory): use FoundationEssentials")
        }
        #expect(checked >= 4)
        #expect(!(try imports(in: "Sources/kalka")).contains { $0.module == "ICUKit" }, "the CLI goes through the library")
    }
}
