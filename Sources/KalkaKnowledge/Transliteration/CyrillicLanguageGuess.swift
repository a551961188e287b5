import KalkaModel
import KalkaText

/// Tells Ukrainian from Russian, word by word. The letters come first: і ї є ґ and an apostrophe
/// inside a word are Ukrainian; ы э ъ ё are Russian. A word whose letters fit both is decided by
/// the marker lists (Dictionaries/language: frequent words of one language that are rare in the
/// other, such as "и", "что" / "та", "як"). A word that neither decides ("Москва") goes with the
/// nearest decisive word of its line, or with the document's vote (see `TextRomanizer`).
public struct CyrillicLanguageGuess: Sendable {
    private let russianMarkers: WordSet
    private let ukrainianMarkers: WordSet

    /// The guess with the built-in marker lists (letters only if they are missing).
    public static let shared: CyrillicLanguageGuess = {
        guard case .success(let store) = DictionaryStore.builtIn,
              let russian = try? store.words("language/russian-markers.txt"),
              let ukrainian = try? store.words("language/ukrainian-markers.txt") else {
            return CyrillicLanguageGuess(russianMarkers: WordSet([]), ukrainianMarkers: WordSet([]))
        }
        return CyrillicLanguageGuess(russianMarkers: russian, ukrainianMarkers: ukrainian)
    }()

    public init(russianMarkers: WordSet, ukrainianMarkers: WordSet) {
        self.russianMarkers = russianMarkers
        self.ukrainianMarkers = ukrainianMarkers
    }

    /// The language a single word proves, or nil when it fits both.
    public static func language(ofWord word: some StringProtocol) -> CyrillicLanguage? {
        let bytes = Array(String(word).utf8)
        return bytes.withUnsafeBufferPointer { shared.language(ofWord: $0) }
    }

    public static func vote(_ text: some StringProtocol) -> Vote {
        var vote = Vote()
        vote.add(text)
        return vote
    }

    /// The language of the word in `bytes` (UTF-8, one word as `CyrillicWords` finds them).
    func language(ofWord bytes: UnsafeBufferPointer<UInt8>) -> CyrillicLanguage? {
        var ukrainian = false, russian = false
        UTF8Decoding.forEachScalar(in: bytes, 0..<bytes.count) { scalar, _ in
            switch scalar {
            case "і", "І", "ї", "Ї", "є", "Є", "ґ", "Ґ", "'", "\u{2019}", "\u{02BC}": ukrainian = true
            case "ы", "Ы", "э", "Э", "ъ", "Ъ", "ё", "Ё": russian = true
            default: break
            }
        }
        if ukrainian != russian { return ukrainian ? .uk : .ru }
        if ukrainian { return nil }
        let hash = FoldedHash.of(utf8: bytes)
        let isRussian = russianMarkers.containsHash(hash), isUkrainian = ukrainianMarkers.containsHash(hash)
        if isRussian == isUkrainian { return nil }
        return isRussian ? .ru : .uk
    }

    /// Counts of words that prove one language or the other.
    public struct Vote: Sendable, Equatable {
        public var ukrainian = 0
        public var russian = 0

        public init(ukrainian: Int = 0, russian: Int = 0) {
            self.ukrainian = ukrainian
            self.russian = russian
        }

        /// The majority; a tie (or no decisive word at all) goes to Ukrainian, kalka's default.
        public var winner: CyrillicLanguage { russian > ukrainian ? .ru : .uk }
        public var isEmpty: Bool { ukrainian == 0 && russian == 0 }

        public mutating func add(_ text: some StringProtocol) {
            let bytes = Array(String(text).utf8)
            bytes.withUnsafeBufferPointer { add(utf8: $0) }
        }

        public mutating func add(utf8 bytes: UnsafeBufferPointer<UInt8>) {
            CyrillicWords.forEach(in: bytes) { word in
                switch CyrillicLanguageGuess.shared.language(ofWord: UnsafeBufferPointer(rebasing: bytes[word])) {
                case .uk: ukrainian += 1
                case .ru: russian += 1
                case nil: break
                }
            }
        }
    }
}

/// Finds the Cyrillic words of UTF-8 text: runs of Cyrillic letters (U+0400–U+04FF) and
/// combining marks, with an apostrophe between two letters kept inside ("Знам'янка").
public enum CyrillicWords {
    public static func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var index = 0
        let count = bytes.count
        while index < count {
            // Skip to the next Cyrillic letter (lead bytes D0–D3).
            while index < count && !isLetter(bytes, index) { index += 1 }
            guard index < count else { return }
            let start = index
            while index < count {
                if isLetter(bytes, index) || isCombiningMark(bytes, index) {
                    index += 2
                } else if let width = apostropheWidth(bytes, index), index + width < count, isLetter(bytes, index + width) {
                    index += width
                } else {
                    break
                }
            }
            body(start..<index)
        }
    }

    /// The words of a string, as strings (for tests and tools; documents go through bytes).
    public static func words(_ text: some StringProtocol) -> [String] {
        let bytes = Array(String(text).utf8)
        var words: [String] = []
        bytes.withUnsafeBufferPointer { buffer in
            forEach(in: buffer) { words.append(String(decoding: buffer[$0], as: UTF8.self)) }
        }
        return words
    }

    @inline(__always)
    static func isLetter(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let lead = bytes[index]
        guard lead >= 0xD0 && lead <= 0xD3, index + 1 < bytes.count else { return false }
        // U+0482–U+0489 are a sign and combining marks, not letters.
        return !("\u{0482}"..."\u{0489}").contains(UTF8Decoding.decode(bytes, at: index).scalar)
    }

    /// Combining acute and grave (stress marks) inside a word: U+0300, U+0301.
    @inline(__always)
    static func isCombiningMark(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        bytes[index] == 0xCC && index + 1 < bytes.count && (bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81)
    }

    /// ' (U+0027), ’ (U+2019), ʼ (U+02BC).
    @inline(__always)
    static func apostropheWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int? {
        if bytes[index] == 0x27 { return 1 }
        if bytes[index] == 0xCA, index + 1 < bytes.count, bytes[index + 1] == 0xBC { return 2 }
        if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 { return 3 }
        return nil
    }
}
