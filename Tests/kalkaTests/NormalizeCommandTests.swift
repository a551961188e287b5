import Foundation
import Testing

/// `kalka normalize`, run as the built binary.
@Suite struct NormalizeCommandTests {
    @Test func standardInputToStandardOutput() throws {
        let input = "The the mayor of Kiev said  so.\r\n\r\nNothing to change here.\r\nCafe\u{301} owners in Ky\u{0456}v.\r\n"
        let result = try CLI.run(["normalize", "--isolated"], stdin: Data(input.utf8))
        #expect(result.status == 0)
        #expect(result.stdout == "The mayor of Kyiv said so.\r\n\r\nNothing to change here.\r\nCaf\u{E9} owners in Kyiv.\r\n")
        #expect(result.stderr.isEmpty)
        let again = try CLI.run(["normalize", "--isolated", "--explain", "-"], stdin: Data(result.stdout.utf8))
        #expect(again.stdout == result.stdout)
        #expect(again.stderr.isEmpty, "a second run changes nothing")
    }

    @Test func explainListsEachChangeAtItsInputPosition() throws {
        let input = "Intro.\n\nThe the talks in Kiev\u{200B} resumed.\nCafe\u{301}.\n"
        let result = try CLI.run(["normalize", "--isolated", "--explain", "--date", "2024-05-01"], stdin: Data(input.utf8))
        #expect(result.status == 0)
        #expect(result.stderr == """
            3:4 DUP001 “ the” → “”
            3:18 NAM001 “Kiev” → “Kyiv”
            3:22 ENC002 “<U+200B>” → “”
            4:1 NFC “Cafe\u{301}.” → “Caf\u{E9}.”

            """)
    }

    @Test func unsafeFixesSelectionAndInputFormat() throws {
        let input = "It needs legal and legal guarantees in Kiev. `the the`\n"
        let safe = try CLI.run(["normalize", "--isolated", "--date", "2024-05-01", "--input-format", "markdown"], stdin: Data(input.utf8))
        #expect(safe.stdout == "It needs legal and legal guarantees in Kyiv. `the the`\n")
        let unsafe = try CLI.run(["normalize", "--isolated", "--unsafe", "--ignore", "NAM", "--input-format", "markdown"], stdin: Data(input.utf8))
        #expect(unsafe.stdout == "It needs legal guarantees in Kiev. `the the`\n")
    }

    @Test func invalidUTF8ExitsWith2NamingFileAndOffset() throws {
        let directory = try CLI.temporaryDirectory()
        try Data(Array("Fine.\n\nStill fine.\n\nBroken ".utf8) + [0xC3, 0x28] + Array("\n".utf8)).write(to: directory.appendingPathComponent("bad.txt"))
        let result = try CLI.run(["normalize", "--isolated", "bad.txt"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("kalka: error: bad.txt: invalid UTF-8 at byte 27"), "\(result.stderr)")
        let missing = try CLI.run(["normalize", "--isolated", "nope.txt"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.txt: cannot open: no such file or directory"))
        let usage = try CLI.run(["normalize", "--in-place"], stdin: Data())
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("--in-place needs a FILE"))
    }

    @Test func outputFileAndInPlace() throws {
        let directory = try CLI.temporaryDirectory()
        let original = Data([0xEF, 0xBB, 0xBF] + Array("<p>Talks in Kiev.</p>\n".utf8))
        try original.write(to: directory.appendingPathComponent("a.html"))
        let toFile = try CLI.run(["normalize", "--isolated", "--date", "2024-05-01", "-o", "out.html", "a.html"], in: directory)
        #expect(toFile.status == 0 && toFile.stdout.isEmpty)
        let expected = Data([0xEF, 0xBB, 0xBF] + Array("<p>Talks in Kyiv.</p>\n".utf8))
        #expect(try Data(contentsOf: directory.appendingPathComponent("out.html")) == expected)
        #expect(try Data(contentsOf: directory.appendingPathComponent("a.html")) == original)
        let inPlace = try CLI.run(["normalize", "--isolated", "--date", "2024-05-01", "--in-place", "a.html"], in: directory)
        #expect(inPlace.status == 0)
        #expect(try Data(contentsOf: directory.appendingPathComponent("a.html")) == expected)
    }

    @Test func houseStyleFromTheConfiguration() throws {
        let directory = try CLI.temporaryDirectory()
        try Data("house-style:\n  quotes: curly\n  dashes: em-spaced\n  translit: uk-dstu-9112-a\n".utf8).write(to: directory.appendingPathComponent(".kalka.yml"))
        let input = Data("He said \"it's over\" - and left; 2019–2021.\n".utf8)
        let styled = try CLI.run(["normalize", "--explain"], stdin: input, in: directory)
        #expect(styled.stdout == "He said “it’s over” — and left; 2019–2021.\n")
        #expect(styled.stderr.contains("1:9 PUN006 “\"” → ““”"))
        let isolated = try CLI.run(["normalize", "--isolated"], stdin: input, in: directory)
        #expect(isolated.stdout == "He said \"it's over\" – and left; 2019–2021.\n")
        let romanized = try CLI.run(["translit"], stdin: Data("Щур\n".utf8), in: directory)
        #expect(romanized.stdout == "Ŝur\n")
        let byDefault = try CLI.run(["translit", "--isolated"], stdin: Data("Щур\n".utf8), in: directory)
        #expect(byDefault.stdout == "Shchur\n")
    }
}
