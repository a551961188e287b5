import KalkaKnowledge
import KalkaModel
import KalkaText

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
            (“</p>”, “[gallery size=…]”), a template bio of the site's author, widget labels \
            (“Popular photos”), the headlines of a “Read also” block, a footer with the site's \
            name. kalka reads the document as a page: the headline, the body (lines that read as \
            prose), and what stands before and after it. Evidence an article line could also show \
            (a date and time, a bare number, a comment count, a row of “|” items) counts only \
            before the body or after it, where pages put their chrome, and not at all in a \
            document without a body; evidence no article line shows (a photo credit, a share bar, \
            markup, a view count) counts anywhere. A person's name alone counts as a caption or \
            byline widget only as the one line between the headline and the body. Bylines (“By \
            …”), dates without a time, headings the markup marks, table cells and subheadings \
            inside the body are left alone: edited English prints them too. Where the line's \
            place is all the evidence — a short first line above the headline, a headline-like \
            line right after the article's last paragraph (probably a link to another article, \
            but a capture cut mid-sentence looks the same), a widget label inside the body, a \
            bio in the third person — the finding is info and its fix is shown, never applied, \
            so that a fix pass never deletes a line that an earlier pass moved into that place; \
            a timestamp with a twelve-hour clock, which English pages print under the headline, \
            is info too. A short first line is chrome at warning only with a menu under it and a \
            headline after that. Lines mostly in Cyrillic are left to UNT001 and UNT004; chrome matched by \
            a phrase is BOI001's and a repeated line BOI003's, so each line is reported once.
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
            "⟦Sport⟧\n⟦Politics | Sport | Culture⟧\nUkraine beats Sweden in the final\nThe national team won the match on Sunday evening in Stockholm.",
            "Heating season starts early\n\nThe city switched on the heating on Monday after a week of frost, the council said.\n\n⟦Popular photos⟧\n\n⟦Most read now⟧",
            "The market reopened on Friday after the repairs were finished. Traders returned on Saturday. ⟦Views: 87⟧",
            "The bridge opened to traffic on Saturday morning, the city council said. Cars queued for an hour.\n\n⟦Rescuers search the rubble of the apartment block after the strike. Archive photo⟧\n\nThe mayor thanked the builders.",
            "The ferry resumed service on Monday, the port authority said. Tickets are sold online.\n\n⟦Power restored to most homes in the Odesa region⟧",
            "The ferry resumed service on Monday, the port authority said. Tickets are sold online.\n\n⟦Our partners⟧\n\nLeave a Reply",
        ],
        nonTriggering: [
            "Grain exports rise in June\nBy Anna Kovalenko\nJune 30, 2023\n\nUkraine exported more grain in June than in any month this year, traders said.\n\nShipping\n\nMost cargoes left from Odesa and Chornomorsk, the ministry said.",
            "Ukraine votes today\nPolls opened at seven in the morning across the country, the election commission said.",
            "The first drones were heard after midnight, residents said. Sirens sounded for three hours.\n\n02:35 4.3.2022\n\nAir defence shot down most of them before dawn, the air force said.",
            "The photo: a rare thing in wartime reporting, she said, and worth the risk of a long trip to the front.",
            "Final standings after the second day:\n1. Anna Petrenko (Ukraine) 21:31.8\n2. Maria Berg (Norway) 21:40.2\nThe relay is on Sunday morning.",
            "Kyiv Post Staff\nThe government approved the budget on Thursday, the finance ministry said.",
            "Opinion | The price of a long war\n\nThe war has cost more than anyone expected when it began, and the bill keeps growing.",
            "Kyiv under fire\n\nBy Jane Whitfield\n\nExplosions shook the capital before dawn on Tuesday, the city administration said.",
            "Train fares rise\n\nThe regulator approved the new fares on Friday, the ministry said.\n\n«Ukrzaliznytsia» raised long-distance ticket prices by 7 percent on Monday, the company said.",
            "Premier League standings\n\nThe leaders extended their lead to five points on Sunday, the league said.\n\nMiners | 20 | 47\nCitizens | 20 | 42\nSailors | 20 | 40",
            "Ukraine fourth in the medal table\n\nThe team won more medals than at any previous games, the ministry said.\n\nGold 4\nSilver 5\nBronze 3\nTotal 12",
            "Petition passes the threshold\n\nThe campaign video gathered views 10 times faster than the previous one, its authors said.",
            "Festival returns to Odesa\n\nThe film festival opened on Saturday after a break of two weeks. Read more\n\nOrganisers expect more visitors, the city council said.",
            "Budget Passes House After Late Night Vote\n\nLawmakers Back Spending Plan Despite Deficit Worries\n\nThe House approved the spending bill late on Thursday, sending it to the Senate.",
            "Ukraine names squad for the qualifiers\n\nMykola Shaparenko\n\nViktor Tsyhankov\n\nThe coach announced the squad for the two matches in March on Monday.",
            "Live: Kyiv at 03:15 GMT on 12 June\n\nAir raid sirens sounded across the capital shortly after midnight, the military administration said.",
            "The ministry opened applications for grants to small farms on Wednesday, the press service said.\n\nContact:\n\nOksana Didenko\n\nPress Office\n\n+380 44 201 7788, press@agrogrants.gov.ua",
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
        reader.layout(of: analysis).report(in: analysis, into: &findings, fixTitle: "Delete the line") { item in
            guard case .structure(let kind) = item.evidence else { return nil }
            return "This line looks like \(kind.explanation), not article text"
        }
    }
}
