import Testing
import KalkaCore

/// Reads `markdown` and gives the document with its source bytes.
private func read(_ markdown: String) -> (doc: ProseDocument, source: [UInt8]) {
    let source = Array(markdown.utf8)
    return (MarkdownReader().read(source), source)
}

private func prose(_ markdown: String) -> String {
    String(decoding: read(markdown).doc.prose, as: UTF8.self)
}

/// The byte range of the first occurrence of `needle` in `haystack`.
private func range(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
    guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
    for start in 0...(haystack.count - needle.count) where haystack[start..<start + needle.count].elementsEqual(needle) {
        return start..<start + needle.count
    }
    return nil
}

/// The source text that the first occurrence of `phrase` in the prose maps back to.
private func sourceText(of phrase: String, in markdown: String) -> String? {
    let (doc, source) = read(markdown)
    guard let proseRange = range(of: Array(phrase.utf8), in: doc.prose) else { return nil }
    let sourceRange = doc.map.sourceRange(ofProse: proseRange)
    return String(decoding: source[sourceRange], as: UTF8.self)
}

/// Asserts the prose's structural contract: paragraphs separated by exactly "\n\n", no other
/// line feed, no carriage return, no leading or trailing break.
private func expectWellFormed(_ prose: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
    var index = 0
    while index < prose.count {
        if prose[index] == 0x0A {
            #expect(index > 0, "prose starts with a line feed", sourceLocation: sourceLocation)
            #expect(index + 1 < prose.count && prose[index + 1] == 0x0A, "lone line feed at \(index)", sourceLocation: sourceLocation)
            #expect(index + 2 < prose.count && prose[index + 2] != 0x0A, "more than two line feeds at \(index)", sourceLocation: sourceLocation)
            index += 2
            continue
        }
        #expect(prose[index] != 0x0D, "carriage return in prose at \(index)", sourceLocation: sourceLocation)
        index += 1
    }
}

@Suite("MarkdownReader")
struct MarkdownReaderTests {

    // MARK: Blocks

    @Test func paragraphsAreSeparatedByOneBreakAndSoftBreaksBecomeSpaces() {
        #expect(prose("One line\nwrapped here.\n\n\n\nSecond paragraph.\n") == "One line wrapped here.\n\nSecond paragraph.")
    }

    @Test func hardLineBreaksReadAsSpaces() {
        #expect(prose("Two spaces  \nthen text.\nBackslash\\\nthen more.") == "Two spaces then text. Backslash then more.")
        #expect(sourceText(of: "Backslash then", in: "Backslash\\\nthen") == "Backslash\\\nthen")
    }

    @Test func atxAndSetextHeadingsAreTheirOwnBlocks() {
        let text = prose("# Title #\nBody text.\n\nSetext title\n============\nMore body.\n\nSub\n---\n## \n")
        #expect(text == "Title\n\nBody text.\n\nSetext title\n\nMore body.\n\nSub")
        #expect(!text.contains("#"))
        #expect(!text.contains("==="))
    }

    @Test func thematicBreaksSeparateParagraphs() {
        #expect(prose("Before the break\n\n* * *\n\nAfter it\n___\nEnd") == "Before the break\n\nAfter it\n\nEnd")
    }

    @Test func yamlAndTomlFrontMatterAreSkipped() {
        let yaml = prose("---\ntitle: Secret Title\nauthor: nobody\n---\nThe article starts here.\n")
        #expect(yaml == "The article starts here.")
        let yamlDots = prose("---\ntags: [a]\n...\nBody.")
        #expect(yamlDots == "Body.")
        let toml = prose("+++\ntitle = \"Hidden\"\n+++\n\nBody text.")
        #expect(toml == "Body text.")
        // Only at the very start, and only when closed.
        #expect(prose("Intro.\n\n---\nkey: value\n---\n").contains("key: value"))
    }

    @Test func fencedCodeBlocksAreSkipped() {
        let text = prose("Intro text.\n\n```swift\nlet secret = 1\n```\n\n~~~~\ncode ~~~\n~~~\nstill code\n~~~~\nOutro text.")
        #expect(text == "Intro text.\n\nOutro text.")
    }

    @Test func unclosedFenceRunsToEndOfDocument() {
        #expect(prose("Visible.\n\n```\nhidden\n\nhidden too") == "Visible.")
    }

    @Test func fenceClosingNeedsAtLeastTheOpeningLength() {
        #expect(prose("````\n```\nstill code\n````\nAfter.") == "After.")
    }

    @Test func indentedCodeIsSkippedButNotAsParagraphContinuation() {
        #expect(prose("Para.\n\n    indented code\n    more code\n\nNext para.") == "Para.\n\nNext para.")
        #expect(prose("Para starts\n    and continues.") == "Para starts and continues.")
    }

