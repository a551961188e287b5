/// Recognises raw HTML (tags, comments, processing instructions, declarations, CDATA) and
/// autolinks in `bytes[..<limit]`. A failed search for a terminator is remembered, so that many
/// unterminated constructs in one paragraph cost linear time, not quadratic.
struct MarkdownHTMLScanner {
    let bytes: [UInt8]
    let limit: Int
    private var failedFrom: [Int]

    init(_ bytes: [UInt8], limit: Int) {
        self.bytes = bytes
        self.limit = limit
        failedFrom = Array(repeating: Int.max, count: Terminator.allCases.count)
    }

    enum Terminator: Int, CaseIterable {
        case commentEnd, processingEnd, cdataEnd, gt, quote, apostrophe
        var bytes: [UInt8] {
            switch self {
            case .commentEnd: Array("-->".utf8)
            case .processingEnd: Array("?>".utf8)
            case .cdataEnd: Array("]]>".utf8)
            case .gt: [.greaterThan]
            case .quote: [.doubleQuote]
            case .apostrophe: [.singleQuote]
            }
        }
    }

    /// The offset just after the next `terminator` at or after `index`.
    mutating func end(of terminator: Terminator, from index: Int) -> Int? {
        guard index < failedFrom[terminator.rawValue] else { return nil }
        let needle = terminator.bytes
        var cursor = index
        while cursor + needle.count <= limit {
            if bytes[cursor] == needle[0] && bytes.hasPrefixIgnoringCase(needle, at: cursor, limit: limit) {
                return cursor + needle.count
            }
            cursor += 1
        }
        failedFrom[terminator.rawValue] = index
        return nil
    }

    func isWhitespace(_ index: Int) -> Bool {
        index < limit && (bytes[index].isSpaceOrTab || bytes[index] == .lineFeed)
    }

    func skipWhitespace(_ index: Int) -> Int {
        var cursor = index
        while isWhitespace(cursor) { cursor += 1 }
        return cursor
    }

    /// The end of a tag name (letter, then letters, digits, `-`) starting at `index`.
    func tagNameEnd(_ index: Int) -> Int? {
        guard index < limit, bytes[index].isASCIILetter else { return nil }
        var cursor = index + 1
        while cursor < limit && (bytes[cursor].isASCIIAlphanumeric || bytes[cursor] == .hyphen) { cursor += 1 }
        return cursor
    }

    /// Any raw HTML construct starting at the `<` at `index`; returns the offset after it.
    mutating func rawHTMLEnd(_ index: Int) -> Int? {
        guard index + 1 < limit else { return nil }
        switch bytes[index + 1] {
        case .exclamationMark:
            if bytes.hasPrefixIgnoringCase(Array("<!--".utf8), at: index, limit: limit) {
                if index + 4 < limit && bytes[index + 4] == .greaterThan { return index + 5 }   // <!-->
                if bytes.hasPrefixIgnoringCase(Array("->".utf8), at: index + 4, limit: limit) { return index + 6 }
                return end(of: .commentEnd, from: index + 4)
            }
            if bytes.hasPrefixIgnoringCase(Array("<![cdata[".utf8), at: index, limit: limit) {
                return end(of: .cdataEnd, from: index + 9)
            }
            if index + 2 < limit && bytes[index + 2].isASCIILetter { return end(of: .gt, from: index + 2) }
            return nil
        case .questionMark:
            return end(of: .processingEnd, from: index + 2)
        case .slash:
            return closingTagEnd(index)
        default:
            return openTagEnd(index)
        }
    }

    /// `</name>` with optional whitespace before `>`.
    func closingTagEnd(_ index: Int) -> Int? {
        guard index + 1 < limit, bytes[index] == .lessThan, bytes[index + 1] == .slash,
              let nameEnd = tagNameEnd(index + 2) else { return nil }
        let cursor = skipWhitespace(nameEnd)
        return cursor < limit && bytes[cursor] == .greaterThan ? cursor + 1 : nil
    }

