import KalkaModel
import KalkaText

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
        if selector.patternRule != nil { return selector.isKnown }
        return suppressibleRules.contains { selector.matches($0) }
    }

    package init(_ directives: [SuppressionDirective], text: [UInt8], lines: LineIndex) {
        self.directives = directives
        let everything = 0..<(text.count + 1)
        let directiveOnlyLines = Set(directives.map(\.range))
        // Open `disable` selectors by selector as written (nil: a directive naming no rules), so
        // that an `enable` closes what it names without looking at every open selector.
        var open: [String?: [(key: Key, start: Int)]] = [:]
        var nextLines = NextLineSearch()
        for (index, directive) in directives.enumerated() {
            let keys: [(Key, String?)] = directive.selectors.isEmpty
                ? [(Key(directive: index, selector: nil), nil)]
                : directive.selectors.indices.map { (Key(directive: index, selector: $0), directive.selectors[$0].text.lowercased()) }
            switch directive.kind {
            case .disableFile:
                for (key, selector) in keys { add(key, selector, everything) }
            case .disableNextLine:
                guard let line = nextLines.line(after: directive.range, text: text, lines: lines, skipping: directiveOnlyLines) else { continue }
                for (key, selector) in keys { add(key, selector, line) }
            case .disable:
                for (key, selector) in keys { open[selector, default: []].append((key, directive.range.upperBound)) }
            case .enable:
                let closing = Set(keys.compactMap(\.1))
                let closed: [String?] = closing.isEmpty ? Array(open.keys) : closing.filter { open[$0] != nil }
                for selector in closed {
                    WorkCounter.count(1)
                    for entry in open.removeValue(forKey: selector) ?? [] {
                        WorkCounter.count(1)
                        add(entry.key, selector, entry.start..<directive.range.lowerBound)
                        ended[index, default: []].insert(entry.key.directive)
                    }
                }
            }
        }
        for (selector, entries) in open {
            for entry in entries { add(entry.key, selector, entry.start..<everything.upperBound) }
        }
        for (enable, directives) in ended where directives.count == 1 {
            enablesEndingOnly[directives.first!, default: []].append(enable)
        }
    }

    /// For each directive (by index), the `enable` directives that ended it and no other.
    private(set) var enablesEndingOnly: [Int: [Int]] = [:]

    private mutating func add(_ key: Key, _ selector: String?, _ range: Range<Int>) {
        scopes.append(Scope(key: key, selector: selector.map(RuleSelector.init), range: range))
    }

    /// Finds the line a `disable-next-line` applies to. Directives come in text order, so the
    /// lines one search skipped need not be read again by the next: a run of directives, each on
    /// its own line, is resolved in one pass, not one pass per directive.
    private struct NextLineSearch {
        /// The line the last search started from and the line it found (nil: none to the end).
        private var last: (from: Int, found: Int?)?

        /// The text range of the first line after the one where `range` ends that is neither
        /// blank nor only a directive (its line break included).
        mutating func line(after range: Range<Int>, text: [UInt8], lines: LineIndex, skipping directiveRanges: Set<Range<Int>>) -> Range<Int>? {
            let from = lines.line(containing: max(range.lowerBound, range.upperBound - 1)) + 1
            let found: Int?
            if let last, from >= last.from, last.found.map({ from <= $0 }) ?? true {
                // Every line from `last.from` up to `last.found` was skipped.
                found = last.found
            } else {
                found = Self.firstContentLine(from: from, text: text, lines: lines, skipping: directiveRanges)
            }
            last = (from, found)
            guard let found else { return nil }
            return lines.start(ofLine: found)..<(found + 1 < lines.count ? lines.start(ofLine: found + 1) : text.count + 1)
        }

        private static func firstContentLine(from first: Int, text: [UInt8], lines: LineIndex, skipping directiveRanges: Set<Range<Int>>) -> Int? {
            var line = first
            while line < lines.count {
                WorkCounter.count(1)
                var content = lines.contentRange(ofLine: line, in: text)
                while !content.isEmpty && text[content.lowerBound].isSpaceOrTab { content = content.dropFirst() }
                while !content.isEmpty && text[content.upperBound - 1].isSpaceOrTab { content = content.dropLast() }
                if content.isEmpty || directiveRanges.contains(content) {
                    line += 1
                    continue
                }
                return line
            }
            return nil
        }
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
    package func partition(_ diagnostics: [Diagnostic]) -> (kept: [Bool], used: Set<Key>) {
        var kept = [Bool](repeating: true, count: diagnostics.count)
        var used: Set<Key> = []
        guard !scopes.isEmpty else { return (kept, used) }
        // One sweep per rule that reported, over its findings and the scopes whose selector
        // matches it, both in text order: each scope is looked at once per rule, not once per
        // finding, so many directives and many findings cost their sum, not their product.
        let scopeOrder = scopes.indices.sorted { scopes[$0].range.lowerBound < scopes[$1].range.lowerBound }
        var byRule: [String: [Int]] = [:]
        for index in diagnostics.indices { byRule[diagnostics[index].ruleID, default: []].append(index) }
        for (_, findings) in byRule {
            let rule = diagnostics[findings[0]].rule
            let pattern = diagnostics[findings[0]].pattern
            var matches: [String: Bool] = [:]
            WorkCounter.count(scopes.count + findings.count)
            let ruleScopes = scopeOrder.filter { index in
                guard let selector = scopes[index].selector else { return true }
                if let known = matches[selector.text] { return known }
                let match = selector.matches(rule, pattern: pattern)
                matches[selector.text] = match
                return match
            }
            let ordered = findings.sorted { diagnostics[$0].textRange.lowerBound < diagnostics[$1].textRange.lowerBound }
            var next = 0
            var furthestEnd = Int.min
            // Scopes started at or before the last finding and not yet counted as used.
            var waiting: [Int] = []
            for finding in ordered {
                let offset = diagnostics[finding].textRange.lowerBound
                while next < ruleScopes.count, scopes[ruleScopes[next]].range.lowerBound <= offset {
                    let scope = scopes[ruleScopes[next]]
                    if !scope.range.isEmpty {
                        furthestEnd = max(furthestEnd, scope.range.upperBound)
                        waiting.append(ruleScopes[next])
                    }
                    next += 1
                }
                guard furthestEnd > offset else { continue }
                kept[finding] = false
                // A waiting scope either holds this finding (used) or ended before it, and then
                // holds no later finding either: both leave the list for good.
                WorkCounter.count(waiting.count)
                for index in waiting where scopes[index].range.upperBound > offset { used.insert(scopes[index].key) }
                waiting.removeAll(keepingCapacity: true)
            }
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

    package init(suppressions: Suppressions, used: Set<Suppressions.Key>, activeRules: [RuleDescription], source: SourceFile) {
        self.suppressions = suppressions
        self.used = used
        self.activeRules = activeRules
        self.source = source
    }

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
        guard text[start..<range.lowerBound].allSatisfy(\.isSpaceOrTab), text[range.upperBound..<contentEnd].allSatisfy(\.isSpaceOrTab) else { return nil }
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
