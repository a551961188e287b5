import Foundation
import Testing
import KalkaCore

/// The article the project started from (../shared/seed, beside the checkout; read here, never
/// copied into the project): every name artifact its table lists is flagged with the right
/// spelling, and its correct names are not.
@Suite struct SeedArticleTests {
    static let path = Paths.root.deletingLastPathComponent().appendingPathComponent("shared/seed/article.txt")

    /// Runs where the project's shared folder sits beside the checkout (as in CI); elsewhere it is
    /// reported as skipped, never as passed.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: path.path), "needs ../shared/seed/article.txt"))
    func nameArtifactsAreFlaggedWithTheRightSpellings() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.path))
        let source = try SourceFile(path: "article.txt", bytes: bytes)
        let linter = try Linter.builtIn(select: ["name-spelling"])
        let findings = try linter.lint(source, format: .plain, analyzer: Analyzer())
        let fixes = findings.map { finding -> String in
            let written = String(decoding: bytes[finding.start.offset..<finding.end.offset], as: UTF8.self)
            return "\(written) → \(finding.fix?.edits.first?.replacement ?? "?")"
        }
        #expect(fixes == [
            "Donbass → Donbas",
            "Donbass → Donbas",
            "Anthony Blinken → Antony Blinken",
            "Dmitry Kuleba → Dmytro Kuleba",
            "Edgar Rinkevich → Edgars Rinkēvičs",
            "Kiev → Kyiv",
        ])
        let text = String(decoding: bytes, as: UTF8.self)
        for correct in ["Sergei Lavrov", "Maria Zakharova", "Alexander Lukashenko", "Jens Stoltenberg", "Vladimir Putin"] {
            #expect(text.contains(correct))
            #expect(!findings.contains { String(decoding: bytes[$0.start.offset..<$0.end.offset], as: UTF8.self).contains(correct) }, "\(correct)")
        }
    }
}
