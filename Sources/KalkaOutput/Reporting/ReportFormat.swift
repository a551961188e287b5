import KalkaModel

/// The output formats of `kalka check --format`, and the reporter for each.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, concise, json, jsonl, sarif, github, gitlab, junit, checkstyle, rdjson

    /// What the reporters may vary by, besides the findings.
    public struct Options: Sendable {
        public var color: Bool
        /// Findings only: no summary line.
        public var quiet: Bool
        public var toolVersion: String
        /// The documents are records of an archive: a summary counts records, and offers no
        /// `--fix` (an archive is not fixed in place by `check`).
        public var records: Bool

        public init(color: Bool = false, quiet: Bool = false, toolVersion: String = KalkaVersion.current,
                    records: Bool = false) {
            self.color = color
            self.quiet = quiet
            self.toolVersion = toolVersion
            self.records = records
        }
    }

    /// Formats read by programs: nothing else (statistics, summaries) may share their stream.
    public var isMachineReadable: Bool { self != .text && self != .concise }

    public func makeReporter(_ options: Options) -> any Reporter {
        switch self {
        case .text: TextReporter(color: options.color, quiet: options.quiet, records: options.records)
        case .concise: ConciseReporter(color: options.color, quiet: options.quiet, records: options.records)
        case .json: JSONReporter(toolVersion: options.toolVersion)
        case .jsonl: JSONLinesReporter()
        case .sarif: SARIFReporter(toolVersion: options.toolVersion)
        case .github: GitHubReporter()
        case .gitlab: GitLabReporter()
        case .junit: JUnitReporter()
        case .checkstyle: CheckstyleReporter()
        case .rdjson: RDJSONReporter()
        }
    }
}
