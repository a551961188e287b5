import KalkaModel

/// Page-layout evidence a line carries on its own, wherever it stands: leftover code, a caption
/// or photo credit, a share bar, a counter, a "read more" link, a timestamp, a menu, a widget label.
extension LayoutBuilder {
    struct Intrinsic {
        var kind: PageLayout.ChromeKind
        var range: Range<Int>
        /// Counts only before or after the body.
        var edgeOnly: Bool
        var severity: Severity = .warning
    }

    /// Chrome a line shows by itself: its kind, the range to report, whether it counts only before
    /// or after the body, and the severity.
    /// Each test that reads the whole line runs only on a line holding the tokens it needs
    /// (`Line.marks`, `Line.classes`): most lines of an article hold none of them. Each of those
    /// tests counts its runs (`WorkCounter`, debug builds), so tests can check the skipping works.
    func intrinsic(_ line: Line) -> Intrinsic? {
        typealias WordClass = PageLayoutReader.WordClass
        if line.marks.contains(.code), let range = codeResidue(line) { return Intrinsic(kind: .code, range: range, edgeOnly: false) }
        if line.marks.contains(.captionToken) || line.classes & WordClass.captionBit != 0, let range = caption(line) {
            return Intrinsic(kind: .caption, range: range, edgeOnly: false)
        }
        if !line.marks.contains(.firstWordNotShare) && isShareBar(line) { return Intrinsic(kind: .share, range: line.range, edgeOnly: false) }
        if let edgeOnly = counter(line) { return Intrinsic(kind: .counter, range: line.range, edgeOnly: edgeOnly) }
        if let severity = timestamp(line) { return Intrinsic(kind: .timestamp, range: line.range, edgeOnly: true, severity: severity) }
        if line.marks.contains(.menuSeparator), let bars = isMenu(line) { return Intrinsic(kind: .navigation, range: line.range, edgeOnly: bars) }
        if line.marks.contains(.hashSign) && line.words <= Limits.shortLineWords && !line.endsSentence && hasHashtag(line) {
            return Intrinsic(kind: .tags, range: line.range, edgeOnly: true)
        }
        if line.classes & WordClass.counterBit != 0, let range = fusedCounter(line) { return Intrinsic(kind: .counter, range: range, edgeOnly: false) }
        if let range = readMoreLink(line) { return Intrinsic(kind: .teaser, range: range, edgeOnly: false) }
        return nil
    }

    /// Leftover markup: a tag ("</p>", "< /p>", "<a href=…>"), a shortcode ("[gallery size=…"), a
    /// JSON escape ("\u00ab"). The range is the whole line when little else is left.
    func codeResidue(_ line: Line) -> Range<Int>? {
        WorkCounter.count(1)
        var first: Int? = nil
        var last = 0
        var offset = line.range.lowerBound
        let end = line.range.upperBound
        while offset < end {
            let byte = prose[offset]
            var residueEnd: Int? = nil
            if byte == 0x3C { residueEnd = tagEnd(at: offset, limit: end) }
            if byte == 0x5B { residueEnd = shortcodeEnd(at: offset, limit: end) }
            if byte == 0x5C, let escape = unicodeEscapeEnd(at: offset, limit: end) { residueEnd = escape }
            if let residueEnd {
                if first == nil { first = offset }
                last = residueEnd
                offset = residueEnd
            } else {
                offset += 1
            }
        }
        guard let first else { return nil }
        // Little else on the line: the line is the residue.
        let outside = line.significant.filter { tokens[$0].kind == .word && (Int(tokens[$0].end) <= first || Int(tokens[$0].start) >= last) }.count
        if outside <= 3 { return line.range }
        return first..<last
    }

    /// "\u00ab", "\u2014": a JSON or JavaScript escape, which no prose holds.
    func unicodeEscapeEnd(at offset: Int, limit: Int) -> Int? {
        guard offset + 6 <= limit, prose[offset] == 0x5C, prose[offset + 1] == 0x75 else { return nil }
        for index in (offset + 2)..<(offset + 6) where !prose[index].isASCIIHexDigit { return nil }
        return offset + 6
    }

