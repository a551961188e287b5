import KalkaModel
import KalkaText

/// When an article was published, as the article itself says: in HTML metadata
/// (`article:published_time`, `datePublished`, `<time datetime>`), Markdown front matter
/// (`date:`), or a dateline, byline or date line near the top of the text.
///
/// Only dates that stand where a publication date stands are read: a short line ("April 17, 2013
/// 6:05 PM", "Updated: Friday, 8 March, 2013"), or the first words of a paragraph ("LVIV, Ukraine,
/// July 2, 2009 —"). A date inside a sentence ("agreed on June 9, 2006") is an event.
public enum ArticleDate {
    /// How far into the prose a publication date is looked for.
    static let headBytes = 3000
    /// Dates in the text before this year are events ("the famine of 1933"), not publication.
    static let earliestPublication = 1991
    /// A line of at most this many words is a date line, byline or dateline.
    static let shortLineWords = 16
    /// A date within this many bytes of a paragraph's start, with no word in lower case before
    /// it, is a dateline.
    static let datelineBytes = 48

    /// The article's date: from markup metadata when the format has it, else from the text.
    public static func of(_ analysis: Analysis, source: [UInt8]?) -> SimpleDate? {
        if let source, let date = fromMetadata(source, format: analysis.document.format) { return date }
        return fromText(analysis)
    }

    // MARK: Metadata

    /// HTML `<meta>` publication dates and the first `<time datetime>`; Markdown front matter.
    static func fromMetadata(_ source: [UInt8], format: InputFormat) -> SimpleDate? {
        switch format {
        case .plain: return nil
        case .markdown: return frontMatterDate(source)
        case .html: return htmlDate(source)
        }
    }

    static let metaNames: Set<String> = [
        "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
        "publish-date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
    ]

    /// A `<meta>` publication date anywhere, else a `<time datetime>` that says it dates the page
    /// (`pubdate`, `itemprop="datePublished"`) or stands before the first paragraph (under the
    /// headline): a `<time>` inside the text dates an event. Comments and the content of
    /// `<script>` and `<style>` are not read.
    private static func htmlDate(_ source: [UInt8]) -> SimpleDate? {
        var index = 0
        var timeDate: SimpleDate?
        var inBody = false
        while let open = firstIndex(of: 0x3C, in: source, from: index) {
            if source[open...].starts(with: Array("<!--".utf8)) {
                guard let end = firstIndex(of: Array("-->".utf8), in: source, from: open + 4) else { break }
                index = end + 3
                continue
            }
            guard let close = firstIndex(of: 0x3E, in: source, from: open + 1) else { break }
            index = close + 1
            let tag = Array(source[(open + 1)..<close])
            let name = tagName(tag)
            switch name {
            case "script", "style":
                // Raw text up to the end tag.
                guard let end = firstIndex(of: Array("</\(name)".utf8), in: source, from: index, caseInsensitive: true) else { return timeDate }
                index = end
            case "meta":
                let attributes = attributes(tag)
                let key = (attributes["property"] ?? attributes["name"] ?? attributes["itemprop"] ?? "").lowercased()
                if metaNames.contains(key), let content = attributes["content"], let date = SimpleDate(iso: content) { return date }
            case "time" where timeDate == nil:
                let attributes = attributes(tag)
                let dates = attributes["pubdate"] != nil || attributes["itemprop"]?.lowercased() == "datepublished"
                if let value = attributes["datetime"], dates || !inBody { timeDate = SimpleDate(iso: value) }
            case "p":
                inBody = true
            default:
                break
            }
        }
        return timeDate
    }

    /// `date:` (or `published:` and the like) in YAML front matter (`---` … `---`), or `date =`
    /// in TOML front matter (`+++` … `+++`); any line ending.
    private static func frontMatterDate(_ source: [UInt8]) -> SimpleDate? {
        let text = String(decoding: source.prefix(8192), as: UTF8.self)
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { $0.trimmingSpaces }
        guard let fence = lines.first, fence == "---" || fence == "+++" else { return nil }
        let separator: Character = fence == "---" ? ":" : "="
        lines.removeFirst()
        for line in lines {
            if line == fence || line == "..." { break }
            guard let mark = line.firstIndex(of: separator) else { continue }
            let key = line[..<mark].trimmingSpaces.lowercased()
            guard ["date", "published", "pubdate", "publishdate", "date_published", "publish_date"].contains(key) else { continue }
            var value = line[line.index(after: mark)...].trimmingSpaces
            if value.hasPrefix("\"") || value.hasPrefix("'") { value = String(value.dropFirst().dropLast()) }
            if let date = SimpleDate(iso: value) ?? firstDate(in: Array(value.utf8), limit: value.utf8.count)?.date { return date }
        }
        return nil
    }

