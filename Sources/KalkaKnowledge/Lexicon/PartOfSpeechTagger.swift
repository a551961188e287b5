import KalkaModel
import KalkaText

/// The 17 Universal POS tags (Universal Dependencies), in the alphabetical order of their labels:
/// the tagger breaks ties towards the first.
public enum UniversalTag: UInt8, Sendable, CaseIterable {
    case adj, adp, adv, aux, cconj, det, intj, noun, num, part, pron, propn, punct, sconj, sym, verb, x

    /// "ADJ", "ADP"…, as Universal Dependencies writes the tag.
    public var label: String { Self.labels[Int(rawValue)] }

    public init?(label: String) {
        guard let index = Self.labels.firstIndex(of: label) else { return nil }
        self.init(rawValue: UInt8(index))
    }

    static let labels = ["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
                         "PUNCT", "SCONJ", "SYM", "VERB", "X"]
}

/// A part-of-speech tagger: an averaged perceptron trained on the Universal Dependencies English Web
/// Treebank by `Dictionaries/english/build_tagger.py`, whose weights are `english/pos-tagger.tsv`.
/// Greedy, left to right: each token's tag is the one whose weights add up highest over its features
/// (ties to the first tag), unless the tag dictionary (frequent words that always have one tag)
/// gives it outright. About 95 % of the treebank's test tokens get their tag (the file's header).
///
/// Features must be exactly the script's (`PartOfSpeechTaggerTests` checks the tags of the
/// sentences in `english/pos-tagger-check.tsv`). Each is TEMPLATE, the byte 0x1F, VALUE, looked up
/// by its FNV-1a 64 hash over those UTF-8 bytes (the hash of TEMPLATE and the separator is worked
/// out once, and each value's bytes are streamed on from there: no `String` is made). For a token:
/// - its norm: the apostrophes U+2019, U+2018 and U+02BC as "'", ASCII capitals in lower case,
///   ASCII digits as "0", any other scalar by its own lower-case mapping;
/// - its suffixes and prefixes: the last 1–4 and first 1–3 scalars of the norm;
/// - its shape: "C" (the first scalar is upper case), "U" (none lower case and two or more upper
///   case), "D" (an ASCII digit), "H" (a hyphen-minus), "A" (' or U+2019), in that order; "x" for none;
/// - its word class: the class of the norm in `english/word-classes.tsv` (the content classes by
///   name, a function word "F", "-" for none or a norm not in ASCII).
/// Before a context's first token stand "-START2-" and "-START-", after its last "-END-" and
/// "-END2-": as norm, every suffix and prefix, shape and class; the tags before the first token
/// are "-START-" (previous) and "-START2-". Templates: `Template`.
public struct PartOfSpeechTagger: Sendable {
    public static let path = "english/pos-tagger.tsv"
    private static let built = StoreFact<PartOfSpeechTagger>()

    /// The tagger of the built-in weights, built once per store.
    public static func shared(_ dictionaries: DictionaryStore) throws -> PartOfSpeechTagger {
        try dictionaries.derived(built) { try PartOfSpeechTagger(weights: dictionaries.text(path)) }
    }

    /// Open addressing, two words a slot: the feature's hash (0 marks an empty slot) and its
    /// value: a weight row's first pair (bits 8–39) and pair count (0–7), or for a word of the tag
    /// dictionary `dictionaryFlag` and the tag.
    private let slots: [UInt64]
    private let mask: Int
    /// Weight pairs: the tag (bits 0–7) and the weight (Int16, bits 16–31).
    private let pairs: [UInt32]
    private let keys: Keys
    private let wordClasses: WordClassLookup
    private static let dictionaryFlag: UInt64 = 1 << 63

