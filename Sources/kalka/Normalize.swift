import ArgumentParser
import Foundation
import KalkaConfig
import KalkaCore

struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Write the text with its safe fixes applied: NFC, mojibake, homoglyphs, invisible characters, house style.",
        discussion: """
            Reads FILE (or standard input) and writes the normalized text to standard output. \
            Applies Unicode NFC to the prose, then every safe fix of the selected rules (with \
            --unsafe, the unsafe ones too), honouring .kalka.yml like check. Nothing else \
            changes: every other byte, the byte order mark and the line endings stay as they \
            were, and a second run changes nothing. Plain text streams through in chunks cut at \
            blank lines, in bounded memory; Markdown and HTML are read whole (a blank line inside \
            a code block or <pre> does not end it). Exit status: 0 on success, 2 on usage or I/O \
            errors (invalid UTF-8 names the byte offset).
            """
    )

    @Argument(help: "The file to normalize; - or nothing for standard input.")
    var file: String?

    @Option(name: .shortAndLong, help: "Write the normalized text to this file instead of standard output.")
    var output: String?

    @Flag(name: .customLong("in-place"), help: "Replace FILE with its normalized text (atomically; unchanged files are not rewritten).")
    var inPlace = false

    @Flag(help: "Apply unsafe fixes too.")
    var unsafe = false

    @Flag(help: "List each change on standard error: line:col CODE “old” → “new”, positions in the input.")
    var explain = false

    @Option(name: .customLong("input-format"), help: "Read the input as this format (default: by FILE's extension; plain for standard input), or as JSON Lines records (jsonl: each record written back with its text normalized).")
    var inputFormat: InputChoice?

    @OptionGroup var recordFieldOptions: RecordFieldOptions

    @Option(name: .shortAndLong, help: "With --input-format jsonl: records normalized in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var configurationOptions: ConfigurationOptions
    @OptionGroup var dateOption: ArticleDateOption

    @Option(help: "Only these rules: codes, code prefixes, names or categories (repeatable, comma-separated).")
    var select: [String] = []

    @Option(help: "Skip these rules: codes, code prefixes, names or categories (repeatable, comma-separated).")
    var ignore: [String] = []

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        try recordFieldOptions.validate(readsRecords: inputFormat == .jsonl)
        if inPlace && (file == nil || file == "-") { throw ValidationError("--in-place needs a FILE") }
        if inPlace && output != nil { throw ValidationError("--in-place and --output cannot be used together") }
        for selector in RuleSelectors.split(select) + RuleSelectors.split(ignore) where !RuleSelector(selector).isKnown {
            throw ValidationError("unknown rule selector '\(selector)': use a code (DUP001), code prefix (DUP), name (repeated-word) or category (duplicated-word); see 'kalka rules'")
        }
    }

    func run() throws {
        let configuration = dateOption.withCommandLine(try configurationOptions.settings(for: file))
        let linter: Linter
        do {
            linter = try Linter.configured(configuration, select: RuleSelectors.split(select), ignore: RuleSelectors.split(ignore))
        } catch {
            throw CommandFailure(configuration.path, "cannot load the rules: \(SystemErrors.plain(error)); nothing was written")
        }
        let path = file ?? "-"
        if let output {
            try OutputSafety.refuseOverwriting(output, option: "--output", inputs: [path == "-" ? .standardInput(displayPath: "-", format: .plain) : .file(path: path, format: .plain)])
        }
        if inputFormat == .jsonl { return try normalizeRecords(path: path, linter: linter) }
        let target: NormalizationRun.Target = inPlace ? .inPlace : output.map { .file($0) } ?? .stream
        let run = NormalizationRun(path: path, format: inputFormat?.textFormat, linter: linter, threshold: unsafe ? .unsafe : .safe, target: target)
        do throws(NormalizationRun.Failure) {
            try run.run(write: { StandardStreams.writeOut(bytes: $0) }) { change in
                if explain { StandardStreams.writeError(change.explanation + "\n") }
            }
            StandardStreams.flush()
        } catch {
            switch error {
            case .read(let error): throw CommandFailure(path, error.message + "; left unchanged")
            case .open(let code): throw CommandFailure(path, "cannot open: \(SystemErrors.text(code)); nothing was written")
            case .normalize(let error): throw CommandFailure(nil, error.description + (inPlace ? "; the file is left unchanged" : ""))
            case .write(let error):
                throw CommandFailure(inPlace ? path : output, error.message + "; " + (inPlace ? "the file is left unchanged" : "nothing was written"))
            }
        }
    }

    /// `--input-format jsonl`: the archive's lines written back in order, each record's text
    /// normalized; a line that is no record kalka can check is written back unchanged and
    /// reported, and the exit status is then 2. To a file (`-o`, `--in-place`), the output
    /// replaces it only once complete, and not at all when a line could not be written back;
    /// `--in-place` leaves an archive with nothing to change as it is, keeps its owner and
    /// mode, and refuses to replace one that changed on disk meanwhile.
    private func normalizeRecords(path: String, linter: Linter) throws {
        let target = inPlace ? path : output
        var original = stat()
        if inPlace, stat(path, &original) != 0 { throw CommandFailure(path, "cannot open: \(SystemErrors.text(errno)); nothing was written") }
        let file: ReportFile?
        do {
            file = try target.map { target throws(ReportFile.WriteError) in try ReportFile(target) }
        } catch {
            throw CommandFailure(target, error.message + "; nothing was written")
        }
        let normalizer = RecordNormalize(linter: linter, fields: recordFieldOptions.fields, threshold: unsafe ? .unsafe : .safe, jobs: jobs)
        var errors = 0, lost = 0, changed = 0
        do {
            try normalizer.run(path: path == "-" ? nil : path) { line in
                if let error = line.error {
                    errors += 1
                    if line.bytes.isEmpty { lost += 1 }
                    Failure.report(path, error)
                }
                if !line.changes.isEmpty { changed += 1 }
                if explain {
                    for change in line.changes { StandardStreams.writeError("line \(line.number): \(change.explanation)\n") }
                }
                if let file { file.write(bytes: line.bytes) } else { StandardStreams.writeOut(bytes: line.bytes) }
            }
        } catch let error as FileReadError {
            throw CommandFailure(path, error.message + "; nothing was written")
        }
        let unchangedOutcome = inPlace ? "the file is left unchanged" : "nothing was written"
        if let file, let target {
            // An uncommitted output file leaves nothing behind.
            if lost > 0 {
                throw CommandFailure(target, "\(lost) line\(lost == 1 ? "" : "s") could not be written back; \(unchangedOutcome)")
            }
            if !(inPlace && changed == 0) {
                if inPlace {
                    var now = stat()
                    guard stat(path, &now) == 0, now.st_ino == original.st_ino, now.st_size == original.st_size,
                          now.st_mtim.tv_sec == original.st_mtim.tv_sec, now.st_mtim.tv_nsec == original.st_mtim.tv_nsec else {
                        throw CommandFailure(path, "changed on disk while it was normalized; the file is left unchanged")
                    }
                }
                do {
                    try file.commit(replacing: inPlace ? original : nil)
                } catch {
                    throw CommandFailure(target, error.message + "; " + unchangedOutcome)
                }
            }
        }
        StandardStreams.flush()
        if errors > 0 { throw ExitCode(2) }
    }
}