    /// `<name attr="value" …>` or `<name … />`.
    mutating func openTagEnd(_ index: Int) -> Int? {
        guard bytes[index] == .lessThan, var cursor = tagNameEnd(index + 1) else { return nil }
        while true {
            let afterName = cursor
            cursor = skipWhitespace(cursor)
            guard cursor < limit else { return nil }
            if bytes[cursor] == .greaterThan { return cursor + 1 }
            if bytes[cursor] == .slash {
                return cursor + 1 < limit && bytes[cursor + 1] == .greaterThan ? cursor + 2 : nil
            }
            // Attributes must be separated from what precedes them.
            guard cursor > afterName, let attributeEnd = attributeEnd(cursor) else { return nil }
            cursor = attributeEnd
        }
    }

    /// An attribute name with an optional `= value`.
    private mutating func attributeEnd(_ index: Int) -> Int? {
        let first = bytes[index]
        guard first.isASCIILetter || first == .underscore || first == .colon else { return nil }
        var cursor = index + 1
        while cursor < limit {
            let byte = bytes[cursor]
            guard byte.isASCIIAlphanumeric || byte == .underscore || byte == .period
                || byte == .colon || byte == .hyphen else { break }
            cursor += 1
        }
        let beforeValue = skipWhitespace(cursor)
        guard beforeValue < limit, bytes[beforeValue] == .equals else { return cursor }
        let valueStart = skipWhitespace(beforeValue + 1)
        guard valueStart < limit else { return nil }
        switch bytes[valueStart] {
        case .doubleQuote: return end(of: .quote, from: valueStart + 1)
        case .singleQuote: return end(of: .apostrophe, from: valueStart + 1)
        default:
            var valueEnd = valueStart
            while valueEnd < limit {
                let byte = bytes[valueEnd]
                if byte <= .space || byte == .doubleQuote || byte == .singleQuote || byte == .equals
                    || byte == .lessThan || byte == .greaterThan || byte == .backtick { break }
                valueEnd += 1
            }
            return valueEnd > valueStart ? valueEnd : nil
        }
    }

    private static let emailLocalPunctuation: Set<UInt8> = Set(".!#$%&'*+/=?^_`{|}~-".utf8)

    /// `<scheme:…>` or `<local@domain>`; returns the offset after the `>`.
    func autolinkEnd(_ index: Int) -> Int? {
        var cursor = index + 1
        // URI autolink: a scheme of 2–32 characters, a colon, then no spaces or angle brackets.
        if cursor < limit && bytes[cursor].isASCIILetter {
            var schemeEnd = cursor + 1
            while schemeEnd < limit && schemeEnd - cursor <= 32
                && (bytes[schemeEnd].isASCIIAlphanumeric || bytes[schemeEnd] == .plus
                    || bytes[schemeEnd] == .period || bytes[schemeEnd] == .hyphen) { schemeEnd += 1 }
            let schemeLength = schemeEnd - cursor
            if schemeLength >= 2 && schemeLength <= 32 && schemeEnd < limit && bytes[schemeEnd] == .colon {
                var end = schemeEnd + 1
                while end < limit && bytes[end] > .space && bytes[end] != .lessThan && bytes[end] != .greaterThan { end += 1 }
                if end < limit && bytes[end] == .greaterThan { return end + 1 }
            }
        }
        // Email autolink.
        let localStart = cursor
        while cursor < limit, bytes[cursor].isASCIIAlphanumeric || Self.emailLocalPunctuation.contains(bytes[cursor]) {
            cursor += 1
        }
        guard cursor > localStart, cursor < limit, bytes[cursor] == .atSign else { return nil }
        cursor += 1
        let domainStart = cursor
        while cursor < limit && (bytes[cursor].isASCIIAlphanumeric || bytes[cursor] == .hyphen || bytes[cursor] == .period) {
            cursor += 1
        }
        guard cursor > domainStart, cursor < limit, bytes[cursor] == .greaterThan else { return nil }
        return cursor + 1
    }
}
