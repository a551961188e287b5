import KalkaText

/// Page-layout evidence from where a line stands: navigation lists above the body, a label over
/// the headline, related-story blocks, an author bio, widgets and a headline after the body.
extension LayoutBuilder {
    /// A run of list items at the top of the page (nothing but chrome above it) whose items are
    /// mostly one to three words: a menu. Short key points under a headline stay.
    func markNavigationLists(_ content: [Line], _ verdicts: inout [Verdict?], before firstBody: Int) {
        var k = 0
        while k < firstBody {
            guard content[k].isListItem else {
                if verdicts[k] == nil { return }
                k += 1
                continue
            }
            var end = k
            while end < firstBody && content[end].isListItem { end += 1 }
            let run = content[k..<end]
            if run.count >= 2 && run.filter({ $0.words <= 3 && $0.numbers == 0 }).count * 3 >= run.count * 2 {
                for item in k..<end where verdicts[item] == nil {
                    verdicts[item] = Verdict(range: content[item].range, evidence: .structure(.navigation), severity: .warning, isWholeLine: true)
                }
            }
            k = end
        }
    }

    /// The first line as a section or site label: one to three words, no figures, above a line
    /// that is neither the body nor a byline (a short title, "Introduction" or a person's name,
    /// may head an article or a biography itself). Its place is all the evidence, so it is
    /// positional info, unless a menu follows it with a headline after that: then it is chrome
    /// among chrome. A heading the markup marks is the article's own.
    func topLabel(_ content: [Line], _ verdicts: [Verdict?], isBody: [Bool], firstBody: Int) -> Verdict? {
        guard content.count > 1, verdicts[0] == nil else { return nil }
        let line = content[0]
        guard !line.isHeading, line.numbers == 0, !line.endsSentence, !line.isListItem, line.words >= 1, line.words <= 3 else { return nil }
        guard !isBody[1], !isByline(content[1]), !content[1].isHeading || verdicts[1] != nil else { return nil }
        guard line.significant.allSatisfy({ tokens[$0].kind == .word || isByte(tokens[$0], 0x2E) || isByte(tokens[$0], 0x3A) }) else { return nil }
        let kind: PageLayout.ChromeKind = isNameCaption(line) ? .name : .label
        // A menu right under it and a headline before the body: the line is the page's.
        var menu = 1
        while menu < firstBody, let verdict = verdicts[menu], verdict.isFirmChrome, isNavigation(verdict) { menu += 1 }
        if menu > 1, (menu..<firstBody).contains(where: { verdicts[$0] == nil }) {
            return Verdict(range: line.range, evidence: .structure(kind), severity: .warning, isWholeLine: true)
        }
        return Verdict(range: line.range, evidence: .structure(kind), severity: .info, isWholeLine: true, isPositional: true)
    }

    /// A menu, a breadcrumb or a section label.
    func isNavigation(_ verdict: Verdict) -> Bool {
        switch verdict.evidence {
        case .structure(.navigation): return true
        case .phrase(let row): return reader.kinds[row] == "navigation"
        default: return false
        }
    }

    /// The one line between the headline and the body that is a person's name alone (with only
    /// chrome around it): the caption of the photo under the headline or the author's byline
    /// widget. Only that line: a list of names, or a name with text around it, is the article's.
    func markNameCaption(_ content: [Line], _ verdicts: inout [Verdict?], headline: Int, firstBody: Int) {
        guard headline + 1 < firstBody else { return }
        var k = headline + 1
        while k < firstBody, let verdict = verdicts[k], verdict.isFirmChrome { k += 1 }
        guard k < firstBody, verdicts[k] == nil, !content[k].isHeading, isNameCaption(content[k]) else { return }
        // Not the end of a line broken mid-phrase ("… in the" / "Sumy Oblast").
        if let end = content[k - 1].significant.last, reader.isFunctionWord(tokens[end]) { return }
        guard ((k + 1)..<firstBody).allSatisfy({ verdicts[$0]?.isFirmChrome == true }) else { return }
        verdicts[k] = Verdict(range: content[k].range, evidence: .structure(.name), severity: .warning, isWholeLine: true)
    }

