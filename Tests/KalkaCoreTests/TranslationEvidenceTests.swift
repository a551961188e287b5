import Testing
import KalkaCore

/// The evidence judgement: findings that need corroboration are warnings only beside a mark of
/// translation; alone they are info, with a message that says why and a fix that waits for
/// `--unsafe-fixes`. Period spellings are judged by the same evidence.
@Suite struct TranslationEvidenceTests {
    private func severities(_ text: String, _ code: String) throws -> [Severity] {
        try Lint.diagnostics(text).filter { $0.rule.code == code }.map(\.severity)
    }

    @Test func aloneAFindingThatNeedsCorroborationIsInfo() throws {
        let text = "The archive counted 45 000 letters."
        let found = try Lint.diagnostics(text).filter { $0.rule.code == "NUM007" }
        #expect(found.map(\.severity) == [.info])
        #expect(found.first?.message.contains("alone not a sign of translation") == true)
        #expect(found.first?.message.contains("SI style") == true)
        #expect(found.first?.fix?.applicability == .unsafe)
    }

    @Test func aMarkOfTranslationMakesItAWarning() throws {
        // A number calque, «guillemets» or leftover Cyrillic in the same document.
        for evidence in ["Some 20 thousand people signed.", "He called it «a shame».", "The sign read «Київ»."] {
            #expect(try severities("The archive counted 45 000 letters. " + evidence, "NUM007") == [.warning], "\(evidence)")
        }
    }

    @Test func findingsThatNeedCorroborationDoNotCorroborateEachOther() throws {
        // An SI number, a British time and a European date: each usual in some English.
        let text = "The archive counted 45 000 letters. It opens at 14.30 and closes on 12.03.2024."
        let found = try Lint.diagnostics(text).filter { $0.rule.category == .numberFormat }
        #expect(found.map(\.rule.code).sorted() == ["NUM004", "NUM006", "NUM007"])
        #expect(found.allSatisfy { $0.severity == .info })
    }

    @Test func periodSpellingsAndAmbiguousFindingsAreNoEvidenceForEachOther() throws {
        let text = "KIEV, October 9, 2012 — The archive in Kiev counted 45 000 letters."
        #expect(try severities(text, "NAM001") == [.info, .info])
        #expect(try severities(text, "NUM007") == [.info])
        // A mark of translation raises both.
        let marked = text + " About 65 thousand people came."
        #expect(try severities(marked, "NAM001") == [.warning, .warning])
        #expect(try severities(marked, "NUM007") == [.warning])
    }

    @Test func aConfigurationSeverityStillWins() throws {
        let linter = Linter(rules: try Linter.builtIn().rules, severityOverrides: ["NUM007": .error])
        let found = try Lint.diagnostics("The archive counted 45 000 letters.", linter: linter).filter { $0.rule.code == "NUM007" }
        #expect(found.map(\.severity) == [.error])
        // The rule's own message and fix: the judgement leaves a configured rule alone.
        #expect(!found[0].message.contains("alone not a sign"))
        #expect(found[0].fix?.applicability != .displayOnly)
    }
}
