import Foundation
import Testing
import KalkaCore
@testable import KalkaFuzzChecks

/// Replays every seed of the fuzz corpus and every input that ever failed a fuzz target
/// (Tests/Fuzz/Corpus and Tests/Fuzz/Regressions) through the target's invariant checks, so
/// that CI checks them without libFuzzer.
@Suite struct FuzzReplayTests {
    static let fuzzDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    static func inputs(_ kind: String, _ target: FuzzTarget) throws -> [URL] {
        let directory = fuzzDirectory.appendingPathComponent(kind).appendingPathComponent(target.rawValue)
        guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.path < $1.path }
    }

    @Test(arguments: FuzzTarget.allCases)
    func seedsAndRegressionsKeepTheInvariants(_ target: FuzzTarget) throws {
        let seeds = try Self.inputs("Corpus", target)
        // A target without seeds would start from nothing and this test would check nothing.
        #expect(seeds.count >= 5, "\(target.rawValue): only \(seeds.count) seeds")
        let checker = try FuzzChecker()
        for file in try seeds + Self.inputs("Regressions", target) {
            let problems = checker.check(target, Array(try Data(contentsOf: file)))
            #expect(problems.isEmpty, "\(file.lastPathComponent): \(problems.joined(separator: "; "))")
        }
    }

    /// The checks see a broken source map: a document mapped onto a shorter text than it was read
    /// from, and a range ending inside a character.
    @Test func checksNoticeRangesOutsideTheText() throws {
        let long = Array("Officials said so. More text follows here.".utf8)
        var builder = ProseBuilder(source: long)
        builder.verbatim(0..<long.count)
        let document = builder.finish(format: .plain)
        var problems = Problems()
        try FuzzChecker().checkDocument(document, text: Array(long.prefix(10)), &problems)
        #expect(!problems.items.isEmpty)
        #expect(!FuzzChecker.isCharacterRange(0..<1, in: Array("é".utf8)))
        #expect(FuzzChecker.isCharacterRange(0..<2, in: Array("é".utf8)))
    }
}
