import Testing
import KalkaCore

/// Fixes land on exactly the bytes they report, through every reader, and never break markup.
@Suite struct FixMappingTests {
    private func fix(_ text: String, _ format: InputFormat) throws -> (fixed: String, findings: Int, fixes: Int) {
        let diagnostics = try Lint.diagnostics(text, format: format)
        let (fixed, applied) = Fixer.apply(diagnostics, to: Array(text.utf8), upTo: .unsafe)
        return (String(decoding: fixed, as: UTF8.self), diagnostics.count, applied)
    }

    @Test(arguments: [
        ("Kyiv is the the capital.", InputFormat.plain, "Kyiv is the capital."),
        ("Kyiv is the\r\nthe capital.", .plain, "Kyiv is the capital."),
        ("> Kyiv is the\n> the capital.", .markdown, "> Kyiv is the capital."),
        ("Kyiv is [the the](https://kyiv.ua) capital.", .markdown, "Kyiv is [the](https://kyiv.ua) capital."),
        ("<p>Kyiv is the&#32;the capital.</p>", .html, "<p>Kyiv is the capital.</p>"),
        ("<p>Kyiv is <b>the</b> the capital.</p>", .html, "<p>Kyiv is <b>the</b> capital.</p>"),
        ("<p>Talks in Ky&#1110;v &amp; Riga.</p>", .html, "<p>Talks in Kyiv &amp; Riga.</p>"),
        ("<p>Squads, crews and crews &amp; staff.</p>", .html, "<p>Squads and crews &amp; staff.</p>"),
        ("> Shelling hit Sumy Oblast, said *Zhivytsky*.\n", .markdown, "> Shelling hit Sumy Oblast, said *Zhyvytskyi*.\n"),
        ("<p>In Kyiv, <i>Filaret Denisenko</i> spoke.</p>", .html, "<p>In Kyiv, <i>Filaret Denysenko</i> spoke.</p>"),
    ])
    func fixesReplaceExactlyTheReportedBytes(_ input: String, _ format: InputFormat, _ expected: String) throws {
        let result = try fix(input, format)
        #expect(result.fixes == 1)
        #expect(result.fixed == expected)
    }

    /// When the bytes to change hold markup the prose does not show, the finding stays and the
    /// fix is withheld rather than breaking the markup.
    @Test(arguments: [
        ("Kyiv is the *the* capital.", InputFormat.markdown),
        ("<p>Kyiv is the <b>the</b> capital.</p>", .html),
        ("<p>Talks in K<i>y&#1110;</i>v.</p>", .html),
    ])
    func fixesNeverCrossHiddenMarkup(_ input: String, _ format: InputFormat) throws {
        let result = try fix(input, format)
        #expect(result.findings == 1)
        #expect(result.fixes == 0)
        #expect(result.fixed == input)
    }

    @Test func htmlReplacementsAreEscaped() {
        let document = HTMLReader().read(Array("x".utf8))
        #expect(document.escapeReplacement("AT&T <x>") == "AT&amp;T &lt;x&gt;")
    }
}
