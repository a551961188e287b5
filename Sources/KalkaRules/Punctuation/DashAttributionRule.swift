import KalkaKnowledge
import KalkaModel
import KalkaText

/// PUN008: an attribution set off the Russian and Ukrainian way, with a comma and a dash after the
/// quotation (“…”, — said the minister) or a dash alone before the speaker (“… – notes director X.”).
///
/// Two shapes are reported:
/// - a comma followed by a dash or hyphen and a word: “…”, – said X”, “…,” — X”, and the headline
///   form “Shelling resumed, - governor”, where one to three words naming the speaker (a
///   capitalized name or a title such as “governor”) end the line or sentence;
/// - a dash that opens a short closing clause built on a reporting verb, at the end of a sentence:
///   “…” – asked the minister.”, or, with the quotation marks lost, “… - notes director X.”
///
/// Not reported: a dash after a complete quotation that ends on its own full stop
/// (“… .” – says X”, the testimonial style of blurbs), a dash before a longer or different clause
/// (“the minister – said to be ill – stayed home”), an interruption inside a quotation
/// (“…,” — he paused — “…”), a comma before a negative number (“3, -5”) or a price (“5,- EUR”),
/// an apostrophe taken for a closing quote (“the ministers’, – ”).
///
/// A dash clause with no quotation mark before it is also informal English (“He was right - the
/// committee concluded.”), and one after “?” or “!” is the blurb style of English pull quotes, so
/// both need corroboration: a warning only when the document shows other marks of translation.
public struct DashAttributionRule: Rule {
    public static let description = RuleDescription(
        code: "PUN008",
        name: "dash-attribution",
        category: .punctuation,
        severity: .warning,
        summary: "An attribution punctuated the Russian way: a comma and a dash after a quotation (“…”, – he said), or a dash before “said X”.",
        rationale: """
            Russian and Ukrainian close a quotation and introduce the speaker with a comma and a \
            dash: «…», — сказал министр. Machine translation keeps both marks, giving “…”, – said \
            the minister, or, where the quotation marks were lost, “… - notes the director.” \
            English sets a comma inside the quotation and no dash: “…,” the minister said. \
            Headlines translated the same way end “…, - governor”. A dash before a longer clause, \
            an interruption inside a quotation, and the blurb style “… .” – says X after a \
            complete sentence are left alone. A dash before “X said” with no quotation mark \
            before it, or after a quotation ending on “?” or “!”, is also informal or blurb \
            English, so it is a warning only when the document shows other marks of translation \
            (a number calque, leftover Cyrillic, or two weaker marks), and info otherwise.
            """,
        fixApplicability: .safe,
        fixSafety: """
            After a quotation mark the dash is deleted and nothing else changes (“…”, – said X” \
            becomes “…”, said X”). Without a quotation mark the dash goes before a reporting verb \
            (“…, - said X” becomes “…, said X”) and the comma goes before a name (“…, - governor” \
            becomes “… – governor”), which an editor should confirm (unsafe); a \
            dash before “said X” without a comma has no automatic fix, since the quotation marks \
            it stands for are lost.
            """,
        triggering: [
            "“We will not retreat⟦”, –⟧ said the commander.",
            "“The shelling went on all night⟦,” —⟧ the governor wrote.",
            "\"Repairs will take a week⟦\", -⟧ stressed the company.",
            "Drones attacked the port overnight⟦, -⟧ governor",
            "Ferries resume on Monday⟦, -⟧ Odesa port",
            "“The queue moved fast” ⟦– the regional office noted⟧.",
            "Ticket sales doubled this spring ⟦- notes festival director Ivanna Moroz⟧.",
            "“Who will pay for it?” ⟦– asked the district head Petro Hnatiuk⟧.",
        ],
        nonTriggering: [
            "“We will not retreat,” said the commander.",
            "The minister – said to be ill – stayed at home.",
            "Kyiv - the capital - was shelled.",
            "“Best pizza in town.” – says our food critic.",
            "Temperatures ranged from 3, -5 and -7 degrees.",
            "The plan has three parts - a truce, talks, elections.",
            "The answer was brief - as he said.",
            "- a ceasefire\n- an exchange of prisoners",
            "The bridge - said to be the longest in Europe - reopened.",
            "The fund - wrote off the debts of Kyiv firms.",
            "The talks failed - a point the minister stressed.",
            "The minister – who spoke to reporters – said the plan would fail.",
            "The deal - said the ministry - was signed on Monday.",
            "He was poor, — but honest, — and proud.",
            "I said, — and I meant it, — that we would go.",
            "Set menu: 5,- EUR per person.",
            "“I was going to say,” — he paused — “that we should wait.”",
            "The ministers’, – and their deputies’ – salaries were frozen.",
        ],
        fixes: [
            FixExample("“We will not retreat”, – said the commander.", "“We will not retreat”, said the commander."),
            FixExample("“The shelling went on,” — the governor wrote.", "“The shelling went on,” the governor wrote."),
            FixExample("Drones attacked the port, - governor", "Drones attacked the port – governor"),
        ],
        signalsTranslation: .weak
    )

