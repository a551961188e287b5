import KalkaKnowledge
import KalkaModel
import KalkaText

/// A run of Cyrillic words in a document, and how it stands there.
struct CyrillicRun: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Words of the article left untranslated: inside an English sentence, or a Cyrillic line
        /// that is a sentence or a headline.
        case content
        /// A short Cyrillic line of its own, not a sentence: a menu label, a widget title, a share
        /// counter, a credit.
        case chrome
        /// A Cyrillic date (with its year or time) at the start or end of a line: a page's
        /// timestamp.
        case timestamp
        /// The original given on purpose beside its English: a gloss, a transliteration pair.
        case gloss
        /// Cyrillic in quotation marks inside an English sentence, without an English gloss: a
        /// quoted slogan or sign, which a careful writer glosses and a translation leaves.
        case quoted
    }

    /// The Cyrillic words, with the figures inside and before them ("15 березня").
    var range: Range<Int>
    var kind: Kind
    /// What to delete for page chrome: the whole line for chrome, the date with its year and time
    /// for a timestamp.
    var chromeRange: Range<Int>
    /// True when `chromeRange` is its whole line.
    var isWholeLine: Bool
}

/// Where Cyrillic stands in an English document, judged once per document for UNT001
/// (untranslated text) and UNT004 (page chrome in Cyrillic).
///
/// Cyrillic inside an English sentence, and Cyrillic sentences and headlines, are words the
/// translation skipped. A short Cyrillic line that is no sentence (a menu label, "Other news", a
/// share counter) and a Cyrillic timestamp are the source site's chrome: on a page that otherwise
/// shows a translation left unfinished they are more of the same, untranslated; on an English
/// page with no such sign they are the chrome of a bilingual site around an English article, to
/// delete rather than translate. Untranslated Cyrillic text is such a sign, judged here; the
/// others are the run's own findings, weighed by `UnfinishedTranslationJudgement`.
///
/// Web and e-mail addresses, handles and hashtags (`AddressMask`) hold no Cyrillic words.
struct CyrillicPlacement: Sendable {
    private let mojibake: MojibakeRule

    /// Lines with at most this many Cyrillic words, and no sentence punctuation at the end, are
    /// chrome rather than text.
    static let chromeWords = 3

    private static let built = StoreFact<CyrillicPlacement>()

    static func of(_ store: DictionaryStore) throws -> CyrillicPlacement {
        try store.derived(built) { try CyrillicPlacement(dictionaries: store) }
    }

    private init(dictionaries: DictionaryStore) throws {
        mojibake = try MojibakeRule(dictionaries: dictionaries)
    }

    private static let documentRuns = DocumentFact<[CyrillicRun]>()

    /// The Cyrillic runs of the document, classified once and shared.
    func runs(in analysis: Analysis) -> [CyrillicRun] {
        analysis.fact(Self.documentRuns) { findRuns(analysis) }
    }

    /// Whether the document has Cyrillic text left untranslated: in an English sentence, or a
    /// Cyrillic sentence or headline. Other signs of a translation left unfinished are other
    /// rules' findings (`UnfinishedTranslationJudgement`).
    func hasUntranslatedText(_ analysis: Analysis) -> Bool {
        runs(in: analysis).contains { $0.kind == .content }
    }

    private func findRuns(_ analysis: Analysis) -> [CyrillicRun] {
        let paragraphs = Self.paragraphsWithCyrillic(analysis)
        guard !paragraphs.isEmpty else { return [] }
        // Garbled text is left to MojibakeRule (its runs are shared, and cheap where there is no
        // Cyrillic: chunks of English typography are not decoded).
        let garbled = mojibake.garbledRuns(in: analysis).filter(mojibake.isReported).map(\.range)
        var mask = AddressMask()
        var runs: [CyrillicRun] = []
        for paragraph in paragraphs.map({ analysis.paragraphs[$0] }) {
            let first = analysis.sentences[paragraph.sentences.lowerBound].tokens.lowerBound
            let last = analysis.sentences[paragraph.sentences.upperBound - 1].tokens.upperBound - 1
            let line = Line(analysis, first: first, last: last, mask: &mask)
            guard line.cyrillicWords > 0 else { continue }
            var index = first
            while index <= last {
                // On a Cyrillic line, Latin words inside it (a brand such as “Wi-Fi”) belong to the run.
                guard let run = nextRun(analysis, from: &index, through: last, acrossLatin: line.latinWords < line.cyrillicWords, mask: &mask) else { continue }
                let range = Int(analysis.tokens[run.start].start)..<Int(analysis.tokens[run.last].end)
                if garbled.contains(where: { $0.overlaps(range) }) { continue }
                runs.append(classify(analysis, run: run, range: range, line: line))
            }
        }
        return runs
    }

