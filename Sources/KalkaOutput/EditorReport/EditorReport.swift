import KalkaEngine
import KalkaKnowledge
import KalkaModel
import KalkaText

/// The data of an editor report (`kalka report`): documents with their findings, the sentences
/// worth an editor's look, and how suspicious each is. The HTML, Markdown and JSON renderers read
/// only this model.
public struct EditorReport: Sendable {
    public private(set) var documents: [ReportDocument] = []
    /// Inputs that could not be read or checked.
    public private(set) var errors: [(path: String, message: String)] = []
    public init() {}

    /// Adds one input's outcome, in input order.
    public mutating func add(_ outcome: Result<ReportDocument, ReportInputError>) {
        switch outcome {
        case .success(let document): documents.append(document)
        case .failure(let error): errors.append((error.path, error.message))
        }
    }

    public var words: Int { documents.reduce(0) { $0 + $1.words } }
    public var findings: Int { documents.reduce(0) { $0 + $1.findings.count } }

    /// Findings per category, every category listed (zero included), in the contract's order.
    public var findingsByCategory: [(category: Category, count: Int)] {
        var counts: [Category: Int] = [:]
        for document in documents { for finding in document.findings { counts[finding.category, default: 0] += 1 } }
        return Category.allCases.map { ($0, counts[$0] ?? 0) }
    }

    public var findingsBySeverity: [(severity: Severity, count: Int)] {
        var counts: [Severity: Int] = [:]
        for document in documents { for finding in document.findings { counts[finding.severity, default: 0] += 1 } }
        return Severity.allCases.reversed().map { ($0, counts[$0] ?? 0) }
    }

    /// A sentence of one document, as the ranking lists it.
    public struct RankedSentence: Sendable {
        public let document: ReportDocument
        public let sentence: ReportSentence
    }

    /// The `limit` most suspicious sentences of all documents, highest score first (ties in
    /// input order): the documents' sentences, which hold none scoring zero unless they were
    /// built with every sentence.
    public func ranked(limit: Int) -> [RankedSentence] {
        var all: [RankedSentence] = []
        for document in documents {
            for sentence in document.sentences { all.append(RankedSentence(document: document, sentence: sentence)) }
        }
        // A stable sort on the score alone keeps input order among equals.
        let sorted = all.enumerated().sorted { ($1.element.sentence.score, $0.offset) < ($0.element.sentence.score, $1.offset) }
        return sorted.prefix(max(0, limit)).map(\.element)
    }

    /// Documents by suspicion, highest first (ties in input order).
    public var documentsBySuspicion: [ReportDocument] {
        documents.enumerated().sorted { ($1.element.suspicion, $0.offset) < ($0.element.suspicion, $1.offset) }.map(\.element)
    }
}

/// An input the report could not include.
public struct ReportInputError: Error, Sendable {
    public let path: String
    public let message: String
}

/// One document of the report: its text, findings and scored sentences.
public struct ReportDocument: Sendable {
    /// The input's position among the inputs: stable ids for links (`#d-3`, `#s-3-12`).
    public let id: Int
    public let path: String
    /// The text as read: findings' `textRange`s and sentences' `textRange`s point into it.
    public let source: SourceFile
    public let words: Int
    /// Findings by position, as `kalka check` reports them (suppressions applied).
    public let findings: [Diagnostic]
    /// Every sentence with a finding or an oddity above zero (every sentence, when the report
    /// keeps them all), in document order.
    public let sentences: [ReportSentence]
    /// Suspicion points per 100 words: the sentences' scores and findings outside sentences,
    /// over the document's length (see `SuspicionScore`).
    public let suspicion: Double
}

/// A sentence and why it is suspicious.
public struct ReportSentence: Sendable {
    /// The index into the document's analysis sentences (stable within the document).
    public let index: Int
    /// The sentence's bytes in the document text (`SourceFile.text`).
    public let textRange: Range<Int>
    public let start: Location
    public let end: Location
    /// The sentence as prose (markup left out), its whitespace runs collapsed to one space.
    public let text: String
    /// Bits of oddity from the sentence model (`SentenceOddity`).
    public let oddity: Double
    /// Indices into the document's `findings` of the findings that start in this sentence.
    public let findings: [Int]
    /// Rule points plus oddity points (see `SuspicionScore`).
    public let score: Double
}

/// How findings and oddity combine into one score per sentence.
///
/// A sentence scores the sum of its findings' severity weights (error 3, warning 2, info 1; a
/// quarter for a finding held at info for want of evidence, `Diagnostic.lacksEvidence`)
/// plus its oddity in bits divided by `oddityBitsPerPoint`, counting only bits above
/// `oddityAllowanceBits` (ordinary English sentences have a few bits of oddity from a rare
/// word pair; they should not outrank a sentence with a finding). A clause cut loose from its
/// sentence (10 bits for the lowercase start alone) thus weighs like a warning of its own on
/// top of its rule findings, and the garbled sentences rise above ones with one stray finding.
public enum SuspicionScore {
    public static let oddityBitsPerPoint = 4.0
    public static let oddityAllowanceBits = 4.0

    public static func weight(_ severity: Severity) -> Double {
        switch severity {
        case .error: 3
        case .warning: 2
        case .info: 1
        }
    }

    public static func oddityPoints(_ bits: Double) -> Double {
        max(0, bits - oddityAllowanceBits) / oddityBitsPerPoint
    }

    /// What a finding lowered to info for want of evidence adds (`Diagnostic.lacksEvidence`): a
    /// "Kiev" in 2014 wire copy is the style of its day, not a sign of translation.
    public static let lackingEvidenceWeight = 0.25

