import KalkaText

extension PageLayoutReader.WordClass {
    /// This class's bit in a line's `classes` (`WordClassMap.classBit`).
    var bit: UInt32 { 1 << UInt32(Self.allCases.firstIndex(of: self)!) }

    /// The bits the line tests read, computed once.
    static let shareBit = share.bit
    static let captionBit = caption.bit
    static let counterBit = counter.bit
}

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

    /// Tokens that a test of a line alone needs, noted as the line is built.
    struct Marks: OptionSet {
        let rawValue: UInt8
        /// "<", "[" or "\\", the first byte of leftover markup (`codeResidue`): these bytes are
        /// never inside a token, only at its start.
        static let code = Marks(rawValue: 1 << 0)
        /// "©", or a word `caption` looks for by name ("FILE", "REUTERS", "jpg").
        static let captionToken = Marks(rawValue: 1 << 1)
        /// A first word not of the share class (no share bar then).
        static let firstWordNotShare = Marks(rawValue: 1 << 2)
        /// "|" or "»", a menu's separators.
        static let menuSeparator = Marks(rawValue: 1 << 3)
        static let hashSign = Marks(rawValue: 1 << 4)
    }

    /// What one pass over a line's tokens learns: its words, numbers and scripts, a hash of its
    /// words in order, and the word classes and marks its tests look for.
    struct Tally {
        /// The classes the tests of a line alone are skipped without.
        static let gateClasses = PageLayoutReader.WordClass.captionBit | PageLayoutReader.WordClass.counterBit

        var words = 0, numbers = 0, latinWords = 0, cyrillicWords = 0, wordCount = 0
        var key = FoldedHash.offsetBasis, firstWord: UInt64 = 0, lastWord: UInt64 = 0
        var classes: UInt32 = 0
        var marks: Marks = []
        var sawWord = false
    }

    /// The indices of the tokens other than spaces, in one buffer for the whole document, each
    /// paragraph's bounds in it, and each paragraph's `Tally` (without a capture marker opening
    /// the document): the one pass over the tokens. The buffer is allocated once, for as many
    /// indices as there are tokens (a fifth of the size of the tokens themselves), not counted
    /// first: counting would read every token once more. The caller deallocates it.
    func scanTokens() -> (storage: UnsafeMutableBufferPointer<Int32>, bounds: [Range<Int>], tallies: [Tally]) {
        let vocabulary = reader.classBits
        let shareBit = PageLayoutReader.WordClass.shareBit
        // Most tokens are none of the few words the gates look up: a filter of 256 bits (on
        // the hash's top byte) rules them out without probing the vocabulary.
        var filter = [UInt64](repeating: 0, count: 4)
        for hash in vocabulary.hashes(inClasses: Tally.gateClasses) + Word.captionWords {
            filter[Int(hash >> 62)] |= 1 << (hash >> 56 & 63)
        }
        let markerEnd = analysis.paragraphs.first.flatMap { captureMarkerEnd($0.range) } ?? -1
        var bounds: [Range<Int>] = []
        bounds.reserveCapacity(analysis.paragraphs.count)
        var tallies: [Tally] = []
        tallies.reserveCapacity(analysis.paragraphs.count)
        let buffer = UnsafeMutableBufferPointer<Int32>.allocate(capacity: tokens.count)
        tokens.withUnsafeBufferPointer { tokens in
            prose.withUnsafeBufferPointer { prose in
                filter.withUnsafeBufferPointer { filter in
                    var count = 0
                    for paragraph in analysis.paragraphs.indices {
                        let start = count
                        var tally = Tally()
                        for index in analysis.tokenRange(ofParagraph: paragraph) {
                            let token = tokens[index]
                            let kind = token.kind
                            guard kind != .space else { continue }
                            // Paragraphs are disjoint runs of tokens, so the count never passes the total.
                            precondition(count < buffer.count)
                            buffer[count] = Int32(truncatingIfNeeded: index)
                            count &+= 1
                            if paragraph == 0 && Int(token.start) < markerEnd { continue }
                            let hash = token.foldedHash
                            if filter[Int(hash >> 62)] & 1 << (hash >> 56 & 63) != 0 {
                                tally.classes |= vocabulary.classBit(hash) & Tally.gateClasses
                                if kind == .word && Word.captionWords.contains(hash) { tally.marks.insert(.captionToken) }
                            }
                            switch prose[Int(token.start)] {
                            case 0x3C, 0x5B, 0x5C: tally.marks.insert(.code)
                            case 0x7C: tally.marks.insert(.menuSeparator)
                            case 0x23: tally.marks.insert(.hashSign)
                            case 0xC2, 0xE2: tally.marks.formUnion(marks(ofNonASCII: token))
                            default: break
                            }
                            if kind == .word {
                                let script = token.script
                                if script != .none {
                                    tally.words &+= 1
                                    if script == .cyrillic { tally.cyrillicWords &+= 1 } else { tally.latinWords &+= 1 }
                                }
                                if !tally.sawWord {
                                    tally.sawWord = true
                                    if vocabulary.classBit(hash) != shareBit { tally.marks.insert(.firstWordNotShare) }
                                }
                            } else if kind == .number {
                                tally.numbers &+= 1
                            } else {
                                continue
                            }
                            tally.wordCount &+= 1
                            tally.key = (tally.key ^ hash) &* FoldedHash.prime &+ 0x9E37_79B9
                            if tally.wordCount == 1 { tally.firstWord = hash }
                            tally.lastWord = hash
                        }
                        bounds.append(start..<count)
                        tallies.append(tally)
                    }
                }
            }
        }
        return (buffer, bounds, tallies)
    }

    /// The marks of a token opening with a byte of "©", "»" or "›".
    func marks(ofNonASCII token: Token) -> Marks {
        isCopyright(token) ? .captionToken : isRightGuillemet(token) ? .menuSeparator : []
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
        /// The words `caption` tests by name.
        static let captionWords: [UInt64] = [file, reuters] + imageExtensions.sorted()
    }
}