    @Test func blockQuotesIncludingNestedOnes() {
        let markdown = "> Quoted first line\n> continues here.\n>\n> > Nested quote\n> > text.\n\nAfter."
        #expect(prose(markdown) == "Quoted first line continues here.\n\nNested quote text.\n\nAfter.")
        #expect(sourceText(of: "quote text", in: markdown) == "quote\n> > text")
    }

    @Test func lazyContinuationKeepsTheParagraph() {
        #expect(prose("> Quoted line\nlazy continuation.\n\nOutside.") == "Quoted line lazy continuation.\n\nOutside.")
    }

    @Test func listItemsAreBlocksAndMarkersAreSkipped() {
        let markdown = "- First item\n  wraps here.\n- Second item\n\n1. Ordered one\n2) Ordered two\n\n* Star\n+ Plus\n"
        let text = prose(markdown)
        #expect(text == "First item wraps here.\n\nSecond item\n\nOrdered one\n\nOrdered two\n\nStar\n\nPlus")
        #expect(sourceText(of: "item wraps", in: markdown) == "item\n  wraps")
    }

    @Test func nestedListsAndCodeInsideItems() {
        let markdown = "- Outer item\n\n  Second paragraph of item.\n\n  ```\n  code in item\n  ```\n  - Inner item\n"
        #expect(prose(markdown) == "Outer item\n\nSecond paragraph of item.\n\nInner item")
    }

    @Test func orderedListNotStartingAtOneDoesNotInterruptAParagraph() {
        #expect(prose("The year was\n1984. It rained.") == "The year was 1984. It rained.")
    }

    @Test func htmlBlocksAreSkipped() {
        let markdown = "Before.\n\n<div class=\"note\">\nInside div block.\n</div>\n\n<script>\nvar x = 1;\n\nalert(x)\n</script>\n\n<!--\nA comment\n\nover lines\n-->\nAfter."
        #expect(prose(markdown) == "Before.\n\nAfter.")
    }

    @Test func preBlockIsSkippedEvenWithBlankLines() {
        #expect(prose("<pre>\ncode\n\nmore code\n</pre>\nText.") == "Text.")
    }

    @Test func referenceDefinitionsAreSkipped() {
        let markdown = "See [the docs][docs] and [Guide].\n\n[docs]: https://example.com/docs \"Docs title\"\n[guide]:\n  <https://example.com/guide>\n  'Guide title'\n"
        let text = prose(markdown)
        #expect(text == "See the docs and Guide.")
    }

    @Test func footnotesStayText() {
        let text = prose("A claim.[^1]\n\n[^1]: The footnote text.")
        #expect(text == "A claim.[^1]\n\n[^1]: The footnote text.")
    }

    // MARK: Tables

    @Test func tableCellsAreOwnBlocksAndDelimiterRowIsSkipped() {
        let markdown = "Intro line.\n| Name | Капітал |\n|:-----|------:|\n| Ukraine | Київ |\n| With \\| pipe | `code` cell |\n\nAfter table."
        let text = prose(markdown)
        #expect(text == "Intro line.\n\nName\n\nКапітал\n\nUkraine\n\nКиїв\n\nWith | pipe\n\ncell\n\nAfter table.")
        #expect(!text.contains("---"))
        #expect(sourceText(of: "Київ", in: markdown) == "Київ")
        #expect(sourceText(of: "With | pipe", in: markdown) == "With \\| pipe")
    }

    @Test func tableWithoutOuterPipes() {
        #expect(prose("a | b\n--- | ---\nc | d\n") == "a\n\nb\n\nc\n\nd")
    }

    // MARK: Inlines

    @Test func codeSpansAreSkippedEvenAcrossLines() {
        #expect(prose("Call `secret()` now.") == "Call now.")
        #expect(prose("Use ``a ` tick`` here.") == "Use here.")
        #expect(prose("Span `over\nlines` ends.") == "Span ends.")
        #expect(prose("`Leading` code and trailing `code`") == "code and trailing")
        #expect(sourceText(of: "Call now", in: "Call `secret()` now.") == "Call `secret()` now")
        #expect(!prose("Span `over\nlines` ends.").contains("over"))
    }

    @Test func unclosedCodeSpanIsLiteral() {
        #expect(prose("A `lone backtick.") == "A `lone backtick.")
        #expect(prose("Two ``x` mismatched.") == "Two ``x` mismatched.")
    }

