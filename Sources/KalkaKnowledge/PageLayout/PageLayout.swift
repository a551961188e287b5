import KalkaModel
import KalkaText

/// A document read as the web page it was copied from: which lines are the headline, which are the
/// article's body, and which are the page's chrome (menus, timestamps, captions, share bars,
/// widgets, footers, a headline printed twice). Judged once per document and shared by the rules
/// that report chrome (BOI001 by phrase, BOI002 by structure, BOI003 by repetition) and by GAR004,
/// so that each line gets one verdict and is reported once, by the rule whose evidence it is.
///
/// A *line* is a paragraph of the analysis: in plain text each source line that is not hard-wrapped
/// (see `LineBreaks`), in Markdown and HTML each block. Lines mostly in Cyrillic are left to the
/// script rules and table cells (Markdown and HTML) to the table, and both are ignored here; a
/// capture marker (" date 2024-05-01 ") opening the text is never part of a line.
///
/// The judgement follows the structure of a news page: chrome, the headline, maybe a caption or a
/// timestamp, the body (lines that read as prose), then trailing chrome. Evidence that a line of
/// news copy could also show (a date, a short line, a number) counts only before the body or after
/// it, and not at all in a document without a body; evidence no article line shows (a share bar, a
/// photo credit, leftover HTML) counts anywhere. A verdict resting on the line's place alone is
/// *positional*: it is reported at info with a fix that is shown but never applied, since a fix
/// pass that deletes the chrome around it moves other lines into that place; no info verdict's
/// fix is applied.
public struct PageLayout: Sendable {
    /// What a line of chrome is, when the evidence is its structure.
    public enum ChromeKind: String, Sendable, CaseIterable {
        case navigation, label, name, tags, timestamp, counter, caption, share, code, bio, footer, related, widget, teaser
        case trailingHeadline = "trailing-headline"

        /// Why the line is chrome, for messages.
        public var explanation: String {
            switch self {
            case .navigation: "a menu or breadcrumb of the website"
            case .label: "a label of the page above the article (a section, site or widget name)"
            case .name: "a person's name alone on a line above the article: a photo caption or a byline widget"
            case .tags: "a tag line of the website"
            case .timestamp: "the page's publication timestamp"
            case .counter: "a view counter or reading-time widget"
            case .caption: "a photo caption or credit fused into the text"
            case .share: "the page's share buttons"
            case .code: "leftover HTML or template code"
            case .bio: "a template author bio of the website"
            case .footer: "the site's footer"
            case .related: "a related-article headline from the page's teaser block"
            case .widget: "a widget label among the page's chrome"
            case .teaser: "a teaser link of a list of articles"
            case .trailingHeadline: "a headline after the article's end, probably a link to another article"
            }
        }
    }

    /// How a line repeats another.
    public enum RepeatKind: String, Sendable {
        /// The same line again: a headline, lead or caption the page layout printed twice.
        case line
        /// The headline again as the first sentence of the lead.
        case headlineAsLead = "headline-as-lead"
        /// A teaser cut short with "…" of a paragraph that follows in full.
        case teaser
        /// A near copy of a sentence just above (the teaser and the body, two translations of one
        /// sentence).
        case nearCopy = "near-copy"
    }

    public enum Evidence: Sendable, Equatable {
        /// A phrase of Dictionaries/phrases/boilerplate.tsv (its row index): BOI001.
        case phrase(Int)
        /// The line's structure: BOI002.
        case structure(ChromeKind)
        /// It repeats the text starting at sentence `of`: BOI003.
        case repetition(RepeatKind, of: Int)
    }

    /// One line of chrome.
    public struct Chrome: Sendable {
        public let paragraph: Int
        /// The prose to report and delete: the whole line, or the chrome inside it.
        public let range: Range<Int>
        public let evidence: Evidence
        public let severity: Severity
        /// True when `range` is the whole line, so deleting it may take the line break too.
        public let isWholeLine: Bool
        /// True when the line's place is the evidence: its fix is shown, never applied.
        public let isPositional: Bool
    }

    /// Chrome in text order, at most one per paragraph.
    public let chrome: [Chrome]
    private let chromeIndex: [Int: Int]
    /// Paragraphs whose words occur again as another whole paragraph of the document.
    public let repeatedParagraphs: Set<Int>
    /// Paragraphs mostly in another script (left to the script rules).
    public let foreignParagraphs: Set<Int>

    init(chrome: [Chrome], repeatedParagraphs: Set<Int>, foreignParagraphs: Set<Int>) {
        self.chrome = chrome
        var index: [Int: Int] = [:]
        for (position, item) in chrome.enumerated() { index[item.paragraph] = position }
        chromeIndex = index
        self.repeatedParagraphs = repeatedParagraphs
        self.foreignParagraphs = foreignParagraphs
    }

    /// The chrome verdict on paragraph `paragraph`, if any.
    public func chrome(inParagraph paragraph: Int) -> Chrome? {
        chromeIndex[paragraph].map { chrome[$0] }
    }

    /// The edit that deletes a piece of chrome: the whole line with its single line break (in
    /// Markdown the block's source lines, markers included), or the chrome inside a line with the
    /// spaces before it (or, at the start of a line, after it). The last line takes the line break
    /// before it, unless the line before is chrome too (its own deletion takes that line break).
    public func deletion(of item: Chrome, in analysis: Analysis) -> ProseEdit {
        let paragraph = analysis.paragraphs[item.paragraph].range
        if item.isWholeLine && item.range == paragraph {
            if analysis.document.format == .markdown { return ProseEdit(paragraph, "", deletesWholeBlock: true) }
            let widened = analysis.widenedToLineBreak(paragraph)
            if widened.lowerBound < paragraph.lowerBound, let previous = chrome(inParagraph: item.paragraph - 1), previous.isWholeLine {
                return ProseEdit(paragraph, "")
            }
            return ProseEdit(widened, "")
        }
        var range = item.range
        if range.lowerBound == paragraph.lowerBound {
            while range.upperBound < paragraph.upperBound, analysis.prose[range.upperBound] == 0x20 { range = range.lowerBound..<(range.upperBound + 1) }
        } else {
            while range.lowerBound > paragraph.lowerBound, analysis.prose[range.lowerBound - 1] == 0x20 { range = (range.lowerBound - 1)..<range.upperBound }
        }
        return ProseEdit(range, "")
    }

    /// Reports each line of chrome that `message` describes (nil: another rule's evidence), with
    /// the fix that deletes it: the one report loop of the rules that read the layout.
    public func report(in analysis: Analysis, into findings: inout Findings, fixTitle: String, message: (Chrome) -> String?) {
        for item in chrome {
            guard let text = message(item) else { continue }
            findings.report(item.range, text, fix: fix(for: item, in: analysis, title: fixTitle), severity: item.severity)
        }
    }

    /// The fix for a piece of chrome: the deletion, applied with the unsafe fixes unless the
    /// verdict is positional or only info (a doubt is shown, never acted on).
    public func fix(for item: Chrome, in analysis: Analysis, title: String) -> ProseFix {
        let applicability: FixApplicability = item.isPositional || item.severity < .warning ? .displayOnly : .unsafe
        return ProseFix(title: title, applicability: applicability, edits: [deletion(of: item, in: analysis)])
    }
}
