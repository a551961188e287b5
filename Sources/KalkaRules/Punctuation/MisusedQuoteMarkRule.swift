import KalkaKnowledge
import KalkaModel
import KalkaText

/// PUN010: a quotation mark set the wrong way round or in the wrong place: a space before a
/// closing mark (“… in the city. ””), a closing mark doubled (“route””,”), an opening mark “ where
/// the quotation closes (“… they got, “said X”), a closing mark ” where one opens (“said ”We…”),
/// and a capital left in mid-sentence where an opening mark was lost (“insisted that We …”).
///
/// Only curly double quotes are judged by their shape; a straight " is reported when it is
/// doubled after a word or stands after a space at the end of a quotation that closes a sentence.
/// Paragraphs with „low-high“ quotes are PUN001's.
public struct MisusedQuoteMarkRule: Rule {
    public static let description = RuleDescription(
        code: "PUN010",
        name: "misused-quote-mark",
        category: .punctuation,
        severity: .warning,
        summary: "A quotation mark the wrong way round, misplaced or lost: a space before a closing mark, a doubled closing mark, “ closing a quotation, ” opening one, or “said that The…”.",
        rationale: """
            Quotations that pass through a translation tool and a content system lose their \
            marks' shape and spacing: the closing mark drifts away from the last word (“… in the \
            city. ””), doubles up (“…route””), or comes back as an opening mark (“…, “said the \
            coach”) — and an opening mark comes back as a closing one (“said ”We…”). Where the \
            opening mark is lost altogether, the quotation's capital stays in mid-sentence \
            (“the coach insisted that We are ready”); a title that starts there (“noted that \
            All the President’s Men…”) is left alone. Readers stumble, and search and \
            quote-pairing tools misread where the quotation ends.
            """,
        fixApplicability: .safe,
        fixSafety: "Only quotation marks and the space next to them change: the space goes, the doubled mark goes, a mark takes the shape its position demands. A lost mark has no fix: where the quotation starts is the editor's call.",
        triggering: [
            "“We will rebuild the bridge by winter.⟦ ”⟧\n\nThe mayor left.",
            "“The bridge will stand…⟦ ”⟧ said the engineer.",
            "“The trams are back on the route⟦””⟧, the operator wrote.",
            "“We did what we could, and more,⟦ “⟧said the coach.",
            "The coach said ⟦”⟧We did what we could⟦“⟧ and left.",
            "“We did what we could⟦“⟧ the coach said.",
            "\"The bridge will reopen⟦\"\"⟧, the mayor said.",
            "Before the final the coach insisted ⟦that We⟧ are ready for anything.",
        ],
        nonTriggering: [
            "“We will rebuild the bridge by winter.”\n\nThe mayor left.",
            "“Go,” he said. “Now.”",
            "He called it “the best option” and left.",
            "The so-called „peace plan“ was rejected.",
            "The screen is 12\" wide.",
            "She said: “Yes.” Then: “No.”",
            "Ukraine”s allies met.",
            "The court said that The Hague would rule.",
            "“We will go on . . . ” he said.",
            "He said that I was wrong and that In 2020 nothing changed.",
            "He noted that All the President’s Men was his favourite film.",
            "\"We will go on . . . \" he said.",
        ],
        fixes: [
            FixExample("“We will rebuild it. ”", "“We will rebuild it.”"),
            FixExample("“The trams are back””, he wrote.", "“The trams are back”, he wrote."),
            FixExample("“We did what we could, “said the coach.", "“We did what we could,” said the coach."),
            FixExample("The coach said ”We did it“ and left.", "The coach said “We did it” and left."),
        ]
    )

    private let verbs: ReportingVerbs
    private let that = FoldedHash.of("that")
    /// Words that open a quoted sentence but, capitalized after “that”, cannot be a name.
    private let sentenceOpeners = WordSet([
        "the", "this", "these", "those", "we", "our", "it", "its", "they", "their", "there", "he", "she", "his",
        "her", "you", "your", "all", "every", "now", "today", "such", "some", "many", "most", "no", "not",
    ])
    /// Small words of a title, which may stand between its capitalized words (“All the
    /// President’s Men”, “This Is the End”).
    private let titleWords = WordSet(["the", "a", "an", "of", "in", "on", "and", "is", "with", "to", "for", "at", "by", "from"])