    /// A person's name alone on a line: two or three capitalized words, the last one no English
    /// word, no function word ("Olena Petrenko").
    func isNameCaption(_ line: Line) -> Bool {
        guard line.words >= 2, line.words <= 3, line.numbers == 0, !line.isListItem else { return false }
        var lastWord: Token? = nil
        for index in line.significant {
            let token = tokens[index]
            if token.kind == .word {
                guard token.shape == .title || token.shape == .upper, !reader.isFunctionWord(token), token.script == .latin else { return false }
                lastWord = token
            } else if !(isByte(token, 0x2E) && token.start > 0 && prose[Int(token.start) - 1].isASCIILetter) {
                // Only the full stop of an initial ("Mark A. Smith") may stand between the words.
                return false
            }
        }
        guard let lastWord, !reader.isEnglishWord(lastWord) else { return false }
        return true
    }

    /// A row of menu items in title case: six words or more, every one capitalized and none a
    /// function word (a headline in title case has "In", "Of", "The").
    func isMenuRow(_ line: Line) -> Bool {
        guard line.words >= 6, !line.endsSentence, line.numbers == 0, !line.isHeading else { return false }
        for index in line.significant {
            let token = tokens[index]
            if token.kind == .word {
                guard token.shape == .title || token.shape == .upper, !reader.isFunctionWord(token) else { return false }
            } else if token.kind == .punctuation && !isByte(token, 0x2C) && !isApostrophe(token) {
                return false
            }
        }
        return true
    }

    /// After a "Read also", "Related news" or "Most popular" line (after the article's end also a
    /// widget label over a list, "Latest stories"): the headlines that follow it, up to the next
    /// line of prose. Not before the body, where the next headline is the article's. Each block
    /// is read once.
    func markRelatedBlocks(_ content: [Line], _ verdicts: inout [Verdict?], from firstBody: Int, after lastBody: Int, isBody: [Bool]) {
        var k = firstBody
        while k < content.count {
            guard let verdict = verdicts[k], verdict.isWholeLine, !verdict.isPositional || k > lastBody else { k += 1; continue }
            let opensBlock: Bool
            switch verdict.evidence {
            case .phrase(let row): opensBlock = reader.kinds[row] == "related"
            case .structure(.widget): opensBlock = k > lastBody && isListingLabel(content[k])
            default: opensBlock = false
            }
            guard opensBlock else { k += 1; continue }
            var next = k + 1
            while next < content.count {
                let line = content[next]
                if verdicts[next] == nil {
                    // A headline: short, not prose (a short one may end in "!" or "?").
                    guard !isBody[next], !line.endsSentence || line.isListItem || line.words < Limits.sentenceWords,
                          line.words <= 20, line.words >= 1 else { break }
                    verdicts[next] = Verdict(range: line.range, evidence: .structure(.related), severity: .warning, isWholeLine: true)
                }
                next += 1
            }
            k = next
        }
    }

