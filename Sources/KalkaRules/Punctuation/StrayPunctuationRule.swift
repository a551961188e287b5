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

    /// A ">" glued to the first word of a line, and U+FE0F after no emoji.
    private func strayMarkup(_ analysis: Analysis, into findings: inout Findings) {
        let prose = analysis.prose
        var offset = Self.next(from: 0, in: analysis) { $0 == 0x3E || $0 == 0xEF }
        while offset < prose.count {
            defer { offset = Self.next(from: offset + 1, in: analysis) { $0 == 0x3E || $0 == 0xEF } }
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
                offset += 2
            }
        }
    }

    /// Lines (runs between paragraph breaks and source line breaks) of nothing but marks.
    private func strayLines(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        // Soft line breaks are the non-verbatim pieces of the source map; walk them alongside the
        // tokens (both in prose order) rather than searching for each space.
        var lineBreaks = SourceMap.ReplacedSourceCursor(analysis.document.map)
        var lineStart = 0
        var index = 0
        while index <= tokens.count {
            defer { index += 1 }
            let boundary: Bool
            if index == tokens.count || tokens[index].isParagraphBreak {
                boundary = true
            } else if tokens[index].kind == .space {
                boundary = lineBreaks.holdsReplacedSource(tokens[index].range)
            } else {
                boundary = false
            }
            guard boundary else { continue }
            defer { lineStart = index + 1 }
            // The line's tokens are lineStart..<index.
            var first: Int?, last = 0
            var marks = 0, allStray = true, allSame = true, dotsOnly = true
            var firstByte: UInt8 = 0
            for position in lineStart..<min(index, tokens.count) {
                let token = tokens[position]
                if token.kind == .space { continue }
                guard let kind = strayKind(token, analysis) else { allStray = false; break }
                if first == nil { first = position; firstByte = analysis.prose[Int(token.start)] }
                if analysis.prose[Int(token.start)] != firstByte || token.length != tokens[first!].length { allSame = false }
                if kind != .dot { dotsOnly = false }
                last = position
                marks += 1
            }
            guard allStray, let first else { continue }
            if dotsOnly && marks >= 3 { continue }          // an ellipsis “...”
            if dotsOnly && marks == 1 && tokens[first].length == 3 { continue } // “…”
            if allSame && marks >= 3 { continue }           // a separator “***”, “---”
            let range = Int(tokens[first].start)..<Int(tokens[last].end)
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
        var offset = Self.next(from: 0, in: analysis, where: isFirstMark)
        while offset + 1 < prose.count {
            let byte = prose[offset], next = prose[offset + 1]
            guard next == 0x2E || next == 0x2C else {
                offset = Self.next(from: offset + 1, in: analysis, where: isFirstMark)
                continue
            }
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
                offset = Self.next(from: offset + 1, in: analysis, where: isFirstMark)
                continue
            }
            let range = offset..<offset + 2
            findings.report(range, "Doubled punctuation “\(analysis.text(of: range))”",
                            fixTitle: "Delete “\(analysis.text(of: stray))”", edits: [ProseEdit(stray, "")])
            offset = Self.next(from: offset + 2, in: analysis, where: isFirstMark)
        }
    }

    /// The first prose offset at or after `start` whose byte passes `test`, or the prose's length:
    /// the passes above look only at the few bytes that can start what they look for.
    private static func next(from start: Int, in analysis: Analysis, where test: (UInt8) -> Bool) -> Int {
        analysis.prose.withUnsafeBufferPointer { prose in
            var offset = start
            while offset < prose.count, !test(prose[offset]) { offset += 1 }
            return offset
        }
    }
}
