import ArgumentParser
import Foundation
import KalkaConfig
import KalkaCore

/// `--config` and `--isolated`, shared by every command that reads `.kalka.yml`.
struct ConfigurationOptions: ParsableArguments {
    @Option(help: "The configuration file for every path (default: for each file, the nearest .kalka.yml in its directory or above; for standard input, the current directory's).")
    var config: String?

    @Flag(help: "Ignore configuration files.")
    var isolated = false

    func resolver() -> ConfigurationResolver {
        ConfigurationResolver(mode: isolated ? .isolated : config.map { .file($0) } ?? .discover)
    }

    /// The settings for one input (nil or "-": standard input), with the overrides for its
    /// path. Errors name file:line:col (a `CommandFailure`).
    func settings(for input: String?) throws -> Configuration {
        let resolver = resolver()
        do {
            if let input, input != "-" { return try resolver.resolve(input).settings }
            return try resolver.resolveStandardInput().settings
        } catch {
            throw CommandFailure(nil, error)
        }
    }
}

/// `--date`: for the commands that lint (check, report, normalize) and `config show`.
struct ArticleDateOption: ParsableArguments {
    @Option(help: ArgumentHelp("The articles' publication date, YYYY-MM-DD (default: the configuration's date:, else each article's own, from its metadata or first lines). In older copy, period spellings such as “Kiev” are reported at info.", valueName: "date"))
    var date: SimpleDate?

    /// A configuration's settings with the command line's date on top.
    func withCommandLine(_ settings: Configuration) -> Configuration {
        var settings = settings
        if let date { settings.articleDate = date }
        return settings
    }

}

/// `--select` and `--ignore` values: repeatable and comma-separated.
enum RuleSelectors {
    static func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }
}

/// What `check` and `report` read and how they configure it: the paths' options, the rule
/// selection, `.kalka.yml`, and the parallelism.
struct LintInputOptions: ParsableArguments {
    @OptionGroup var configurationOptions: ConfigurationOptions
    @OptionGroup var dateOption: ArticleDateOption

    @Option(name: .customLong("input-format"), help: "Read every input as this format instead of choosing by extension (plain, markdown, html), or as JSON Lines records (jsonl: one article per line, see --id-field and --text-field).")
    var inputFormat: InputChoice?

    @OptionGroup var recordFieldOptions: RecordFieldOptions

    /// Whether the inputs are JSON Lines archives of records.
    var readsRecords: Bool { inputFormat == .jsonl }

    var recordFields: RecordFields { recordFieldOptions.fields }

    @Option(name: .customLong("stdin-filename"), help: "The name to report standard input under; its extension picks the format.")
    var stdinFilename: String?

    @Option(help: "Skip paths matching this glob (repeatable; added to the configuration's exclude).")
    var exclude: [String] = []

    @Option(help: "Only these rules: codes, code prefixes, names or categories (repeatable, comma-separated).")
    var select: [String] = []

    @Option(help: "Skip these rules: codes, code prefixes, names or categories (repeatable, comma-separated).")
    var ignore: [String] = []

    @Option(name: .shortAndLong, help: "Files checked in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        try recordFieldOptions.validate(readsRecords: readsRecords)
        for selector in RuleSelectors.split(select) + RuleSelectors.split(ignore) where !RuleSelector(selector).isKnown {
            throw ValidationError("unknown rule selector '\(selector)': use a code (DUP001), code prefix (DUP), name (repeated-word) or category (duplicated-word); see 'kalka rules'")
        }
    }

    /// The inputs `paths` name (the current directory when none), in the order given; what a
    /// directory walk skipped is noted on standard error.
    func collect(_ paths: [String]) -> [InputItem] {
        let (items, notes) = InputCollector(exclude: exclude, formatOverride: inputFormat?.textFormat, stdinFilename: stdinFilename).collectNoting(paths.isEmpty ? ["."] : paths)
        for note in notes { Failure.note(note) }
        return items
    }

    /// With `--input-format jsonl`: the archives `paths` name (standard input when none) as
    /// inputs, for the checks that an output file does not overwrite one.
    func archiveItems(_ paths: [String]) -> [InputItem] {
        (paths.isEmpty ? ["-"] : paths).map { $0 == "-" ? .standardInput(displayPath: "-", format: .plain) : .file(path: $0, format: .plain) }
    }

