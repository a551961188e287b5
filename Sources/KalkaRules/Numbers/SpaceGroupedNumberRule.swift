import KalkaKnowledge
import KalkaModel
import KalkaText

/// NUM007: thousands grouped with a space ("31 418 donations", "5 120 UAH", "1 250 000"), the Russian
/// and Ukrainian way, where English news writes 31,418.
///
/// The groups after the first must have three digits each (the last may carry a decimal part,
/// "5 120,50"), the first one to three digits and no leading zero. Two numbers that merely stand
/// side by side are left alone: after a month ("March 5 100 people"), after a label that takes a
/// number ("No. 12 300", "route 7 120", "day 3 500"), a sign or another number (phone numbers
/// "+380 44 123 4567"), and before a hyphenated compound ("3 100-metre races"), a further number,
/// or a colon, slash or point and digits.
///
/// SI style, which some English publishers follow, groups with a (thin) space too, but never a
/// four-digit number: "3 816" is a warning; five digits and more, or a thin or narrow no-break
/// space, need corroboration (a warning only with other marks of translation in the document).
public struct SpaceGroupedNumberRule: Rule {
    public static let description = RuleDescription(
        code: "NUM007",
        name: "space-grouped-number",
        category: .numberFormat,
        severity: .warning,
        summary: "Thousands separated by a space, as in “31 418 donations” or “5 120 UAH”, where English writes “31,418”.",
        rationale: """
            Russian and Ukrainian group the digits of large numbers with a space (“31 418”); \
            translated copy keeps it. English news style uses a comma (“31,418”): a space reads \
            as two numbers side by side, and a line may break between the groups. Numbers that \
            merely stand next to each other (“on March 5 100 people”, “No. 12 300”, “day 3 500”) \
            are left alone. SI style, used by some scientific and international English \
            publishers, also groups with a space (“45 000 tonnes”), usually a thin one, but never \
            splits a four-digit number: “5 120” is a warning, while five digits or more, or a \
            thin space, are a warning only when the document shows other marks of translation \
            and info otherwise.
            """,
        fixApplicability: .unsafe,
        fixSafety: """
            The spaces become commas (and a decimal comma in the last group a point); two numbers \
            that happen to stand side by side would be joined, so an editor should look.
            """,
        triggering: [
            "The fund received ⟦31 418⟧ donations in a month.",
            "The new tariff is ⟦5 120⟧ hryvnias.",
            "Some ⟦1 250 000⟧ people left the region.",
            "The fee rose to ⟦6 240,75⟧ hryvnias.",
        ],
        nonTriggering: [
            "The fund received 31,418 donations in a month.",
            "On March 5 100 people were evacuated.",
            "Call +380 44 123 4567 for details.",
            "He ran the 3 100-metre races.",
            "Decree No. 12 300 was signed.",
            "In 2022 500 people left.",
            "The code 012 345 was printed.",
            "On day 3 500 troops crossed the river.",
            "In round 2 300 delegates voted.",
            "Table 4 120 rows long was printed.",
        ],
        fixes: [
            FixExample("The fund received 31 418 donations.", "The fund received 31,418 donations."),
            FixExample("The fee rose to 6 240,75 hryvnias.", "The fee rose to 6,240.75 hryvnias."),
        ],
        signalsTranslation: .weak
    )

    /// Words a number follows as a label rather than as a quantity.
    private let labels = WordSet([
        "no", "nos", "number", "numbers", "page", "pages", "p", "pp", "article", "articles", "chapter", "part", "paragraph",
        "section", "item", "room", "flight", "route", "bus", "tram", "trolleybus", "line", "platform", "gate", "row", "seat",
        "building", "house", "apartment", "flat", "school", "lyceum", "gymnasium", "grade", "class", "unit", "brigade",
        "battalion", "regiment", "division", "corps", "kindergarten", "hospital", "district", "precinct", "code", "index",
        "version", "step", "level", "season", "episode", "volume", "vol", "issue", "case", "file", "act", "law", "bill",
        "decree", "resolution", "order", "protocol", "post", "checkpoint", "highway", "road", "km", "kilometre", "kilometer",
        "day", "week", "month", "round", "stage", "phase", "figure", "fig", "table", "lap", "leg", "heat", "game", "match",
        "wave", "group", "zone", "sector", "block", "annex", "appendix", "clause", "term", "year",
    ])

