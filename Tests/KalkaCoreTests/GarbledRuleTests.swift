import Testing
import KalkaCore

/// Garbled-clause rules on the conventions of real copy: quotations over several paragraphs,
/// texts cut off mid-sentence, and lowercase starts that are slips rather than lost clauses.
@Suite struct GarbledRuleTests {
    private func found(_ text: String, _ rule: any Rule.Type) throws -> [(String, Severity)] {
        let bytes = Array(text.utf8)
        return try Lint.diagnostics(text, linter: Lint.linter(for: rule)).map { (String(decoding: bytes[$0.textRange], as: UTF8.self), $0.severity) }
    }

    @Test func aCutLooseClauseIsAWarningAndALostCapitalInfo() throws {
        #expect(try found("The drills end in May. which, the ministry says, is final.", LowercaseSentenceStartRule.self).map(\.1) == [.warning])
        #expect(try found("The drills end in May. the ministry says so.", LowercaseSentenceStartRule.self).map(\.1) == [.info])
    }

    @Test func quotationsPairAcrossParagraphs() throws {
        let reopened = "“We will rebuild the bridge.\n\n“It will take a year,” the mayor said."
        #expect(try found(reopened, UnbalancedQuotesRule.self).isEmpty)
        let closedLater = "“We will rebuild the bridge.\nIt will take a year,” the mayor said.\n\nThe council agreed."
        #expect(try found(closedLater, UnbalancedQuotesRule.self).isEmpty)
        // Never closed, in a text that ends properly: the opener is reported once.
        let lost = "“We will rebuild the bridge.\n\nThe council agreed on Monday.\n\nWork starts in May."
        #expect(try found(lost, UnbalancedQuotesRule.self).map(\.0) == ["“"])
        // A stray closer with nothing open before it is still reported.
        #expect(try found("The council agreed.\n\nWork starts in May,” he said.", UnbalancedQuotesRule.self).map(\.0) == ["”"])
    }

    @Test func aTextCutOffMidSentenceKeepsItsLastQuotationOpen() throws {
        let cut = "The council met.\n\nThe mayor said: “We will rebuild the bridge and the sch"
        #expect(try found(cut, UnbalancedQuotesRule.self).isEmpty)
        let ended = "The council met.\n\nThe mayor said: “We will rebuild the bridge and the school."
        #expect(try found(ended, UnbalancedQuotesRule.self).map(\.0) == ["“"])
    }
}
