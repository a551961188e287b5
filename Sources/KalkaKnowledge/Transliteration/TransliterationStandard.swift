import ICUKit
import KalkaText

/// The Cyrillic languages kalka romanizes.
public enum CyrillicLanguage: String, Sendable, CaseIterable, Codable {
    case uk, ru

    public var englishName: String {
        switch self {
        case .uk: "Ukrainian"
        case .ru: "Russian"
        }
    }
}

/// A romanization standard: one ICU transliterator rule file in `Dictionaries/translit/`, whose
/// header comment lines name it:
///
///     # name: uk-national
///     # title: Ukrainian national romanization
///     # language: uk
///     # source: Resolution No. 55 of the Cabinet of Ministers of Ukraine, 27 January 2010
///     # scope: what the standard covers
///     # licence: …
public struct TransliterationStandard: Sendable, Equatable {
    public let name: String
    public let title: String
    public let language: CyrillicLanguage
    public let source: String
    public let scope: String
    public let licence: String
    /// The rule file (relative to `Dictionaries/`) and its text: ICU transform rules.
    public let path: String
    public let rules: String

    /// Reads the header of a rule file; the rules themselves are checked when compiled.
    public init(path: String, rules: String) throws(DictionaryError) {
        var fields: [String: String] = [:]
        var lineNumber = 0
        for line in rules.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.hasPrefix("#") else {
                if line.trimmingSpaces.isEmpty { continue }
                break
            }
            let comment = line.dropFirst().trimmingSpaces
            guard let colon = comment.firstIndex(of: ":") else { continue }
            let key = String(comment[..<colon])
            if ["name", "title", "language", "source", "scope", "licence"].contains(key), fields[key] == nil {
                fields[key] = comment[comment.index(after: colon)...].trimmingSpaces
            }
        }
        for key in ["name", "title", "language", "source", "scope", "licence"] where (fields[key] ?? "").isEmpty {
            throw DictionaryError(path: path, line: 1, message: "missing '# \(key):' header line")
        }
        guard let language = CyrillicLanguage(rawValue: fields["language"]!) else {
            throw DictionaryError(path: path, line: 1, message: "language must be one of \(CyrillicLanguage.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        guard fileName == fields["name"]! + ".txt" else {
            throw DictionaryError(path: path, line: 1, message: "the file must be named after the standard: \(fields["name"]!).txt")
        }
        self.name = fields["name"]!
        self.title = fields["title"]!
        self.language = language
        self.source = fields["source"]!
        self.scope = fields["scope"]!
        self.licence = fields["licence"]!
        self.path = path
        self.rules = rules
    }

    /// The pass a rule file may end with to compose what its letters leave decomposed (a stressed
    /// vowel: є́ > yé): NFC on Latin letters and their accents, inside the runs the file's global
    /// filter hands the rules.
    public static let composingPass = ":: [[:Latin:][\\u0300-\\u036F]] NFC ;"

    /// The global filter that keeps the text's own Latin letters out of the rules, so that the
    /// composing pass composes only what the rules wrote.
    public static let latinFilter = ":: [^[:Latin:]] ;"

    /// The rules without the composing pass, if the file ends with it, and without the Latin
    /// filter that serves it (no rule rewrites a Latin letter): the same output for text with no
    /// combining accent, without the cost of a normalization pass and of cutting every line
    /// into runs.
    package var rulesWithoutComposing: String? {
        var lines = rules.split(separator: "\n", omittingEmptySubsequences: false)
        guard let last = lines.lastIndex(where: { !$0.trimmingSpaces.isEmpty && !$0.hasPrefix("#") }),
              lines[last].trimmingSpaces == Self.composingPass else { return nil }
        // Empty lines in their place: an error still names the file's line.
        lines[last] = ""
        if let filter = lines.firstIndex(where: { $0.trimmingSpaces == Self.latinFilter }) { lines[filter] = "" }
        return lines.joined(separator: "\n")
    }
}

/// The standards kalka ships (and any a user adds), by name.
public struct TransliterationStandards: Sendable {
    public let all: [TransliterationStandard]

