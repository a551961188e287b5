import KalkaKnowledge
import KalkaModel
import KalkaText

/// PUN006: quotation marks and apostrophes not in the house style (`house-style: quotes:` in
/// `.kalka.yml`). Quiet unless the house style sets quotes.
///
/// Curly style: a straight " becomes “ or ” by what stands on each side; the straight quotes of a
/// paragraph change only when they pair up as opening, closing, opening… (an odd one out, such as
/// the inch mark in 12", leaves the paragraph's quotes alone). A straight ' between letters or
/// after a word is an apostrophe or closing quote, ’ either way; before a word it opens a
/// quotation (‘) only when a closing ' follows, else it is an elision (’em, ’90s). A ' after a
/// figure (5'10") is a prime and stays. Straight style: “ ” become " and ‘ ’ become '.
/// Guillemets and low quotes are PUN001's.
public struct QuoteStyleRule: Rule {
    public static let description = RuleDescription(
        code: "PUN006",
        name: "quote-style",
        category: .punctuation,
        severity: .info,
        summary: "Straight quotes and apostrophes where the house style sets curly ones, or curly ones where it sets straight (only with `house-style: quotes`).",
        rationale: """
            A house sets its quotation marks one way: “curly” in most print styles, "straight" on \
            many wire and web desks. Translated copy arrives with a mix, pasted from tools that \
            set either. Off unless `.kalka.yml` sets `house-style: quotes: curly` or `straight`; \
            the examples assume `curly`.
            """,
        fixApplicability: .safe,
        fixSafety: """
            Only the shape of the mark changes. Straight double quotes change only where the \
            paragraph's quotes pair up; a single quote before a word opens a quotation only when \
            a closing one follows; primes after figures stay.
            """,
        triggering: [
            "Zelensky called the plan ⟦\"⟧unacceptable⟦\"⟧ on Monday.",
            "The mayor didn⟦'⟧t say.",
            "He said ⟦\"⟧the ⟦'⟧special operation⟦'⟧ goes on⟦\"⟧.",
            "The ministers⟦'⟧ meeting ended in the ⟦'⟧90s.",
        ],
        nonTriggering: [
            "Zelensky called the plan “unacceptable” on Monday; Ukraine’s allies agreed.",
            "The screen is 12\" wide and the \"new\" one too.",
            "He is 5'10\" tall.",
            "The mayor said \"we will rebuild",
        ],
        fixes: [
            FixExample("He said \"the 'special operation' goes on\".", "He said “the ‘special operation’ goes on”."),
            FixExample("Rock 'em, the ministers' men said in the '90s.", "Rock ’em, the ministers’ men said in the ’90s."),
        ]
    )

    private let style: QuoteStyle?

    public init(dictionaries: DictionaryStore) throws {
        style = dictionaries.typography.quotes
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        guard let style else { return }
        let prose = analysis.prose
        var start = 0
        while start < prose.count {
            var end = start
            while end < prose.count && prose[end] != 0x0A { end += 1 }
            switch style {
            case .curly: curl(start..<end, analysis, into: &findings)
            case .straight: straighten(start..<end, analysis, into: &findings)
            }
            start = end
            while start < prose.count && prose[start] == 0x0A { start += 1 }
        }
    }

    private func straighten(_ paragraph: Range<Int>, _ analysis: Analysis, into findings: inout Findings) {
        let prose = analysis.prose
        var index = paragraph.lowerBound
        while index + 2 < paragraph.upperBound {
            defer { index += 1 }
            guard prose[index] == 0xE2, prose[index + 1] == 0x80 else { continue }
            let straight: String
            switch prose[index + 2] {
            case 0x9C, 0x9D: straight = "\""
            case 0x98, 0x99: straight = "'"
            default: continue
            }
            let range = index..<index + 3
            let what = straight == "'" ? "single quote or apostrophe" : "double quote"
            findings.report(range, "Curly \(what) \(analysis.text(of: range)) in a straight-quote house style",
                            fixTitle: "Use a straight \(what) \(straight)", edits: [ProseEdit(range, straight)])
        }
    }

