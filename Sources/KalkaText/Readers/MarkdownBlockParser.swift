import KalkaModel

/// Splits Markdown into leaf blocks holding prose. Each leaf is the list of its lines' source
/// ranges, already stripped of container markers and indentation; what lies between two of them
/// (line ending, `>` markers, indentation) reads as a soft break.
struct MarkdownBlockParser {
    let text: [UInt8]
    private(set) var leaves: [[Range<Int>]] = []
    /// What each leaf is: a heading, a paragraph of a list item, a table cell, a paragraph.
    private(set) var leafKinds: [BlockKind] = []
    /// The leaves that are setext headings (their underline is the line after their text).
    private var setextLeaves: Set<Int> = []
    private var closingSetextHeading = false
    private(set) var references: Set<String> = []
    /// The lines of each HTML block that may hold comments with suppression directives: every
    /// kind but raw text (`<script>`, `<pre>`, `<style>`, `<textarea>`), whose `<!--` is text.
    private(set) var htmlBlocks: [[Range<Int>]] = []
    private var recordingHTMLBlock = false

    private enum Container {
        case quote
        case listItem(contentColumn: Int)
    }

    /// What ends an HTML block: CommonMark's rules 1–5 end at a line containing a marker,
    /// rules 6 and 7 at a blank line.
    enum HTMLBlockEnd {
        case marker([[UInt8]])
        case blankLine
    }

    /// The open leaf block of the innermost container.
    private enum Tip {
        case none, paragraph, indentedCode, table
        case fencedCode(fence: UInt8, length: Int)
        case html(HTMLBlockEnd)
    }

    private var containers: [Container] = []
    /// Where the block quotes stand in `containers`, and how many list items it holds: what a
    /// blank line or a finished paragraph asks, answered without walking a deep stack.
    private var quoteIndices: [Int] = []
    private var listItemCount = 0
    private var tip: Tip = .none
    private var paragraphLines: [Range<Int>] = []
    /// The end of the current line's content (before its line ending).
    private(set) var lineEnd = 0

    init(_ text: [UInt8]) { self.text = text }

    mutating func parse() {
        var start = frontMatterEnd()
        let count = text.count
        while start < count {
            var end = start
            while end < count && text[end] != .lineFeed && text[end] != .carriageReturn { end += 1 }
            var next = end
            if next < count {
                next += text[next] == .carriageReturn && next + 1 < count && text[next + 1] == .lineFeed ? 2 : 1
            }
            lineEnd = end
            processLine(from: start)
            start = next
        }
        closeContainers(downTo: 0)
        closeTip()
    }

    // MARK: Lines

    private mutating func processLine(from lineStart: Int) {
        var pos = lineStart, col = 0
        var matched = 0
        // The run of spaces the last `skipSpaces` crossed: a container that consumes only part
        // of it leaves the rest for the next, whose skip then ends where the last one did.
        // Without this a line nested d deep would be crossed d times.
        var spaces: (from: Int, to: Int, column: Int)? = nil
        let blank = skipSpaces(lineStart, 0)
        if blank.0 == lineEnd {
            // A blank line: list items go on, the first block quote and what it holds do not
            // (what the loop below finds, without walking every container).
            matched = quoteIndices.first ?? containers.count
            if matched > 0 { (pos, col) = blank }
        } else {
            matching: for container in containers {
                WorkCounter.count(1)
                let (p, c): (Int, Int)
                if let spaces, spaces.from <= pos, pos <= spaces.to {
                    (p, c) = (spaces.to, spaces.column)
                } else {
                    (p, c) = skipSpaces(pos, col)
                    spaces = (pos, p, c)
                }
                switch container {
                case .quote:
                    guard c - col <= 3, p < lineEnd, text[p] == .greaterThan else { break matching }
                    (pos, col) = afterQuoteMarker(p, c)
                case .listItem(let contentColumn):
                    if p == lineEnd {
                        (pos, col) = (p, c)
                    } else if c >= contentColumn {
                        (pos, col) = advance(pos, col, toColumn: contentColumn)
                    } else {
                        break matching
                    }
                }
                matched += 1
            }
        }

        // Fenced code and HTML blocks swallow their lines whole while their containers go on.
        if matched == containers.count {
            switch tip {
            case .fencedCode(let fence, let length):
                if isClosingFence(pos, col, fence: fence, length: length) { tip = .none }
                return
            case .html(let end):
                if recordingHTMLBlock { htmlBlocks[htmlBlocks.count - 1].append(pos..<lineEnd) }
                continueHTMLBlock(end, from: pos)
                return
            default:
                break
            }
        }

        // New containers.
        var opened = false
        while true {
            let (p, c) = skipSpaces(pos, col)
            guard c - col < 4, p < lineEnd else { break }
            if text[p] == .greaterThan {
                open(.quote, matched: &matched)
                (pos, col) = afterQuoteMarker(p, c)
                opened = true
                continue
            }
            if isParagraphOpen && matched == containers.count && isSetextUnderline(p) { break }
            if isThematicBreak(p) { break }
            // Only a paragraph of this very container can be interrupted; a lazy one cannot.
            let interrupting = isParagraphOpen && matched == containers.count
            if let item = listItemStart(p, c, interruptingParagraph: interrupting) {
                open(.listItem(contentColumn: item.contentColumn), matched: &matched)
                (pos, col) = (item.pos, item.col)
                opened = true
                continue
            }
            break
        }

        let (p, c) = skipSpaces(pos, col)
        if !opened && matched < containers.count && isParagraphOpen && p < lineEnd
            && !interruptsParagraph(p, indent: c - col) {
            // A lazy continuation line: the paragraph goes on although its containers' markers are missing.
            paragraphLines.append(p..<text.trimmingSpacesAndTabs(p..<lineEnd).upperBound)
            return
        }
        closeContainers(downTo: matched)
        processLeafLine(pos, col)
    }