    /// "<p>", "</p>", "< /p>", "<br/>", "<a href=…>": the end of a tag starting at `offset`.
    func tagEnd(at offset: Int, limit: Int) -> Int? {
        var index = offset + 1
        if index < limit, prose[index] == 0x20 { index += 1 }
        if index < limit, prose[index] == 0x2F { index += 1 }
        let nameStart = index
        while index < limit, prose[index].isASCIILetter { index += 1 }
        guard index > nameStart, index - nameStart <= 10 else { return nil }
        // A name alone ("<p>") or attributes up to the closing ">" within the line.
        var scan = index
        while scan < limit, prose[scan] != 0x3E, prose[scan] != 0x3C { scan += 1 }
        guard scan < limit, prose[scan] == 0x3E else { return nil }
        if scan > index {
            // Attributes need "=", or the slash of "<br/>".
            let inside = prose[index..<scan]
            guard prose[index] == 0x20 || prose[index] == 0x2F, inside.contains(0x3D) || inside.allSatisfy({ $0 == 0x20 || $0 == 0x2F }) else { return nil }
        }
        return scan + 1
    }

    /// "[name attribute=…]": a bracket, a lowercase name, a space, an attribute name and "=" (or
    /// an escape of it): a template shortcode, which runs to the closing bracket or the end of
    /// the line.
    func shortcodeEnd(at offset: Int, limit: Int) -> Int? {
        var index = offset + 1
        let nameStart = index
        while index < limit, (prose[index].isASCIILetter && prose[index] >= 0x61) || prose[index] == 0x5F || prose[index] == 0x2D { index += 1 }
        guard index - nameStart >= 2, index < limit, prose[index] == 0x20 else { return nil }
        index += 1
        let attributeStart = index
        while index < limit, prose[index].isASCIILetter || prose[index] == 0x5F || prose[index] == 0x2D { index += 1 }
        guard index > attributeStart, index < limit, prose[index] == 0x3D || unicodeEscapeEnd(at: index, limit: limit) != nil else { return nil }
        while index < limit, prose[index] != 0x5D { index += 1 }
        return index < limit ? index + 1 : limit
    }

    /// A photo caption or credit: a caption word and its source. "Photo: …" at the start, "…
    /// Photo: Reuters", "… photo by Jane Doe" or "… AP photo" at the end, "FILE - …", "©",
    /// "REUTERS/Name", an image file name. The range is the whole line, or only the credit when it
    /// closes a line of two sentences or more (an article paragraph with a credit appended).
    func caption(_ line: Line) -> Range<Int>? {
        WorkCounter.count(1)
        let significant = line.significant.dropping(line.contentStart)
        guard !significant.isEmpty, line.words <= 60 else { return nil }
        let first = tokens[significant[0]]
        // "FILE - …" (wire-photo captions).
        if significant.count > 2, first.shape == .upper, isWord(first, Word.file), isDash(tokens[significant[1]]) { return line.range }
        for (position, index) in significant.enumerated() {
            let token = tokens[index]
            if isCopyright(token) { return line.range }
            // An image file name: "12345.jpeg".
            if token.kind == .word, position > 0, isByte(tokens[significant[position - 1]], 0x2E),
               tokens[significant[position - 1]].start == tokens[significant[position - 1]].end - 1,
               Int(tokens[significant[position - 1]].start) == Int(tokens[significant[max(0, position - 2)]].end),
               Word.imageExtensions.contains(token.foldedHash) { return line.range }
            // "REUTERS/Name".
            if isWord(token, Word.reuters), token.shape == .upper, position + 2 < significant.count, isByte(tokens[significant[position + 1]], 0x2F),
               tokens[significant[position + 1]].start == token.end { return line.range }
        }
        // The credit: from where it starts to the end of the line.
        func credit(from start: Int) -> Range<Int> {
            let before = analysis.sentences[analysis.paragraphs[line.paragraph].sentences].filter { $0.range.upperBound <= start }.count
            return before >= 2 ? start..<line.range.upperBound : line.range
        }
        // A short source after `position` to the end of the line: a few words, no sentence end.
        func isShortCredit(after position: Int) -> Bool {
            let after = significant[(position + 1)...]
            let creditWords = after.filter { tokens[$0].kind == .word }.count
            let hasStop = after.contains { isByte(tokens[$0], 0x21) || isByte(tokens[$0], 0x3F) || (isByte(tokens[$0], 0x2E) && Int(tokens[$0].end) == line.range.upperBound) }
            return creditWords >= 1 && creditWords <= 5 && !hasStop
        }
        // A caption word with a colon or "by": at the start, or near the end with a short credit.
        for (position, index) in significant.enumerated() where position + 1 < significant.count {
            guard reader.wordClass(tokens[index]) == .caption else { continue }
            let next = tokens[significant[position + 1]]
            if isByte(next, 0x3A) {
                if position == 0 { return line.range }
                if isShortCredit(after: position + 1) { return credit(from: Int(tokens[index].start)) }
            } else if isWord(next, Word.by), position > 0, isShortCredit(after: position + 1),
                      tokens[significant[position + 2]].shape == .title || tokens[significant[position + 2]].shape == .upper {
                return credit(from: Int(tokens[index].start))
            }
        }
        // "… Archive photo", "… AP photo": a source and a caption word closing the line, after a
        // stop, a comma or a separator, or alone.
        var end = significant.count - 1
        while end > 0, tokens[significant[end]].kind == .punctuation { end -= 1 }
        guard end > 0, reader.wordClass(tokens[significant[end]]) == .caption else { return nil }
        let source = tokens[significant[end - 1]]
        guard source.kind == .word, reader.wordClass(source) == .credit || (source.shape == .upper && source.length >= 2 && source.length <= 5) else { return nil }
        if end == 1 { return line.range }
        let before = tokens[significant[end - 2]]
        guard isByte(before, 0x2E) || isByte(before, 0x2C) || isByte(before, 0x7C) || isByte(before, 0x2F) || isDash(before) else { return nil }
        return credit(from: Int(source.start))
    }

