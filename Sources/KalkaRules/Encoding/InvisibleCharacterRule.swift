import ICUKit
import KalkaKnowledge
import KalkaModel
import KalkaText

/// ENC002: zero-width characters and soft hyphens hidden in the text — they split words for
/// search, spell-checking and name matching while showing nothing.
public struct InvisibleCharacterRule: Rule {
    public static let description = RuleDescription(
        code: "ENC002",
        name: "invisible-character",
        category: .encoding,
        severity: .warning,
        summary: "An invisible character in the text: a zero-width space, word joiner or stray byte order mark, a zero-width (non-)joiner inside a Latin word, or a soft hyphen inside a word.",
        rationale: """
            Text copied from web pages, PDFs and translation tools carries invisible characters: \
            zero-width spaces (U+200B), word joiners (U+2060), byte order marks (U+FEFF) in the \
            middle of a file, zero-width joiners and non-joiners (U+200D, U+200C) where Latin \
            script has no use for them, and soft hyphens (U+00AD) left from hyphenation. Readers \
            see nothing, but “Kyiv” with a zero-width space inside no longer matches “Kyiv” in \
            search, spell-checking or any name list, and line breaking goes wrong. Joiners next \
            to emoji or in scripts that use them are left alone.
            """,
        fixApplicability: .safe,
        fixSafety: "The removed character has no visible form and no meaning in the word it sits in, so removing it changes no visible text.",
        triggering: [
            "Talks in Ky⟦\u{200B}⟧iv resumed on Monday.",
            "The minister⟦\u{2060}⟧ arrived.",
            "Officials met.⟦\u{FEFF}⟧ Then they left.",
            "The govern⟦\u{AD}⟧ment resigned.",
        ],
        nonTriggering: [
            "Talks in Kyiv resumed on Monday.",
            "The family emoji 👨\u{200D}👩\u{200D}👧 appeared in the post.",
            "A hyphen\u{AD} at the end of a word is left alone.",
            "Ukrainian uses the apostrophe in м’ясо.",
        ],
        fixes: [
            FixExample("Talks in Ky\u{200B}iv resumed.", "Talks in Kyiv resumed."),
            FixExample("The Ve\u{200D}rkhovna Rada voted.", "The Verkhovna Rada voted."),
            FixExample("The govern\u{AD}ment re\u{AD}signed.", "The government resigned."),
        ]
    )

    public init(dictionaries: DictionaryStore) throws {}

    enum Kind {
        case zeroWidthSpace, zeroWidthNonJoiner, zeroWidthJoiner, wordJoiner, byteOrderMark, softHyphen

        var name: String {
            switch self {
            case .zeroWidthSpace: "zero-width space"
            case .zeroWidthNonJoiner: "zero-width non-joiner"
            case .zeroWidthJoiner: "zero-width joiner"
            case .wordJoiner: "word joiner"
            case .byteOrderMark: "zero-width no-break space (byte order mark)"
            case .softHyphen: "soft hyphen"
            }
        }

        var code: String {
            switch self {
            case .zeroWidthSpace: "U+200B"
            case .zeroWidthNonJoiner: "U+200C"
            case .zeroWidthJoiner: "U+200D"
            case .wordJoiner: "U+2060"
            case .byteOrderMark: "U+FEFF"
            case .softHyphen: "U+00AD"
            }
        }

        var fixTitle: String {
            switch self {
            case .byteOrderMark: "Remove the byte order mark"
            default: "Remove the \(name)"
            }
        }
    }

