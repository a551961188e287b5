import ICUKit
import KalkaKnowledge
import KalkaModel
import KalkaText

/// MIX001: a word mixing Latin with Cyrillic or Greek letters that look alike ("Kyіv" with a
/// Cyrillic "і") — invisible to readers, fatal to search and spell-checking.
public struct MixedScriptWordRule: Rule {
    public static let description = RuleDescription(
        code: "MIX001",
        name: "mixed-script-word",
        category: .mixedScript,
        severity: .error,
        summary: "A word that mixes Latin letters with Cyrillic or Greek look-alikes, as in “Kyіv” with a Cyrillic “і”.",
        rationale: """
            Cyrillic “а е і о р с у х” look exactly like Latin letters. Text typed on a Ukrainian or \
            Russian keyboard layout, or pasted from a Cyrillic source, slips them into English \
            words: the word looks right but search, spell-checking and name matching all miss it. \
            ICU’s spoof checker (UTS #39) confirms the mix; the fix maps each stray letter to the \
            look-alike of the word’s main script by their confusable skeletons.
            """,
        fixApplicability: .safe,
        fixSafety: "Each replaced letter has the same UTS #39 skeleton as its replacement, so the word looks the same and reads as intended.",
        triggering: [
            "Talks in ⟦Kyіv⟧ resumed on Monday.",
            "The ⟦NАТО⟧ summit opened in Riga.",
            "Officials in ⟦Kharkіv⟧ and ⟦Оdesa⟧ reported shelling.",
        ],
        nonTriggering: [
            "Talks in Kyiv resumed on Monday.",
            "The Verkhovna Rada (Верховна Рада) met on Tuesday.",
            "The café on Khreshchatyk reopened.",
        ],
        fixes: [
            FixExample("Talks in Kyіv resumed.", "Talks in Kyiv resumed."),
            FixExample("The NАТО summit opened.", "The NATO summit opened."),
        ],
        signalsTranslation: .strong
    )

    private struct SpoofTables: Sendable {
        let checker: SpoofChecker
        let lookAlikes: LookAlikeTable
    }

    /// ICU's spoof checker and the look-alike table, built once per process when a document
    /// first has a word of mixed scripts: opening the checker was a measurable part of start-up.
    /// (With ICU's data missing, nothing is reported.)
    private static let spoofTables: SpoofTables? = try? {
        let checker = try SpoofChecker()
        return SpoofTables(checker: checker, lookAlikes: try LookAlikeTable(checker))
    }()