    public init(dictionaries: DictionaryStore) throws {
        verbs = try ReportingVerbs.load(dictionaries)
    }

    /// “insisted that We are…”: a reporting verb, “that”, a capitalized sentence opener, then a
    /// lower-case word (so “that The Hague” stays quiet), not a title's small word before a
    /// capital (“that All the President’s Men”).
    private func lostOpeningMarks(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        // From the occurrences of “that” (`WordIndex`), two tokens after the verb.
        for thatIndex in WordIndex.of(analysis).occurrences(of: that) {
            let index = thatIndex - 2
            guard index >= 0, index + 6 < tokens.count else { continue }
            let verb = tokens[index]
            guard verb.kind == .word, verb.shape == .lower, verbs.all.contains(verb),
                  tokens[index + 1].kind == .space, !tokens[index + 1].isParagraphBreak,
                  tokens[index + 2].shape == .lower,
                  tokens[index + 3].kind == .space, !tokens[index + 3].isParagraphBreak else { continue }
            let opener = tokens[index + 4]
            guard opener.shape == .title, sentenceOpeners.contains(opener),
                  tokens[index + 5].kind == .space, !tokens[index + 5].isParagraphBreak,
                  tokens[index + 6].kind == .word, tokens[index + 6].shape == .lower else { continue }
            if titleWords.contains(tokens[index + 6]), let next = analysis.nextNonSpace(after: index + 6),
               tokens[next].kind == .word, tokens[next].shape == .title || tokens[next].shape == .upper { continue }
            let range = Int(tokens[index + 2].start)..<Int(opener.end)
            findings.report(range, "“\(analysis.text(of: opener))” capitalized after “that”: an opening quotation mark was probably lost")
        }
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        lostOpeningMarks(analysis, into: &findings)
        // The marks ” “ " and „ (memchr for ", the document's non-ASCII offsets for the
        // others), grouped by line: a line with a mark and no „ (which puts it in another
        // style) goes on to `checkLine`, which visits its marks alone.
        let prose = analysis.prose
        var marks: [Int] = []
        analysis.forEachOffset(ofASCII: 0x22) { marks.append($0) }
        for offset in analysis.nonASCIIOffsets.lazy.map(Int.init)
        where prose[offset] == 0xE2 && offset + 2 < prose.count && prose[offset + 1] == 0x80 {
            switch prose[offset + 2] {
            case 0x9C, 0x9D, 0x9E: marks.append(offset)
            default: break
            }
        }
        marks.sort()
        var newlines: [Int] = []
        analysis.forEachOffset(ofASCII: 0x0A) { newlines.append($0) }
        var nextNewline = 0, first = 0
        while first < marks.count {
            while nextNewline < newlines.count && newlines[nextNewline] < marks[first] { nextNewline += 1 }
            let lineStart = nextNewline > 0 ? newlines[nextNewline - 1] + 1 : 0
            let lineEnd = nextNewline < newlines.count ? newlines[nextNewline] : prose.count
            var end = first, lowHigh = false
            while end < marks.count && marks[end] < lineEnd {
                if prose[marks[end]] == 0xE2 && prose[marks[end] + 2] == 0x9E { lowHigh = true }
                end += 1
            }
            if !lowHigh { checkLine(lineStart..<lineEnd, marks[first..<end], analysis, into: &findings) }
            first = end
        }
    }

    private static let right: [UInt8] = [0xE2, 0x80, 0x9D]
    private static let left: [UInt8] = [0xE2, 0x80, 0x9C]

    private func isMark(_ prose: [UInt8], _ offset: Int, _ mark: [UInt8], end: Int) -> Bool {
        offset + 3 <= end && prose[offset] == mark[0] && prose[offset + 1] == mark[1] && prose[offset + 2] == mark[2]
    }

