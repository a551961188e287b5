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
/// sentences in `english/pos-tagger-check.tsv`). Each is a template and a value; the file keeps
/// the features of one value whose templates share a group (`w` for w, w-1, w+1, w-2, w+2; `s3`
/// for s3, s3-1, s3+1; `sh` and `lc` likewise; `ww` for w-1w and ww+1; any other template is a
/// group of its own) in one row, under the FNV-1a 64 hash (offset basis 0xcbf29ce484222325, prime
/// 0x100000001b3) of the UTF-8 bytes of GROUP, the byte 0x1F, VALUE. The hash of GROUP and the
/// separator is worked out once, and each value's bytes are streamed on from there (no `String`
/// is made but for a scalar outside ASCII that is no apostrophe: its lower-case mapping). For a
/// token:
/// - its norm: the apostrophes U+2019, U+2018 and U+02BC as "'", ASCII capitals in lower case,
///   ASCII digits as "0", any other scalar by its own lower-case mapping;
/// - its suffixes and prefixes: the last 1–4 and first 1–3 scalars of the norm;
/// - its shape: "C" (the first scalar is upper case), "U" (none lower case and two or more upper
///   case), "D" (an ASCII digit), "H" (a hyphen-minus), "A" (' or U+2019), in that order; "x" for none;
/// - its word class: the class of the norm in `english/word-classes.tsv` (the content classes by
///   name, a function word "F", "-" for none or a norm not in ASCII).
/// Before a context's first token stand "-START2-" and "-START-", after its last "-END-" and
/// "-END2-": as norm, every suffix and prefix, shape and class; the tags before the first token
/// are "-START-" (previous) and "-START2-". The templates and their values: `Template`.
///
/// A token's norm is looked up once, and its row holds its own `w` weights and its neighbours'
/// `w-1`, `w+1`, `w-2`, `w+2`; likewise its last three scalars, and each pair of neighbours (`ww`).
/// The templates of few values (shapes, classes, tags, bias) are summed into small tables when the
/// tagger is built. What does not depend on the tags before a token is added up for a whole
/// context before the greedy pass, which adds the tags' table and one `t-1w` row per token.
public struct PartOfSpeechTagger: Sendable {
    public static let path = "english/pos-tagger.tsv"
    private static let built = StoreFact<PartOfSpeechTagger>()

    /// The tagger of the built-in weights, built once per store.
    public static func shared(_ dictionaries: DictionaryStore) throws -> PartOfSpeechTagger {
        try dictionaries.derived(built) { try PartOfSpeechTagger(weights: dictionaries.text(path)) }
    }

    static let tagCount = UniversalTag.allCases.count

    /// The rows: open addressing, two words a slot, the row's hash (0 marks an empty slot) and its
    /// first block (bits 8–39) and number of blocks (bits 0–7).
    private let slots: [UInt64]
    private let mask: Int
    /// A block per template of a row, `blockStride` values: the weights of the 17 tags, then the
    /// template, then how many entries after the row's own the weights are for (`Template.offsets`).
    private let blocks: [Int16]
    static let blockStride = 20
    /// Sums per entry: `scoreStride` values, the first 17 used.
    static let scoreStride = 20
    /// The tag dictionary, as `slots`: the hash of "dict" and a norm, and the tag. Apart from the
    /// weights, so that its few hundred words stay in the cache.
    private let dictionarySlots: [UInt64]
    private let dictionaryMask: Int
    private let keys: Keys
    /// Summed when built, `tagCount` weights per value: by shape id (`sh`, `sh-1`, `sh+1`), by
    /// shape id and whether the token is the context's first (`shf`), by class id (`lc`, `lc-1`,
    /// `lc+1`), and by the two tags before (`t-2` × `Keys.tagValues` + `t-1`: bias, `t-1`, `t-2`,
    /// `t-2t-1`).
    private let shapeSelf, shapeBefore, shapeAfter, shapeFirst: [Int32]
    private let classSelf, classBefore, classAfter: [Int32]
    private let tagPairs: [Int32]
    private let wordClasses: WordClassLookup
    private static let dictionaryFlag: UInt64 = 1 << 63