    /// The paragraphs (indices, in order) holding a Cyrillic lead byte (D0–D4). Most English
    /// documents have none, and most paragraphs of the others none either: the prose is scanned
    /// eight bytes at a time, skipping ASCII, and a paragraph is looked up only for a Cyrillic byte.
    static func paragraphsWithCyrillic(_ analysis: Analysis) -> [Int] {
        var found: [Int] = []
        analysis.prose.withUnsafeBufferPointer { prose in
            guard let base = prose.baseAddress else { return }
            let count = prose.count
            var offset = 0
            while offset < count {
                if offset + 8 <= count {
                    let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 {
                        offset += 8
                        continue
                    }
                }
                let byte = prose[offset]
                guard byte >= 0xD0 && byte <= 0xD4 else {
                    offset += 1
                    continue
                }
                guard let paragraph = analysis.paragraph(containing: offset) else {
                    offset += 1
                    continue
                }
                found.append(paragraph)
                offset = max(offset + 1, analysis.paragraphs[paragraph].range.upperBound)
            }
        }
        return found
    }

    /// The next run of Cyrillic words at or after `index`: further Cyrillic words and the figures,
    /// spaces and punctuation between them, and a figure right before ("15 березня").
    private func nextRun(_ analysis: Analysis, from index: inout Int, through last: Int, acrossLatin: Bool, mask: inout AddressMask) -> (start: Int, first: Int, last: Int)? {
        let tokens = analysis.tokens
        guard tokens[index].kind == .word, tokens[index].script == .cyrillic, !mask.covers(Int(tokens[index].start), in: analysis) else {
            index += 1
            return nil
        }
        let first = index
        var end = index
        var probe = index + 1
        while probe <= last {
            let token = tokens[probe]
            // An address or hashtag ends the run.
            if mask.covers(Int(token.start), in: analysis) { break }
            if token.kind == .word {
                if token.script == .cyrillic {
                    end = probe
                } else if !acrossLatin {
                    break
                }
            } else if token.kind == .number, let next = analysis.nextNonSpace(after: probe), next <= last,
                      tokens[next].kind == .word, tokens[next].script == .cyrillic {
                end = next
                probe = next
            }
            probe += 1
        }
        var start = first
        if let before = analysis.previousNonSpace(before: first), tokens[before].kind == .number { start = before }
        index = end + 1
        return (start, first, end)
    }

    /// What a line (a paragraph) holds.
    private struct Line {
        let first: Int
        let last: Int
        let range: Range<Int>
        var cyrillicWords = 0
        var latinWords = 0
        /// The line ends like a sentence: . ! ? or … before any closing quotes and brackets.
        var endsSentence = false

        init(_ analysis: Analysis, first: Int, last: Int, mask: inout AddressMask) {
            self.first = first
            self.last = last
            let tokens = analysis.tokens
            range = Int(tokens[first].start)..<Int(tokens[last].end)
            for token in tokens[first...last] where token.kind == .word {
                switch token.script {
                case .cyrillic: if !mask.covers(Int(token.start), in: analysis) { cyrillicWords += 1 }
                case .latin, .mixed: if !mask.covers(Int(token.start), in: analysis) { latinWords += 1 }
                default: break
                }
            }
            var index = last
            while index > first, tokens[index].kind == .punctuation, CyrillicPlacement.isClosing(analysis.text(of: tokens[index])) { index -= 1 }
            endsSentence = tokens[index].kind == .punctuation && [".", "!", "?", "…"].contains(analysis.text(of: tokens[index]))
        }
    }

    static func isClosing(_ text: String) -> Bool {
        ["\"", "”", "»", "’", "'", ")", "]", "›", "“"].contains(text)
    }

    static func isOpening(_ text: String) -> Bool {
        ["\"", "“", "«", "„", "‘", "'", "(", "[", "‹"].contains(text)
    }

    private func classify(_ analysis: Analysis, run: (start: Int, first: Int, last: Int), range: Range<Int>, line: Line) -> CyrillicRun {
        if isGloss(analysis, first: run.start, last: run.last) {
            return CyrillicRun(range: range, kind: .gloss, chromeRange: range, isWholeLine: false)
        }
        if line.latinWords > line.cyrillicWords && isQuoted(analysis, first: run.start, last: run.last) {
            return CyrillicRun(range: range, kind: .quoted, chromeRange: range, isWholeLine: false)
        }
        if let stamp = timestamp(analysis, run: run, line: line) {
            return CyrillicRun(range: range, kind: .timestamp, chromeRange: stamp, isWholeLine: stamp == line.range)
        }
        if line.latinWords <= line.cyrillicWords && line.cyrillicWords <= Self.chromeWords && !line.endsSentence {
            return CyrillicRun(range: range, kind: .chrome, chromeRange: line.range, isWholeLine: true)
        }
        return CyrillicRun(range: range, kind: .content, chromeRange: range, isWholeLine: false)
    }

