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
        .executableTarget(name: "EmbedDictionaries", path: "Plugins/EmbedDictionariesTool"),
        .plugin(name: "EmbedDictionariesPlugin", capability: .buildTool(), dependencies: ["EmbedDictionaries"]),
        .target(
            name: "KalkaCore",
            dependencies: ["ICUKit"],
            plugins: ["EmbedDictionariesPlugin"]
        ),
        // Reads .kalka.yml (Yams brings Foundation, so it stays out of KalkaCore: see ICUKit).
        .target(name: "KalkaConfig", dependencies: ["KalkaCore", "Yams"]),
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
        .testTarget(name: "KalkaCoreTests", dependencies: ["KalkaCore"]),
        .testTarget(name: "KalkaConfigTests", dependencies: ["KalkaConfig", "KalkaCore"]),
        .testTarget(name: "KalkaFuzzChecksTests", dependencies: ["KalkaFuzzChecks"]),
        .testTarget(name: "kalkaTests", dependencies: ["kalka", "KalkaCore"]),
    ]
)
