import KalkaKnowledge
import KalkaModel
import KalkaText

/// BOI003: a line the page layout printed twice: the headline again under it, a lead or caption
/// twice, the headline again as the lead's first sentence, a teaser cut short above its paragraph.
public struct RepeatedLineRule: Rule {
    public static let description = RuleDescription(
        code: "BOI003",
        name: "repeated-line",
        category: .boilerplate,
        severity: .warning,
        summary: "A headline, lead or caption the web page printed twice, left in the article: the copy is reported, the first kept.",
        rationale: """
            News pages print some text twice: the headline in the page title and again above the \
            article, the lead as a teaser and as the first paragraph, a photo's alt text and its \
            caption. Copied with the article, the copy reads as a translation error, but it is page \
            chrome: delete it. A whole line of four words or more that occurs again as a whole line \
            within ten lines is reported at its second occurrence when the first is the headline \
            and the copy stands before the body, when the two stand before or after the body with \
            nothing but chrome between them, or when a long line (ten words or more, or several \
            sentences) is printed twice in a row; between lines of the body a repeat may be the \
            text's own (a refrain, a chant, a results table repeating the headline's score), so it \
            is info there, and a repeated sentence of the running text is left to GAR004. A first \
            occurrence cut short with “…” is the teaser and is reported instead. The headline \
            repeated as the first sentence of the lead is reported too (as info when the first \
            line is a sentence itself: a standfirst or a lead printed whole above the article), \
            and so is a one-sentence line that copies at least four fifths of the words of a \
            sentence just above it (two renderings of one teaser). A line that is chrome already \
            (a breadcrumb ending in the headline) is judged on its own. An info finding's fix is \
            shown, never applied.
            """,
        fixApplicability: .unsafe,
        fixSafety: "The copy is deleted and the first occurrence kept; where the copy was the better version (the first had a typo) the wrong one goes.",
        triggering: [
            "Bridge reopens after repairs\n\n⟦Bridge reopens after repairs⟧\n\nThe bridge over the river reopened to traffic on Monday after six months of work.",
            "Bridge reopens after repairs\n\nThe bridge reopened on Monday after six months of repairs, the mayor said.\n\n⟦The bridge reopened on Monday after six months of repairs, the mayor said.⟧\n\nTraffic is expected to be heavy in the first week.",
            "Bridge reopens after repairs\n⟦Bridge reopens after repairs.⟧ The mayor said traffic would be heavy in the first week.",
            "⟦Heating prices will not rise this winter, the government said…⟧\nHeating prices will not rise this winter, the government said. The decision was taken on Friday.",
            "New tram line for Lviv\n\nThe city council said the new tram line would carry its first passengers before the end of the year.\n\n⟦The city council said that the new tram line will carry its first passengers before the end of this year.⟧\n\nThe route links the station with the airport.",
            "The talks will resume on Monday, the ministry said.\n⟦The talks will resume on Monday, the ministry said.⟧ Both delegations have confirmed their attendance.",
            "Shakhtar 2 Dynamo 1\n\nShakhtar won the derby on Sunday with a goal in the last minute, the club said.\n\nMetalist 0 Zorya 0\nVorskla 1 Kolos 1\n⟦Shakhtar 2 Dynamo 1⟧",
        ],
        nonTriggering: [
            "To the Editor:\n\nThe war has cost more than anyone expected when it began.\n\nTo the Editor:\n\nThe bill keeps growing, and so does the need for help.",
            "The talks resumed on Monday in Geneva, the ministry said. Both delegations arrived on Sunday.\n\nNo date was set for the next round.\n\nThe talks will resume next week, the envoy said.\n\nThe talks will resume next week, the envoy said. Both delegations have confirmed.",
            "Bridge reopens after repairs\nThe bridge reopened on Monday after six months of repairs, the mayor said.\nThe mayor said the bridge reopened after repairs that took six months and cost more than planned.",
        ],
        fixes: [
            FixExample("Bridge reopens after repairs\nBridge reopens after repairs\nThe bridge reopened on Monday after six months of work.\n",
                       "Bridge reopens after repairs\nThe bridge reopened on Monday after six months of work.\n"),
            FixExample("Bridge reopens after repairs\nBridge reopens after repairs. The mayor said traffic would be heavy.\n",
                       "Bridge reopens after repairs\nThe mayor said traffic would be heavy.\n"),
        ]
    )

    private let reader: PageLayoutReader

    public init(dictionaries: DictionaryStore) throws {
        reader = try PageLayoutReader.shared(dictionaries)
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        reader.layout(of: analysis).report(in: analysis, into: &findings, fixTitle: "Delete the copy") { item in
            guard case .repetition(let kind, let other) = item.evidence else { return nil }
            let excerpt = analysis.excerpt(from: analysis.sentences[other].tokens.lowerBound, words: 5)
            return switch kind {
            case .line: "This line repeats “\(excerpt)” word for word: the page printed it twice"
            case .headlineAsLead: "The headline “\(excerpt)” again as the lead's first sentence: the page printed it twice"
            case .teaser: "A teaser cut short of the paragraph “\(excerpt)” below: the page printed it twice"
            case .nearCopy: "This line nearly copies “\(excerpt)” above: the page printed the teaser twice"
            }
        }
    }
}
