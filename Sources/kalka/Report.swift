import ArgumentParser
import Foundation
import KalkaCore

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an editor report: the documents with every finding highlighted, and the most suspicious sentences first.",
        discussion: """
            html (the default) is one self-contained page: no network access, filters by \
            category and severity, documents rendered when opened. md lists the top sentences \
            for a pull request comment; json holds the same data for other tools. Each file is \
            checked under its .kalka.yml, as by 'kalka check'. Exit status: 0 when the report \
            was written, 2 on usage or I/O errors (files that cannot be read are listed in the \
            report and make the status 2).
            """
    )

    @Argument(help: "Files or directories to report on (default: the current directory); - for standard input.")
    var paths: [String] = []

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write the report to this file (replaced only once complete) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: "Report format.")
    var format: EditorReportFormat = .html

    @Option(help: "How many suspicious sentences to rank (default: 100 for html and json, 10 for md).")
    var top: Int?

    @Flag(help: "Rank every sentence, those that score zero too (to measure the ranking over whole documents).")
    var everySentence = false

    @OptionGroup var inputs: LintInputOptions

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let report: EditorReport
        if inputs.readsRecords {
            // Each record is a document, named by its id; the report holds them all.
            try OutputSafety.refuseOverwriting(output, option: "--output", inputs: inputs.archiveItems(paths))
            report = try EditorReport.build(archives: try inputs.configuredArchives(paths, failOn: nil), fields: inputs.recordFields, jobs: inputs.jobs,
                                            dictionaries: try DictionaryStore.builtIn.get(), everySentence: everySentence)
        } else {
            let items = try OutputSafety.excludingOutput(output, option: "--output", from: inputs.collect(paths), named: paths)
            let work = try inputs.configuredJobs(items).map(\.job)
            report = try EditorReport.build(work, jobs: inputs.jobs, dictionaries: try DictionaryStore.builtIn.get(), everySentence: everySentence)
        }
        for error in report.errors { Failure.report(error.path, error.message + "; not checked") }
        let text = format.render(report, top: top)
        if let output {
            do {
                let file = try ReportFile(output)
                file.write(text)
                try file.commit()
            } catch {
                throw CommandFailure(output, "cannot write the report: \(error.message); the file is left as it was")
            }
        } else {
            StandardStreams.writeOut(text)
        }
        if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
    }
}

extension EditorReportFormat: ExpressibleByArgument {}