    @Test func emphasisDelimitersAreSkipped() {
        #expect(prose("Some *em* and **strong** and ***both*** and _under_ and __dunder__ and ~~gone~~.")
            == "Some em and strong and both and under and dunder and gone.")
        #expect(prose("A *multi\nline* emphasis.") == "A multi line emphasis.")
    }

    @Test func intrawordUnderscoresAndLoneStarsStayText() {
        #expect(prose("Call snake_case_name here.") == "Call snake_case_name here.")
        #expect(prose("Rate is 2 * 3 = 6.") == "Rate is 2 * 3 = 6.")
        #expect(prose("Intra*word*emphasis.") == "Intrawordemphasis.")
        #expect(prose("Unclosed *star here.") == "Unclosed *star here.")
    }

    @Test func linksKeepTheirTextOnly() {
        let text = prose("Read [the guide](https://example.com/guide \"Guide title\") and [more](</a b>).")
        #expect(text == "Read the guide and more.")
        #expect(!text.contains("example"))
        #expect(!text.contains("title"))
    }

    @Test func imagesKeepAltTextOnly() {
        let text = prose("Badge: [![Build status](https://ci.example/badge.svg)](https://ci.example).")
        #expect(text == "Badge: Build status.")
    }

    @Test func bracketsThatAreNotLinksStayText() {
        #expect(prose("An [aside] here and [x] (y).") == "An [aside] here and [x] (y).")
    }

    @Test func autolinksAreSkipped() {
        let text = prose("Visit <https://example.com/path> or mail <someone@example.org> today.")
        #expect(text == "Visit or mail today.")
        #expect(!text.contains("example"))
        // Skipping markup leaves no space before closing punctuation.
        #expect(prose("Mail me at <someone@example.org>. Or see `docs`, then.") == "Mail me at. Or see, then.")
    }

    @Test func spacesAroundSkippedMarkupMapToTheirSource() {
        let markdown = "Hello <em>world</em>, call `f()` now."
        #expect(prose(markdown) == "Hello world, call now.")
        #expect(sourceText(of: "world,", in: markdown) == "world</em>,")
        #expect(sourceText(of: "call now", in: markdown) == "call `f()` now")
    }

    @Test func inlineHTMLTagsAndCommentsAreSkipped() {
        let text = prose("Some <span class=\"x\">styled</span> text<!-- hidden note --> and<br/>more.")
        #expect(text == "Some styled text and more.")
        #expect(prose("Comment <!-- over\ntwo lines --> done.").contains("done."))
        #expect(!prose("Comment <!-- over\ntwo lines --> done.").contains("two"))
        #expect(prose("A <notatag and 3 < 4.") == "A <notatag and 3 < 4.")
    }

    @Test func escapesAndEntitiesAreDecoded() {
        #expect(prose("\\*not emphasis\\* and \\[not link\\]") == "*not emphasis* and [not link]")
        #expect(prose("AT&amp;T &lt;tag&gt; &quot;q&quot; caf&#233; &#x1F600; a&mdash;b &unknown; &#10;x") ==
            "AT&T <tag> \"q\" café 😀 a—b &unknown;  x")
    }

    // MARK: Source mapping

    @Test func entitiesMapBackToTheirSource() {
        let markdown = "Working at AT&amp;T since 2001&#8212;happily.\n"
        #expect(sourceText(of: "AT&T", in: markdown) == "AT&amp;T")
        #expect(sourceText(of: "—happily", in: markdown) == "&#8212;happily")
        #expect(sourceText(of: "since", in: markdown) == "since")
    }

    @Test func wordsAfterEscapesMapExactly() {
        let markdown = "A \\*literal\\* star and more."
        #expect(sourceText(of: "*literal*", in: markdown) == "\\*literal\\*")
        #expect(sourceText(of: "star and", in: markdown) == "star and")
    }

    @Test func linkTextMapsInsideTheBrackets() {
        let markdown = "Read [the **full** guide](https://example.com) today."
        #expect(prose(markdown) == "Read the full guide today.")
        #expect(sourceText(of: "full", in: markdown) == "full")
        #expect(sourceText(of: "guide today", in: markdown) == "guide](https://example.com) today")
    }

    @Test func nestedQuoteAndListSoftBreaksMapToMarkers() {
        let markdown = "> - Item in quote\n>   wrapped line.\n"
        #expect(prose(markdown) == "Item in quote wrapped line.")
        #expect(sourceText(of: "quote wrapped", in: markdown) == "quote\n>   wrapped")
    }

    @Test func multibyteTextAndEmojiMapExactly() {
        let markdown = "# Столиця\n\nМісто *Київ* 🇺🇦 стоїть на Дніпрі 🙂.\n"
        #expect(sourceText(of: "Київ", in: markdown) == "Київ")
        #expect(sourceText(of: "🙂.", in: markdown) == "🙂.")
        #expect(sourceText(of: "🇺🇦 стоїть", in: markdown) == "🇺🇦 стоїть")
        #expect(sourceText(of: "Столиця", in: markdown) == "Столиця")
    }

    @Test func everyVerbatimByteMapsToAnEqualSourceByte() {
        let markdown = "Intro with **bold** and [link](url) and `code`.\n\n> Quoted *text*\n> here.\n\n| A | B |\n|---|---|\n| c | d |\n"
        let (doc, source) = read(markdown)
        for index in doc.prose.indices where doc.prose[index] != 0x0A && doc.prose[index] != 0x20 {
            let mapped = doc.map.sourceRange(ofProse: index..<index + 1)
            #expect(mapped.count == 1 && source[mapped.lowerBound] == doc.prose[index], "prose byte \(index)")
        }
    }

    // MARK: Whole documents

    private static let mixedDocument = """
        ---
        title: Mixed
        ---
        # Heading with *emphasis*

        A paragraph with a [link](https://example.com "t"), `code`, and an entity &amp; more.
        It wraps  
        with a hard break.

        > Quote line one
        > > nested *quote* line
        lazy line

        - item one
          continued
        - item two

          second paragraph
        1. ordered

        ```python
        print("hidden")
        ```

            indented code

        <div>
        html block
        </div>

        | H1 | H2 |
        |----|----|
        | a  | b  |

        Setext
        ------
        Final <span>words</span> here.\\
        done.

        [ref]: https://example.com
        """

    @Test func mixedDocumentHasOnlyParagraphBreaks() {
        let (doc, _) = read(Self.mixedDocument)
        expectWellFormed(doc.prose)
        let text = String(decoding: doc.prose, as: UTF8.self)
        for word in ["Heading with emphasis", "entity & more. It wraps with a hard break.", "nested quote line lazy line",
                     "item one continued", "second paragraph", "ordered", "H1", "Setext", "Final words here. done."] {
            #expect(text.contains(word), "missing \(word)")
        }
        for hidden in ["title: Mixed", "example.com", "code", "hidden", "indented", "html block", "div", "span", "ref]", "---", "```"] {
            #expect(!text.contains(hidden), "leaked \(hidden)")
        }
    }

    @Test func crlfReadsLikeLF() {
        let lf = Self.mixedDocument
        let crlf = lf.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        let (lfDoc, _) = read(lf)
        let (crlfDoc, crlfSource) = read(crlf)
        #expect(crlfDoc.prose == lfDoc.prose)
        expectWellFormed(crlfDoc.prose)
        let lazy = range(of: Array("lazy line".utf8), in: crlfDoc.prose)!
        let mapped = crlfDoc.map.sourceRange(ofProse: lazy)
        #expect(String(decoding: crlfSource[mapped], as: UTF8.self) == "lazy line")
        let wrap = range(of: Array("wraps with".utf8), in: crlfDoc.prose)!
        #expect(String(decoding: crlfSource[crlfDoc.map.sourceRange(ofProse: wrap)], as: UTF8.self) == "wraps  \r\nwith")
    }

    @Test func malformedInputNeverCrashes() {
        let inputs = [
            "", "\n", "\r", "\r\n\r\n", "#", "######", "#######", ">", "> >", "-", "1.", "*", "**", "***", "[", "]", "![",
            "[a](", "[a](<", "[a](b \"", "`", "``", "<", "<!--", "<?", "<!X", "<![CDATA[", "&", "&#", "&#x;", "&#99999999;",
            "&#xD800;", "|", "| a |\n|", "|---|", "---", "+++", "\\", "a\\", "~~~", "```", "<div", "<a href=\"", "_a_b_c_",
            "*a **b* c**", "[[[]]]", "[a]: ", "[a]:\n", "\u{00E9}*\u{00E9}*", "- \n- \n  \n", "    ", "\t- a\n\t\tb",
            String(repeating: "*a ", count: 500), String(repeating: "[", count: 500) + String(repeating: "]", count: 500),
            String(repeating: "`", count: 300), String(repeating: "<a b=\"", count: 300), String(repeating: "> ", count: 200) + "deep",
            String(repeating: "- ", count: 200) + "deep",
        ]
        for input in inputs {
            let (doc, _) = read(input)
            expectWellFormed(doc.prose)
        }
    }

    @Test func largeInputOfUnterminatedConstructsKeepsTheContract() {
        // Thousands of constructs that never close: the reader still ends with well-formed prose
        // that keeps the words (how fast is the benchmark's business, not a test's).
        let chunk = "Text *with `ticks [and <a x=\"open &amp; <!-- **more** _under_ ![img]( "
        let markdown = String(repeating: chunk, count: 4000)
        let (doc, _) = read(markdown)
        expectWellFormed(doc.prose)
        #expect(String(decoding: doc.prose.prefix(4), as: UTF8.self) == "Text")
    }
}
