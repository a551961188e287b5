import Foundation
import Testing
@testable import KalkaEngine
import KalkaModel
import KalkaText

@Suite struct JSONRecordParserTests {
    static func parse(_ line: String, fields: RecordFields = RecordFields()) -> Result<Record, RecordError> {
        JSONRecordParser.parse(Array(line.utf8), lineNumber: 7, fields: fields)
    }

    static func message(_ line: String) -> String? {
        if case .failure(let error) = parse(line) { return error.message }
        return nil
    }

    @Test func readsTheIdAndUnescapesTheText() throws {
        let record = try Self.parse(#"{"site": {"name": "x", "tags": [1, 2.5e3, true, null]}, "id": "a-1", "text": "Caf\u00e9 \"Kiev\"\n\ud83d\ude00 \u2014 end\/"}"#).get()
        #expect(record.line == 7)
        #expect(record.id == "a-1")
        #expect(String(decoding: record.idJSON, as: UTF8.self) == #""a-1""#)
        #expect(String(decoding: record.text, as: UTF8.self) == "Café \"Kiev\"\n😀 — end/")
        #expect(record.format == nil && record.date == nil)
    }

    @Test func aNumericIdComesBackAsWritten() throws {
        let record = try Self.parse(#"{"id": -12.50, "text": ""}"#).get()
        #expect(record.id == "-12.50")
        #expect(String(decoding: record.idJSON, as: UTF8.self) == "-12.50")
    }

    @Test func formatAndDateAreRead() throws {
        let record = try Self.parse(#"{"id": "m", "text": "Title", "format": "markdown", "date": "2014-05-02T10:00:00Z"}"#).get()
        #expect(record.format == .markdown)
        #expect(record.date == SimpleDate(year: 2014, month: 5, day: 2))
        let nulls = try Self.parse(#"{"id": "m", "text": "T", "format": null, "date": null}"#).get()
        #expect(nulls.format == nil && nulls.date == nil)
    }

    @Test func otherMemberNamesAreConfigurable() throws {
        let record = try Self.parse(#"{"url": "https://example.org/a", "body": "Text.", "id": 3, "text": 4}"#,
                                    fields: RecordFields(id: "url", text: "body")).get()
        #expect(record.id == "https://example.org/a")
        #expect(String(decoding: record.text, as: UTF8.self) == "Text.")
    }

    @Test func badRecordsSayWhatIsWrong() {
        #expect(Self.message(#"{"text": "x"}"#) == "no “id” member")
        #expect(Self.message(#"{"id": "a"}"#) == "no “text” member")
        #expect(Self.message(#"{"id": "a", "text": 5}"#) == "the “text” member must be a string")
        #expect(Self.message(#"{"id": true, "text": "x"}"#) == "the “id” member must be a string or a number")
        #expect(Self.message(#"{"id": "a", "text": "x", "format": "pdf"}"#) == #"the “format” member must be "plain", "markdown" or "html""#)
        #expect(Self.message(#"{"id": "a", "text": "x", "date": "May 2"}"#) == "the “date” member must be a date, YYYY-MM-DD")
        #expect(Self.message(#"["id", "text"]"#) == "invalid JSON at byte 1: a record must be a JSON object")
        #expect(Self.message(#"{"id": "a", "text": "x"} {"#) == "invalid JSON at byte 26: more text after the record’s object")
        #expect(Self.message(#"{"id": "a", "text": "x",}"#) == "invalid JSON at byte 25: expected a member name in quotes")
        #expect(Self.message(#"{"id": "a", "id": "b", "text": "x"}"#) == "invalid JSON at byte 19: the member “id” appears twice")
        #expect(Self.message(#"{"id": "a", "text": "x \ud800 y"}"#) == #"invalid JSON at byte 24: a lone surrogate (\uD800) is not valid UTF-8"#)
        #expect(Self.message(#"{"id": "a", "text": "x \udc00"}"#) == #"invalid JSON at byte 24: a lone surrogate (\uDC00) is not valid UTF-8"#)
        #expect(Self.message("{\"id\": \"a\", \"text\": \"tab\tinside\"}") == "invalid JSON at byte 25: a control character inside a string must be escaped")
        #expect(Self.message(#"{"id": 01, "text": "x"}"#) != nil)
        #expect(Self.message(#"{"id": "a", "text": "x", "n": tru}"#) == "invalid JSON at byte 31: expected a value")
    }

    @Test func invalidUTF8InTheLineIsAnError() {
        var line = Array(#"{"id": "a", "text": "ab"#.utf8)
        line.append(0xC3)  // a lead byte without its continuation
        line += Array(#""}"#.utf8)
        guard case .failure(let error) = JSONRecordParser.parse(line, lineNumber: 1, fields: RecordFields()) else {
            Issue.record("invalid UTF-8 was accepted")
            return
        }
        #expect(error.message == "invalid JSON at byte 24: invalid UTF-8")
        // Invalid JSON names no id: one read before the error may be cut short.
        #expect(error.idJSON == nil)
        guard case .failure(let cut) = Self.parse(#"{"id": 17x, "text": "t"}"#) else {
            Issue.record("a number run into a letter was accepted")
            return
        }
        #expect(cut.idJSON == nil)
        guard case .failure(let valid) = Self.parse(#"{"id": 17, "text": 5}"#) else {
            Issue.record("a number for the text was accepted")
            return
        }
        #expect(valid.idJSON == Array("17".utf8))
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let deep = #"{"id": "a", "text": "x", "n": "# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(Self.message(deep)?.contains("nested deeper than") == true)
    }
}

@Suite struct RecordLinesTests {
    static func lines(_ text: String, limit: Int = 1 << 20, chunkSize: Int = 1 << 20, keepsBlankLines: Bool = false) throws -> [String] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kalka-lines-\(UUID().uuidString).jsonl")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let lines = try RecordLines(path: file.path, limit: limit, chunkSize: chunkSize, keepsBlankLines: keepsBlankLines)
        var result: [String] = []
        while let item = lines.next() {
            switch item {
            case .line(let number, let bytes, let ending):
                result.append("\(number): \(String(decoding: bytes, as: UTF8.self))\(ending == [0x0D, 0x0A] ? " CRLF" : ending.isEmpty ? " (no line feed)" : "")")
            case .blank(let number, let bytes): result.append("\(number): blank \(bytes.count)")
            case .tooLarge(let number, let bytes): result.append("\(number): too large (\(bytes))")
            case .failure(let number, let message): result.append("\(number): \(message)")
            }
        }
        return result
    }

    @Test func linesAreNumberedAndBlankOnesSkipped() throws {
        #expect(try Self.lines("a\r\n\n  \nb\nc") == ["1: a CRLF", "4: b", "5: c (no line feed)"])
        #expect(try Self.lines("") == [])
        #expect(try Self.lines("a\n") == ["1: a"])
        // For normalize, blank lines come back as they were.
        #expect(try Self.lines("a\r\n\n \r\nb", keepsBlankLines: true) == ["1: a CRLF", "2: blank 1", "3: blank 3", "4: b (no line feed)"])
    }

    @Test func linesSpanningChunksAreWhole() throws {
        #expect(try Self.lines("first line\nsecond one\nthird", chunkSize: 16) == ["1: first line", "2: second one", "3: third (no line feed)"])
    }

    @Test func aLineOverTheLimitIsPassedOverAndTheNextIsRead() throws {
        let long = String(repeating: "x", count: 100)
        #expect(try Self.lines("short\n\(long)\nafter\n", limit: 50, chunkSize: 16) == ["1: short", "2: too large (100)", "3: after"])
    }

    @Test func aDirectoryIsRefused() {
        #expect(throws: FileReadError.self) { try RecordLines(path: FileManager.default.temporaryDirectory.path) }
    }
}
