import KalkaModel
import KalkaText

/// One pattern rule from a file in `Dictionaries/patterns/` (the language is described in
/// Dictionaries/patterns/README.md): a sequence of token tests, the part of it to report, what
/// to say and suggest, and examples that must and must not match.
public struct TokenPattern: Sendable {
    /// The pattern's own name within its rule ("about-it-reports").
    public let name: String
    /// The code of the rule that reports it ("CAL001").
    public let rule: String
    /// The Russian or Ukrainian construction it renders word for word.
    public let source: String
    /// Why it is wrong, in a line: shown by `kalka rule`.
    public let note: String
    public let severity: Severity
    public let suggestion: PatternSuggestion
    /// The `match:` expression as written.
    public let expression: String
    /// The `unless:` expressions as written.
    public let exceptions: [String]
    public let examples: [PatternExample]
    /// Sentences the pattern must not match.
    public let counterexamples: [String]
    /// The file and line of the `pattern` line.
    public let path: String
    public let line: Int

    /// What matching reads: the compiled elements, mark and antipatterns.
    let program: PatternProgram

    /// "CAL001/about-it-reports": how selectors, suppressions, baselines and SARIF name it.
    public var id: String { "\(rule)/\(name)" }
}

/// What a pattern suggests for the marked words.
public enum PatternSuggestion: Sendable, Equatable {
    /// Replace them with the template, where `$n` stands for what the n-th token test matched.
    case replace(String)
    /// Delete them.
    case drop
    /// No wording fits every sentence: advice instead.
    case advice(String)
}

extension PatternSuggestion {
    /// `template` with each `$n` replaced by `value(n)` (token tests count from 1), and where
    /// the first `$` stands that `value` has nothing for (the file's check reports it).
    static func fill(_ template: String, _ value: (Int) -> String?) -> (text: String, firstUnknown: String.Index?) {
        var result = ""
        var firstUnknown: String.Index?
        var rest = template[...]
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            let digits = rest[rest.index(after: dollar)...].prefix { $0.isNumber }
            if let number = Int(digits), let text = value(number) {
                result += text
            } else if firstUnknown == nil {
                firstUnknown = dollar
            }
            rest = rest[digits.endIndex...]
        }
        return (result + rest, firstUnknown)
    }

    /// A replacement's text for a match: `$n` filled with what the n-th token test matched,
    /// spaces collapsed (an optional test that matched nothing leaves none doubled).
    public static func render(_ template: String, _ match: PatternSet.Match, _ analysis: Analysis) -> String {
        let text = fill(template) { number in
            number >= 1 && number <= match.captures.count ? analysis.text(of: match.captures[number - 1]) : ""
        }.text
        return text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}

/// A sentence a pattern must match: the reported span between ⟦ and ⟧, and the suggestion it
/// must make there (nil: none checked).
public struct PatternExample: Sendable, Equatable {
    public let text: String
    public let suggestion: String?
}

/// One position of a pattern.
enum PatternElement: Sendable {
    case sentenceStart
    case sentenceEnd
    /// A token test repeated `minimum...maximum` times.
    case token(TokenTest, minimum: Int, maximum: Int)

    var isToken: Bool { if case .token = self { true } else { false } }
}

/// A test on one token.
indirect enum TokenTest: Sendable {
    /// The folded hash is one of these (literals, the forms of a lemma), written for messages.
    case words(HashSet64, shown: [String])
    /// Exactly these bytes (a literal written `=Word`), whose folded hash is `hash`.
    case exact([UInt8], hash: UInt64)
    case shape(TokenShapeTest)
    /// The part-of-speech tagger's Universal tag is one of these (bit per `UniversalTag`).
    case tags(UInt32)
    case regex(RegexTest)
    case not(TokenTest)
    case anyOf([TokenTest])
    case allOf([TokenTest])

    /// The words that alone can pass this test, when they are a finite set: what indexes a pattern.
    var finiteWords: [UInt64]? {
        switch self {
        case .words(let set, _): return set.keys
        case .exact(_, let hash): return [hash]
        case .anyOf(let tests):
            var all: [UInt64] = []
            for test in tests {
                guard let words = test.finiteWords else { return nil }
                all += words
            }
            return all
        case .allOf(let tests):
            return tests.lazy.compactMap(\.finiteWords).first
        default: return nil
        }
    }

    var needsTags: Bool {
        switch self {
        case .tags: true
        case .not(let test): test.needsTags
        case .anyOf(let tests), .allOf(let tests): tests.contains { $0.needsTags }
        default: false
        }
    }
}

/// Tests on a token's kind and capitalization.
enum TokenShapeTest: String, Sendable, CaseIterable {
    /// Any token: `_`.
    case any
    case word, number, punct
    /// A word with a capital first letter ("Kyiv", "NATO").
    case cap
    /// A word in lower case.
    case lower
    /// A word in capitals ("NATO").
    case upper
}

/// A regular expression that must match a token's whole text.
struct RegexTest: @unchecked Sendable {
    // Regex is immutable once built; it is only read while matching.
    let regex: Regex<AnyRegexOutput>
    let written: String
}

extension HashSet64 {
    /// The keys held (for indexing; not on a hot path).
    var keys: [UInt64] { slots.filter { $0 != 0 } + (containsZero ? [0] : []) }
}
