import Dispatch
import ICUKit
import KalkaKnowledge
import KalkaModel
import KalkaRules
import KalkaText

/// Runs rules over documents. Immutable and shared by every worker; the per-worker ICU state
/// lives in the `Analyzer` each worker passes in.
public final class Linter: Sendable {
    public let rules: [any Rule]
    /// Rule code, or lower-case pattern id ("cal001/reported-about"), → the severity its findings
    /// get instead of their own (from the configuration); a pattern's entry wins over its rule's.
    public let severityOverrides: [String: Severity]

    /// The articles' date when the configuration or command line gives one; otherwise each
    /// article's own (`ArticleDate`), read when a period spelling needs it.
    public let articleDate: SimpleDate?
    public let periodSpellings: PeriodSpellingPolicy
    /// Which pattern findings the selection keeps (selectors naming "CAL001/…").
    public let patterns: PatternSelection

    public init(rules: [any Rule], severityOverrides: [String: Severity] = [:], articleDate: SimpleDate? = nil,
                periodSpellings: PeriodSpellingPolicy = .allow, patterns: PatternSelection? = nil) {
        self.rules = rules
        self.severityOverrides = severityOverrides
        self.articleDate = articleDate
        self.periodSpellings = periodSpellings
        self.patterns = patterns ?? PatternSelection(select: [], ignore: [], rules: [])
    }

    /// The linter for an article that gives its own publication date (a record's `date` in an
    /// archive): the configuration's or command line's date wins, as it does over an article's
    /// metadata.
    public func dated(_ date: SimpleDate?) -> Linter {
        guard articleDate == nil, let date else { return self }
        return Linter(rules: rules, severityOverrides: severityOverrides, articleDate: date, periodSpellings: periodSpellings, patterns: patterns)
    }

    /// Every built-in rule, or those whose code, name, category or code prefix is selected.
    public static func builtIn(select: [String] = [], ignore: [String] = []) throws -> Linter {
        try builtIn(store: try DictionaryStore.builtIn.get(), select: select, ignore: ignore)
    }

    public static func builtIn(store: DictionaryStore, select: [String], ignore: [String]) throws -> Linter {
        let rules = try preparedRules(BuiltInRules.selected(select: select, ignore: ignore), store: store)
        return Linter(rules: rules, patterns: PatternSelection(select: select, ignore: ignore, rules: rules.map(\.description)))
    }

    /// Documents with more tokens than this run their rules in parallel.
    static let parallelRulesThreshold = 200_000

    /// Findings in prose coordinates, sorted by position then rule code. `source` (the file's
    /// text) lets the period-style judgement read the date in HTML metadata or front matter.
    public func findings(in analysis: Analysis, source: [UInt8]? = nil) -> [ProseFinding] {
        judged(ruleFindings(in: analysis, parallel: true), analysis: analysis, source: source)
    }

    /// What the rules report, before the judgements that weigh the whole document.
    func ruleFindings(in analysis: Analysis, parallel: Bool) -> [ProseFinding] {
        var all: [ProseFinding] = []
        if parallel && analysis.tokens.count > Self.parallelRulesThreshold && rules.count > 1 {
            // Rules are independent readers of one analysis: on a large document, run them side
            // by side; the sort below keeps the output order deterministic.
            let slots = FindingSlots(count: rules.count)
            DispatchQueue.concurrentPerform(iterations: rules.count) { index in
                var findings = Findings(rule: rules[index].description)
                rules[index].check(analysis, into: &findings)
                slots.store(findings.items, at: index)
            }
            // Sized once, and each rule's findings freed as they are moved: a large document's
            // findings are held once, not twice.
            all.reserveCapacity(rules.indices.reduce(0) { $0 + slots.count(at: $1) })
            for index in rules.indices { all.append(contentsOf: slots.take(index)) }
        } else {
            for rule in rules {
                var findings = Findings(rule: rule.description)
                rule.check(analysis, into: &findings)
                all.append(contentsOf: findings.items)
            }
        }
        if !patterns.isEmpty { all.removeAll { !patterns.keeps($0) } }
        all.sort { ($0.range.lowerBound, $0.range.upperBound, $0.rule.code) < ($1.range.lowerBound, $1.range.upperBound, $1.rule.code) }
        return all
    }

    /// The judgements that read the document's findings together — whether the page shows an
    /// unfinished translation, whether a period spelling is of its time, whether a form also usual
    /// in English is corroborated — on the findings the run reports (after severity overrides and
    /// suppression directives: a finding the user suppressed is no evidence).
    func judged(_ findings: [ProseFinding], analysis: Analysis, source: [UInt8]?) -> [ProseFinding] {
        judged(findings, prose: analysis.prose, date: { self.articleDate ?? ArticleDate.of(analysis, source: source) })
    }