    /// A line of share buttons: only social networks and share words ("Facebook Telegram",
    /// "Share Email Print").
    func isShareBar(_ line: Line) -> Bool {
        WorkCounter.count(1)
        var words = 0
        for index in line.significant {
            let token = tokens[index]
            guard token.kind == .word else { continue }
            guard reader.wordClass(token) == .share else { return false }
            words += 1
        }
        return words >= 2 || (words == 1 && line.significant.count == 1 && line.isListItem)
    }

    /// A counter ("1,204 views", "Views: 87", "3 comments", "4 min read") or a bare number.
    /// Returns whether it counts only before or after the body: a view or visitor count counts
    /// anywhere; a bare number, a comment or like count and a reading time only at the edges.
    func counter(_ line: Line) -> Bool? {
        if line.words == 0 {
            let onlyNumbers = line.numbers == 1 && line.significant.allSatisfy { tokens[$0].kind == .number || tokens[$0].kind == .punctuation }
            let isDate = line.significant.contains { isDottedDate(tokens[$0]) }
            return onlyNumbers && !isDate ? true : nil
        }
        guard line.numbers >= 1, line.words <= 6 else { return nil }
        var views = false, tally = false, minutes = false, reading = false
        for index in line.significant where tokens[index].kind == .word {
            let token = tokens[index]
            switch reader.wordClass(token) {
            case .counter: views = true
            case .tally: tally = true
            case .countpart:
                if isWord(token, Word.read) || isWord(token, Word.reading) { reading = true }
                if Word.minutes.contains(token.foldedHash) { minutes = true }
            case .dateword, .relative: continue
            default: return nil
            }
        }
        if views { return false }
        return tally || (minutes && reading) ? true : nil
    }

