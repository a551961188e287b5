import KalkaKnowledge
import KalkaModel
import KalkaText

/// PUN003: two or more spaces in a row inside a sentence ("the  talks").
///
/// Not reported: indentation and line ends (a run that touches a line break in the source),
/// two spaces after a sentence's closing mark (the typewriter convention, a matter of house
/// style rather than an error), runs at a paragraph's edge, tabs, and HTML, whose rendering
/// collapses white space anyway.
public struct DoubledSpaceRule: Rule {
    public static let description = RuleDescription(
        code: "PUN003",
        name: "doubled-space",
        category: .punctuation,
        severity: .info,
        summary: "Two or more spaces in a row between the words of a sentence.",
        rationale: """
            A doubled space inside a sentence is a leftover of editing or of a translation tool \
            that dropped a word and kept the spaces around it; it shows in print and in \
            plain-text feeds. Two spaces after a full stop are an old typing convention, not an \
            error, and are left to house style; indentation at the start of a line is layout.
            """,
        fixApplicability: .safe,
        fixSafety: "Collapsing spaces to one inside a line changes nothing a reader sees but the gap.",
        triggering: [
            "Kyiv⟦  ⟧said the talks had failed.",
            "The ministers met in Riga⟦   ⟧on Tuesday, officials said.",
            "Prices rose,⟦  ⟧wages did not.",
        ],
        nonTriggering: [
            "Kyiv said the talks had failed.  Moscow disagreed.",
            "He asked why?  Nobody answered.",
            "“We will win.”  The crowd cheered.",
            "The list:\n    one item\n    another item",
            "Kyiv said the talks  \nhad failed.",
            "The ministers met\tin Riga.",
            "  Indented paragraph of text.",
            "Officials said  : the city was shelled.",
        ],
        fixes: [
            FixExample("Kyiv  said the  talks had failed.", "Kyiv said the talks had failed."),
        ]
    )

    public init(dictionaries: DictionaryStore) throws {}

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        guard analysis.document.format != .html else { return }
        let tokens = analysis.tokens
        let prose = analysis.prose
        // From the spaces of two bytes or more (`TokenKindIndex`), not every token.
        for index in TokenKindIndex.of(analysis).longSpaces.lazy.map(Int.init) where index >= 1 && index + 1 < tokens.count {
            let space = tokens[index]
            guard space.kind == .space, space.length >= 2, !space.isParagraphBreak else { continue }
            let previous = tokens[index - 1], next = tokens[index + 1]
            guard !previous.isParagraphBreak, !next.isParagraphBreak, next.kind != .space else { continue }
            // Before , . : ; ! ? the space goes entirely (PUN002).
            if next.length == 1, SpaceBeforePunctuationRule.isTightMark(prose[Int(next.start)]) { continue }
            // Spaces only (a tab aligns; a no-break space is deliberate).
            var allSpaces = true
            for offset in space.range where prose[offset] != 0x20 { allSpaces = false; break }
            guard allSpaces else { continue }
            // Inside one source line: not a line end followed by indentation.
            guard analysis.isOneSourceLine(Int(previous.end) - 1..<Int(next.start) + 1) else { continue }
            // Not after the end of a sentence.
            if endsSentence(previous, at: index - 1, analysis) { continue }
            findings.report(space.range, "\(space.length) spaces in a row",
                            fixTitle: "Use one space", edits: [ProseEdit(space.range, " ")])
        }
    }

    /// True when the token is . ! ? … or a closing quote or bracket after one of them.
    private func endsSentence(_ token: Token, at index: Int, _ analysis: Analysis) -> Bool {
        var index = index
        var token = token
        while analysis.isClosingMark(token), index > 0 {
            index -= 1
            token = analysis.tokens[index]
        }
        if token.length == 1 {
            let byte = analysis.prose[Int(token.start)]
            return byte == 0x2E || byte == 0x21 || byte == 0x3F
        }
        // “…”
        return token.length == 3 && analysis.prose[Int(token.start)] == 0xE2 && analysis.prose[Int(token.start) + 1] == 0x80
            && analysis.prose[Int(token.start) + 2] == 0xA6
    }
}
