import KalkaKnowledge
import KalkaText

/// The reporting verbs of `english/reporting-verbs.txt` ("said", "wrote", "believes"): every form,
/// and the verbs of saying that are not also common nouns ("notes", "reports" are) nor verbs of
/// knowing or thinking ("knew", "believes").
struct ReportingVerbs: Sendable {
    let all: WordSet
    let verbsOnly: WordSet

    private static let built = StoreFact<ReportingVerbs>()

    static func load(_ dictionaries: DictionaryStore) throws -> ReportingVerbs {
        try dictionaries.derived(built) {
            let rows = try dictionaries.file("english/reporting-verbs.txt").rows
            return ReportingVerbs(all: WordSet(rows.map { $0[0] }),
                                  verbsOnly: WordSet(rows.filter { $0[1] == "-" }.map { $0[0] }))
        }
    }
}
