import KalkaKnowledge
import KalkaModel
import KalkaText

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
            words: the reader cannot tell where the quotation ends, or whose words these are. Only \
            what is broken under English conventions is flagged. A quotation may run over several \
            paragraphs: English opens each new paragraph with “ again and closes only in the last, \
            and copy from the web often just closes it a paragraph or two later; either way the \
            marks pair across the paragraphs. A quotation opened with " and closed with ” (or the \
            other way) pairs too: the style is mixed, not the sense. A text cut off mid-sentence (an \
            excerpt, a live blog, a capture) leaves its last quotation or bracket open, and that is \
            not flagged. A doubled closing quote (””) is a punctuation slip, not a lost opener. A \
            “)” after a list number or letter (“1)”, “a)”) is a list marker, a ” or " right after a \
            number standing alone is a prime (inches, seconds), and a » between spaces separates \
            the parts of a breadcrumb (“Home » News”).
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
            "“We will hold the line.\n\nThe enemy is tired and the winter is long,” the commander said.",
            "\"The repairs will take a week,” the mayor wrote.",
            "The station was renamed \"D-1\" in 2019.",
            "The council met on Monday.\n\nThe mayor told reporters that “the city will not give up and we wi",
            "Firefighters at the depot on Tuesday. (Photo by Oleh Vasyl… (Reuters)\n\nThe fire was put out.",
            "She walked on. (The tower lights blinked red —\n\n— and went dark.) Nobody noticed.",
            "\"The report is final.“ Nobody argued with it.",
        ]
    )

    public init(dictionaries: DictionaryStore) throws {}

    /// What one paragraph leaves unpaired, before quotations that span paragraphs are joined.
    private struct Unpaired {
        /// “ openers without their ”, in order.
        var openers: [Int] = []
        /// ” closers without an opener, in order.
        var closers: [Int] = []
        /// Straight " marks (paired among themselves by counting).
        var straight: [Int] = []
        /// Parentheses and guillemets left alone, with their messages.
        var others: [(Int, String)] = []
        /// “(” without its “)”, and “)” without its “(”, in order.
        var openParens: [Int] = []
        var strayParens: [Int] = []
    }

    /// An opening mark an earlier paragraph left open: its token, and the paragraph.
    private struct OpenQuote {
        var token: Int
        var paragraph: Int
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        var dangling: [(Int, String)] = []
        var open: OpenQuote? = nil
        // A parenthesis an earlier paragraph left open, and how many paragraphs it has run.
        var openParen: (token: Int, paragraphs: Int)? = nil
        let truncated = endsMidSentence(analysis)
        let lastParagraph = analysis.paragraphs.count - 1
        let (marks, ellipses) = Self.marks(analysis)
        var nextMark = 0
        for paragraph in analysis.paragraphs.indices {
            let range = analysis.tokenRange(ofParagraph: paragraph)
            while nextMark < marks.count && marks[nextMark] < range.lowerBound { nextMark += 1 }
            let firstMark = nextMark
            while nextMark < marks.count && marks[nextMark] < range.upperBound { nextMark += 1 }
            // A paragraph without a quote or parenthesis, with none left open before it, changes
            // nothing (most paragraphs).
            if firstMark == nextMark && open == nil && openParen == nil { continue }
            var unpaired = scan(analysis, marks[firstMark..<nextMark], range)
            // "(Photo by Ivan…": an ellipsis after an opener marks the rest as cut, closer and all.
            if !unpaired.others.isEmpty || !unpaired.openers.isEmpty || !unpaired.openParens.isEmpty,
               let cut = Self.lastEllipsis(ellipses, range) {
                unpaired.others.removeAll { $0.0 < cut && isOpening(analysis, $0.0) }
                unpaired.openers.removeAll { $0 < cut }
                unpaired.openParens.removeAll { $0 < cut }
            }
            // A quotation in one style closed in the other ("… ,” he said; “…," he said).
            if unpaired.straight.count % 2 == 1 {
                if let closer = unpaired.closers.first, unpaired.straight[0] < closer {
                    unpaired.straight.removeFirst()
                    unpaired.closers.removeFirst()
                } else if let opener = unpaired.openers.last, let straight = unpaired.straight.last, opener < straight {
                    unpaired.openers.removeLast()
                    unpaired.straight.removeLast()
                }
            }
            // A quotation an earlier paragraph opened: closed here, continued here (a new
            // paragraph of the same quotation opens with “ again), or still running through a
            // paragraph that quotes nothing.
            if let quote = open {
                if let closer = unpaired.closers.first {
                    unpaired.closers.removeFirst()
                    _ = closer
                    open = nil
                } else if unpaired.straight.count % 2 == 1 && (unpaired.openers.isEmpty || unpaired.straight[0] < unpaired.openers[0]) {
                    unpaired.straight.removeFirst()
                    open = nil
                } else if opensWithQuote(analysis, range) {
                    open = nil
                } else if !unpaired.openers.isEmpty || !unpaired.straight.isEmpty || range.isEmpty {
                    dangling.append((quote.token, "““” opens a quotation that never closes"))
                    open = nil
                }
            }
            let last = range.upperBound - 1
            for closer in unpaired.closers where !afterClosingQuote(analysis, closer) {
                dangling.append((closer, "“”” closes a quotation that was never opened"))
            }
            for (position, opener) in unpaired.openers.enumerated() {
                if opener == last {
                    dangling.append((opener, "““” dangles at the end of the paragraph: the quotation has no words"))
                } else if position == unpaired.openers.count - 1 {
                    open = OpenQuote(token: opener, paragraph: paragraph)
                } else {
                    dangling.append((opener, "““” opens a quotation that never closes in this paragraph"))
                }
            }
            if unpaired.straight.count % 2 == 1, let index = unpaired.straight.last {
                if index == last {
                    dangling.append((index, "An odd number of straight quotes (\") in the paragraph leaves this one unpaired"))
                } else if open == nil {
                    open = OpenQuote(token: index, paragraph: paragraph)
                } else {
                    dangling.append((index, "An odd number of straight quotes (\") in the paragraph leaves this one unpaired"))
                }
            }
            // A parenthesis may run over paragraphs too (an aside in fiction, a long note), for
            // up to `parenthesisParagraphs` paragraphs.
            if var paren = openParen {
                if !unpaired.strayParens.isEmpty {
                    unpaired.strayParens.removeFirst()
                    openParen = nil
                } else {
                    paren.paragraphs += 1
                    if paren.paragraphs > Self.parenthesisParagraphs || !unpaired.openParens.isEmpty {
                        unpaired.others.append((paren.token, "“(” opens a parenthesis that never closes"))
                        openParen = nil
                    } else {
                        openParen = paren
                    }
                }
            }
            unpaired.others += unpaired.strayParens.map { ($0, "“)” closes a parenthesis that was never opened") }
            if let last = unpaired.openParens.last, openParen == nil, last != range.upperBound - 1 {
                unpaired.others += unpaired.openParens.dropLast().map { ($0, "“(” opens a parenthesis that never closes in this paragraph") }
                openParen = (last, 0)
            } else {
                unpaired.others += unpaired.openParens.map { ($0, "“(” opens a parenthesis that never closes in this paragraph") }
            }
            unpaired.others.sort { $0.0 < $1.0 }
            // A text cut off mid-sentence (an excerpt, a capture) cuts its last quotation short.
            if !(truncated && paragraph == lastParagraph) {
                dangling += unpaired.others
            } else {
                dangling += unpaired.others.filter { !isOpening(analysis, $0.0) }
            }
        }
        if let paren = openParen, !truncated {
            dangling.append((paren.token, "“(” opens a parenthesis that never closes"))
        }
        if let quote = open, !truncated {
            let message = analysis.byte(at: Int(analysis.tokens[quote.token].start), is: "\"")
                ? "An odd number of straight quotes (\") leaves this one unpaired: the quotation never closes"
                : "““” opens a quotation that never closes"
            dangling.append((quote.token, message))
        }
        for (index, message) in dangling.sorted(by: { $0.0 < $1.0 }) {
            findings.report(analysis.tokens[index].range, message)
        }
    }

    /// The document's marks `scan` may pair (punctuation and symbol tokens opening with a byte
    /// of ( ) " « » “ ” „), and its ellipses (`lastEllipsis`), in token order: found from the
    /// document's marks (`TokenKindIndex`), so that a paragraph's words are never visited.
    private static func marks(_ analysis: Analysis) -> (marks: [Int], ellipses: [Int]) {
        let kinds = TokenKindIndex.of(analysis)
        let tokens = analysis.tokens, prose = analysis.prose
        var marks: [Int] = [], ellipses: [Int] = []
        for index in kinds.marks {
            let token = tokens[Int(index)]
            let start = Int(token.start)
            switch prose[start] {
            case 0x28, 0x29, 0x22, 0xC2, 0xE2: marks.append(Int(index))
            default: break
            }
            guard token.kind == .punctuation else { continue }
            let isEllipsis = token.length == 3 && analysis.byteAt(start) == 0xE2 && analysis.byteAt(start + 1) == 0x80 && analysis.byteAt(start + 2) == 0xA6
            let isDots = analysis.byte(at: start, is: ".") && analysis.byte(at: start + 1, is: ".") && analysis.byte(at: start + 2, is: ".")
            if isEllipsis || isDots { ellipses.append(Int(index)) }
        }
        return (marks, ellipses)
    }

    /// The marks of one paragraph (`marks`, the paragraph's share of `marks(_:)`), paired within it.
    private func scan(_ analysis: Analysis, _ marks: ArraySlice<Int>, _ range: Range<Int>) -> Unpaired {
        let tokens = analysis.tokens
        let prose = analysis.prose
        var unpaired = Unpaired()
        var guillemets: [Int] = [], parens: [Int] = []
        // The opener of the current „low-high“ quote, closed by “.
        var lowOpen = false
        for index in marks {
            WorkCounter.count(1)
            let token = tokens[index]
            guard token.kind == .punctuation || token.kind == .symbol else { continue }
            let start = Int(token.start)
            switch token.length {
            case 1:
                switch prose[start] {
                case 0x28: parens.append(index)
                case 0x29:
                    if parens.popLast() == nil, !isListMarker(analysis, index, range) { unpaired.strayParens.append(index) }
                case 0x22:
                    if !isPrime(analysis, index) { unpaired.straight.append(index) }
                default: break
                }
            case 2 where prose[start] == 0xC2:
                // "Home » News »": a breadcrumb separator between spaces, not a quote.
                if isSpaced(analysis, index, range) { break }
                if prose[start + 1] == 0xAB { guillemets.append(index) }
                else if prose[start + 1] == 0xBB, guillemets.popLast() == nil {
                    unpaired.others.append((index, "“»” closes a quotation that was never opened"))
                }
            case 3 where prose[start] == 0xE2 && prose[start + 1] == 0x80:
                switch prose[start + 2] {
                case 0x9E: // „
                    lowOpen = true
                case 0x9C: // “ opens, or closes „…“
                    if lowOpen { lowOpen = false }
                    else if isUsedAsCloser(analysis, index, range) {
                        // ".“ However": an opening mark typed where the closing one belongs
                        // (PUN010 reports the mark); it still ends the quotation.
                        if unpaired.openers.popLast() == nil { unpaired.closers.append(index) }
                    } else { unpaired.openers.append(index) }
                case 0x9D: // ”
                    if lowOpen { lowOpen = false }
                    else if unpaired.openers.popLast() == nil, !isPrime(analysis, index) { unpaired.closers.append(index) }
                default: break
                }
            default: break
            }
        }
        unpaired.others += guillemets.map { ($0, "“«” opens a quotation that never closes in this paragraph") }
        unpaired.openParens = parens
        unpaired.others.sort { $0.0 < $1.0 }
        return unpaired
    }

    /// True when the document's last paragraph stops without closing punctuation: a capture or
    /// an excerpt cut off mid-sentence, whose last quotation or bracket was cut off with it.
    private func endsMidSentence(_ analysis: Analysis) -> Bool {
        guard let last = analysis.paragraphs.last else { return false }
        var end = last.range.upperBound
        while end > last.range.lowerBound, analysis.prose[end - 1].isSpaceOrTab { end -= 1 }
        guard end > last.range.lowerBound else { return false }
        let byte = analysis.prose[end - 1]
        if byte.isASCIIAlphanumeric || byte == .comma || byte == .hyphen || byte == .semicolon { return true }
        // A letter outside ASCII (a cut-off Cyrillic or accented word).
        if byte >= 0x80 {
            let lead = UTF8Decoding.scalarStart(before: end, in: analysis.prose[last.range])
            return UTF8Decoding.decodeStrict(analysis.prose[lead..<end], at: lead)?.scalar.properties.isAlphabetic ?? false
        }
        return false
    }

    /// A parenthesis stays open over at most this many following paragraphs.
    static let parenthesisParagraphs = 3

    /// A “ glued to the word or mark before it and followed by a space, a mark or the paragraph's
    /// end (".“ However", "said“,"): typed in place of ”.
    private func isUsedAsCloser(_ analysis: Analysis, _ index: Int, _ range: Range<Int>) -> Bool {
        guard index > range.lowerBound else { return false }
        let previous = analysis.tokens[index - 1]
        guard previous.kind != .space, previous.end == analysis.tokens[index].start else { return false }
        guard index + 1 < range.upperBound else { return true }
        let next = analysis.tokens[index + 1]
        return next.kind == .space || next.kind == .punctuation
    }

    /// The last "…" or "..." of the paragraph (token `range`), if any, from the document's
    /// `ellipses` (punctuation tokens, in order).
    private static func lastEllipsis(_ ellipses: [Int], _ range: Range<Int>) -> Int? {
        let after = ellipses.partitionPoint { $0 < range.upperBound }
        guard after > 0, ellipses[after - 1] >= range.lowerBound else { return nil }
        return ellipses[after - 1]
    }

    /// True when the paragraph's first token is an opening quote (“ or ").
    private func opensWithQuote(_ analysis: Analysis, _ range: Range<Int>) -> Bool {
        guard let first = range.first else { return false }
        let start = Int(analysis.tokens[first].start)
        return analysis.isLeftDoubleQuote(at: start) || analysis.byte(at: start, is: "\"")
    }

    /// True for ( « and “: marks that open.
    private func isOpening(_ analysis: Analysis, _ index: Int) -> Bool {
        let start = Int(analysis.tokens[index].start)
        return analysis.byte(at: start, is: "(") || analysis.isLeftDoubleQuote(at: start)
            || (analysis.byteAt(start) == 0xC2 && analysis.byteAt(start + 1) == 0xAB)
    }

    /// ”” or "”: a closing quote doubled, a punctuation slip rather than a lost opener.
    private func afterClosingQuote(_ analysis: Analysis, _ index: Int) -> Bool {
        guard index > 0 else { return false }
        let previous = analysis.tokens[index - 1]
        guard previous.end == analysis.tokens[index].start else { return false }
        let start = Int(previous.start)
        return analysis.byte(at: start, is: "\"")
            || (previous.length == 3 && analysis.byteAt(start) == 0xE2 && analysis.byteAt(start + 1) == 0x80 && analysis.byteAt(start + 2) == 0x9D)
    }

    /// True for a mark right after a number that stands on its own (65" and 30” are primes:
    /// inches, seconds); in "D-1" the quote closes a name.
    private func isPrime(_ analysis: Analysis, _ index: Int) -> Bool {
        guard index > 0 else { return false }
        let number = analysis.tokens[index - 1]
        guard number.kind == .number, number.end == analysis.tokens[index].start else { return false }
        guard index > 1 else { return true }
        let before = analysis.tokens[index - 2]
        return before.kind == .space || before.end != number.start
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

}
