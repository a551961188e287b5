import KalkaText

/// The token tests of the page layout: one byte, one word, a mark (bullet, dash, guillemet), a
/// dotted date, a domain name, a byline.
extension LayoutBuilder {
    func isByte(_ token: Token, _ byte: UInt8) -> Bool {
        token.length == 1 && prose[Int(token.start)] == byte
    }

    func isWord(_ token: Token, _ hash: UInt64) -> Bool {
        token.kind == .word && token.foldedHash == hash
    }

    func isEllipsis(_ token: Token) -> Bool {
        token.length == 3 && prose[Int(token.start)] == 0xE2 && prose[Int(token.start) + 1] == 0x80 && prose[Int(token.start) + 2] == 0xA6
    }

    func isApostrophe(_ token: Token) -> Bool {
        isByte(token, 0x27) || (token.length == 3 && prose[Int(token.start)] == 0xE2 && prose[Int(token.start) + 1] == 0x80 && prose[Int(token.start) + 2] == 0x99)
    }

    func isCopyright(_ token: Token) -> Bool {
        token.length == 2 && prose[Int(token.start)] == 0xC2 && prose[Int(token.start) + 1] == 0xA9
    }

    func isLeftGuillemet(_ token: Token) -> Bool {
        (token.length == 2 && prose[Int(token.start)] == 0xC2 && prose[Int(token.start) + 1] == 0xAB)
            || (token.length == 3 && prose[Int(token.start)] == 0xE2 && prose[Int(token.start) + 1] == 0x80 && prose[Int(token.start) + 2] == 0xB9)
    }

    func isRightGuillemet(_ token: Token) -> Bool {
        (token.length == 2 && prose[Int(token.start)] == 0xC2 && prose[Int(token.start) + 1] == 0xBB)
            || (token.length == 3 && prose[Int(token.start)] == 0xE2 && prose[Int(token.start) + 1] == 0x80 && prose[Int(token.start) + 2] == 0xBA)
    }

    /// "•", "·", "▪", "●": bullets.
    func isBullet(_ token: Token) -> Bool {
        let start = Int(token.start)
        if token.length == 2 { return prose[start] == 0xC2 && prose[start + 1] == 0xB7 }
        guard token.length == 3 else { return false }
        let bytes = (prose[start], prose[start + 1], prose[start + 2])
        return bytes == (0xE2, 0x80, 0xA2) || bytes == (0xE2, 0x96, 0xAA) || bytes == (0xE2, 0x97, 0x8F)
    }

    func isDash(_ token: Token) -> Bool {
        isByte(token, 0x2D) || (token.length == 3 && prose[Int(token.start)] == 0xE2 && prose[Int(token.start) + 1] == 0x80
            && (prose[Int(token.start) + 2] == 0x93 || prose[Int(token.start) + 2] == 0x94))
    }

    /// A list mark opening a line: a bullet, "-", "*", "–", "—".
    func isListMark(_ token: Token) -> Bool {
        isBullet(token) || isDash(token) || isByte(token, 0x2A)
    }


    /// "03.02.2021", "3.2.2021": a number token holding two full stops.
    func isDottedDate(_ token: Token) -> Bool {
        guard token.length >= 6 && token.length <= 10 else { return false }
        var stops = 0
        for offset in token.range {
            let byte = prose[offset]
            if byte == 0x2E { stops += 1 } else if byte < 0x30 || byte > 0x39 { return false }
        }
        return stops == 2
    }

    /// A word shaped like a site name ("example.com", "Site.info"), not in an e-mail address.
    func hasDomainName(_ line: Line) -> Bool {
        for (position, index) in line.significant.enumerated() where tokens[index].kind == .word {
            let token = tokens[index]
            if prose[token.range].contains(0x40) { continue }
            if position > 0, isByte(tokens[line.significant[position - 1]], 0x40) { continue }
            var dot = Int(token.end) - 1
            while dot > Int(token.start), prose[dot] != 0x2E { dot -= 1 }
            guard dot > Int(token.start) + 1, dot < Int(token.end) - 1 else { continue }
            let suffix = prose[(dot + 1)..<Int(token.end)]
            if let hash = suffix.withContiguousStorageIfAvailable({ FoldedHash.of(utf8: UnsafeBufferPointer(rebasing: $0[...])) }),
               reader.vocabularyClass(hash) == .tld { return true }
        }
        return false
    }

    /// "By Jane Doe", "Source: Reuters", "Via AP": a byline or credit line, which English copy
    /// prints as a normal credit.
    func isByline(_ line: Line) -> Bool {
        guard let first = line.significant.first else { return false }
        return isWord(tokens[first], Word.by) || isWord(tokens[first], Word.source) || isWord(tokens[first], Word.via)
    }

    /// The folded hashes of the few words the layout tests by name, computed once.
    enum Word {
        static let file = FoldedHash.of("file")
        static let reuters = FoldedHash.of("reuters")
        static let total = FoldedHash.of("total")
        static let read = FoldedHash.of("read")
        static let reading = FoldedHash.of("reading")
        static let minutes: Set<UInt64> = Set(["min", "mins", "minute", "minutes"].map { FoldedHash.of($0) })
        static let more = FoldedHash.of("more")
        static let news = FoldedHash.of("news")
        static let am = FoldedHash.of("am")
        static let pm = FoldedHash.of("pm")
        static let i = FoldedHash.of("i")
        static let `is` = FoldedHash.of("is")
        static let `for` = FoldedHash.of("for")
        static let at = FoldedHash.of("at")
        static let the = FoldedHash.of("the")
        static let ago = FoldedHash.of("ago")
        static let today = FoldedHash.of("today")
        static let yesterday = FoldedHash.of("yesterday")
        static let m = FoldedHash.of("m")
        static let iAmStraight = FoldedHash.of("i'm")
        static let iAmCurly = FoldedHash.of("i’m")
        static let by = FoldedHash.of("by")
        static let source = FoldedHash.of("source")
        static let via = FoldedHash.of("via")
        static let imageExtensions: Set<UInt64> = Set(["jpg", "jpeg", "png", "gif", "webp"].map { FoldedHash.of($0) })
    }
}
