import Foundation
import Testing
import KalkaCore
@testable import KalkaRules

/// Every rule's own examples, run through the real pipeline, plus automatic variants: the
/// examples are both the documentation (`kalka rule CODE`) and the tests.
@Suite struct RuleExampleTests {
    static let rules = BuiltInRules.all.map { RuleCase(type: $0) }

    struct RuleCase: CustomTestStringConvertible, Sendable {
        let type: any Rule.Type
        var testDescription: String { type.description.code }
    }

    private func findings(_ rule: RuleCase, _ text: String, format: InputFormat = .plain) throws -> [Diagnostic] {
        let code = rule.type.description.code
        return try Lint.diagnostics(text, format: format, linter: Lint.linter(for: rule.type)).filter { $0.rule.code == code }
    }

    @Test("Triggering examples flag exactly the marked ranges", arguments: rules)
    func triggering(_ rule: RuleCase) throws {
        #expect(!rule.type.description.triggering.isEmpty)
        for example in rule.type.description.triggering {
            let marked = MarkedText(example)
            #expect(!marked.ranges.isEmpty, "example without ⟦⟧: \(example)")
            let found = try findings(rule, marked.text).map(\.textRange)
            #expect(found == marked.ranges, "\(example)")
        }
    }

    @Test("Non-triggering examples stay quiet", arguments: rules)
    func nonTriggering(_ rule: RuleCase) throws {
        #expect(!rule.type.description.nonTriggering.isEmpty)
        for example in rule.type.description.nonTriggering {
            let messages = try findings(rule, example).map(\.message)
            #expect(messages.isEmpty, "\(example)")
        }
    }

    @Test("A Cyrillic and emoji prefix shifts every range by its byte length", arguments: rules)
    func prefixShift(_ rule: RuleCase) throws {
        let prefix = "Привіт, світе 👋🏽🇺🇦\n\n"
        let shift = prefix.utf8.count
        for example in rule.type.description.triggering {
            let marked = MarkedText(example)
            let found = try findings(rule, prefix + marked.text).map(\.textRange).filter { $0.lowerBound >= shift }
            #expect(found == marked.ranges.map { ($0.lowerBound + shift)..<($0.upperBound + shift) }, "\(example)")
        }
    }

    @Test("Inside Markdown code the rule does not trigger", arguments: rules)
    func insideCode(_ rule: RuleCase) throws {
        for example in rule.type.description.triggering {
            let text = MarkedText(example).text
            let markdown = text.contains("\n") ? "```\n\(text)\n```\n" : "Quoted: `\(text)`\n"
            let messages = try findings(rule, markdown, format: .markdown).map(\.message)
            #expect(messages.isEmpty, "\(example) in code")
        }
    }

    @Test("A directive naming the rule silences it, and counts as used", arguments: rules)
    func suppressedByDirective(_ rule: RuleCase) throws {
        let description = rule.type.description
        // The rules about directives are turned off with --ignore, never by a directive.
        guard !(rule.type is any DirectiveRule.Type) else { return }
        // Every rule runs, a house-style rule with the house style its examples assume.
        let linter = try (rule.type as? any HouseStyleRule.Type).map { styled in
            try Linter.builtIn(store: DictionaryStore(texts: DictionaryStore.builtInTexts, typography: styled.exampleTypography), select: [], ignore: [])
        } ?? Lint.allRules
        for selector in [description.code, description.name] {
            for example in description.triggering {
                let text = "[kalka-disable-file \(selector)]\n" + MarkedText(example).text
                let codes = try Lint.diagnostics(text, linter: linter).map(\.rule.code)
                #expect(!codes.contains(description.code) && !codes.contains { $0.hasPrefix("KAL") }, "\(example): \(codes)")
            }
        }
    }

    @Test("Fix examples give the expected text", arguments: rules)
    func fixExamples(_ rule: RuleCase) throws {
        let description = rule.type.description
        // A display-only fix is never applied, so it has no fix examples to run.
        #expect(description.fixApplicability == nil || description.fixApplicability == .displayOnly || !description.fixes.isEmpty,
                "a rule with a fix needs fix examples")
        #expect((description.fixApplicability == nil) == (description.fixSafety == nil), "fix safety explains every fix")
        let linter = try Lint.linter(for: rule.type)
        for example in description.fixes {
            let (fixed, applied) = try Lint.fixOnce(example.before, linter: linter)
            #expect(applied > 0, "\(example.before)")
            #expect(fixed == example.after)
        }
    }

    @Test("A fix applied twice changes nothing more", arguments: rules)
    func fixIsIdempotent(_ rule: RuleCase) throws {
        let linter = try Lint.linter(for: rule.type)
        let description = rule.type.description
        for before in description.triggering.map({ MarkedText($0).text }) + description.fixes.map(\.before) {
            let (once, _) = try Lint.fixOnce(before, linter: linter)
            let (twice, appliedAgain) = try Lint.fixOnce(once, linter: linter)
            #expect(appliedAgain == 0 && twice == once, "\(before) → \(once) → \(twice)")
        }
    }

    @Test("Descriptions are complete and well-formed", arguments: rules)
    func descriptionIsComplete(_ rule: RuleCase) {
        let description = rule.type.description
        #expect(description.code.wholeMatch(of: /[A-Z]{3}[0-9]{3}/) != nil)
        #expect(description.name.wholeMatch(of: /[a-z]+(-[a-z0-9]+)*/) != nil)
        #expect(description.summary.count > 20)
        #expect(description.rationale.count > 80)
        let explanation = RuleCatalog.explanation(description)
        #expect(explanation.contains(description.code) && explanation.contains(description.summary))
        for example in description.triggering { #expect(explanation.contains(example.replacingNewlines(with: "⏎"))) }
    }
}

@Suite struct RegistryTests {
    @Test func codesAndNamesAreUnique() {
        let descriptions = BuiltInRules.descriptions
        #expect(Set(descriptions.map(\.code)).count == descriptions.count)
        #expect(Set(descriptions.map(\.name)).count == descriptions.count)
    }

    /// Every type declared as a `Rule` in Sources/KalkaRules is in the registry, one per file.
    @Test func registryListsEveryRuleType() throws {
        let rulesDirectory = Paths.root.appendingPathComponent("Sources/KalkaRules")
        let enumerator = FileManager.default.enumerator(at: rulesDirectory, includingPropertiesForKeys: nil)!
        var declared: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            let types = text.matches(of: /(?m)^public struct (\w+): Rule \{/).map { String($0.1) }
            #expect(types.count <= 1, "one rule per file: \(url.lastPathComponent)")
            if let type = types.first {
                #expect(url.lastPathComponent == "\(type).swift")
                declared.append(type)
            }
        }
        let registered = BuiltInRules.all.map { String(describing: $0) }
        #expect(Set(declared) == Set(registered))
        #expect(declared.count == registered.count)
    }

    @Test func findByCodeOrName() {
        #expect(BuiltInRules.find("dup001")?.description.name == "repeated-word")
        #expect(BuiltInRules.find("coordinated-duplicate")?.description.code == "DUP002")
        #expect(BuiltInRules.find("nope") == nil)
    }
}