    /// `judged`, given the document's prose and how to find the article's date.
    func judged(_ findings: [ProseFinding], prose: [UInt8], date: () -> SimpleDate?) -> [ProseFinding] {
        let severity = { (finding: ProseFinding) in self.override(for: finding) ?? finding.severity }
        // A severity the configuration sets for a rule is the user's word: the judgements leave
        // its findings as the rule reported them.
        let keepsSeverity = { (finding: ProseFinding) in self.override(for: finding) != nil }
        let all = UnfinishedTranslationJudgement.apply(findings, prose: prose, severity: severity)
        let judged = PeriodStyleJudgement.apply(all, date: date, policy: periodSpellings,
                                                severity: severity, keepsSeverity: keepsSeverity)
        return TranslationEvidence.corroborate(judged, severity: severity, keepsSeverity: keepsSeverity)
    }

    /// A document with more prose than this and half again is checked in windows of about this
    /// many bytes, cut at paragraph breaks: memory then holds one window's analysis, not the
    /// whole document's. A page's top and tail are found only at the document's real edges
    /// (`ProseDocument.opensPage`), and the judgements weigh the whole document's findings; what
    /// a rule learns from the rest of the document (a name also spelled the modern way, a line
    /// the page printed twice) it learns from its window only. No article comes near this size:
    /// it is for archives and concatenations checked as one file.
    public static let windowSize = 2 << 20

    /// Reads, analyzes and checks one source; findings that suppression directives in it cover
    /// are left out.
    public func lint(_ source: SourceFile, format: InputFormat, analyzer: Analyzer) throws(ICUError) -> [Diagnostic] {
        try lint(source, format: format, analyzer: analyzer, windowSize: Self.windowSize)
    }

    /// `lint` with windows of `windowSize` bytes (tests and fuzzing use small ones).
    public func lint(_ source: SourceFile, format: InputFormat, analyzer: Analyzer, windowSize: Int) throws(ICUError) -> [Diagnostic] {
        let document = Readers.reader(for: format).read(source.text)
        guard document.prose.count > windowSize + windowSize / 2 else {
            return try diagnostics(of: document, analysis: analyzer.analyze(document), source: source, parallel: analyzer.cores > 1)
        }
        var reported: [ProseFinding] = []
        // The sentence each finding starts in, by prose offset, for the diagnostics' context.
        var sentences: [Int: Range<Int>] = [:]
        var date: SimpleDate? = articleDate
        for (index, window) in Self.windows(document.prose, size: windowSize).enumerated() {
            let analysis = try analyzer.analyze(document.window(window))
            if index == 0, date == nil { date = ArticleDate.of(analysis, source: source.text) }
            let shift = window.lowerBound
            for finding in ruleFindings(in: analysis, parallel: analyzer.cores > 1) {
                if sentences[finding.range.lowerBound + shift] == nil, let sentence = Self.sentence(containing: finding.range.lowerBound, in: analysis) {
                    sentences[finding.range.lowerBound + shift] = (sentence.lowerBound + shift)..<(sentence.upperBound + shift)
                }
                reported.append(finding.shifted(by: shift))
            }
            // The window's analysis is gone: hand its pages back, or the allocator keeps them
            // and the process's size grows with the document after all.
            Allocator.releaseFreeMemory()
        }
        return diagnostics(of: document, reported: reported, source: source, context: { sentences[$0] }, date: { date })
    }

    /// The windows of a large document's prose: stretches of about `size` bytes that end just
    /// before a paragraph break (the break itself belongs to neither side).
    static func windows(_ prose: [UInt8], size: Int) -> [Range<Int>] {
        Analyzer.chunks(prose, size: size).filter { !$0.isEmpty }.map { chunk in
            chunk.count >= 2 && prose[chunk.upperBound - 1] == 0x0A && prose[chunk.upperBound - 2] == 0x0A
                ? chunk.lowerBound..<(chunk.upperBound - 2) : chunk
        }
    }

    /// `lint`, also handing back the analysis the rules read, for callers that need the
    /// document's sentences too (editor reports) without segmenting it again. The whole document
    /// is analyzed at once, however large.
    public func analyzedLint(_ source: SourceFile, format: InputFormat, analyzer: Analyzer) throws(ICUError) -> (diagnostics: [Diagnostic], analysis: Analysis) {
        let document = Readers.reader(for: format).read(source.text)
        let analysis = try analyzer.analyze(document)
        return (diagnostics(of: document, analysis: analysis, source: source, parallel: analyzer.cores > 1), analysis)
    }

    private func diagnostics(of document: ProseDocument, analysis: Analysis, source: SourceFile, parallel: Bool) -> [Diagnostic] {
        diagnostics(of: document, reported: ruleFindings(in: analysis, parallel: parallel), source: source,
                    context: { Self.sentence(containing: $0, in: analysis) },
                    date: { self.articleDate ?? ArticleDate.of(analysis, source: source.text) })
    }