    /// Reads the weights file (the text of `english/pos-tagger.tsv`).
    public init(weights text: String) throws(DictionaryError) {
        var text = text
        let (parsed, pairs) = try text.withUTF8 { bytes in Result { () throws(DictionaryError) in try Self.parse(bytes) } }.get()
        // Each row's pairs (a template's together, as the file writes them) as blocks; block 0 is
        // all zeros, the block of no row.
        var blocks = [Int16](repeating: 0, count: Self.blockStride)
        var rows: [(key: UInt64, value: UInt64)] = []
        for row in parsed {
            guard row.value & Self.dictionaryFlag == 0 else {
                rows.append(row)
                continue
            }
            let firstBlock = blocks.count / Self.blockStride
            var template = -1
            let first = Int(row.value >> 8)
            for pair in pairs[first..<(first + Int(row.value & 0xFF))] {
                if Int(pair >> 8 & 0x1F) != template {
                    template = Int(pair >> 8 & 0x1F)
                    blocks += [Int16](repeating: 0, count: Self.blockStride)
                    blocks[blocks.count - 3] = Int16(template)
                    blocks[blocks.count - 2] = Int16(Template.offsets[template])
                }
                blocks[blocks.count - Self.blockStride + Int(pair & 0x1F)] = Int16(truncatingIfNeeded: pair >> 16)
            }
            let count = blocks.count / Self.blockStride - firstBlock
            guard count <= 0xFF else { throw DictionaryError(path: Self.path, line: 0, message: "a row of more than 255 templates") }
            rows.append((row.key, UInt64(firstBlock) << 8 | UInt64(count)))
        }
        self.blocks = blocks
        let (slots, mask) = try Self.table(rows.filter { $0.value & Self.dictionaryFlag == 0 })
        (dictionarySlots, dictionaryMask) = try Self.table(rows.filter { $0.value & Self.dictionaryFlag != 0 })
        self.slots = slots
        self.mask = mask
        let keys = Keys()
        self.keys = keys
        wordClasses = try WordClassLookup()
        // The small tables: each value's row, its pairs summed by template.
        func sums(_ key: UInt64, into tables: [Template: Int]) -> [Template: [Int32]] {
            var result: [Template: [Int32]] = [:]
            for template in tables.keys { result[template] = [Int32](repeating: 0, count: Self.tagCount) }
            guard let row = Self.row(key, slots, mask) else { return result }
            for block in Int(row >> 8)..<Int(row >> 8 + row & 0xFF) {
                let base = block * Self.blockStride
                guard let template = Template(rawValue: UInt8(blocks[base + Self.tagCount])), result[template] != nil else { continue }
                for tag in 0..<Self.tagCount { result[template]![tag] += Int32(blocks[base + tag]) }
            }
            return result
        }
        var shapeSelf: [Int32] = [], shapeBefore: [Int32] = [], shapeAfter: [Int32] = [], shapeFirst: [Int32] = []
        for key in keys.shapes {
            let found = sums(key, into: [.shape: 0, .shapeBefore: 0, .shapeAfter: 0])
            shapeSelf += found[.shape]!
            shapeBefore += found[.shapeBefore]!
            shapeAfter += found[.shapeAfter]!
        }
        for key in keys.shapesFirst { shapeFirst += sums(key, into: [.shapeFirst: 0])[.shapeFirst]! }
        var classSelf: [Int32] = [], classBefore: [Int32] = [], classAfter: [Int32] = []
        for key in keys.classes {
            let found = sums(key, into: [.wordClass: 0, .wordClassBefore: 0, .wordClassAfter: 0])
            classSelf += found[.wordClass]!
            classBefore += found[.wordClassBefore]!
            classAfter += found[.wordClassAfter]!
        }
        let bias = sums(keys.bias, into: [.bias: 0])[.bias]!
        let previous = keys.previousTag.map { sums($0, into: [.previousTag: 0])[.previousTag]! }
        let previous2 = keys.previous2Tag.map { sums($0, into: [.previous2Tag: 0])[.previous2Tag]! }
        var tagPairs: [Int32] = []
        for before2 in 0..<Keys.tagValues {
            for before in 0..<Keys.tagValues {
                let both = sums(keys.previousTags[before2 * Keys.tagValues + before], into: [.previousTags: 0])[.previousTags]!
                for tag in 0..<Self.tagCount {
                    tagPairs.append(bias[tag] + previous[before][tag] + previous2[before2][tag] + both[tag])
                }
            }
        }
        self.shapeSelf = shapeSelf
        self.shapeBefore = shapeBefore
        self.shapeAfter = shapeAfter
        self.shapeFirst = shapeFirst
        self.classSelf = classSelf
        self.classBefore = classBefore
        self.classAfter = classAfter
        self.tagPairs = tagPairs
    }

