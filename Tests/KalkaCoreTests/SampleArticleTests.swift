import Foundation
import Testing
import KalkaCore

/// The shipped sample article, and clean English that must stay quiet.
@Suite struct SampleArticleTests {
    private func lint(_ relative: String) throws -> (SourceFile, [Diagnostic]) {
        let bytes = try [UInt8](Data(contentsOf: Paths.root.appendingPathComponent(relative)))
        let source = try SourceFile(path: relative, bytes: bytes)
        let format = InputFormat.inferred(fromPath: relative) ?? .plain
        return (source, try Lint.allRules.lint(source, format: format, analyzer: Analyzer()))
    }

    private func sourceText(_ source: SourceFile, _ diagnostic: Diagnostic) -> String {
        String(decoding: source.bytes[diagnostic.start.offset..<diagnostic.end.offset], as: UTF8.self)
    }

    @Test func plainTextFindsEveryPlantedArtifactAtItsPlace() throws {
        let (source, diagnostics) = try lint("examples/sample-article.txt")
        let found = diagnostics.map { "\($0.rule.code) \($0.start.line):\($0.start.column) \(sourceText(source, $0))" }
        #expect(found == [
            "BOI001 1:1 Home » News » Russian troops in Belarus. What the ministers agreed on",
            "NAM001 5:63 Kiev",
            "DUP002 5:81 clear and clear",
            "CAL001 7:191 tells the details",
            "BOI001 9:1 Subscribe to our channel in Telegram",
            "NAM001 13:31 Dmitry Kuleba",
            "MIX001 14:26 Kyіv",
            "PUN001 17:1 «Ukraine does not ask anyone to fight for us. We ask for weapons , sanctions and political unity»",
            "PUN002 17:66 ,",
            "NAM001 19:26 Edgar Rinkevich",
            "CAL001 20:41 within the framework of",
            "NUM003 21:21 mln",
            "TRM001 25:55 State Department Head",
            "NAM001 25:77 Anthony Blinken",
            "NAM001 25:279 Donbass",
            "DUP001 27:23 the the",
            "PUN002 29:17 :",
            "CAL001 37:12 the ruler of",
            "DUP002 39:55 trucks and trucks",
            "GAR005 42:1 In total, up to 30 thousand servicemen may take part in the drills. which, as the General Staff of the Armed Forces of Ukraine stresses, will be the largest grouping of Russian troops in Belarus in decades.",
            "NUM002 42:17 30 thousand",
            "GAR001 42:69 which",
            "GAR002 42:208 “",
            "NAM001 44:58 Kharkov",
            "CAL001 44:74 If anyone does not know",
            "NUM001 44:261 2,5",
            "UNT001 46:50 Олег Ніколенко",
            "MIX001 56:19 NАТO",
            "CAL001 56:56 has no right to vote",
            "DUP001 57:77 the\nthe",
            "NAM001 62:111 Kiev",
            "BOI001 64:1 Leave a Comment",
        ])
        // Byte offsets and line/column agree with the file itself.
        for diagnostic in diagnostics {
            let lineStart = source.lines.start(ofLine: diagnostic.start.line - 1)
            let prefix = String(decoding: source.bytes[lineStart..<diagnostic.start.offset], as: UTF8.self)
            #expect(prefix.unicodeScalars.count == diagnostic.start.column - 1)
        }
    }

    /// The same article as Markdown and as HTML (with entities inside findings) gives the same
    /// findings, each at source bytes that read as the same prose; code blocks and scripts stay quiet.
    @Test(arguments: ["examples/sample-article.md", "examples/sample-article.html"])
    func markupGivesTheSameFindingsAtTheRightBytes(_ path: String) throws {
        let (plainSource, plain) = try lint("examples/sample-article.txt")
        let (source, diagnostics) = try lint(path)
        #expect(diagnostics.map(\.message) == plain.map(\.message))
        let reader = Readers.reader(for: InputFormat.inferred(fromPath: path)!)
        for (markup, text) in zip(diagnostics, plain) {
            let slice = Array(source.bytes[markup.start.offset..<markup.end.offset])
            // The HTML writes some spaces as &nbsp; where the text file has plain ones.
            let prose = String(decoding: reader.read(slice).prose, as: UTF8.self).replacing("\u{00A0}", with: " ")
            let expected = sourceText(plainSource, text).replacingOccurrences(of: "\n", with: " ")
            #expect(prose == expected, "\(markup.rule.code) at \(path):\(markup.start.line):\(markup.start.column)")
            #expect(String(decoding: slice, as: UTF8.self).unicodeScalars.count >= 1)
        }
        if path.hasSuffix(".html") {
            // "the&#32;the": the finding spans the character reference.
            #expect(diagnostics.contains { sourceText(source, $0) == "the&#32;the" })
        }
    }

    @Test func fixingTheSampleChangesOnlyReportedBytesAndConverges() throws {
        let (source, diagnostics) = try lint("examples/sample-article.html")
        let (fixed, applied) = Fixer.apply(diagnostics, to: source.text, upTo: .unsafe)
        #expect(applied == diagnostics.filter { $0.fix != nil && $0.fix!.applicability != .displayOnly }.count)
        let fixedSource = try SourceFile(path: "fixed.html", bytes: fixed)
        let again = try Lint.allRules.lint(fixedSource, format: .html, analyzer: Analyzer())
        #expect(again.filter { $0.fix != nil && $0.fix!.applicability != .displayOnly }.isEmpty)
        let text = String(decoding: fixed, as: UTF8.self)
        #expect(text.contains("Kyiv"))
        #expect(!text.contains("the&#32;the"))
        #expect(text.contains("<script") && text.contains("the the legal and legal"), "code and scripts are untouched")
    }
}

@Suite struct CleanEnglishTests {
    static let fixtures: [String] = {
        let directory = Paths.root.appendingPathComponent("Tests/Fixtures/clean")
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    }()

    @Test func thereAreSeveralFixtures() {
        #expect(Self.fixtures.count >= 5)
    }

    @Test("Clean professional English gives no findings", arguments: fixtures)
    func quiet(_ name: String) throws {
        let text = try Paths.read("Tests/Fixtures/clean/\(name)")
        let messages = try Lint.diagnostics(text).map { "\($0.rule.code) \($0.start.line):\($0.start.column) \($0.message)" }
        #expect(messages.isEmpty)
        // Also as Markdown paragraphs and as HTML paragraphs.
        #expect(try Lint.diagnostics(text, format: .markdown).isEmpty)
        let html = "<html><body><article>" + text.components(separatedBy: "\n\n").map { "<p>\($0)</p>" }.joined(separator: "\n") + "</article></body></html>"
        #expect(try Lint.diagnostics(html, format: .html).isEmpty)
    }
}
