import KalkaKnowledge
import KalkaModel

/// Picks rules by code ("DUP001"), code prefix ("DUP"), name ("repeated-word") or category
/// ("duplicated-word"); "ALL" picks every rule. "CAL001/about-it-reports" picks one pattern of a
/// rule made of patterns: its findings alone.
public struct RuleSelector: Sendable, Equatable {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    /// The rule code of a pattern selector ("CAL001" of "CAL001/about-it-reports"), lower case.
    public var patternRule: String? {
        guard let slash = text.firstIndex(of: "/") else { return nil }
        return text[..<slash].lowercased()
    }

    /// Whether the selector picks the whole rule. A pattern selector picks no whole rule.
    public func matches(_ rule: RuleDescription) -> Bool {
        let key = text.lowercased()
        guard patternRule == nil else { return false }
        // An empty selector picks nothing (a prefix of every code, it once picked every rule).
        return !key.isEmpty && (key == "all" || key == rule.name || key == rule.category.rawValue || rule.code.lowercased().hasPrefix(key))
    }

    /// Whether the selector picks a finding of `rule` found by `pattern` (a pattern id, or nil).
    public func matches(_ rule: RuleDescription, pattern: String?) -> Bool {
        guard patternRule != nil else { return matches(rule) }
        return pattern?.lowercased() == text.lowercased()
    }

    /// Whether the selector picks one of `rule`'s patterns: the rule must run for it.
    public func picksPattern(of rule: RuleDescription) -> Bool {
        patternRule == rule.code.lowercased()
    }

    /// True when the selector is the rule's own code or name: what it takes to run a preview rule.
    public func namesExactly(_ rule: RuleDescription) -> Bool {
        let key = text.lowercased()
        return key == rule.code.lowercased() || key == rule.name || picksPattern(of: rule)
    }

    /// True when the selector names at least one known rule, or a built-in pattern.
    public var isKnown: Bool {
        if patternRule != nil {
            return (try? PatternRules.of(DictionaryStore.builtIn.get()))?.pattern(text) != nil
        }
        return BuiltInRules.descriptions.contains { matches($0) }
    }

    /// How narrowly it picks: ALL (0) < a category (1) < a code prefix (2) < one rule, by code or
    /// name (3). A configuration's severity entries apply broadest first, so the narrowest wins.
    public var specificity: Int {
        let key = text.lowercased()
        if key == "all" { return 0 }
        if Category(rawValue: key) != nil { return 1 }
        if BuiltInRules.descriptions.contains(where: { $0.code.lowercased() == key || $0.name == key }) { return 3 }
        return 2
    }
}

/// Which findings of rules made of patterns a run keeps, when selectors name patterns: an ignored
/// pattern's findings leave, and a rule selected only through some of its patterns keeps those.
public struct PatternSelection: Sendable {
    private let ignored: Set<String>
    /// Rule code → the pattern ids selected, for rules selected only by pattern.
    private let only: [String: Set<String>]

    public init(select: [String], ignore: [String], rules: [RuleDescription]) {
        ignored = Set(ignore.map(RuleSelector.init).filter { $0.patternRule != nil }.map { $0.text.lowercased() })
        var only: [String: Set<String>] = [:]
        let selectors = select.map(RuleSelector.init)
        for rule in rules where !selectors.contains(where: { $0.matches(rule) }) {
            let picked = selectors.filter { $0.picksPattern(of: rule) }.map { $0.text.lowercased() }
            if !picked.isEmpty { only[rule.code] = Set(picked) }
        }
        self.only = only
    }

    /// Nothing to filter.
    public var isEmpty: Bool { ignored.isEmpty && only.isEmpty }

    public func keeps(_ finding: ProseFinding) -> Bool {
        let pattern = finding.pattern?.lowercased()
        if let pattern, ignored.contains(pattern) { return false }
        if let picked = only[finding.rule.code] { return pattern.map(picked.contains) ?? false }
        return true
    }
}
