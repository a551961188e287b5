import KalkaKnowledge
import KalkaModel
import KalkaText

/// NUM006: a time of day written with a full stop on the 24-hour clock ("at 21.14 Kyiv time",
/// "from 09.00 to 18.00"), the Russian and Ukrainian form, where English news writes 21:14 or 9:14pm.
///
/// A decimal ("2.5"), a price or a rate ("at 38.70 per dollar", "at 1.15") must not read as a
/// time, so the figure must be a valid time on the 24-hour clock that no 12-hour reading gives
/// (13.00 to 23.59, or an hour written with a leading zero, "09.30"), stand after a time word
/// ("at", "from", "until", "by"…) or in a range of two such times, and either be followed by a
/// time zone or "time" or have minutes a schedule uses (multiples of five). Figures with a
/// currency, unit, percent or magnitude on either end of a range are quantities.
///
/// British style also writes 24-hour times with a point ("sits at 14.30", "kick-off 19.45 BST"),
/// so the finding needs corroboration: a warning when the time is given in Kyiv, Moscow or local
/// time (or EET/MSK), or when the document shows other marks of translation; else info.
public struct DottedTimeRule: Rule {
    public static let description = RuleDescription(
        code: "NUM006",
        name: "dotted-time",
        category: .numberFormat,
        severity: .warning,
        summary: "A 24-hour time written with a full stop, as in “at 21.14 Kyiv time” or “from 09.00 to 18.00”.",
        rationale: """
            Russian and Ukrainian write times as “21.14” and “16.00”; translated copy keeps the \
            full stop, where American and wire style write “21:14” or “9:14 p.m.”. Only a figure \
            that must be a time is reported: an hour from 13 to 23 or with a leading zero, minutes \
            under 60, after “at”, “from”, “until”, “by” or in a range, and either a time zone or \
            “time” after it or round minutes; a currency, unit or percent on either end of a range \
            makes both figures quantities. British style writes “14.30” too (Parliament \
            “sits at 14.30”, “kick-off 19.45 BST”), so the finding is a warning only when the \
            time is given in Kyiv, Moscow or local time, or when the document shows other marks \
            of translation (a number calque, leftover Cyrillic, or two weaker marks); \
            otherwise it is reported at info.
            """,
        fixApplicability: .unsafe,
        fixSafety: """
            The full stop becomes a colon (“21:14”); the context makes a time near certain, but a \
            price with round figures (“closed at 16.00”) would be misread, so an editor should look.
            """,
        triggering: [
            "The alert sounded at ⟦21.14⟧ Kyiv time.",
            "The shelter is open from ⟦09.00⟧ to ⟦18.00⟧ daily.",
            "Power will be cut until ⟦21.30⟧, the operator said.",
            "Voting ran between ⟦08.00⟧ and ⟦20.00⟧.",
            "At ⟦06.40⟧ local time the ferry left.",
            "Forms must be filed by ⟦17.00⟧ on Friday.",
        ],
        nonTriggering: [
            "The alert sounded at 21:14 local time.",
            "The meeting starts at 3.30pm.",
            "Talks resumed at 10.30 in Geneva.",
            "The hryvnia traded at 38.70 per dollar.",
            "The euro closed at 1.15 on Friday.",
            "Inflation slowed to 13.50 percent.",
            "The index rose by 14.35% on the day.",
            "Shares closed at 15.37 yesterday.",
            "The rate fell by 14.30 over the year.",
            "The fare rose to UAH 16.00 from January.",
            "It grew from 2.5 to 3.5 million.",
            "Shares slid from 17.40 to 13.20 euros.",
            "She won the final, finishing at 21.05 seconds.",
            "The bond yield climbed by 13.25 points.",
        ],
        fixes: [
            FixExample("The alert sounded at 21.14 Kyiv time.", "The alert sounded at 21:14 Kyiv time."),
            FixExample("Open from 09.00 to 18.00 daily.", "Open from 09:00 to 18:00 daily."),
        ],
        signalsTranslation: .weak
    )

    private let timeWords = WordSet(["at", "from", "until", "till", "before", "after", "since", "around", "by"])
    private let rangeWords = WordSet(["to", "and", "till", "until"])
    private let between = FoldedHash.of("between")
    private let by = FoldedHash.of("by")
    /// Before “by”, a change: “rose by 14.30” is an amount, not a deadline.
    private let changeWords = WordSet([
        "rose", "rise", "rises", "risen", "fell", "fall", "falls", "fallen", "grew", "grow", "grows", "grown",
        "increased", "increase", "increases", "decreased", "decrease", "decreases", "dropped", "drop", "drops",
        "declined", "decline", "declines", "climbed", "climb", "climbs", "gained", "gain", "gains", "lost", "lose",
        "loses", "jumped", "jump", "slipped", "slid", "cut", "cuts", "reduced", "reduce", "raised", "raise", "lowered",
        "up", "down", "higher", "lower", "more", "less", "multiplied", "divided", "exceeded", "outnumbered", "beat", "won", "led",
    ])
    private let timeWord = FoldedHash.of("time")
    /// After the figure: it is a time of day.
    private let zoneWords = WordSet(["time", "gmt", "utc", "cet", "cest", "bst", "eet", "eest", "msk", "hours", "hrs", "h"])
    /// Time zones of Ukraine and Russia: with one, the time is the source's own.
    private let easternZones = WordSet(["eet", "eest", "msk"])
    /// Before “time”: the source's clock (“Kyiv time”, “local time”).
    private let easternClocks = WordSet(["kyiv", "kiev", "moscow", "local"])
    private let quantityWords = WordSet([
        "percent", "pct", "per", "million", "billion", "thousand", "trillion", "mln", "bln", "bn", "times", "points", "pts",
        "km", "kg", "g", "m", "cm", "mm", "l", "ml", "tonnes", "tons", "degrees", "hectares", "litres", "liters", "years", "meters", "metres",
        "seconds", "second", "secs", "sec", "s", "minutes", "pence", "p", "cents", "kopecks", "kopiykas", "mph", "knots",
        "miles", "feet", "ft", "barrels", "shares", "euros", "dollars", "pounds",
    ])

