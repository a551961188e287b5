import ArgumentParser
import Foundation
import KalkaCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check files and directories for machine-translation artifacts.",
        discussion: """
            Directories are searched recursively for .txt, .md, .markdown, .html and .htm files. \
            Use - to read standard input. Exit status: 0 when nothing at or above --fail-on was \
            found, 1 when something was, 2 on usage or I/O errors (bad encoding, binary or \
            unreadable files), which never stop the other files from being checked.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, info, never
    }

    @Argument(help: "Files or directories to check (default: the current directory); - for standard input.")
    var paths: [String] = []

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit status 1.")
    var failOn: FailOn = .warning

    @Option(name: .customLong("input-format"), help: "Read every input as this format instead of choosing by extension (plain, markdown, html).")
    var inputFormat: InputFormat?

    @Option(name: .customLong("stdin-filename"), help: "The name to report standard input under; its extension picks the format.")
    var stdinFilename: String?

    @Option(help: "Skip paths matching this glob (repeatable).")
    var exclude: [String] = []

    @Option(help: "Only these rules: codes, code prefixes, names or categories (repeatable, comma-separated).")
    var select: [String] = []

    @Option(help: "Skip these rules: codes, code prefixes, names or categories (repeatable, comma-separated).")
    var ignore: [String] = []

    @Option(name: .shortAndLong, help: "Files checked in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Colour in text output: auto (only on a terminal), always or never.")
    var color: ColorChoice = .auto

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        for selector in selectors(select) + selectors(ignore) where !RuleSelector(selector).isKnown {
            throw ValidationError("unknown rule selector '\(selector)': use a code (DUP001), code prefix (DUP), name (repeated-word) or category (duplicated-word); see 'kalka rules'")
        }
    }

    private func selectors(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }

    func run() throws {
        let linter: Linter
        do {
            linter = try Linter.builtIn(select: selectors(select), ignore: selectors(ignore))
        } catch {
            StandardStreams.writeError("kalka: error: cannot load rules: \(error)\n")
            throw ExitCode(2)
        }
        let collector = InputCollector(exclude: exclude, formatOverride: inputFormat, stdinFilename: stdinFilename)
        let items = collector.collect(paths.isEmpty ? ["."] : paths)
        var reporter: any Reporter = switch format {
        case .text: TextReporter(color: color == .always || (color == .auto && StandardStreams.outputIsTerminal))
        case .json: JSONReporter(toolVersion: KalkaVersion.current)
        }
        var summary = RunSummary()
        let write = StandardStreams.writeOut
        reporter.begin(write: write)
        try LintRunner(linter: linter, jobs: jobs).run(items) { report in
            if let error = report.error { StandardStreams.writeError("kalka: error: \(report.path): \(error)\n") }
            summary.add(report)
            reporter.report(report, write: write)
        }
        reporter.finish(summary, write: write)
        if summary.errors > 0 { throw ExitCode(2) }
        if let threshold = failThreshold, let highest = summary.highestSeverity, highest >= threshold { throw ExitCode(1) }
    }

    private var failThreshold: Severity? {
        switch failOn {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .never: nil
        }
    }
}
