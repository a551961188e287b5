/// Token queries shared by the garbled-clause rules (GAR001–GAR004) and the page layout.
package extension Analysis {
    /// True when `token` is one of the sentence-final stops `.`, `!`, `?`.
    @inlinable @inline(__always)
    func isSentenceStop(_ token: Token) -> Bool {
        guard token.length == 1 else { return false }
        switch prose[Int(token.start)] {
        case 0x2E, 0x21, 0x3F: return true
        default: return false
        }
    }

    /// True when the token's bytes hold a full stop ("e.g", "p.m", "U.S").
    func containsFullStop(_ token: Token) -> Bool {
        for offset in token.range where prose[offset] == 0x2E { return true }
        return false
    }

    /// True when `token` is the three-byte mark U+201C “ (the English opening quote).
    @inlinable @inline(__always)
    func isLeftDoubleQuote(_ token: Token) -> Bool {
        token.length == 3 && isLeftDoubleQuote(at: Int(token.start))
    }

    @inlinable @inline(__always)
    func isLeftDoubleQuote(at offset: Int) -> Bool {
        offset + 2 < prose.count && prose[offset] == 0xE2 && prose[offset + 1] == 0x80 && prose[offset + 2] == 0x9C
    }

    /// The token range of paragraph `index`: from its first sentence's first token to its last
    /// sentence's last.
    func tokenRange(ofParagraph index: Int) -> Range<Int> {
        let paragraph = paragraphs[index]
        return sentences[paragraph.sentences.lowerBound].tokens.lowerBound..<sentences[paragraph.sentences.upperBound - 1].tokens.upperBound
    }

    /// The text of up to `words` words starting at token `index`, within its paragraph, with "…"
    /// when the sentence goes on: for messages.
    func excerpt(from index: Int, words: Int) -> String {
        var seen = 0
        var last = index
        var cursor = index
        while cursor < tokens.count, !tokens[cursor].isParagraphBreak {
            if tokens[cursor].kind == .word || tokens[cursor].kind == .number {
                if seen == words { break }
                seen += 1
            }
            if tokens[cursor].kind != .space { last = cursor }
            cursor += 1
        }
        let more = cursor < tokens.count && !tokens[cursor].isParagraphBreak
        return text(of: Int(tokens[index].start)..<Int(tokens[last].end)) + (more ? "…" : "")
    }
}