    /// "Views: 87", "Total views 2,340" closing a longer line (fused to a headline or a paragraph):
    /// the counter, when nothing but counts and counter words follow it. It never reaches back
    /// past the word that opens it.
    func fusedCounter(_ line: Line) -> Range<Int>? {
        WorkCounter.count(1)
        let significant = line.significant
        for (position, index) in significant.enumerated() where position > 0 && reader.wordClass(tokens[index]) == .counter {
            let token = tokens[index]
            var start = position
            if isWord(tokens[significant[position - 1]], Word.total) { start = position - 1 }
            // A counter label is capitalized ("Views: 87"); "the clip gathered views 10 times
            // faster" is a sentence.
            guard tokens[significant[start]].shape == .title || tokens[significant[start]].shape == .upper, start > 0 else { continue }
            var hasNumber = false
            var rest = position + 1
            while rest < significant.count {
                let next = tokens[significant[rest]]
                if next.kind == .number { hasNumber = true } else if next.kind == .word {
                    let wordClass = reader.wordClass(next)
                    guard wordClass == .counter || wordClass == .countpart || wordClass == .relative || wordClass == .tally else { break }
                } else if next.kind != .punctuation && next.kind != .symbol { break }
                rest += 1
            }
            guard rest == significant.count, hasNumber, token.kind == .word else { continue }
            return Int(tokens[significant[start]].start)..<line.range.upperBound
        }
        return nil
    }

    /// "… Read more" ending a teaser: the ellipsis and the link.
    func readMoreLink(_ line: Line) -> Range<Int>? {
        let significant = line.significant
        guard significant.count >= 4 else { return nil }
        var end = significant.count - 1
        while end > 0, tokens[significant[end]].kind != .word { end -= 1 }
        guard end >= 2, isWord(tokens[significant[end]], Word.more), isWord(tokens[significant[end - 1]], Word.read) else { return nil }
        // The teaser's own mark: "…" or "..." (a single full stop ends the article's sentence).
        let mark = tokens[significant[end - 2]]
        var start = end - 2
        if isEllipsis(mark) { return Int(mark.start)..<line.range.upperBound }
        guard isByte(mark, 0x2E) else { return nil }
        while start > 0, isByte(tokens[significant[start - 1]], 0x2E) { start -= 1 }
        guard end - 2 - start >= 2 else { return nil }
        return Int(tokens[significant[start]].start)..<line.range.upperBound
    }

    /// A line that is only a timestamp: a date and a time, or a numeric date with a separator,
    /// or a date with share or counter words; other words (a byline, a place) only capitalized
    /// names, and none followed by a preposition ("Kyiv at 03:15" is a headline). Nil if not;
    /// the severity when it is: info for a twelve-hour clock ("9:05 PM"), which English news
    /// pages also print under the headline.
    func timestamp(_ line: Line) -> Severity? {
        guard line.words <= 10, line.numbers >= 1 else { return nil }
        let significant = line.significant
        var clock = false, twelveHour = false, numericDate = false, month = false, bar = false, ago = false
        var chromeWords = 0, otherWords = 0
        var previousIsOther = false
        var position = 0
        while position < significant.count {
            let token = tokens[significant[position]]
            var isOther = false
            defer { previousIsOther = isOther }
            if token.kind == .number {
                // "09:41", "21:07:33"
                if token.length <= 2, position + 2 < significant.count, isByte(tokens[significant[position + 1]], 0x3A),
                   tokens[significant[position + 2]].kind == .number, tokens[significant[position + 2]].length == 2,
                   tokens[significant[position + 1]].start == token.end {
                    clock = true
                    position += 3
                    while position + 1 < significant.count, isByte(tokens[significant[position]], 0x3A), tokens[significant[position + 1]].kind == .number { position += 2 }
                    continue
                }
                // "03.02.2021", "03/02/2021"
                if isDottedDate(token) { numericDate = true }
                if token.length <= 4, position + 4 < significant.count, isByte(tokens[significant[position + 1]], 0x2F),
                   tokens[significant[position + 2]].kind == .number, isByte(tokens[significant[position + 3]], 0x2F),
                   tokens[significant[position + 4]].kind == .number {
                    numericDate = true
                    position += 5
                    continue
                }
                position += 1
                continue
            }
            if token.kind == .word {
                switch reader.wordClass(token) {
                case .month, .weekday: month = true
                case .relative:
                    // "Today", "Yesterday" date a time; "hours", "days" only with "ago".
                    if isWord(token, Word.today) || isWord(token, Word.yesterday) { month = true }
                    if isWord(token, Word.ago) { ago = true }
                case .clock: twelveHour = true
                case .zone: break
                case .dateword:
                    // A name followed by "at", "on", "of" is a phrase, not a byline.
                    if previousIsOther && reader.isFunctionWord(token) { return nil }
                case .share, .counter, .tally: chromeWords += 1
                default:
                    if token.length == 2, isWord(token, Word.pm) || isWord(token, Word.am) {
                        twelveHour = true
                    } else {
                        guard token.shape == .title || token.shape == .upper else { return nil }
                        otherWords += 1
                        isOther = true
                    }
                }
            } else if isByte(token, 0x7C) || isBullet(token) {
                bar = true
            }
            position += 1
        }
        let date = numericDate || month
        if clock && date { return twelveHour ? .info : .warning }
        if numericDate && (bar || (otherWords == 0 && chromeWords == 0 && !month)) { return .warning }
        if date && chromeWords > 0 && otherWords == 0 { return .warning }
        // "2 hours ago", "Yesterday" with nothing else: a relative time.
        if ago && otherWords == 0 && chromeWords == 0 { return .warning }
        return nil
    }

