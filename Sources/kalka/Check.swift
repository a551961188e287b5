import ArgumentParser
import Foundation
import KalkaConfig
import KalkaCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check files and directories for machine-translation artifacts.",
        discussion: """
            Directories are searched recursively for .txt, .md, .markdown, .html and .htm files. \
            Use - to read standard input. Exit status: 0 when nothing at or above --fail-on was \
            found, 1 when something was, 2 on usage or I/O errors (bad encoding, binary or \
            unreadable files), which never stop the other files from being checked.
            """
    )

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, info, never
    }

    @Argument(help: "Files or directories to check (default: the current directory); - for standard input.")
    var paths: [String] = []

    @Option(help: "Output format.")
    var format: ReportFormat = .text

    @Option(name: .customLong("output-file"), help: ArgumentHelp("Write the report to this file (replaced only once complete) instead of standard output.", valueName: "file"))
    var outputFile: String?

    @Flag(help: "After the report, print how many findings each rule made (on standard error when standard output carries a machine-readable report, fixed text or a diff).")
    var statistics = false

    @Flag(name: .shortAndLong, help: "Print only the findings: no summary lines.")
    var quiet = false

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit status 1 (default: warning).")
    var failOn: FailOn?

    @OptionGroup var inputs: LintInputOptions

    @Option(help: "Colour in text output: auto (only on a terminal), always or never.")
    var color: ColorChoice = .auto

    @Flag(help: "Apply safe fixes in place (for - , write the fixed text to standard output).")
    var fix = false

    @Flag(name: .customLong("unsafe-fixes"), help: "With --fix or --diff, apply unsafe fixes too.")
    var unsafeFixes = false

    @Flag(help: "Print the fixes as a unified diff and change nothing.")
    var diff = false

    @Flag(name: .customLong("no-progress"), help: "No progress bar (otherwise shown on stderr, when it is a terminal, for runs over 20 files).")
    var noProgress = false

    @Option(help: "Hide the findings recorded in this baseline file; only new ones are reported.")
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: "Record every current finding in this baseline file (exit 0) instead of reporting them.")
    var writeBaseline: String?

    func validate() throws {
        if inputs.readsRecords && (fix || diff) {
            throw ValidationError("--fix and --diff change files: records from --input-format jsonl are reported, with each fix's edits in the json and jsonl output")
        }
        if writeBaseline != nil, fix || diff || baseline != nil {
            throw ValidationError("--write-baseline records the findings as they are: it cannot be combined with --fix, --diff or --baseline")
        }
    }

    func run() throws {
        let accepted = try loadBaseline()
        if inputs.readsRecords { return try checkRecords(baseline: accepted) }
        var items = inputs.collect(paths)
        // The baseline is read too: the report must not replace it.
        try OutputSafety.refuseOverwriting(outputFile, option: "--output-file", inputs: baseline.map { [.file(path: $0, format: .plain)] } ?? [])
        items = try OutputSafety.excludingOutput(outputFile, option: "--output-file", from: items, named: paths)
        items = try OutputSafety.excludingOutput(writeBaseline, option: "--write-baseline", from: items, named: paths)
        let fixThreshold: FixApplicability = unsafeFixes ? .unsafe : .safe
        let session = CheckSession(
            inputs: try configure(items), jobs: inputs.jobs,
            fixMode: diff ? .diff(fixThreshold) : fix ? .apply(fixThreshold) : .none,
            baseline: accepted, recordsBaseline: writeBaseline != nil)
        let reportFile = try openReportFile()
        let colored = reportFile == nil && (color == .always || (color == .auto && StandardStreams.outputIsTerminal))
        var reporter = format.makeReporter(.init(color: colored, quiet: quiet))
        // Fixed text for standard input goes to stdout, so the report goes to stderr then.
        let (write, writeUTF8) = destination(reportFile, silent: reportFile == nil && diff, toStandardError: session.writesFixedText)
        let progress = ProgressDisplay.forRun(files: session.inputs.count, disabled: noProgress)
        var output = CheckSession.Output()
        if let progress {
            output.progress = { progress.update(completed: $0) }
            output.willDeliver = { progress.clear() }
        }
        output.error = { Failure.report($0, $1) }
        output.report = { reporter.report($0, writeUTF8: writeUTF8) }
        output.diff = { StandardStreams.writeOut($0) }
        output.fixedText = { StandardStreams.writeOut(String(decoding: $0, as: UTF8.self)) }
        reporter.begin(write: write)
        let outcome = try session.run(output)
        progress?.clear()
        reporter.finish(outcome.summary, write: write)
        try finish(outcome, reportFile: reportFile, standardOutputTaken: diff || session.writesFixedText)
        if writeBaseline == nil {
            if fix && !diff && !quiet && !format.isMachineReadable {
                let (fixed, changedFiles) = (outcome.fixesApplied, outcome.filesChanged)
                StandardStreams.writeError("Fixed \(fixed) problem\(fixed == 1 ? "" : "s") in \(changedFiles) file\(changedFiles == 1 ? "" : "s").\n")
            }
        }
        if outcome.exitStatus != 0 { throw ExitCode(outcome.exitStatus) }
    }

    /// `--fail-on`: a severity, `.some(nil)` for never, nil when not given.
    private var commandLineFailOn: Severity?? {
        switch failOn {
        case .error?: .some(.error)
        case .warning?: .some(.warning)
        case .info?: .some(.info)
        case .never?: .some(nil)
        case nil: nil
        }
    }

    /// `--input-format jsonl`: the records of each archive, streamed; with `--format jsonl`, one
    /// output line per record, in input order.
    private func checkRecords(baseline accepted: Baseline?) throws {
        let archives = inputs.archiveItems(paths)
        try OutputSafety.refuseOverwriting(outputFile, option: "--output-file", inputs: archives)
        try OutputSafety.refuseOverwriting(writeBaseline, option: "--write-baseline", inputs: archives)
        let check = RecordCheck(archives: try inputs.configuredArchives(paths, failOn: commandLineFailOn), fields: inputs.recordFields,
                                jobs: inputs.jobs, baseline: accepted, recordsBaseline: writeBaseline != nil)
        let reportFile = try openReportFile()
        let (write, writeUTF8) = destination(reportFile, silent: false, toStandardError: false)
        let colored = reportFile == nil && (color == .always || (color == .auto && StandardStreams.outputIsTerminal))
        var reporter = format.makeReporter(.init(color: colored, quiet: quiet, records: true))
        if format != .jsonl { reporter.begin(write: write) }
        let outcome = try check.run { record in
            if let error = record.report.error { Failure.report(record.archive, error) }
            if format == .jsonl {
                RecordLinesWriter.line(record).withUnsafeBytes(writeUTF8)
            } else {
                reporter.report(record.report, writeUTF8: writeUTF8)
            }
        }
        if format != .jsonl { reporter.finish(outcome.summary, write: write) }
        try finish(outcome, reportFile: reportFile, standardOutputTaken: false)
        if outcome.exitStatus != 0 { throw ExitCode(outcome.exitStatus) }
    }

    private func openReportFile() throws -> ReportFile? {
        do {
            return try outputFile.map { path throws(ReportFile.WriteError) in try ReportFile(path) }
        } catch {
            throw CommandFailure(outputFile, error.message + "; nothing was checked")
        }
    }

    /// Where the report goes: nowhere when recording a baseline (or `silent`), else the report
    /// file, else standard error (`toStandardError`: standard output carries fixed text) or output.
    private func destination(_ reportFile: ReportFile?, silent: Bool, toStandardError: Bool)
        -> (write: (String) -> Void, writeUTF8: (UnsafeRawBufferPointer) -> Void) {
        if writeBaseline != nil || silent { return ({ _ in }, { _ in }) }
        if let reportFile { return (reportFile.write, reportFile.write(utf8:)) }
        if toStandardError { return (StandardStreams.writeError, { StandardStreams.writeError(String(decoding: $0, as: UTF8.self)) }) }
        return (StandardStreams.writeOut, StandardStreams.writeOut(utf8:))
    }

    /// Writes the baseline, or commits the report file and prints the statistics (on standard
    /// error when standard output carries something else).
    private func finish(_ outcome: CheckSession.Outcome, reportFile: ReportFile?, standardOutputTaken: Bool) throws {
        if let writeBaseline {
            do {
                let file = try ReportFile(writeBaseline)
                file.write(outcome.recorded.json())
                try file.commit()
            } catch {
                throw CommandFailure(writeBaseline, "cannot write the baseline: \(error.message); no baseline was written")
            }
            let recorded = outcome.recorded
            StandardStreams.writeError("Wrote \(recorded.count) finding\(recorded.count == 1 ? "" : "s") in \(recorded.files.count) file\(recorded.files.count == 1 ? "" : "s") to \(writeBaseline).\n")
            return
        }
        do {
            try reportFile?.commit()
        } catch {
            throw CommandFailure(outputFile, "cannot write the report: \(error.message); the file is left as it was")
        }
        if statistics {
            let taken = standardOutputTaken || (format.isMachineReadable && reportFile == nil)
            (taken ? StandardStreams.writeError : StandardStreams.writeOut)(Statistics.table(outcome.summary))
        }
    }

    /// Each input with its linter and fail-on level (see `LintInputOptions.configuredJobs`).
    private func configure(_ items: [InputItem]) throws -> [CheckSession.Input] {
        let commandLine = commandLineFailOn
        return try inputs.configuredJobs(items).map {
            CheckSession.Input(job: $0.job, failOn: CheckSession.failOn(commandLine: commandLine, configuration: $0.settings))
        }
    }

    /// The `--baseline` file, read and checked before any file is.
    private func loadBaseline() throws -> Baseline? {
        guard let baseline else { return nil }
        switch FileReading.read(path: baseline) {
        case .failure(let error):
            throw CommandFailure(baseline, "cannot read the baseline: \(error.message); nothing was checked")
        case .success(let bytes):
            do {
                return try Baseline(json: bytes)
            } catch {
                throw CommandFailure(baseline, error.message + "; nothing was checked")
            }
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}
