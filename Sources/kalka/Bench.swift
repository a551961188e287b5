import ArgumentParser
import Foundation
import ICUKit
import KalkaCore

/// Measures throughput on files: ICU's own word + sentence breaking (the floor no linter on ICU
/// can beat) against kalka's whole pass (read, extract prose, segment, all rules, locate).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure throughput (MB/s) against ICU's segmentation floor.",
        shouldDisplay: false
    )

    @Argument(help: "Files to measure.")
    var files: [String]

    @Option(help: "Repetitions (the best is reported).")
    var repetitions: Int = 3

    func run() throws {
        let linter = try Linter.builtIn()
        let analyzer = try Analyzer()
        let words = try TextBreaker(.word)
        let sentences = try TextBreaker(.sentence)
        var sources: [(SourceFile, InputFormat)] = []
        for path in files {
            let bytes = try FileReading.read(path: path).get()
            sources.append((try SourceFile(path: path, bytes: bytes), InputFormat.inferred(fromPath: path) ?? .plain))
        }
        let megabytes = Double(sources.reduce(0) { $0 + $1.0.bytes.count }) / 1_000_000
        let clock = ContinuousClock()
        var floor = Duration.seconds(1_000_000), whole = Duration.seconds(1_000_000)
        var reading = floor, analyzing = floor, checking = floor
        var findings = 0
        for _ in 0..<max(1, repetitions) {
            // ICU over UTF-16, its fastest input (what kalka feeds it), conversion included.
            floor = min(floor, try clock.measure {
                for (source, _) in sources {
                    let units = source.text.withUnsafeBufferPointer { UTF16Conversion.utf16(fromUTF8: $0) }
                    try units.withUnsafeBufferPointer { text in
                        var count = 0
                        try words.forEachSegment(utf16: text) { _, _, _ in count += 1 }
                        try sentences.forEachSegment(utf16: text) { _, _, _ in count += 1 }
                    }
                }
            })
            // The phases of one pass, to see where the time goes.
            var documents: [ProseDocument] = []
            var analyses: [Analysis] = []
            reading = min(reading, clock.measure {
                documents = sources.map { Readers.reader(for: $0.1).read($0.0.text) }
            })
            analyzing = min(analyzing, try clock.measure {
                analyses = try documents.map { try analyzer.analyze($0) }
            })
            checking = min(checking, clock.measure {
                for analysis in analyses { _ = linter.findings(in: analysis) }
            })
            whole = min(whole, try clock.measure {
                findings = 0
                for (source, format) in sources { findings += try linter.lint(source, format: format, analyzer: analyzer).count }
            })
        }
        func rate(_ duration: Duration) -> String {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            return String(format: "%.1f MB/s (%.3f s)", megabytes / seconds, seconds)
        }
        StandardStreams.writeOut("""
            input: \(sources.count) file(s), \(String(format: "%.2f", megabytes)) MB, \(findings) findings
            ICU floor (word + sentence break over UTF-16, one core): \(rate(floor))
            kalka whole pass (read, segment, rules, locate; large documents use every core): \(rate(whole))
              reading prose:                             \(rate(reading))
              segmenting and classifying tokens:         \(rate(analyzing))
              running the rules:                         \(rate(checking))

            """)
    }
}
