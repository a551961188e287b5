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

    private let table: ReadyNameTable
    package var count: Int { table.count }

    /// The built-in surnames, or nil if the build could not lay them out.
    package static let builtIn: Surnames? = EmbeddedDictionaries.surnames.map { Surnames(table: ReadyNameTable($0)) }

    package func surname(_ row: Int) -> Surname {
        let fields = table.fields(row)
        return Surname(canonical: fields[0], original: fields[1])
    }

    /// The rows whose Russian-based spelling the word with this folded hash is.
    package func rows(spelledAs hash: UInt64) -> ReadyNameTable.Rows? {
        var key = FoldedHash.offsetBasis
        ReadyNameTable.combine(hash, into: &key)
        guard let found = table.form(key), found.role != ReadyNameTable.prefixRole, !found.rows.isEmpty else { return nil }
        return found.rows
    }
}