    /// "Home » News » Politics", "News | World | Europe": short items between separators. Nil if
    /// not; whether it is a row of bars (which counts only at the edges, and not in a table) if
    /// it is. A » closing a « of the same line is a quotation mark, not a separator.
    func isMenu(_ line: Line) -> Bool? {
        WorkCounter.count(1)
        var guillemets = 0, bars = 0, itemWords = 0, openQuotes = 0
        var longestItem = 0
        for index in line.significant {
            let token = tokens[index]
            if isLeftGuillemet(token) {
                openQuotes += 1
            } else if isRightGuillemet(token) && openQuotes > 0 {
                openQuotes -= 1
            } else if isRightGuillemet(token) || isByte(token, 0x7C) {
                if isByte(token, 0x7C) { bars += 1 } else { guillemets += 1 }
                longestItem = max(longestItem, itemWords)
                itemWords = 0
            } else if token.kind == .word || token.kind == .number {
                itemWords += 1
            }
        }
        guard guillemets >= 1 || bars >= 2 else { return nil }
        // A breadcrumb's last item may be the headline; the others are short.
        guard longestItem <= 4 else { return nil }
        return guillemets == 0
    }

    /// The number of "|" on a line (nil for none).
    func barCount(_ line: Line) -> Int? {
        let count = line.significant.filter { isByte(tokens[$0], 0x7C) }.count
        return count > 0 ? count : nil
    }

    func hasHashtag(_ line: Line) -> Bool {
        WorkCounter.count(1)
        for (position, index) in line.significant.enumerated() where isByte(tokens[index], 0x23) && position + 1 < line.significant.count {
            let next = tokens[line.significant[position + 1]]
            if next.kind == .word && next.start == tokens[index].end { return true }
        }
        return false
    }

    /// A widget's label: two to five words, all words of widget labels ("most", "popular",
    /// "latest", "news", "photos", "video", "ad") but for function words, no figures, no
    /// sentence: "Popular photos", "Most read now", "Hide ad".
    func isWidgetLabel(_ line: Line) -> Bool {
        guard line.numbers == 0, !line.endsSentence, line.words <= 5 else { return false }
        var widgetWords = 0, labelWords = 0
        for index in line.significant.dropping(line.contentStart) {
            let token = tokens[index]
            if token.kind == .word {
                if reader.isFunctionWord(token) { continue }
                switch reader.wordClass(token) {
                case .widget, .listing: widgetWords += 1
                case .caption, .share: labelWords += 1
                default:
                    // "read", "news", "today" have a class of their own (a reading time, a site
                    // name, a relative day) and head widgets too.
                    if isWord(token, Word.read) || isWord(token, Word.news) || isWord(token, Word.today) { widgetWords += 1 } else { return false }
                }
            } else if !(token.kind == .punctuation && (isByte(token, 0x3A) || isDash(token))) {
                return false
            }
        }
        return widgetWords >= 1 && widgetWords + labelWords >= 2
    }

    /// A widget label that heads a list of articles ("Latest stories", "More news").
    func isListingLabel(_ line: Line) -> Bool {
        isWidgetLabel(line) && line.significant.contains { reader.wordClass(tokens[$0]) == .listing || isWord(tokens[$0], Word.news) }
    }
}