    private enum Role { case opening, closing, ambiguous }

    /// How the straight mark at `offset` reads, from its neighbours.
    private func role(at offset: Int, _ analysis: Analysis) -> Role {
        let before = analysis.scalar(before: offset), after = analysis.scalar(at: offset + 1)
        let blankBefore = TypographyClass.isBlank(before), blankAfter = TypographyClass.isBlank(after)
        if blankBefore && blankAfter { return .ambiguous }
        if blankAfter { return .closing }
        if blankBefore || TypographyClass.opensQuotation(before) { return .opening }
        return TypographyClass.isLetterOrDigit(after) ? .ambiguous : .closing
    }

    private func curl(_ paragraph: Range<Int>, _ analysis: Analysis, into findings: inout Findings) {
        let prose = analysis.prose
        var doubles: [(offset: Int, role: Role)] = []
        var singles: [(offset: Int, replacement: String?)] = []
        // Single quotes before a word, waiting to learn whether a closing one follows.
        var pendingOpeners: [Int] = []
        for offset in paragraph where prose[offset] == 0x22 || prose[offset] == 0x27 {
            let role = role(at: offset, analysis)
            if prose[offset] == 0x22 {
                doubles.append((offset, role))
                continue
            }
            let before = analysis.scalar(before: offset), after = analysis.scalar(at: offset + 1)
            // A prime after a figure (5'10"), not a quote.
            if TypographyClass.isDigit(before) && !(after?.properties.isAlphabetic ?? false) { continue }
            if TypographyClass.isLetterOrDigit(before) && TypographyClass.isLetterOrDigit(after) {
                singles.append((offset, "’"))
            } else if role == .opening && (TypographyClass.isDigit(after) || Self.isElision(prose, after: offset)) {
                singles.append((offset, "’"))
            } else if role == .opening {
                pendingOpeners.append(singles.count)
                singles.append((offset, nil))
            } else if role == .closing {
                if let opener = pendingOpeners.popLast() { singles[opener].replacement = "‘" }
                singles.append((offset, "’"))
            }
        }
        for opener in pendingOpeners { singles[opener].replacement = "’" }
        var marks = singles.compactMap { mark in mark.replacement.map { (mark.offset, $0) } }
        // Straight double quotes change only when the paragraph's marks alternate, opening first.
        let alternate = doubles.count.isMultiple(of: 2) && doubles.enumerated().allSatisfy { $0.element.role == ($0.offset.isMultiple(of: 2) ? .opening : .closing) }
        if alternate { marks += doubles.map { ($0.offset, $0.role == .opening ? "“" : "”") } }
        for (offset, curly) in marks.sorted(by: { $0.0 < $1.0 }) {
            let what = prose[offset] == 0x22 ? "double quote" : "single quote or apostrophe"
            let title = switch curly {
            case "“": "Use an opening quote “"
            case "”": "Use a closing quote ”"
            case "‘": "Use an opening single quote ‘"
            default: "Use an apostrophe or closing single quote ’"
            }
            findings.report(offset..<offset + 1, "Straight \(what) \(analysis.text(of: offset..<offset + 1)) in a curly-quote house style",
                            fixTitle: title, edits: [ProseEdit(offset..<offset + 1, curly)])
        }
    }
}

extension QuoteStyleRule {
    /// Words that take a leading apostrophe for letters left out: ’em, ’til, ’cause.
    private static let elisions: Set<String> = ["em", "til", "tis", "twas", "cause", "cos", "bout", "n"]

    static func isElision(_ prose: [UInt8], after offset: Int) -> Bool {
        var end = offset + 1
        while end < prose.count && prose[end].isASCIILetter { end += 1 }
        guard end > offset + 1, end - offset <= 6 else { return false }
        if end < prose.count && prose[end] >= 0x80 { return false }
        return elisions.contains(String(decoding: prose[(offset + 1)..<end], as: UTF8.self).lowercased())
    }
}

extension QuoteStyleRule: HouseStyleRule {
    public static let exampleTypography = Typography(quotes: .curly)
}
