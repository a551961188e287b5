import KalkaKnowledge
import KalkaModel
import KalkaText

/// NUM005: the numero sign "№", which English keyboards and style guides do not use.
public struct NumeroSignRule: Rule {
    public static let description = RuleDescription(
        code: "NUM005",
        name: "numero-sign",
        category: .numberFormat,
        severity: .warning,
        summary: "The numero sign “№”, as in “decree № 64”: English writes “No.”",
        rationale: """
            “№” is how Russian and Ukrainian number laws, decrees, units and schools (“указ № 64”, \
            “школа №5”); translations keep the sign, which English style guides replace with \
            “No.” (and a doubled “№№” with “Nos.”). Many English fonts render “№” poorly.
            """,
        fixApplicability: .safe,
        fixSafety: "“No.” is the English form of the same sign; a space is added when a figure followed the sign directly.",
        triggering: [
            "Zelensky signed decree ⟦№⟧ 64 on Thursday.",
            "Shelling damaged school ⟦№⟧5 in Kharkiv.",
            "Resolutions ⟦№№⟧ 3 and 4 were adopted.",
        ],
        nonTriggering: [
            "Zelensky signed decree No. 64 on Thursday.",
            "Shelling damaged School No. 5 in Kharkiv.",
        ],
        fixes: [
            FixExample("Zelensky signed decree № 64.", "Zelensky signed decree No. 64."),
            FixExample("School №5 and resolutions №№ 3, 4.", "School No. 5 and resolutions Nos. 3, 4."),
        ],
        signalsTranslation: .strong
    )

    /// "№" in UTF-8.
    private let sign: [UInt8] = [0xE2, 0x84, 0x96]

    public init(dictionaries: DictionaryStore) throws {}

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        let prose = analysis.prose
        // Only the tokens at a "№" (E2 84 96), found among the document's non-ASCII offsets.
        var next = 0
        for offset in analysis.nonASCIIOffsets.lazy.map(Int.init)
        where prose[offset] == 0xE2 && offset + 2 < prose.count && prose[offset + 1] == 0x84 && prose[offset + 2] == 0x96 {
            guard let index = analysis.tokenIndex(containing: offset), index >= next, isSign(analysis, tokens[index]) else { continue }
            var last = index
            if index + 1 < tokens.count, isSign(analysis, tokens[index + 1]) { last = index + 1 }
            let range = Int(tokens[index].start)..<Int(tokens[last].end)
            var replacement = last > index ? "Nos." : "No."
            if last + 1 < tokens.count, tokens[last + 1].kind == .number { replacement += " " }
            let shown = replacement.trimmingSuffix(" ")
            findings.report(range, "“\(analysis.text(of: range))” is not used in English; write “\(shown)”",
                            fixTitle: "Write “\(shown)”", edits: [ProseEdit(range, replacement)])
            next = last + 1
        }
    }

    private func isSign(_ analysis: Analysis, _ token: Token) -> Bool {
        token.length == 3 && analysis.prose[token.range].elementsEqual(sign)
    }
}

private extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
