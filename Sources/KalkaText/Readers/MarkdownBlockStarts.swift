import KalkaModel

/// How the Markdown block phase recognises what a line starts: columns and indentation, list
/// items, headings, fences, HTML blocks, thematic breaks, table rows and front matter.
extension MarkdownBlockParser {
    // MARK: Columns

    func skipSpaces(_ pos: Int, _ col: Int) -> (Int, Int) {
        advance(pos, col, toColumn: Int.max)
    }

    /// Consumes spaces and tabs (tab stops every 4 columns) until column `target`.
    func advance(_ pos: Int, _ col: Int, toColumn target: Int) -> (Int, Int) {
        var p = pos, c = col
        defer { WorkCounter.count(p - pos) }
        while p < lineEnd && c < target {
            if text[p] == .space { c += 1 } else if text[p] == .tab { c += 4 - c % 4 } else { break }
            p += 1
        }
        return (p, c)
    }

    /// After a `>` marker and the one optional space following it.
    func afterQuoteMarker(_ p: Int, _ c: Int) -> (Int, Int) {
        guard p + 1 < lineEnd, text[p + 1].isSpaceOrTab else { return (p + 1, c + 1) }
        return advance(p + 1, c + 1, toColumn: c + 2)
    }

    // MARK: Block starts

    func listItemStart(_ p: Int, _ c: Int, interruptingParagraph: Bool) -> (pos: Int, col: Int, contentColumn: Int)? {
        var markerEnd = p
        var ordered = false, startsAtOne = false
        switch text[p] {
        case .hyphen, .plus, .asterisk:
            markerEnd += 1
        default:
            var value = 0
            while markerEnd < lineEnd && text[markerEnd].isASCIIDigit && markerEnd - p < 9 {
                value = value * 10 + Int(text[markerEnd] - 0x30)
                markerEnd += 1
            }
            guard markerEnd > p, markerEnd < lineEnd,
                  text[markerEnd] == .period || text[markerEnd] == .rightParenthesis else { return nil }
            markerEnd += 1
            ordered = true
            startsAtOne = value == 1
        }
        guard markerEnd == lineEnd || text[markerEnd].isSpaceOrTab else { return nil }
        let markerColumn = c + (markerEnd - p)
        let (q, qc) = skipSpaces(markerEnd, markerColumn)
        let empty = q == lineEnd
        if interruptingParagraph && (empty || (ordered && !startsAtOne)) { return nil }
        if empty { return (q, qc, markerColumn + 1) }
        if qc - markerColumn >= 5 {
            // The content is indented code: the item's content starts one column after its marker.
            let (r, rc) = advance(markerEnd, markerColumn, toColumn: markerColumn + 1)
            return (r, rc, markerColumn + 1)
        }
        return (q, qc, qc)
    }

    func isThematicBreak(_ p: Int) -> Bool {
        let marker = text[p]
        guard marker == .asterisk || marker == .hyphen || marker == .underscore else { return false }
        var count = 0
        for index in p..<lineEnd {
            if text[index] == marker { count += 1 } else if !text[index].isSpaceOrTab { return false }
        }
        return count >= 3
    }

    func isSetextUnderline(_ p: Int) -> Bool {
        let marker = text[p]
        guard marker == .equals || marker == .hyphen else { return false }
        var index = p
        while index < lineEnd && text[index] == marker { index += 1 }
        return text.isSpacesAndTabs(index..<lineEnd)
    }

    /// The text of an ATX heading (`## Title ##`) starting at `p`, without its markers.
    func atxHeadingContent(_ p: Int) -> Range<Int>? {
        var index = p
        while index < lineEnd && text[index] == .numberSign && index - p < 7 { index += 1 }
        guard (1...6).contains(index - p), index == lineEnd || text[index].isSpaceOrTab else { return nil }
        var content = text.trimmingSpacesAndTabs(index..<lineEnd)
        var closing = content.upperBound
        while closing > content.lowerBound && text[closing - 1] == .numberSign { closing -= 1 }
        if closing < content.upperBound && (closing == content.lowerBound || text[closing - 1].isSpaceOrTab) {
            content = text.trimmingSpacesAndTabs(content.lowerBound..<closing)
        }
        return content
    }

    func openingFence(_ p: Int) -> (byte: UInt8, length: Int)? {
        let fence = text[p]
        guard fence == .backtick || fence == .tilde else { return nil }
        var index = p
        while index < lineEnd && text[index] == fence { index += 1 }
        guard index - p >= 3 else { return nil }
        // A backtick fence's info string may not hold backticks (it would be a code span).
        if fence == .backtick && text[index..<lineEnd].contains(.backtick) { return nil }
        return (fence, index - p)
    }

    func isClosingFence(_ pos: Int, _ col: Int, fence: UInt8, length: Int) -> Bool {
        let (p, c) = skipSpaces(pos, col)
        guard c - col < 4 else { return false }
        var index = p
        while index < lineEnd && text[index] == fence { index += 1 }
        return index - p >= length && text.isSpacesAndTabs(index..<lineEnd)
    }

    private static let rawTextTags: [[UInt8]] = ["script", "pre", "style", "textarea"].map { Array($0.utf8) }
    private static let blockTags: Set<[UInt8]> = Set([
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center",
        "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head",
        "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav",
        "noframes", "ol", "optgroup", "option", "p", "param", "search", "section", "summary", "table",
        "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul",
    ].map { Array($0.utf8) })

