/// Link syntax both Markdown phases read: the block phase in link reference definitions, the
/// inline phase in inline links and references.
enum MarkdownSyntax {
    /// A link destination starting at `index` (`<…>` or a raw run with balanced parentheses);
    /// returns the offset after it. A raw destination must not be empty.
    static func destinationEnd(_ bytes: [UInt8], from index: Int) -> Int? {
        let count = bytes.count
        guard index < count else { return nil }
        if bytes[index] == .lessThan {
            var cursor = index + 1
            while cursor < count {
                let byte = bytes[cursor]
                if byte == .greaterThan { return cursor + 1 }
                if byte == .lineFeed || byte == .lessThan { return nil }
                cursor += byte == .backslash ? 2 : 1
            }
            return nil
        }
        var cursor = index, depth = 0
        while cursor < count {
            let byte = bytes[cursor]
            if byte == .backslash, cursor + 1 < count, bytes[cursor + 1].isASCIIPunctuation {
                cursor += 2
                continue
            }
            if byte <= .space || byte == 0x7F { break }
            if byte == .leftParenthesis {
                depth += 1
                if depth > 32 { return nil }
            } else if byte == .rightParenthesis {
                if depth == 0 { break }
                depth -= 1
            }
            cursor += 1
        }
        return cursor > index && depth == 0 ? cursor : nil
    }

    /// A link title (`"…"`, `'…'` or `(…)`) starting at `index`; returns the offset after it.
    static func titleEnd(_ bytes: [UInt8], from index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        let open = bytes[index]
        let close: UInt8
        switch open {
        case .doubleQuote, .singleQuote: close = open
        case .leftParenthesis: close = .rightParenthesis
        default: return nil
        }
        var cursor = index + 1
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == .backslash { cursor += 2; continue }
            if byte == close { return cursor + 1 }
            if open == .leftParenthesis && byte == .leftParenthesis { return nil }
            cursor += 1
        }
        return nil
    }

    /// The offset of the `]` closing a link label whose `[` is at `index`, if the label is valid
    /// (no unescaped brackets, at most 999 characters).
    static func labelClose(_ bytes: [UInt8], from index: Int) -> Int? {
        var cursor = index + 1
        while cursor < bytes.count && cursor - index <= 1000 {
            switch bytes[cursor] {
            case .rightBracket: return cursor
            case .leftBracket: return nil
            case .backslash: cursor += 2
            default: cursor += 1
            }
        }
        return nil
    }

    /// A label as references match it: whitespace runs collapsed, case folded. Nil when blank.
    static func normalizedLabel(_ bytes: [UInt8], _ range: Range<Int>) -> String? {
        var folded: [UInt8] = []
        var pendingSpace = false
        for byte in bytes[range] {
            if byte == .space || byte == .tab || byte == .lineFeed {
                pendingSpace = !folded.isEmpty
            } else {
                if pendingSpace { folded.append(.space) }
                pendingSpace = false
                folded.append(byte)
            }
        }
        guard !folded.isEmpty else { return nil }
        return String(decoding: folded, as: UTF8.self).lowercased()
    }
}
