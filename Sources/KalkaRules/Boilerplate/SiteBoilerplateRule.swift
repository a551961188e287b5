import KalkaKnowledge
import KalkaModel
import KalkaText

/// BOI001: a line of website chrome copied with the article ("Subscribe to our channel in
/// Telegram", "Read also: …", "Photo: …", a cookie notice), from Dictionaries/phrases/boilerplate.tsv,
/// as judged by the page layout (`PageLayout`) that BOI002 and BOI003 share.
public struct SiteBoilerplateRule: Rule {
    public static let description = RuleDescription(
        code: "BOI001",
        name: "site-boilerplate",
        category: .boilerplate,
        severity: .warning,
        summary: "A line of website chrome left in the article: “Subscribe to our channel”, “Read also:”, “Share on Facebook”, “Photo:”.",
        rationale: """
            Articles taken from a website for translation bring its chrome along: calls to subscribe \
            to a Telegram channel, “Read also:” teasers, share buttons, photo credits, comment forms, \
            cookie notices, breadcrumbs, widget labels. None of it belongs in the translated article. \
            A line (in plain text each line, in Markdown and HTML each block) is flagged whole when it \
            opens with a pattern from Dictionaries/phrases/boilerplate.tsv, or contains one and is \
            short (at most 12 words), so an article paragraph that merely mentions a photo, cookies or \
            Telegram is left alone. A call to subscribe that opens a later sentence of a line is \
            flagged as that sentence, and one inside a sentence after the article's last paragraph \
            as that sentence too; inside a quotation it is someone's words and is left alone. Labels \
            that are also ordinary words (“News”, “Share”: Dictionaries/phrases/chrome-labels.tsv) \
            count only as a line of their own, and those that are also ordinary subheadings \
            (“Details”) only next to other chrome: elsewhere they are info, with a fix that is shown \
            but not applied. Chrome found by its structure rather than a phrase is BOI002's, a \
            repeated line BOI003's.
            """,
        fixApplicability: .unsafe,
        fixSafety: "Deleting the line removes all of it, and a credit or teaser may share a line with article text; a line between blank lines leaves its blank line.",
        triggering: [
            "Shelling resumed overnight.\n\n⟦Read also: Kyiv restores power to 200,000 homes⟧\n\nRepairs continue.",
            "⟦Subscribe to our channel in Telegram!⟧\n\nThe talks resumed on Monday.",
            "The talks resumed on Monday.\n\n⟦Photo: Reuters⟧",
            "⟦Home » News » Politics⟧\n\nThe talks resumed on Monday.",
            "⟦This site uses Akismet to reduce spam.⟧\n\n⟦Share on Facebook⟧",
            "The talks resumed on Monday, the ministry said.\n\n⟦Details⟧\n\nBoth delegations arrived in Geneva on Sunday evening.",
            "The talks resumed on Monday, the ministry said. Both delegations had arrived on Sunday.\n\n⟦For breaking alerts and a short morning briefing every day, subscribe to our Telegram channel!⟧",
            "The talks resumed on Monday in Geneva, the ministry said. ⟦Subscribe to our channel to follow the talks.⟧",
        ],
        nonTriggering: [
            "The talks resumed on Monday.\n\nRepairs continue.",
            "The talks resumed on Monday, officials said. Read also: the full statement, published by the ministry, runs to forty pages.",
            "The bakery, which sold cookies and bread before the war, reopened on Monday after repairs that took volunteers more than three months; its owner said customers had followed the work on Telegram. Photo: the owner said nothing.",
            "Reporters were told to read the statement in full.",
            "He said the photo showed the damaged bridge.",
            "Details of the agreement were not published.",
            "News of the agreement spread quickly.",
            "For breaking alerts, subscribe to our Telegram channel, the minister joked at the start of his briefing.\n\nThe talks resumed on Monday in Geneva, the ministry said.",
            "The minister said a photo by a Reuters journalist showed the damaged bridge, and officials shared it on Telegram within hours.",
            "The talks resumed on Monday in Geneva, the ministry said. Both delegations arrived on Sunday.\n\nThe governor asked residents to ignore rumours. “Follow us on Telegram for verified updates,” he said.",
        ],
        fixes: [
            FixExample("Shelling resumed.\n\nRead also: Power restored\n\nRepairs continue.\n", "Shelling resumed.\n\n\n\nRepairs continue.\n"),
            FixExample("Shelling resumed.\n\nPhoto: Reuters\n", "Shelling resumed.\n\n\n"),
            FixExample("Shelling resumed.\nRead also: Power restored\nRepairs continue.\n", "Shelling resumed.\nRepairs continue.\n"),
            FixExample("Shelling resumed, officials said.\nAdvertisement\nRepairs continue.\n", "Shelling resumed, officials said.\nRepairs continue.\n"),
            FixExample("Shelling resumed, officials said. Subscribe to our channel for updates.\n", "Shelling resumed, officials said.\n"),
        ]
    )

    private let reader: PageLayoutReader

    public init(dictionaries: DictionaryStore) throws {
        reader = try PageLayoutReader.shared(dictionaries)
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        // A blank line around a paragraph is not in the prose every format maps back exactly, so
        // the fix deletes the paragraph's text and leaves its blank line; a single line break
        // after a line of its own goes with the line.
        reader.layout(of: analysis).report(in: analysis, into: &findings, fixTitle: "Delete the line") { item in
            guard case .phrase(let row) = item.evidence else { return nil }
            return "“\(reader.phrases[row])” marks website chrome (\(reader.kinds[row])), not article text"
        }
    }
}