    /// The run stands between an opening and a closing quotation mark.
    private func isQuoted(_ analysis: Analysis, first: Int, last: Int) -> Bool {
        guard let open = analysis.previousNonSpace(before: first), let close = analysis.nextNonSpace(after: last) else { return false }
        let tokens = analysis.tokens
        let opening = analysis.text(of: tokens[open]), closing = analysis.text(of: tokens[close])
        return tokens[open].kind == .punctuation && Self.isOpening(opening) && opening != "(" && opening != "["
            && tokens[close].kind == .punctuation && Self.isClosing(closing) && closing != ")" && closing != "]"
    }

        /// The original given on purpose beside its English: "Verkhovna Rada (Верховна Рада)",
    /// "“Слава Україні!” (Glory to Ukraine)", "“Слава Україні” — “Glory to Ukraine”",
    /// "зрада, meaning betrayal", "Kyiv/Київ", "the letters ґ and ї", "калина is Ukrainian for
    /// the guelder rose".
    private func isGloss(_ analysis: Analysis, first: Int, last: Int) -> Bool {
        let tokens = analysis.tokens
        func text(_ index: Int) -> String { analysis.text(of: tokens[index]) }
        func isPunctuation(_ index: Int?, _ test: (String) -> Bool) -> Bool {
            guard let index else { return false }
            return tokens[index].kind == .punctuation && test(text(index))
        }
        /// A Latin word at `index`, or before (`back`) or after a final mark of its own ("Glory to
        /// Ukraine!”").
        func isLatinWord(_ index: Int?, back: Bool = false) -> Bool {
            guard var index else { return false }
            if back, isPunctuation(index, Self.finalMarks.contains), let previous = analysis.previousNonSpace(before: index) { index = previous }
            return tokens[index].kind == .word && (tokens[index].script == .latin || tokens[index].script == .mixed)
        }
        // Quotes around the run belong to it, and so does a final mark inside them (“Слава Україні!”).
        var before = analysis.previousNonSpace(before: first)
        if isPunctuation(before, { Self.isOpening($0) && $0 != "(" }) { before = analysis.previousNonSpace(before: before!) }
        var after = analysis.nextNonSpace(after: last)
        if isPunctuation(after, Self.finalMarks.contains), let close = analysis.nextNonSpace(after: after!),
           isPunctuation(close, { Self.isClosing($0) && $0 != ")" }) { after = close }
        if isPunctuation(after, { Self.isClosing($0) && $0 != ")" }) { after = analysis.nextNonSpace(after: after!) }
        // (original) after English words, or after a closing quote of English words.
        if let open = before, text(open) == "(", let close = after, text(close) == ")" {
            var word = analysis.previousNonSpace(before: open)
            if isPunctuation(word, Self.isClosing) { word = analysis.previousNonSpace(before: word!) }
            if isLatinWord(word, back: true) { return true }
        }
        // original (English), original “English”-in-parentheses.
        if let open = after, text(open) == "(" || text(open) == "[" {
            var word = analysis.nextNonSpace(after: open)
            if isPunctuation(word, Self.isOpening) { word = analysis.nextNonSpace(after: word!) }
            if isLatinWord(word) { return true }
        }
        // Kyiv/Київ, Київ / Kyiv.
        if let slash = before, text(slash) == "/", isLatinWord(analysis.previousNonSpace(before: slash)) { return true }
        if let slash = after, text(slash) == "/", isLatinWord(analysis.nextNonSpace(after: slash)) { return true }
        // “Слава Україні” — “Glory to Ukraine”, зрада: “betrayal”; and the English first:
        // “Glory to Ukraine!” — “Слава Україні!”.
        if let separator = after, Self.glossSeparators.contains(text(separator)),
           let open = analysis.nextNonSpace(after: separator), isPunctuation(open, Self.isOpening),
           isLatinWord(analysis.nextNonSpace(after: open)) { return true }
        if let separator = before, Self.glossSeparators.contains(text(separator)),
           let close = analysis.previousNonSpace(before: separator), isPunctuation(close, Self.isClosing),
           isLatinWord(analysis.previousNonSpace(before: close), back: true) { return true }
        // "known in Ukrainian as Верховна Рада", "the Russian word война", "the Ukrainian letter
        // ї": the writer names the language.
        var probe = first
        for _ in 0..<4 {
            guard let previous = analysis.previousNonSpace(before: probe) else { break }
            if tokens[previous].kind == .word, Self.languageNames.contains(text(previous).lowercased()) {
                // "in Ukrainian", "the Russian word": not "Russian troops shelled …".
                if let preposition = analysis.previousNonSpace(before: previous), text(preposition).lowercased() == "in" { return true }
                if let noun = analysis.nextNonSpace(after: previous), Self.glossNouns.contains(text(noun).lowercased()) { return true }
            }
            probe = previous
        }
        // "калина is Ukrainian for the guelder rose", "“Калька” is Russian and Ukrainian for …".
        if var verb = after {
            while isPunctuation(verb, { $0 == "*" || $0 == "_" }), let next = analysis.nextNonSpace(after: verb) { verb = next }
            if tokens[verb].kind == .word, ["is", "are", "was", "means"].contains(text(verb).lowercased()),
               var name = analysis.nextNonSpace(after: verb) {
                if ["a", "an", "the"].contains(text(name).lowercased()), let next = analysis.nextNonSpace(after: name) { name = next }
                if tokens[name].kind == .word, Self.languageNames.contains(text(name).lowercased()) { return true }
            }
        }
        // "the letters ґ, є, і and ї": single letters cited as letters.
        if isLetters(analysis, first: first, last: last) { return true }
        // зрада, meaning betrayal; зрада (literally “betrayal”).
        if var word = after {
            if text(word) == "," || text(word) == "—" || text(word) == "–", let next = analysis.nextNonSpace(after: word) { word = next }
            if tokens[word].kind == .word, Self.glossWords.contains(text(word).lowercased()) { return true }
        }
        return false
    }

