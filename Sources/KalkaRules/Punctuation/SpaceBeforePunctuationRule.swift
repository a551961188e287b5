import KalkaKnowledge
import KalkaModel
import KalkaText

/// PUN002: a space before a comma, full stop, colon, semicolon, exclamation or question mark
/// ("Kyiv , the capital"), as French typography and careless MT output put it, and before the
/// hyphen of a prefixed compound ("anti -corruption"). The finding is on the mark; the fix
/// deletes the white space before it.
///
/// Not reported: a spaced ellipsis (". . ."), and the colon of page metadata: a label of one to
/// three words opening a line, with a date or time after the colon ("Last modified : 3 February
/// 2021"), as some sites' templates set it.
public struct SpaceBeforePunctuationRule: Rule {
    public static let description = RuleDescription(
        code: "PUN002",
        name: "space-before-punctuation",
        category: .punctuation,
        severity: .warning,
        summary: "A space before a comma, full stop, colon, semicolon, exclamation or question mark, or before the hyphen of a prefixed compound.",
        rationale: """
            English sets , . : ; ! ? tight against the word before them. A space there comes from \
            French typography, from text assembled out of fragments, or from a translation tool \
            that tokenized the sentence and joined it back badly, and it can leave the mark alone \
            at the start of a line; the same joining puts a space inside a compound \
            (“anti -corruption”). An ellipsis (“and so on ...”, “. . .”), a mark that starts a \
            token (“.NET”, “.5”), a space after an opening bracket or quote, marks after other \
            marks (“? !”) and the colon of page metadata, a short label opening a line with a \
            date or time after it (“Last modified : 3 February 2021”, as some site templates set \
            it), are left alone.
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
            "Parliament created an anti ⟦-⟧corruption court.",
            "Photo ⟦:⟧ the regional administration.",
            "PHOTO ⟦:⟧ press service of the brigade",
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
            "The envoy paused . . . and went on.",
            "Last modified : 3 February 2021, 08:15\nFIRST RUN : Sunday",
            "Pre- and post-war figures differ; the war -it seems- goes on.",
        ],
        fixes: [
            FixExample("Kyiv , the capital , was shelled .", "Kyiv, the capital, was shelled."),
            FixExample("Why ?! Nobody knows .", "Why?! Nobody knows."),
            FixExample("An anti -corruption court.", "An anti-corruption court."),
        ]
    )

    /// Prefixes joined to a word by a hyphen: a space before that hyphen is a slip.
    private let prefixes = WordSet([
        "anti", "multi", "non", "pro", "pre", "post", "co", "ex", "self", "semi", "counter", "inter", "intra",
        "over", "under", "sub", "super", "ultra", "vice", "quasi", "pseudo", "neo", "mid", "mini", "mega",
        "micro", "macro", "socio", "geo", "bio", "eco", "cyber", "euro", "trans", "cross", "extra", "infra",
    ])

    public init(dictionaries: DictionaryStore) throws {}

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        let prose = analysis.prose
        // From the document's marks (`TokenKindIndex`), each with the token before it.
        for markIndex in analysis.markTokens where markIndex >= 2 {
            let index = markIndex - 1
            let space = tokens[index]
            guard space.kind == .space, !space.isParagraphBreak else { continue }
            let mark = tokens[index + 1]
            if analysis.isCharacter(mark, 0x2D) {
                prefixHyphen(analysis, space: index, into: &findings)
                continue
            }
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
            // A spaced ellipsis “. . .”.
            if first == 0x2E && analysis.byteAt(runEnd) == 0x20 && analysis.byteAt(runEnd + 1) == 0x2E { continue }
            // The colon of page metadata (“Last modified : 3 February 2021”).
            if first == 0x3A && isMetadataLabel(analysis, endingAt: index - 1, colon: index + 1) { continue }
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

    /// “anti -corruption”: a prefix, a space, and a hyphen joined to the next word.
    private func prefixHyphen(_ analysis: Analysis, space: Int, into findings: inout Findings) {
        let tokens = analysis.tokens
        let previous = tokens[space - 1], hyphen = tokens[space + 1]
        guard space + 2 < tokens.count, previous.kind == .word, prefixes.contains(previous),
              tokens[space + 2].kind == .word, tokens[space + 2].start == hyphen.end,
              analysis.document.map.exactSourceRange(ofProse: Int(tokens[space].start)..<Int(hyphen.end)) != nil else { return }
        findings.report(hyphen.range, "Space before the hyphen in “\(analysis.text(of: Int(previous.start)..<Int(tokens[space + 2].end)))”",
                        fixTitle: "Delete the space before the hyphen", edits: [ProseEdit(tokens[space].range, "")])
    }

    /// Whether the colon at `colon` ends a metadata label: one to three words (and spaces) back to
    /// the line start, and a date or time among the six tokens after the colon on its line (a
    /// month or weekday, a figure with a point, colon or slash in it or after it, or a year).
    private func isMetadataLabel(_ analysis: Analysis, endingAt last: Int, colon: Int) -> Bool {
        let tokens = analysis.tokens
        var position = last
        var words = 0
        while position >= 0 && !tokens[position].isParagraphBreak {
            let token = tokens[position]
            // A line break read as a space starts the line too.
            if token.kind == .space && !analysis.isOneSourceLine(token.range) { break }
            if token.kind == .word {
                words += 1
                if words > 3 { return false }
            } else if token.kind != .space {
                return false
            }
            position -= 1
        }
        guard words > 0 else { return false }
        position = colon + 1
        while position < tokens.count && position - colon <= 6 && !tokens[position].isParagraphBreak {
            let token = tokens[position]
            if token.kind == .space && !analysis.isOneSourceLine(token.range) { break }
            if token.kind == .word && (CalendarWords.months.contains(token) || CalendarWords.weekdays.contains(token)) { return true }
            if token.kind == .number {
                if analysis.text(of: token).contains(where: { $0 == "." || $0 == ":" || $0 == "/" }) { return true }
                if token.length == 4, (1900...2099).contains(NumberText.digitValue(analysis.prose, token.range)) { return true }
                if position + 1 < tokens.count, analysis.isCharacter(tokens[position + 1], 0x3A) || analysis.isCharacter(tokens[position + 1], 0x2F) { return true }
            }
            position += 1
        }
        return false
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
