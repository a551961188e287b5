#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import KalkaCore
@testable import KalkaModel

/// Hostile inputs whose cost once grew with the square of one dimension: each test measures the
/// work at two sizes and checks it grows like the input. Where the code counts its steps
/// (`WorkCounter`, debug builds), the counts are compared (4× the input: linear gives about 4,
/// quadratic 16); elsewhere the thread's CPU time at 8× the input is compared with a generous
/// bound (linear gives about 8, quadratic 64). No wall-clock threshold anywhere.
@Suite("LinearScaling")
struct LinearScalingTests {
    /// Steps counted while linting `text` with every rule.
    private func steps(_ text: String, _ format: InputFormat) throws -> Int {
        let source = try SourceFile(path: "scaling", bytes: Array(text.utf8))
        let analyzer = try Analyzer()
        var diagnostics: [Diagnostic] = []
        let steps = try WorkCounter.counting {
            diagnostics = try Lint.allRules.lint(source, format: format, analyzer: analyzer)
        }
        #expect(!diagnostics.isEmpty, "each input is built to give findings")
        return steps
    }

    /// How much the counted steps grow when the input built with `n` grows with `4n`.
    private func stepRatio(_ format: InputFormat = .plain, n: Int, _ make: (Int) -> String) throws -> Double {
        let small = try steps(make(n), format), large = try steps(make(4 * n), format)
        #expect(small > 0, "the input runs through the counted loops")
        return Double(large) / Double(max(small, 1))
    }

    /// The thread's CPU time to lint `text` with every rule, the best of three.
    private func cpuTime(_ text: String, _ format: InputFormat) throws -> Double {
        let source = try SourceFile(path: "scaling", bytes: Array(text.utf8))
        let analyzer = try Analyzer()
        var best = Double.infinity
        for _ in 0..<3 {
            let start = Self.threadCPUTime()
            _ = try Lint.allRules.lint(source, format: format, analyzer: analyzer)
            best = min(best, Self.threadCPUTime() - start)
        }
        return best
    }

    private static func threadCPUTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// How much the CPU time grows when the input built with `n` grows with `8n`.
    private func timeRatio(_ format: InputFormat = .plain, n: Int, _ make: (Int) -> String) throws -> Double {
        _ = try cpuTime(make(n), format) // warm up caches and lazily loaded dictionaries
        let small = try cpuTime(make(n), format), large = try cpuTime(make(8 * n), format)
        return large / max(small, 1e-6)
    }

    // MARK: Counted

    @Test(.enabled(if: WorkCounter.isCounting))
    func oneLongLine() throws {
        let ratio = try stepRatio(n: 400) { String(repeating: "Officials in Kiev said. ", count: $0) }
        #expect(ratio < 6, "locating findings on one long line: \(ratio)")
    }

    @Test(.enabled(if: WorkCounter.isCounting))
    func oneLongMinifiedHTMLLine() throws {
        let ratio = try stepRatio(.html, n: 200) {
            "<html><body>" + String(repeating: "<p>The mayor of Kiev spoke.</p><div>Talks in Kharkov went on.</div>", count: $0) + "</body></html>"
        }
        #expect(ratio < 6, "a minified page: \(ratio)")
    }

    @Test(.enabled(if: WorkCounter.isCounting))
    func manyDisableNextLineDirectives() throws {
        let ratio = try stepRatio(n: 500) { String(repeating: "[kalka-disable-next-line NAM001]\n", count: $0) + "Kiev\nThe the talks.\n" }
        #expect(ratio < 6, "directives: \(ratio)")
    }

    @Test(.enabled(if: WorkCounter.isCounting))
    func manyDisableAndEnableDirectives() throws {
        // Open disables no enable closes, then enables naming other rules, then findings.
        let ratio = try stepRatio(n: 300) { n in
            (0..<n).map { "[kalka-disable DUP00\($0 % 3)]\n" }.joined() + String(repeating: "[kalka-enable NAM00\(1)]\n", count: n)
                + String(repeating: "The the mayor of Kiev spoke.\n", count: n)
        }
        #expect(ratio < 6, "directives and findings: \(ratio)")
    }

    @Test(.enabled(if: WorkCounter.isCounting))
    func deeplyNestedMarkdownList() throws {
        // The input grows with the square of the depth; the work must grow like the input.
        func list(_ depth: Int) -> String { (0..<depth).map { String(repeating: "  ", count: $0) + "- item Kiev\n" }.joined() }
        let small = try steps(list(60), .markdown), large = try steps(list(240), .markdown)
        let inputRatio = Double(list(240).utf8.count) / Double(list(60).utf8.count)
        let ratio = Double(large) / Double(small)
        #expect(ratio < 1.5 * inputRatio, "nesting depth: work grew \(ratio)×, the input \(inputRatio)×")
    }

    @Test(.enabled(if: WorkCounter.isCounting))
    func blankLinesUnderADeepList() throws {
        let ratio = try stepRatio(.markdown, n: 200) { n in
            String(repeating: "- ", count: n) + "Kiev\n" + String(repeating: "\n", count: n) + String(repeating: " ", count: 2 * n) + "Kiev again\n"
        }
        #expect(ratio < 6, "blank lines in deep list items: \(ratio)")
    }

