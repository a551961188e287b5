/// BOI001: a paragraph of website chrome copied with the article ("Subscribe to our channel in
/// Telegram", "Read also: …", "Photo: …", a cookie notice), from Dictionaries/phrases/boilerplate.tsv.
public struct SiteBoilerplateRule: Rule {
    public static let description = RuleDescription(
        code: "BOI001",
        name: "site-boilerplate",
        category: .boilerplate,
        severity: .warning,
        summary: "A paragraph of website chrome left in the article: “Subscribe to our channel”, “Read also:”, “Share on Facebook”, “Photo:”.",
        rationale: """
            Articles taken from a website for translation bring its chrome along: calls to subscribe \
            to a Telegram channel, “Read also:” teasers, share buttons, photo credits, comment forms, \
            cookie notices, breadcrumbs. None of it belongs in the translated article. A paragraph \
            (a block of lines between blank lines) is flagged whole when it opens with a pattern from \
            Dictionaries/phrases/boilerplate.tsv, or contains one and is short (at most \(Self.shortParagraphWords) \
            words), so an article paragraph that merely mentions a photo, cookies or Telegram is left alone.
            """,
        fixApplicability: .unsafe,
        fixSafety: "Deleting the paragraph removes all of it, and a credit or teaser may share a paragraph with article text; the emptied paragraph's blank line stays.",
        triggering: [
            "Shelling resumed overnight.\n\n⟦Read also: Kyiv restores power to 200,000 homes⟧\n\nRepairs continue.",
            "⟦Subscribe to our channel in Telegram!⟧\n\nThe talks resumed on Monday.",
            "The talks resumed on Monday.\n\n⟦Photo: Reuters⟧",
            "⟦Home » News » Politics⟧\n\nThe talks resumed on Monday.",
            "⟦This site uses Akismet to reduce spam.⟧\n\n⟦Share on Facebook⟧",
        ],
        nonTriggering: [
            "The talks resumed on Monday.\n\nRepairs continue.",
            "The talks resumed on Monday, officials said. Read also: the full statement, published by the ministry, runs to forty pages.",
            "The bakery, which sold cookies and bread before the war, reopened on Monday after repairs that took volunteers more than three months; its owner said customers had followed the work on Telegram. Photo: the owner said nothing.",
            "Reporters were told to read the statement in full.",
            "He said the photo showed the damaged bridge.",
            "The minister said a photo by a Reuters journalist showed the damaged bridge, and officials shared it on Telegram within hours.",
        ],
        fixes: [
            FixExample("Shelling resumed.\n\nRead also: Power restored\n\nRepairs continue.\n", "Shelling resumed.\n\n\n\nRepairs continue.\n"),
            FixExample("Shelling resumed.\n\nPhoto: Reuters\n", "Shelling resumed.\n\n\n"),
            FixExample("Shelling resumed.\nRead also: Power restored\nRepairs continue.\n", "Shelling resumed.\nRepairs continue.\n"),
        ]
    )

    /// Paragraphs with at most this many words are flagged wherever the pattern occurs in them.
    static let shortParagraphWords = 12

    private let table: PhraseTable
    private let kinds: [String]

    public init(dictionaries: DictionaryStore) throws {
        table = try PhraseTable.of(dictionaries, "phrases/boilerplate.tsv")
        kinds = try table.required("kind")
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        var paragraphIndex = 0
        var lastFlagged = -1
        for match in table.matcher.matches(in: analysis) {
            while paragraphIndex < analysis.paragraphs.count && analysis.paragraphs[paragraphIndex].range.upperBound < match.range.upperBound {
                paragraphIndex += 1
            }
            guard paragraphIndex < analysis.paragraphs.count, paragraphIndex != lastFlagged else { continue }
            let paragraph = analysis.paragraphs[paragraphIndex]
            guard paragraph.range.lowerBound <= match.range.lowerBound, !paragraph.sentences.isEmpty else { continue }
            let first = analysis.sentences[paragraph.sentences.lowerBound]
            let opensParagraph = match.tokens.lowerBound == first.tokens.lowerBound
            guard opensParagraph || wordCount(analysis, paragraph) <= Self.shortParagraphWords else { continue }
            lastFlagged = paragraphIndex
            // A blank line around a paragraph is not in the prose every format maps back exactly,
            // so the fix deletes the paragraph's text and leaves its blank line; a single line
            // break after a line of its own goes with the line.
            let pattern = analysis.text(of: match.range)
            findings.report(paragraph.range, "“\(pattern)” marks website chrome (\(kinds[match.phrase])), not article text",
                            fixTitle: "Delete the paragraph", edits: [ProseEdit(analysis.widenedToLineBreak(paragraph.range), "")])
        }
    }

    private func wordCount(_ analysis: Analysis, _ paragraph: ParagraphSpan) -> Int {
        var count = 0
        for sentence in analysis.sentences[paragraph.sentences] {
            for index in sentence.tokens where analysis.tokens[index].kind == .word { count += 1 }
        }
        return count
    }
}
