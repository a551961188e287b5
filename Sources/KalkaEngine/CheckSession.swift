import ICUKit
import KalkaModel

/// One `kalka check` run as a library call: checks each input under its own linter and fail-on
/// level, applies or diffs the fixes when asked, hides what a baseline accepted or records a new
/// baseline, and decides the exit status.
///
/// It writes nothing to the terminal itself: the reports, messages, diffs and fixed text go
/// through `Output`, so the caller picks the streams and files (and the reporter).
public struct CheckSession {
    /// What the run does with the fixes.
    public enum FixMode: Sendable, Equatable {
        /// Report the findings; change nothing.
        case none
        /// Apply the fixes up to this applicability: files in place, standard input's text to
        /// `Output.fixedText`. The reports hold what remains.
        case apply(FixApplicability)
        /// Show the fixes up to this applicability as unified diffs (`Output.diff`); change nothing.
        case diff(FixApplicability)
    }

    /// One input: the job that checks it and the lowest severity that makes the run fail
    /// (nil: nothing does, as with `--fail-on never`).
    public struct Input: Sendable {
        public let job: LintRunner.Job
        public let failOn: Severity?

        public init(job: LintRunner.Job, failOn: Severity?) {
            self.job = job
            self.failOn = failOn
        }
    }

    /// Where the run's outputs go. Everything is called on the thread that called `run`, in
    /// input order, except `progress`.
    public struct Output {
        /// Before anything is written about the next input (a progress line is erased here).
        public var willDeliver: () -> Void = {}
        /// An input that could not be checked, or whose fixes could not be written: its path and
        /// the message to show. Comes before the input's `report`.
        public var error: (_ path: String, _ message: String) -> Void = { _, _ in }
        /// Each report, after the baseline hid what it accepted (a failed fix gives two: the
        /// findings as on disk, then the failure).
        public var report: (FileReport) -> Void = { _ in }
        /// With `.diff`: one input's unified diff (empty when nothing would change).
        public var diff: (String) -> Void = { _ in }
        /// With `.apply`: standard input's text, fixed, in its own encoding.
        public var fixedText: ([UInt8]) -> Void = { _ in }
        /// With `.apply`: replaces a file whose fixes changed it, failing when the file is no
        /// longer `original` (by default atomically, with `AtomicFileWriter`).
        public var replaceFile: (_ path: String, _ original: [UInt8], _ fixed: [UInt8]) throws -> Void = { path, original, fixed in
            try AtomicFileWriter.replace(path, expecting: original, with: fixed)
        }
        /// Called from the workers with the number of inputs checked so far.
        public var progress: (@Sendable (Int) -> Void)?

        public init() {}
    }

    /// What the run found and did, and the exit status that follows.
    public struct Outcome: Sendable {
        public internal(set) var summary = RunSummary()
        /// Fixes applied (or, with `.diff`, that would be), over the files whose fixes took effect.
        public internal(set) var fixesApplied = 0
        /// Files the fixes changed (or, with `.diff`, would change).
        public internal(set) var filesChanged = 0
        /// Files whose fixes could not be written (each is also an error in `summary`).
        public internal(set) var writeFailures = 0
        /// Whether some input had a finding at or above its fail-on level.
        public internal(set) var failing = false
        /// Every finding reported, when the session records a baseline (empty otherwise).
        public internal(set) var recorded = Baseline()
        let fixMode: FixMode
        let recordsBaseline: Bool

        /// 2 when an input could not be read, checked or written; otherwise 1 when a finding
        /// reached its fail-on level (with `.diff`: when a file would change; when recording a
        /// baseline: never), else 0.
        public var exitStatus: Int32 {
            if summary.errors > 0 || writeFailures > 0 { return 2 }
            if recordsBaseline { return 0 }
            if case .diff = fixMode { return filesChanged > 0 ? 1 : 0 }
            return failing ? 1 : 0
        }
    }

    public let inputs: [Input]
    /// Inputs checked in parallel.
    public var jobs: Int
    public var fixMode: FixMode
    /// Findings accepted earlier: hidden from the reports, the summary and the exit status.
    public var baseline: Baseline?
    /// Records every finding in `Outcome.recorded` (to write as the new baseline); the findings
    /// then never fail the run.
    public var recordsBaseline: Bool

    public init(inputs: [Input], jobs: Int, fixMode: FixMode = .none, baseline: Baseline? = nil, recordsBaseline: Bool = false) {
        self.inputs = inputs
        self.jobs = jobs
        self.fixMode = fixMode
        self.baseline = baseline
        self.recordsBaseline = recordsBaseline
    }

    /// The lowest severity that fails an input: the command line's choice (`.some(nil)`: never)
    /// over its configuration's, else warning.
    public static func failOn(commandLine: Severity??, configuration: Configuration) -> Severity? {
        if let commandLine { return commandLine }
        if let configured = configuration.failOn { return configured }
        return .warning
    }

    /// The name standard input is reported under, when it is one of the inputs.
    public var standardInputName: String? {
        for input in inputs {
            if case .standardInput(let name, _) = input.job.item { return name }
        }
        return nil
    }

    /// Whether the run writes standard input's fixed text (`Output.fixedText`): a report then
    /// has to go somewhere else than the fixed text.
    public var writesFixedText: Bool {
        if case .apply = fixMode { return standardInputName != nil }
        return false
    }

    /// Checks every input and delivers what comes of each through `output`.
    public func run(_ output: Output) throws(ICUError) -> Outcome {
        var outcome = Outcome(fixMode: fixMode, recordsBaseline: recordsBaseline)
        let threshold: FixApplicability? = switch fixMode {
        case .none: nil
        case .apply(let threshold), .diff(let threshold): threshold
        }
        let isDiff = if case .diff = fixMode { true } else { false }
        let stdinName = standardInputName
        var delivered = 0
        try LintRunner(jobs: jobs, fixThreshold: threshold).run(inputs.map(\.job), progress: output.progress) { checked in
            output.willDeliver()
            // A fix that cannot be written leaves the file's findings as they were, plus an error.
            var results = [checked]
            if let fix = checked.fix, let original = checked.original {
                if isDiff {
                    output.diff(UnifiedDiff.diff(old: original, new: fix.bytes, oldName: "a/\(checked.path)", newName: "b/\(checked.path)"))
                } else if checked.path == stdinName {
                    output.fixedText(fix.bytes)
                } else if fix.changed {
                    do {
                        try output.replaceFile(checked.path, original, fix.bytes)
                    } catch {
                        outcome.writeFailures += 1
                        let (findings, failure) = checked.fixesNotWritten(because: SystemErrors.plain(error))
                        results = [findings, failure]
                    }
                }
                if results.count == 1 {
                    outcome.fixesApplied += fix.applied
                    if fix.changed { outcome.filesChanged += 1 }
                }
            }
            for result in results {
                let report = baseline?.filter(result) ?? result
                if recordsBaseline { outcome.recorded.add(report) }
                if let failOn = inputs[delivered].failOn, report.diagnostics.contains(where: { $0.severity >= failOn }) {
                    outcome.failing = true
                }
                if let error = report.error {
                    output.error(report.path, results.count == 1 ? error + "; not checked" : error)
                }
                outcome.summary.add(report)
                output.report(report)
            }
            delivered += 1
        }
        return outcome
    }
}
