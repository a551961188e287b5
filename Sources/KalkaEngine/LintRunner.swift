import Dispatch
import ICUKit
import KalkaModel
import KalkaRules
import KalkaText
import Synchronization

/// Checks many inputs on several workers and delivers the reports in input order.
///
/// Inputs go in batches, so memory holds one batch of results however many files there are;
/// each worker owns an `Analyzer` (ICU break iterators are not shareable). Each input is checked
/// by its own linter (files under different configurations differ), shared between workers.
public struct LintRunner: Sendable {
    public let jobs: Int
    /// When set, each file is fixed up to this applicability (in memory: writing is the
    /// caller's) and its report holds what remains.
    public let fixThreshold: FixApplicability?

    /// One input and the linter that checks it.
    public struct Job: Sendable {
        public let item: InputItem
        public let linter: Linter
        public init(item: InputItem, linter: Linter) {
            self.item = item
            self.linter = linter
        }
    }

    public init(jobs: Int, fixThreshold: FixApplicability? = nil) {
        self.jobs = max(1, jobs)
        self.fixThreshold = fixThreshold
    }

    /// Checks every item with one linter.
    public func run(_ items: [InputItem], linter: Linter, deliver: (FileReport) -> Void) throws(ICUError) {
        try run(items.map { Job(item: $0, linter: linter) }, deliver: deliver)
    }

    /// Checks `work`, calling `deliver` with each report in order (on the calling thread).
    /// `progress`, when given, is called from the workers with the number of inputs checked so
    /// far, as each one finishes (before its report is delivered).
    public func run(_ work: [Job], progress: (@Sendable (Int) -> Void)? = nil, deliver: (FileReport) -> Void) throws(ICUError) {
        try run(work, progress: progress, needsAnalysis: false, transform: { _, report, _ in report }, deliver: deliver)
    }

    /// Checks `work` and turns each report into `Output` on the worker that checked it, given the
    /// job's index in `work` and the analysis the rules read (nil when the input could not be
    /// checked, or was fixed), for callers that need more than the findings, such as editor
    /// reports; `deliver` gets the outputs in input order. Without `needsAnalysis`, the analysis
    /// handed to `transform` is nil, and a large file is analyzed a window at a time (see
    /// `Linter.windowSize`).
    public func run<Output: Sendable>(_ work: [Job], progress: (@Sendable (Int) -> Void)? = nil, needsAnalysis: Bool = true,
                                      transform: @escaping @Sendable (Int, FileReport, Analysis?) -> Output,
                                      deliver: (Output) -> Void) throws(ICUError) {
        // `--jobs 1` keeps the whole run on one core, a large document's pass included.
        let prototype = try Analyzer(cores: jobs == 1 ? 1 : Analyzer.machineCores)
        var analyzers = [prototype]
        for _ in 1..<jobs { analyzers.append(try prototype.clone()) }
        let workers = Workers(analyzers)
        let batchSize = jobs * 16
        let finished = Atomic<Int>(0)
        var start = 0
        while start < work.count {
            let batchStart = start
            let batch = Array(work[start..<min(work.count, start + batchSize)])
            start += batch.count
            let slots = OutputSlots<Output>(count: batch.count)
            let next = Atomic<Int>(0)
            let runJobs = min(jobs, batch.count)
            DispatchQueue.concurrentPerform(iterations: runJobs) { worker in
                let analyzer = workers.analyzers[worker]
                while true {
                    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    if index >= batch.count { break }
                    let job = batch[index]
                    let (report, analysis) = analyzedCheck(job.item, linter: job.linter, analyzer: analyzer, needsAnalysis: needsAnalysis)
                    slots.store(transform(batchStart + index, report, analysis), at: index)
                    let done = finished.wrappingAdd(1, ordering: .relaxed).newValue
                    progress?(done)
                }
            }
            for index in 0..<batch.count { deliver(slots.take(index)) }
        }
    }

    /// Reads and checks one input; every failure becomes a report naming it.
    public func check(_ item: InputItem, linter: Linter, analyzer: Analyzer) -> FileReport {
        analyzedCheck(item, linter: linter, analyzer: analyzer, needsAnalysis: false).report
    }

    public func check(bytes: [UInt8], path: String, format: InputFormat, linter: Linter, analyzer: Analyzer) -> FileReport {
        analyzedCheck(bytes: bytes, path: path, format: format, linter: linter, analyzer: analyzer, needsAnalysis: false).report
    }

    /// `check`, with the analysis the rules read when there is one (not for a fixed file: its
    /// text changed after the last analysis that counts).
    func analyzedCheck(_ item: InputItem, linter: Linter, analyzer: Analyzer, needsAnalysis: Bool = true) -> (report: FileReport, analysis: Analysis?) {
        let bytes: Result<[UInt8], FileReadError>
        let format: InputFormat
        switch item {
        case .failure(let path, let message):
            return (FileReport(path: path, error: message), nil)
        case .file(let path, let itemFormat):
            bytes = FileReading.read(path: path)
            format = itemFormat
        case .standardInput(_, let itemFormat):
            bytes = FileReading.readStandardInput()
            format = itemFormat
        }
        switch bytes {
        case .failure(let error):
            return (FileReport(path: item.path, error: error.message), nil)
        case .success(let bytes):
            return analyzedCheck(bytes: bytes, path: item.path, format: format, linter: linter, analyzer: analyzer, needsAnalysis: needsAnalysis)
        }
    }

    func analyzedCheck(bytes: [UInt8], path: String, format: InputFormat, linter: Linter,
                       analyzer: Analyzer, needsAnalysis: Bool = true) -> (report: FileReport, analysis: Analysis?) {
        do {
            let source = try SourceFile(path: path, bytes: bytes)
            if let fixThreshold {
                let outcome = try linter.fix(source, format: format, analyzer: analyzer, upTo: fixThreshold)
                return (FileReport(path: path, diagnostics: outcome.remaining, source: outcome.source, original: bytes, fix: outcome), nil)
            }
            guard needsAnalysis else {
                return (FileReport(path: path, diagnostics: try linter.lint(source, format: format, analyzer: analyzer), source: source), nil)
            }
            let (diagnostics, analysis) = try linter.analyzedLint(source, format: format, analyzer: analyzer)
            return (FileReport(path: path, diagnostics: diagnostics, source: source), analysis)
        } catch let error as SourceError {
            return (FileReport(path: path, error: error.description), nil)
        } catch {
            return (FileReport(path: path, error: SystemErrors.plain(error)), nil)
        }
    }
}

/// Per-worker analyzers; worker `i` is the only one touching `analyzers[i]`.
private final class Workers: @unchecked Sendable {
    let analyzers: [Analyzer]
    init(_ analyzers: [Analyzer]) { self.analyzers = analyzers }
}

/// One slot per input of a batch; each slot is written by exactly one worker and read after
/// all workers finished (concurrentPerform returns only then), so no lock is needed.
private final class OutputSlots<Output>: @unchecked Sendable {
    private var outputs: [Output?]
    init(count: Int) { outputs = Array(repeating: nil, count: count) }
    func store(_ output: Output, at index: Int) {
        outputs.withUnsafeMutableBufferPointer { $0[index] = output }
    }
    func take(_ index: Int) -> Output { outputs[index]! }
}
