/// GAR002: a quotation mark or bracket without its partner in the paragraph: a closing ” with no
/// opener, an opening “ that never closes, a ( or ) left alone, an odd number of straight ".
public struct UnbalancedQuotesRule: Rule {
    public static let description = RuleDescription(
        code: "GAR002",
        name: "unbalanced-quotes",
        category: .garbledClause,
        severity: .warning,
        summary: "A quotation mark or parenthesis without its partner in the paragraph, such as a “ left dangling at the end.",
        rationale: """
            A quote mark or bracket left alone is where a translation pipeline dropped or moved \
            words: the reader cannot tell where the quotation ends, or whose words these are. \
            News writing leaves one opening “ unclosed on purpose: a quotation that runs over \
            several paragraphs closes only in the last, and each new paragraph opens with “ again. \
            An unclosed “ is therefore not flagged when the next paragraph starts with “ (unless \
            the mark is the paragraph's last character). Straight quotes are counted: an odd \
            number leaves one dangling, the last. A “)” after a list number or letter (“1)”, “a)”) \
            is a list marker, a ” or " right after a digit is a prime (inches, seconds), and a » \
            between spaces separates the parts of a breadcrumb (“Home » News”).
            """,
        triggering: [
            "In total, up to 30,000 servicemen may take part in the drills. ⟦“⟧",
            "The minister called the talks constructive⟦”⟧ and left.",
            "⟦“⟧We will not negotiate under fire, the minister said.\n\nThe talks resumed on Monday.",
            "The parliament adopted an appeal⟦)⟧ and a resolution (on sanctions).",
            "He called it ⟦(⟧a provocation and left.",
            "The minister said ⟦\"⟧we will respond and left.",
        ],
        nonTriggering: [
            "“We will respond,” the minister said. “Not now.”",
            "“We will not negotiate under fire,” the minister said. “The conditions are clear.\n\n“Kyiv will decide,” he added.",
            "It lies 30 kilometers (20 miles) from the border.",
            "The agenda: 1) sanctions; 2) weapons; a) the Baltic states.",
            "The minister said \"we will respond\" and left.",
            "The screen measures 65\" across.",
            "«Ukraine does not ask anyone to fight for us», Kuleba said.",
            "„Wir werden antworten“, sagte der Minister.",
            "Home » News » Russian troops in Belarus",
        ]
    )

    private enum Kind { case curly, guillemet, paren }

    public init(dictionaries: DictionaryStore) throws {}

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        let prose = analysis.prose
        for paragraph in analysis.paragraphs.indices {
            let range = analysis.tokenRange(ofParagraph: paragraph)
            var curly: [Int] = [], guillemets: [Int] = [], parens: [Int] = []
            // The opener of the current „low-high“ quote, closed by “.
            var lowOpen = false
            var straight: [Int] = []
            var dangling: [(Int, String)] = []
            for index in range {
                let token = tokens[index]
                guard token.kind == .punctuation || token.kind == .symbol else { continue }
                let start = Int(token.start)
                switch token.length {
                case 1:
                    switch prose[start] {
                    case 0x28: parens.append(index)
                    case 0x29:
                        if parens.popLast() == nil, !isListMarker(analysis, index, range) {
                            dangling.append((index, "“)” closes a parenthesis that was never opened"))
                        }
                    case 0x22:
                        if !afterDigit(analysis, index) { straight.append(index) }
                    default: break
                    }
                case 2 where prose[start] == 0xC2:
                    // "Home » News »": a breadcrumb separator between spaces, not a quote.
                    if isSpaced(analysis, index, range) { break }
                    if prose[start + 1] == 0xAB { guillemets.append(index) }
                    else if prose[start + 1] == 0xBB, guillemets.popLast() == nil {
                        dangling.append((index, "“»” closes a quotation that was never opened"))
                    }
                case 3 where prose[start] == 0xE2 && prose[start + 1] == 0x80:
                    switch prose[start + 2] {
                    case 0x9E: // „
                        lowOpen = true
                    case 0x9C: // “ opens, or closes „…“
                        if lowOpen { lowOpen = false } else { curly.append(index) }
                    case 0x9D: // ”
                        if lowOpen { lowOpen = false }
                        else if curly.popLast() == nil, !afterDigit(analysis, index) {
                            dangling.append((index, "“”” closes a quotation that was never opened"))
                        }
                    default: break
                    }
                default: break
                }
            }
            let last = range.upperBound - 1
            let nextOpensQuote = paragraph + 1 < analysis.paragraphs.count
                && analysis.isLeftDoubleQuote(at: analysis.paragraphs[paragraph + 1].range.lowerBound)
            for index in curly {
                if index == last {
                    dangling.append((index, "““” dangles at the end of the paragraph: the quotation has no words"))
                } else if !nextOpensQuote || index != curly.last {
                    // A quotation continued in the next paragraph leaves only its last “ open.
                    dangling.append((index, "““” opens a quotation that never closes in this paragraph"))
                }
            }
            for index in guillemets { dangling.append((index, "“«” opens a quotation that never closes in this paragraph")) }
            for index in parens { dangling.append((index, "“(” opens a parenthesis that never closes in this paragraph")) }
            if straight.count % 2 == 1, let index = straight.last, !(index != last && nextOpensStraight(analysis, paragraph)) {
                dangling.append((index, "An odd number of straight quotes (\") in the paragraph leaves this one unpaired"))
            }
            for (index, message) in dangling.sorted(by: { $0.0 < $1.0 }) {
                findings.report(tokens[index].range, message)
            }
        }
    }

    /// True when the token right before `index` (no space between) is a number: 65" and 30”
    /// are primes.
    private func afterDigit(_ analysis: Analysis, _ index: Int) -> Bool {
        index > 0 && analysis.tokens[index - 1].kind == .number && analysis.tokens[index - 1].end == analysis.tokens[index].start
    }

    /// "1)", "a)": a number or single letter closed by ")" after a space, a colon or the start.
    private func isListMarker(_ analysis: Analysis, _ index: Int, _ range: Range<Int>) -> Bool {
        guard index > range.lowerBound else { return false }
        let label = analysis.tokens[index - 1]
        guard label.end == analysis.tokens[index].start,
              label.kind == .number || (label.kind == .word && label.length == 1) else { return false }
        guard index - 1 > range.lowerBound else { return true }
        let before = analysis.tokens[index - 2]
        return before.kind == .space || analysis.isCharacter(before, 0x3A) || analysis.isCharacter(before, 0x3B)
    }

    /// True when the token stands between spaces (or a space and the paragraph's end).
    private func isSpaced(_ analysis: Analysis, _ index: Int, _ range: Range<Int>) -> Bool {
        index > range.lowerBound && analysis.tokens[index - 1].kind == .space
            && (index + 1 == range.upperBound || analysis.tokens[index + 1].kind == .space)
    }

    private func nextOpensStraight(_ analysis: Analysis, _ paragraph: Int) -> Bool {
        paragraph + 1 < analysis.paragraphs.count && analysis.byte(at: analysis.paragraphs[paragraph + 1].range.lowerBound, is: "\"")
    }
}