    private mutating func processLeafLine(_ pos: Int, _ col: Int) {
        let (p, c) = skipSpaces(pos, col)
        let indent = c - col
        if p == lineEnd {
            if case .indentedCode = tip { return }
            closeTip()
            return
        }
        switch tip {
        case .indentedCode:
            if indent >= 4 { return }
            tip = .none
        case .table:
            if !startsOtherBlock(p, indent: indent) {
                addCells(of: p..<lineEnd)
                return
            }
            tip = .none
        default:
            break
        }
        if indent >= 4 {
            if isParagraphOpen { appendParagraphLine(p) } else { tip = .indentedCode }
            return
        }
        if let heading = atxHeadingContent(p) {
            closeTip()
            if !heading.isEmpty {
                leaves.append([heading])
                leafKinds.append(.heading)
            }
            return
        }
        if let fence = openingFence(p) {
            closeTip()
            tip = .fencedCode(fence: fence.byte, length: fence.length)
            return
        }
        if let end = htmlBlockStart(p, interruptingParagraph: isParagraphOpen) {
            closeTip()
            tip = .html(end)
            recordingHTMLBlock = !startsRawTextBlock(p)
            if recordingHTMLBlock { htmlBlocks.append([p..<lineEnd]) }
            // Rules 1–5 may end on the line they start.
            if case .marker = end { continueHTMLBlock(end, from: p) }
            return
        }
        if isParagraphOpen && isSetextUnderline(p) {
            closingSetextHeading = true
            closeTip()   // the paragraph is the heading's text; the underline is markup
            closingSetextHeading = false
            return
        }
        if isThematicBreak(p) {
            closeTip()
            return
        }
        if isParagraphOpen, let header = paragraphLines.last, let columns = tableDelimiterColumns(p),
           tableCells(header).count == columns {
            paragraphLines.removeLast()
            closeTip()
            addCells(of: header)
            tip = .table
            return
        }
        appendParagraphLine(p)
    }

    // MARK: Containers and leaves

    private var isParagraphOpen: Bool {
        if case .paragraph = tip { return true }
        return false
    }

    private mutating func open(_ container: Container, matched: inout Int) {
        closeContainers(downTo: matched)
        closeTip()
        if case .quote = container { quoteIndices.append(containers.count) } else { listItemCount += 1 }
        containers.append(container)
        matched = containers.count
    }

    private mutating func closeContainers(downTo count: Int) {
        guard containers.count > count else { return }
        closeTip()
        var removedQuotes = 0
        while let last = quoteIndices.last, last >= count {
            quoteIndices.removeLast()
            removedQuotes += 1
        }
        listItemCount -= containers.count - count - removedQuotes
        containers.removeLast(containers.count - count)
    }

    private mutating func closeTip() {
        if case .paragraph = tip { finishParagraph() }
        tip = .none
    }

    private mutating func appendParagraphLine(_ start: Int) {
        if !isParagraphOpen {
            paragraphLines.removeAll(keepingCapacity: true)
            tip = .paragraph
        }
        paragraphLines.append(start..<text.trimmingSpacesAndTabs(start..<lineEnd).upperBound)
    }

