import Testing
import KalkaCore

/// The UTF-8 byte range of the `occurrence`-th `needle` in `text`.
private func byteRange(of needle: String, in text: String, occurrence: Int = 1) -> Range<Int> {
    let haystack = Array(text.utf8), pattern = Array(needle.utf8)
    var seen = 0
    for start in 0...(haystack.count - pattern.count) where haystack[start..<(start + pattern.count)].elementsEqual(pattern) {
        seen += 1
        if seen == occurrence { return start..<(start + pattern.count) }
    }
    Issue.record("“\(needle)” not found \(occurrence) times")
    return 0..<0
}

/// A directive as the tests describe it: kind, selectors with their ranges, and its range.
private struct Expected: Equatable, CustomStringConvertible {
    let kind: SuppressionDirective.Kind
    let selectors: [String]
    let selectorRanges: [Range<Int>]
    let range: Range<Int>
    init(_ directive: SuppressionDirective) {
        kind = directive.kind
        selectors = directive.selectors.map(\.text)
        selectorRanges = directive.selectors.map(\.range)
        range = directive.range
    }
    init(_ kind: SuppressionDirective.Kind, _ text: String, directive: String, occurrence: Int = 1, selectors: [String] = []) {
        self.kind = kind
        range = byteRange(of: directive, in: text, occurrence: occurrence)
        self.selectors = selectors
        // Each selector is searched for inside the directive's own bytes.
        let directiveStart = range.lowerBound
        selectorRanges = selectors.map { selector in
            let inside = byteRange(of: selector, in: directive)
            return (inside.lowerBound + directiveStart)..<(inside.upperBound + directiveStart)
        }
    }
    var description: String { "\(kind) \(selectors) \(selectorRanges) at \(range)" }
}

@Suite struct DirectiveParsingTests {
    @Test("Plain text: a marker line alone is a directive, left out of the prose", arguments: ["\n", "\r\n"])
    func plainText(_ newline: String) {
        let lines = ["Привіт — café.", "  [kalka-disable DUP001, NAM]\t", "The the end.", "[kalka-enable]",
                     "Note [kalka-disable DUP001] inside a line is prose.", "[kalka-disabled DUP001]", "[kalka-disable-file duplicated-word]"]
        let text = lines.joined(separator: newline) + newline
        let document = PlainTextReader().read(Array(text.utf8))
        #expect(document.directives.map(Expected.init) == [
            Expected(.disable, text, directive: "[kalka-disable DUP001, NAM]", selectors: ["DUP001", "NAM"]),
            Expected(.enable, text, directive: "[kalka-enable]"),
            Expected(.disableFile, text, directive: "[kalka-disable-file duplicated-word]", selectors: ["duplicated-word"]),
        ])
        // The marker lines are not prose: the lines around them read as if they were not there
        // (short lines, each its own paragraph; see LineBreaks).
        #expect(String(decoding: document.prose, as: UTF8.self)
            == "Привіт — café.\n\nThe the end.\n\nNote [kalka-disable DUP001] inside a line is prose. [kalka-disabled DUP001]")
    }

    @Test("Markdown: comments in HTML blocks and inline, never in code", arguments: ["\n", "\r\n"])
    func markdown(_ newline: String) {
        let text = [
            "# Заголовок", "",
            "Текст і <!-- kalka-disable-next-line DUP001 --> more text.", "",
            "<!-- kalka-disable", "     NAM001, PUN -->", "",
            "> <!-- kalka-enable -->", "",
            "`<!-- kalka-disable-file -->` in code is not one.", "",
            "    <!-- kalka-disable-file --> indented code", "",
            "```", "<!-- kalka-disable-file -->", "```",
            "<div>", "<!-- kalka-disable-file ENC -->", "</div>", "",
            "<script>", "// <!-- kalka-disable-file -->", "</script>",
        ].joined(separator: newline) + newline
        let document = MarkdownReader().read(Array(text.utf8))
        let multiLine = "<!-- kalka-disable" + newline + "     NAM001, PUN -->"
        #expect(document.directives.map(Expected.init) == [
            Expected(.disableNextLine, text, directive: "<!-- kalka-disable-next-line DUP001 -->", selectors: ["DUP001"]),
            Expected(.disable, text, directive: multiLine, selectors: ["NAM001", "PUN"]),
            Expected(.enable, text, directive: "<!-- kalka-enable -->"),
            Expected(.disableFile, text, directive: "<!-- kalka-disable-file ENC -->", selectors: ["ENC"]),
        ])
        #expect(!String(decoding: document.prose, as: UTF8.self).contains("kalka-disable-next-line"))
    }

    @Test("HTML: comments anywhere markup is parsed, not in raw text", arguments: ["\n", "\r\n"])
    func html(_ newline: String) {
        let text = [
            "<p>Кирилиця &amp; text <!-- kalka-disable-next-line MIX001 --> more</p>",
            "<!--kalka-disable-file calque-->",
            "<script>// <!-- kalka-disable DUP001 --></script>",
            "<pre><!-- kalka-enable --></pre><!-- just a comment --><!-- kalka-disable DUP001 --!>",
            "<!-- kalka-disable NAM001 never closed",
        ].joined(separator: newline)
        let document = HTMLReader().read(Array(text.utf8))
        #expect(document.directives.map(Expected.init) == [
            Expected(.disableNextLine, text, directive: "<!-- kalka-disable-next-line MIX001 -->", selectors: ["MIX001"]),
            Expected(.disableFile, text, directive: "<!--kalka-disable-file calque-->", selectors: ["calque"]),
            Expected(.enable, text, directive: "<!-- kalka-enable -->"),
            Expected(.disable, text, directive: "<!-- kalka-disable DUP001 --!>", selectors: ["DUP001"]),
        ])
        #expect(String(decoding: document.prose, as: UTF8.self) == "Кирилиця & text more")
    }
}

