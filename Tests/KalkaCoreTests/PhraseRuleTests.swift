import Testing
import KalkaCore

/// The data-driven phrase rules (CAL001, TRM001, BOI001) over their whole lists, and the
/// per-finding severity they rely on.
@Suite struct PhraseRuleTests {
    static let lists: [(path: String, rule: any Rule.Type)] = [
        ("phrases/calques.tsv", CalqueRule.self),
        ("phrases/wrong-terms.tsv", WrongTermRule.self),
        ("phrases/boilerplate.tsv", SiteBoilerplateRule.self),
        ("phrases/chrome-labels.tsv", SiteBoilerplateRule.self),
    ]

    @Test func listsAreLargeEnough() throws {
        #expect(try Lint.store.file("phrases/calques.tsv").rows.count >= 200)
        #expect(try Lint.store.file("phrases/wrong-terms.tsv").rows.count >= 100)
        #expect(try Lint.store.file("phrases/boilerplate.tsv").rows.count >= 30)
    }

    /// Every entry, written on its own, is found by its rule over its whole length: no entry is
    /// shadowed by a longer one or lost to tokenization.
    @Test func everyEntryMatchesItself() throws {
        for (path, rule) in Self.lists {
            let linter = try Lint.linter(for: rule)
            for row in try Lint.store.file(path).rows {
                let phrase = row[0]
                let found = try Lint.diagnostics(phrase, linter: linter).map(\.textRange)
                #expect(found == [0..<phrase.utf8.count], "\(path):\(row.line) \(phrase)")
            }
        }
    }

    /// A wrong-term fix replaces the match with the suggestion, so the suggestion must be right.
    @Test func wrongTermSuggestionsAreNotWrongTerms() throws {
        let linter = try Lint.linter(for: WrongTermRule.self)
        for row in try Lint.store.file("phrases/wrong-terms.tsv").rows {
            let messages = try Lint.diagnostics("Yesterday \(row[1]) said so.", linter: linter).map(\.message)
            #expect(messages.isEmpty, "line \(row.line): \(row[1])")
        }
    }

    @Test func findingsCarryTheEntrySeverity() throws {
        let linter = try Lint.linter(for: CalqueRule.self)
        let text = "Talks were held within the framework of the visit. The governor tells the details."
        let found = try Lint.diagnostics(text, linter: linter)
        #expect(found.map(\.severity) == [.info, .warning])
        #expect(found[1].message == "“tells the details” is a calque of “рассказывает подробности”: say “reports”")
        #expect(found[1].fix?.applicability == .displayOnly)
        #expect(found[1].fix?.edits.first?.replacement == "reports")
        // A display-only suggestion is never applied.
        #expect(try Lint.fixOnce(text, linter: linter).1 == 0)
    }

    @Test func wrongTermsCarryTheEntrySeverityAndCase() throws {
        let linter = try Lint.linter(for: WrongTermRule.self)
        let found = try Lint.diagnostics("The SSU and the SUPREME RADA. Vice-premier X spoke.", linter: linter)
        #expect(found.map(\.severity) == [.info, .warning, .info])
        #expect(found.compactMap { $0.fix?.edits.first?.replacement } == ["SBU", "VERKHOVNA RADA", "Deputy prime minister"])
    }

    @Test func reportDefaultsToTheRuleSeverity() {
        var findings = Findings(rule: WrongTermRule.description)
        findings.report(0..<1, "a")
        findings.report(0..<1, "b", severity: .info)
        #expect(findings.items.map(\.severity) == [.warning, .info])
    }

    @Test func boilerplateDeletesWholeParagraphs() throws {
        let linter = try Lint.linter(for: SiteBoilerplateRule.self)
        let text = "Shelling resumed.\n\nRead also: Power restored\n\nRepairs continue.\n"
        #expect(try Lint.fixOnce(text, linter: linter).0 == "Shelling resumed.\n\n\n\nRepairs continue.\n")
        let found = try Lint.diagnostics(text, linter: linter)
        #expect(found.count == 1 && found[0].textRange == 19..<44)
    }
}