    @Test(.enabled(if: WorkCounter.isCounting))
    func repeatedCapitalizedWords() throws {
        let ratio = try stepRatio(n: 300) { String(repeating: "Staff Staff ", count: $0) + "Kiev\n" }
        #expect(ratio < 6, "runs of the same capitalized word: \(ratio)")
    }

    @Test(.enabled(if: WorkCounter.isCounting))
    func oneVeryLongWord() throws {
        let ratio = try stepRatio(n: 2_000) { "Kiev " + String(repeating: "a", count: $0) + "\n" }
        #expect(ratio < 6, "one long token: \(ratio)")
    }

    @Test(.enabled(if: WorkCounter.isCounting))
    func phrasesInsideALongQuotation() throws {
        let ratio = try stepRatio(n: 200) { "He said: \"" + String(repeating: "Subscribe to our Telegram channel and ", count: $0) + "see Kiev.\"\n" }
        #expect(ratio < 6, "page-layout phrases inside one open quotation: \(ratio)")
    }

    @Test(.enabled(if: WorkCounter.isCounting))
    func repeatedSentencesInsideALongQuotation() throws {
        let ratio = try stepRatio(n: 200) { "“" + String(repeating: "The mayor of Kiev said that the talks ended today. ", count: $0) + "\n" }
        #expect(ratio < 6, "repeated sentences in one quoted paragraph: \(ratio)")
    }

    @Test
    func textReportOfOneLongLine() throws {
        // Every finding quotes its line: a window of a long line, never the whole of it.
        func reportLength(_ n: Int) throws -> Int {
            let source = try SourceFile(path: "scaling", bytes: Array(String(repeating: "Officials in Kiev said. ", count: n).utf8))
            let diagnostics = try Lint.allRules.lint(source, format: .plain, analyzer: Analyzer())
            var reporter = TextReporter(color: false, quiet: true)
            var length = 0
            reporter.report(FileReport(path: "scaling", diagnostics: diagnostics, source: source)) { length += $0.utf8.count }
            return length
        }
        let small = try reportLength(400), large = try reportLength(1_600)
        let ratio = Double(large) / Double(small)
        #expect(ratio < 6, "text report of one long line: \(ratio)")
    }

    // MARK: Timed (nothing counted on these paths)

    @Test(arguments: HostileShape.timed)
    func cpuTimeGrowsLinearly(_ shape: HostileShape) throws {
        let ratio = try timeRatio(shape.format, n: shape.n, shape.make)
        #expect(ratio < 20, "\(shape.name): 8× the input took \(ratio)× the time")
    }
}

/// An input built to stretch one dimension: `make(n)` grows linearly with `n`.
struct HostileShape: Sendable, CustomTestStringConvertible {
    let name: String
    let format: InputFormat
    let n: Int
    let make: @Sendable (Int) -> String

    var testDescription: String { name }

    private static func repeated(_ unit: String, _ n: Int, then tail: String = "\n") -> String {
        String(repeating: unit, count: n) + tail
    }

    private static func quotes(_ n: Int) -> String {
        var text = ""
        for line in 0..<n { text += String(repeating: "> ", count: line % 50) + "Officials in Kiev said.\n" }
        return text
    }

    private static func references(_ n: Int) -> String {
        var text = ""
        for index in 0..<n { text += "[r\(index)]: http://example.com/\(index)\n" }
        return text + "See [r1] in Kiev.\n"
    }

    static let timed: [HostileShape] = [
        HostileShape(name: "one sentence without a full stop", format: .plain, n: 150) { repeated("officials in Kiev said that the talks ", $0) },
        HostileShape(name: "one paragraph of many sentences", format: .plain, n: 150) { repeated("The mayor of Kiev said the talks ended. ", $0) },
        HostileShape(name: "hard-wrapped lines", format: .plain, n: 150) { repeated("The mayor of Kiev said\nthe talks ended.\n", $0, then: "") },
        HostileShape(name: "same word over and over", format: .plain, n: 300) { repeated("the ", $0) },
        HostileShape(name: "punctuation and quote runs", format: .plain, n: 300) { repeated("!?.,;:\"«“'", $0, then: " Kiev\n") },
        HostileShape(name: "deep HTML nesting", format: .html, n: 150) { repeated("<div>", $0, then: "Kiev said.") + repeated("</div>", $0, then: "") },
        HostileShape(name: "unclosed HTML tags", format: .html, n: 100) { repeated("<p><b><i><span>Officials in Kiev said. ", $0) },
        HostileShape(name: "nested block quotes", format: .markdown, n: 40) { quotes($0) },
        HostileShape(name: "emphasis and backtick runs", format: .markdown, n: 200) { repeated("*a _b `c ", $0, then: "Kiev\n") },
        HostileShape(name: "link reference definitions", format: .markdown, n: 150) { references($0) },
        HostileShape(name: "page-layout phrases mid-sentence", format: .plain, n: 100) { repeated("He asked everyone to subscribe to our channel in Kiev. ", $0) },
    ]
}
