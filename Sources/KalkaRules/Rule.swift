import KalkaModel
import KalkaText
import KalkaKnowledge

/// A check over one analyzed document. One type per file; the registry is `BuiltInRules`.
///
/// A rule is built once per process (loading its dictionaries then) and shared by all workers,
/// so it must be immutable; everything per document comes in through `check`.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init(dictionaries: DictionaryStore) throws
    func check(_ analysis: Analysis, into findings: inout Findings)
}

extension Rule {
    public var description: RuleDescription { Self.description }
}

/// A rule that stays quiet unless the house style turns it on; its examples assume
/// `exampleTypography` (the rule example tests lint them with it).
public protocol HouseStyleRule: Rule {
    static var exampleTypography: Typography { get }
}
