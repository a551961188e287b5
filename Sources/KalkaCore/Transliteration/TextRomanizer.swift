/// Which language's standard applies to a Cyrillic word.
public enum LanguageMode: Sendable, Equatable {
    /// Every Cyrillic word is in this language.
    case fixed(CyrillicLanguage)
    /// Each word by its own letters (і ї є ґ vs ы э ъ ё); words that fit both follow `vote`, the
    /// language most of the document's decisive words have.
    case auto(vote: CyrillicLanguage)
}

/// Romanizes lines of mixed text: Latin, digits and punctuation pass through; each Cyrillic word
/// goes through the standard of its language. Holds ICU transliterators: one per worker.
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

    /// Romanizes one line (or any stretch of text without a paragraph of its own).
    public func romanize(_ text: Substring) throws -> String {
        guard text.utf8.contains(where: { $0 >= 0xD0 && $0 <= 0xD4 }) else { return String(text) }
        var output = ""
        output.reserveCapacity(text.utf8.count + text.utf8.count / 2)
        for piece in Self.pieces(of: text) {
            for (segment, language) in segments(of: piece) {
                output += try romanizers[language]!.romanize(String(segment))
            }
        }
        return output
    }

    public func romanize(_ text: String) throws -> String { try romanize(Substring(text)) }

    /// Runs of text whose Cyrillic words share a language, cut at the start of the first word of
    /// each run (so every rule still sees its word's start).
    func segments(of text: Substring) -> [(Substring, CyrillicLanguage)] {
        switch mode {
        case .fixed(let language):
            return [(text, language)]
        case .auto(let vote):
            var segments: [(Substring, CyrillicLanguage)] = []
            var start = text.startIndex
            var current: CyrillicLanguage? = nil
            for word in CyrillicWords(text) {
                let language = CyrillicLanguageGuess.language(ofWord: word) ?? vote
                if let current, language != current {
                    segments.append((text[start..<word.startIndex], current))
                    start = word.startIndex
                }
                current = language
            }
            segments.append((text[start...], current ?? vote))
            return segments
        }
    }

    /// `text` in pieces of about `pieceLength` bytes, each ending after white space.
    static func pieces(of text: Substring) -> [Substring] {
        guard text.utf8.count > pieceLength else { return [text] }
        var pieces: [Substring] = []
        var start = text.startIndex
        var count = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            count += character.utf8.count
            if count >= pieceLength, character.isWhitespace {
                pieces.append(text[start..<index])
                start = index
                count = 0
            }
        }
        if start < text.endIndex { pieces.append(text[start...]) }
        return pieces
    }
}
