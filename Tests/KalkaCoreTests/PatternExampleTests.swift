import Foundation
import Testing
import KalkaCore

/// Every pattern's own examples (Dictionaries/patterns/), run through the real pipeline with the
/// variants rule examples get: an example must be reported at exactly its marked span with its
/// suggestion, a counterexample not at all, and the pattern's id must select and silence it.
@Suite struct PatternExampleTests {
    static let patterns: [PatternCase] = ((try? PatternRules.of(Lint.store))?.files.flatMap(\.patterns) ?? []).map(PatternCase.init)

    struct PatternCase: CustomTestStringConvertible, Sendable {
        let pattern: TokenPattern
        var testDescription: String { pattern.id }
    }

    private static func rule(_ pattern: TokenPattern) -> (any Rule.Type)? {
        BuiltInRules.all.first { $0.description.code == pattern.rule }
    }

    /// The pattern's findings in `text`, with the rule that owns it running alone.
    private func findings(_ pattern: TokenPattern, _ text: String, format: InputFormat = .plain) throws -> [Diagnostic] {
        let rule = try #require(Self.rule(pattern), "no rule \(pattern.rule)")
        return try Lint.diagnostics(text, format: format, linter: Lint.linter(for: rule)).filter { $0.pattern == pattern.id }
    }

    @Test func thereArePatternsForEveryPatternRule() throws {
        let rules = try PatternRules.of(Lint.store)
        #expect(!rules.files.isEmpty)
        for file in rules.files { #expect(Self.rule(file.patterns[0]) != nil, "\(file.path) names no rule") }
        #expect(Self.patterns.count == rules.files.reduce(0) { $0 + $1.patterns.count })
    }

    /// A pattern without an anchor word is tried at every token of every document, one anchored
    /// by a function word or a mark in most sentences: none of the built-in ones may be, but one.
    @Test func everyBuiltInPatternHasAnAnchorWord() throws {
        let rules = try PatternRules.of(Lint.store)
        for code in BuiltInRules.patternRuleCodes {
            #expect(rules.set(for: code).unanchoredPatterns.isEmpty, "tried at every token: \(rules.set(for: code).unanchoredPatterns)")
            // "may" anchors the lower-case month: common, but the exact-case test fails at once.
            #expect(rules.set(for: code).commonlyAnchoredPatterns == ["CAL001/lowercase-month"], "tried in most sentences: \(rules.set(for: code).commonlyAnchoredPatterns)")
        }
    }

    @Test("Examples are reported at their marked span, with their suggestion", arguments: patterns)
    func examples(_ test: PatternCase) throws {
        for example in test.pattern.examples {
            let marked = MarkedText(example.text)
            let found = try findings(test.pattern, marked.text)
            #expect(found.map(\.textRange) == marked.ranges, "\(example.text)")
            if let suggestion = example.suggestion {
                #expect(found.first?.fix?.edits.first?.replacement == suggestion, "\(example.text): \(found.first?.message ?? "no finding")")
            }
        }
    }

    /// A counterexample is English the rule as a whole must leave alone: no pattern of the rule,
    /// and no row of its phrase list, reports it.
    @Test("Counterexamples stay quiet", arguments: patterns)
    func counterexamples(_ test: PatternCase) throws {
        let rule = try #require(Self.rule(test.pattern))
        for counter in test.pattern.counterexamples {
            let found = try Lint.diagnostics(counter, linter: Lint.linter(for: rule)).filter { $0.rule.code == test.pattern.rule }
            #expect(found.isEmpty, "\(counter): \(found.map { $0.pattern ?? $0.message })")
        }
    }

    @Test("A Cyrillic and emoji prefix shifts every span by its byte length", arguments: patterns)
    func prefixShift(_ test: PatternCase) throws {
        let prefix = "Привіт, світе 👋🏽🇺🇦\n\n"
        let shift = prefix.utf8.count
        for example in test.pattern.examples {
            let marked = MarkedText(example.text)
            let found = try findings(test.pattern, prefix + marked.text).map(\.textRange)
            #expect(found == marked.ranges.map { ($0.lowerBound + shift)..<($0.upperBound + shift) }, "\(example.text)")
        }
    }

    @Test("Through Markdown emphasis and HTML, spans land on the source bytes", arguments: patterns)
    func markup(_ test: PatternCase) throws {
        for example in test.pattern.examples {
            let marked = MarkedText(example.text)
            let html = "<html><body><p>\(marked.text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;"))</p></body></html>"
            let offset = "<html><body><p>".utf8.count
            let found = try findings(test.pattern, html, format: .html).map(\.textRange)
            if !marked.text.contains("&") && !marked.text.contains("<") {
                #expect(found == marked.ranges.map { ($0.lowerBound + offset)..<($0.upperBound + offset) }, "\(example.text) in HTML")
            }
            let markdown = "# Title\n\n" + marked.text + "\n"
            let foundInMarkdown = try findings(test.pattern, markdown, format: .markdown).map(\.textRange)
            let shift = "# Title\n\n".utf8.count
            #expect(foundInMarkdown == marked.ranges.map { ($0.lowerBound + shift)..<($0.upperBound + shift) }, "\(example.text) in Markdown")
        }
    }

    @Test("Inside Markdown code the pattern does not trigger", arguments: patterns)
    func insideCode(_ test: PatternCase) throws {
        for example in test.pattern.examples {
            let text = MarkedText(example.text).text
            #expect(try findings(test.pattern, "Quoted: `\(text)`\n", format: .markdown).isEmpty, "\(example.text) in code")
        }
    }

    @Test("The pattern's id silences it in a directive, and ignoring it leaves the rule's other findings", arguments: patterns)
    func selectedAndSuppressedById(_ test: PatternCase) throws {
        let pattern = test.pattern
        let rule = try #require(Self.rule(pattern))
        for example in pattern.examples {
            let text = MarkedText(example.text).text
            let directive = "[kalka-disable-file \(pattern.id)]\n" + text
            let all = try Lint.diagnostics(directive, linter: Lint.allRules)
            #expect(!all.contains { $0.pattern == pattern.id }, "\(example.text)")
            #expect(!all.contains { $0.rule.code.hasPrefix("KAL") }, "the directive counts as used: \(all.map(\.ruleID))")
            let ignoring = try Linter.builtIn(select: [rule.description.code], ignore: [pattern.id])
            #expect(try !Lint.diagnostics(text, linter: ignoring).contains { $0.pattern == pattern.id })
            let selecting = try Linter.builtIn(select: [pattern.id], ignore: [])
            let selected = try Lint.diagnostics(text, linter: selecting)
            #expect(!selected.isEmpty && selected.allSatisfy { $0.pattern == pattern.id }, "\(example.text): \(selected.map(\.ruleID))")
        }
    }
}