    /// The marks of one line (`marks`, its offsets of ” “ and ", in order).
    private func checkLine(_ line: Range<Int>, _ marks: ArraySlice<Int>, _ analysis: Analysis, into findings: inout Findings) {
        let prose = analysis.prose
        var offset = line.lowerBound
        // A mark passed over by the one before (a doubled mark) is not visited again.
        for mark in marks where mark >= offset {
            if isMark(prose, mark, Self.right, end: line.upperBound) {
                offset = closingCurly(at: mark, line, analysis, into: &findings)
            } else if isMark(prose, mark, Self.left, end: line.upperBound) {
                openingCurly(at: mark, line, analysis, into: &findings)
                offset = mark + 3
            } else if prose[mark] == 0x22 {
                offset = straight(at: mark, line, analysis, into: &findings)
            } else {
                offset = mark + 1
            }
        }
    }

    /// The start of the run of inline spaces that ends at `offset`.
    private func spacesStart(before offset: Int, _ analysis: Analysis) -> Int {
        var start = offset
        while TypographyClass.isInlineSpace(analysis.scalar(before: start)) {
            start -= analysis.scalar(before: start)!.utf8.count
        }
        return start
    }

    /// Whether the quotation is over after `offset`: the line ends, a mark follows, or a space
    /// and a lower-case word (“… ” said X”).
    private func closesHere(after offset: Int, _ analysis: Analysis, capitalAllowed: Bool) -> Bool {
        guard let next = analysis.scalar(at: offset) else { return true }
        if TypographyClass.isLetterOrDigit(next) { return false }
        if !TypographyClass.isInlineSpace(next) { return ",.;:!?)".unicodeScalars.contains(next) }
        var position = offset
        while TypographyClass.isInlineSpace(analysis.scalar(at: position)) { position += analysis.scalar(at: position)!.utf8.count }
        guard let word = analysis.scalar(at: position) else { return true }
        return word.properties.isLowercase || capitalAllowed || !word.properties.isAlphabetic
    }

    /// ” : doubled, after a space, or opening a quotation. Returns the offset to go on from.
    private func closingCurly(at offset: Int, _ line: Range<Int>, _ analysis: Analysis, into findings: inout Findings) -> Int {
        let prose = analysis.prose
        if isMark(prose, offset + 3, Self.right, end: line.upperBound) {
            let range = offset..<(offset + 6)
            findings.report(range, "Doubled closing quotation mark “””",
                            fixTitle: "Delete the second ”", edits: [ProseEdit((offset + 3)..<(offset + 6), "")])
            return offset + 6
        }
        let before = analysis.scalar(before: offset)
        let after = analysis.scalar(at: offset + 3)
        if TypographyClass.isInlineSpace(before) {
            let spaces = spacesStart(before: offset, analysis)
            let last = analysis.scalar(before: spaces)
            // A spaced ellipsis keeps its spaces: “… and so on . . . ”.
            let spacedEllipsis = last == "." && analysis.byteAt(spaces - 2) == 0x20 && analysis.byteAt(spaces - 3) == 0x2E
            if last != nil, !spacedEllipsis, !TypographyClass.isLetterOrDigit(after),
               TypographyClass.endsQuotation(last) || TypographyClass.isLetterOrDigit(last) && closesHere(after: offset + 3, analysis, capitalAllowed: false),
               analysis.hasNoSoftBreak(spaces..<(offset + 3)) {
                findings.report(spaces..<(offset + 3), "Space before the closing quotation mark",
                                fixTitle: "Delete the space before ”", edits: [ProseEdit(spaces..<offset, "")])
                return offset + 3
            }
        }
        if (before == nil || TypographyClass.isInlineSpace(before) || "([—–".unicodeScalars.contains(before!)),
           TypographyClass.isLetterOrDigit(after) {
            findings.report(offset..<(offset + 3), "Closing quotation mark ” where a quotation opens",
                            fixTitle: "Use an opening quotation mark “", edits: [ProseEdit(offset..<(offset + 3), "“")])
        }
        return offset + 3
    }