    public init(dictionaries: DictionaryStore) throws {}

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        let prose = analysis.prose
        // From the document's numbers (`TokenKindIndex`); a number read into a group is not
        // visited again.
        var next = 0
        for index in analysis.numberTokens where index >= next {
            let first = tokens[index]
            guard first.kind == .number, first.length <= 3, NumberText.isDigits(prose, first.range),
                  prose[Int(first.start)] != 0x30 else { continue }
            // The groups: a space, then three digits, again and again; the last may carry a
            // decimal part ("5 120,50", "5 120.50").
            var groups = [index]
            var position = index
            var thin = false
            var decimal = false
            while !decimal, position + 2 < tokens.count, let space = groupSpace(analysis, tokens[position + 1]),
                  tokens[position + 2].kind == .number {
                let group = tokens[position + 2]
                if group.length == 3 && NumberText.isDigits(prose, group.range) {
                } else if Self.isGroupWithDecimals(prose, group) {
                    decimal = true
                } else {
                    break
                }
                thin = thin || space == .thin
                position += 2
                groups.append(position)
            }
            guard groups.count >= 2 else { continue }
            let last = tokens[position]
            next = position + 1
            guard standsAlone(analysis, before: index), endsCleanly(analysis, after: position) else { continue }
            let range = Int(first.start)..<Int(last.end)
            var edits: [ProseEdit] = []
            var grouped = analysis.text(of: first)
            for group in groups.dropFirst() {
                edits.append(ProseEdit(tokens[group - 1].range, ","))
                let digits = analysis.text(of: tokens[group])
                // A decimal comma in the last group becomes a point too ("5 120,50" → "5,120.50").
                if decimal && group == position && digits.contains(",") {
                    let point = String(digits.map { $0 == "," ? "." : $0 })
                    edits.append(ProseEdit(tokens[group].range, point))
                    grouped += "," + point
                } else {
                    grouped += "," + digits
                }
            }
            // SI style never splits four digits ("3 816"); longer numbers and thin spaces may be it.
            let corroboration: String? = groups.count == 2 && first.length == 1 && !thin
                ? nil : "SI style, which some English publishers follow, also groups digits with a space"
            findings.report(range, "“\(Self.plain(analysis.text(of: range)))” groups thousands with a space; English writes “\(grouped)”",
                            fixTitle: "Write “\(grouped)”", edits: edits, needsCorroboration: corroboration)
        }
    }

    /// "120,50", "120.50": a group of three digits and a decimal part of one or two digits.
    private static func isGroupWithDecimals(_ prose: [UInt8], _ token: Token) -> Bool {
        guard let shape = NumberText.shape(prose, token.range) else { return false }
        return shape.runs.count == 2 && shape.runs[0] == 3 && shape.runs[1] <= 2
    }

    private enum GroupSpace { case plain, thin }

    /// One space or no-break space (plain), or a thin or narrow no-break space (thin), on one
    /// source line.
    private func groupSpace(_ analysis: Analysis, _ token: Token) -> GroupSpace? {
        guard token.kind == .space, !token.isParagraphBreak, analysis.hasNoSoftBreak(token.range) else { return nil }
        let prose = analysis.prose, start = Int(token.start)
        switch token.length {
        case 1: return prose[start] == 0x20 ? .plain : nil
        case 2: return prose[start] == 0xC2 && prose[start + 1] == 0xA0 ? .plain : nil
        case 3: return prose[start] == 0xE2 && prose[start + 1] == 0x80 && (prose[start + 2] == 0xAF || prose[start + 2] == 0x89) ? .thin : nil
        default: return nil
        }
    }

    /// Nothing before the first group that makes it a label, a day or part of a longer run.
    private func standsAlone(_ analysis: Analysis, before index: Int) -> Bool {
        let tokens = analysis.tokens
        guard index > 0 else { return true }
        let tight = tokens[index - 1]
        // Tight against a mark: only an opening bracket or quote, or a currency sign ("$31 418"),
        // leaves the number a quantity; a sign, point or slash ("+380", "1.5 300", "12/300") does not.
        if tight.kind != .space {
            return tight.isParagraphBreak || analysis.isOpeningMark(tight) || NumberContext.isCurrencySign(analysis, tight)
        }
        guard let previous = analysis.previousNonSpace(before: index) else { return true }
        let token = tokens[previous]
        if token.kind == .number { return false }
        if token.kind == .word {
            if NumberContext.months.contains(token) || labels.contains(token) { return false }
        }
        // "No. 12 300": a label's abbreviation point.
        if analysis.isCharacter(token, 0x2E), let word = analysis.previousNonSpace(before: previous), labels.contains(tokens[word]) { return false }
        if analysis.isCharacter(token, 0x23) || token.length == 3 && analysis.prose[Int(token.start)] == 0xE2 && analysis.prose[Int(token.start) + 1] == 0x84 { return false } // # №
        return true
    }

    /// Nothing after the last group that makes it part of something else.
    private func endsCleanly(_ analysis: Analysis, after position: Int) -> Bool {
        let tokens = analysis.tokens
        guard position + 1 < tokens.count else { return true }
        let next = tokens[position + 1]
        if next.kind != .space {
            // "300-metre", "300:1", "300/1", "300.5" (a decimal point is fine: "5 120.50").
            if analysis.isCharacter(next, 0x2E) || analysis.isCharacter(next, 0x2C) { return true }
            if position + 2 < tokens.count, tokens[position + 2].kind == .word || tokens[position + 2].kind == .number { return false }
            return true
        }
        // A further number after a space: "123 456 7890", "5 120 and 6 130" is fine.
        if let following = analysis.nextNonSpace(after: position), tokens[following].kind == .number, following == position + 2 { return false }
        return true
    }

    /// Text for a message, with no-break and thin spaces shown as plain spaces.
    private static func plain(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.isWhitespace ? " " : $0 }))
    }
}
