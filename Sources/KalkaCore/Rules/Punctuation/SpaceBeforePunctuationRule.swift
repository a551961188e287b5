/// PUN002: a space before a comma, full stop, colon, semicolon, exclamation or question mark
/// ("Kyiv , the capital"), as French typography and careless MT output put it. The finding is
/// on the mark; the fix deletes the white space before it.
public struct SpaceBeforePunctuationRule: Rule {
    public static let description = RuleDescription(
        code: "PUN002",
        name: "space-before-punctuation",
        category: .punctuation,
        severity: .warning,
        summary: "A space before a comma, full stop, colon, semicolon, exclamation or question mark.",
        rationale: """
            English sets , . : ; ! ? tight against the word before them. A space there comes from \
            French typography, from text assembled out of fragments, or from a translation tool \
            that tokenized the sentence and joined it back badly, and it can leave the mark alone \
            at the start of a line. An ellipsis (“and so on ...”), a mark that starts a token \
            (“.NET”, “.5”), a space after an opening bracket or quote and marks after other marks \
            (“? !”) are left alone.
            """,
        fixApplicability: .safe,
        fixSafety: "Deleting white space before the mark changes no word and no meaning.",
        triggering: [
            "Kyiv ⟦,⟧ the capital, was shelled overnight.",
            "The talks ended without agreement ⟦.⟧",
            "He listed three demands ⟦:⟧ a ceasefire, an exchange, elections.",
            "Why did the talks fail ⟦?⟧ Nobody would say.",
            "“We will win ⟦!⟧” he told the crowd.",
            "Prices rose sharply  ⟦;⟧ wages did not.",
        ],
        nonTriggering: [
            "Kyiv, the capital, was shelled overnight.",
            "He paused ... and then went on.",
            "... and that was all he said.",
            "The company moved its platform to .NET in 2019.",
            "The rate fell to .5 percent.",
            "He wrote “ ?” in the margin.",
            "Really? ! That was the answer.",
            "U.S. officials met at 5:40 a.m. and agreed on a 3.7% rise.",
            "Kyiv said so.\n\n, and more",
        ],
        fixes: [
            FixExample("Kyiv , the capital , was shelled .", "Kyiv, the capital, was shelled."),
            FixExample("Why ?! Nobody knows .", "Why?! Nobody knows."),
        ]
    )

    public init(dictionaries: DictionaryStore) throws {}

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        let prose = analysis.prose
        var index = 1
        while index + 1 < tokens.count {
            defer { index += 1 }
            let space = tokens[index]
            guard space.kind == .space, !space.isParagraphBreak else { continue }
            let mark = tokens[index + 1]
            guard mark.kind == .punctuation, mark.length == 1, Self.isTightMark(prose[Int(mark.start)]) else { continue }
            // Something to attach to: a word, a number or a closing quote or bracket.
            let previous = tokens[index - 1]
            guard !previous.isParagraphBreak,
                  previous.kind == .word || previous.kind == .number || analysis.isClosingMark(previous) else { continue }
            // The run of marks (“?!”) must end the word: at a space, a closing mark or the end.
            var runEnd = Int(mark.end)
            while runEnd < prose.count, Self.isTightMark(prose[runEnd]) { runEnd += 1 }
            let first = prose[Int(mark.start)]
            if first == 0x2E && runEnd - Int(mark.start) >= 2 { continue } // an ellipsis “...”, or “..”
            let after = analysis.byteAt(runEnd)
            switch after {
            case 0, 0x20, 0x09, 0x0A, 0x22, 0x27, 0x5D: break
            case 0x29: if first == 0x3A || first == 0x3B { continue } // “:)”
            case 0xE2:
                // ” ’ or a space character after the run.
                guard analysis.byteAt(runEnd + 1) == 0x80 || analysis.byteAt(runEnd + 1) == 0x81 else { continue }
            case 0xC2:
                guard analysis.byteAt(runEnd + 1) == 0xBB || analysis.byteAt(runEnd + 1) == 0xA0 else { continue }
            default: continue
            }
            // The space must sit right before the mark in the source too: not before an element
            // the reader left out ("number <code>6512</code>.").
            guard analysis.document.map.exactSourceRange(ofProse: Int(space.start)..<Int(mark.end)) != nil else { continue }
            let markText = analysis.text(of: mark)
            findings.report(mark.range, "Space before “\(markText)”",
                            fixTitle: "Delete the space before “\(markText)”",
                            edits: [ProseEdit(space.range, "")])
        }
    }

    /// , . : ; ! ?
    @inline(__always)
    static func isTightMark(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2C, 0x2E, 0x3A, 0x3B, 0x21, 0x3F: return true
        default: return false
        }
    }
}
