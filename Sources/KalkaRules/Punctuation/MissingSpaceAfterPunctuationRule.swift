import KalkaKnowledge
import KalkaModel
import KalkaText

/// PUN012: no space after a comma between two words (“energy,training”) or after the
/// mark that ends a sentence (“the talks ended.The minister left”, “(from 09:00).It will”).
///
/// A sentence end counts only before a capitalized word (“.The”), after a word of two or more
/// letters, a figure of two or more digits, or a closing bracket or quote; initials and
/// abbreviations (“U.S.”, “e.g.”), web addresses and e-mail addresses (“Ledger.NET”,
/// “www.example.com”, “Example.Com”) and decimals are left alone.
public struct MissingSpaceAfterPunctuationRule: Rule {
    public static let description = RuleDescription(
        code: "PUN012",
        name: "missing-space-after-punctuation",
        category: .punctuation,
        severity: .warning,
        summary: "No space after a comma between words (“energy,training”) or after the full stop that ends a sentence (“ended.The”).",
        rationale: """
            Text assembled by a translation pipeline or scraped from a page whose paragraphs were \
            separate elements loses the space after punctuation: “support,training” or \
            “the talks ended.The minister left”. Readers trip over it, and search, spell-checking \
            and sentence splitting read the two words as one. Web addresses, initials, \
            abbreviations and decimals are left alone.
            """,
        fixApplicability: .safe,
        fixSafety: """
            A space is inserted after the comma (safe: a comma between two words always takes one). \
            After a full stop the fix is unsafe: a site name written “Example.Com” looks the same.
            """,
        triggering: [
            "The talks covered energy⟦,t⟧raining and reconstruction.",
            "The talks ended without agreement⟦.T⟧he minister left for Brussels.",
            "The office reopens on Monday (from 09:00)⟦.I⟧t will close at noon.",
            "He said it was “over⟦.”T⟧hen he left.",
        ],
        nonTriggering: [
            "The talks covered energy, training and reconstruction.",
            "U.S.Army officers and e.g.Some examples were cited.",
            "Read more at Ledger.NET and www.Example.com today.",
            "Write to press@Ministry.Gov or visit Example.Com for details.",
            "The rate rose to 1,5 and then 2.5 percent.",
            "The app runs on Node.Js and ASP.Net servers.",
            "He met J.R.Tolkien fans.",
        ],
        fixes: [
            FixExample("The talks covered energy,training and reconstruction.", "The talks covered energy, training and reconstruction."),
            FixExample("The talks ended.The minister left.", "The talks ended. The minister left."),
        ]
    )

    public init(dictionaries: DictionaryStore) throws {}

