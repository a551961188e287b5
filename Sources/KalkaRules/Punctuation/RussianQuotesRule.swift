import KalkaKnowledge
import KalkaModel
import KalkaText

/// PUN001: «guillemets», „low-high“ and ‚single‘ quotes, the Russian and Ukrainian quotation
/// marks, left in English text.
///
/// One finding per quoted span, from the opening mark to its closing mark; only pairs are
/// reported, so a lone » (a breadcrumb separator, "Home » News") or « ("« Back") stays quiet,
/// and guillemets must sit tight against the quoted words, as Russian sets them: spaced ones are
/// navigation ("« Previous | Next »") or French.
public struct RussianQuotesRule: Rule {
    public static let description = RuleDescription(
        code: "PUN001",
        name: "russian-quotes",
        category: .punctuation,
        severity: .warning,
        summary: "A quotation in «guillemets» or „low-high“ quotes, the Russian and Ukrainian marks, in English text.",
        rationale: """
            Russian and Ukrainian quote with «guillemets», nesting „low-high“ quotes inside them; \
            machine translation often carries the marks over unchanged. English uses “curly \
            quotes”, with ‘single quotes’ inside a quotation. Only a complete pair is reported: a \
            lone » used as a breadcrumb or menu separator is site chrome, not a quotation.
            """,
        fixApplicability: .safe,
        fixSafety: """
            Only the quote marks change (and stray spaces inside low-high quotes); \
            the words quoted stay as they are, and nested quotations become single quotes.
            """,
        triggering: [
            "Zelensky called the plan ⟦«unacceptable»⟧ on Monday.",
            "The ministry said: ⟦„We will respond.“⟧",
            "He spoke of the so-called ⟦„special operation“⟧ in Donbas.",
            "The newspaper ⟦„ Izvestia “⟧ reported the story.",
            "Protesters chanted ⟦‚no‘⟧ and dispersed.",
            "Officials ⟦«declined»⟧ to comment, calling it ⟦«speculation»⟧.",
        ],
        nonTriggering: [
            "Zelensky called the plan “unacceptable” on Monday.",
            "Protesters chanted ‘no’ and dispersed; Ukraine’s allies agreed.",
            "Home » News » Politics",
            "« Back to the main page",
            "« Previous | Next »",
            "La revue « Esprit » est parue.",
            "Kyiv said “talks” would resume.\n\nHome » World",
        ],
        fixes: [
            FixExample("Zelensky called the plan «unacceptable».", "Zelensky called the plan “unacceptable”."),
            FixExample("He said «the „special operation“ goes on».", "He said “the ‘special operation’ goes on”."),
            FixExample("It is called „ Izvestia “.", "It is called “Izvestia”."),
            FixExample("They said „no” twice.", "They said “no” twice."),
        ],
        signalsTranslation: .strong
    )

    public init(dictionaries: DictionaryStore) throws {}

    private enum Mark: UInt8 {
        case guillemetOpen, guillemetClose, singleGuillemetOpen, singleGuillemetClose
        case lowDouble, lowSingle, leftDouble, rightDouble, leftSingle, rightSingle
    }

    private struct Found {
        var mark: Mark
        var start: Int
        var end: Int
        var used = false
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let prose = analysis.prose
        var marks: [Found] = []
        // Only lines that open a quotation the Russian way are read: find the openers among the
        // non-ASCII offsets, and each one's line (a run of bytes between line feeds).
        var checkedUpTo = 0
        for offset in analysis.nonASCIIOffsets.lazy.map(Int.init) where offset >= checkedUpTo && Self.isOpener(prose, at: offset) {
            var start = offset
            while start > 0 && prose[start - 1] != 0x0A { start -= 1 }
            var end = offset
            while end < prose.count && prose[end] != 0x0A { end += 1 }
            marks.removeAll(keepingCapacity: true)
            collect(prose, start..<end, into: &marks)
            pair(&marks, analysis, into: &findings)
            checkedUpTo = end
        }
    }

    /// «, „, ‚ or ‹ at `offset`: the marks that open a quotation in Russian typography.
    private static func isOpener(_ prose: [UInt8], at offset: Int) -> Bool {
        if prose[offset] == 0xC2 { return offset + 1 < prose.count && prose[offset + 1] == 0xAB }
        return prose[offset] == 0xE2 && offset + 2 < prose.count && prose[offset + 1] == 0x80
            && (prose[offset + 2] == 0x9E || prose[offset + 2] == 0x9A || prose[offset + 2] == 0xB9)
    }

