import ICUKit
import KalkaModel
import KalkaText

/// `kalka normalize --input-format jsonl`: each record written back with its text normalized
/// (`TextNormalizer`) and every other byte of its line as it was: only the text member's value is
/// replaced, and a record with nothing to change, a blank line and every line ending come back
/// byte for byte. Streamed like `RecordCheck`. A line that is no record kalka can check is
/// written back unchanged and reported; one over the size limit cannot be (it is not held), so
/// it is reported with empty `bytes`, and a caller writing a file must not put it in place.
public struct RecordNormalize {
    /// What came of one line.
    public struct Line: Sendable {
        public let number: Int
        /// The line to write, its ending as it was; empty for a line that could not be written
        /// (over the size limit, or cut by a read error).
        public let bytes: [UInt8]
        /// The changes, positions in the record's text as read.
        public let changes: [NormalizationChange]
        /// Why the line was written back unchanged, when it is not a record kalka can check.
        public let error: String?
    }

    public let linter: Linter
    public var fields: RecordFields
    public var defaultFormat: InputFormat
    public var threshold: FixApplicability
    public var jobs: Int
    public var sizeLimit: Int

    public init(linter: Linter, fields: RecordFields = RecordFields(), defaultFormat: InputFormat = .plain, threshold: FixApplicability,
                jobs: Int, sizeLimit: Int = SourceFile.defaultSizeLimit) {
        self.linter = linter
        self.fields = fields
        self.defaultFormat = defaultFormat
        self.threshold = threshold
        self.jobs = jobs
        self.sizeLimit = sizeLimit
    }

    /// Normalizes the archive at `path` (nil: standard input), calling `deliver` with each line in
    /// order. Throws only when the archive cannot be opened.
    public func run(path: String?, deliver: (Line) -> Void) throws -> Void {
        let lines = try RecordLines(path: path, limit: sizeLimit, keepsBlankLines: true)
        let (linter, fields, defaultFormat, threshold, sizeLimit) = (linter, fields, defaultFormat, threshold, sizeLimit)
        try LintRunner(jobs: jobs).stream(next: { lines.next() }, work: { _, item, analyzer in
            Self.normalize(item, linter: linter, fields: fields, defaultFormat: defaultFormat, threshold: threshold, sizeLimit: sizeLimit, analyzer: analyzer)
        }, deliver: deliver)
    }

    static func normalize(_ item: RecordLines.Item, linter: Linter, fields: RecordFields, defaultFormat: InputFormat,
                          threshold: FixApplicability, sizeLimit: Int, analyzer: Analyzer) -> Line {
        switch item {
        case .failure(let number, let message):
            return Line(number: number, bytes: [], changes: [], error: "line \(number): \(message)")
        case .tooLarge(let number, let bytes):
            return Line(number: number, bytes: [], changes: [], error: "line \(number): \(RecordLines.tooLarge(bytes: bytes, limit: sizeLimit)); it cannot be written back")
        case .blank(let number, let bytes):
            return Line(number: number, bytes: bytes, changes: [], error: nil)
        case .line(let number, let bytes, let ending):
            let unchanged = bytes + ending
            let record: Record
            switch JSONRecordParser.parse(bytes, lineNumber: number, fields: fields) {
            case .failure(let error): return Line(number: number, bytes: unchanged, changes: [], error: "line \(number): \(error.message); written back unchanged")
            case .success(let parsed): record = parsed
            }
            do {
                let source = try SourceFile(path: record.id, bytes: record.text)
                let normalized = try TextNormalizer(linter: linter.dated(record.date), threshold: threshold, format: record.format ?? defaultFormat).normalize(source, analyzer: analyzer)
                guard normalized.bytes != record.text else { return Line(number: number, bytes: unchanged, changes: [], error: nil) }
                var out = JSONBytes()
                out.bytes.reserveCapacity(bytes.count + 64)
                out.bytes += bytes[..<record.textValue.lowerBound]
                normalized.bytes.withUnsafeBufferPointer { out.string(utf8: $0) }
                out.bytes += bytes[record.textValue.upperBound...]
                out.bytes += ending
                return Line(number: number, bytes: out.bytes, changes: normalized.changes, error: nil)
            } catch let error as SourceError {
                return Line(number: number, bytes: unchanged, changes: [], error: "line \(number): the text of “\(record.id)”: \(error.description); written back unchanged")
            } catch {
                return Line(number: number, bytes: unchanged, changes: [], error: "line \(number): \(SystemErrors.plain(error)); written back unchanged")
            }
        }
    }
}
