import KalkaModel

/// Emphasis and strikethrough in the Markdown inline phase: which runs of `*`, `_` and `~` may
/// open or close (CommonMark's flanking rules) and how openers and closers pair up.
extension MarkdownInlineParser {
    struct Delimiter {
        let byte: UInt8
        let start: Int
        let originalCount: Int
        var count: Int
        let canOpen: Bool, canClose: Bool
        var previous: Int, next: Int
    }

    /// A run of `*`, `_` or `~` becomes a delimiter when CommonMark's flanking rules let it open
    /// or close emphasis; `_` inside a word (`snake_case`) never does.
    mutating func scanDelimiterRun(_ index: Int) -> Int {
        let byte = bytes[index]
        var end = index
        while end < bytes.count && bytes[end] == byte { end += 1 }
        if byte == .tilde && end - index > 2 { return end }   // GFM strikethrough is ~ or ~~
        // The edges of the leaf read as spaces; a broken sequence reads as U+FFFD, which is
        // neither space nor punctuation.
        let before = index > 0 ? UTF8Decoding.decodeClamped(bytes, at: UTF8Decoding.scalarStart(before: index, in: bytes, maxLength: 4)) ?? " " : " "
        let after = UTF8Decoding.decodeClamped(bytes, at: end) ?? " "
        let beforeIsSpace = isUnicodeWhitespace(before), afterIsSpace = isUnicodeWhitespace(after)
        let beforeIsPunct = isUnicodePunctuation(before), afterIsPunct = isUnicodePunctuation(after)
        let leftFlanking = !afterIsSpace && (!afterIsPunct || beforeIsSpace || beforeIsPunct)
        let rightFlanking = !beforeIsSpace && (!beforeIsPunct || afterIsSpace || afterIsPunct)
        let canOpen: Bool, canClose: Bool
        if byte == .underscore {
            canOpen = leftFlanking && (!rightFlanking || beforeIsPunct)
            canClose = rightFlanking && (!leftFlanking || afterIsPunct)
        } else {
            canOpen = leftFlanking
            canClose = rightFlanking
        }
        if canOpen || canClose {
            let new = delimiters.count
            delimiters.append(Delimiter(byte: byte, start: index, originalCount: end - index, count: end - index,
                                        canOpen: canOpen, canClose: canClose, previous: lastDelimiter, next: -1))
            if lastDelimiter >= 0 { delimiters[lastDelimiter].next = new }
            lastDelimiter = new
        }
        return end
    }

    // MARK: Pairing

    /// CommonMark's "process emphasis" over the delimiters from index `bottom` on: each closer
    /// is matched with the nearest compatible opener, the matched delimiter characters are
    /// hidden, and the unmatched ones stay as text. Afterwards those delimiters are dropped.
    mutating func processEmphasis(bottom: Int) {
        var first = lastDelimiter
        guard first >= bottom else { return }
        while delimiters[first].previous >= bottom { first = delimiters[first].previous }
        // Per closer kind, the delimiter below which no opener was found (keeps this linear).
        var openersBottom = Array(repeating: bottom - 1, count: 18)
        var closer = first
        while closer >= 0 {
            let current = delimiters[closer]
            guard current.canClose else { closer = current.next; continue }
            let kind = openersBottomIndex(current)
            var opener = current.previous
            while opener >= bottom && opener > openersBottom[kind] && !canMatch(delimiters[opener], current) {
                opener = delimiters[opener].previous
            }
            guard opener >= bottom && opener > openersBottom[kind] else {
                openersBottom[kind] = current.previous
                let next = current.next
                if !current.canOpen { unlink(closer) }
                closer = next
                continue
            }
            let use = current.byte == .tilde ? current.count
                : (delimiters[opener].count >= 2 && current.count >= 2 ? 2 : 1)
            let openerEnd = delimiters[opener].start + delimiters[opener].count
            hide(openerEnd - use..<openerEnd)
            let closerStart = current.start + current.originalCount - current.count
            hide(closerStart..<closerStart + use)
            delimiters[opener].count -= use
            delimiters[closer].count -= use
            // Delimiters between the pair can no longer match anything.
            delimiters[opener].next = closer
            delimiters[closer].previous = opener
            if delimiters[opener].count == 0 { unlink(opener) }
            if delimiters[closer].count == 0 {
                let next = delimiters[closer].next
                unlink(closer)
                closer = next
            }
        }
        // Drop the processed delimiters.
        while lastDelimiter >= bottom { lastDelimiter = delimiters[lastDelimiter].previous }
        if lastDelimiter >= 0 { delimiters[lastDelimiter].next = -1 }
    }

    private func openersBottomIndex(_ closer: Delimiter) -> Int {
        let byteIndex = closer.byte == .asterisk ? 0 : closer.byte == .underscore ? 1 : 2
        if byteIndex == 2 { return 12 + closer.originalCount % 3 }
        return byteIndex * 6 + (closer.canOpen ? 3 : 0) + closer.originalCount % 3
    }

    private func canMatch(_ opener: Delimiter, _ closer: Delimiter) -> Bool {
        guard opener.byte == closer.byte, opener.canOpen, opener.count > 0 else { return false }
        if closer.byte == .tilde { return opener.count == closer.count }
        // The "rule of 3": `*foo**bar*` must not pair `*` with `**`.
        if (opener.canClose || closer.canOpen) && (opener.originalCount + closer.originalCount) % 3 == 0
            && !(opener.originalCount % 3 == 0 && closer.originalCount % 3 == 0) { return false }
        return true
    }

    private mutating func unlink(_ index: Int) {
        let previous = delimiters[index].previous, next = delimiters[index].next
        if previous >= 0 { delimiters[previous].next = next }
        if next >= 0 { delimiters[next].previous = previous } else if lastDelimiter == index { lastDelimiter = previous }
    }
}

/// Unicode whitespace as CommonMark's flanking rules see it (Zs plus tab, LF, FF, CR).
private func isUnicodeWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: true
    default: false
    }
}

/// CommonMark counts Unicode punctuation and symbols (P*, S*) as punctuation; the common blocks
/// are enough for deciding whether `*` or `_` flanks a word.
private func isUnicodePunctuation(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return UInt8(scalar.value).isASCIIPunctuation }
    switch scalar.value {
    case 0xA1...0xA9, 0xAB, 0xAC, 0xAE...0xB1, 0xB4, 0xB6...0xB8, 0xBB, 0xBF, 0xD7, 0xF7,
         0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20CF, 0x2190...0x2BFF, 0x2E00...0x2E7F,
         0x3001...0x3003, 0x3008...0x3011, 0x3014...0x301F, 0xFE10...0xFE19, 0xFE30...0xFE6F,
         0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65, 0x1F000...0x1FAFF:
        return true
    default:
        return false
    }
}