    private let verbs: ReportingVerbs
    /// Words that may follow a reporting verb in “- said the mayor” / “- wrote in Telegram”.
    private let afterVerb = WordSet(["the", "in", "on", "at", "from"])
    /// Words after which the verb is not an attribution: “- said to be…”, “- wrote off…”.
    private let notAttribution = WordSet([
        "to", "that", "it", "so", "nothing", "not", "no", "yes", "as", "this", "what", "how", "why",
        "off", "out", "down", "up", "back", "over", "about", "for", "with", "a", "an",
    ])
    /// Auxiliaries: after one, the words after the dash are a clause of their own.
    private let auxiliaries = WordSet([
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could",
        "shall", "should", "may", "might", "must", "do", "does", "did",
    ])
    /// Words that may open “- the company said” (a definite subject: “a point the minister
    /// stressed” is an English appositive).
    private let determiners = WordSet(["the", "our", "his", "her", "its", "their"])
    /// Titles that name the speaker of a headline attribution (“…, - governor”).
    private let titles = WordSet([
        "governor", "mayor", "minister", "ministry", "president", "premier", "spokesman", "spokeswoman", "spokesperson",
        "head", "chief", "commander", "general", "ombudsman", "prosecutor", "prosecutors", "police", "official",
        "officials", "expert", "experts", "analyst", "analysts", "ambassador", "envoy", "adviser", "advisor", "deputy",
        "mp", "media", "source", "sources", "army", "military", "command", "headquarters", "administration",
    ])

    public init(dictionaries: DictionaryStore) throws {
        verbs = try ReportingVerbs.load(dictionaries)
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        // Commas and dashes are punctuation tokens: only those are visited.
        for index in analysis.punctuationTokens {
            let token = tokens[index]
            if analysis.isCharacter(token, 0x2C) {
                commaDash(analysis, comma: index, into: &findings)
            } else if analysis.isDashToken(token) {
                dashClause(analysis, dash: index, into: &findings)
            }
        }
    }

    /// “…”, – said X”, “…,” — X”, “…, - governor”.
    private func commaDash(_ analysis: Analysis, comma: Int, into findings: inout Findings) {
        let tokens = analysis.tokens
        guard comma > 0 else { return }
        let previous = tokens[comma - 1]
        guard previous.kind != .space else { return }
        let quoteBefore = closesQuotation(analysis, comma - 1)
        var next = comma + 1
        var quoteAfter = false
        if next < tokens.count, closesQuotation(analysis, next) {
            quoteAfter = true
            next += 1
        }
        let markEnd = Int(tokens[next - 1].end)
        var spaced = false
        if next < tokens.count, tokens[next].kind == .space, !tokens[next].isParagraphBreak {
            next += 1
            spaced = true
        }
        guard next < tokens.count, analysis.isDashToken(tokens[next]) else { return }
        // Without a quotation mark: a dash tight against the comma, or a number before it, is a
        // price (“5,- EUR”) or a list, not an attribution.
        if !quoteBefore && !quoteAfter && (!spaced || previous.kind == .number) { return }
        var dashEnd = next
        // "--" stands for a dash.
        if analysis.isCharacter(tokens[next], 0x2D), dashEnd + 1 < tokens.count, analysis.isCharacter(tokens[dashEnd + 1], 0x2D) { dashEnd += 1 }
        guard dashEnd + 2 < tokens.count, tokens[dashEnd + 1].kind == .space, !tokens[dashEnd + 1].isParagraphBreak,
              tokens[dashEnd + 2].kind == .word else { return }
        let after = tokens[dashEnd + 2]
        guard analysis.hasNoSoftBreak(Int(tokens[comma].start)..<Int(after.start) + 1) else { return }
        let start = quoteBefore ? Int(previous.start) : Int(tokens[comma].start)
        let range = start..<Int(tokens[dashEnd].end)
        let message = "“\(analysis.text(of: range))”: English introduces the speaker without a dash"
        if quoteBefore || quoteAfter {
            // “…,” — he paused — “…”: a dash that a second one closes is an interruption.
            guard !isInterruption(analysis, after: dashEnd) else { return }
            findings.report(range, message, fixTitle: "Delete the dash",
                            edits: [ProseEdit(markEnd..<Int(tokens[dashEnd].end), "")])
        } else if verbs.all.contains(after) && after.shape == .lower {
            findings.report(range, message, fix: ProseFix(title: "Delete the dash", applicability: .unsafe,
                                                          edits: [ProseEdit(markEnd..<Int(tokens[dashEnd].end), "")]))
        } else {
            guard namesSpeaker(analysis, from: dashEnd + 2) else { return }
            // A headline attribution: "…, - governor" becomes "… – governor".
            findings.report(range, message, fix: ProseFix(title: "Write “ – ” without the comma", applicability: .unsafe,
                                                          edits: [ProseEdit(Int(tokens[comma].start)..<Int(tokens[dashEnd].end), " –")]))
        }
    }

