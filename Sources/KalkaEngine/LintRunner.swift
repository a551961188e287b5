import Dispatch
import ICUKit
import KalkaModel
import KalkaRules
import KalkaText
import Synchronization

/// Checks many inputs on several workers and delivers the reports in input order.
///
/// Results are delivered as they are ready, in order, and at most a few per worker are held
/// however many files there are; each worker owns an `Analyzer` (ICU break iterators are not shareable). Each input is checked
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
        let finished = FinishedCount()
        var next = 0
        // The jobs' indices are the stream; one input needs no second worker.
        try pipeline(workers: min(jobs, work.count), next: { () -> Int? in
            guard next < work.count else { return nil }
            defer { next += 1 }
            return next
        }, work: { index, _, analyzer in
            let job = work[index]
            let (report, analysis) = analyzedCheck(job.item, linter: job.linter, analyzer: analyzer, needsAnalysis: needsAnalysis)
            let output = transform(index, report, analysis)
            progress?(finished.count.wrappingAdd(1, ordering: .relaxed).newValue)
            return output
        }, deliver: deliver)
    }

    /// Works through a stream of unknown length in order: the workers take items from `next`
    /// (called under a lock, one at a time, so it may read a file) and turn each into an output
    /// with `work` (given the item's index in the stream), and `deliver` gets the outputs in the
    /// order the items came, on the calling thread. At most `jobs × 16` items are in flight,
    /// whatever the stream's length.
    public func stream<Item, Output: Sendable>(next: @escaping () -> Item?, work: @escaping @Sendable (Int, Item, Analyzer) -> Output,
                                               deliver: (Output) -> Void) throws(ICUError) {
        try pipeline(workers: jobs, next: next, work: work, deliver: deliver)
    }

    /// `stream` on `workers` workers (at most `jobs`; one runs everything on the calling thread).
    private func pipeline<Item, Output: Sendable>(workers count: Int, next: @escaping () -> Item?,
                                                  work: @escaping @Sendable (Int, Item, Analyzer) -> Output,
                                                  deliver: (Output) -> Void) throws(ICUError) {
        // `--jobs 1` keeps the whole run on one core, a large document's pass included.
        let prototype = try Analyzer(cores: jobs == 1 ? 1 : Analyzer.machineCores)
        guard count > 1 else {
            var index = 0
            while let item = next() {
                deliver(work(index, item, prototype))
                index += 1
            }
            return
        }
        var analyzers = [prototype]
        for _ in 1..<count { analyzers.append(try prototype.clone()) }
        let workers = Workers(analyzers)
        let source = StreamSource(next)
        // A pipeline: the workers take items in order while this thread delivers the finished
        // ones in order, so no worker waits for a batch's slowest item, and the outputs are
        // written while the next items are worked on. At most `window` outputs are held: an item
        // is taken only with a free slot, and a slot frees when its output is delivered, so item
        // i always lands in slot i % window. After the last item, its slot holds nil: the worker
        // that finds the stream ended stores it, so the delivering loop knows where to stop.
        let window = count * 16
        let slots = OutputRing<Output?>(count: window)
        let free = DispatchSemaphore(value: window)
        let group = DispatchGroup()
        for worker in 0..<count {
            DispatchQueue.global().async(group: group) {
                let analyzer = workers.analyzers[worker]
                while true {
                    free.wait()
                    switch source.take() {
                    case .item(let index, let item):
                        slots.store(work(index, item, analyzer), at: index % window)
                    case .end(let index):
                        slots.store(nil, at: index % window)
                        return
                    case .ended:
                        free.signal()
                        return
                    }
                }
            }
        }
        var index = 0
        while true {
            let output = slots.take(index % window)
            // Every permit goes back, the end's too: a semaphore must not end below its start.
            free.signal()
            guard let output else { break }
            deliver(output)
            index += 1
        }
        group.wait()
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

/// A stream's items handed out in order under a lock, each with its index.
private final class StreamSource<Item>: @unchecked Sendable {
    enum Taken {
        case item(Int, Item)
        /// The stream ended at this index: the taker marks the end.
        case end(Int)
        /// Someone else marked the end.
        case ended
    }
    private let next: () -> Item?
    private let lock = Lock()
    private var count = 0
    private var finished = false
    init(_ next: @escaping () -> Item?) { self.next = next }
    func take() -> Taken {
        lock.withLock {
            if finished { return .ended }
            if let item = next() {
                defer { count += 1 }
                return .item(count, item)
            }
            finished = true
            return .end(count)
        }
    }
}

/// How many inputs the workers have checked, for the progress display.
private final class FinishedCount: Sendable {
    let count = Atomic<Int>(0)
}

/// The results in flight between the workers and the delivering thread: slot i holds one
/// result at a time, stored by the worker that checked it and taken (waiting for it) by the
/// delivering thread. Each slot's semaphore orders the store before the take.
///
/// The slots are raw memory allocated once, not an array: threads writing different elements of
/// one array property each make a mutating access to the whole array, and one that finds the
/// buffer shared (retained by another's access) copies it and writes the copy back, losing the
/// other's result.
private final class OutputRing<Output>: @unchecked Sendable {
    private let outputs: UnsafeMutablePointer<Output?>
    private let count: Int
    private let filled: [DispatchSemaphore]
    init(count: Int) {
        self.count = count
        outputs = .allocate(capacity: count)
        outputs.initialize(repeating: nil, count: count)
        filled = (0..<count).map { _ in DispatchSemaphore(value: 0) }
    }
    deinit {
        outputs.deinitialize(count: count)
        outputs.deallocate()
    }
    func store(_ output: Output, at index: Int) {
        outputs[index] = output
        filled[index].signal()
    }
    func take(_ index: Int) -> Output {
        filled[index].wait()
        defer { outputs[index] = nil }
        return outputs[index]!
    }
}
