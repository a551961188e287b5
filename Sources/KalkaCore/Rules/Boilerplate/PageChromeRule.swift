/// BOI002: a line of website chrome found by its structure rather than a phrase: a timestamp under
/// the headline, a menu, a photo caption with its credit, share buttons, a view counter, leftover
/// HTML, a template author bio, related-article headlines, a site footer.
public struct PageChromeRule: Rule {
    public static let description = RuleDescription(
        code: "BOI002",
        name: "page-chrome",
        category: .boilerplate,
        severity: .warning,
        summary: "A line of the web page's chrome found by its structure: a timestamp, a menu, a photo caption and credit, share buttons, a counter, leftover HTML, an author bio, related headlines.",
        rationale: """
            Text copied from a web page keeps, line by line, what the page showed around the \
            article: the publication time under the headline (“14:05, 3 March 2023”, “Yesterday, \
            18:40”, “2 hours ago”), breadcrumbs \
            and menus (“Politics | Economy | World”), photo captions with their credits fused into \
            the text, share bars (“Facebook Twitter Telegram”), view counters, leftover HTML \
            (“</p>”, “[shortcode ids=…]”), a template bio of the site's author, the headlines of a \
            “Read also” block, a footer with the site's name. kalka reads the document as a page: \
            the headline, the body (lines that read as prose), and what stands before and after it. \
            Evidence an article line could also show (a date and time, a short line, a bare \
            number, a person's name alone) counts only before the body or after it, where pages put \
            their chrome; evidence no article line shows (a photo credit, a share bar, markup) counts \
            anywhere. Bylines (“By …”), dates without a time and subheadings inside the body are left \
            alone: edited English prints them too. A headline-like line right after the article's \
            last paragraph is probably a link to another article, and a short last line of plain \
            words a widget label, but a capture cut mid-sentence can look the same, so both are \
            reported as info, as is a timestamp with a twelve-hour clock, which English pages print \
            under the headline. Lines mostly in Cyrillic are left to \
            UNT001; chrome matched by a phrase is BOI001's and a repeated line BOI003's, so each \
            line is reported once.
            """,
        fixApplicability: .unsafe,
        fixSafety: "Deleting the line removes all of it; a caption or a teaser may carry a sentence of the article with it, and a short line judged by its place may be a subheading.",
        triggering: [
            "Drones hit a fuel depot near Lviv\n⟦14:05, 3 March 2023⟧\nFirefighters worked through the night to put out the blaze, officials said.",
            "⟦Politics | Economy | World⟧\nParliament passed the budget on Thursday after a long debate.",
            "Power restored in Kharkiv\n⟦Yesterday, 18:40⟧\nEngineers reconnected the last districts overnight, the regional administration said.",
            "Rescuers cleared the rubble on Monday, the city council said.\n⟦Rescuers search the rubble of the apartment block on Shevchenko Street after the strike. Photo: State Emergency Service⟧\nThe search continues in the neighbouring buildings.",
            "The talks resumed on Monday in Geneva, the ministry said.\n\n⟦Facebook Twitter Telegram⟧",
            "The council approved the plan on Tuesday.⟦</p>⟧\nIt takes effect next month, the mayor said.",
            "The market reopened on Friday after the repairs were finished.\n\n⟦I am Jane Porter, a journalist covering energy markets for the site. I write about gas, oil and power.⟧",
            "Heavy rain flooded the streets of Odesa overnight, the city council said.\n\n⟦1,204 views⟧",
            "⟦• Home page⟧\n⟦• Economy⟧\n⟦• Markets⟧\n\nPrices rose by two percent in May, the statistics office said.",
            "The ministry expects prices to stabilize by the autumn. Farmers disagree.\n\nRead also:\n⟦Bread prices rise again⟧\n⟦A new metro station opens in Kyiv⟧",
            "Kyiv opens a new bridge across the Dnipro\n⟦Oksana Melnychuk⟧\nThe bridge opened to traffic on Saturday morning, the city council said.",
            "⟦Sport⟧\nUkraine beats Sweden in the final\nThe national team won the match on Sunday evening in Stockholm.",
            "The ferry resumed service on Monday, the port authority said. Tickets are sold online.\n\n⟦Power restored to most homes in the Odesa region⟧",
            "The ferry resumed service on Monday, the port authority said. Tickets are sold online.\n\n⟦Our partners⟧\n\nLeave a Reply",
        ],
        nonTriggering: [
            "Grain exports rise in June\nBy Anna Kovalenko\nJune 30, 2023\n\nUkraine exported more grain in June than in any month this year, traders said.\n\nShipping\n\nMost cargoes left from Odesa and Chornomorsk, the ministry said.",
            "Ukraine votes today\nPolls opened at seven in the morning across the country, the election commission said.",
            "The first drones were heard after midnight, residents said. Sirens sounded for three hours.\n\n12:04 11.9.2023\n\nAir defence shot down most of them before dawn, the air force said.",
            "The photo: a rare thing in wartime reporting, she said, and worth the risk of a long trip to the front.",
            "Final standings after the second day:\n1. Anna Petrenko (Ukraine) 21:31.8\n2. Maria Berg (Norway) 21:40.2\nThe relay is on Sunday morning.",
            "Kyiv Post Staff\nThe government approved the budget on Thursday, the finance ministry said.",
            "Opinion | The price of a long war\n\nThe war has cost more than anyone expected when it began, and the bill keeps growing.",
            "Heavy rain flooded the streets overnight, the city council said. Roads were closed.\n\nThe ministry promised help to the owners of the damaged h",
        ],
        fixes: [
            FixExample("Drones hit a fuel depot near Lviv\n14:05, 3 March 2023\nFirefighters worked through the night, officials said.\n",
                       "Drones hit a fuel depot near Lviv\nFirefighters worked through the night, officials said.\n"),
            FixExample("The council approved the plan on Tuesday.</p>\nIt takes effect next month, the mayor said.\n",
                       "The council approved the plan on Tuesday.\nIt takes effect next month, the mayor said.\n"),
        ]
    )

    private let reader: PageLayoutReader

    public init(dictionaries: DictionaryStore) throws {
        reader = try PageLayoutReader.shared(dictionaries)
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        let layout = reader.layout(of: analysis)
        for item in layout.chrome {
            guard case .structure(let kind) = item.evidence else { continue }
            findings.report(item.range, "This line looks like \(kind.explanation), not article text",
                            fixTitle: "Delete the line", edits: [layout.deletion(of: item, in: analysis)], severity: item.severity)
        }
    }
}