    /// Whether `<script>`, `<pre>`, `<style>` or `<textarea>` starts at the `<` at `p` (rule 1).
    func startsRawTextBlock(_ p: Int) -> Bool {
        Self.rawTextTags.contains { tag in
            guard text.hasPrefixIgnoringCase(tag, at: p + 1, limit: lineEnd) else { return false }
            let after = p + 1 + tag.count
            return after == lineEnd || text[after].isSpaceOrTab || text[after] == .greaterThan
        }
    }

    /// Whether an HTML block (CommonMark rules 1–7) starts at `p`, and what will end it.
    func htmlBlockStart(_ p: Int, interruptingParagraph: Bool) -> HTMLBlockEnd? {
        guard text[p] == .lessThan, p + 1 < lineEnd else { return nil }
        func followsTagName(_ index: Int) -> Bool {
            index == lineEnd || text[index].isSpaceOrTab || text[index] == .greaterThan
                || (text[index] == .slash && index + 1 < lineEnd && text[index + 1] == .greaterThan)
        }
        if startsRawTextBlock(p) { return .marker(Self.rawTextTags.map { Array("</".utf8) + $0 + [.greaterThan] }) }
        if text.hasPrefixIgnoringCase(Array("<!--".utf8), at: p, limit: lineEnd) { return .marker([Array("-->".utf8)]) }
        if text[p + 1] == .questionMark { return .marker([Array("?>".utf8)]) }
        if text.hasPrefixIgnoringCase(Array("<![cdata[".utf8), at: p, limit: lineEnd) { return .marker([Array("]]>".utf8)]) }
        if text[p + 1] == .exclamationMark && p + 2 < lineEnd && text[p + 2].isASCIILetter { return .marker([[.greaterThan]]) }

        let scanner = MarkdownHTMLScanner(text, limit: lineEnd)
        let nameStart = text[p + 1] == .slash ? p + 2 : p + 1
        if let nameEnd = scanner.tagNameEnd(nameStart), followsTagName(nameEnd),
           Self.blockTags.contains(text[nameStart..<nameEnd].map(\.asciiLowercased)) {
            return .blankLine
        }
        // Rule 7: a lone complete tag on its line, which may not interrupt a paragraph.
        guard !interruptingParagraph else { return nil }
        var tagScanner = scanner
        if let end = text[p + 1] == .slash ? scanner.closingTagEnd(p) : tagScanner.openTagEnd(p),
           text.isSpacesAndTabs(end..<lineEnd) {
            return .blankLine
        }
        return nil
    }

    /// Whether a line (not a container start) would end a paragraph or table: a heading, a fence,
    /// an HTML block or a thematic break.
    func startsOtherBlock(_ p: Int, indent: Int) -> Bool {
        guard indent < 4 else { return false }
        return atxHeadingContent(p) != nil || openingFence(p) != nil || isThematicBreak(p)
            || htmlBlockStart(p, interruptingParagraph: true) != nil
    }

    func interruptsParagraph(_ p: Int, indent: Int) -> Bool { startsOtherBlock(p, indent: indent) }

    // MARK: Tables

    /// The cells of a table row, without the pipes and the cells' surrounding spaces.
    func tableCells(_ row: Range<Int>) -> [Range<Int>] {
        var start = row.lowerBound, end = row.upperBound
        if start < end && text[start] == .verticalBar { start += 1 }
        if end > start && text[end - 1] == .verticalBar && !(end - 2 >= start && text[end - 2] == .backslash) { end -= 1 }
        var cells: [Range<Int>] = []
        var cellStart = start, index = start
        while index < end {
            if text[index] == .backslash { index += 2; continue }
            if text[index] == .verticalBar {
                cells.append(text.trimmingSpacesAndTabs(cellStart..<index))
                cellStart = index + 1
            }
            index += 1
        }
        cells.append(text.trimmingSpacesAndTabs(cellStart..<max(cellStart, end)))
        return cells
    }

    /// The number of columns if the line at `p` is a table delimiter row (`| --- | :-: |`).
    func tableDelimiterColumns(_ p: Int) -> Int? {
        let row = text.trimmingSpacesAndTabs(p..<lineEnd)
        guard text[row].contains(.verticalBar) else { return nil }
        let cells = tableCells(row)
        for cell in cells {
            var index = cell.lowerBound, end = cell.upperBound
            if index < end && text[index] == .colon { index += 1 }
            if end > index && text[end - 1] == .colon { end -= 1 }
            guard index < end, text[index..<end].allSatisfy({ $0 == .hyphen }) else { return nil }
        }
        return cells.count
    }

    // MARK: Front matter

    /// The offset after YAML (`---` … `---`/`...`) or TOML (`+++` … `+++`) front matter, or 0.
    func frontMatterEnd() -> Int {
        func line(at start: Int) -> (content: Range<Int>, next: Int) {
            var end = start
            while end < text.count && text[end] != .lineFeed && text[end] != .carriageReturn { end += 1 }
            var next = end
            if next < text.count { next += text[next] == .carriageReturn && next + 1 < text.count && text[next + 1] == .lineFeed ? 2 : 1 }
            return (text.trimmingSpacesAndTabs(start..<end), next)
        }
        func isLine(_ range: Range<Int>, _ marker: String) -> Bool {
            range.lowerBound == range.upperBound - marker.utf8.count && text[range].elementsEqual(marker.utf8)
        }
        let first = line(at: 0)
        guard first.content.lowerBound == 0 else { return 0 }
        let closers: [String]
        if isLine(first.content, "---") { closers = ["---", "..."] } else if isLine(first.content, "+++") { closers = ["+++"] } else { return 0 }
        var start = first.next
        while start < text.count {
            let current = line(at: start)
            if closers.contains(where: { isLine(current.content, $0) }) { return current.next }
            start = current.next
        }
        return 0   // unclosed: not front matter after all
    }
}
