import KalkaModel
import KalkaText

/// Every administrative unit and settlement of Ukraine (`Dictionaries/gazetteer/ukraine-katotth.tsv`,
/// from the KATOTTH codifier): its canonical Latin form and the spellings to flag, read in place
/// from the tables the build laid out (`ReadyNameTables` in the build tool), so that 31,700 places
/// cost nothing at start-up.
package struct Gazetteer: Sendable {
    /// What a form is to the places it names, by caution (a form with several roles takes the
    /// most cautious, the highest raw value, unless it is the canonical form of one of them).
    package enum Role: Int, Sendable {
        /// The canonical (KMU 2010) form.
        case canonical = 0
        /// A Russian-based romanization: flagged where it stands as a place (a city's anywhere).
        case variant = 1
        /// A former name (Dzerzhinsk for Toretsk): flagged as outdated.
        case outdated = 2
        /// A variant that is also an English word, a Ukrainian surname's spelling or the name of a
        /// place outside Ukraine, or whose Russian form names a place in Russia or Belarus:
        /// flagged only where the text ties it to Ukraine.
        case guarded = 3
        /// A former name that is also an English word, a surname or a place elsewhere.
        case outdatedGuarded = 4
        /// An older romanization of the Ukrainian name (BGN/PCGN 1965: Mykolayiv): not an error
        /// of translation, reported as information.
        case older = 5

        /// Flagged only where the text ties the name to Ukraine.
        package var isGuarded: Bool { self == .guarded || self == .outdatedGuarded }
        /// A former name.
        package var isOutdated: Bool { self == .outdated || self == .outdatedGuarded }
    }

    package struct Place: Sendable, Equatable {
        package let canonical: String
        package let original: String
        /// special-city, raion, hromada, city, settlement, village or district (of a city).
        package let kind: String
        /// The oblast's English name ("Kharkiv Oblast").
        package let oblast: String
        /// For a renamed place, the latest date its renaming can have been.
        package let renamedBy: SimpleDate?
    }

    package struct Match: Sendable, Equatable {
        /// Token indices, first to last word.
        package let tokens: ClosedRange<Int>
        /// Prose bytes, without a possessive ending.
        package let range: Range<Int>
        package let role: Role
        /// The rows the form belongs to.
        package let places: ReadyNameTable.Rows
    }

    private let table: ReadyNameTable
    /// The hromadas' rows as the build listed them (6 hex digits each), if it did.
    private var readyHromadaRows: StaticString? = nil
    /// How many places it holds.
    package var count: Int { table.count }

    /// The rows of the hromadas, in order: from the build's list when there is one, else by
    /// reading every row's kind (31,700 of them).
    package var hromadaRows: [Int] {
        guard let ready = readyHromadaRows else { return (0..<count).filter(isHromada) }
        return ReadyNameTable.rows(listed: ready)
    }
    /// The most words in a form a document's run of names is tried as (the longest has five,
    /// counting its hyphens' particles): a bound on the walk whatever the table holds.
    static let longestForm = 7

    /// The built-in gazetteer, or nil if the build could not lay it out.
    package static let builtIn: Gazetteer? = EmbeddedDictionaries.gazetteer.map { ready in
        var gazetteer = Gazetteer(table: ReadyNameTable(ready))
        gazetteer.readyHromadaRows = EmbeddedDictionaries.gazetteerHromadaRows
        return gazetteer
    }

    /// The place on row `index`.
    package func place(_ index: Int) -> Place {
        let text = table.fields(index)
        return Place(canonical: text[0], original: text[1], kind: text[2], oblast: text[3], renamedBy: SimpleDate(iso: text[4]))
    }

    /// For a renamed place, the latest date its renaming can have been.
    package func renamedBy(_ row: Int) -> SimpleDate? {
        let field = table.field(4, of: row)
        return field.isEmpty ? nil : SimpleDate(iso: String(decoding: field, as: UTF8.self))
    }

    /// The folded hash of the first word of the place's oblast ("Kharkiv" of "Kharkiv Oblast"),
    /// to tell which of several places of a name a sentence means.
    package func oblastWordHash(_ row: Int) -> UInt64 {
        let oblast = table.field(3, of: row)
        let end = oblast.firstIndex(of: 0x20) ?? oblast.count
        return FoldedHash.of(utf8: UnsafeBufferPointer(rebasing: oblast[..<end]))
    }

    /// Named by an adjective (a raion, a hromada, a city district): the name is one only before
    /// its noun. Read from the table's bytes, as `isCity`: every match asks.
    package func isAdjectival(_ row: Int) -> Bool {
        let kind = table.field(2, of: row)
        return kind.elementsEqual("raion".utf8) || kind.elementsEqual("hromada".utf8) || kind.elementsEqual("district".utf8)
    }

    /// A hromada (a territorial community).
    package func isHromada(_ row: Int) -> Bool {
        table.field(2, of: row).elementsEqual("hromada".utf8)
    }

    /// A city (a special-status one included).
    package func isCity(_ row: Int) -> Bool {
        let kind = table.field(2, of: row)
        return kind.elementsEqual("city".utf8) || kind.elementsEqual("special-city".utf8)
    }

    /// The canonical form of row `row`, as the table's bytes.
    package func canonicalBytes(_ row: Int) -> UnsafeBufferPointer<UInt8> { table.field(0, of: row) }

    /// The role and rows of the form with this key (`ReadyNameTable.key`).
    package func form(_ key: UInt64) -> (role: Role, places: ReadyNameTable.Rows)? {
        guard let found = table.form(key), found.role != ReadyNameTable.prefixRole else { return nil }
        return (Role(rawValue: found.role) ?? .outdatedGuarded, found.rows)
    }

    private static let documentMatches = DocumentFact<[Match]>()

    /// The places a document names, longest form first at each start: runs of capitalized Latin
    /// words joined by single spaces or hyphens, tried as forms from the first word.
    package func matches(in analysis: Analysis) -> [Match] {
        analysis.fact(Self.documentMatches) {
            let tokens = analysis.tokens
            let hyphen = FoldedHash.of("-")
            var found: [Match] = []
            var index = 0
            while index < tokens.count {
                guard Self.isNameWord(tokens[index]) else { index += 1; continue }
                var key = FoldedHash.offsetBasis
                var last = index
                var best: Match?
                var words = 0
                while true {
                    let token = tokens[last]
                    let possessive = analysis.possessiveBase(of: token)
                    // A possessive ends the form: its base is tried as the last word.
                    let wordHash = possessive?.hash ?? token.foldedHash
                    ReadyNameTable.combine(wordHash, into: &key)
                    words += 1
                    // No form starts so: no longer one does either.
                    guard let found = table.form(key) else { break }
                    if found.role != ReadyNameTable.prefixRole {
                        let end = Int(token.end) - (possessive?.suffixLength ?? 0)
                        best = Match(tokens: index...last, range: Int(tokens[index].start)..<end,
                                     role: Role(rawValue: found.role) ?? .outdatedGuarded, places: found.rows)
                    }
                    guard possessive == nil, words < Self.longestForm, last + 2 < tokens.count else { break }
                    let joint = tokens[last + 1], next = tokens[last + 2]
                    if joint.kind == .space && joint.length == 1 && Self.isNameWord(next) {
                        last += 2
                    } else if joint.kind == .punctuation && joint.foldedHash == hyphen
                                && (Self.isNameWord(next) || next.kind == .word && next.shape == .lower && Self.particles.contains(next.foldedHash)) {
                        // Mykilske-na-Dnipri: a particle between hyphens is part of the name.
                        ReadyNameTable.combine(hyphen, into: &key)
                        last += 2
                    } else {
                        break
                    }
                }
                if let best {
                    found.append(best)
                    index = best.tokens.upperBound + 1
                } else {
                    index += 1
                }
            }
            return found
        }
    }

    /// The prepositions hyphenated names hold in lower case (Mykilske-na-Dnipri, Hai-za-Rudoiu).
    private static let particles = Set(["na", "nad", "pid", "pod", "za", "u", "v"].map { FoldedHash.of($0) })

    /// A Latin word written as a name (Kharkov, KHARKOV).
    private static func isNameWord(_ token: Token) -> Bool {
        token.kind == .word && token.script == .latin && (token.shape == .title || token.shape == .upper)
    }
}