    /// What a finding adds: its severity's weight, or `lackingEvidenceWeight`.
    public static func weight(_ finding: Diagnostic) -> Double {
        finding.lacksEvidence ? lackingEvidenceWeight : weight(finding.severity)
    }

    public static func sentence(findings: some Sequence<Diagnostic>, oddity: Double) -> Double {
        findings.reduce(0) { $0 + weight($1) } + oddityPoints(oddity)
    }

    /// Points per 100 words; a document without words scores its points as they are.
    public static func document(points: Double, words: Int) -> Double {
        words == 0 ? points : points * 100 / Double(words)
    }
}

extension ReportDocument {
    /// Builds the report document for a checked input from the analysis its rules read (so the
    /// diagnostics' sentence ranges match): scores every sentence and attaches each finding to
    /// the sentence it starts in.
    public static func build(id: Int, report: FileReport, analysis: Analysis?,
                             oddity: SentenceOddity, everySentence: Bool = false) -> Result<ReportDocument, ReportInputError> {
        if let error = report.error { return .failure(ReportInputError(path: report.path, message: error)) }
        guard let source = report.source, let analysis else {
            return .failure(ReportInputError(path: report.path, message: "internal error: no analysis of the text"))
        }
        return .success(build(id: id, path: report.path, source: source, diagnostics: report.diagnostics, analysis: analysis, oddity: oddity,
                              everySentence: everySentence))
    }

    static func build(id: Int, path: String, source: SourceFile, diagnostics: [Diagnostic], analysis: Analysis,
                      oddity: SentenceOddity, everySentence: Bool = false) -> ReportDocument {
        let map = analysis.document.map
        let scores = oddity.scores(analysis)
        let sourceRanges = analysis.sentences.map { map.sourceRange(ofProse: $0.range) }
        var sentenceByRange: [Range<Int>: Int] = [:]
        for (index, range) in sourceRanges.enumerated() where sentenceByRange[range] == nil { sentenceByRange[range] = index }
        // `contextRange` is the source range of the sentence a finding starts in (Linter.locate).
        var findingsBySentence: [Int: [Int]] = [:]
        var pointsOutsideSentences = 0.0
        for (index, diagnostic) in diagnostics.enumerated() {
            if let sentence = sentenceByRange[diagnostic.contextRange] {
                findingsBySentence[sentence, default: []].append(index)
            } else {
                pointsOutsideSentences += SuspicionScore.weight(diagnostic)
            }
        }
        var sentences: [ReportSentence] = []
        for (index, span) in analysis.sentences.enumerated() {
            let findings = findingsBySentence[index] ?? []
            let bits = index < scores.count ? scores[index].score : 0
            let score = SuspicionScore.sentence(findings: findings.map { diagnostics[$0] }, oddity: bits)
            guard score > 0 || everySentence else { continue }
            let range = sourceRanges[index]
            sentences.append(ReportSentence(index: index, textRange: range,
                                            start: source.location(ofText: range.lowerBound), end: source.location(ofText: range.upperBound),
                                            text: collapsingWhitespace(analysis.text(of: span.range)), oddity: bits, findings: findings, score: score))
        }
        let words = analysis.tokens.reduce(0) { $0 + ($1.isWord ? 1 : 0) }
        let points = sentences.reduce(pointsOutsideSentences) { $0 + $1.score }
        return ReportDocument(id: id, path: path, source: source, words: words, findings: diagnostics, sentences: sentences,
                              suspicion: SuspicionScore.document(points: points, words: words))
    }

    private static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

extension EditorReport {
    /// Checks `work` on `jobs` workers and builds the report of every input, in input order.
    /// `everySentence`: keep and rank the sentences that score zero too (to measure the ranking
    /// over whole documents).
    public static func build(_ work: [LintRunner.Job], jobs: Int, dictionaries: DictionaryStore, everySentence: Bool = false,
                             progress: (@Sendable (Int) -> Void)? = nil) throws -> EditorReport {
        let oddity = try SentenceOddity.shared(dictionaries)
        var report = EditorReport()
        try LintRunner(jobs: jobs).run(work, progress: progress, transform: { index, fileReport, analysis in
            ReportDocument.build(id: index, report: fileReport, analysis: analysis, oddity: oddity, everySentence: everySentence)
        }, deliver: { report.add($0) })
        return report
    }
}

extension EditorReport {
    /// The report of the records of JSON Lines archives (`kalka report --input-format jsonl`):
    /// each record a document named by its id, in archive order; a line that is no record kalka
    /// can check is an input error naming the archive and line. Records are checked as they are
    /// read, but the report keeps every document.
    public static func build(archives: [RecordCheck.Archive], fields: RecordFields, jobs: Int, dictionaries: DictionaryStore,
                             everySentence: Bool = false) throws -> EditorReport {
        let oddity = try SentenceOddity.shared(dictionaries)
        var report = EditorReport()
        for archive in archives {
            let lines: RecordLines
            do {
                lines = try RecordLines(path: archive.path)
            } catch {
                report.add(.failure(ReportInputError(path: archive.name, message: error.message)))
                continue
            }
            // Documents are numbered across archives: the ids link the page's sentences to them.
            let first = report.documents.count + report.errors.count
            let (name, linter) = (archive.name, archive.linter)
            try LintRunner(jobs: jobs).stream(next: { lines.next() }, work: { index, item, analyzer in
                let (checked, analysis) = RecordCheck.check(item, archive: name, fields: fields, defaultFormat: .plain, linter: linter,
                                                            analyzer: analyzer, needsAnalysis: true)
                return ReportDocument.build(id: first + index, report: checked.report, analysis: analysis, oddity: oddity, everySentence: everySentence)
            }, deliver: { report.add($0) })
        }
        return report
    }
}