    /// The template bio of a site's author among the last two lines: in the first person ("I am
    /// Jane Doe, an editor at this site"), the name, a profession and the site in the first
    /// sentence. The same in the third person ("Jane Doe is a reporter for the site") closes
    /// op-eds in edited English too, so it is positional info.
    func markAuthorBio(_ content: [Line], _ verdicts: inout [Verdict?]) {
        for k in content.indices.suffix(2) where k > 0 && verdicts[k] == nil {
            let line = content[k]
            let significant = line.significant
            guard significant.count > 6, line.words <= 60 else { continue }
            // Some prose above it: the bio follows an article.
            guard content[..<k].contains(where: { $0.endsSentence && $0.words >= Limits.sentenceWords }) else { continue }
            var position = 0
            var firstPerson = true
            let first = tokens[significant[0]]
            if isWord(first, Word.i), isWord(tokens[significant[1]], Word.am) {
                position = 2
            } else if isWord(first, Word.i), isApostrophe(tokens[significant[1]]), isWord(tokens[significant[2]], Word.m) {
                position = 3
            } else if isWord(first, Word.iAmCurly) || isWord(first, Word.iAmStraight) {
                position = 1
            } else {
                firstPerson = false
            }
            var names = 0
            while position < significant.count, tokens[significant[position]].kind == .word, tokens[significant[position]].shape == .title,
                  !reader.isFunctionWord(tokens[significant[position]]) { names += 1; position += 1 }
            guard names >= 2, names <= 4, position < significant.count else { continue }
            if firstPerson {
                guard isByte(tokens[significant[position]], 0x2C) else { continue }
            } else {
                guard isWord(tokens[significant[position]], Word.is) else { continue }
            }
            // A profession, then the site, in the first sentence.
            let sentence = analysis.sentences[analysis.paragraphs[line.paragraph].sentences.lowerBound]
            let rest = significant[position...].filter { $0 < sentence.tokens.upperBound }
            guard let job = rest.firstIndex(where: { reader.wordClass(tokens[$0]) == .profession }) else { continue }
            let afterJob = rest[(job + 1)...]
            let namesSite = afterJob.contains { reader.wordClass(tokens[$0]) == .site }
            let namedOutlet = afterJob.indices.contains { index in
                guard index + 1 < afterJob.endIndex, isWord(tokens[afterJob[index]], Word.for) || isWord(tokens[afterJob[index]], Word.at) else { return false }
                var next = index + 1
                if isWord(tokens[afterJob[next]], Word.the), next + 1 < afterJob.endIndex { next += 1 }
                return tokens[afterJob[next]].shape == .title || tokens[afterJob[next]].shape == .upper
            }
            guard namesSite || namedOutlet || hasDomainName(line) else { continue }
            verdicts[k] = Verdict(range: line.range, evidence: .structure(.bio), severity: firstPerson ? .warning : .info,
                                  isWholeLine: true, isPositional: !firstPerson)
        }
    }

    /// After the article's last paragraph: a site footer (a site name, a year; an e-mail address
    /// is a contact, not a footer), and a short line right next to a line of chrome (its label or
    /// its link).
    func markTailWidgets(_ content: [Line], _ verdicts: inout [Verdict?], after lastBody: Int) {
        guard lastBody >= 0, lastBody + 1 < content.count else { return }
        let tail = (lastBody + 1)..<content.count
        for k in tail where verdicts[k] == nil && content[k].words <= 8 && !content[k].endsSentence && hasDomainName(content[k]) {
            verdicts[k] = Verdict(range: content[k].range, evidence: .structure(.footer), severity: .warning, isWholeLine: true)
        }
        func isShortLine(_ line: Line) -> Bool {
            line.words >= 1 && line.words <= 5 && !line.endsSentence && !line.isListItem && !line.isHeading && !isByline(line)
        }
        func isSeed(_ k: Int) -> Bool {
            guard content.indices.contains(k), let verdict = verdicts[k], verdict.isFirmChrome else { return false }
            switch verdict.evidence {
            case .phrase, .structure(.share), .structure(.counter), .structure(.footer), .structure(.code), .structure(.tags),
                 .structure(.navigation), .structure(.widget):
                return true
            default:
                return false
            }
        }
        // One step from chrome that carries its own evidence, not a chain of short lines.
        let seeds = Set(tail.filter { isSeed($0) })
        for k in tail where verdicts[k] == nil && isShortLine(content[k]) && (seeds.contains(k - 1) || seeds.contains(k + 1)) {
            verdicts[k] = Verdict(range: content[k].range, evidence: .structure(.widget), severity: .warning, isWholeLine: true)
        }
    }

    /// A headline-like last line right after the body: six to sixteen words, capitalized, no full
    /// stop, ending on a whole word that is no function word. A capture cut mid-sentence can look
    /// the same, so it is reported as info.
    func isTrailingHeadline(_ line: Line) -> Bool {
        guard line.words >= 6, line.words <= 16, !line.endsSentence, !line.isListItem else { return false }
        let words = line.significant.filter { tokens[$0].kind == .word }
        // Not a credit line ("Reporting by …; editing by …").
        guard words.count > 1, !isWord(tokens[words[1]], Word.by), !line.significant.contains(where: { isByte(tokens[$0], 0x3B) }) else { return false }
        guard let first = words.first, let last = words.last, tokens[first].shape == .title || tokens[first].shape == .upper else { return false }
        // A whole last word: an English word, or a name long enough not to be cut short.
        let end = tokens[last]
        let whole = reader.isEnglishWord(end) ? end.length >= 3 : end.shape == .title && end.length >= 4
        return whole && !reader.isFunctionWord(end) && line.significant.last == last
    }
}
