import Testing
import KalkaCore
@testable import KalkaEngine
@testable import KalkaOutput

/// The shared text helpers of the outputs: the one markup escaper in its three flavors, the one
/// digit grouping, and how `kalka normalize --explain` shows invisible characters.
@Suite struct OutputTextTests {
    static let sample = "a & b < c > d \"e\" 'f'\tg\nh\u{1}"

    @Test func markupFlavors() {
        #expect(Markup.escape(Self.sample, .xml) == "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;&#9;g&#10;h\u{FFFD}")
        #expect(Markup.escape(Self.sample, .html) == "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;\tg\nh\u{1}")
        #expect(Markup.escape(Self.sample, .htmlText) == "a &amp; b &lt; c &gt; d \"e\" 'f'\tg\nh\u{1}")
        #expect(Markup.escape("“Kyiv” Київ", .xml) == "“Kyiv” Київ")
    }

    @Test func anHTMLDocumentEscapesAFixReplacementAsText() {
        let document = HTMLReader().read(Array("<p>x</p>".utf8))
        #expect(document.escapeReplacement("Tom & \"Jerry\" <3") == "Tom &amp; \"Jerry\" &lt;3")
        #expect(PlainTextReader().read(Array("x".utf8)).escapeReplacement("a & b") == "a & b")
    }

    @Test(arguments: [(0, "0"), (7, "7"), (999, "999"), (1000, "1,000"), (65000, "65,000"), (1234567, "1,234,567"),
                      (-1234, "-1,234"), (-999, "-999")])
    func digitGrouping(_ value: Int, _ expected: String) {
        #expect(NumberText.grouped(value) == expected)
    }

    @Test func explanationsShowInvisibleCharactersOnly() {
        // A plain space is shown as it is; every other space, control, format or separator
        // character by its code point.
        #expect(NormalizationChange.visible("a b") == "a b")
        #expect(NormalizationChange.visible("a\u{A0}b\u{2009}c") == "a<U+00A0>b<U+2009>c")
        #expect(NormalizationChange.visible("\t\u{200B}\u{2028}\u{2029}") == "<U+0009><U+200B><U+2028><U+2029>")
    }
}
