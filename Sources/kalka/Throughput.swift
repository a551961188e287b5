#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KalkaCore

/// Throughput measurements for `kalka bench`: ICU's own word + sentence breaking over the same
/// text (the floor no linter on ICU can beat) against kalka's whole pass and its phases.
struct Throughput: Sendable {
    struct Phases: Sendable {
        var icuFloor: Duration
        var whole: Duration
        var reading: Duration
        var analyzing: Duration
        var checking: Duration
        var findings: Int
    }

    let linter: Linter

    init(linter: Linter) { self.linter = linter }

    /// The best of `repetitions` runs of each measurement over `sources`.
    func measure(_ sources: [(SourceFile, InputFormat)], repetitions: Int) throws -> Phases {
        let clock = ContinuousClock()
        let analyzer = try Analyzer()
        let floor = try SegmentationFloor()
        let never = Duration.seconds(Int64.max / 2)
        var phases = Phases(icuFloor: never, whole: never, reading: never, analyzing: never, checking: never, findings: 0)
        for _ in 0..<max(1, repetitions) {
            // ICU over UTF-16, its fastest input (what kalka feeds it), conversion included; in
            // CPU time of this thread (it runs on one), so another process's load does not count.
            let floorStart = Self.threadCPUTime()
            for (source, _) in sources { try floor.segment(source) }
            phases.icuFloor = min(phases.icuFloor, Self.threadCPUTime() - floorStart)
            var documents: [ProseDocument] = []
            var analyses: [Analysis] = []
            phases.reading = min(phases.reading, clock.measure {
                documents = sources.map { Readers.reader(for: $0.1).read($0.0.text) }
            })
            phases.analyzing = min(phases.analyzing, try clock.measure {
                analyses = try documents.map { try analyzer.analyze($0) }
            })
            phases.checking = min(phases.checking, clock.measure {
                for analysis in analyses { _ = linter.findings(in: analysis) }
            })
            analyses = []
            var findings = 0
            phases.whole = min(phases.whole, try clock.measure {
                for (source, format) in sources { findings += try linter.lint(source, format: format, analyzer: analyzer).count }
            })
            phases.findings = findings
        }
        return phases
    }

    /// The calling thread's CPU time so far.
    static func threadCPUTime() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(Int64(time.tv_sec)) + .nanoseconds(Int64(time.tv_nsec))
    }

    /// Each rule's time over `sources` on one core (best of `repetitions`), slowest first: where
    /// the rules phase goes.
    func ruleTimes(_ sources: [(SourceFile, InputFormat)], repetitions: Int) throws -> [(code: String, duration: Duration)] {
        let analyzer = try Analyzer()
        let analyses = try sources.map { try analyzer.analyze(Readers.reader(for: $0.1).read($0.0.text)) }
        let clock = ContinuousClock()
        return linter.rules.map { rule in
            var best = Duration.seconds(Int64.max / 2)
            for _ in 0..<max(1, repetitions) {
                best = min(best, clock.measure {
                    for analysis in analyses {
                        var findings = Findings(rule: rule.description)
                        rule.check(analysis, into: &findings)
                    }
                })
            }
            return (rule.description.code, best)
        }.sorted { $0.duration > $1.duration }
    }

    /// The cost of phrase matching as the list grows: the calque list as shipped, then with ten
    /// times as many entries (synthetic phrases of the same shape), matched over `sources`.
    /// Bit filters reject most positions before any trie walk at either size, so the times should
    /// stay close; what remains grows with the real partial matches (the synthetic phrases are
    /// built from the calques' own words, so "of the" starts many of them).
    func phraseScaling(_ sources: [(SourceFile, InputFormat)], repetitions: Int) throws -> [(phrases: Int, duration: Duration)] {
        let store = try DictionaryStore.builtIn.get()
        let base = try store.file("phrases/calques.tsv").rows.map { $0[0] }
        var grown = base
        // Seeded, so every run measures the same list.
        var generator = SplitMix64(seed: 0x6B61_6C6B_61)
        let words = base.flatMap { $0.split(separator: " ").map(String.init) }
        while grown.count < base.count * 10 {
            let length = Int.random(in: 2...5, using: &generator)
            grown.append((0..<length).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ") + " x\(grown.count)")
        }
        let analyzer = try Analyzer()
        let analyses = try sources.map { try analyzer.analyze(Readers.reader(for: $0.1).read($0.0.text)) }
        let clock = ContinuousClock()
        let matchers = try [base, grown].map { try PhraseMatcher($0) }
        var best = [Duration](repeating: .seconds(Int64.max / 2), count: matchers.count)
        // Interleaved, so a burst of load on a shared machine hits both sizes alike.
        for _ in 0..<max(1, repetitions) {
            for (index, matcher) in matchers.enumerated() {
                best[index] = min(best[index], clock.measure {
                    for analysis in analyses { _ = matcher.matches(in: analysis) }
                })
            }
        }
        return [(base.count, best[0]), (grown.count, best[1])]
    }
}
