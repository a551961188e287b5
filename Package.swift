// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "kalka",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kalka", targets: ["kalka"]),
        .library(name: "KalkaCore", targets: ["KalkaCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The system ICU (libicu-dev). Only ICUKit may import it: see Sources/CICU/shim.h.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"]), .brew(["icu4c"])]
        ),
        .target(name: "ICUKit", dependencies: ["CICU"]),
        // Embeds Dictionaries/ and derives ready forms of the big tables (ICU romanizes the names).
        .executableTarget(name: "EmbedDictionaries", dependencies: ["ICUKit"], path: "Plugins/EmbedDictionariesTool"),
        .plugin(name: "EmbedDictionariesPlugin", capability: .buildTool(), dependencies: ["EmbedDictionaries"]),
        // The layers, lowest first. Each depends only on the layers above it in this list (and
        // ICUKit, the only target that sees ICU); see ARCHITECTURE.md for how that is checked.
        // Positions, findings, diagnostics, source files: plain types, no ICU.
        .target(name: "KalkaModel"),
        // Reading text: the readers (plain, Markdown, HTML) into prose with a source map, and the
        // analysis every rule reads (tokens, sentences, paragraphs), segmented once through ICU.
        .target(name: "KalkaText", dependencies: ["KalkaModel", "ICUKit"], plugins: ["EmbedDictionariesPlugin"]),
        // What kalka knows: the dictionaries, names, transliteration standards, phrase matching,
        // the sentence model and the page layout, built once and shared by the rules.
        .target(name: "KalkaKnowledge", dependencies: ["KalkaText", "KalkaModel", "ICUKit"], plugins: ["EmbedDictionariesPlugin"]),
        // The rules (one per file), their registry and catalog, rule selectors and directives.
        .target(name: "KalkaRules", dependencies: ["KalkaKnowledge", "KalkaText", "KalkaModel", "ICUKit"]),
        // Running the rules: linter, runner, configuration, inputs, fixing, baseline, normalizing.
        .target(name: "KalkaEngine", dependencies: ["KalkaRules", "KalkaKnowledge", "KalkaText", "KalkaModel", "ICUKit"]),
        // What the user reads: the CI report formats and the editor report.
        .target(name: "KalkaOutput", dependencies: ["KalkaEngine", "KalkaRules", "KalkaKnowledge", "KalkaText", "KalkaModel"]),
        // The library as one import: re-exports every layer.
        .target(name: "KalkaCore", dependencies: ["KalkaOutput", "KalkaEngine", "KalkaRules", "KalkaKnowledge", "KalkaText", "KalkaModel"]),
        // Reads .kalka.yml (Yams brings Foundation, so it stays out of KalkaCore: see ICUKit).
        .target(name: "KalkaConfig", dependencies: ["KalkaEngine", "KalkaRules", "KalkaKnowledge", "KalkaText", "KalkaModel", "Yams"]),
        // The invariants the fuzz targets check, shared by kalka-fuzz and the tests that replay
        // the seed corpus and regressions (Tests/Fuzz).
        .target(name: "KalkaFuzzChecks", dependencies: ["KalkaCore", "KalkaConfig"]),
        // libFuzzer's driver entry, declared only: scripts/fuzz.sh links libFuzzer.
        .systemLibrary(name: "CLibFuzzer"),
        .executableTarget(name: "kalka-fuzz", dependencies: ["KalkaFuzzChecks", "CLibFuzzer"]),
        .executableTarget(
            name: "kalka",
            dependencies: ["KalkaCore", "KalkaConfig", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "ICUKitTests", dependencies: ["ICUKit"]),
        .testTarget(name: "KalkaCoreTests", dependencies: ["KalkaCore", "KalkaModel", "KalkaText", "KalkaKnowledge", "KalkaRules", "KalkaEngine", "KalkaOutput"]),
        .testTarget(name: "KalkaConfigTests", dependencies: ["KalkaConfig", "KalkaCore"]),
        .testTarget(name: "KalkaFuzzChecksTests", dependencies: ["KalkaFuzzChecks"]),
        .testTarget(name: "kalkaTests", dependencies: ["kalka", "KalkaCore", "KalkaModel", "KalkaText", "KalkaKnowledge", "KalkaRules", "KalkaEngine", "KalkaOutput"]),
    ]
)
