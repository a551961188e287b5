import KalkaText

/// What a named thing is.
public enum NameKind: String, Sendable, CaseIterable {
    case person, settlement, region, river, landmark, organization, event
}

/// Where an entry's canonical English form comes from.
public enum NameDerivation: String, Sendable, CaseIterable {
    /// The Ukrainian national romanization (uk-national) of the original; a test checks it.
    case national
    /// A spelling the person uses or an established exonym (Zelenskyy, Klitschko, Crimea): the
    /// note says which.
    case exception
    /// The established English form built on a romanized name ("Kharkiv Oblast", "Dnipro River").
    case english
    /// The usual English spelling of a Russian or Belarusian name (Sergei Lavrov): never flagged.
    case usual
    /// A name in a Latin-script language, in its own spelling (Edgars Rinkēvičs).
    case native
}

/// One person or place: its original form, the canonical English spelling, and the spellings
/// to flag (those listed, plus those derived from the Russian form by the usual renderings).
public struct NameEntry: Sendable {
    public let canonical: String
    public let original: String
    public let russian: String
    public let language: String
    public let kind: NameKind
    /// Spellings to flag: listed in the file, and derived from `russian`.
    public let variants: [String]
    /// Spellings some house styles prefer (Zelensky for Zelenskyy): not flagged unless the
    /// configured house style picks another form.
    public let alternatives: [String]
    public let derivation: NameDerivation
    public let note: String
    public let path: String
    public let line: Int

    /// Every correct form: canonical first.
    public var correctForms: [String] { [canonical] + alternatives }
}

/// How a form in the matcher relates to its entry.
public enum NameFormRole: Sendable, Equatable {
    case canonical, alternative, variant
    /// A phrase that contains a variant but is correct as a whole ("Chicken Kiev").
    case allowed
}

/// The name dictionary: every entry of `Dictionaries/names/*.tsv` (except the given-name and
/// allow lists), with one phrase matcher over all their forms.
public struct NameDictionary: Sendable {
    public let entries: [NameEntry]
    /// Matches every form of every entry, and the allowed phrases.
    public let matcher: PhraseMatcher
    /// For each phrase of the matcher: its entry (nil for allowed phrases) and role.
    public let forms: [(entry: Int?, role: NameFormRole, text: String)]
    /// Russian-form given names → the Ukrainian form (Dmitry → Dmytro).
    public let givenNames: [String: String]
    public let givenNameMatcher: PhraseMatcher
    public let givenNameForms: [String]
    /// The curated Ukrainians' given names and surnames, for the mixes of forms no list holds:
    /// built when a document first has a name to try, not at start-up.
    package var personParts: PersonNameParts { personPartsOnFirstUse.value }
    /// Whether `personParts` has been built: tests count start-up work with it.
    package var hasBuiltPersonParts: Bool { personPartsOnFirstUse.isBuilt }
    private let personPartsOnFirstUse: BuiltOnFirstUse<PersonNameParts>
    /// For each spelling to flag (lowercased): every entry it stands for. More than one makes the
    /// fix a guess.
    public let variantOwners: [String: [Int]]

    public static let columns = ["canonical", "original", "russian", "language", "kind", "variants", "alternatives", "derivation", "note"]
    static let givenNamesPath = "names/given-names.tsv"
    /// The standards whose renderings of the Russian form are Russian-based variants (the build
    /// computes them beforehand with the same list: `PrecomputedDictionaries`).
    package static let russianRenderingStandards = ["ru-wikipedia", "ru-bgn-pcgn"]
    static let allowPath = "names/allow.tsv"

    private static let built = StoreFact<NameDictionary>()

    /// The dictionary of a store, built once per store.
    public static func of(_ store: DictionaryStore) throws -> NameDictionary {
        try store.derived(built) { try NameDictionary(store: store) }
    }

    /// How many ICU transliterators building this dictionary compiled: none for the built-in
    /// rule files and names, whose renderings the build computed (tests count it).
    package let compiledRomanizers: Int

