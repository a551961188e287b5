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
        // `--jobs 1` keeps the whole run on one core, a large document's pass included.
        let prototype = try Analyzer(cores: jobs == 1 ? 1 : Analyzer.machineCores)
        let checked: @Sendable (Int, Analyzer) -> Output = { index, analyzer in
            let job = work[index]
            let (report, analysis) = analyzedCheck(job.item, linter: job.linter, analyzer: analyzer, needsAnalysis: needsAnalysis)
            return transform(index, report, analysis)
        }
        guard jobs > 1 && work.count > 1 else {
            for index in work.indices {
                let output = checked(index, prototype)
                progress?(index + 1)
                deliver(output)
            }
            return
        }
        var analyzers = [prototype]
        for _ in 1..<jobs { analyzers.append(try prototype.clone()) }
        let workers = Workers(analyzers)
        // A pipeline: the workers take inputs in order from a shared counter while this thread
        // delivers the finished ones in order, so no worker waits for a batch's slowest input,
        // and the reports are written while the next inputs are checked. At most `window`
        // results are held: an input is taken only with a free slot, and a slot frees when its
        // result is delivered, so input i always lands in slot i % window.
        let window = jobs * 16
        let slots = OutputRing<Output>(count: window)
        let free = DispatchSemaphore(value: window)
        let counters = Counters()
        let group = DispatchGroup()
        for worker in 0..<min(jobs, work.count) {
            DispatchQueue.global().async(group: group) {
                let analyzer = workers.analyzers[worker]
                while true {
                    free.wait()
                    let index = counters.next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < work.count else {
                        free.signal()
                        return
                    }
                    slots.store(checked(index, analyzer), at: index % window)
                    progress?(counters.finished.wrappingAdd(1, ordering: .relaxed).newValue)
                }
            }
        }
        for index in work.indices {
            let output = slots.take(index % window)
            free.signal()
            deliver(output)
        }
        group.wait()
    }

    /// Works through a stream of unknown length in order: the workers take items from `next`
    /// (called under a lock, one at a time, so it may read a file) and turn each into an output
    /// with `work` (given the item's index in the stream), and `deliver` gets the outputs in the
    /// order the items came, on the calling thread. At most `jobs × 16` items are in flight,
    /// whatever the stream's length.
    public func stream<Item, Output: Sendable>(next: @escaping () -> Item?, work: @escaping @Sendable (Int, Item, Analyzer) -> Output,
                                               deliver: (Output) -> Void) throws(ICUError) {
        let prototype = try Analyzer(cores: jobs == 1 ? 1 : Analyzer.machineCores)
        guard jobs > 1 else {
            var index = 0
            while let item = next() {
                deliver(work(index, item, prototype))
                index += 1
            }
            return
        }
        var analyzers = [prototype]
        for _ in 1..<jobs { analyzers.append(try prototype.clone()) }
        let workers = Workers(analyzers)
        let source = StreamSource(next)
        let window = jobs * 16
        // Slot i % window holds item i's output, or nil after the last item: the worker that
        // finds the stream ended stores it, so the delivering loop knows where to stop.
        let slots = OutputRing<Output?>(count: window)
        let free = DispatchSemaphore(value: window)
        let group = DispatchGroup()
        for worker in 0..<jobs {
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

/// The next input to take and how many are checked, shared by the workers.
private final class Counters: Sendable {
    let next = Atomic<Int>(0)
    let finished = Atomic<Int>(0)
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
