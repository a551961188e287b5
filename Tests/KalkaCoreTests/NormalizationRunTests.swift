import Foundation
import Testing
import KalkaCore

/// `kalka normalize` and `kalka report` policy called through the library: where the text goes,
/// what is left alone on failure, the format choices and the report's exit status.
@Suite struct NormalizationRunTests {
    static let repeated = "The the talks ended early.\n"
    static let clean = "The talks ended early.\n"

    static func file(_ text: [UInt8], extension: String = "txt") throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kalka-normalize-\(UUID().uuidString).\(`extension`)").path
        try Data(text).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func contents(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    static func inode(_ path: String) -> UInt64 {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : 0
    }

    static func run(_ path: String, target: NormalizationRun.Target) throws(NormalizationRun.Failure) -> (streamed: String, changes: Int) {
        var streamed: [UInt8] = []
        let run = NormalizationRun(path: path, format: nil, linter: Lint.allRules, threshold: .safe, target: target)
        let changes = try run.run(write: { streamed += $0 }, explain: { _ in })
        return (String(decoding: streamed, as: UTF8.self), changes)
    }

    /// The run's failure, nil when it succeeded.
    static func failure(_ path: String, target: NormalizationRun.Target) -> NormalizationRun.Failure? {
        do {
            _ = try run(path, target: target)
            return nil
        } catch {
            return error
        }
    }

    @Test func theFormatComesFromTheOverrideThenTheExtensionThenPlain() {
        #expect(NormalizationRun.format(for: "a.md", override: nil) == .markdown)
        #expect(NormalizationRun.format(for: "a.md", override: .html) == .html)
        #expect(NormalizationRun.format(for: "a.unknown", override: nil) == .plain)
        #expect(NormalizationRun.format(for: "-", override: nil) == .plain)
    }

    @Test func aStreamGetsTheTextAndAFileTargetGetsItWhole() throws {
        let input = try Self.file(Array(Self.repeated.utf8))
        let streamed = try Self.run(input, target: .stream)
        #expect(streamed.streamed == Self.clean)
        #expect(streamed.changes == 1)

        let output = input + ".out"
        let written = try Self.run(input, target: .file(output))
        #expect(written.streamed.isEmpty)
        #expect(try Self.contents(output) == Self.clean)
        #expect(try Self.contents(input) == Self.repeated)
    }

    @Test func inPlaceReplacesAChangedFileAndLeavesAnUnchangedOneAlone() throws {
        let changed = try Self.file(Array(Self.repeated.utf8))
        let before = Self.inode(changed)
        #expect(try Self.run(changed, target: .inPlace).changes == 1)
        #expect(try Self.contents(changed) == Self.clean)
        // Replaced atomically: a new file under the old name.
        #expect(Self.inode(changed) != before)

        let unchanged = try Self.file(Array(Self.clean.utf8))
        let unchangedInode = Self.inode(unchanged)
        #expect(try Self.run(unchanged, target: .inPlace).changes == 0)
        #expect(Self.inode(unchanged) == unchangedInode)
    }

    @Test func aFailureLeavesTheInputAndTheTargetAsTheyWere() throws {
        let invalid = try Self.file([0x54, 0x68, 0x65, 0x20, 0xFF, 0x0A])
        let output = invalid + ".out"
        guard case .normalize(let error)? = Self.failure(invalid, target: .file(output)) else {
            Issue.record("an invalid file normalized")
            return
        }
        #expect(error.message.contains("invalid UTF-8"))
        #expect(!FileManager.default.fileExists(atPath: output))
        guard case .normalize? = Self.failure(invalid, target: .inPlace) else {
            Issue.record("an invalid file normalized in place")
            return
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: invalid)) == Data([0x54, 0x68, 0x65, 0x20, 0xFF, 0x0A]))
        guard case .open(let code)? = Self.failure(invalid + ".missing", target: .stream) else {
            Issue.record("a missing file opened")
            return
        }
        #expect(code == ENOENT)
        guard case .read? = Self.failure(invalid + ".missing", target: .inPlace) else {
            Issue.record("a missing file read")
            return
        }
    }

    @Test func aReportRanksFewerSentencesForAPullRequestAndFailsOnAnInputItCouldNotCheck() throws {
        #expect(EditorReportFormat.allCases.map(\.defaultTop) == [100, 10, 100])
        let linter = try Linter.builtIn()
        let readable = try Self.file(Array(Self.repeated.utf8))
        let good = try EditorReport.build([LintRunner.Job(item: .file(path: readable, format: .plain), linter: linter)], jobs: 1, dictionaries: Lint.store)
        #expect(good.exitStatus == 0)
        let missing = LintRunner.Job(item: .failure(path: "gone.txt", message: "no such file or directory"), linter: linter)
        let bad = try EditorReport.build([LintRunner.Job(item: .file(path: readable, format: .plain), linter: linter), missing], jobs: 1, dictionaries: Lint.store)
        #expect(bad.exitStatus == 2)
        #expect(EditorReportFormat.md.render(bad, top: nil).contains("gone.txt"))
    }
}
