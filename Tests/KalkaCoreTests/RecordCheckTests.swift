import Foundation
import Testing
import ICUKit
@testable import KalkaEngine
import KalkaModel
import KalkaOutput
import KalkaText

@Suite struct RecordCheckTests {
    static let texts = [
        "Dmitry Kuleba arrived in Kiev on Monday.",
        "The talks in Kyiv lasted three hours, officials said.",
        "About it reports the press service of the ministry.",
        "Officials said 65 thousand people had left «the city».",
    ]

    /// An archive of `count` records cycling through `texts`, with a bad line at `badLine` (1-based).
    static func archive(count: Int, badLine: Int? = nil) throws -> URL {
        var lines: [String] = []
        for index in 0..<count {
            if index + 1 == badLine {
                lines.append(#"{"id": "broken", "text": 12}"#)
                continue
            }
            let text = texts[index % texts.count]
            let escaped = String(data: try JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes]), encoding: .utf8)!.dropFirst().dropLast()
            lines.append("{\"id\": \"r\(index)\", \"source\": \"test\", \"text\": \(escaped)}")
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kalka-records-\(UUID().uuidString).jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url
    }

    static func run(_ url: URL, jobs: Int) throws -> (lines: [String], outcome: CheckSession.Outcome) {
        let check = RecordCheck(archives: [RecordCheck.Archive(path: url.path, name: "archive.jsonl", linter: try Linter.builtIn(), failOn: .warning)], jobs: jobs)
        var lines: [String] = []
        let outcome = try check.run { lines.append(String(decoding: RecordLinesWriter.line($0), as: UTF8.self)) }
        return (lines, outcome)
    }

    @Test func recordsComeBackInOrderWhateverTheJobs() throws {
        let url = try Self.archive(count: 300, badLine: 150)
        defer { try? FileManager.default.removeItem(at: url) }
        let one = try Self.run(url, jobs: 1)
        let two = try Self.run(url, jobs: 2)
        let four = try Self.run(url, jobs: 4)
        #expect(one.lines.count == 300)
        #expect(one.lines == two.lines && one.lines == four.lines)
        // One line per record, in order; the bad one an error naming its line; the run exits 2.
        for (index, line) in one.lines.enumerated() {
            #expect(line.hasPrefix("{\"archive\": \"archive.jsonl\", \"line\": \(index + 1), "))
        }
        #expect(one.lines[149] == "{\"archive\": \"archive.jsonl\", \"line\": 150, \"id\": \"broken\", \"error\": \"the “text” member must be a string\"}\n")
        #expect(one.outcome.summary.errors == 1 && one.outcome.exitStatus == 2)
    }

    @Test func aRecordsFindingsAreThoseOfItsTextAsAFile() throws {
        let url = try Self.archive(count: 8, badLine: 3)
        defer { try? FileManager.default.removeItem(at: url) }
        let linter = try Linter.builtIn()
        let analyzer = try Analyzer()
        let check = RecordCheck(archives: [RecordCheck.Archive(path: url.path, name: "a", linter: linter, failOn: .warning)], jobs: 2)
        var reports: [RecordCheck.RecordReport] = []
        _ = try check.run { reports.append($0) }
        #expect(reports.count == 8)
        for (index, record) in reports.enumerated() where index != 2 {
            let text = Self.texts[index % Self.texts.count]
            let alone = LintRunner(jobs: 1).check(bytes: Array(text.utf8), path: "r\(index)", format: .plain, linter: linter, analyzer: analyzer)
            #expect(record.report.path == "r\(index)")
            #expect(record.report.diagnostics.map(\.textRange) == alone.diagnostics.map(\.textRange))
            #expect(record.report.diagnostics.map(\.rule.code) == alone.diagnostics.map(\.rule.code))
            #expect(!record.report.diagnostics.isEmpty || index % Self.texts.count == 1)
        }
    }

    @Test func aRecordsOwnDateWeighsPeriodSpellings() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kalka-dated-\(UUID().uuidString).jsonl")
        try Data("""
            {"id": "old", "date": "2014-05-02", "text": "The mayor of Kiev spoke on Friday."}
            {"id": "new", "date": "2025-05-02", "text": "The mayor of Kiev spoke on Friday."}

            """.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let check = RecordCheck(archives: [RecordCheck.Archive(path: url.path, name: "a", linter: try Linter.builtIn(select: ["NAM001"]), failOn: .warning)], jobs: 1)
        var severities: [String: [Severity]] = [:]
        _ = try check.run { severities[$0.report.path] = $0.report.diagnostics.map(\.severity) }
        #expect(severities["old"] == [.info])
        #expect(severities["new"] == [.warning])
    }
}