    public init(store: DictionaryStore) throws {
        let renderers = try RussianRenderers(store: store)
        var entries: [NameEntry] = []
        // Each entry's variants lowercased, where the build laid them out (nil: lowercased here).
        var lowercasedVariants: [[String]?] = []
        for path in store.tablePaths where path.hasPrefix("names/") && path != Self.givenNamesPath && path != Self.allowPath
            && path != PeriodSpellings.path {
            // A built-in file's entries come ready from the build, variants derived.
            if renderers.builtInRules && store.holdsBuiltInText(path), let ready = PrecomputedDictionaries.builtInNameEntries(path) {
                entries += ready.entries
                lowercasedVariants += ready.lowercasedVariants.map { Optional($0) }
                continue
            }
            let file = try store.file(path)
            guard file.columns == Self.columns else {
                throw DictionaryError(path: path, line: 1, message: "columns must be: \(Self.columns.joined(separator: ", "))")
            }
            for row in file.rows { entries.append(try Self.entry(row, path: path, renderers: renderers)) }
            lowercasedVariants += Array(repeating: nil, count: file.rows.count)
        }
        self.entries = try Self.applying(store.houseStyle, to: entries)
        // A house style changes entries' variants.
        if !store.houseStyle.isEmpty { lowercasedVariants = Array(repeating: nil, count: entries.count) }
        var phrases: [String] = []
        // Labelled as the property is: converting an unlabelled array copied it element by element.
        var forms: [(entry: Int?, role: NameFormRole, text: String)] = []
        for (index, entry) in self.entries.enumerated() {
            for form in entry.correctForms {
                phrases.append(form)
                forms.append((index, form == entry.canonical ? .canonical : .alternative, form))
            }
            for variant in entry.variants {
                phrases.append(variant)
                forms.append((index, .variant, variant))
            }
        }
        if store.tablePaths.contains(Self.allowPath) {
            let allow = try store.file(Self.allowPath)
            for row in allow.rows {
                phrases.append(row[0])
                forms.append((nil, .allowed, row[0]))
            }
        }
        matcher = try PhraseMatcher(phrases)
        self.forms = forms
        var owners: [String: [Int]] = [:]
        owners.reserveCapacity(forms.count)
        // The variants in the order of `forms`.
        for (entry, nameEntry) in self.entries.enumerated() {
            for (position, variant) in nameEntry.variants.enumerated() {
                let key = lowercasedVariants[entry]?[position] ?? Self.lowercased(variant)
                if !(owners[key] ?? []).contains(entry) { owners[key, default: []].append(entry) }
            }
        }
        variantOwners = owners
        var givenNames: [String: String] = [:]
        var englishGivenNames: [String: [String]] = [:]
        if store.tablePaths.contains(Self.givenNamesPath) {
            let file = try store.file(Self.givenNamesPath)
            let english = file.columns.firstIndex(of: "english")
            for row in file.rows {
                for russian in row[1].split(separator: "|") { givenNames[String(russian)] = row[0] }
                if let english, !row[english].isEmpty { englishGivenNames[row[0]] = row[english].split(separator: "|").map(String.init) }
            }
        }
        self.givenNames = givenNames
        givenNameForms = givenNames.keys.sorted()
        givenNameMatcher = try PhraseMatcher(givenNameForms)
        let allEntries = self.entries, russianGivenNames = givenNames, englishNames = englishGivenNames
        personPartsOnFirstUse = BuiltOnFirstUse {
            PersonNameParts(entries: allEntries, givenNames: russianGivenNames, englishGivenNames: englishNames)
        }
        compiledRomanizers = renderers.compiled
    }

    private static let documentMatches = DocumentFact<[PhraseMatcher.Match]>()

    /// The dictionary's matches in a document, computed once and shared by the name rules.
    public func matches(in analysis: Analysis) -> [PhraseMatcher.Match] {
        analysis.fact(Self.documentMatches) { matcher.matches(in: analysis) }
    }

    /// The curated Ukrainians the document names in a mix of correct and Russian-based forms
    /// ("Denis Shmyhal"), outside the whole names `matches` finds. Once per document.
    package func mixedNames(in analysis: Analysis) -> [PersonNameParts.MixedName] {
        // No two capitalized words side by side, no name: the parts need not be built (a
        // one-line check's start-up). The first pair ends the look.
        let tokens = analysis.tokens
        guard tokens.indices.dropLast(2).contains(where: { tokens[$0].shape == .title && tokens[$0 + 2].shape == .title && tokens[$0 + 1].kind == .space })
        else { return [] }
        // The matches run in document order without overlaps: a token's is found by bisection.
        let matches = self.matches(in: analysis)
        return personParts.mixedNames(in: analysis, covered: { token in
            var low = 0, high = matches.count
            while low < high {
                let middle = (low + high) / 2
                if matches[middle].tokens.upperBound < token { low = middle + 1 } else { high = middle }
            }
            return low < matches.count && matches[low].tokens.contains(token)
        })
    }