@Suite struct SuppressionEngineTests {
    private func codesByLine(_ text: String, format: InputFormat = .plain, linter: Linter = Lint.allRules) throws -> [String] {
        try Lint.diagnostics(text, format: format, linter: linter).map { "\($0.start.line):\($0.rule.code)" }
    }

    @Test func disableAndEnableBoundARange() throws {
        let text = "The the first.\n<!-- kalka-disable DUP001 -->\nThe the second.\n<!-- kalka-enable DUP001 -->\nThe the third.\n"
        #expect(try codesByLine(text, format: .markdown) == ["1:DUP001", "5:DUP001"])
        // An enable naming no rules ends every disable; without one, the range runs to the end.
        let open = "The the first.\n\n<!-- kalka-disable DUP001 -->\nThe the second.\n\nThe the third.\n"
        #expect(try codesByLine(open, format: .markdown) == ["1:DUP001"])
        let html = "<p>The the first.</p><!-- kalka-disable DUP -->\n<p>The the second.</p><!-- kalka-enable -->\n<p>The the third.</p>\n"
        #expect(try codesByLine(html, format: .html) == ["1:DUP001", "3:DUP001"])
    }

    @Test func nextLineSkipsBlankAndDirectiveLines() throws {
        let text = "[kalka-disable-next-line DUP001]\n\n[kalka-disable-next-line NAM001]\nThe the mayor of Kiev spoke.\nThe the end.\n"
        #expect(try codesByLine(text) == ["5:DUP001"])
    }

    @Test func noSelectorsMeansEveryRule() throws {
        #expect(try codesByLine("<!-- kalka-disable-file -->\nThe the mayor of Kiev spoke.\n", format: .markdown).isEmpty)
        #expect(try codesByLine("The the mayor of Kiev spoke.\n<!-- kalka-disable-file -->\n", format: .markdown).isEmpty)
        #expect(try codesByLine("[kalka-disable-next-line name-spelling]\nThe the mayor of Kiev spoke.\n") == ["2:DUP001"])
    }

    @Test func unknownCodesAreReportedOnTheirBytes() throws {
        let text = "Вступ.\n\n[kalka-disable DUP01, KAL001]\nThe the end.\n"
        let diagnostics = try Lint.diagnostics(text)
        let unknown = diagnostics.filter { $0.rule.code == "KAL002" }
        #expect(unknown.map(\.textRange) == [byteRange(of: "DUP01", in: text), byteRange(of: "KAL001", in: text)])
        #expect(unknown.allSatisfy { $0.fix == nil })
        #expect(diagnostics.contains { $0.rule.code == "DUP001" }, "a mistyped code suppresses nothing")
    }

    @Test func unusedDirectivesAndCodesAreReported() throws {
        let text = "[kalka-disable NAM001]\nThe the end.\n\n[kalka-disable-next-line DUP001, PUN003]\nThe the start.\n"
        let diagnostics = try Lint.diagnostics(text)
        let unused = diagnostics.filter { $0.rule.code == "KAL001" }
        #expect(unused.map(\.textRange) == [byteRange(of: "[kalka-disable NAM001]", in: text), byteRange(of: "PUN003", in: text)])
        #expect(unused.map(\.message) == ["“kalka-disable NAM001” suppresses nothing", "“PUN003” suppresses nothing here"])
        #expect(diagnostics.map(\.rule.code) == ["KAL001", "DUP001", "KAL001"])
    }

    @Test func aSuppressionOfARuleNotRunIsNotUnused() throws {
        let text = "[kalka-disable NAM001]\nThe the end.\n"
        let withoutNames = try Linter.builtIn(select: ["DUP", "KAL"])
        #expect(try codesByLine(text, linter: withoutNames) == ["2:DUP001"])
        let withNames = try Linter.builtIn(select: ["NAM", "KAL"])
        #expect(try codesByLine(text, linter: withNames) == ["1:KAL001"])
        let ignored = try Linter.builtIn(ignore: ["KAL001"])
        #expect(try codesByLine(text, linter: ignored) == ["2:DUP001"])
    }

