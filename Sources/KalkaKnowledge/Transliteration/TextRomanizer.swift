/// Which language's standard applies to a Cyrillic word.
public enum LanguageMode: Sendable, Equatable {
    /// Every Cyrillic word is in this language.
    case fixed(CyrillicLanguage)
    /// Each word by its own evidence (see `CyrillicLanguageGuess`); a word with none goes with the
    /// nearest decisive word of its line, and a line with no decisive word follows `vote`, the
    /// document's.
    case auto(vote: CyrillicLanguage)
}

/// Romanizes lines of mixed text: Latin, digits and punctuation pass through; each Cyrillic word
/// goes through the standard of its language. Works on UTF-8 bytes throughout. Holds ICU
/// transliterators: one per worker.
public final class TextRomanizer {
    public let ukrainian: TransliterationStandard
    public let russian: TransliterationStandard
    public var mode: LanguageMode
    private let romanizers: [CyrillicLanguage: Romanizer]

    /// ICU's transliterator slows down badly on long buffers: longer lines go in pieces of about
    /// this many bytes, cut at white space (the rules' contexts never reach across it).
    static let pieceLength = 4096

    public init(ukrainian: TransliterationStandard, russian: TransliterationStandard, mode: LanguageMode) throws {
        self.ukrainian = ukrainian
        self.russian = russian
        self.mode = mode
        romanizers = [.uk: try Romanizer(ukrainian), .ru: try Romanizer(russian)]
    }

    /// A copy with its own transliterators, for another worker.
    public func clone() throws -> TextRomanizer {
        try TextRomanizer(ukrainian: ukrainian, russian: russian, mode: mode)
    }

    public func romanize(_ text: String) throws -> String {
        var output: [UInt8] = []
        let bytes = Array(text.utf8)
        try bytes.withUnsafeBufferPointer { try romanize(utf8: $0, appendingTo: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    public func romanize(_ text: Substring) throws -> String { try romanize(String(text)) }

    /// Romanizes one line of UTF-8 text, appending to `output`.
    public func romanize(utf8 line: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) throws {
        guard line.contains(where: { $0 >= 0xD0 && $0 <= 0xD4 }) else {
            output.append(contentsOf: line)
            return
        }
        // The common case, one language and a line shorter than a piece: no bookkeeping.
        if case .fixed(let language) = mode, line.count <= Self.pieceLength {
            try romanizers[language]!.romanize(utf8: line, appendingTo: &output)
            return
        }
        for (range, language) in segments(of: line) {
            let romanizer = romanizers[language]!
            for piece in Self.pieces(of: line, range) {
                try romanizer.romanize(utf8: UnsafeBufferPointer(rebasing: line[piece]), appendingTo: &output)
            }
        }
    }

    /// Runs of the line whose Cyrillic words share a language, cut at the start of the first word
    /// of each run (so every rule still sees its word's start).
    func segments(of line: UnsafeBufferPointer<UInt8>) -> [(Range<Int>, CyrillicLanguage)] {
        guard case .auto(let documentVote) = mode else {
            if case .fixed(let language) = mode { return [(0..<line.count, language)] }
            return []
        }
        var words: [(start: Int, language: CyrillicLanguage?)] = []
        CyrillicWords.forEach(in: line) { word in
            words.append((word.lowerBound, CyrillicLanguageGuess.shared.language(ofWord: UnsafeBufferPointer(rebasing: line[word]))))
        }
        // A word with no evidence of its own goes with the nearest decisive word before it in the
        // line (or, at the start, after it): quotes and clauses keep their language. A line with
        // no decisive word at all follows the document.
        var previous = words.first { $0.language != nil }?.language ?? documentVote
        for index in words.indices {
            if let language = words[index].language { previous = language } else { words[index].language = previous }
        }
        let lineLanguage = words.first?.language ?? documentVote
        var segments: [(Range<Int>, CyrillicLanguage)] = []
        var start = 0
        var current: CyrillicLanguage? = nil
        for word in words {
            let language = word.language ?? lineLanguage
            if let current, language != current {
                segments.append((start..<word.start, current))
                start = word.start
            }
            current = language
        }
        segments.append((start..<line.count, current ?? lineLanguage))
        return segments
    }

    /// `range` of `bytes` in pieces of about `pieceLength` bytes, each ending after white space.
    static func pieces(of bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Range<Int>] {
        guard range.count > pieceLength else { return [range] }
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        var index = range.lowerBound + pieceLength
        while index < range.upperBound {
            if bytes[index].isSpaceOrTab {
                pieces.append(start..<(index + 1))
                start = index + 1
                index = start + pieceLength
            } else {
                index += 1
            }
        }
        if start < range.upperBound { pieces.append(start..<range.upperBound) }
        return pieces
    }
}