    public init(dictionaries: DictionaryStore) throws {}

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        // A word of two scripts has a letter outside ASCII: a sentence without a non-ASCII byte
        // (`ProseIndex`) is passed without reading its tokens.
        let nonASCII = analysis.nonASCIIOffsets
        var nextNonASCII = 0
        for sentence in analysis.sentences {
            guard !sentence.tokens.isEmpty else { continue }
            let start = Int(analysis.tokens[sentence.tokens.lowerBound].start), end = Int(analysis.tokens[sentence.tokens.upperBound - 1].end)
            while nextNonASCII < nonASCII.count && Int(nonASCII[nextNonASCII]) < start { nextNonASCII += 1 }
            guard nextNonASCII < nonASCII.count && Int(nonASCII[nextNonASCII]) < end else { continue }
            let tokens = analysis.tokens[sentence.tokens]
            guard tokens.contains(where: { $0.kind == .word && $0.script == .mixed }) else { continue }
            let context = Self.contextScript(tokens)
            for token in tokens where token.kind == .word && token.script == .mixed {
                check(token, context: context, analysis, &findings)
            }
        }
    }

    private func check(_ token: Token, context: Script?, _ analysis: Analysis, _ findings: inout Findings) {
        guard let tables = Self.spoofTables else { return }
        let word = analysis.text(of: token)
        // ICU decides: Latin with Cyrillic or Greek is at best minimally restrictive.
        guard let level = try? tables.checker.restrictionLevel(of: word), level >= .minimallyRestrictive else { return }
        let letters = Self.letterScripts(word)
        // The word was meant in the script of its sentence when all its strays have look-alikes
        // there ("NАТО" in English is NATO, though three of its four letters are Cyrillic);
        // otherwise in the script of most of its letters.
        let candidates = [context, Self.mainScript(letters)].compactMap { $0 }
        let fixed = candidates.lazy.compactMap { target in tables.lookAlikes.convert(word, to: target).map { (target, $0) } }.first
        guard let target = fixed?.0 ?? candidates.first else { return }
        let strays = letters.filter { $0.script != target }
        // Mixed only with a script this rule does not cover (Cyrillic with Arabic): nothing to name or fix.
        guard !strays.isEmpty else { return }
        let strayList = strays.map { "\(Self.name($0.script)) “\(Character($0.scalar))” U+\(String($0.scalar.value, radix: 16, uppercase: true).leftPadded(4))" }
        let message = "“\(word)” mixes \(Self.name(target)) letters with \(strayList.joined(separator: ", "))"
        if let (_, replacement) = fixed {
            findings.report(token.range, message, fixTitle: "Replace with “\(replacement)”", edits: [ProseEdit(token.range, replacement)])
        } else {
            findings.report(token.range, message)
        }
    }

    /// The script of most single-script words in the sentence, if one has a clear majority.
    static func contextScript(_ tokens: ArraySlice<Token>) -> Script? {
        var latin = 0, cyrillic = 0, greek = 0
        for token in tokens where token.kind == .word {
            switch token.script {
            case .latin: latin += 1
            case .cyrillic: cyrillic += 1
            case .greek: greek += 1
            default: break
            }
        }
        let top = max(latin, cyrillic, greek)
        guard top > 0, [latin, cyrillic, greek].filter({ $0 == top }).count == 1 else { return nil }
        return top == latin ? .latin : top == cyrillic ? .cyrillic : .greek
    }

    struct Letter {
        let scalar: Unicode.Scalar
        let script: Script
    }

    static func letterScripts(_ word: String) -> [Letter] {
        word.unicodeScalars.compactMap { scalar in
            let script = UnicodeProperties.script(of: scalar)
            return script == .latin || script == .cyrillic || script == .greek ? Letter(scalar: scalar, script: script) : nil
        }
    }

    /// The script most letters belong to; nil on a tie (no safe way to tell what was meant).
    static func mainScript(_ letters: [Letter]) -> Script? {
        var counts: [Script: Int] = [:]
        for letter in letters { counts[letter.script, default: 0] += 1 }
        let ranked = counts.sorted { $0.value > $1.value }
        guard let top = ranked.first else { return nil }
        if ranked.count > 1 && ranked[1].value == top.value { return nil }
        return top.key
    }

    static func name(_ script: Script) -> String {
        switch script {
        case .latin: "Latin"
        case .cyrillic: "Cyrillic"
        case .greek: "Greek"
        default: "other"
        }
    }
}

/// For each script kalka mixes up, which letter of it looks like a given letter of another:
/// two letters look alike when ICU gives them the same UTS #39 skeleton and the same case.
struct LookAlikeTable: Sendable {
    /// skeleton + case → letter, per target script.
    private let letters: [Script: [String: Unicode.Scalar]]
    private let skeletons: [Unicode.Scalar: String]

    /// The letters a stray letter may become, most common first (first wins on a shared skeleton).
    static let alphabets: [Script: String] = [
        .latin: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
        .cyrillic: "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЇЄҐјѕЈЅ",
        .greek: "αβγδεζηθικλμνξοπρστυφχψωΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ",
    ]

    init(_ checker: SpoofChecker) throws {
        var letters: [Script: [String: Unicode.Scalar]] = [:]
        var skeletons: [Unicode.Scalar: String] = [:]
        for (script, alphabet) in Self.alphabets {
            var table: [String: Unicode.Scalar] = [:]
            for scalar in alphabet.unicodeScalars {
                let skeleton = try checker.skeleton(of: String(scalar))
                skeletons[scalar] = skeleton
                let key = Self.key(skeleton, upper: UnicodeProperties.isUppercase(scalar))
                if table[key] == nil { table[key] = scalar }
            }
            letters[script] = table
        }
        self.letters = letters
        self.skeletons = skeletons
    }

    private static func key(_ skeleton: String, upper: Bool) -> String { (upper ? "U:" : "l:") + skeleton }

    /// `word` with every letter outside `target` replaced by its look-alike in `target`, or nil
    /// when some letter has none.
    func convert(_ word: String, to target: Script) -> String? {
        guard let table = letters[target] else { return nil }
        var result = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            let script = UnicodeProperties.script(of: scalar)
            guard script != target, script == .latin || script == .cyrillic || script == .greek else {
                result.append(scalar)
                continue
            }
            guard let skeleton = skeletons[scalar],
                  let replacement = table[Self.key(skeleton, upper: UnicodeProperties.isUppercase(scalar))] else { return nil }
            result.append(replacement)
        }
        return String(result)
    }
}