    /// Words after a dot that make the run a web address rather than two sentences.
    private let domainWords = WordSet([
        "com", "net", "org", "gov", "edu", "info", "biz", "int", "mil", "ua", "ru", "uk", "us", "eu", "by",
        "io", "tv", "fm", "me", "news", "online", "media", "today", "site", "js", "ai", "pl", "de", "fr",
        "html", "htm", "php", "aspx", "pdf", "jpg", "png",
    ])

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let prose = analysis.prose
        // The marks' offsets (memchr, many bytes a step), in text order, not every byte.
        var offsets: [Int] = []
        for mark: UInt8 in [0x2C, 0x2E, 0x21, 0x3F] { analysis.forEachOffset(ofASCII: mark) { offsets.append($0) } }
        offsets.sort()
        for offset in offsets where offset >= 1 && offset + 2 < prose.count {
            if prose[offset] == 0x2C {
                comma(at: offset, analysis, into: &findings)
            } else {
                sentenceEnd(at: offset, analysis, into: &findings)
            }
        }
    }


    /// The letters before `offset`, counted back to the first non-letter (ASCII letters only).
    private func lettersBefore(_ offset: Int, _ analysis: Analysis) -> Int {
        var count = 0
        while offset - count - 1 >= 0 && analysis.prose[offset - count - 1].isASCIILetter { count += 1 }
        return count
    }

    /// The run of non-space bytes around `offset`: a web or e-mail address shows in it.
    private func isInAddress(_ offset: Int, _ analysis: Analysis) -> Bool {
        let prose = analysis.prose
        // A run longer than an address is not one (and a megabyte without spaces costs nothing).
        var start = offset, end = offset
        while start > 0, offset - start < 256, !prose[start - 1].isSpaceTabOrNewline { start -= 1 }
        while end < prose.count, end - offset < 256, !prose[end].isSpaceTabOrNewline { end += 1 }
        let run = prose[start..<end]
        if run.contains(0x40) || run.contains(0x2F) || run.contains(0x5F) || run.contains(0x3D) { return true } // @ / _ =
        return run.count > 4 && run.prefix(4).map { $0 | 0x20 }.elementsEqual([0x77, 0x77, 0x77, 0x2E]) // www.
    }


    /// “word,word”: two words of two or more letters.
    private func comma(at offset: Int, _ analysis: Analysis, into findings: inout Findings) {
        let prose = analysis.prose
        guard lettersBefore(offset, analysis) >= 2 else { return }
        var end = offset + 1
        while end < prose.count && prose[end].isASCIILetter { end += 1 }
        guard end - offset - 1 >= 2, end >= prose.count || !(prose[end] & 0x80 != 0 || prose[end] &- 0x30 < 10) else { return }
        guard !isInAddress(offset, analysis), analysis.hasNoSoftBreak(offset - 1..<offset + 2) else { return }
        findings.report(offset..<(offset + 2), "No space after the comma",
                        fixTitle: "Insert a space after the comma", edits: [ProseEdit((offset + 1)..<(offset + 1), " ")])
    }

    /// “ended.The”, “09:00).It”, “over.”Then”.
    private func sentenceEnd(at offset: Int, _ analysis: Analysis, into findings: inout Findings) {
        let prose = analysis.prose
        // What ends the sentence: a word of two letters or more, two digits or more, or a
        // closing bracket or quote.
        let previous = prose[offset - 1]
        if previous.isASCIILetter {
            let letters = lettersBefore(offset, analysis)
            guard letters >= 2 else { return }
            // An all-capital word must be an acronym of three letters or more ("NATO.The"), and
            // not end a dotted abbreviation ("U.S.").
            if previous.isASCIIUppercase {
                guard letters >= 3, (offset - letters..<offset).allSatisfy({ prose[$0].isASCIIUppercase }) else { return }
            }
            if offset - letters - 1 >= 0, prose[offset - letters - 1] == 0x2E { return }
        } else if previous &- 0x30 < 10 {
            guard offset >= 2, prose[offset - 2] &- 0x30 < 10 else { return }
            // A decimal or a version ("2.5", "1.2.3"), never before a letter, is not at stake;
            // a number in a dotted run (an address, "v1.20.Beta") is.
            var start = offset - 1
            while start > 0 && prose[start - 1] &- 0x30 < 10 { start -= 1 }
            if start > 0, prose[start - 1] == 0x2E { return }
        } else if previous == 0x29 || previous == 0x22 {
            // ")." or "\"." : what stands before the bracket or quote must not be a space.
            guard offset >= 2, !prose[offset - 2].isSpaceTabOrNewline else { return }
        } else {
            return
        }
        // After the mark: an optional closing quote, then a capitalized word.
        var next = offset + 1
        if prose[next] == 0x22 || prose[next] == 0x29 { next += 1 }
        else if next + 2 < prose.count, prose[next] == 0xE2, prose[next + 1] == 0x80, prose[next + 2] == 0x9D || prose[next + 2] == 0x99 { next += 3 }
        guard next + 1 < prose.count, prose[next].isASCIIUppercase, prose[next + 1].isASCIILowercase else { return }
        var end = next + 1
        while end < prose.count && prose[end].isASCIILowercase { end += 1 }
        // A word, not the start of a longer dotted name ("Example.Com.Ua", "Node.Js").
        if end < prose.count, prose[end] == 0x2E, end + 1 < prose.count, prose[end + 1].isASCIILetter { return }
        if end < prose.count, prose[end] & 0x80 == 0, prose[end].isASCIIDigit || prose[end].isASCIIUppercase { return }
        if domainWords.containsHash(hashOfLetters(next..<end, analysis)) { return }
        guard !isInAddress(offset, analysis), analysis.hasNoSoftBreak(offset - 1..<next + 1) else { return }
        let range = offset..<(next + 1)
        let title = next > offset + 1 ? "Insert a space after “\(analysis.text(of: offset..<next))”" : "Insert a space after “\(analysis.text(of: offset..<offset + 1))”"
        findings.report(range, "No space after the end of a sentence", fix: ProseFix(title: title, applicability: .unsafe, edits: [ProseEdit(next..<next, " ")]))
    }

    private func hashOfLetters(_ range: Range<Int>, _ analysis: Analysis) -> UInt64 {
        analysis.prose.withUnsafeBufferPointer { FoldedHash.of(utf8: UnsafeBufferPointer(rebasing: $0[range])) }
    }
}
