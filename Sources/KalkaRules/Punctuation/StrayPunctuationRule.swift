import KalkaKnowledge
import KalkaModel
import KalkaText

/// PUN005: punctuation left behind where text was lost: a paragraph or line made only of marks
/// ("– .", ".", "—"), doubled terminal punctuation (",." ".." ",,"), a markup ">" left at the
/// start of a line against its first word (">Prime Minister"), and an emoji variation selector
/// (U+FE0F) whose emoji was removed.
///
/// Not reported: an ellipsis ("...", "…", on its own or not), a separator line of three or more
/// equal marks ("***", "---"), ".," (as in "U.S.,"), and ".." between digits.
public struct StrayPunctuationRule: Rule {
    public static let description = RuleDescription(
        code: "PUN005",
        name: "stray-punctuation",
        category: .punctuation,
        severity: .warning,
        summary: "A line of nothing but punctuation, doubled punctuation such as “,.” or “..”, a stray “>” opening a line, or an emoji variation selector left without its emoji.",
        rationale: """
            When a translation pipeline drops a clause or a caption, its punctuation often stays: \
            a paragraph that reads “– .”, a sentence ending “,.” or “..”. Readers see a slip, \
            and the lost text may need restoring; an ellipsis and separator lines such as “***” \
            are deliberate and stay quiet. Scrapers leave markup behind the same way: a “>” of a \
            quoted block glued to the first word of a line, and the invisible variation selector \
            U+FE0F of an emoji the pipeline stripped (“⚡️Attention” becoming “️Attention”), which \
            breaks search and spell-checking of the word it clings to.
            """,
        fixApplicability: .unsafe,
        fixSafety: """
            Removing the stray marks is almost always right, but text may have been lost with \
            them, so an editor should look before accepting it. An orphan variation selector is \
            invisible and selects nothing, so deleting it is safe.
            """,
        triggering: [
            "The talks ended.\n\n⟦– .⟧\n\nMoscow did not comment.",
            "The talks ended.\n\n⟦.⟧",
            "⟦—⟧\n\nMoscow did not comment.",
            "The talks ended⟦,.⟧ Moscow did not comment.",
            "The talks ended⟦..⟧ Moscow did not comment.",
            "Kyiv⟦,,⟧ Lviv and Odesa were hit.",
            "The talks ended.\n⟦– .⟧\nMoscow did not comment.",
            "The talks ended.\n\n⟦>⟧Moscow did not comment.",
        ],
        nonTriggering: [
            "The talks ended... Moscow did not comment.",
            "The talks ended.\n\n...\n\nMoscow did not comment.",
            "The talks ended.\n\n* * *\n\nMoscow did not comment.",
            "The talks ended.\n\n***\n\nMoscow did not comment.",
            "U.S., British and French officials met at 5:40 a.m. and agreed on a 3.7% rise.",
            "Kyiv – the capital – was shelled.",
            "The versions 1..5 were tested.",
            "The *Kyiv* — *Lviv* train left.",
            "See ../docs for details.",
            "The talks ended…. Moscow did not comment.",
            "The garbled caption read only ;;;;. and nothing else.",
            "> Moscow did not comment.",
            "The score was 3>2 and x > y.",
            "⚡\u{FE0F} Attention: an air raid alert. ❤\u{FE0F} 1\u{FE0F}\u{20E3}",
        ],
        fixes: [
            FixExample("The talks ended,. Moscow was silent.", "The talks ended. Moscow was silent."),
            FixExample("The talks ended.. Moscow was silent.", "The talks ended. Moscow was silent."),
            FixExample("The talks ended.\n\n– .\n\nMoscow was silent.", "The talks ended.\n\n\n\nMoscow was silent."),
            FixExample("The talks ended.\n– .\nMoscow was silent.", "The talks ended.\nMoscow was silent."),
            FixExample("The talks ended.\n>Moscow was silent.", "The talks ended.\nMoscow was silent."),
            FixExample("\u{FE0F}Attention: an alert.", "Attention: an alert."),
        ]
    )

