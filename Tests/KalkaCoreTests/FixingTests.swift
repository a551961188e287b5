import Foundation
import Testing
import KalkaCore

@Suite struct FixLoopTests {
    private func fix(_ bytes: [UInt8], _ format: InputFormat = .plain, _ threshold: FixApplicability = .unsafe) throws -> FixOutcome {
        let source = try SourceFile(path: "x", bytes: bytes)
        return try Lint.allRules.fix(source, format: format, analyzer: Analyzer(), upTo: threshold)
    }

    @Test func onlyReportedBytesChangeAndBOMAndLineEndingsStay() throws {
        let before = [0xEF, 0xBB, 0xBF] + Array("Kyiv is the the capital.\r\nIt needs legal and legal guarantees.\r\n".utf8)
        let outcome = try fix(before)
        #expect(outcome.bytes == [0xEF, 0xBB, 0xBF] + Array("Kyiv is the capital.\r\nIt needs legal guarantees.\r\n".utf8))
        #expect(outcome.applied == 2)
        #expect(outcome.remaining.isEmpty)
    }

    @Test func safeThresholdLeavesUnsafeFixes() throws {
        let outcome = try fix(Array("Kyiv is the the capital; legal and legal.".utf8), .plain, .safe)
        #expect(String(decoding: outcome.bytes, as: UTF8.self) == "Kyiv is the capital; legal and legal.")
        #expect(outcome.remaining.map(\.rule.code) == ["DUP002"])
    }

    @Test func overlappingFixesConvergeOverPasses() throws {
        let outcome = try fix(Array("It is the the the the capital.".utf8))
        #expect(String(decoding: outcome.bytes, as: UTF8.self) == "It is the capital.")
        #expect(try fix(outcome.bytes).applied == 0, "a second run has nothing left to fix")
    }

    @Test func utf16FilesStayUTF16() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "Ky\u{0456}v is the the capital.".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let outcome = try fix(bytes)
        var expected: [UInt8] = [0xFF, 0xFE]
        for unit in "Kyiv is the capital.".utf16 { expected += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(outcome.bytes == expected)
    }
}

@Suite struct UnifiedDiffTests {
    /// Our diff body agrees with the system's `diff -u` on the same texts.
    @Test(arguments: [
        ("a\nb\nc\n", "a\nB\nc\n"),
        ("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", "1\n2\nthree\n4\n5\n6\n7\n8\n9\nten\n11\n12\n"),
        ("same\nlast", "same\nchanged"),
        ("x\r\ny\r\n", "x\r\nz\r\n"),
        ("a\n", "a\nb\n"),
        ("a\nb\n", "b\n"),
    ])
    func matchesDiffU(_ old: String, _ new: String) throws {
        let ours = UnifiedDiff.diff(old: Array(old.utf8), new: Array(new.utf8), oldName: "a/x", newName: "b/x")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kalka-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(old.utf8).write(to: directory.appendingPathComponent("old"))
        try Data(new.utf8).write(to: directory.appendingPathComponent("new"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
        process.arguments = ["-u", "old", "new"]
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let theirs = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n")
        #expect(ours.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n") == theirs)
        #expect(ours.hasPrefix("--- a/x\n+++ b/x\n"))
    }

    @Test func noChangeNoDiff() {
        #expect(UnifiedDiff.diff(old: Array("a\n".utf8), new: Array("a\n".utf8), oldName: "a", newName: "b") == "")
    }
}

@Suite struct AtomicFileWriterTests {
    private func temporaryFile(_ contents: String, mode: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kalka-atomic-\(UUID().uuidString).txt").path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test func replacesKeepingPermissionsAndLeavesNoTemporaryFile() throws {
        let path = try temporaryFile("old text\n", mode: 0o640)
        try AtomicFileWriter.replace(path, expecting: Array("old text\n".utf8), with: Array("new text\n".utf8))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new text\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o640)
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".\(name).kalka-") }.isEmpty)
    }

    @Test func refusesAFileChangedSinceItWasRead() throws {
        let path = try temporaryFile("edited by someone else\n", mode: 0o644)
        #expect(throws: AtomicFileWriter.WriteError.self) {
            try AtomicFileWriter.replace(path, expecting: Array("what kalka read\n".utf8), with: Array("fixed\n".utf8))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "edited by someone else\n")
    }
}
