import Foundation
import Testing
import KalkaCore

/// Shared test helpers: linting strings through the real pipeline.
enum Lint {
    static let store: DictionaryStore = try! DictionaryStore.builtIn.get()
    static let allRules: Linter = try! Linter.builtIn()

    /// A linter running `rule` alone: a rule about directives with every rule, since it reports
    /// what the others' findings leave unused; a house-style rule with the house style its
    /// examples assume.
    static func linter(for rule: any Rule.Type) throws -> Linter {
        if rule is any DirectiveRule.Type { return allRules }
        guard let styled = rule as? any HouseStyleRule.Type else { return Linter(rules: [try rule.init(dictionaries: store)]) }
        let styledStore = DictionaryStore(texts: DictionaryStore.builtInTexts, typography: styled.exampleTypography)
        return Linter(rules: [try rule.init(dictionaries: styledStore)])
    }

    /// Diagnostics for `text` read as `format`.
    static func diagnostics(_ text: String, format: InputFormat = .plain, linter: Linter = allRules) throws -> [Diagnostic] {
        let source = try SourceFile(path: "test", bytes: Array(text.utf8))
        return try linter.lint(source, format: format, analyzer: Analyzer())
    }

    /// Applies every fix up to `threshold` once; returns the text and how many fixes applied.
    static func fixOnce(_ text: String, format: InputFormat = .plain, linter: Linter, threshold: FixApplicability = .unsafe) throws -> (String, Int) {
        let diagnostics = try self.diagnostics(text, format: format, linter: linter)
        let (fixed, applied) = Fixer.apply(diagnostics, to: Array(text.utf8), upTo: threshold)
        return (String(decoding: fixed, as: UTF8.self), applied)
    }
}

/// An example text with ⟦marked⟧ ranges, as rules write them.
struct MarkedText {
    let text: String
    /// UTF-8 byte ranges of the marked spans in `text`.
    let ranges: [Range<Int>]

    init(_ marked: String) {
        var text = ""
        var ranges: [Range<Int>] = []
        var open: Int?
        for character in marked {
            switch character {
            case "⟦": open = text.utf8.count
            case "⟧":
                if let start = open { ranges.append(start..<text.utf8.count) }
                open = nil
            default: text.append(character)
            }
        }
        self.text = text
        self.ranges = ranges
    }
}

enum Paths {
    /// The package root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func read(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }
}
