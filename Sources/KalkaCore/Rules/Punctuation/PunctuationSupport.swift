/// Byte-level helpers shared by the punctuation rules (PUN001–PUN005).
extension Analysis {
    /// True when prose `range` copies one unbroken stretch of a single source line: no soft line
    /// break (a line feed read as a space), dropped line break, entity or markup lies inside it.
    /// Lets a rule tell "a  b" typed on one line from a line break followed by indentation, and
    /// " - " between words from a list bullet at the start of a line.
    func isOneSourceLine(_ range: Range<Int>) -> Bool {
        document.map.isOneVerbatimStretch(range)
    }

    /// True when `token` is the single ASCII character `character`.
    @inline(__always)
    func isCharacter(_ token: Token, _ character: UInt8) -> Bool {
        token.length == 1 && prose[Int(token.start)] == character
    }

    /// True when `token` is one closing quote or bracket: ” ’ » › " ' ) ].
    func isClosingMark(_ token: Token) -> Bool {
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
    func isClosingQuoteOrHighQuote(_ token: Token) -> Bool {
        if isClosingMark(token) { return true }
        let start = Int(token.start)
        return token.length == 3 && prose[start] == 0xE2 && prose[start + 1] == 0x80
            && (prose[start + 2] == 0x9C || prose[start + 2] == 0x98)
    }

    /// True when `token` is one opening quote or bracket: “ ‘ « ‹ „ " ' ( [.
    func isOpeningMark(_ token: Token) -> Bool {
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
extension Analysis {
    /// The scalar that ends right before prose `offset` (nil at the start or after a paragraph break).
    func scalar(before offset: Int) -> Unicode.Scalar? {
        guard offset > 0, prose[offset - 1] != 0x0A else { return nil }
        var start = offset - 1
        while start > 0 && prose[start] & 0xC0 == 0x80 { start -= 1 }
        return decodeScalar(at: start)
    }

    /// The scalar that starts at prose `offset` (nil at the end or at a paragraph break).
    func scalar(at offset: Int) -> Unicode.Scalar? {
        guard offset < prose.count, prose[offset] != 0x0A else { return nil }
        return decodeScalar(at: offset)
    }

    private func decodeScalar(at start: Int) -> Unicode.Scalar? {
        var iterator = prose[start...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }
}

/// Character classes the typography rules share.
enum TypographyClass {
    /// Nothing (paragraph edge) or white space.
    static func isBlank(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        return scalar.properties.isWhitespace
    }

    static func isLetterOrDigit(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
    }

    static func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
        scalar?.properties.numericType == .decimal
    }

    /// A mark after which a quotation opens: a bracket, a dash, a slash or another opening quote.
    static func opensQuotation(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        return "([{/—–-“‘«„‚\"'".unicodeScalars.contains(scalar)
    }
}