    /// Reads the weights file (the text of `english/pos-tagger.tsv`).
    public init(weights text: String) throws(DictionaryError) {
        var text = text
        let (rows, pairs) = try text.withUTF8 { bytes in Result { () throws(DictionaryError) in try Self.parse(bytes) } }.get()
        var capacity = 8
        while capacity < rows.count * 2 { capacity <<= 1 }
        var slots = [UInt64](repeating: 0, count: 2 * capacity)
        for row in rows {
            var index = Self.slot(row.key, capacity - 1)
            while slots[2 * index] != 0 {
                guard slots[2 * index] != row.key else { throw DictionaryError(path: Self.path, line: 0, message: "feature \(row.key) twice") }
                index = (index + 1) & (capacity - 1)
            }
            slots[2 * index] = row.key
            slots[2 * index + 1] = row.value
        }
        self.slots = slots
        self.mask = capacity - 1
        self.pairs = pairs
        self.keys = Keys()
        self.wordClasses = try WordClassLookup()
    }

    /// The rows of the weights file: each feature's hash and slot value, and the weight pairs.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(DictionaryError) -> ([(key: UInt64, value: UInt64)], [UInt32]) {
        var rows: [(key: UInt64, value: UInt64)] = []
        var pairs: [UInt32] = []
        var lineStart = 0
        var lineNumber = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            if lineEnd == lineStart || bytes[lineStart] == UInt8(ascii: "#") { continue }
            func fail(_ message: String) -> DictionaryError { DictionaryError(path: Self.path, line: lineNumber, message: message) }
            guard lineEnd - lineStart > 17, bytes[lineStart + 16] == 0x09 else { throw fail("expected 16 hex digits and a tab") }
            var key: UInt64 = 0
            for index in lineStart..<(lineStart + 16) {
                guard let digit = Self.hexDigit(bytes[index]) else { throw fail("expected 16 hex digits and a tab") }
                key = key << 4 | UInt64(digit)
            }
            guard key != 0 else { throw fail("feature hash 0") }
            let fields = (lineStart + 17)..<lineEnd
            guard bytes[fields].contains(UInt8(ascii: "=")) else {
                guard let tag = Self.tag(bytes, fields) else { throw fail("unknown tag") }
                rows.append((key, Self.dictionaryFlag | UInt64(tag.rawValue)))
                continue
            }
            let first = pairs.count
            var pairStart = fields.lowerBound
            while pairStart < fields.upperBound {
                var pairEnd = pairStart
                while pairEnd < fields.upperBound && bytes[pairEnd] != 0x20 { pairEnd += 1 }
                guard let sign = bytes[pairStart..<pairEnd].firstIndex(of: UInt8(ascii: "=")),
                      let tag = Self.tag(bytes, pairStart..<sign),
                      let weight = Self.integer(bytes, (sign + 1)..<pairEnd)
                else { throw fail("expected TAG=WEIGHT pairs") }
                pairs.append(UInt32(tag.rawValue) | UInt32(UInt16(bitPattern: weight)) << 16)
                pairStart = pairEnd + 1
            }
            guard pairs.count - first <= UniversalTag.allCases.count else { throw fail("more weights than tags") }
            rows.append((key, UInt64(first) << 8 | UInt64(pairs.count - first)))
        }
        return (rows, pairs)
    }

    /// One tag per token of `analysis.tokens[tokens]`: spaces get `.x` and are not part of the
    /// context (a token's neighbours are the nearest tokens that are not spaces), and a paragraph
    /// break ends the context (the next token starts a new one). Pass a sentence's tokens to tag
    /// a sentence as the model was trained.
    public func tag(_ analysis: Analysis, tokens range: Range<Int>) -> [UniversalTag] {
        var result = [UniversalTag](repeating: .x, count: range.count)
        var context = Context()
        var positions: [Int] = []
        analysis.prose.withUnsafeBufferPointer { prose in
            analysis.tokens.withUnsafeBufferPointer { tokens in
                for index in range {
                    let token = tokens[index]
                    if token.isParagraphBreak {
                        decode(&context, positions, into: &result)
                        positions.removeAll(keepingCapacity: true)
                        context.reset()
                        continue
                    }
                    guard token.kind != .space else { continue }
                    context.append(UnsafeBufferPointer(rebasing: prose[token.range]), wordClasses)
                    positions.append(index - range.lowerBound)
                }
            }
        }
        decode(&context, positions, into: &result)
        return result
    }

    /// The tags of `words`, one context (for tests and the command line): a word that is empty or
    /// all white space gets `.x` and is left out of the context.
    public func tag(words: [String]) -> [UniversalTag] {
        var result = [UniversalTag](repeating: .x, count: words.count)
        var context = Context()
        var positions: [Int] = []
        for (index, word) in words.enumerated() where !word.allSatisfy(\.isWhitespace) {
            var word = word
            word.withUTF8 { context.append($0, wordClasses) }
            positions.append(index)
        }
        decode(&context, positions, into: &result)
        return result
    }

    // MARK: - Decoding

    private func decode(_ context: inout Context, _ positions: [Int], into result: inout [UniversalTag]) {
        guard !positions.isEmpty else { return }
        context.close()
        context.norm.withUnsafeBufferPointer { norm in
            context.entries.withUnsafeBufferPointer { entries in
                slots.withUnsafeBufferPointer { slots in
                    pairs.withUnsafeBufferPointer { pairs in
                        withUnsafeTemporaryAllocation(of: Int32.self, capacity: UniversalTag.allCases.count) { scores in
                            decode(norm.baseAddress!, entries, slots, pairs, scores, positions, &result)
                        }
                    }
                }
            }
        }
    }

    private func decode(_ norm: UnsafePointer<UInt8>, _ entries: UnsafeBufferPointer<Entry>, _ slots: UnsafeBufferPointer<UInt64>,
                        _ pairs: UnsafeBufferPointer<UInt32>, _ scores: UnsafeMutableBufferPointer<Int32>, _ positions: [Int],
                        _ result: inout [UniversalTag]) {
        let mask = self.mask
        @inline(__always) func value(_ key: UInt64) -> UInt64? {
            var index = Self.slot(key, mask)
            while true {
                let stored = slots[2 &* index]
                if stored == key { return slots[2 &* index &+ 1] }
                if stored == 0 { return nil }
                index = (index &+ 1) & mask
            }
        }
        @inline(__always) func add(_ key: UInt64) {
            guard let row = value(key) else { return }
            let first = Int(truncatingIfNeeded: row >> 8)
            for pair in pairs[first..<(first &+ Int(row & 0xFF))] {
                scores[Int(pair & 0xFF)] &+= Int32(Int16(truncatingIfNeeded: pair >> 16))
            }
        }
        @inline(__always) func stream(_ state: UInt64, _ from: Int32, _ to: Int32) -> UInt64 {
            var hash = state
            var index = Int(from)
            let end = Int(to)
            while index < end {
                hash = (hash ^ UInt64(norm[index])) &* Keys.prime
                index &+= 1
            }
            return hash
        }
        let keys = self.keys
        var previous = Keys.startTag, previous2 = Keys.start2Tag
        for position in 0..<positions.count {
            let j = position + 2
            let entry = entries[j], before = entries[j - 1], before2 = entries[j - 2], after = entries[j + 1], after2 = entries[j + 2]
            var tag: UInt8
            if let found = value(stream(keys.dictionary, entry.start, entry.end)), found & Self.dictionaryFlag != 0 {
                tag = UInt8(truncatingIfNeeded: found)
            } else {
                for index in scores.indices { scores[index] = 0 }
                let shape = Int(entry.shape), wordClass = Int(entry.wordClass)
                add(keys.bias)
                add(stream(keys.word, entry.start, entry.end))
                add(stream(keys.suffix3, entry.suffix3, entry.end))
                add(stream(keys.suffix1, entry.suffix1, entry.end))
                add(stream(keys.suffix2, entry.suffix2, entry.end))
                add(stream(keys.suffix4, entry.suffix4, entry.end))
                add(stream(keys.prefix1, entry.start, entry.prefix1))
                add(stream(keys.prefix2, entry.start, entry.prefix2))
                add(stream(keys.prefix3, entry.start, entry.prefix3))
                add(keys.shape[shape])
                add(keys.shapeFirst[shape &* 2 &+ (position == 0 ? 1 : 0)])
                add(keys.wordClass[wordClass])
                add(keys.previousTag[Int(previous)])
                add(keys.previous2Tag[Int(previous2)])
                add(keys.previousTags[Int(previous2) &* Keys.tagValues &+ Int(previous)])
                add(stream(keys.previousTagWord[Int(previous)], entry.start, entry.end))
                add(stream(keys.wordBefore, before.start, before.end))
                add(stream(keys.suffix3Before, before.suffix3, before.end))
                add(stream(keys.wordBefore2, before2.start, before2.end))
                add(stream(keys.wordAfter, after.start, after.end))
                add(stream(keys.suffix3After, after.suffix3, after.end))
                add(stream(keys.wordAfter2, after2.start, after2.end))
                add(keys.shapeBefore[Int(before.shape)])
                add(keys.shapeAfter[Int(after.shape)])
                add(keys.wordClassBefore[Int(before.wordClass)])
                add(keys.wordClassAfter[Int(after.wordClass)])
                add(stream((stream(keys.bigramBefore, before.start, before.end) ^ 0x1F) &* Keys.prime, entry.start, entry.end))
                add(stream((stream(keys.bigramAfter, entry.start, entry.end) ^ 0x1F) &* Keys.prime, after.start, after.end))
                var best = 0
                for index in 1..<scores.count where scores[index] > scores[best] { best = index }
                tag = UInt8(truncatingIfNeeded: best)
            }
            result[positions[position]] = UniversalTag(rawValue: tag).unsafelyUnwrapped
            previous2 = previous
            previous = tag
        }
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: key ^ (key >> 29)) & mask }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// A decimal Int16 ("-12", "7"), or nil.
    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int16? {
        var index = range.lowerBound
        let negative = index < range.upperBound && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < range.upperBound, range.upperBound - index <= 5 else { return nil }
        var value = 0
        while index < range.upperBound {
            guard bytes[index] &- 0x30 < 10 else { return nil }
            value = value * 10 + Int(bytes[index] &- 0x30)
            index += 1
        }
        return Int16(exactly: negative ? -value : value)
    }

    private static func tag(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UniversalTag? {
        UniversalTag.allCases.first { tag in tag.label.utf8.elementsEqual(bytes[range]) }
    }
}

