import ICUKit
import KalkaModel
import KalkaText

/// `kalka check --input-format jsonl`: checks the articles of JSON Lines archives, streamed.
///
/// Each archive is read a line at a time; the workers parse and check the records in parallel
/// and the reports come back in input order, a few per worker in flight, so memory stays bounded
/// whatever the archive's size. A line that is not a record kalka can check (invalid JSON, a
/// missing member, a text that is not a string or not valid UTF-8 once unescaped, a line over
/// the size limit) becomes an error report naming the archive and line; the other records go on.
public struct RecordCheck {
    /// One archive: a file, or standard input (`path` nil), and how to check its records.
    public struct Archive: Sendable {
        public let path: String?
        /// The name reports give it ("-" or the standard-input name for standard input).
        public let name: String
        public let linter: Linter
        /// The lowest severity that makes the run fail (nil: nothing does).
        public let failOn: Severity?

        public init(path: String?, name: String, linter: Linter, failOn: Severity?) {
            self.path = path
            self.name = name
            self.linter = linter
            self.failOn = failOn
        }
    }

    /// What came of one line of an archive.
    public struct RecordReport: Sendable {
        public let archive: String
        public let line: Int
        /// The record's id as JSON, byte for byte, when the line got as far as having one.
        public let idJSON: [UInt8]?
        /// Why the line is not a record kalka could check, without its line number (the report's
        /// `error` has it in front, for the formats that name only the archive).
        public let error: String?
        /// Findings in the record's text (offsets into the unescaped text, in UTF-8 bytes), under
        /// the record's id as its path; or the error, when the line is no record kalka can check.
        public let report: FileReport
    }

    public let archives: [Archive]
    public var fields: RecordFields
    /// A record's format when it names none.
    public var defaultFormat: InputFormat
    public var jobs: Int
    /// The longest line (and so record) read.
    public var sizeLimit: Int
    public var baseline: Baseline?
    public var recordsBaseline: Bool

    public init(archives: [Archive], fields: RecordFields = RecordFields(), defaultFormat: InputFormat = .plain, jobs: Int,
                sizeLimit: Int = SourceFile.defaultSizeLimit, baseline: Baseline? = nil, recordsBaseline: Bool = false) {
        self.archives = archives
        self.fields = fields
        self.defaultFormat = defaultFormat
        self.jobs = jobs
        self.sizeLimit = sizeLimit
        self.baseline = baseline
        self.recordsBaseline = recordsBaseline
    }

    /// Checks every record of every archive, in order; `deliver` gets each line's report after
    /// the baseline hid what it accepted. Errors (`report.error`) count in the outcome's summary.
    public func run(_ deliver: (RecordReport) -> Void) throws(ICUError) -> CheckSession.Outcome {
        var outcome = CheckSession.Outcome(fixMode: .none, recordsBaseline: recordsBaseline)
        let runner = LintRunner(jobs: jobs)
        let (fields, defaultFormat) = (fields, defaultFormat)
        for archive in archives {
            let lines: RecordLines
            do {
                lines = try RecordLines(path: archive.path, limit: sizeLimit)
            } catch {
                let report = RecordReport(archive: archive.name, line: 0, idJSON: nil, error: error.message,
                                          report: FileReport(path: archive.name, error: error.message))
                outcome.summary.add(report.report)
                deliver(report)
                continue
            }
            let name = archive.name, linter = archive.linter, sizeLimit = sizeLimit
            try runner.stream(next: { lines.next() }, work: { _, item, analyzer in
                Self.check(item, archive: name, fields: fields, defaultFormat: defaultFormat, linter: linter, analyzer: analyzer, sizeLimit: sizeLimit).report
            }, deliver: { checked in
                let report = RecordReport(archive: checked.archive, line: checked.line, idJSON: checked.idJSON, error: checked.error,
                                          report: baseline?.filter(checked.report) ?? checked.report)
                if recordsBaseline { outcome.recorded.add(report.report) }
                if let failOn = archive.failOn, report.report.diagnostics.contains(where: { $0.severity >= failOn }) { outcome.failing = true }
                outcome.summary.add(report.report)
                deliver(report)
            })
        }
        return outcome
    }

    /// One line of an archive checked: its report, and the analysis the rules read when
    /// `needsAnalysis` (for editor reports) and the line is a record kalka could check.
    public static func check(_ item: RecordLines.Item, archive: String, fields: RecordFields, defaultFormat: InputFormat,
                             linter: Linter, analyzer: Analyzer, sizeLimit: Int = SourceFile.defaultSizeLimit,
                             needsAnalysis: Bool = false) -> (report: RecordReport, analysis: Analysis?) {
        func failure(_ line: Int, _ idJSON: [UInt8]?, _ message: String) -> (RecordReport, Analysis?) {
            (RecordReport(archive: archive, line: line, idJSON: idJSON, error: message, report: FileReport(path: archive, error: "line \(line): \(message)")), nil)
        }
        switch item {
        case .failure(let line, let message):
            return failure(line, nil, message)
        case .tooLarge(let line, let bytes):
            return failure(line, nil, RecordLines.tooLarge(bytes: bytes, limit: sizeLimit))
        case .blank(let line, _):
            // Never read here: checking does not ask for blank lines.
            return failure(line, nil, "a blank line is not a record")
        case .line(let line, let bytes, _):
            switch JSONRecordParser.parse(bytes, lineNumber: line, fields: fields) {
            case .failure(let error):
                return failure(line, error.idJSON, error.message)
            case .success(let record):
                let (report, analysis) = LintRunner(jobs: 1).analyzedCheck(bytes: record.text, path: record.id, format: record.format ?? defaultFormat,
                                                                           linter: linter.dated(record.date), analyzer: analyzer, needsAnalysis: needsAnalysis)
                if let error = report.error { return failure(line, record.idJSON, "the text of “\(record.id)”: \(error)") }
                return (RecordReport(archive: archive, line: line, idJSON: record.idJSON, error: nil, report: report), analysis)
            }
        }
    }
}