    /// The invisible character whose UTF-8 encoding starts at `index`, and its width.
    @inline(__always)
    static func invisible(_ prose: UnsafeBufferPointer<UInt8>, at index: Int) -> (Kind, Int)? {
        let byte = prose[index]
        if byte == 0xC2 {
            return index + 1 < prose.count && prose[index + 1] == 0xAD ? (.softHyphen, 2) : nil
        }
        guard byte == 0xE2 || byte == 0xEF, index + 2 < prose.count else { return nil }
        switch (byte, prose[index + 1], prose[index + 2]) {
        case (0xE2, 0x80, 0x8B): return (.zeroWidthSpace, 3)
        case (0xE2, 0x80, 0x8C): return (.zeroWidthNonJoiner, 3)
        case (0xE2, 0x80, 0x8D): return (.zeroWidthJoiner, 3)
        case (0xE2, 0x81, 0xA0): return (.wordJoiner, 3)
        case (0xEF, 0xBB, 0xBF): return (.byteOrderMark, 3)
        default: return nil
        }
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        // Every invisible character is non-ASCII: only those offsets are read.
        let offsets = analysis.nonASCIIOffsets
        analysis.prose.withUnsafeBufferPointer { prose in
            for offset in offsets {
                let index = Int(offset)
                let byte = prose[index]
                guard byte == 0xC2 || byte == 0xE2 || byte == 0xEF, let (kind, width) = Self.invisible(prose, at: index) else { continue }
                let range = index..<(index + width)
                let before = Self.neighbour(prose, before: range.lowerBound)
                let after = Self.neighbour(prose, after: range.upperBound)
                switch kind {
                case .zeroWidthSpace, .wordJoiner: break
                // A BOM at the very start is a byte order mark, not a stray.
                case .byteOrderMark: if range.lowerBound == 0 { continue }
                // Joiners shape emoji sequences and Indic or Arabic script: only Latin words
                // have no use for them.
                case .zeroWidthJoiner, .zeroWidthNonJoiner:
                    guard let before, let after, Self.isLatinLetter(before), Self.isLatinLetter(after) else { continue }
                // A soft hyphen marks a break point inside a word; elsewhere it is not ours.
                case .softHyphen:
                    guard let before, let after, UnicodeProperties.isAlphabetic(before), UnicodeProperties.isAlphabetic(after) else { continue }
                }
                let word = Self.word(around: range, prose)
                let place = word.isEmpty ? "" : " in “\(word)”"
                findings.report(range, "Invisible \(kind.name) (\(kind.code))\(place)", fixTitle: kind.fixTitle, edits: [ProseEdit(range, "")])
            }
        }
    }

    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        UnicodeProperties.isAlphabetic(scalar) && UnicodeProperties.script(of: scalar) == .latin
    }

    /// The scalar before `offset`, skipping other invisible characters.
    static func neighbour(_ prose: UnsafeBufferPointer<UInt8>, before offset: Int) -> Unicode.Scalar? {
        var end = offset
        while end > 0 {
            let start = UTF8Decoding.scalarStart(before: end, in: prose)
            if invisible(prose, at: start) == nil { return UTF8Decoding.decode(prose, at: start).0 }
            end = start
        }
        return nil
    }

    /// The scalar at `offset`, skipping invisible characters.
    static func neighbour(_ prose: UnsafeBufferPointer<UInt8>, after offset: Int) -> Unicode.Scalar? {
        var start = offset
        while start < prose.count {
            if let (_, width) = invisible(prose, at: start) {
                start += width
                continue
            }
            return UTF8Decoding.decode(prose, at: start).0
        }
        return nil
    }

    /// The letters on both sides of `range`, without invisible characters: the word the
    /// character hides in, for the message.
    static func word(around range: Range<Int>, _ prose: UnsafeBufferPointer<UInt8>) -> String {
        var start = range.lowerBound
        while start > 0 {
            let previous = UTF8Decoding.scalarStart(before: start, in: prose)
            guard invisible(prose, at: previous) != nil || UnicodeProperties.isAlphabetic(UTF8Decoding.decode(prose, at: previous).0) else { break }
            start = previous
        }
        var end = range.upperBound
        while end < prose.count {
            if let (_, width) = invisible(prose, at: end) {
                end += width
                continue
            }
            let (scalar, width) = UTF8Decoding.decode(prose, at: end)
            guard UnicodeProperties.isAlphabetic(scalar) else { break }
            end += width
        }
        var word = String.UnicodeScalarView()
        var index = start
        while index < end {
            if let (_, width) = invisible(prose, at: index) {
                index += width
                continue
            }
            let (scalar, width) = UTF8Decoding.decode(prose, at: index)
            word.append(scalar)
            index += width
        }
        return String(word)
    }
}