    /// “ : where a quotation closes.
    private func openingCurly(at offset: Int, _ line: Range<Int>, _ analysis: Analysis, into findings: inout Findings) {
        let before = analysis.scalar(before: offset)
        let after = analysis.scalar(at: offset + 3)
        // Tight after the last word or mark, with nothing quotable after it.
        if TypographyClass.isLetterOrDigit(before) || TypographyClass.endsQuotation(before),
           !TypographyClass.isLetterOrDigit(after), closesHere(after: offset + 3, analysis, capitalAllowed: true) {
            findings.report(offset..<(offset + 3), "Opening quotation mark “ where the quotation closes",
                            fixTitle: "Use a closing quotation mark ”", edits: [ProseEdit(offset..<(offset + 3), "”")])
            return
        }
        // “…, “said the coach”: after the quotation's last mark and a space, before a reporting verb.
        guard TypographyClass.isInlineSpace(before), TypographyClass.isLetterOrDigit(after) else { return }
        let spaces = spacesStart(before: offset, analysis)
        guard TypographyClass.endsQuotation(analysis.scalar(before: spaces)),
              let word = analysis.tokenIndex(containing: offset + 3), Int(analysis.tokens[word].start) == offset + 3,
              analysis.tokens[word].shape == .lower, verbs.all.contains(analysis.tokens[word]),
              analysis.hasNoSoftBreak(spaces..<(offset + 4)) else { return }
        findings.report(spaces..<(offset + 3), "Opening quotation mark “ where the quotation closes",
                        fixTitle: "Use a closing quotation mark ” before the space",
                        edits: [ProseEdit(spaces..<(offset + 3), "” ")])
    }

    /// " : doubled after a word, or after a space at the end of a quotation.
    private func straight(at offset: Int, _ line: Range<Int>, _ analysis: Analysis, into findings: inout Findings) -> Int {
        let prose = analysis.prose
        let before = analysis.scalar(before: offset)
        if offset + 1 < line.upperBound, prose[offset + 1] == 0x22 {
            let after = analysis.scalar(at: offset + 2)
            if TypographyClass.isLetterOrDigit(before) || TypographyClass.endsQuotation(before),
               !TypographyClass.isLetterOrDigit(after), analysis.scalar(at: offset + 2) != "\"" {
                findings.report(offset..<(offset + 2), "Doubled closing quotation mark “\"\"”",
                                fixTitle: "Delete the second \"", edits: [ProseEdit((offset + 1)..<(offset + 2), "")])
            }
            return offset + 2
        }
        if TypographyClass.isInlineSpace(before) {
            let spaces = spacesStart(before: offset, analysis)
            let last = analysis.scalar(before: spaces)
            // A spaced ellipsis keeps its spaces: "… and so on . . . ".
            let spacedEllipsis = last == "." && analysis.byteAt(spaces - 2) == 0x20 && analysis.byteAt(spaces - 3) == 0x2E
            if !spacedEllipsis, TypographyClass.endsQuotation(last), closesStraight(after: offset + 1, analysis),
               analysis.hasNoSoftBreak(spaces..<(offset + 1)) {
                findings.report(spaces..<(offset + 1), "Space before the closing quotation mark",
                                fixTitle: "Delete the space before \"", edits: [ProseEdit(spaces..<offset, "")])
            }
        }
        return offset + 1
    }

    /// After a straight " that follows a sentence's last mark and a space: the line ends, or a
    /// space and a lower-case word follow (an opening " is followed by the quotation itself).
    private func closesStraight(after offset: Int, _ analysis: Analysis) -> Bool {
        guard let next = analysis.scalar(at: offset) else { return true }
        guard TypographyClass.isInlineSpace(next) else { return false }
        guard let word = analysis.scalar(at: offset + next.utf8.count) else { return true }
        return word.properties.isLowercase
    }
}