    private static func entry(_ row: DictionaryFile.Row, path: String, renderers: RussianRenderers) throws -> NameEntry {
        func fail(_ message: String) -> DictionaryError { DictionaryError(path: path, line: row.line, message: message) }
        guard let kind = NameKind(rawValue: row[4]) else {
            throw fail("kind '\(row[4])' is not one of \(NameKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let derivation = NameDerivation(rawValue: row[7]) else {
            throw fail("derivation '\(row[7])' is not one of \(NameDerivation.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard !row[1].isEmpty, !row[3].isEmpty else { throw fail("original and language are required") }
        if derivation == .exception && row[8].isEmpty { throw fail("an exception needs a note saying why") }
        let canonical = row[0]
        let alternatives = Self.list(row[6])
        // A few forms: an array is cheaper to build and search than a set.
        let correct = ([canonical] + alternatives).map { $0.lowercased() }
        var variants = Self.list(row[5])
        // Russian-based spellings, derived from the Russian form.
        if !row[2].isEmpty && derivation != .usual {
            for derived in try renderers.renderings(of: row[2], path: path, line: row.line) where !variants.contains(derived) {
                variants.append(derived)
            }
        }
        variants.removeAll { correct.contains($0.lowercased()) }
        return NameEntry(canonical: canonical, original: row[1], russian: row[2], language: row[3], kind: kind,
                         variants: variants, alternatives: alternatives, derivation: derivation, note: row[8],
                         path: path, line: row.line)
    }

    /// House style: the chosen spelling becomes the canonical one (what fixes write, and what wins
    /// when a document mixes spellings); the former canonical spelling stays correct.
    static func applying(_ style: [String: String], to entries: [NameEntry]) throws -> [NameEntry] {
        var entries = entries
        for (name, chosen) in style.sorted(by: { $0.key < $1.key }) {
            let keys = [name.lowercased(), chosen.lowercased()]
            guard let index = entries.firstIndex(where: { entry in
                ([entry.canonical] + entry.alternatives + entry.variants).contains { keys.contains($0.lowercased()) }
            }) else {
                throw DictionaryError(path: "house-style", line: 0, message: "'\(name)' is not a spelling of any name in the dictionary")
            }
            let entry = entries[index]
            let others = ([entry.canonical] + entry.alternatives).filter { $0.lowercased() != chosen.lowercased() }
            entries[index] = NameEntry(canonical: chosen, original: entry.original, russian: entry.russian, language: entry.language,
                                       kind: entry.kind, variants: entry.variants.filter { $0.lowercased() != chosen.lowercased() },
                                       alternatives: others, derivation: entry.derivation, note: entry.note, path: entry.path, line: entry.line)
        }
        return entries
    }

    /// `text.lowercased()`, ASCII lowered byte by byte: the library's general path was a tenth
    /// of building the names.
    static func lowercased(_ text: String) -> String {
        var text = text
        let ascii = text.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (index, byte) in bytes.enumerated() { buffer[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
                return bytes.count
            }
        }
        return ascii ?? text.lowercased()
    }

    private static func list(_ field: String) -> [String] {
        // Split on bytes and trim only what needs it: splitting on characters and trimming every
        // piece were a tenth of building the names.
        field.utf8.split(separator: UInt8(ascii: "|")).compactMap { bytes in
            let piece = Substring(bytes)
            let ends = [bytes.first, bytes.last]
            let form = ends.contains(0x20) || ends.contains(0x09) ? piece.trimmingSpaces : String(piece)
            return form.isEmpty ? nil : form
        }
    }
}

/// The renderings that make a Russian-based spelling: the media's (Dmitry Kuleba, Kharkov) and
/// BGN/PCGN's (Dmitriy Kuleba). With the built-in rule files they come from the table the build
/// computed (`PrecomputedDictionaries`): compiling these rules set up ICU's whole transliterator
/// registry, most of a small run's start-up. Any other form or rule file is romanized here.
private final class RussianRenderers {
    static var standardNames: [String] { NameDictionary.russianRenderingStandards }
    private let store: DictionaryStore
    /// Whether the rule files are the built-in ones, whose renderings the build computed.
    let builtInRules: Bool
    private var romanizers: [Romanizer]?
    private(set) var compiled = 0
    /// The precomputed renderings of the file last asked for, by line.
    private var file: (path: String, lines: [Int: [String]]?)?

    init(store: DictionaryStore) throws {
        self.store = store
        builtInRules = store.holdsBuiltInRuleFiles && PrecomputedDictionaries.russianRenderingStandards == Self.standardNames
        // Other rule files are read (and their errors thrown) up front, as they always were.
        if !builtInRules { _ = try compiledRomanizers() }
    }

    /// The renderings of `russian`, the Russian form on `line` of the name file at `path`.
    func renderings(of russian: String, path: String, line: Int) throws -> [String] {
        if builtInRules {
            if file?.path != path {
                file = (path, store.holdsBuiltInText(path) ? PrecomputedDictionaries.russianRenderings(path: path) : nil)
            }
            if let renderings = file?.lines?[line] { return renderings }
        }
        return try compiledRomanizers().map { try $0.romanize(russian) }
    }

    private func compiledRomanizers() throws -> [Romanizer] {
        if let romanizers { return romanizers }
        let standards = try TransliterationStandards(ruleFiles: store.ruleFiles)
        let romanizers = try Self.standardNames.compactMap { standards.standard(named: $0) }.map { try Romanizer($0) }
        compiled += romanizers.count
        self.romanizers = romanizers
        return romanizers
    }
}

extension NameEntry {
    /// A place or person of Ukraine.
    public var isUkrainian: Bool { language == "uk" }
    /// A Russian or Belarusian name in its usual English spelling.
    public var isRussianOrBelarusian: Bool { derivation == .usual }
}
