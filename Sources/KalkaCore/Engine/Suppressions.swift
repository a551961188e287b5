/// What the suppression directives of one document cover: each directive's selectors (or every
/// rule) over a text range. Rules never see directives; the engine drops the findings they cover
/// after every rule has run.
///
/// A finding is covered when it *starts* inside a range:
/// - `disable`: from the end of the directive to the start of the `enable` naming the same
///   selector (compared as written, ignoring case), or of an `enable` naming none; else to the
///   end of the file;
/// - `disable-next-line`: the next line that is neither blank nor only a directive;
/// - `disable-file`: the whole file.
public struct Suppressions: Sendable {
    /// One selector of one directive; `selector` nil stands for a directive naming no rules.
    public struct Key: Hashable, Sendable {
        public let directive: Int
        public let selector: Int?
    }

    struct Scope: Sendable {
        let key: Key
        let selector: RuleSelector?
        let range: Range<Int>
    }

    public let directives: [SuppressionDirective]
    private(set) var scopes: [Scope] = []
    /// For each `enable` directive (by index), the directives whose ranges it ended.
    private(set) var ended: [Int: Set<Int>] = [:]

    /// The built-in rules a directive can suppress: all but the rules about directives.
    static let suppressibleRules: [RuleDescription] = BuiltInRules.all.filter { !($0 is any DirectiveRule.Type) }.map { $0.description }

    /// True when `selector` names at least one rule a directive can suppress.
    static func isSuppressible(_ selector: String) -> Bool {
        let selector = RuleSelector(selector)
        return suppressibleRules.contains { selector.matches($0) }
    }

    init(_ directives: [SuppressionDirective], text: [UInt8], lines: LineIndex) {
        self.directives = directives
        let everything = 0..<(text.count + 1)
        let directiveOnlyLines = Set(directives.map(\.range))
        var open: [(key: Key, selector: String?, start: Int)] = []
        for (index, directive) in directives.enumerated() {
            let keys: [(Key, String?)] = directive.selectors.isEmpty
                ? [(Key(directive: index, selector: nil), nil)]
                : directive.selectors.indices.map { (Key(directive: index, selector: $0), directive.selectors[$0].text.lowercased()) }
            switch directive.kind {
            case .disableFile:
                for (key, selector) in keys { add(key, selector, everything) }
            case .disableNextLine:
                guard let line = Self.nextLine(after: directive.range, text: text, lines: lines, skipping: directiveOnlyLines) else { continue }
                for (key, selector) in keys { add(key, selector, line) }
            case .disable:
                for (key, selector) in keys { open.append((key, selector, directive.range.upperBound)) }
            case .enable:
                let closing = Set(keys.compactMap(\.1))
                open.removeAll { entry in
                    guard closing.isEmpty || entry.selector.map(closing.contains) == true else { return false }
                    add(entry.key, entry.selector, entry.start..<directive.range.lowerBound)
                    ended[index, default: []].insert(entry.key.directive)
                    return true
                }
            }
        }
        for entry in open { add(entry.key, entry.selector, entry.start..<everything.upperBound) }
    }

    private mutating func add(_ key: Key, _ selector: String?, _ range: Range<Int>) {
        scopes.append(Scope(key: key, selector: selector.map(RuleSelector.init), range: range))
    }

    /// The text range of the first line after the one where `range` ends that is neither blank
    /// nor only a directive (its line break included).
    private static func nextLine(after range: Range<Int>, text: [UInt8], lines: LineIndex, skipping directiveRanges: Set<Range<Int>>) -> Range<Int>? {
        var line = lines.line(containing: max(range.lowerBound, range.upperBound - 1)) + 1
        while line < lines.count {
            var content = lines.contentRange(ofLine: line, in: text)
            while !content.isEmpty && (text[content.lowerBound] == 0x20 || text[content.lowerBound] == 0x09) { content = content.dropFirst() }
            while !content.isEmpty && (text[content.upperBound - 1] == 0x20 || text[content.upperBound - 1] == 0x09) { content = content.dropLast() }
            if content.isEmpty || directiveRanges.contains(content) {
                line += 1
                continue
            }
            return lines.start(ofLine: line)..<(line + 1 < lines.count ? lines.start(ofLine: line + 1) : text.count + 1)
        }
        return nil
    }

