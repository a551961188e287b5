import KalkaModel

/// Picks rules by code ("DUP001"), code prefix ("DUP"), name ("repeated-word") or category
/// ("duplicated-word"); "ALL" picks every rule.
public struct RuleSelector: Sendable, Equatable {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    public func matches(_ rule: RuleDescription) -> Bool {
        let key = text.lowercased()
        // An empty selector picks nothing (a prefix of every code, it once picked every rule).
        return !key.isEmpty && (key == "all" || key == rule.name || key == rule.category.rawValue || rule.code.lowercased().hasPrefix(key))
    }

    /// True when the selector is the rule's own code or name: what it takes to run a preview rule.
    public func namesExactly(_ rule: RuleDescription) -> Bool {
        let key = text.lowercased()
        return key == rule.code.lowercased() || key == rule.name
    }

    /// True when the selector names at least one known rule.
    public var isKnown: Bool { BuiltInRules.descriptions.contains { matches($0) } }

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