    private func collect(_ prose: [UInt8], _ range: Range<Int>, into marks: inout [Found]) {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = prose[index]
            if byte == 0xC2, index + 1 < range.upperBound {
                if prose[index + 1] == 0xAB { marks.append(Found(mark: .guillemetOpen, start: index, end: index + 2)) }
                if prose[index + 1] == 0xBB { marks.append(Found(mark: .guillemetClose, start: index, end: index + 2)) }
                index += 2
                continue
            }
            if byte == 0xE2, index + 2 < range.upperBound, prose[index + 1] == 0x80 {
                let mark: Mark?
                switch prose[index + 2] {
                case 0x9E: mark = .lowDouble
                case 0x9A: mark = .lowSingle
                case 0x9C: mark = .leftDouble
                case 0x9D: mark = .rightDouble
                case 0x98: mark = .leftSingle
                case 0x99:
                    // An apostrophe ("Ukraine’s") closes nothing.
                    let next = index + 3 < range.upperBound ? prose[index + 3] : 0
                    mark = next.isASCIILetter ? nil : .rightSingle
                case 0xB9: mark = .singleGuillemetOpen
                case 0xBA: mark = .singleGuillemetClose
                default: mark = nil
                }
                if let mark { marks.append(Found(mark: mark, start: index, end: index + 3)) }
                index += 3
                continue
            }
            index += 1
        }
    }

    private func pair(_ marks: inout [Found], _ analysis: Analysis, into findings: inout Findings) {
        var pairs: [(open: Int, close: Int, single: Bool)] = []
        // Guillemets nest: match each closing one with the last open one.
        for (openMark, closeMark, single) in [(Mark.guillemetOpen, Mark.guillemetClose, false), (.singleGuillemetOpen, .singleGuillemetClose, true)] {
            var stack: [Int] = []
            for index in marks.indices {
                if marks[index].mark == openMark { stack.append(index) }
                if marks[index].mark == closeMark, let open = stack.popLast() {
                    marks[open].used = true
                    marks[index].used = true
                    pairs.append((open, index, single))
                }
            }
        }
        // Low quotes close with the first high quote after them: „…“ (or „…”), ‚…‘ (or ‚…’).
        for index in marks.indices where !marks[index].used && (marks[index].mark == .lowDouble || marks[index].mark == .lowSingle) {
            let double = marks[index].mark == .lowDouble
            var next = index + 1
            while next < marks.count {
                let mark = marks[next].mark
                if mark == .lowDouble || mark == .lowSingle || mark == .guillemetOpen || mark == .guillemetClose { break }
                if !marks[next].used, double ? (mark == .leftDouble || mark == .rightDouble) : (mark == .leftSingle || mark == .rightSingle) {
                    marks[index].used = true
                    marks[next].used = true
                    pairs.append((index, next, !double))
                    break
                }
                next += 1
            }
        }
        let guillemetSpans = pairs.filter { marks[$0.open].mark == .guillemetOpen }.map { marks[$0.open].start..<marks[$0.close].end }
        let prose = analysis.prose
        for (open, close, single) in pairs {
            let opening = marks[open], closing = marks[close]
            // Inside a quotation, a quotation takes single quotes.
            let nested = single || guillemetSpans.contains { $0.lowerBound < opening.start && closing.end <= $0.upperBound && $0 != opening.start..<closing.end }
            // Russian and Ukrainian set quotes tight; spaced guillemets are navigation
            // (“« Previous | Next »”) or French, and stay quiet.
            let spaced = analysis.byteAt(opening.end) == 0x20 || analysis.byteAt(closing.start - 1) == 0x20
            if spaced && (opening.mark == .guillemetOpen || opening.mark == .singleGuillemetOpen) { continue }
            // Inside low-high quotes, spaces next to the marks go with them.
            var openEnd = opening.end
            while openEnd < closing.start && prose[openEnd] == 0x20 { openEnd += 1 }
            var closeStart = closing.start
            while closeStart > openEnd && prose[closeStart - 1] == 0x20 { closeStart -= 1 }
            let shown = analysis.text(of: opening.start..<opening.end) + "…" + analysis.text(of: closing.start..<closing.end)
            findings.report(opening.start..<closing.end, "Russian-style quotes \(shown)",
                            fixTitle: nested ? "Use ‘ ’" : "Use “ ”",
                            edits: [ProseEdit(opening.start..<openEnd, nested ? "‘" : "“"),
                                    ProseEdit(closeStart..<closing.end, nested ? "’" : "”")])
        }
    }
}
