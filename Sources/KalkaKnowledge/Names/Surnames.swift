import KalkaText

/// Ukrainian surnames and the Russian-based spellings MT gives them (Denysenko written
/// Denisenko; `Dictionaries/people/ukraine-surnames.tsv`, from names-translator), read in place
/// from the table the build laid out.
package struct Surnames: Sendable {
    package struct Surname: Sendable, Equatable {
        /// The KMU 2010 form (Syniehubov).
        package let canonical: String
        /// The Ukrainian surname (Синєгубов).
        package let original: String
    }

    /// A word of a document spelled as a Ukrainian surname's Russian-based form.
    package struct Match: Sendable, Equatable {
        package let token: Int
        /// Prose bytes, without a possessive ending.
        package let range: Range<Int>
        package let rows: [Int]
    }

    private let table: ReadyNameTable
    package var count: Int { table.count }

    /// The built-in surnames, or nil if the build could not lay them out.
    package static let builtIn: Surnames? = EmbeddedDictionaries.surnames.map { Surnames(table: ReadyNameTable($0)) }

    package func surname(_ row: Int) -> Surname {
        let fields = table.fields(row)
        return Surname(canonical: fields[0], original: fields[1])
    }

    /// The rows whose Russian-based spelling the word with this folded hash is.
    package func rows(spelledAs hash: UInt64) -> [Int]? {
        table.form(ReadyNameTable.key(of: [hash]))?.rows
    }

    private static let documentMatches = DocumentFact<[Match]>()

    /// The capitalized Latin words of a document spelled as a Ukrainian surname's Russian-based
    /// form (once per document).
    package func matches(in analysis: Analysis) -> [Match] {
        analysis.fact(Self.documentMatches) {
            var found: [Match] = []
            for (index, token) in analysis.tokens.enumerated()
            where token.kind == .word && token.script == .latin && (token.shape == .title || token.shape == .upper) {
                let possessive = analysis.possessiveBase(of: token)
                guard let rows = rows(spelledAs: possessive?.hash ?? token.foldedHash) else { continue }
                found.append(Match(token: index, range: Int(token.start)..<(Int(token.end) - (possessive?.suffixLength ?? 0)), rows: rows))
            }
            return found
        }
    }
}