    /// The first occurrence of `needle` at or after `start`.
    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int, caseInsensitive: Bool = false) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            var match = true
            for offset in needle.indices {
                let a = bytes[index + offset], b = needle[offset]
                if caseInsensitive ? a.asciiLowercased != b.asciiLowercased : a != b { match = false; break }
            }
            if match { return index }
            index += 1
        }
        return nil
    }

    private static func firstIndex(of byte: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    private static func tagName(_ tag: [UInt8]) -> String {
        var end = 0
        while end < tag.count, tag[end].isASCIIAlphanumeric { end += 1 }
        return String(decoding: tag[0..<end], as: UTF8.self).lowercased()
    }

    /// A tag's attributes (names lowercased), quoted or not.
    private static func attributes(_ tag: [UInt8]) -> [String: String] {
        var result: [String: String] = [:]
        var index = 0
        while index < tag.count, !tag[index].isHTMLSpace { index += 1 }
        while index < tag.count {
            while index < tag.count, tag[index].isHTMLSpace || tag[index] == .slash { index += 1 }
            let nameStart = index
            while index < tag.count, !tag[index].isHTMLSpace, tag[index] != .equals, tag[index] != .slash { index += 1 }
            let name = String(decoding: tag[nameStart..<index], as: UTF8.self).lowercased()
            guard !name.isEmpty else { break }
            while index < tag.count, tag[index].isHTMLSpace { index += 1 }
            guard index < tag.count, tag[index] == .equals else { result[name] = ""; continue }
            index += 1
            while index < tag.count, tag[index].isHTMLSpace { index += 1 }
            var valueStart = index, valueEnd = index
            if index < tag.count, tag[index] == .doubleQuote || tag[index] == .singleQuote {
                let quote = tag[index]
                valueStart = index + 1
                valueEnd = valueStart
                while valueEnd < tag.count, tag[valueEnd] != quote { valueEnd += 1 }
                index = min(tag.count, valueEnd + 1)
            } else {
                while valueEnd < tag.count, !tag[valueEnd].isHTMLSpace { valueEnd += 1 }
                index = valueEnd
            }
            result[name] = String(decoding: tag[valueStart..<valueEnd], as: UTF8.self)
        }
        return result
    }

    // MARK: Text

    /// The first date standing on a short line or at a paragraph's start, near the top.
    static func fromText(_ analysis: Analysis) -> SimpleDate? {
        let prose = analysis.prose
        for paragraph in analysis.paragraphs {
            let range = paragraph.range
            guard range.lowerBound < headBytes else { break }
            let bytes = Array(prose[range])
            let short = wordCount(analysis, paragraph) <= shortLineWords
            guard let found = firstDate(in: bytes, limit: short ? bytes.count : datelineBytes) else { continue }
            // In a long paragraph only a dateline counts: nothing in lower case before the date
            // ("[July 2, 2009] LVIV", "LVIV, Ukraine, July 2, 2009 —") but a label that says what
            // the date is ("date 2011-10-12", "Published: 9 October 2007"), as archives' exports
            // put it before the text.
            if !short && hasLowercaseWord(bytes[0..<found.offset]) && !isDateLabel(bytes[0..<found.offset]) { continue }
            // A date before independent Ukraine's is history in a headline, not this article's.
            guard found.date.year >= earliestPublication else { continue }
            return found.date
        }
        return nil
    }

    /// Words that label a publication date, alone before it with an optional colon.
    static let dateLabels: Set<String> = ["date", "dated", "published", "posted", "updated", "publication date"]

    /// Whether `bytes` is only a date label ("date", " Published: ").
    private static func isDateLabel(_ bytes: ArraySlice<UInt8>) -> Bool {
        var label = String(decoding: bytes, as: UTF8.self).trimmingSpaces.lowercased()
        if label.hasSuffix(":") { label = String(label.dropLast()).trimmingSpaces }
        return dateLabels.contains(label)
    }

    private static func hasLowercaseWord(_ bytes: ArraySlice<UInt8>) -> Bool {
        var previous: UInt8 = 0x20
        for byte in bytes {
            if byte &- 0x61 < 26 && !(previous.isASCIILetter || previous >= 0x80) { return true }
            previous = byte
        }
        return false
    }

    private static func wordCount(_ analysis: Analysis, _ paragraph: ParagraphSpan) -> Int {
        var count = 0
        for sentence in analysis.sentences[paragraph.sentences] {
            for index in sentence.tokens where analysis.tokens[index].kind == .word { count += 1 }
        }
        return count
    }

    static let monthNames = CalendarWords.monthNames
    /// Month names as dates write them: English full names and abbreviations ("Sept."), and the
    /// Russian and Ukrainian genitive forms ("14 березня 2016", "3 мая 2011").
    static let monthWords: [String: Int] = {
        var words: [String: Int] = [:]
        for (index, name) in monthNames.enumerated() {
            words[name] = index + 1
            words[String(name.prefix(3))] = index + 1
        }
        words[CalendarWords.september] = 9
        let russian = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
        let ukrainian = ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"]
        for (index, word) in russian.enumerated() { words[word] = index + 1 }
        for (index, word) in ukrainian.enumerated() { words[word] = index + 1 }
        return words
    }()

    /// The first date in `bytes` starting before `limit`: ISO ("2013-06-14"), numeric with dots
    /// or slashes ("03.11.2021", "11/27/2017": day first unless the second number cannot be a
    /// month), or with a month name in either order ("April 17, 2013", "9 October 2007",
    /// "8 March, 2013").
    static func firstDate(in bytes: [UInt8], limit: Int) -> (date: SimpleDate, offset: Int)? {
        let words = dateWords(bytes)
        for (position, word) in words.enumerated() where word.range.lowerBound < limit {
            if let date = numericDate(bytes, word.range) { return (date, word.range.lowerBound) }
            guard position + 2 < words.count else { continue }
            let second = words[position + 1], third = words[position + 2]
            // "April 17, 2013", "Aug. 7, 2024"
            if let month = word.month, let day = second.number, let year = third.number, year >= 1800 {
                if let date = SimpleDate(year: year, month: month, day: day) { return (date, word.range.lowerBound) }
            }
            // "9 October 2007", "8 March, 2013", "14 березня 2016"
            if let day = word.number, let month = second.month, let year = third.number, year >= 1800 {
                if let date = SimpleDate(year: year, month: month, day: day) { return (date, word.range.lowerBound) }
            }
        }
        return nil
    }

    private struct DateWord {
        var range: Range<Int>
        var number: Int?
        var month: Int?
    }

    /// Runs of letters or digits (dots, slashes and hyphens between digits kept), lowercased
    /// month names looked up.
    private static func dateWords(_ bytes: [UInt8]) -> [DateWord] {
        var words: [DateWord] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte &- 0x30 < 10 {
                let start = index
                while index < bytes.count, bytes[index] &- 0x30 < 10
                        || ((bytes[index] == 0x2E || bytes[index] == 0x2F || bytes[index] == 0x2D) && index + 1 < bytes.count && bytes[index + 1] &- 0x30 < 10) {
                    index += 1
                }
                words.append(DateWord(range: start..<index, number: SimpleDate.number(bytes[start..<index]), month: nil))
            } else if byte.isASCIILetter || byte >= 0xC0 {
                let start = index
                while index < bytes.count, bytes[index].isASCIILetter || bytes[index] >= 0x80 {
                    // Stop at punctuation such as “ (E2 80 9C) inside the run.
                    if bytes[index] == 0xE2 { break }
                    index += 1
                }
                if index == start { index += 1; continue }
                let word = String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
                words.append(DateWord(range: start..<index, number: nil, month: monthWords[word]))
            } else {
                index += 1
            }
        }
        return words
    }

    /// "2017-08-21", "03.11.2021", "11/27/2017" (US order), "30/06/2023".
    private static func numericDate(_ bytes: [UInt8], _ range: Range<Int>) -> SimpleDate? {
        let text = Array(bytes[range])
        if text.count == 10, text[4] == 0x2D, text[7] == 0x2D { return SimpleDate(iso: String(decoding: text, as: UTF8.self)) }
        for separator: UInt8 in [0x2E, 0x2F] {
            let parts = text.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
                  let first = SimpleDate.number(parts[0]), let second = SimpleDate.number(parts[1]), let year = SimpleDate.number(parts[2]) else { continue }
            // Day first (most of the world, and Ukrainian and Russian sites) unless the second
            // number cannot be a month (US order, "11/27/2017").
            if second <= 12, let date = SimpleDate(year: year, month: second, day: first) { return date }
            return SimpleDate(year: year, month: first, day: second)
        }
        return nil
    }
}

extension String {
    var capitalizedASCII: String { prefix(1).uppercased() + dropFirst() }
}

/// The English calendar words every rule that reads dates shares: month names, their
/// abbreviations, weekdays.
package enum CalendarWords {
    /// Lowercase, January first.
    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                             "october", "november", "december"]
    /// The one four-letter abbreviation news style uses ("Sept.").
    static let september = "sept"
    /// Month names and their abbreviations ("Jan", "Sept"), as words.
    package static let months = WordSet(monthNames + monthNames.map { String($0.prefix(3)) } + [september])
    package static let weekdays = WordSet([
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ])

    /// "March", for a date written out.
    package static func monthName(_ month: Int) -> String { monthNames[month - 1].capitalizedASCII }
}

extension SimpleDate {
    /// "October 2019", for messages.
    public var monthAndYear: String { "\(ArticleDate.monthNames[month - 1].capitalizedASCII) \(year)" }
}
