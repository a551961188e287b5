import ArgumentParser
import Foundation
import KalkaCore

/// Prints throughput (MB/s) against ICU's segmentation floor: see `Throughput`.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput (MB/s) against ICU's segmentation floor.",
        shouldDisplay: false
    )

    @Argument(help: "Files to measure.")
    var files: [String]

    @Option(help: "Repetitions (the best is reported).")
    var repetitions: Int = 3

    @Option(help: "How many of the slowest rules to list.")
    var rules: Int = 8

    func run() throws {
        var sources: [(SourceFile, InputFormat)] = []
        for path in files {
            let bytes = try FileReading.read(path: path).get()
            sources.append((try SourceFile(path: path, bytes: bytes), InputFormat.inferred(fromPath: path) ?? .plain))
        }
        let phases = try Throughput(linter: try Linter.builtIn()).measure(sources, repetitions: repetitions)
        let megabytes = Double(sources.reduce(0) { $0 + $1.0.bytes.count }) / 1_000_000
        func rate(_ duration: Duration) -> String {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            return String(format: "%6.1f MB/s (%.3f s)", megabytes / seconds, seconds)
        }
        StandardStreams.writeOut("""
            input: \(sources.count) file(s), \(String(format: "%.2f", megabytes)) MB, \(phases.findings) findings
            ICU floor: word + sentence break over UTF-16, CPU time  \(rate(phases.icuFloor))
            kalka whole pass (large documents use every core)       \(rate(phases.whole))
              reading prose                                          \(rate(phases.reading))
              segmenting and classifying tokens                      \(rate(phases.analyzing))
              running the rules                                      \(rate(phases.checking))

            """)
        StandardStreams.writeOut("slowest rules, one core:\n")
        for (code, duration) in try Throughput(linter: try Linter.builtIn()).ruleTimes(sources, repetitions: repetitions).prefix(rules) {
            StandardStreams.writeOut("  \(code)".padding(toLength: 57, withPad: " ", startingAt: 0) + rate(duration) + "\n")
        }
        for (count, duration) in try Throughput(linter: try Linter.builtIn()).phraseScaling(sources, repetitions: repetitions) {
            StandardStreams.writeOut("phrase matching, \(count) phrases:".padding(toLength: 57, withPad: " ", startingAt: 0) + rate(duration) + "\n")
        }
    }
}