    /// An open-addressing table of `rows`, at most half full: slots and mask.
    private static func table(_ rows: [(key: UInt64, value: UInt64)]) throws(DictionaryError) -> ([UInt64], Int) {
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
        return (slots, capacity - 1)
    }

    private static func row(_ key: UInt64, _ slots: [UInt64], _ mask: Int) -> UInt64? {
        var index = slot(key, mask)
        while slots[2 * index] != 0 {
            if slots[2 * index] == key { return slots[2 * index + 1] }
            index = (index + 1) & mask
        }
        return nil
    }

    /// The rows of the weights file: each row's hash and slot value, and the weight pairs.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(DictionaryError) -> ([(key: UInt64, value: UInt64)], [UInt32]) {
        var rows: [(key: UInt64, value: UInt64)] = []
        var pairs: [UInt32] = []
        for (line, lineNumber) in LineRanges(bytes) {
            let lineStart = line.lowerBound, lineEnd = line.upperBound
            if lineEnd == lineStart || bytes[lineStart] == UInt8(ascii: "#") { continue }
            func fail(_ message: String) -> DictionaryError { DictionaryError(path: Self.path, line: lineNumber, message: message) }
            guard lineEnd - lineStart > 17, bytes[lineStart + 16] == 0x09 else { throw fail("expected 16 hex digits and a tab") }
            var key: UInt64 = 0
            for index in lineStart..<(lineStart + 16) {
                guard let digit = Self.hexDigit(bytes[index]) else { throw fail("expected 16 hex digits and a tab") }
                key = key << 4 | UInt64(digit)
            }
            guard key != 0 else { throw fail("row hash 0") }
            let fields = (lineStart + 17)..<lineEnd
            guard bytes[fields].contains(UInt8(ascii: ":")) else {
                guard let tag = Self.tag(bytes, fields) else { throw fail("unknown tag") }
                rows.append((key, Self.dictionaryFlag | UInt64(tag.rawValue)))
                continue
            }
            // TEMPLATE:TAG=WEIGHT,TAG=WEIGHT TEMPLATE:…
            let first = pairs.count
            var featureStart = fields.lowerBound
            while featureStart < fields.upperBound {
                var featureEnd = featureStart
                while featureEnd < fields.upperBound && bytes[featureEnd] != 0x20 { featureEnd += 1 }
                defer { featureStart = featureEnd + 1 }
                guard let colon = bytes[featureStart..<featureEnd].firstIndex(of: UInt8(ascii: ":")),
                      let template = Template.named(bytes, featureStart..<colon)
                else { throw fail("expected TEMPLATE:TAG=WEIGHT,…") }
                var pairStart = colon + 1
                while pairStart < featureEnd {
                    var pairEnd = pairStart
                    while pairEnd < featureEnd && bytes[pairEnd] != UInt8(ascii: ",") { pairEnd += 1 }
                    defer { pairStart = pairEnd + 1 }
                    guard let sign = bytes[pairStart..<pairEnd].firstIndex(of: UInt8(ascii: "=")),
                          let tag = Self.tag(bytes, pairStart..<sign),
                          let weight = Self.integer(bytes, (sign + 1)..<pairEnd)
                    else { throw fail("expected TEMPLATE:TAG=WEIGHT,…") }
                    pairs.append(UInt32(tag.rawValue) | UInt32(template.rawValue) << 8 | UInt32(UInt16(bitPattern: weight)) << 16)
                }
            }
            guard pairs.count - first <= 0xFF else { throw fail("more than 255 weights") }
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
        tag(analysis, range, offset: range.lowerBound, &context, &positions, into: &result)
        return result
    }

