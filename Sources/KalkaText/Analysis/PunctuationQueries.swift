import KalkaModel

/// Byte-level token queries shared by the punctuation rules (PUN001–PUN005) and the page layout.
package extension Analysis {
    /// True when prose `range` copies one unbroken stretch of a single source line: no soft line
    /// break (a line feed read as a space), dropped line break, entity or markup lies inside it.
    /// Lets a rule tell "a  b" typed on one line from a line break followed by indentation, and
    /// " - " between words from a list bullet at the start of a line.
    func isOneSourceLine(_ range: Range<Int>) -> Bool {
        document.map.isOneVerbatimStretch(range)
    }

    /// True when prose `range` holds no soft line break: no line break or word-separating markup
    /// of the source read as a space. Entities and inline markup may lie inside (“&rdquo;”,
    /// “*over*.”), unlike `isOneSourceLine`.
    func hasNoSoftBreak(_ range: Range<Int>) -> Bool {
        let pieces = document.map.pieces
        guard !pieces.isEmpty, !range.isEmpty else { return true }
        var index = pieces.partitionPoint { $0.proseEnd <= range.lowerBound }
        while index < pieces.count && pieces[index].proseStart < range.upperBound {
            let piece = pieces[index]
            if !piece.verbatim && piece.proseLength == 1 && prose[piece.proseStart] == 0x20 { return false }
            index += 1
        }
        return true
    }

    /// True when `token` is the single ASCII character `character`.
    @inlinable @inline(__always)
    func isCharacter(_ token: Token, _ character: UInt8) -> Bool {
        token.length == 1 && prose[Int(token.start)] == character
    }

    /// True when `token` is one closing quote or bracket: ” ’ » › " ' ) ].
    @inlinable func isClosingMark(_ token: Token) -> Bool {
        let start = Int(token.start)
        switch token.length {
        case 1:
            switch prose[start] {
            case 0x22, 0x27, 0x29, 0x5D: return true
            default: return false
            }
        case 2: return prose[start] == 0xC2 && prose[start + 1] == 0xBB
        case 3:
            guard prose[start] == 0xE2, prose[start + 1] == 0x80 else { return false }
            switch prose[start + 2] {
            case 0x9D, 0x99, 0xBA: return true
            default: return false
            }
        default: return false
        }
    }

    /// True when `token` can end the words before a mark: a closing quote or bracket, or “ and ‘,
    /// which close „low-high“ quotes.
    @inlinable func isClosingQuoteOrHighQuote(_ token: Token) -> Bool {
        if isClosingMark(token) { return true }
        let start = Int(token.start)
        return token.length == 3 && prose[start] == 0xE2 && prose[start + 1] == 0x80
            && (prose[start + 2] == 0x9C || prose[start + 2] == 0x98)
    }

    /// True when `token` is one opening quote or bracket: “ ‘ « ‹ „ " ' ( [.
    @inlinable func isOpeningMark(_ token: Token) -> Bool {
        let start = Int(token.start)
        switch token.length {
        case 1:
            switch prose[start] {
            case 0x22, 0x27, 0x28, 0x5B: return true
            default: return false
            }
        case 2: return prose[start] == 0xC2 && prose[start + 1] == 0xAB
        case 3:
            guard prose[start] == 0xE2, prose[start + 1] == 0x80 else { return false }
            switch prose[start + 2] {
            case 0x9C, 0x98, 0xB9, 0x9E: return true
            default: return false
            }
        default: return false
        }
    }
}

/// Scalar-level context for the typography rules (PUN006, PUN007), which judge a mark by the
/// characters on either side of it.
package extension Analysis {
    /// The scalar that ends right before prose `offset` (nil at the start or after a paragraph break).
    @inlinable func scalar(before offset: Int) -> Unicode.Scalar? {
        guard offset > 0, prose[offset - 1] != 0x0A else { return nil }
        return UTF8Decoding.decodeStrict(prose, at: UTF8Decoding.scalarStart(before: offset, in: prose))?.scalar
    }

    /// The scalar that starts at prose `offset` (nil at the end or at a paragraph break).
    @inlinable func scalar(at offset: Int) -> Unicode.Scalar? {
        guard offset < prose.count, prose[offset] != 0x0A else { return nil }
        return UTF8Decoding.decodeStrict(prose, at: offset)?.scalar
    }
}

/// Character classes the typography rules share.
package enum TypographyClass {
    /// Nothing (paragraph edge) or white space.
    @inlinable package static func isBlank(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        return scalar.properties.isWhitespace
    }

    @inlinable package static func isLetterOrDigit(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
    }

    @inlinable package static func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
        scalar?.properties.numericType == .decimal
    }

    /// A mark after which a quotation opens: a bracket, a dash, a slash or another opening quote.
    @inlinable package static func opensQuotation(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        return "([{/—–-“‘«„‚\"'".unicodeScalars.contains(scalar)
    }
}

/// Token tests the attribution and quotation rules (PUN008–PUN010) share.
package extension Analysis {
    /// True when `token` is a dash or a hyphen standing alone: - – — ― ‒.
    @inlinable func isDashToken(_ token: Token) -> Bool {
        let start = Int(token.start)
        switch token.length {
        case 1: return prose[start] == 0x2D
        case 3:
            guard prose[start] == 0xE2, prose[start + 1] == 0x80 else { return false }
            return (0x92...0x95).contains(prose[start + 2])
        default: return false
        }
    }

    /// True when `token` is one closing or neutral quotation mark: ” ’ » " '.
    @inlinable func isClosingQuote(_ token: Token) -> Bool {
        isClosingMark(token) && !isCharacter(token, 0x29) && !isCharacter(token, 0x5D)
    }

    /// True when the token is one of . ! ? or … (a sentence may end on it).
    @inlinable func isTerminalMark(_ token: Token) -> Bool {
        let start = Int(token.start)
        if token.length == 1 { return prose[start] == 0x2E || prose[start] == 0x21 || prose[start] == 0x3F }
        return token.length == 3 && prose[start] == 0xE2 && prose[start + 1] == 0x80 && prose[start + 2] == 0xA6
    }
}

package extension Analysis {
    /// The index of the token that holds prose `offset`, by binary search.
    func tokenIndex(containing offset: Int) -> Int? {
        let index = tokens.partitionPoint { Int($0.end) <= offset }
        return index < tokens.count && Int(tokens[index].start) <= offset ? index : nil
    }
}

package extension TypographyClass {
    /// . , ! ? or …: a mark a quotation can end on.
    @inlinable static func endsQuotation(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return ".,!?…".unicodeScalars.contains(scalar)
    }

    /// A horizontal space: U+0020, no-break or narrow no-break space.
    @inlinable static func isInlineSpace(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar == " " || scalar == "\u{A0}" || scalar == "\u{202F}" || scalar == "\u{2009}"
    }
}