    /// With `--input-format jsonl`: each archive `paths` name (standard input when none) with
    /// the linter of its configuration, as for a file of that name. Bad configuration files stop
    /// the run before anything is checked (a `CommandFailure`).
    func configuredArchives(_ paths: [String], failOn commandLine: Severity??) throws -> [RecordCheck.Archive] {
        let resolver = configurationOptions.resolver()
        let linters = LinterCache(select: RuleSelectors.split(select), ignore: RuleSelectors.split(ignore))
        return try (paths.isEmpty ? ["-"] : paths).map { path in
            let isStandardInput = path == "-"
            let resolution: ConfigurationResolver.Resolution
            do {
                resolution = try isStandardInput ? (stdinFilename.map { try resolver.resolve($0) } ?? resolver.resolveStandardInput()) : resolver.resolve(path)
            } catch {
                throw CommandFailure(nil, error)
            }
            let settings = dateOption.withCommandLine(resolution.settings)
            do {
                return RecordCheck.Archive(path: isStandardInput ? nil : path, name: isStandardInput ? (stdinFilename ?? "-") : path,
                                           linter: try linters.linter(for: settings),
                                           failOn: CheckSession.failOn(commandLine: commandLine, configuration: settings))
            } catch {
                throw CommandFailure(resolution.file.path, "cannot load the rules: \(SystemErrors.plain(error)); nothing was checked")
            }
        }
    }

    /// Each input with the linter of its configuration (the nearest `.kalka.yml`, `--config`
    /// or none, plus `--select` and `--ignore`) and the settings it came from; inputs the
    /// configuration excludes are dropped. Bad configuration files stop the run before anything
    /// is checked (a `CommandFailure`).
    func configuredJobs(_ items: [InputItem]) throws -> [(job: LintRunner.Job, settings: Configuration)] {
        let resolver = configurationOptions.resolver()
        let linters = LinterCache(select: RuleSelectors.split(select), ignore: RuleSelectors.split(ignore))
        var jobs: [(job: LintRunner.Job, settings: Configuration)] = []
        for item in items {
            let resolution: ConfigurationResolver.Resolution
            do {
                switch item {
                case .standardInput(let name, _):
                    resolution = try stdinFilename == nil ? resolver.resolveStandardInput() : resolver.resolve(name)
                case .file(let path, _), .failure(let path, _):
                    resolution = try resolver.resolve(path)
                    if case .file = item, resolution.isExcluded { continue }
                }
            } catch {
                throw CommandFailure(nil, error)
            }
            do {
                let settings = dateOption.withCommandLine(resolution.settings)
                jobs.append((LintRunner.Job(item: item, linter: try linters.linter(for: settings)), settings))
            } catch {
                throw CommandFailure(resolution.file.path, "cannot load the rules: \(SystemErrors.plain(error)); nothing was checked")
            }
        }
        return jobs
    }
}

/// `--id-field` and `--text-field`: the members of JSON Lines records (`--input-format jsonl`).
struct RecordFieldOptions: ParsableArguments {
    @Option(name: .customLong("id-field"), help: ArgumentHelp("With --input-format jsonl: the member holding each record's id (a string or number).", valueName: "name"))
    var idField = "id"

    @Option(name: .customLong("text-field"), help: ArgumentHelp("With --input-format jsonl: the member holding each record's text (its optional \"format\" and \"date\" members pick the reader and the publication date).", valueName: "name"))
    var textField = "text"

    var fields: RecordFields { RecordFields(id: idField, text: textField) }

    /// The members make sense only for records, and must differ.
    func validate(readsRecords: Bool) throws {
        if !readsRecords && (idField != "id" || textField != "text") {
            throw ValidationError("--id-field and --text-field name the members of JSON Lines records: use them with --input-format jsonl")
        }
        if readsRecords && (idField.isEmpty || textField.isEmpty || idField == textField) {
            throw ValidationError("--id-field and --text-field must name two different members")
        }
        let reserved = RecordFields()
        if readsRecords, let taken = [idField, textField].first(where: { $0 == reserved.format || $0 == reserved.date }) {
            throw ValidationError("--id-field and --text-field cannot name “\(taken)”: a record's “format” and “date” members pick its reader and publication date")
        }
    }
}

/// `--input-format`: a text format, or JSON Lines records.
enum InputChoice: String, ExpressibleByArgument, CaseIterable {
    case plain, markdown, html, jsonl

    /// The reader for every input, or nil for records (each names its own, plain by default).
    var textFormat: InputFormat? { InputFormat(rawValue: rawValue) }
}

extension SimpleDate: ExpressibleByArgument {
    public init?(argument: String) {
        guard argument.utf8.count == 10 else { return nil }
        self.init(iso: argument)
    }
}