// MARK: - Features

/// One token of a context (or a padding before or after it): byte offsets into the context's
/// norm buffer, and its shape and word class ids (`Keys`).
private struct Entry {
    var start: Int32, end: Int32
    var suffix1: Int32, suffix2: Int32, suffix3: Int32, suffix4: Int32
    var prefix1: Int32, prefix2: Int32, prefix3: Int32
    var shape: UInt8
    var wordClass: UInt8
}

/// A context's tokens, normalized into one buffer, between the paddings.
private struct Context {
    var norm: [UInt8] = []
    var entries: [Entry] = []

    init() { reset() }

    mutating func reset() {
        norm.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        pad(Keys.paddings[0], 0)
        pad(Keys.paddings[1], 1)
    }

    /// After the last token.
    mutating func close() {
        pad(Keys.paddings[2], 2)
        pad(Keys.paddings[3], 3)
    }

    private mutating func pad(_ text: String, _ index: Int) {
        let start = Int32(norm.count)
        norm.append(contentsOf: text.utf8)
        let end = Int32(norm.count)
        entries.append(Entry(start: start, end: end, suffix1: start, suffix2: start, suffix3: start, suffix4: start,
                             prefix1: end, prefix2: end, prefix3: end,
                             shape: UInt8(Keys.shapeMasks + index), wordClass: UInt8(Keys.classNames.count + index)))
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, _ wordClasses: WordClassLookup) {
        let start = norm.count
        var shape: UInt8 = 0
        var upper = 0
        var hasLower = false
        var ascii = true
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                switch byte {
                case 0x41...0x5A:
                    if index == 0 { shape |= Keys.capitalized }
                    upper += 1
                    norm.append(byte | 0x20)
                case 0x61...0x7A:
                    hasLower = true
                    norm.append(byte)
                case 0x30...0x39:
                    shape |= Keys.digit
                    norm.append(0x30)
                default:
                    if byte == 0x2D { shape |= Keys.hyphen }
                    if byte == 0x27 { shape |= Keys.apostrophe }
                    norm.append(byte)
                }
                index += 1
                continue
            }
            let scalar: Unicode.Scalar
            let length = UTF8Decoding.sequenceLength(lead: byte)
            if index + length <= bytes.count {
                scalar = UTF8Decoding.decode(bytes, at: index).scalar
            } else {
                scalar = "\u{FFFD}"
            }
            switch scalar.value {
            case 0x2019:
                shape |= Keys.apostrophe
                norm.append(0x27)
            case 0x2018, 0x02BC:
                norm.append(0x27)
            default:
                ascii = false
                let properties = scalar.properties
                if properties.isUppercase {
                    if index == 0 { shape |= Keys.capitalized }
                    upper += 1
                }
                if properties.isLowercase { hasLower = true }
                norm.append(contentsOf: properties.lowercaseMapping.utf8)
            }
            index += max(1, min(length, bytes.count - index))
        }
        if upper >= 2 && !hasLower { shape |= Keys.allCaps }
        let end = norm.count
        // Scalar boundaries of the norm: the suffixes' starts (the last 1–4 scalars), the
        // prefixes' ends (the first 1–3); a norm of fewer scalars is the whole of each.
        var suffix1 = start, suffix2 = start, suffix3 = start, suffix4 = start
        var count = 0
        var cursor = end
        while cursor > start && count < 4 {
            cursor -= 1
            guard norm[cursor] & 0xC0 != 0x80 else { continue }
            count += 1
            switch count {
            case 1: suffix1 = cursor
            case 2: suffix2 = cursor
            case 3: suffix3 = cursor
            default: suffix4 = cursor
            }
        }
        var prefix1 = end, prefix2 = end, prefix3 = end
        count = 0
        cursor = start
        while cursor < end && count < 3 {
            cursor += 1
            guard cursor == end || norm[cursor] & 0xC0 != 0x80 else { continue }
            count += 1
            switch count {
            case 1: prefix1 = cursor
            case 2: prefix2 = cursor
            default: prefix3 = cursor
            }
        }
        var wordClass = Keys.noClass
        if ascii {
            var hash = Keys.offsetBasis
            for offset in start..<end { hash = (hash ^ UInt64(norm[offset])) &* Keys.prime }
            wordClass = wordClasses.classOf(hash)
        }
        entries.append(Entry(start: Int32(start), end: Int32(end), suffix1: Int32(suffix1), suffix2: Int32(suffix2),
                             suffix3: Int32(suffix3), suffix4: Int32(suffix4), prefix1: Int32(prefix1), prefix2: Int32(prefix2),
                             prefix3: Int32(prefix3), shape: shape, wordClass: wordClass))
    }
}