    /// One tag per token of the document, each sentence its own context (as `tag(_:tokens:)` of
    /// its tokens gives), `.x` for spaces and the tokens between sentences. One pass for the
    /// rules that read the tags of a whole document.
    public func tag(_ analysis: Analysis) -> [UniversalTag] {
        var result = [UniversalTag](repeating: .x, count: analysis.tokens.count)
        var context = Context()
        var positions: [Int] = []
        for sentence in analysis.sentences {
            tag(analysis, sentence.tokens, offset: 0, &context, &positions, into: &result)
        }
        return result
    }

    /// Tags the tokens of `range` into `result` (at their index less `offset`).
    private func tag(_ analysis: Analysis, _ range: Range<Int>, offset: Int, _ context: inout Context, _ positions: inout [Int],
                     into result: inout [UniversalTag]) {
        context.reset()
        positions.removeAll(keepingCapacity: true)
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
                    positions.append(index - offset)
                }
            }
        }
        decode(&context, positions, into: &result)
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
        let count = context.entries.count
        context.lookups.removeAll(keepingCapacity: true)
        context.scores.removeAll(keepingCapacity: true)
        context.scores.append(contentsOf: repeatElement(0, count: (count + 4) * Self.scoreStride))
        context.tags.removeAll(keepingCapacity: true)
        context.tags.append(contentsOf: repeatElement(Self.noTag, count: count))
        context.norm.withUnsafeBufferPointer { norm in
            context.entries.withUnsafeBufferPointer { entries in
                context.tags.withUnsafeMutableBufferPointer { tags in
                    context.scores.withUnsafeMutableBufferPointer { scores in
                        slots.withUnsafeBufferPointer { slots in
                            blocks.withUnsafeBufferPointer { blocks in
                                let tables = Tables(slots: slots, blocks: blocks.baseAddress!, mask: mask, norm: norm.baseAddress!, entries: entries,
                                                    tags: tags, scores: scores.baseAddress! + 2 * Self.scoreStride)
                                lookUpDictionary(tables)
                                addUp(tables, &context.lookups)
                                decide(tables, positions, into: &result)
                            }
                        }
                    }
                }
            }
        }
    }

    /// What the passes of `decode` share: the weights and the context's buffers.
    private struct Tables {
        let slots: UnsafeBufferPointer<UInt64>
        let blocks: UnsafePointer<Int16>
        let mask: Int
        let norm: UnsafePointer<UInt8>
        let entries: UnsafeBufferPointer<Entry>
        /// Per entry: its tag from the dictionary, or `noTag`.
        let tags: UnsafeMutableBufferPointer<UInt8>
        /// Per entry (`scoreStride` apart), the sums of the weights that do not depend on the tags
        /// before it, with room for two entries before the first and after the last.
        let scores: UnsafeMutablePointer<Int32>

        /// Adds the 17 weights of `block` to the sums at `target`.
        @inline(__always) func add(block: Int, to target: UnsafeMutablePointer<Int32>) {
            let weights = blocks + block &* PartOfSpeechTagger.blockStride
            let wide = SIMD16<Int32>(truncatingIfNeeded: UnsafeRawPointer(weights).loadUnaligned(as: SIMD16<Int16>.self))
            let sums = UnsafeRawPointer(target).loadUnaligned(as: SIMD16<Int32>.self)
            UnsafeMutableRawPointer(target).storeBytes(of: sums &+ wide, as: SIMD16<Int32>.self)
            target[16] &+= Int32(weights[16])
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

        /// Whether entry `index` is a token the weights must tag (not a padding, not in the dictionary).
        @inline(__always) func needs(_ index: Int) -> Bool {
            index >= 2 && index < entries.count - 2 && tags[index] == PartOfSpeechTagger.noTag
        }
    }

    private static let noTag: UInt8 = 0xFF

    /// Each token's tag from the tag dictionary, where it has one.
    private func lookUpDictionary(_ tables: Tables) {
        dictionarySlots.withUnsafeBufferPointer { dictionary in
            for index in 2..<(tables.entries.count - 2) {
                let entry = tables.entries[index]
                let key = tables.stream(keys.dictionary, entry.start, entry.end)
                var slot = Self.slot(key, dictionaryMask)
                while dictionary[2 &* slot] != 0 {
                    if dictionary[2 &* slot] == key {
                        tables.tags[index] = UInt8(truncatingIfNeeded: dictionary[2 &* slot &+ 1])
                        break
                    }
                    slot = (slot &+ 1) & dictionaryMask
                }
            }
        }
    }

    /// The weights that do not depend on the tags before a token, for every token to tag: the
    /// small tables, then every row the context needs, looked up in passes (each row's first slot
    /// for all, then each row's first block for all) so that the reads that miss the cache wait
    /// together.
    private func addUp(_ tables: Tables, _ lookups: inout [Lookup]) {
        let entries = tables.entries, scores = tables.scores, count = Self.tagCount
        @inline(__always) func add(_ table: [Int32], _ row: Int, to entry: Int) {
            table.withUnsafeBufferPointer { table in
                let from = row &* count, to = entry &* Self.scoreStride
                for tag in 0..<count { scores[to &+ tag] &+= table[from &+ tag] }
            }
        }
        for index in 2..<(entries.count - 2) where tables.needs(index) {
            let entry = entries[index]
            let shape = Int(entry.shape)
            add(shapeSelf, shape, to: index)
            add(shapeBefore, Int(entries[index - 1].shape), to: index)
            add(shapeAfter, Int(entries[index + 1].shape), to: index)
            add(shapeFirst, shape &* 2 &+ (index == 2 ? 1 : 0), to: index)
            add(classSelf, Int(entry.wordClass), to: index)
            add(classBefore, Int(entries[index - 1].wordClass), to: index)
            add(classAfter, Int(entries[index + 1].wordClass), to: index)
        }
        // The rows: each entry's norm and last three scalars where a token within two needs them,
        // its own suffixes and prefixes, and each pair of neighbours.
        let keys = self.keys
        for index in 0..<entries.count {
            let entry = entries[index]
            let own = tables.needs(index)
            if own || tables.needs(index - 1) || tables.needs(index + 1) || tables.needs(index - 2) || tables.needs(index + 2) {
                lookups.append(Lookup(key: tables.stream(keys.word, entry.start, entry.end), entry: Int32(index)))
            }
            if own || tables.needs(index - 1) || tables.needs(index + 1) {
                lookups.append(Lookup(key: tables.stream(keys.suffix3, entry.suffix3, entry.end), entry: Int32(index)))
            }
            if own {
                lookups.append(Lookup(key: tables.stream(keys.suffix1, entry.suffix1, entry.end), entry: Int32(index)))
                lookups.append(Lookup(key: tables.stream(keys.suffix2, entry.suffix2, entry.end), entry: Int32(index)))
                lookups.append(Lookup(key: tables.stream(keys.suffix4, entry.suffix4, entry.end), entry: Int32(index)))
                lookups.append(Lookup(key: tables.stream(keys.prefix1, entry.start, entry.prefix1), entry: Int32(index)))
                lookups.append(Lookup(key: tables.stream(keys.prefix2, entry.start, entry.prefix2), entry: Int32(index)))
                lookups.append(Lookup(key: tables.stream(keys.prefix3, entry.start, entry.prefix3), entry: Int32(index)))
            }
            if index + 1 < entries.count && (own || tables.needs(index + 1)) {
                let next = entries[index + 1]
                let left = (tables.stream(keys.pair, entry.start, entry.end) ^ 0x1F) &* Keys.prime
                lookups.append(Lookup(key: tables.stream(left, next.start, next.end), entry: Int32(index)))
            }
        }
        lookups.withUnsafeMutableBufferPointer { lookups in
            let slots = tables.slots, mask = tables.mask
            // The first slot of each, then the row.
            for index in lookups.indices { lookups[index].row = slots[2 &* Self.slot(lookups[index].key, mask)] }
            for index in lookups.indices {
                let key = lookups[index].key
                var slot = Self.slot(key, mask)
                var found = lookups[index].row
                while found != key && found != 0 {
                    slot = (slot &+ 1) & mask
                    found = slots[2 &* slot]
                }
                lookups[index].row = found == 0 ? 0 : slots[2 &* slot &+ 1]
            }
            // Each row's first block (read to have it in the cache), then every block added to the
            // sums of the entry it weighs for. Branch-free: a block for a token the weights do not
            // tag (or a padding) lands in its sums all the same, unused.
            var touched: Int16 = 0
            for lookup in lookups { touched |= tables.blocks[Int(truncatingIfNeeded: lookup.row >> 8) &* Self.blockStride] }
            if !lookups.isEmpty { lookups[0].sink = touched }
            for lookup in lookups {
                let first = Int(truncatingIfNeeded: lookup.row >> 8)
                for block in first..<(first &+ Int(lookup.row & 0xFF)) {
                    let offset = Int(tables.blocks[block &* Self.blockStride &+ 18])
                    tables.add(block: block, to: scores + (Int(lookup.entry) &+ offset) &* Self.scoreStride)
                }
            }
        }
    }

    /// The greedy pass: each token's tag from the dictionary, or from its sums, the tags' table
    /// and its `t-1w` row.
    private func decide(_ tables: Tables, _ positions: [Int], into result: inout [UniversalTag]) {
        let count = Self.tagCount
        var previous = Int(Keys.startTag), previous2 = Int(Keys.start2Tag)
        tagPairs.withUnsafeBufferPointer { tagPairs in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: count) { scores in
                for position in 0..<positions.count {
                    let index = position + 2
                    var tag = Int(tables.tags[index])
                    if tag == Int(Self.noTag) {
                        let entry = tables.entries[index]
                        let sums = tables.scores + index &* Self.scoreStride
                        let pair = (previous2 &* Keys.tagValues &+ previous) &* count
                        if let row = Self.row(tables.stream(keys.previousTagWord[previous], entry.start, entry.end), tables) {
                            let first = Int(truncatingIfNeeded: row >> 8)
                            for block in first..<(first &+ Int(row & 0xFF)) { tables.add(block: block, to: sums) }
                        }
                        for tag in 0..<count { scores[tag] = sums[tag] &+ tagPairs[pair &+ tag] }
                        tag = 0
                        for index in 1..<count where scores[index] > scores[tag] { tag = index }
                    }
                    result[positions[position]] = UniversalTag(rawValue: UInt8(truncatingIfNeeded: tag)).unsafelyUnwrapped
                    previous2 = previous
                    previous = tag
                }
            }
        }
    }

    @inline(__always)
    private static func row(_ key: UInt64, _ tables: Tables) -> UInt64? {
        var slot = Self.slot(key, tables.mask)
        while true {
            let stored = tables.slots[2 &* slot]
            if stored == key { return tables.slots[2 &* slot &+ 1] }
            if stored == 0 { return nil }
            slot = (slot &+ 1) & tables.mask
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

/// A row to look up for a context: its hash, the entry it was made for, then (as it is read) its
/// slot value. `sink` keeps the reads of the blocks ahead of their use from being left out.
private struct Lookup {
    var key: UInt64
    var row: UInt64 = 0
    var entry: Int32
    var sink: Int16 = 0

    init(key: UInt64, entry: Int32) {
        self.key = key
        self.entry = entry
    }
}

/// The feature templates, in the order of `GROUPS` in build_tagger.py. A template's value for a
/// token: `bias` none (""); `w` its norm, `w-1`, `w+1`, `w-2`, `w+2` its neighbours'; `s1`…`s4`
/// the last 1–4 scalars of its norm, `s3-1`, `s3+1` its neighbours' last 3; `p1`…`p3` the first
/// 1–3; `sh` its shape, `sh-1`, `sh+1` its neighbours'; `shf` its shape, 0x1F, "1" for the first
/// token of the context or "0"; `lc` its class, `lc-1`, `lc+1` its neighbours'; `t-1` and `t-2`
/// the tags of the two tokens before it; `t-2t-1` both (0x1F between); `t-1w` the tag before, 0x1F,
/// its norm; `w-1w` the norm before, 0x1F, its own; `ww+1` its own, 0x1F, the norm after.
private enum Template: UInt8, CaseIterable {
    case bias, word, wordBefore, wordAfter, wordBefore2, wordAfter2, suffix1, suffix2, suffix3, suffix3Before, suffix3After,
         suffix4, prefix1, prefix2, prefix3, shape, shapeBefore, shapeAfter, shapeFirst, wordClass, wordClassBefore,
         wordClassAfter, previousTag, previous2Tag, previousTags, previousTagWord, pairBefore, pairAfter

    static let names = ["bias", "w", "w-1", "w+1", "w-2", "w+2", "s1", "s2", "s3", "s3-1", "s3+1", "s4", "p1", "p2", "p3",
                        "sh", "sh-1", "sh+1", "shf", "lc", "lc-1", "lc+1", "t-1", "t-2", "t-2t-1", "t-1w", "w-1w", "ww+1"]

    /// For a row looked up for one entry (a norm, a suffix, a prefix, or a pair of neighbours read
    /// from its left), which entry each template weighs for, relative to it: a norm's `w-1` weighs
    /// for the token after it. 0 for the templates summed into tables when the tagger is built.
    static let offsets: [Int] = allCases.map { template in
        let entries = switch template {
        case .wordBefore, .suffix3Before, .pairBefore: 1
        case .wordAfter, .suffix3After: -1
        case .wordBefore2: 2
        case .wordAfter2: -2
        default: 0
        }
        return entries
    } + [Int](repeating: 0, count: 32 - allCases.count)

    static func named(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Template? {
        names.firstIndex { $0.utf8.elementsEqual(bytes[range]) }.flatMap { Template(rawValue: UInt8($0)) }
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
    /// Scratch for `PartOfSpeechTagger.decode`, kept for the next context.
    var lookups: [Lookup] = []
    var scores: [Int32] = []
    var tags: [UInt8] = []

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

/// The hashes of every group (with the separator), and the whole keys of the rows whose values
/// are few (tags, shapes, word classes), worked out once.
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

    /// Group states, to stream a value on from.
    let word, suffix1, suffix2, suffix3, suffix4, prefix1, prefix2, prefix3, pair, dictionary: UInt64
    /// Whole keys: the bias; by shape id; by shape id × 2 + first (`shf`); by class id; by tag
    /// value (`t-1`, `t-2`), by two tag values (`t-2` × `tagValues` + `t-1`); and the state of
    /// `t-1w` by tag value, to stream the norm on from.
    let bias: UInt64
    let shapes, shapesFirst, classes: [UInt64]
    let previousTag, previous2Tag, previousTags, previousTagWord: [UInt64]

    init() {
        func hash(_ state: UInt64, _ text: String) -> UInt64 {
            text.utf8.reduce(state) { ($0 ^ UInt64($1)) &* Self.prime }
        }
        func group(_ name: String) -> UInt64 { hash(Self.offsetBasis, name + "\u{1F}") }
        bias = group("bias")
        word = group("w")
        suffix1 = group("s1"); suffix2 = group("s2"); suffix3 = group("s3"); suffix4 = group("s4")
        prefix1 = group("p1"); prefix2 = group("p2"); prefix3 = group("p3")
        pair = group("ww")
        dictionary = group("dict")
        let shapeNames = (0..<Self.shapeMasks).map { mask in
            let flags = zip(["C", "U", "D", "H", "A"], [Self.capitalized, Self.allCaps, Self.digit, Self.hyphen, Self.apostrophe])
                .filter { UInt8(mask) & $0.1 != 0 }.map(\.0).joined()
            return flags.isEmpty ? "x" : flags
        } + Self.paddings
        shapes = shapeNames.map { hash(group("sh"), $0) }
        shapesFirst = shapeNames.flatMap { [hash(group("shf"), $0 + "\u{1F}0"), hash(group("shf"), $0 + "\u{1F}1")] }
        classes = (Self.classNames + Self.paddings).map { hash(group("lc"), $0) }
        let tags = UniversalTag.labels + ["-START-", "-START2-"]
        previousTag = tags.map { hash(group("t-1"), $0) }
        previous2Tag = tags.map { hash(group("t-2"), $0) }
        previousTags = tags.flatMap { before2 in tags.map { before in hash(group("t-2t-1"), before2 + "\u{1F}" + before) } }
        previousTagWord = tags.map { hash(group("t-1w"), $0 + "\u{1F}") }
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