    public init(dictionaries: DictionaryStore) throws {}

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        strayLines(analysis, into: &findings)
        doubledMarks(analysis, into: &findings)
        strayMarkup(analysis, into: &findings)
    }

    /// A ">" glued to the first word of a line, and U+FE0F after no emoji: visiting only the
    /// ">" (memchr) and the non-ASCII scalars starting with EF (`ProseIndex`), in order.
    private func strayMarkup(_ analysis: Analysis, into findings: inout Findings) {
        let prose = analysis.prose
        var angles: [Int] = []
        analysis.forEachOffset(ofASCII: 0x3E) { angles.append($0) }
        let nonASCII = analysis.nonASCIIOffsets
        var nextAngle = 0, nextNonASCII = 0
        while true {
            // Skips the non-ASCII scalars not opening with EF (the selector's first byte).
            while nextNonASCII < nonASCII.count && prose[Int(nonASCII[nextNonASCII])] != 0xEF { nextNonASCII += 1 }
            let offset: Int
            if nextAngle < angles.count && (nextNonASCII == nonASCII.count || angles[nextAngle] < Int(nonASCII[nextNonASCII])) {
                offset = angles[nextAngle]
                nextAngle += 1
            } else if nextNonASCII < nonASCII.count {
                offset = Int(nonASCII[nextNonASCII])
                nextNonASCII += 1
            } else {
                break
            }
            if prose[offset] == 0x3E, offset == 0 || prose[offset - 1] == 0x0A,
               let next = analysis.scalar(at: offset + 1), next.properties.isAlphabetic,
               analysis.isOneSourceLine(offset..<(offset + 2)) {
                findings.report(offset..<(offset + 1), "A stray “>” from markup at the start of the line",
                                fixTitle: "Delete the “>”", edits: [ProseEdit(offset..<(offset + 1), "")])
            } else if prose[offset] == 0xEF, analysis.byteAt(offset + 1) == 0xB8, analysis.byteAt(offset + 2) == 0x8F {
                // U+FE0F selects the emoji form of the character before it; after a letter, a
                // space or nothing, its emoji was removed.
                let before = analysis.scalar(before: offset)
                if before.map({ !$0.properties.isEmoji && $0 != "\u{200D}" && $0 != "\u{20E3}" }) ?? true {
                    findings.report(offset..<(offset + 3), "An emoji variation selector (U+FE0F) left without its emoji",
                                    fix: ProseFix(title: "Delete the variation selector", applicability: .safe,
                                                  edits: [ProseEdit(offset..<(offset + 3), "")]))
                }
            }
        }
    }

    /// Lines (runs between paragraph breaks and source line breaks) of nothing but marks.
    ///
    /// Such a line holds a mark, so the walk starts from the document's marks (`TokenKindIndex`),
    /// not from every token: from a mark it steps back to the line's start and on to its end,
    /// and stops at the first word or other token that makes the line prose, which for nearly
    /// every mark is its neighbour. Only the spaces passed on the way are looked up in the
    /// source map (a soft line break is a space standing for a line break of the source).
    private func strayLines(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        let map = analysis.document.map
        let kinds = TokenKindIndex.of(analysis)
        // Whether the token at `index` ends a line (it is then in neither line).
        func isBoundary(_ index: Int) -> Bool {
            if index == tokens.count || tokens[index].isParagraphBreak { return true }
            return tokens[index].kind == .space && map.holdsReplacedSource(tokens[index].range)
        }
        // Lines before this token index are decided.
        var decided = 0
        var punctuation = 0, symbols = 0
        while punctuation < kinds.punctuation.count || symbols < kinds.symbols.count {
            // The marks in token order: the punctuation and symbol lists merged.
            let mark: Int
            if symbols == kinds.symbols.count || (punctuation < kinds.punctuation.count && kinds.punctuation[punctuation] < kinds.symbols[symbols]) {
                mark = Int(kinds.punctuation[punctuation])
                punctuation += 1
            } else {
                mark = Int(kinds.symbols[symbols])
                symbols += 1
            }
            guard mark >= decided, !tokens[mark].isParagraphBreak, strayKind(tokens[mark], analysis) != nil else { continue }
            // Back to the line's start. A mark passed on the way was visited before this one and
            // its line found to be prose (a line of marks is decided whole, past this mark).
            var lineStart = mark
            var isProse = false
            while lineStart > 0 && !isBoundary(lineStart - 1) {
                WorkCounter.count(1)
                lineStart -= 1
                if tokens[lineStart].kind != .space { isProse = true; break }
            }
            guard !isProse else { continue }
            // On to its end: the marks after this one on the line are decided here.
            var lineEnd = mark + 1
            while !isBoundary(lineEnd) {
                WorkCounter.count(1)
                if tokens[lineEnd].kind != .space && strayKind(tokens[lineEnd], analysis) == nil { isProse = true; break }
                lineEnd += 1
            }
            decided = lineEnd
            guard !isProse else { continue }
            reportStrayLine(lineStart..<lineEnd, analysis, into: &findings)
        }
    }

    /// Reports the line of tokens `line`, all of them spaces or stray marks, unless it is an
    /// ellipsis or a separator.
    private func reportStrayLine(_ line: Range<Int>, _ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        var first: Int?, last = 0
        var marks = 0, allSame = true, dotsOnly = true
        var firstByte: UInt8 = 0
        for position in line {
            let token = tokens[position]
            if token.kind == .space { continue }
            guard let kind = strayKind(token, analysis) else { return }
            if first == nil { first = position; firstByte = analysis.prose[Int(token.start)] }
            if analysis.prose[Int(token.start)] != firstByte || token.length != tokens[first!].length { allSame = false }
            if kind != .dot { dotsOnly = false }
            last = position
            marks += 1
        }
        guard let first else { return }
        if dotsOnly && marks >= 3 { return }          // an ellipsis “...”
        if dotsOnly && marks == 1 && tokens[first].length == 3 { return } // “…”
        if allSame && marks >= 3 { return }           // a separator “***”, “---”
        let range = Int(tokens[first].start)..<Int(tokens[last].end)
        let lineStart = line.lowerBound
        // Inside a paragraph, the line break before the line goes with it.
        var edit = range
        if lineStart > 0, !tokens[lineStart - 1].isParagraphBreak, tokens[lineStart - 1].kind == .space {
            edit = Int(tokens[lineStart - 1].start)..<range.upperBound
        } else if let paragraph = analysis.paragraph(containing: range.lowerBound), analysis.paragraphs[paragraph].range == range {
            // A line of its own: its line break goes with it.
            edit = analysis.widenedToLineBreak(range)
        }
        findings.report(range, "A line of nothing but punctuation: “\(analysis.text(of: range))”",
                        fixTitle: "Delete the stray punctuation", edits: [ProseEdit(edit, "")])
    }

    private enum StrayKind { case dot, other }

    /// Marks a lost clause leaves behind: . , ; : ! ? - – — … and *.
    private func strayKind(_ token: Token, _ analysis: Analysis) -> StrayKind? {
        guard token.kind == .punctuation || token.kind == .symbol else { return nil }
        let start = Int(token.start)
        let prose = analysis.prose
        if token.length == 1 {
            switch prose[start] {
            case 0x2E: return .dot
            case 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x2D, 0x2A: return .other
            default: return nil
            }
        }
        if token.length == 3, prose[start] == 0xE2, prose[start + 1] == 0x80 {
            switch prose[start + 2] {
            case 0xA6: return .dot                    // …
            case 0x93, 0x94, 0x92, 0x95: return .other // – — ‒ ―
            default: return nil
            }
        }
        return nil
    }

    /// ",." ";." ":." ",," and exactly two dots: two marks, not the end of a longer run (where
    /// deleting one mark would leave the same finding again).
    private func doubledMarks(_ analysis: Analysis, into findings: inout Findings) {
        let prose = analysis.prose
        // The first of two marks: , ; : or . (the second is a . or a ,).
        func isFirstMark(_ byte: UInt8) -> Bool { byte == 0x2C || byte == 0x2E || byte == 0x3B || byte == 0x3A }
        // The offsets of the first marks followed by a . or a , (found by memchr), in order; the
        // walk below skips those a finding covered.
        var pairs: [Int] = []
        for second: UInt8 in [0x2E, 0x2C] {
            analysis.forEachOffset(ofASCII: second) { if $0 > 0 && isFirstMark(prose[$0 - 1]) { pairs.append($0 - 1) } }
        }
        pairs.sort()
        var pairIndex = 0
        // The first pair at or after `start`, or the prose's length.
        func nextPair(from start: Int) -> Int {
            while pairIndex < pairs.count && pairs[pairIndex] < start { pairIndex += 1 }
            return pairIndex < pairs.count ? pairs[pairIndex] : prose.count
        }
        var offset = nextPair(from: 0)
        while offset + 1 < prose.count {
            let byte = prose[offset], next = prose[offset + 1]
            var stray: Range<Int>?
            if (byte == 0x2C || byte == 0x3B || byte == 0x3A) && next == 0x2E && analysis.byteAt(offset + 2) != 0x2E
                && analysis.byteAt(offset - 1) != byte {
                stray = offset..<offset + 1
            } else if byte == 0x2C && next == 0x2C && analysis.byteAt(offset + 2) != 0x2C && analysis.byteAt(offset - 1) != 0x2C {
                stray = offset + 1..<offset + 2
            } else if byte == 0x2E && next == 0x2E && analysis.byteAt(offset + 2) != 0x2E && analysis.byteAt(offset - 1) != 0x2E {
                let before = analysis.byteAt(offset - 1), after = analysis.byteAt(offset + 2)
                let digits = before &- 0x30 < 10 && after &- 0x30 < 10 || before == 0x2F || after == 0x2F
                // "…." is an ellipsis closing a sentence.
                let afterEllipsis = offset >= 3 && prose[offset - 3] == 0xE2 && prose[offset - 2] == 0x80 && prose[offset - 1] == 0xA6
                if !digits && !afterEllipsis { stray = offset + 1..<offset + 2 }
            }
            // The two marks must stand side by side in the source too, not around markup the
            // reader left out (“`a`, `b`” read as “, ,” in Markdown).
            guard let stray, analysis.isOneSourceLine(offset..<offset + 2) else {
                offset = nextPair(from: offset + 1)
                continue
            }
            let range = offset..<offset + 2
            findings.report(range, "Doubled punctuation “\(analysis.text(of: range))”",
                            fixTitle: "Delete “\(analysis.text(of: stray))”", edits: [ProseEdit(stray, "")])
            offset = nextPair(from: offset + 2)
        }
    }
}