    /// “…” – noted the office.” and, with the quotation marks lost, “… - notes director X.”
    private func dashClause(_ analysis: Analysis, dash: Int, into findings: inout Findings) {
        let tokens = analysis.tokens
        // Whether a quotation closes right before the dash on a word (the Russian shape, a
        // warning) rather than on “?” or “!” (also the blurb style of English pull quotes).
        var quoted = false
        // What stands before the dash: the start of a line, or a word (or a quotation that does
        // not end on its own full stop) and a space.
        if dash > 0 && !tokens[dash - 1].isParagraphBreak {
            guard tokens[dash - 1].kind == .space, dash >= 2 else { return }
            let before = tokens[dash - 2]
            if before.isParagraphBreak {
                // A dash after indentation at the start of a line.
            } else if closesQuotation(analysis, dash - 2) {
                // After a full stop the quotation is a complete sentence (the blurb style
                // “… .” – says X).
                guard dash >= 3, !analysis.isCharacter(tokens[dash - 3], 0x2E), !analysis.isCharacter(tokens[dash - 3], 0x2C),
                      !(analysis.isTerminalMark(tokens[dash - 3]) && tokens[dash - 3].length == 3) else { return }
                quoted = !analysis.isTerminalMark(tokens[dash - 3])
            } else {
                guard before.kind == .word || before.kind == .number else { return }
            }
            guard analysis.hasNoSoftBreak(Int(before.end) - 1..<Int(tokens[dash].end)) else { return }
        }
        guard dash + 2 < tokens.count, tokens[dash + 1].kind == .space, !tokens[dash + 1].isParagraphBreak else { return }
        // A dash that closes a parenthesis (“The minister – who spoke to us – said…”) is English.
        guard !closesParenthesis(analysis, dash: dash) else { return }
        // The clause after the dash: up to eight words (a hyphen may join two), nothing else, to
        // the end of the sentence.
        var words: [Int] = []
        var position = dash + 2
        var ended = false
        while position < tokens.count {
            let token = tokens[position]
            if token.isParagraphBreak { ended = true; break }
            if token.kind == .space {
                guard analysis.hasNoSoftBreak(token.range) else { return }
            } else if token.kind == .word {
                words.append(position)
                if words.count > 8 { return }
            } else if analysis.isCharacter(token, 0x2D), tokens[position - 1].kind == .word,
                      position + 1 < tokens.count, tokens[position + 1].kind == .word {
                // "Jean-Claude": a hyphen inside a name.
            } else if analysis.isCharacter(token, 0x2E) || analysis.isCharacter(token, 0x21) {
                ended = true
                break
            } else {
                return
            }
            position += 1
        }
        if position == tokens.count { ended = true }
        guard ended, words.count >= 2 else { return }
        let first = tokens[words[0]], second = tokens[words[1]], last = tokens[words[words.count - 1]]
        // “- said the plan had failed” is a clause, not a speaker.
        if words.contains(where: { auxiliaries.contains(tokens[$0]) }) { return }
        let named = words.dropFirst().contains { tokens[$0].shape == .title || tokens[$0].shape == .upper }
        let verbFirst = first.shape == .lower && verbs.all.contains(first) && !notAttribution.contains(second)
            && (second.shape == .title || second.shape == .upper || afterVerb.contains(second) || named)
        let verbLast = last.shape == .lower && verbs.all.contains(last)
            && (first.shape == .title || determiners.contains(first) && first.shape == .lower)
            && !words.dropLast().contains { verbs.all.contains(tokens[$0]) }
        guard verbFirst || verbLast else { return }
        let range = Int(tokens[dash].start)..<Int(last.end)
        findings.report(range, "“\(analysis.text(of: range))”: a dash before the speaker, as Russian and Ukrainian punctuate an attribution; English writes “…,” \(verbFirst ? "said X" : "X said") after the quotation",
                        needsCorroboration: quoted ? nil : "informal English and pull quotes also set a dash before the speaker")
    }