    /// The diagnostics of what the rules reported (prose coordinates of the whole document):
    /// suppressed findings leave before the judgements weigh the rest; the directives' use is
    /// counted on what the rules reported. `context` gives the prose range of the sentence
    /// holding a prose offset.
    private func diagnostics(of document: ProseDocument, reported: [ProseFinding], source: SourceFile,
                             context: (Int) -> Range<Int>?, date: () -> SimpleDate?) -> [Diagnostic] {
        let locate = { (finding: ProseFinding) in
            self.locate(finding, in: source, document: document, context: context(finding.range.lowerBound))
        }
        guard !document.directives.isEmpty else {
            return judged(reported, prose: document.prose, date: date).map(locate)
        }
        let suppressions = Suppressions(document.directives, text: source.text, lines: source.lines)
        let (kept, used) = suppressions.partition(reported.map(locate))
        let shownFindings = reported.indices.filter { kept[$0] }.map { reported[$0] }
        let shown = judged(shownFindings, prose: document.prose, date: date).map(locate)
        return audited(shown, suppressions: suppressions, used: used, source: source)
    }

    /// Maps a prose finding to the source file's bytes, lines and columns.
    func locate(_ finding: ProseFinding, in source: SourceFile, analysis: Analysis) -> Diagnostic {
        locate(finding, in: source, document: analysis.document, context: Self.sentence(containing: finding.range.lowerBound, in: analysis))
    }

    /// `locate`, given the prose range of the sentence the finding starts in.
    func locate(_ finding: ProseFinding, in source: SourceFile, document: ProseDocument, context sentence: Range<Int>?) -> Diagnostic {
        let range = document.map.sourceRange(ofProse: finding.range)
        // A fix whose edits would touch markup the prose does not show is dropped: the finding
        // stays, and nobody's markup is broken by a fix.
        let fix = finding.fix.flatMap { fix -> Fix? in
            var edits: [Edit] = []
            for edit in fix.edits {
                let blockLines = edit.deletesWholeBlock && edit.replacement.isEmpty ? document.block(containing: edit.range.lowerBound)?.sourceLines : nil
                guard let editRange = blockLines ?? document.map.exactSourceRange(ofProse: edit.range) else { return nil }
                edits.append(Edit(start: source.location(ofText: editRange.lowerBound), end: source.location(ofText: editRange.upperBound),
                                  textRange: editRange, replacement: document.escapeReplacement(edit.replacement)))
            }
            return Fix(title: fix.title, applicability: fix.applicability, edits: edits)
        }
        let context = sentence.map { document.map.sourceRange(ofProse: $0) } ?? range
        let severity = override(for: finding) ?? finding.severity
        return Diagnostic(rule: finding.rule, severity: severity, message: finding.message,
                          start: source.location(ofText: range.lowerBound), end: source.location(ofText: range.upperBound),
                          textRange: range, contextRange: context, fix: fix, pattern: finding.pattern,
                          lacksEvidence: severity == .info && finding.lacksEvidence)
    }

    /// The severity the configuration gives `finding`: its pattern's entry, else its rule's.
    func override(for finding: ProseFinding) -> Severity? {
        guard !severityOverrides.isEmpty else { return nil }
        if let pattern = finding.pattern, let severity = severityOverrides[pattern.lowercased()] { return severity }
        return severityOverrides[finding.rule.code]
    }

    /// The prose range of the sentence holding prose `offset`, if one does.
    static func sentence(containing offset: Int, in analysis: Analysis) -> Range<Int>? {
        analysis.sentence(containing: offset).map { analysis.sentences[$0].range }
    }
}

/// One slot per rule, each written by one iteration of `concurrentPerform`, read after it returns.
private final class FindingSlots: @unchecked Sendable {
    private var slots: [[ProseFinding]]
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func store(_ findings: [ProseFinding], at index: Int) {
        slots.withUnsafeMutableBufferPointer { $0[index] = findings }
    }
    func count(at index: Int) -> Int { slots[index].count }
    /// The findings at `index`, leaving the slot empty.
    func take(_ index: Int) -> [ProseFinding] {
        defer { slots[index] = [] }
        return slots[index]
    }
}

extension Linter {
    /// The shown diagnostics (those no directive covers) with what the rules about directives
    /// (KAL001, KAL002) report on the directives themselves, given which of them were `used`.
    func audited(_ diagnostics: [Diagnostic], suppressions: Suppressions, used: Set<Suppressions.Key>, source: SourceFile) -> [Diagnostic] {
        var shown = diagnostics
        let directiveRules = rules.compactMap { $0 as? any DirectiveRule }
        guard !directiveRules.isEmpty else { return shown }
        let audit = SuppressionAudit(suppressions: suppressions, used: used,
                                     activeRules: rules.filter { !($0 is any DirectiveRule) }.map(\.description), source: source)
        for rule in directiveRules { shown.append(contentsOf: rule.audit(audit)) }
        shown.sort { ($0.textRange.lowerBound, $0.textRange.upperBound, $0.rule.code) < ($1.textRange.lowerBound, $1.textRange.upperBound, $1.rule.code) }
        return shown
    }
}
