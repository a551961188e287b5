import Testing
import KalkaCore
@testable import KalkaEngine
@testable import KalkaRules

/// A rule still in preview runs only when a selection names it by its code or name.
@Suite struct PreviewRuleTests {
    struct PreviewStub: Rule {
        static let description = RuleDescription(
            code: "ZZZ900", name: "preview-stub", category: .calque, severity: .warning,
            summary: "A rule in preview.", rationale: "For the selection test.",
            triggering: ["⟦x⟧"], nonTriggering: ["y"], preview: true)
        init(dictionaries: DictionaryStore) throws {}
        func check(_ analysis: Analysis, into findings: inout Findings) {}
    }

    struct StableStub: Rule {
        static let description = RuleDescription(
            code: "ZZZ901", name: "stable-stub", category: .calque, severity: .warning,
            summary: "A rule out of preview.", rationale: "For the selection test.",
            triggering: ["⟦x⟧"], nonTriggering: ["y"])
        init(dictionaries: DictionaryStore) throws {}
        func check(_ analysis: Analysis, into findings: inout Findings) {}
    }

    private func codes(select: [String], ignore: [String] = []) -> [String] {
        BuiltInRules.selected(from: [PreviewStub.self, StableStub.self], select: select, ignore: ignore).map { $0.description.code }
    }

    @Test func previewRulesRunOnlyWhenNamed() {
        #expect(codes(select: []) == ["ZZZ901"])
        #expect(codes(select: ["ALL"]) == ["ZZZ901"])
        #expect(codes(select: ["calque"]) == ["ZZZ901"])
        #expect(codes(select: ["ZZZ"]) == ["ZZZ901"])
        #expect(codes(select: ["ZZZ900"]) == ["ZZZ900"])
        #expect(codes(select: ["preview-stub", "calque"]) == ["ZZZ900", "ZZZ901"])
        #expect(codes(select: ["zzz900"], ignore: ["calque"]).isEmpty)
    }

    @Test func previewRulesAreMarkedInTheCatalog() {
        #expect(RuleCatalog.explanation(PreviewStub.description).contains("Preview: off unless selected"))
        #expect(!RuleCatalog.explanation(StableStub.description).contains("Preview"))
    }
}