    /// Whether the token at `index` closes a quotation: ” » " always; a single ’ or ' only after
    /// an opening single quote in the same paragraph, since it is otherwise an apostrophe
    /// (“the ministers’, – …”).
    private func closesQuotation(_ analysis: Analysis, _ index: Int) -> Bool {
        let tokens = analysis.tokens
        guard index >= 0, index < tokens.count, analysis.isClosingQuote(tokens[index]) else { return false }
        let prose = analysis.prose
        func isMark(_ token: Token, _ last: UInt8) -> Bool {
            let start = Int(token.start)
            return token.length == 3 && prose[start] == 0xE2 && prose[start + 1] == 0x80 && prose[start + 2] == last
        }
        let token = tokens[index]
        guard analysis.isCharacter(token, 0x27) || isMark(token, 0x99) else { return true }
        var position = index - 1
        while position >= 0 && index - position < 200 && !tokens[position].isParagraphBreak {
            let earlier = tokens[position]
            if isMark(earlier, 0x98) { return true }
            if analysis.isCharacter(earlier, 0x27), position == 0 || tokens[position - 1].kind == .space { return true }
            position -= 1
        }
        return false
    }

    /// Whether another spaced dash follows in the same sentence within ten words: the first dash
    /// opened an interruption (“…,” — he paused — “…”) or a parenthesis.
    private func isInterruption(_ analysis: Analysis, after dash: Int) -> Bool {
        let tokens = analysis.tokens
        var position = dash + 1
        var words = 0
        while position < tokens.count && words <= 10 {
            let token = tokens[position]
            if token.isParagraphBreak || analysis.isTerminalMark(token) { return false }
            if token.kind == .word { words += 1 }
            if analysis.isDashToken(token), tokens[position - 1].kind == .space { return true }
            position += 1
        }
        return false
    }

    /// “…, - governor”, “…, - Odesa port”: one to three words from `start` that end the line or
    /// the sentence, one of them a capitalized name or a title.
    private func namesSpeaker(_ analysis: Analysis, from start: Int) -> Bool {
        let tokens = analysis.tokens
        var position = start
        var words = 0
        var named = false
        while position < tokens.count {
            let token = tokens[position]
            if token.isParagraphBreak { break }
            if token.kind == .space {
                if token.range.contains(where: { analysis.prose[$0] == 0x0A }) { break }
            } else if token.kind == .word {
                words += 1
                if words > 3 { return false }
                if token.shape == .title || token.shape == .upper || titles.contains(token) { named = true }
            } else if analysis.isCharacter(token, 0x2E) || analysis.isCharacter(token, 0x21) {
                break
            } else if !(analysis.isCharacter(token, 0x2D) && tokens[position - 1].kind == .word) {
                return false
            }
            position += 1
        }
        return words >= 1 && named
    }

    /// Whether an earlier spaced dash in the same sentence opened a parenthesis that `dash` closes.
    private func closesParenthesis(_ analysis: Analysis, dash: Int) -> Bool {
        let tokens = analysis.tokens
        var position = dash - 1
        while position > 0 && dash - position < 120 {
            let token = tokens[position]
            if token.isParagraphBreak || analysis.isTerminalMark(token) { return false }
            if analysis.isDashToken(token), tokens[position - 1].kind == .space, position + 1 < tokens.count, tokens[position + 1].kind == .space {
                return true
            }
            position -= 1
        }
        return false
    }
}