/// The hashes of every template (with the separator), and the whole keys of the features whose
/// values are few (tags, shapes, word classes), worked out once.
private struct Keys: Sendable {
    static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3
    /// START2, START, END, END2, in the order of `Context`'s paddings.
    static let paddings = ["-START2-", "-START-", "-END-", "-END2-"]
    /// Tag values: the 17 tags, then "-START-" and "-START2-".
    static let tagValues = 19
    static let startTag: UInt8 = 17
    static let start2Tag: UInt8 = 18
    /// Shape flags; shape ids 0..<32 are their combinations, 32... the paddings.
    static let capitalized: UInt8 = 1, allCaps: UInt8 = 2, digit: UInt8 = 4, hyphen: UInt8 = 8, apostrophe: UInt8 = 16
    static let shapeMasks = 32
    /// Word class ids: these, then the paddings.
    static let classNames = ["NN", "NNS", "NN+VB", "NNS+VBZ", "VB", "VBD", "VBG", "VBZ", "JJ", "RB", "X", "F", "-"]
    static let functionWordClass = UInt8(11)
    static let noClass = UInt8(12)

    let bias, word, suffix1, suffix2, suffix3, suffix4, prefix1, prefix2, prefix3: UInt64
    let wordBefore, suffix3Before, wordBefore2, wordAfter, suffix3After, wordAfter2, bigramBefore, bigramAfter, dictionary: UInt64
    let shape, shapeFirst, shapeBefore, shapeAfter: [UInt64]
    let wordClass, wordClassBefore, wordClassAfter: [UInt64]
    let previousTag, previous2Tag, previousTags, previousTagWord: [UInt64]