    private mutating func finishParagraph() {
        var first = 0
        if let line = paragraphLines.first, text[line.lowerBound] == .leftBracket {
            first = consumeReferenceDefinitions()
        }
        if first < paragraphLines.count {
            if closingSetextHeading { setextLeaves.insert(leaves.count) }
            leaves.append(Array(paragraphLines[first...]))
            let inListItem = listItemCount > 0
            leafKinds.append(closingSetextHeading ? .heading : inListItem ? .listItem : .paragraph)
        }
        paragraphLines.removeAll(keepingCapacity: true)
    }

    private mutating func addCells(of line: Range<Int>) {
        for cell in tableCells(text.trimmingSpacesAndTabs(line)) where !cell.isEmpty {
            leaves.append([cell])
            leafKinds.append(.tableCell)
        }
    }

    /// The whole source lines of leaf `index`, from the start of its first line (container markers
    /// and heading marks included) to past the line break of its last (or of a setext heading's
    /// underline); nil for a table cell or when another leaf shares those lines.
    func sourceLines(ofLeaf index: Int) -> Range<Int>? {
        guard leafKinds[index] != .tableCell, let first = leaves[index].first, let last = leaves[index].last else { return nil }
        var start = first.lowerBound
        while start > 0, text[start - 1] != .lineFeed, text[start - 1] != .carriageReturn { start -= 1 }
        func lineEnd(after offset: Int) -> Int {
            var end = offset
            while end < text.count, text[end] != .lineFeed, text[end] != .carriageReturn { end += 1 }
            if end < text.count { end += text[end] == .carriageReturn && end + 1 < text.count && text[end + 1] == .lineFeed ? 2 : 1 }
            return end
        }
        var end = lineEnd(after: last.upperBound)
        if setextLeaves.contains(index) { end = lineEnd(after: end) }
        if index > 0, let previous = leaves[index - 1].last, previous.upperBound > start { return nil }
        if index + 1 < leaves.count, let next = leaves[index + 1].first, next.lowerBound < end { return nil }
        return start..<end
    }

    private mutating func continueHTMLBlock(_ end: HTMLBlockEnd, from pos: Int) {
        switch end {
        case .blankLine:
            if text.isSpacesAndTabs(pos..<lineEnd) { tip = .none }
        case .marker(let markers):
            if markers.contains(where: { text.firstIndexIgnoringCase(of: $0, in: pos..<lineEnd) != nil }) { tip = .none }
        }
    }

    // MARK: Reference definitions

    /// Reads `[label]: destination "title"` definitions at the start of the open paragraph,
    /// records their labels and returns how many whole lines they take.
    private mutating func consumeReferenceDefinitions() -> Int {
        // The lines joined by "\n", so that a definition may run over several lines.
        var joined: [UInt8] = []
        var lineStarts: [Int] = []
        for line in paragraphLines {
            if !joined.isEmpty { joined.append(.lineFeed) }
            lineStarts.append(joined.count)
            joined.append(contentsOf: text[line])
        }
        var cursor = 0
        while cursor < joined.count, let end = referenceDefinitionEnd(joined, from: cursor) {
            cursor = end + 1
        }
        return lineStarts.firstIndex(where: { $0 >= cursor }) ?? paragraphLines.count
    }

    /// The end of the line on which a reference definition at `index` ends (adding its label).
    private mutating func referenceDefinitionEnd(_ bytes: [UInt8], from index: Int) -> Int? {
        guard bytes[index] == .leftBracket,
              index + 1 < bytes.count, bytes[index + 1] != .caret,   // `[^1]:` is a footnote: prose
              let close = MarkdownSyntax.labelClose(bytes, from: index),
              let label = MarkdownSyntax.normalizedLabel(bytes, index + 1..<close),
              close + 1 < bytes.count, bytes[close + 1] == .colon else { return nil }
        let scanner = MarkdownHTMLScanner(bytes, limit: bytes.count)
        guard let destinationEnd = MarkdownSyntax.destinationEnd(bytes, from: scanner.skipWhitespace(close + 2)) else {
            return nil
        }
        func lineEnd(after position: Int) -> Int? {
            var cursor = position
            while cursor < bytes.count && bytes[cursor].isSpaceOrTab { cursor += 1 }
            return cursor == bytes.count || bytes[cursor] == .lineFeed ? cursor : nil
        }
        let titleStart = scanner.skipWhitespace(destinationEnd)
        if titleStart > destinationEnd, let titleEnd = MarkdownSyntax.titleEnd(bytes, from: titleStart),
           let end = lineEnd(after: titleEnd) {
            references.insert(label)
            return end
        }
        guard let end = lineEnd(after: destinationEnd) else { return nil }
        references.insert(label)
        return end
    }
}
