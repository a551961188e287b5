/// Tells Ukrainian from Russian by the letters each alphabet has alone: і ї є ґ and an apostrophe
/// inside a word are Ukrainian; ы э ъ ё are Russian. A word with neither is ambiguous
/// ("Москва", "Харків" is decisive by its і) and follows the document's vote.
public enum CyrillicLanguageGuess {
    /// The language a single word's letters prove, or nil when they fit both.
    public static func language(ofWord word: some StringProtocol) -> CyrillicLanguage? {
        var ukrainian = false, russian = false
        var previousWasCyrillicLetter = false
        let scalars = Array(word.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "і", "І", "ї", "Ї", "є", "Є", "ґ", "Ґ": ukrainian = true
            case "ы", "Ы", "э", "Э", "ъ", "Ъ", "ё", "Ё": russian = true
            case "'", "\u{2019}", "\u{02BC}":
                // An apostrophe between two Cyrillic letters ("м'ята") is Ukrainian spelling.
                if previousWasCyrillicLetter, index + 1 < scalars.count, isCyrillicLetter(scalars[index + 1]) { ukrainian = true }
            default: break
            }
            previousWasCyrillicLetter = isCyrillicLetter(scalar)
        }
        if ukrainian == russian { return nil }
        return ukrainian ? .uk : .ru
    }

    static func isCyrillicLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x0400...0x04FF).contains(scalar.value) || (0x0500...0x052F).contains(scalar.value)
    }

    /// Counts of words whose letters prove one language or the other.
    public struct Vote: Sendable, Equatable {
        public var ukrainian = 0
        public var russian = 0

        public init(ukrainian: Int = 0, russian: Int = 0) {
            self.ukrainian = ukrainian
            self.russian = russian
        }

        /// The majority; a tie (or no decisive word at all) goes to Ukrainian, kalka's default.
        public var winner: CyrillicLanguage { russian > ukrainian ? .ru : .uk }

        public mutating func add(_ text: some StringProtocol) {
            for word in CyrillicWords(text) {
                switch language(ofWord: word) {
                case .uk: ukrainian += 1
                case .ru: russian += 1
                case nil: break
                }
            }
        }
    }

    public static func vote(_ text: some StringProtocol) -> Vote {
        var vote = Vote()
        vote.add(text)
        return vote
    }
}

/// The Cyrillic words of a text: runs of Cyrillic letters and combining marks, with apostrophes
/// between letters kept inside ("Знам'янка" is one word).
public struct CyrillicWords: Sequence {
    let text: Substring
    public init(_ text: some StringProtocol) { self.text = Substring(text) }

    public func makeIterator() -> Iterator { Iterator(text: text) }

    public struct Iterator: IteratorProtocol {
        let text: Substring
        let scalars: Substring.UnicodeScalarView
        var index: Substring.Index

        init(text: Substring) {
            self.text = text
            self.scalars = text.unicodeScalars
            self.index = text.startIndex
        }

        /// The next word, as a slice of the text.
        public mutating func next() -> Substring? {
            while index < scalars.endIndex, !CyrillicLanguageGuess.isCyrillicLetter(scalars[index]) {
                index = scalars.index(after: index)
            }
            guard index < scalars.endIndex else { return nil }
            let start = index
            while index < scalars.endIndex {
                let scalar = scalars[index]
                let next = scalars.index(after: index)
                if CyrillicLanguageGuess.isCyrillicLetter(scalar) || scalar.properties.generalCategory == .nonspacingMark {
                    index = next
                } else if scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}",
                          next < scalars.endIndex, CyrillicLanguageGuess.isCyrillicLetter(scalars[next]) {
                    index = next
                } else {
                    break
                }
            }
            return Substring(scalars[start..<index])
        }
    }
}