    init() {
        func hash(_ state: UInt64, _ text: String) -> UInt64 {
            text.utf8.reduce(state) { ($0 ^ UInt64($1)) &* Self.prime }
        }
        func template(_ name: String) -> UInt64 { hash(Self.offsetBasis, name + "\u{1F}") }
        bias = template("bias")
        word = template("w")
        suffix1 = template("s1"); suffix2 = template("s2"); suffix3 = template("s3"); suffix4 = template("s4")
        prefix1 = template("p1"); prefix2 = template("p2"); prefix3 = template("p3")
        wordBefore = template("w-1"); suffix3Before = template("s3-1"); wordBefore2 = template("w-2")
        wordAfter = template("w+1"); suffix3After = template("s3+1"); wordAfter2 = template("w+2")
        bigramBefore = template("w-1w"); bigramAfter = template("ww+1")
        dictionary = template("dict")
        let shapes = (0..<Self.shapeMasks).map { mask in
            let flags = zip(["C", "U", "D", "H", "A"], [Self.capitalized, Self.allCaps, Self.digit, Self.hyphen, Self.apostrophe])
                .filter { UInt8(mask) & $0.1 != 0 }.map(\.0).joined()
            return flags.isEmpty ? "x" : flags
        } + Self.paddings
        shape = shapes.map { hash(template("sh"), $0) }
        shapeBefore = shapes.map { hash(template("sh-1"), $0) }
        shapeAfter = shapes.map { hash(template("sh+1"), $0) }
        shapeFirst = shapes.flatMap { [hash(template("shf"), $0 + "\u{1F}0"), hash(template("shf"), $0 + "\u{1F}1")] }
        let classes = Self.classNames + Self.paddings
        wordClass = classes.map { hash(template("lc"), $0) }
        wordClassBefore = classes.map { hash(template("lc-1"), $0) }
        wordClassAfter = classes.map { hash(template("lc+1"), $0) }
        let tags = UniversalTag.labels + ["-START-", "-START2-"]
        previousTag = tags.map { hash(template("t-1"), $0) }
        previous2Tag = tags.map { hash(template("t-2"), $0) }
        previousTags = tags.flatMap { before2 in tags.map { before in hash(template("t-2t-1"), before2 + "\u{1F}" + before) } }
        previousTagWord = tags.map { hash(template("t-1w"), $0 + "\u{1F}") }
    }
}