    public init(dictionaries: DictionaryStore) throws {}

    private struct Time {
        var hour: Int
        var minute: Int
        var leadingZero: Bool
        var unambiguous: Bool { hour >= 13 || leadingZero }
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        var reported = Set<Int>()
        for index in analysis.numberTokens where !reported.contains(index) {
            guard time(analysis, index) != nil, !isQuantity(analysis, index) else { continue }
            // The word before: lower case, or capitalized at a sentence start (“At 21.14 …”).
            guard let previous = analysis.previousNonSpace(before: index), tokens[previous].kind == .word,
                  tokens[previous].shape == .lower || tokens[previous].shape == .title else { continue }
            // A range: "from 09.00 to 18.00", "between 08.00 and 20.00", "09.00-18.00"; a quantity
            // at its far end makes both figures quantities ("from 18.50 to 14.20 euros").
            var partner: Int?
            if let link = analysis.nextNonSpace(after: index), rangeWords.contains(tokens[link]) || analysis.isDashToken(tokens[link]),
               let other = analysis.nextNonSpace(after: link), tokens[other].kind == .number, self.time(analysis, other) != nil {
                if isQuantity(analysis, other) { reported.insert(other); continue }
                partner = other
            }
            let opensRange = partner != nil && (timeWords.contains(tokens[previous]) || tokens[previous].foldedHash == between)
            guard timeWords.contains(tokens[previous]) || opensRange else { continue }
            // "rose by 14.30": an amount of change.
            if tokens[previous].foldedHash == by, let verb = analysis.previousNonSpace(before: previous), changeWords.contains(tokens[verb]) { continue }
            var times = [index]
            if opensRange, let partner { times.append(partner) }
            let parsed = times.compactMap { self.time(analysis, $0) }
            guard parsed.contains(where: \.unambiguous) else { continue }
            let last = times[times.count - 1]
            let zone = zoneAfter(analysis, last)
            guard zone != nil || parsed.allSatisfy({ $0.minute % 5 == 0 }) else { continue }
            let corroboration: String? = zone == .eastern ? nil : "British style also writes 24-hour times with a point, “14.30”"
            for position in times {
                reported.insert(position)
                let token = tokens[position]
                let written = analysis.text(of: token)
                let colon = String(written.map { $0 == "." ? ":" : $0 })
                findings.report(token.range, "“\(written)” is a time written with a full stop; English writes “\(colon)”",
                                fixTitle: "Write “\(colon)”", edits: [ProseEdit(token.range, colon)], needsCorroboration: corroboration)
            }
        }
    }

    /// "21.14", "09.00": one or two digits, a full stop, two digits, a valid 24-hour time.
    private func time(_ analysis: Analysis, _ index: Int) -> Time? {
        let token = analysis.tokens[index]
        let prose = analysis.prose
        guard token.length == 4 || token.length == 5, let shape = NumberText.shape(prose, token.range),
              shape.runs.count == 2, shape.dotCount == 1, shape.runs[1] == 2 else { return nil }
        let start = Int(token.start)
        let hourDigits = shape.runs[0]
        var hour = 0
        for offset in start..<(start + hourDigits) { hour = hour * 10 + Int(prose[offset] - 0x30) }
        let minute = Int(prose[start + hourDigits + 1] - 0x30) * 10 + Int(prose[start + hourDigits + 2] - 0x30)
        guard hour <= 23, minute <= 59 else { return nil }
        // A further dotted part ("21.04.2021") is a date, not a time.
        if analysis.byte(at: Int(token.end), is: "."), NumberText.isDigit(analysis.byteAt(Int(token.end) + 1)) { return nil }
        return Time(hour: hour, minute: minute, leadingZero: hourDigits == 2 && prose[start] == 0x30)
    }

    /// A percent sign, a currency, a unit or a magnitude after the figure, or a currency before it.
    private func isQuantity(_ analysis: Analysis, _ index: Int) -> Bool {
        let tokens = analysis.tokens
        if let next = analysis.nextNonSpace(after: index) {
            let token = tokens[next]
            if analysis.isCharacter(token, 0x25) || NumberContext.isCurrencySign(analysis, token) { return true }
            if token.kind == .word, quantityWords.contains(token) || NumberContext.currencies.contains(token) { return true }
        }
        if let previous = analysis.previousNonSpace(before: index) {
            let token = tokens[previous]
            if NumberContext.isCurrencySign(analysis, token) || token.kind == .word && NumberContext.currencies.contains(token) { return true }
        }
        return false
    }

    private enum Zone { case eastern, other }

    /// "21.14 GMT", "21.14 local time": the time's zone or clock, eastern when it is Ukraine's or
    /// Russia's ("Kyiv time", "Moscow time", "local time", EET, MSK).
    private func zoneAfter(_ analysis: Analysis, _ index: Int) -> Zone? {
        let tokens = analysis.tokens
        guard let next = analysis.nextNonSpace(after: index), tokens[next].kind == .word else { return nil }
        if easternZones.contains(tokens[next]) { return .eastern }
        if zoneWords.contains(tokens[next]) { return .other }
        guard tokens[next].shape == .title || tokens[next].shape == .lower,
              let after = analysis.nextNonSpace(after: next), tokens[after].foldedHash == timeWord else { return nil }
        return easternClocks.contains(tokens[next]) ? .eastern : .other
    }
}