    /// Every Cyrillic word of the run is a single letter, and "letter", "character", "alphabet"
    /// or "Cyrillic" comes shortly before in the sentence.
    private func isLetters(_ analysis: Analysis, first: Int, last: Int) -> Bool {
        let tokens = analysis.tokens
        for token in tokens[first...last] where token.kind == .word && token.script == .cyrillic {
            guard analysis.text(of: token).unicodeScalars.count == 1 else { return false }
        }
        var probe = first
        for _ in 0..<12 {
            guard let previous = analysis.previousNonSpace(before: probe) else { return false }
            if tokens[previous].kind == .word, Self.letterNouns.contains(analysis.text(of: tokens[previous]).lowercased()) { return true }
            probe = previous
        }
        return false
    }

    static let languageNames: Set<String> = ["ukrainian", "russian", "belarusian", "cyrillic"]
    static let glossNouns: Set<String> = ["word", "words", "term", "name", "original", "spelling", "for", "as", "phrase", "slogan", "script",
                                          "letter", "letters", "character", "characters", "alphabet"]
    /// Words before single letters cited as letters ("the letters ґ and ї", "a Cyrillic “і”").
    static let letterNouns: Set<String> = ["letter", "letters", "character", "characters", "alphabet", "alphabets", "cyrillic"]
    static let glossSeparators: Set<String> = ["—", "–", "-", ":", ",", "="]
    static let glossWords: Set<String> = ["meaning", "means", "literally", "or", "i.e", "translated", "translates"]
    /// The marks that end a quoted sentence inside its quotation marks.
    static let finalMarks: Set<String> = [".", "!", "?", "…", ","]

    /// A Cyrillic date at the start or end of its line, with a year or a time: "23 вересня 2019",
    /// "… 17 ноября 2021, 09:40". Returns the range of the date with its year and time.
    private func timestamp(_ analysis: Analysis, run: (start: Int, first: Int, last: Int), line: Line) -> Range<Int>? {
        let tokens = analysis.tokens
        // A figure, then one Cyrillic word (two with an abbreviation for "year": "2015 г.").
        guard run.start < run.first, tokens[run.start].kind == .number, tokens[run.start].length <= 2 else { return nil }
        let cyrillic = tokens[run.first...run.last].filter { $0.kind == .word }
        guard cyrillic.count <= 2 else { return nil }
        // The year and time after it, up to the end of the line.
        var end = run.last
        var hasYearOrTime = tokens[run.start...run.last].contains { $0.kind == .number && $0.length == 4 }
        var probe = run.last + 1
        while probe <= line.last {
            let token = tokens[probe]
            if token.kind == .number {
                if token.length == 4 || analysis.byte(at: Int(token.start) - 1, is: ":") || analysis.byte(at: Int(token.end), is: ":") { hasYearOrTime = true }
                end = probe
            } else if token.kind == .word {
                break
            }
            probe += 1
        }
        guard hasYearOrTime else { return nil }
        let atEnd = end == line.last || !tokens[(end + 1)...line.last].contains { $0.kind == .word }
        let atStart = !tokens[line.first..<run.start].contains { $0.kind == .word }
        guard atEnd || atStart else { return nil }
        let range = Int(tokens[run.start].start)..<Int(tokens[end].end)
        return atStart && atEnd ? line.range : range
    }
}