@Suite struct RecordNormalizeTests {
    static func normalize(_ archive: String, jobs: Int = 2) throws -> [RecordNormalize.Line] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kalka-normalize-\(UUID().uuidString).jsonl")
        try Data(archive.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var lines: [RecordNormalize.Line] = []
        try RecordNormalize(linter: try Linter.builtIn(), threshold: .safe, jobs: jobs).run(path: url.path) { lines.append($0) }
        return lines
    }

    @Test func onlyTheTextValueChangesAndAnUnchangedRecordComesBackByteForByte() throws {
        let archive = """
            {"id": 1, "text": "Dmitry Kuleba met Antony Blinken.", "tags": ["a", {"b": null}], "n": 1.5e2}
            {"text":"All calm in Kyiv.","id":"x"}
            {"id": "bad", "text": false}

            """
        let lines = try Self.normalize(archive)
        let text = lines.map { String(decoding: $0.bytes, as: UTF8.self) }
        #expect(text == [
            #"{"id": 1, "text": "Dmytro Kuleba met Antony Blinken.", "tags": ["a", {"b": null}], "n": 1.5e2}"# + "\n",
            #"{"text":"All calm in Kyiv.","id":"x"}"# + "\n",
            #"{"id": "bad", "text": false}"# + "\n",
        ])
        #expect(lines[0].changes.map(\.rule) == ["NAM001"])
        #expect(lines[2].error == "line 3: the “text” member must be a string; written back unchanged")
    }

    @Test func lineEndingsAndBlankLinesComeBackAsTheyWere() throws {
        let archive = "{\"id\": 1, \"text\": \"Dmitry Kuleba spoke.\"}\r\n\r\n  \n{\"id\": 2, \"text\": \"Calm.\"}\r\n{\"id\": 3, \"text\": \"Dmitry Kuleba left.\"}"
        let output = try Self.normalize(archive, jobs: 2).map(\.bytes).joined()
        #expect(String(decoding: Array(output), as: UTF8.self)
                == "{\"id\": 1, \"text\": \"Dmytro Kuleba spoke.\"}\r\n\r\n  \n{\"id\": 2, \"text\": \"Calm.\"}\r\n{\"id\": 3, \"text\": \"Dmytro Kuleba left.\"}")
    }

    @Test func aLineOverTheLimitIsReportedWithNothingToWrite() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kalka-limit-\(UUID().uuidString).jsonl")
        try Data(("{\"id\": 1, \"text\": \"" + String(repeating: "x", count: 200) + "\"}\n{\"id\": 2, \"text\": \"ok\"}\n").utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var lines: [RecordNormalize.Line] = []
        try RecordNormalize(linter: try Linter.builtIn(), threshold: .safe, jobs: 1, sizeLimit: 100).run(path: url.path) { lines.append($0) }
        #expect(lines.map(\.bytes.isEmpty) == [true, false])
        #expect(lines[0].error == "line 1: record too large (221 bytes; the limit is 100); it cannot be written back")
    }

    @Test func aSecondRunChangesNothing() throws {
        let archive = #"{"id": 1, "text": "The mayor of \"Kiev\"\u00a0spoke;\n\nDmitry Kuleba \u2014 too."}"# + "\n"
        let once = try Self.normalize(archive).map(\.bytes).joined()
        let twice = try Self.normalize(String(decoding: Array(once), as: UTF8.self)).map(\.bytes).joined()
        #expect(Array(once) != Array(archive.utf8))
        #expect(Array(twice) == Array(once))
    }
}

@Suite struct StreamRunnerTests {
    /// Counts what the stream took and what it delivered, from the workers and the caller.
    final class Counts: @unchecked Sendable {
        let lock = NSLock()
        var taken = 0, delivered = 0, mostInFlight = 0
        func take() { lock.withLock { taken += 1; mostInFlight = max(mostInFlight, taken - delivered) } }
        func deliver() { lock.withLock { delivered += 1 } }
    }

    @Test func outputsComeInOrderWithABoundedNumberInFlight() throws {
        for jobs in [1, 2, 3] {
            let counts = Counts()
            var next = 0
            var delivered: [Int] = []
            try LintRunner(jobs: jobs).stream(next: { () -> Int? in
                guard next < 2_000 else { return nil }
                counts.take()
                defer { next += 1 }
                return next
            }, work: { index, item, _ in
                precondition(index == item)
                return item * 2
            }, deliver: { output in
                counts.deliver()
                delivered.append(output)
            })
            #expect(delivered == (0..<2_000).map { $0 * 2 })
            // The window: at most 16 items a worker between taking and delivering, however long the stream.
            #expect(counts.mostInFlight <= jobs * 16 + 1, "jobs \(jobs): \(counts.mostInFlight) in flight")
        }
    }

    @Test func anEmptyStreamDeliversNothing() throws {
        for jobs in [1, 2] {
            var delivered = 0
            try LintRunner(jobs: jobs).stream(next: { () -> Int? in nil }, work: { _, item, _ in item }, deliver: { _ in delivered += 1 })
            #expect(delivered == 0)
        }
    }
}
