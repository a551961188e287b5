import Foundation
import Testing
import KalkaCore

/// An output file never overwrites an input, whatever name reaches it; one a directory walk met
/// is left out instead.
@Suite struct OutputSafetyTests {
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kalka-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for name in ["a.txt", "out.txt"] { try Data("The the end.\n".utf8).write(to: url.appendingPathComponent(name)) }
        return url
    }

    @Test func anOutputMetOnAWalkIsSkippedAndANamedOneIsAConflict() throws {
        let directory = try Self.directory()
        let input = directory.appendingPathComponent("a.txt").path
        let output = directory.appendingPathComponent("out.txt").path
        let link = directory.appendingPathComponent("link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "out.txt")
        let walked: [InputItem] = [.file(path: input, format: .plain), .file(path: output, format: .plain)]

        let screened = OutputSafety.screen(walked, output: output, named: [directory.path])
        #expect(screened.kept == [walked[0]])
        #expect(screened.skipped == [walked[1]])
        #expect(screened.conflict == nil)

        // Named through a symbolic link, the output is the same file: nothing may be written.
        let named = OutputSafety.screen([.file(path: link, format: .plain)], output: output, named: [link])
        #expect(named.conflict == .file(path: link, format: .plain))
        #expect(OutputSafety.screen(walked, output: output, named: nil).conflict == walked[1])

        // An output that is no input, or not yet a file, leaves every input.
        #expect(OutputSafety.screen(walked, output: directory.appendingPathComponent("new.txt").path, named: nil).kept == walked)
        #expect(OutputSafety.screen(walked, output: nil, named: nil).kept == walked)
    }
}