/// The word classes of the built-in `english/word-classes.tsv` (the model was trained on them),
/// by the FNV-1a hash of a lower-case ASCII word (its folded hash), as class ids of `Keys`.
private struct WordClassLookup: Sendable {
    private let table: EnglishWordTable?
    /// For the ready table: the class id of each of its labels.
    private let ids: [UInt8]
    /// Without the ready table: the classes by hash.
    private let parsed: [UInt64: UInt8]

    init() throws(DictionaryError) {
        func id(_ label: String) -> UInt8 {
            UInt8(Keys.classNames.firstIndex(of: label).flatMap { $0 < Int(Keys.functionWordClass) ? $0 : nil } ?? Int(Keys.functionWordClass))
        }
        if let ready = EnglishWordTable.builtIn {
            table = ready
            ids = ready.labels.map(id)
            parsed = [:]
        } else {
            let path = PrecomputedDictionaries.wordClassesPath
            let file = try DictionaryFile.parse(path: path, text: DictionaryStore.builtInTexts[path] ?? "")
            table = nil
            ids = []
            parsed = Dictionary(file.rows.map { (FoldedHash.of($0[0]), id($0[1])) }, uniquingKeysWith: { first, _ in first })
        }
    }

    @inline(__always)
    func classOf(_ hash: UInt64) -> UInt8 {
        if let table {
            guard let value = table.value(hash) else { return Keys.noClass }
            return ids[Int(value & ~EnglishWordTable.finiteFlag)]
        }
        return parsed[hash] ?? Keys.noClass
    }
}
