import Testing
import KalkaCore
@testable import KalkaText

// MARK: Helpers

private func read(_ html: String) -> ProseDocument {
    HTMLReader().read(Array(html.utf8))
}

private func proseText(_ html: String) -> String {
    String(decoding: read(html).prose, as: UTF8.self)
}

private func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
    guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
    for start in 0...(haystack.count - needle.count)
    where haystack[start..<start + needle.count].elementsEqual(needle) {
        return start..<start + needle.count
    }
    return nil
}

/// The source text the first occurrence of `phrase` in the prose maps back to (nil if the prose
/// does not contain it).
private func sourceText(of phrase: String, in html: String) -> String? {
    let source = Array(html.utf8)
    let doc = HTMLReader().read(source)
    guard let range = firstRange(of: Array(phrase.utf8), in: doc.prose) else { return nil }
    let mapped = doc.map.sourceRange(ofProse: range)
    return String(decoding: source[mapped], as: UTF8.self)
}

/// The prose contract other code relies on: paragraphs separated by exactly "\n\n", no other
/// line feed, none at either end, no empty paragraph; and every mapped range lies in the source.
private func checkProseContract(_ doc: ProseDocument, sourceCount: Int, sourceLocation: SourceLocation = #_sourceLocation) {
    let prose = String(decoding: doc.prose, as: UTF8.self)
    if prose.isEmpty { return }
    let paragraphs = prose.split(separator: "\n\n", omittingEmptySubsequences: false)
    for paragraph in paragraphs {
        #expect(!paragraph.isEmpty, "empty paragraph in \(prose.debugDescription)", sourceLocation: sourceLocation)
        #expect(!paragraph.contains("\n"), "stray line feed in \(prose.debugDescription)", sourceLocation: sourceLocation)
        #expect(!paragraph.contains("\r"), "carriage return in \(prose.debugDescription)", sourceLocation: sourceLocation)
    }
    for offset in 0..<doc.prose.count {
        let mapped = doc.map.sourceRange(ofProse: offset..<offset + 1)
        #expect(mapped.lowerBound >= 0 && mapped.upperBound <= sourceCount, sourceLocation: sourceLocation)
    }
}

private let fullPage = """
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Page title is not prose</title>
  <link rel="stylesheet" href="site.css">
  <style>body { font-family: serif; } p::before { content: "styled"; }</style>
  <script>var tracker = "<p>not prose</p>"; if (a < b) { load(); }</script>
</head>
<body class="article-page">
  <nav id="top-menu"><a href="/">Home</a> | <a href="/news">News</a></nav>
  <!-- main article starts here: <p>commented out</p> -->
  <article data-id="42">
    <h1 class="headline">Talks resumed in Kyiv</h1>
    <p>The delegation arrived on Monday, and
       the talks resumed the same evening.</p>
    <p>Officials said the <em>next</em> round would
       follow &laquo;soon&raquo;.<br>
       A statement is expected.</p>
    <script type="application/ld+json">{"headline": "hidden json"}</script>
    <pre><code>let secret = 1;</code></pre>
    <p>Reporting by <a href="https://example.com/staff/anna" title="Anna's page">Anna</a>.</p>
  </article>
  <footer><small>&copy; 2024 Example News</small></footer>
</body>
</html>
"""

// MARK: What is prose