    /// The standard used for a language when none is named.
    public static func defaultName(for language: CyrillicLanguage) -> String {
        switch language {
        case .uk: "uk-national"
        case .ru: "ru-wikipedia"
        }
    }

    public static let builtIn: Result<TransliterationStandards, DictionaryError> = {
        do throws(DictionaryError) {
            let store = try DictionaryStore.builtIn.get()
            return .success(try TransliterationStandards(ruleFiles: store.ruleFiles))
        } catch {
            return .failure(error)
        }
    }()

    public init(ruleFiles: [String: String]) throws(DictionaryError) {
        all = try ruleFiles.sorted { $0.key < $1.key }.map { (path, text) throws(DictionaryError) in
            try TransliterationStandard(path: path, rules: text)
        }
    }

    public func standard(named name: String) -> TransliterationStandard? {
        all.first { $0.name == name }
    }

    public func defaultStandard(for language: CyrillicLanguage) -> TransliterationStandard? {
        standard(named: Self.defaultName(for: language))
    }
}

/// Romanizes text by one standard. Holds ICU transliterators, so it belongs to one worker.
public final class Romanizer {
    public let standard: TransliterationStandard
    /// The whole rule file.
    private let transliterator: Transliterator
    /// The rules without their composing pass, for text with no combining accent (most text:
    /// the pass would cost as much as the letters), when the file ends with one.
    private let withoutComposing: Transliterator?

    public init(_ standard: TransliterationStandard) throws {
        self.standard = standard
        self.transliterator = try CompiledStandards.compile(standard)
        self.withoutComposing = try standard.rulesWithoutComposing.map { try CompiledStandards.compile(standard, rules: $0) }
    }

    /// Romanizes a line or a paragraph (ICU slows down badly on one large buffer: feed it lines).
    public func romanize(_ text: String) throws(ICUError) -> String {
        try transliterator(accented: text.utf8.contains(where: Self.isAccentLead)).transliterate(text)
    }

    /// The same on UTF-8 bytes, appending the result to `output`.
    public func romanize(utf8 text: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) throws(ICUError) {
        try transliterator(accented: text.contains(where: Self.isAccentLead)).transliterate(utf8: text, appendingTo: &output)
    }

    /// A lead byte of U+0300–U+037F, where the combining accents the composing pass composes are.
    private static func isAccentLead(_ byte: UInt8) -> Bool { byte == 0xCC || byte == 0xCD }

    /// The whole rules for text that holds a combining accent, else those without the composing pass.
    private func transliterator(accented: Bool) -> Transliterator {
        accented ? transliterator : withoutComposing ?? transliterator
    }
}

/// A syntax error in a standard's rule file, located in the file.
public struct RuleFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let column: Int
    public let message: String
    public var description: String { "\(path):\(line):\(column): \(message)" }
}

/// Compiles a standard's rules for one worker.
///
/// Each worker gets its own compilation, not a clone: ICU's clones of a rule-based
/// transliterator share the compiled rules and take a global mutex on every call, so two
/// workers on clones ran slower than one (measured: 2.1 s with one worker, 4.2 s with two, on
/// 20 MB). Compiling costs a few milliseconds per worker.
enum CompiledStandards {
    /// The standard's rules, or `rules` derived from them with the same lines (an error still
    /// names the file's line and column).
    static func compile(_ standard: TransliterationStandard, rules: String? = nil) throws -> Transliterator {
        let rules = rules ?? standard.rules
        do {
            return try Transliterator(id: "kalka-\(standard.name)", rules: rules)
        } catch let error as TransliteratorRuleError {
            // ICU reports no line for transform rules (line 0) and the offset, in UTF-16 units,
            // from the start of the rules: turn it into the file's line and column.
            var line = 1, column = 1, units = 0
            if error.line > 0 {
                line = error.line
                column = error.offset + 1
            } else {
                for scalar in rules.unicodeScalars {
                    if units >= error.offset { break }
                    units += scalar.utf16.count
                    if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                }
            }
            throw RuleFileError(path: standard.path, line: line, column: column,
                                message: "\(error.name) near “\(error.preContext)⟪here⟫\(error.postContext)”")
        }
    }
}
