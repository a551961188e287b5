/// UNT001: Cyrillic words left in English text — a sentence, name or term the translation
/// skipped.
public struct LeftoverCyrillicRule: Rule {
    public static let description = RuleDescription(
        code: "UNT001",
        name: "leftover-cyrillic",
        category: .untranslated,
        severity: .warning,
        summary: "Cyrillic words left untranslated in English text.",
        rationale: """
            MT systems pass through what they cannot translate: a name in an unusual case form, a \
            quoted slogan, a caption. English readers cannot read it and search engines index it \
            wrongly. An original-script gloss in parentheses right after its English form \
            (“Verkhovna Rada (Верховна Рада)”) is deliberate and stays quiet.
            """,
        triggering: [
            "Foreign Minister ⟦Дмитро Кулеба⟧ arrived in Stockholm.",
            "The crowd chanted “⟦Слава Україні⟧” outside the embassy.",
            "The statement was signed on ⟦15 березня⟧ in Kyiv.",
            "Ukraine’s parliament, the Verkhovna Rada, passed ⟦закон⟧ No. 5 on Tuesday.",
        ],
        nonTriggering: [
            "The Verkhovna Rada (Верховна Рада) passed the bill on Tuesday.",
            "Sergei Lavrov met Antony Blinken in Stockholm.",
            "Prices rose by 15 percent in March.",
            "The file said Р”РјРёС‚СЂРѕ РљСѓР»РµР±Р° where the name should be.",
        ],
        signalsTranslation: true
    )

    /// Garbled text (mojibake) is Cyrillic too, but ENC001 reports and repairs it.
    private let mojibake: MojibakeRule

    public init(dictionaries: DictionaryStore) throws {
        mojibake = try MojibakeRule(dictionaries: dictionaries)
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        let garbled = mojibake.garbledRuns(in: analysis).map(\.range)
        var index = 0
        while index < tokens.count {
            guard tokens[index].kind == .word, tokens[index].script == .cyrillic else {
                index += 1
                continue
            }
            // Extend the run over further Cyrillic words and the numbers, spaces and punctuation
            // between them, within the paragraph.
            let first = index
            var last = index
            var probe = index + 1
            while probe < tokens.count, !tokens[probe].isParagraphBreak {
                let token = tokens[probe]
                if token.kind == .word {
                    guard token.script == .cyrillic else { break }
                    last = probe
                } else if token.kind == .number, let next = analysis.nextNonSpace(after: probe),
                          tokens[next].kind == .word, tokens[next].script == .cyrillic {
                    last = next
                    probe = next
                }
                probe += 1
            }
            // A number right before the run belongs to it ("15 березня").
            var start = first
            if let before = analysis.previousNonSpace(before: first), tokens[before].kind == .number { start = before }
            index = last + 1
            if isParentheticalGloss(analysis, first: start, last: last) { continue }
            let range = Int(tokens[start].start)..<Int(tokens[last].end)
            if garbled.contains(where: { $0.overlaps(range) }) { continue }
            findings.report(range, "Untranslated Cyrillic text “\(analysis.text(of: range))”")
        }
    }

    /// "Verkhovna Rada (Верховна Рада)": the original-script form given in parentheses right
    /// after a Latin word.
    private func isParentheticalGloss(_ analysis: Analysis, first: Int, last: Int) -> Bool {
        let tokens = analysis.tokens
        guard let open = analysis.previousNonSpace(before: first), analysis.byte(at: Int(tokens[open].start), is: "("),
              let close = analysis.nextNonSpace(after: last), analysis.byte(at: Int(tokens[close].start), is: ")"),
              let word = analysis.previousNonSpace(before: open) else { return false }
        return tokens[word].kind == .word && tokens[word].script == .latin
    }
}