@Test func fullPageYieldsOnlyArticleText() {
    let doc = read(fullPage)
    let prose = String(decoding: doc.prose, as: UTF8.self)
    #expect(prose == """
        Home | News\n\nTalks resumed in Kyiv\n\nThe delegation arrived on Monday, and the talks \
        resumed the same evening.\n\nOfficials said the next round would follow «soon».\n\n\
        A statement is expected.\n\nReporting by Anna.\n\n© 2024 Example News
        """)
    checkProseContract(doc, sourceCount: fullPage.utf8.count)
    for absent in ["html", "head", "meta", "title", "article", "class", "headline", "href", "example.com",
                   "Anna's page", "data-id", "42", "font-family", "styled", "tracker", "not prose",
                   "hidden json", "secret", "commented out", "DOCTYPE", "<", ">"] {
        #expect(!prose.contains(absent), "prose contains \(absent.debugDescription)")
    }
}

@Test func inlineTagsDoNotSplitWords() {
    #expect(proseText("<p><b>Ky</b>iv and <i>Kh</i><span class=x>ar</span>kiv</p>") == "Kyiv and Kharkiv")
    #expect(proseText("<p>an <a href=\"/x\">in<em>line</em></a> link</p>") == "an inline link")
    #expect(proseText("Ky<!-- note -->iv") == "Kyiv")
}

@Test func blockTagsSeparateParagraphs() {
    let html = """
        <h2>Title</h2><div>First</div><ul><li>One</li><li>Two</li></ul>\
        <table><tr><th>Head</th><td>Cell</td></tr></table>\
        line<br>break<br/>here<hr>after<blockquote>quoted</blockquote>end
        """
    #expect(proseText(html) == "Title\n\nFirst\n\nOne\n\nTwo\n\nHead\n\nCell\n\nline\n\nbreak\n\nhere\n\nafter\n\nquoted\n\nend")
}

@Test func whitespaceAtParagraphEdgesIsDropped() {
    #expect(proseText("<p>\n   Padded text.   \n</p>\n\n<p>  Next.  </p>") == "Padded text.\n\nNext.")
    // Runs parted only by a skipped element read as one space.
    #expect(proseText("<p>Call <code>init()</code> first.</p>") == "Call first.")
    #expect(proseText("<p>two  spaces</p>") == "two  spaces")
}

@Test func attributeValuesAreNeverProse() {
    let html = """
        <p title="Hidden title" data-x='a > b "quoted"' class=plain alt=Photo>Visible</p>\
        <img src="x.png" alt="An image"><input value='typed'>
        """
    #expect(proseText(html) == "Visible")
}

@Test func skippedElementsHideTheirContent() {
    let html = """
        <p>Before.</p>
        <script>document.write("</p><p>not prose"); // </scripts> is not the end
        </SCRIPT >
        <style>p > a { color: red }</style>
        <pre>pre text <code>code text</code> more pre</pre>
        <p>Middle.</p>
        <template><p>template text</p></template>
        <noscript>enable scripts</noscript>
        <svg viewBox="0 0 10 10"><text>svg text</text></svg>
        <math><mi>x</mi></math>
        <textarea><p>typed text</p></textarea>
        <![CDATA[ cdata text ]]><?php echo "pi text"; ?>
        <p>After.</p>
        """
    #expect(proseText(html) == "Before.\n\nMiddle.\n\nAfter.")
}

@Test func nestedSkippedElementsCloseCorrectly() {
    #expect(proseText("<pre><code>a</code>b</pre>Prose<code>c</code> too") == "Prose too")
    // An end tag closes the skipped elements opened inside it.
    #expect(proseText("<pre><code>x</pre>Visible") == "Visible")
    // End tags of elements that are not open change nothing.
    #expect(proseText("</code></pre>Visible <code><code>x</code>y</code>!") == "Visible !")
    #expect(proseText("<svg/>Self-closed svg keeps text") == "Self-closed svg keeps text")
}

@Test func headEndsImplicitlyAsInABrowser() {
    #expect(proseText("<html><head><title>T</title><meta charset=utf-8><body><p>Body text</p>") == "Body text")
    #expect(proseText("<head><title>T</title><p>Paragraph</p>") == "Paragraph")
    #expect(proseText("<head><title>T</title>\n Stray text") == "Stray text")
}

// MARK: Character references

@Test func characterReferencesDecode() {
    #expect(proseText("AT&amp;T &nbsp;&mdash; &NotEqualTilde; &lt;tag&gt;") == "AT&T \u{A0}\u{2014} \u{2242}\u{338} <tag>")
    #expect(proseText("&#8212;&#x2014;&#X2014;&#169;&#xa9") == "———©©")
    // Legacy names may omit the semicolon before a character that cannot continue a name.
    #expect(proseText("fish &amp chips, 5&nbsp;km, &copy 2024, &amp") == "fish & chips, 5\u{A0}km, © 2024, &")
}

@Test func invalidNumericReferencesBecomeReplacementCharacter() {
    #expect(proseText("a&#0;b&#xD800;c&#x110000;d&#99999999999999999999;e") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e")
    // As in a browser, 0x80–0x9F read as windows-1252.
    #expect(proseText("&#150; &#146;") == "\u{2013} \u{2019}")
}

@Test func unknownReferencesAndStrayAmpersandsStayVerbatim() {
    let html = "AT&T &unknown; &ampersand &Amp; & &# &#x; &#xyz; a&b"
    #expect(proseText(html) == html)
    #expect(sourceText(of: "AT&T", in: html) == "AT&T")
}

@Test func lineFeedReferenceIsASoftBreak() {
    #expect(proseText("<p>one&#10;two&#13;&#10;three</p>") == "one two three")
    #expect(sourceText(of: "one two", in: "<p>one&#10;two</p>") == "one&#10;two")
}

// MARK: Source mapping

@Test(arguments: [
    // (html, phrase in the prose, the source text it must map to)
    ("<p>Shares of AT&amp;T rose.</p>", "AT&T rose", "AT&amp;T rose"),
    ("<p>Kyiv&#8217;s mayor</p>", "Kyiv’s mayor", "Kyiv&#8217;s mayor"),
    ("<p>in &laquo;Minsk&raquo; again</p>", "«Minsk»", "&laquo;Minsk&raquo;"),
    ("<p>the city <b>Ky</b>iv is</p>", "Kyiv", "Ky</b>iv"),
    ("<p>Welcome to “Київ” 🇺🇦 today</p>", "“Київ” 🇺🇦 today", "“Київ” 🇺🇦 today"),
    ("<p>Київ</p>", "иї", "иї"),
    ("<p>first line<br>\n   Second line here</p>", "Second line", "Second line"),
    ("<p>wrapped across\n     lines</p>", "across lines", "across\n     lines"),
    ("<p>a <em>very</em>\n <strong>bold</strong> claim</p>", "very bold", "very</em>\n <strong>bold"),
    ("<p>dash&#x2014;here and 10&nbsp;km</p>", "—here and 10\u{A0}km", "&#x2014;here and 10&nbsp;km"),
    ("<p>one\r\ntwo</p>\r\n<p>three</p>", "one two", "one\r\ntwo"),
    ("<p>one\r\ntwo</p>\r\n<p>three</p>", "three", "three"),
])
func proseMapsBackToExactSource(html: String, phrase: String, expected: String) {
    #expect(sourceText(of: phrase, in: html) == expected)
}

@Test func partOfAReferenceMapsToTheWholeReference() {
    // "—" is three UTF-8 bytes standing for "&mdash;": any of them maps to the whole reference.
    let source = Array("a&mdash;b".utf8)
    let doc = HTMLReader().read(source)
    #expect(doc.prose == Array("a—b".utf8))
    #expect(doc.map.sourceRange(ofProse: 2..<3) == 1..<8)
    // Replacing part of the reference would be inexact; all of it, or plain text, is exact.
    #expect(doc.map.exactSourceRange(ofProse: 2..<3) == nil)
    #expect(doc.map.exactSourceRange(ofProse: 1..<4) == 1..<8)
    #expect(doc.map.exactSourceRange(ofProse: 0..<1) == 0..<1)
}

@Test func paragraphBreakMapsToTheClosingTag() {
    let html = "<p>One.</p>\n<p>Two.</p>"
    let doc = read(html)
    #expect(doc.prose == Array("One.\n\nTwo.".utf8))
    #expect(doc.map.sourceRange(ofProse: 4..<6) == 7..<7)  // the "</p>" after "One."
}

@Test func crlfDocumentsKeepTheContract() {
    let html = fullPage.replacingLineFeedsWithCRLF()
    let doc = read(html)
    checkProseContract(doc, sourceCount: html.utf8.count)
    #expect(String(decoding: doc.prose, as: UTF8.self) == proseText(fullPage))
}

// MARK: Robustness

@Test(arguments: [
    "", "<", "<p", "<p class=\"unclosed", "<!-- unclosed comment", "<!--", "<!-->", "<!--->text",
    "<script>never closed", "<script>", "</script", "<style>a</styl", "a < b && c > d", "&", "&#",
    "&#x", "&#;", "</", "</>", "</ >text", "<!", "<?", "<?xml", "<![CDATA[", "<a href='x>text",
    "<a href=>text</a>", "<a =x>text</a>", "<pre><code>", "</pre></code>text", "<p/ >x", "<head>",
    "<head>   ", "<<<>>>", "&&&;;;", "<p>\n\n\n</p>\n\n", "<br><br><br>", "\r\r\n\n\r",
    "<div\n\tclass='a'\n>x</div\n>", "<b>unterminated <i>inline", "text&#10;", "&#10;text",
])
func malformedInputTerminatesAndKeepsTheContract(html: String) {
    let doc = read(html)
    checkProseContract(doc, sourceCount: html.utf8.count)
}

@Test func malformedInputsReadSensibly() {
    #expect(proseText("a < b && c > d") == "a < b && c > d")
    #expect(proseText("<p>x</p><!-- never closed <p>y</p>") == "x")
    #expect(proseText("<p>text</p><p title=\"open>hidden</p>") == "text")
    #expect(proseText("</ >bogus end tag is a comment") == "bogus end tag is a comment")
}

@Test func randomMarkupKeepsTheContract() {
    let pieces = ["<p>", "</p>", "<b>", "</b>", "<br>", "<pre>", "</pre>", "<code>", "</code>",
                  "<script>", "</script>", "<!--", "-->", "<", ">", "&", "&amp;", "&#10;", "&#x",
                  "\"", "'", "=", " ", "\n", "\r\n", "word", "Київ", "<head>", "<div class=\"",
                  "<svg/>", "</", "<!", "&nbsp", ";", "#"]
    var generator = SplitMix64(seed: 42)
    for _ in 0..<300 {
        let count = Int(generator.next() % 40)
        let html = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
        checkProseContract(read(html), sourceCount: html.utf8.count)
    }
}

@Test func pathologicalInputsStayLinear() {
    // Each would be quadratic with a naive search; these must finish quickly.
    let nestedSkips = String(repeating: "<code>", count: 20_000) + String(repeating: "</b>", count: 20_000)
    #expect(read(nestedSkips).prose.isEmpty)
    let unclosedQuotes = String(repeating: "<a title='x", count: 20_000)
    #expect(read(unclosedQuotes).prose.isEmpty)
    let ampersands = String(repeating: "&" + String(repeating: "a", count: 40), count: 5_000)
    #expect(read(ampersands).prose.count == ampersands.utf8.count)
    let lessThans = String(repeating: "</script ", count: 20_000)
    _ = read("<script>" + lessThans)
}

// MARK: Data

@Test func everyEntityRowParses() throws {
    let store = try DictionaryStore.builtIn.get()
    let file = try store.file("html/entities.tsv")
    #expect(file.caseSensitive)
    #expect(file.columns == ["name", "codepoints"])
    #expect(file.source.hasPrefix("WHATWG HTML Living Standard"))
    let entities = try HTMLEntities(file)
    #expect(entities.table.count == file.rows.count)
    #expect(file.rows.count == 2231)  // the WHATWG list: 2125 names with ";", 106 legacy without
    #expect(HTMLEntities.builtIn.table.count == file.rows.count)
    #expect(entities.value(of: ArraySlice("amp;".utf8)) == Array("&".utf8))
    #expect(entities.value(of: ArraySlice("nbsp;".utf8)) == Array("\u{A0}".utf8))
    #expect(entities.value(of: ArraySlice("mdash;".utf8)) == Array("\u{2014}".utf8))
    #expect(entities.value(of: ArraySlice("NotEqualTilde;".utf8)) == Array("\u{2242}\u{338}".utf8))
    #expect(entities.value(of: ArraySlice("Amp;".utf8)) == nil)
    #expect(entities.maxNameLength == 31)  // "CounterClockwiseContourIntegral"
}

@Test func caseSensitiveHeaderOption() throws {
    let header = "# columns: name\tvalue\n# source: test\n# licence: CC0-1.0\n"
    // By default names differing only in case collide.
    #expect(throws: DictionaryError.self) {
        try DictionaryFile.parse(path: "t.tsv", text: header + "AMP;\t1\namp;\t2\n")
    }
    let file = try DictionaryFile.parse(path: "t.tsv", text: "# case-sensitive: yes\n" + header + "AMP;\t1\namp;\t2\n")
    #expect(file.caseSensitive)
    #expect(file.rows.map { $0[0] } == ["AMP;", "amp;"])
    // Exact duplicates are still rejected.
    #expect(throws: DictionaryError.self) {
        try DictionaryFile.parse(path: "t.tsv", text: "# case-sensitive: yes\n" + header + "amp;\t1\namp;\t2\n")
    }
    #expect(try !DictionaryFile.parse(path: "t.tsv", text: "# case-sensitive: no\n" + header + "a\t1\n").caseSensitive)
    #expect(throws: DictionaryError.self) {
        try DictionaryFile.parse(path: "t.tsv", text: "# case-sensitive: maybe\n" + header + "a\t1\n")
    }
    // The option must come before the entries it governs.
    #expect(throws: DictionaryError.self) {
        try DictionaryFile.parse(path: "t.tsv", text: header + "a\t1\n# case-sensitive: yes\nA\t2\n")
    }
}

@Test func htmlFormatUsesThisReader() {
    #expect(Readers.reader(for: .html) is HTMLReader)
}

// MARK: Test utilities

private extension String {
    func replacingLineFeedsWithCRLF() -> String {
        var result = ""
        for scalar in unicodeScalars {
            if scalar == "\n" { result += "\r\n" } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