    @Test("The fix removes what is unused; a second run is clean", arguments: [false, true])
    func fixRemovesUnusedDirectives(_ crlf: Bool) throws {
        let lines = ["The café hosted talks — briefly.", "", "<!-- kalka-disable NAM001 -->", "The talks ended.", "<!-- kalka-enable NAM001 -->",
                     "<!-- kalka-disable-next-line DUP001, PUN003 -->", "The the talks ended.", "", "Text <!-- kalka-disable-next-line --> inline.",
                     "The end."]
        let expected = ["The café hosted talks — briefly.", "", "The talks ended.", "<!-- kalka-disable-next-line DUP001 -->", "The the talks ended.", "",
                        "Text <!-- kalka-disable-next-line --> inline.", "The end."]
        let newline = crlf ? "\r\n" : "\n"
        let text = lines.joined(separator: newline) + newline
        let source = try SourceFile(path: "a.md", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let before = try Lint.allRules.lint(source, format: .markdown, analyzer: Analyzer())
        // File offsets count the byte order mark.
        #expect(before.filter { $0.rule.code == "KAL001" }.map(\.start.offset)
            == [byteRange(of: "<!-- kalka-disable NAM001 -->", in: text).lowerBound + 3, byteRange(of: "PUN003", in: text).lowerBound + 3,
                byteRange(of: "<!-- kalka-disable-next-line -->", in: text).lowerBound + 3])
        let outcome = try Lint.allRules.fix(source, format: .markdown, analyzer: Analyzer(), upTo: .safe)
        #expect(outcome.bytes == [0xEF, 0xBB, 0xBF] + Array((expected.joined(separator: newline) + newline).utf8))
        // The inline directive has no clean fix and stays reported; nothing else remains.
        #expect(outcome.remaining.map(\.rule.code) == ["KAL001"])
        let again = try Lint.allRules.lint(outcome.source, format: .markdown, analyzer: Analyzer())
        #expect(again.map(\.rule.code) == ["KAL001"])
    }
}

@Suite struct BaselineTests {
    private func report(_ text: String, path: String = "a.txt") throws -> FileReport {
        let source = try SourceFile(path: path, bytes: Array(text.utf8))
        return FileReport(path: path, diagnostics: try Lint.allRules.lint(source, format: .plain, analyzer: Analyzer()), source: source)
    }

    private func baseline(_ text: String, path: String = "a.txt") throws -> Baseline {
        var baseline = Baseline()
        baseline.add(try report(text, path: path))
        // Always through its file, as the CLI uses it.
        return try Baseline(json: Array(baseline.json().utf8))
    }

    private let article = "The minister met the the mayor of Kiev.\n\nTalks cost 2,5 million hryvnias.\n"

    @Test func hidesExactlyTheOldFindings() throws {
        let old = try report(article)
        #expect(old.diagnostics.count >= 3)
        let filtered = try baseline(article).filter(old)
        #expect(filtered.diagnostics.isEmpty)
        #expect(filtered.hiddenByBaseline == old.diagnostics.count)
    }

    @Test func aNewFindingShowsAndEditsElsewhereKeepOldOnesHidden() throws {
        let accepted = try baseline(article)
        let edited = "A new first paragraph pushes everything down.\n\nThe minister met\nthe the mayor of Kiev.\n\nTalks cost 2,5 million hryvnias.\n\nThe the end.\n"
        let filtered = accepted.filter(try report(edited))
        #expect(filtered.diagnostics.map(\.rule.code) == ["DUP001"])
        #expect(filtered.diagnostics.first?.start.line == 8)
        // Another path holds none of these.
        #expect(accepted.filter(try report(article, path: "b.txt")).hiddenByBaseline == 0)
        #expect(accepted.filter(try report(article, path: "./a.txt")).diagnostics.isEmpty)
    }

    @Test func identicalFindingsCountAsAMultiset() throws {
        let twice = "The the end.\n\nThe the end.\n"
        let accepted = try baseline(twice)
        #expect(accepted.files["a.txt"]?.map(\.count) == [2])
        let thrice = accepted.filter(try report(twice + "\nThe the end.\n"))
        #expect(thrice.diagnostics.map(\.start.line) == [5])
        #expect(thrice.hiddenByBaseline == 2)
        let once = accepted.filter(try report("The the end.\n"))
        #expect(once.diagnostics.isEmpty && once.hiddenByBaseline == 1)
    }

    @Test func theFileIsStableAndReadable() throws {
        let accepted = try baseline(article)
        let json = accepted.json()
        #expect(json.contains("\"rule\": \"DUP001\", \"text\": \"the the\""))
        #expect(try Baseline(json: Array(json.utf8)) == accepted)
        #expect(try self.baseline(article).json() == json, "the same findings give the same file")
        #expect(throws: BaselineError.self) { try Baseline(json: Array("{\"version\": 2, \"files\": {}}".utf8)) }
        #expect(throws: BaselineError.self) { try Baseline(json: Array("not json".utf8)) }
    }
}
