import KalkaModel

/// The one list of kalka's rules. A test checks that every `Rule` type in the module is here and
/// that codes and names are unique.
public enum BuiltInRules {
    /// The rules that report patterns from Dictionaries/patterns/ (and a house's pattern files).
    public static let patternRuleCodes = [CalqueRule.description.code]

    public static let all: [any Rule.Type] = [
        RepeatedWordRule.self,
        CoordinatedDuplicateRule.self,
        LeftoverCyrillicRule.self,
        MixedScriptWordRule.self,
        TransliteratedAbbreviationRule.self,
        TransliteratedWordRule.self,
        CyrillicPageChromeRule.self,
        RussianFormNameRule.self,
        RussianGivenNameRule.self,
        InconsistentNameSpellingRule.self,
        TheUkraineRule.self,
        RussianFormPlaceRule.self,
        MojibakeRule.self,
        InvisibleCharacterRule.self,
        DecimalCommaRule.self,
        ThousandCalqueRule.self,
        RussianAbbreviationRule.self,
        DottedDateRule.self,
        NumeroSignRule.self,
        DottedTimeRule.self,
        SpaceGroupedNumberRule.self,
        RomanCenturyRule.self,
        CurrencySignSpaceRule.self,
        RussianQuotesRule.self,
        SpaceBeforePunctuationRule.self,
        DoubledSpaceRule.self,
        SpacedHyphenDashRule.self,
        StrayPunctuationRule.self,
        QuoteStyleRule.self,
        DashStyleRule.self,
        DashAttributionRule.self,
        CommaBeforeClauseRule.self,
        MisusedQuoteMarkRule.self,
        ApostropheLookalikeRule.self,
        MissingSpaceAfterPunctuationRule.self,
        CalqueRule.self,
        WrongTermRule.self,
        SiteBoilerplateRule.self,
        PageChromeRule.self,
        RepeatedLineRule.self,
        LowercaseSentenceStartRule.self,
        UnbalancedQuotesRule.self,
        DanglingEndingRule.self,
        RepeatedSentenceRule.self,
        OddSentenceRule.self,
        UnusedSuppressionRule.self,
        UnknownSuppressionCodeRule.self,
    ]

    public static var descriptions: [RuleDescription] { all.map { $0.description } }

    /// The rule with this code or name (case-insensitive).
    public static func find(_ codeOrName: String) -> (any Rule.Type)? {
        let key = codeOrName.lowercased()
        return all.first { $0.description.code.lowercased() == key || $0.description.name == key }
    }
}