    /// The diagnostics no directive covers, and the directive selectors that covered at least
    /// one. Every selector covering a finding counts as used, so overlapping directives never
    /// depend on their order.
    func apply(_ diagnostics: [Diagnostic]) -> (shown: [Diagnostic], used: Set<Key>) {
        let (kept, used) = partition(diagnostics)
        return (diagnostics.indices.filter { kept[$0] }.map { diagnostics[$0] }, used)
    }

    /// For each diagnostic, whether it is shown (no directive covers it), and the directives'
    /// selectors that covered at least one.
    func partition(_ diagnostics: [Diagnostic]) -> (kept: [Bool], used: Set<Key>) {
        var kept: [Bool] = []
        kept.reserveCapacity(diagnostics.count)
        var used: Set<Key> = []
        for diagnostic in diagnostics {
            var covered = false
            for scope in scopes where scope.range.contains(diagnostic.textRange.lowerBound) && (scope.selector?.matches(diagnostic.rule) ?? true) {
                used.insert(scope.key)
                covered = true
            }
            kept.append(!covered)
        }
        return (kept, used)
    }
}

/// What the rules about directives read: the directives, which of their selectors suppressed a
/// finding, and the rules of the run.
public struct SuppressionAudit: Sendable {
    public let suppressions: Suppressions
    public let used: Set<Suppressions.Key>
    /// The run's rules that directives can suppress.
    public let activeRules: [RuleDescription]
    public let source: SourceFile

    public var directives: [SuppressionDirective] { suppressions.directives }

    /// A diagnostic of `rule` on text `range`.
    func diagnostic(_ rule: RuleDescription, _ range: Range<Int>, _ message: String, fix: (title: String, deletions: [Range<Int>])? = nil) -> Diagnostic {
        let fix = fix.map { fix in
            Fix(title: fix.title, applicability: rule.fixApplicability ?? .displayOnly, edits: fix.deletions.map {
                Edit(start: source.location(ofText: $0.lowerBound), end: source.location(ofText: $0.upperBound), textRange: $0, replacement: "")
            })
        }
        return Diagnostic(rule: rule, severity: rule.severity, message: message, start: source.location(ofText: range.lowerBound),
                          end: source.location(ofText: range.upperBound), textRange: range, contextRange: range, fix: fix)
    }

    /// The lines `range` occupies, line breaks included, if nothing but spaces and tabs shares
    /// them: deleting those leaves no trace of a directive standing on its own lines.
    func wholeLines(of range: Range<Int>) -> Range<Int>? {
        let text = source.text, lines = source.lines
        let firstLine = lines.line(containing: range.lowerBound)
        let lastLine = lines.line(containing: max(range.lowerBound, range.upperBound - 1))
        let start = lines.start(ofLine: firstLine)
        let contentEnd = lines.contentRange(ofLine: lastLine, in: text).upperBound
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard text[start..<range.lowerBound].allSatisfy(isSpace), text[range.upperBound..<contentEnd].allSatisfy(isSpace) else { return nil }
        return start..<(lastLine + 1 < lines.count ? lines.start(ofLine: lastLine + 1) : text.count)
    }
}

/// A rule about the suppression directives themselves (`KAL…`). It reads no prose: the engine
/// runs it after every other rule and the suppressions, and it reports on the directives' own
/// bytes, which are not prose.
public protocol DirectiveRule: Rule {
    func audit(_ audit: SuppressionAudit) -> [Diagnostic]
}

extension DirectiveRule {
    /// Nothing to find in the prose: see `audit`.
    public func check(_ analysis: Analysis, into findings: inout Findings) {}
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
