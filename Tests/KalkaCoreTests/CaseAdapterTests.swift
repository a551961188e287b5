import Testing
import KalkaCore

/// The one case adapter of the dictionary fixes, in the cases the phrase rules (a listed form
/// to compare with) and the name rules (no listed form) rely on.
@Suite struct CaseAdapterTests {
    @Test func capitalsCarryOver() {
        #expect(CaseAdapter.adapt("Kyiv", toCaseOf: "KIEV", listed: nil) == "KYIV")
        #expect(CaseAdapter.adapt("in the context of", toCaseOf: "IN THE FRAMES OF", listed: "in the frames of") == "IN THE CONTEXT OF")
        // Capitals with marks between them still count; a single capital does not.
        #expect(CaseAdapter.adapt("Kyiv", toCaseOf: "K.I.E.V.", listed: nil) == "KYIV")
        #expect(CaseAdapter.adapt("an", toCaseOf: "A", listed: "a") == "An")
        #expect(CaseAdapter.adapt("an", toCaseOf: "A", listed: nil) == "an")
    }

    @Test func anAcronymListedInCapitalsKeepsTheReplacementAsListed() {
        #expect(CaseAdapter.adapt("Security Service", toCaseOf: "SBU", listed: "SBU") == "Security Service")
        #expect(CaseAdapter.adapt("Security Service", toCaseOf: "SBU", listed: nil) == "SECURITY SERVICE")
    }

    @Test func aSentenceStartCapitalizesALowercaseEntry() {
        #expect(CaseAdapter.adapt("within", toCaseOf: "In the frames of", listed: "in the frames of") == "Within")
        #expect(CaseAdapter.adapt("état", toCaseOf: "Etat", listed: "etat") == "État")
        // A replacement listed with its own capital, or an entry listed capitalized, stays.
        #expect(CaseAdapter.adapt("Kyiv", toCaseOf: "Kiev", listed: "kiev") == "Kyiv")
        #expect(CaseAdapter.adapt("kyiv", toCaseOf: "Kiev", listed: "Kiev") == "kyiv")
        // Names give no listed form: title case stays as the replacement has it.
        #expect(CaseAdapter.adapt("Kyiv", toCaseOf: "Kiev", listed: nil) == "Kyiv")
    }

    @Test func lowercaseAndMixedCaseLeaveTheReplacementAsListed() {
        #expect(CaseAdapter.adapt("within", toCaseOf: "in the frames of", listed: "in the frames of") == "within")
        #expect(CaseAdapter.adapt("Kharkiv", toCaseOf: "kharkov", listed: nil) == "Kharkiv")
        #expect(CaseAdapter.adapt("within", toCaseOf: "iN THE frames of", listed: "in the frames of") == "within")
        #expect(CaseAdapter.adapt("Kyiv", toCaseOf: "KiEV", listed: nil) == "Kyiv")
        #expect(CaseAdapter.adapt("McDonald", toCaseOf: "MCDONALD", listed: nil) == "MCDONALD")
    }
}
