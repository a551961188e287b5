import ICUKit
import KalkaModel
import KalkaText

/// One multi-pattern matcher for a whole phrase list: a trie over the folded hashes of tokens, so
/// every position of a document is tried against every phrase in one walk, without a regex per
/// phrase or a `String` per token.
///
/// Phrases are tokenized with the same ICU word breaking documents get; matching ignores case
/// and the spaces between tokens (but never crosses a paragraph break), and punctuation tokens
/// must match. A phrase's last word also matches in the possessive ("Kiev's", "Kyiv’s"). At
/// each position the longest phrase wins, and matches do not overlap.
public struct PhraseMatcher: Sendable {
    public struct Match: Sendable, Equatable {
        /// Token indices of the match (first to last significant token).
        public let tokens: ClosedRange<Int>
        /// Prose bytes of the match, without a possessive ending ("Kiev" of "Kiev's").
        public let range: Range<Int>
        /// The index of the matched phrase in the list the matcher was built from.
        public let phrase: Int

        package init(tokens: ClosedRange<Int>, range: Range<Int>, phrase: Int) {
            self.tokens = tokens
            self.range = range
            self.phrase = phrase
        }
    }

    /// One trie edge: from `node`, on a token with this folded hash, to `child`. Packed so a probe
    /// touches one cache line, not three arrays.
    private struct Edge {
        var token: UInt64
        var node: Int32
        var child: Int32
        static let empty = Edge(token: 0, node: -1, child: 0)
    }

    /// The edges out of the root, keyed by token hash alone: every position of a document probes
    /// this table, so it stays apart from the deeper edges and as small as the first tokens are.
    private var rootEdges: EdgeTable
    /// Every other edge, keyed by (node, token hash).
    private var innerEdges: EdgeTable
    /// Bit filters on a phrase's first tokens (28 KB, in the fastest cache however long the
    /// list grows; see `Filters`). Every position pays the same few probes whatever the list's
    /// size — a common word or pair such as "of the" that only begins phrases goes no further
    /// unless the next token fits too — so only real partial matches reach the edge tables.
    private var filters: Filters
    /// For each node, the phrase that ends there (-1: none).
    private var terminal: [Int32] = [-1]
    /// This matcher's place among all the process's matchers (`PhraseFilterUnion`).
    private var registration = 0

    public var isEmpty: Bool { rootEdges.count == 0 }

    public init(_ phrases: [String]) throws(ICUError) {
        let tokens = try PhraseTokenizer.flatTokenHashes(phrases)
        // Sized once for the most edges the list can make (each phrase's first token at the root,
        // the others inside): no table grows and rehashes while the trie is built.
        rootEdges = EdgeTable(capacity: phrases.count)
        innerEdges = EdgeTable(capacity: tokens.hashes.count - min(phrases.count, tokens.hashes.count))
        filters = Filters()
        terminal.reserveCapacity(tokens.hashes.count + 1)
        var start = 0
        for (index, end) in tokens.ends.enumerated() {
            defer { start = end }
            guard end > start else { continue }
            let first = tokens.hashes[start]
            switch end - start {
            case 1: filters.insert(first, Filters.oneWord)
            case 2: filters.insert(PhraseStarts.combine(first, tokens.hashes[start + 1]), Filters.twoWords)
            default:
                let three = PhraseStarts.combine(PhraseStarts.combine(first, tokens.hashes[start + 1]), tokens.hashes[start + 2])
                filters.insert(three, Filters.threeTokens)
            }
            var node: Int32 = 0
            for hash in tokens.hashes[start..<end] {
                if let child = child(of: node, hash) {
                    node = child
                } else {
                    let child = Int32(terminal.count)
                    terminal.append(-1)
                    if node == 0 {
                        rootEdges.insert(node, hash, child)
                    } else {
                        innerEdges.insert(node, hash, child)
                    }
                    node = child
                }
            }
            // The first phrase listed wins over a later duplicate.
            if node != 0 && terminal[Int(node)] < 0 { terminal[Int(node)] = Int32(index) }
        }
        registration = PhraseFilterUnion.shared.register(filters)
    }

    /// Bit filters on a phrase's first tokens, in one array: a bit per one-word phrase,
    /// per two-word phrase, and per first three tokens of a longer phrase, each indexed by a
    /// slice of a hash's high bits (`PhraseStarts.position`, masked to the filter's size).
    fileprivate struct Filters: Sendable {
        /// A filter's place in `words` and its size in bits.
        struct Part {
            let offset: Int
            let mask: UInt32
            init(offset: Int, bits: Int) {
                self.offset = offset
                mask = UInt32(bits - 1)
            }
        }
        static let oneWord = Part(offset: 0, bits: 1 << 15)
        static let twoWords = Part(offset: (1 << 15) / 64, bits: 1 << 16)
        static let threeTokens = Part(offset: (1 << 15 + 1 << 16) / 64, bits: 1 << 17)
        private static let wordCount = (1 << 15 + 1 << 16 + 1 << 17) / 64

        private var words = [UInt64](repeating: 0, count: wordCount)

        mutating func insert(_ hash: UInt64, _ part: Part) {
            let bit = Int(PhraseStarts.position(hash) & part.mask)
            words[part.offset + bit >> 6] |= 1 << UInt64(bit & 63)
        }

        /// Every bit of `other` set here too.
        mutating func formUnion(_ other: Filters) {
            for index in words.indices { words[index] |= other.words[index] }
        }

        func withProbe<Result>(_ body: (Probe) -> Result) -> Result {
            words.withUnsafeBufferPointer { body(Probe(words: $0.baseAddress!)) }
        }
    }

    /// The filters' bits, read in place for the length of a walk.
    fileprivate struct Probe {
        let words: UnsafePointer<UInt64>

        @inline(__always)
        func contains(_ position: UInt32, _ part: Filters.Part) -> Bool {
            let bit = Int(position & part.mask)
            return words[part.offset + bit >> 6] & (1 << UInt64(bit & 63)) != 0
        }

        /// Whether a phrase may start at a token with these keys (never a false "no"): it is a
        /// one-word phrase, or with the next token a two-word phrase, or with the next two the
        /// start of a longer one — a possessive (only ever a phrase's last word, as in "Verkhovna
        /// Rada's") tried by its base, since the filters hold the base form.
        @inline(__always)
        func mayStartPhrase(_ keys: PhraseStarts.Keys) -> Bool {
            typealias Keys = PhraseStarts.Keys
            if contains(keys.one, Filters.oneWord) { return true }
            if keys.flags & Keys.possessiveFirst != 0 && contains(keys.possessiveOne, Filters.oneWord) { return true }
            guard keys.flags & Keys.hasSecond != 0 else { return false }
            if contains(keys.two, Filters.twoWords) { return true }
            if keys.flags & Keys.possessiveSecond != 0 && contains(keys.possessiveTwo, Filters.twoWords) { return true }
            guard keys.flags & Keys.hasThird != 0 else { return false }
            if contains(keys.three, Filters.threeTokens) { return true }
            return keys.flags & Keys.possessiveThird != 0 && contains(keys.possessiveThree, Filters.threeTokens)
        }
    }

    @inline(__always)
    private func child(of node: Int32, _ token: UInt64) -> Int32? {
        node == 0 ? rootEdges.child(of: 0, token) : innerEdges.child(of: node, token)
    }

    /// An open-addressing table of edges, at most half full.
    private struct EdgeTable {
        private var slots: [Edge]
        private(set) var count = 0

        /// A table that holds `capacity` edges without growing.
        init(capacity: Int = 0) {
            var size = 16
            while size < capacity * 2 { size *= 2 }
            slots = Array(repeating: Edge.empty, count: size)
        }

        @inline(__always)
        private static func slot(_ node: Int32, _ token: UInt64, _ mask: Int) -> Int {
            let key = token &+ UInt64(UInt32(bitPattern: node)) &* 0x9E37_79B9_7F4A_7C15
            return Int(truncatingIfNeeded: key ^ (key >> 31)) & mask
        }

        @inline(__always)
        func child(of node: Int32, _ token: UInt64) -> Int32? {
            slots.withUnsafeBufferPointer { slots in
                let mask = slots.count - 1
                var index = Self.slot(node, token, mask)
                while true {
                    let edge = slots[index]
                    if edge.node < 0 { return nil }
                    if edge.node == node && edge.token == token { return edge.child }
                    index = (index + 1) & mask
                }
            }
        }

        mutating func insert(_ node: Int32, _ token: UInt64, _ child: Int32) {
            if (count + 1) * 2 > slots.count {
                let old = slots
                slots = Array(repeating: Edge.empty, count: old.count * 2)
                count = 0
                for edge in old where edge.node >= 0 { insert(edge.node, edge.token, edge.child) }
            }
            let mask = slots.count - 1
            var index = Self.slot(node, token, mask)
            while slots[index].node >= 0 { index = (index + 1) & mask }
            slots[index] = Edge(token: token, node: node, child: child)
            count += 1
        }
    }

    /// Leftmost-longest, non-overlapping matches in the document.
    public func matches(in analysis: Analysis) -> [Match] {
        var found = Found()
        let starts = PhraseStarts.of(analysis)
        filters.withProbe { probe in
            if registration < starts.registrationsCovered {
                // The usual case (matchers are made with the rules, before any document): the
                // positions the union of every matcher's filters passed, keys already computed.
                starts.candidates.withUnsafeBufferPointer { candidates in
                    for candidate in candidates { found.consider(candidate.keys, Int(candidate.token), probe, self, analysis) }
                }
            } else {
                // A matcher made after the document's keys were read is not in that union: it
                // computes the keys of every position again.
                PhraseStarts.forEachPosition(analysis) { keys, token in found.consider(keys, Int(token), probe, self, analysis) }
            }
        }
        return found.matches
    }

    /// How many positions of the document this matcher's own filters pass, the union aside
    /// (a count of work, for tests).
    package func positionsToConfirm(in analysis: Analysis) -> Int {
        var count = 0
        filters.withProbe { probe in
            PhraseStarts.forEachPosition(analysis) { keys, _ in if probe.mayStartPhrase(keys) { count += 1 } }
        }
        return count
    }

    /// The matches so far, which do not overlap.
    private struct Found {
        var matches: [Match] = []
        var lastMatched = -1

        @inline(__always)
        mutating func consider(_ keys: PhraseStarts.Keys, _ tokenIndex: Int, _ probe: Probe, _ matcher: PhraseMatcher, _ analysis: Analysis) {
            guard tokenIndex > lastMatched, probe.mayStartPhrase(keys),
                  let match = matcher.longestMatch(in: analysis, at: tokenIndex) else { return }
            matches.append(match)
            // Go on after this match's last token.
            lastMatched = match.tokens.upperBound
        }
    }

    /// The longest phrase starting at token `start`, if any.
    public func longestMatch(in analysis: Analysis, at start: Int) -> Match? {
        let tokens = analysis.tokens
        var node: Int32 = 0
        var index = start
        var best: (last: Int, end: Int, phrase: Int32)? = nil
        while index < tokens.count {
            let token = tokens[index]
            if token.kind == .space {
                if token.isParagraphBreak { break }
                index += 1
                continue
            }
            if let next = child(of: node, token.foldedHash) {
                node = next
                if terminal[Int(node)] >= 0 { best = (index, Int(token.end), terminal[Int(node)]) }
                index += 1
                continue
            }
            // A possessive can only end a phrase.
            if let base = analysis.possessiveBase(of: token), let next = child(of: node, base.hash), terminal[Int(next)] >= 0 {
                best = (index, Int(token.end) - base.suffixLength, terminal[Int(next)])
            }
            break
        }
        guard let best else { return nil }
        return Match(tokens: start...best.last, range: Int(tokens[start].start)..<best.end, phrase: Int(best.phrase))
    }
}

/// What every phrase matcher's filters probe at each token other than space, computed once per
/// document however many phrase lists the rules match: the filter positions of the one, two and
/// three significant tokens starting there (within its paragraph), and where a possessive is.
/// Of those, `candidates` keeps the positions some matcher's filters pass (about a tenth of the
/// tokens), so a matcher's walk reads little memory and hashes nothing.
package struct PhraseStarts: Sendable {
    package struct Keys: Sendable {
        var one: UInt32
        var two: UInt32 = 0
        var three: UInt32 = 0
        /// The keys with a possessive's base in the last place: the first token alone, the first
        /// two, the first three.
        var possessiveOne: UInt32 = 0
        var possessiveTwo: UInt32 = 0
        var possessiveThree: UInt32 = 0
        var flags: UInt8 = 0

        static let hasSecond: UInt8 = 1
        static let hasThird: UInt8 = 2
        /// The first, second or third token ends in "'s" / "’s".
        static let possessiveFirst: UInt8 = 4
        static let possessiveSecond: UInt8 = 8
        static let possessiveThird: UInt8 = 16
    }

    /// A token other than space, in `forEachPosition`: its hash and its index.
    private struct Word {
        var hash: UInt64
        var index: Int32
    }

    /// A position the union of every matcher's filters passes: its keys and its token index.
    package struct Candidate: Sendable {
        var keys: Keys
        var token: Int32
    }

    /// The positions, in token order, that the union of every matcher's filters passes (most
    /// positions pass no filter and are not kept), and how many matchers that union held: a
    /// matcher made before then confirms only these.
    fileprivate private(set) var candidates: [Candidate] = []
    fileprivate private(set) var registrationsCovered = 0

    private static let fact = DocumentFact<PhraseStarts>()

    package static func of(_ analysis: Analysis) -> PhraseStarts {
        analysis.fact(fact) { PhraseStarts(analysis) }
    }

    private init(_ analysis: Analysis) {
        let (union, registered) = PhraseFilterUnion.shared.snapshot()
        // Built in a local and stored once: appending to `self`'s array from inside the closure
        // would go through `self` at every step.
        var passed: [Candidate] = []
        passed.reserveCapacity(analysis.tokens.count / 8 + 1)
        union.withProbe { probe in
            Self.forEachPosition(analysis) { keys, token in
                if probe.mayStartPhrase(keys) { passed.append(Candidate(keys: keys, token: token)) }
            }
        }
        candidates = passed
        registrationsCovered = registered
    }

    /// Calls `body` with the keys of every token other than space, in order. Two plain loops:
    /// the first gathers those tokens' hashes paragraph by paragraph (no key reaches past a
    /// paragraph break) and the few possessives' base hashes; the second combines each hash with
    /// the next two's.
    @inline(__always)
    static func forEachPosition(_ analysis: Analysis, _ body: (Keys, Int32) -> Void) {
        // Where each paragraph's run of tokens ends, and the possessives (position in `words`,
        // base hash) in order.
        var paragraphEnds: [Int] = []
        var possessives: [(position: Int, base: UInt64)] = []
        let words = analysis.tokens.withUnsafeBufferPointer { tokens in
            analysis.prose.withUnsafeBufferPointer { prose in
                [Word](unsafeUninitializedCapacity: tokens.count) { words, count in
                    for index in 0..<tokens.count {
                        let token = tokens[index]
                        if token.kind == .space {
                            if token.isParagraphBreak && paragraphEnds.last != count { paragraphEnds.append(count) }
                            continue
                        }
                        // Only a word ending in "s" can be a possessive: the rest are not asked.
                        if token.kind == .word, token.length > 2, prose[Int(token.end) - 1] | 0x20 == 0x73,
                           let base = analysis.possessiveBase(of: token) {
                            possessives.append((count, base.hash))
                        }
                        words.initializeElement(at: count, to: Word(hash: token.foldedHash, index: Int32(truncatingIfNeeded: index)))
                        count += 1
                    }
                }
            }
        }
        if paragraphEnds.last != words.count { paragraphEnds.append(words.count) }
        words.withUnsafeBufferPointer { words in
            var start = 0
            var nextPossessive = 0
            for end in paragraphEnds {
                for position in start..<end {
                    let hash = words[position].hash
                    var keys = Keys(one: Self.position(hash))
                    var pair: UInt64 = 0
                    if position + 1 < end {
                        pair = combine(hash, words[position + 1].hash)
                        keys.two = Self.position(pair)
                        keys.flags = Keys.hasSecond
                        if position + 2 < end {
                            keys.three = Self.position(combine(pair, words[position + 2].hash))
                            keys.flags |= Keys.hasThird
                        }
                    }
                    // A possessive can only end a phrase, and the filters hold its base form:
                    // its base is tried where it would end a phrase of one, two or three tokens.
                    while nextPossessive < possessives.count && possessives[nextPossessive].position < position { nextPossessive += 1 }
                    var probe = nextPossessive
                    while probe < possessives.count && possessives[probe].position < min(position + 3, end) {
                        let (at, base) = possessives[probe]
                        switch at - position {
                        case 0:
                            keys.possessiveOne = Self.position(base)
                            keys.flags |= Keys.possessiveFirst
                        case 1:
                            keys.possessiveTwo = Self.position(combine(hash, base))
                            keys.flags |= Keys.possessiveSecond
                        default:
                            keys.possessiveThree = Self.position(combine(pair, base))
                            keys.flags |= Keys.possessiveThird
                        }
                        probe += 1
                    }
                    body(keys, words[position].index)
                }
                start = end
            }
        }
    }

    @inline(__always)
    static func combine(_ first: UInt64, _ next: UInt64) -> UInt64 { first &* 31 &+ next }

    /// A hash's bit in a matcher's filters, before the mask for the filter's size: a slice of
    /// its high bits.
    @inline(__always)
    static func position(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: (hash ^ (hash >> 29)) >> 20) }
}

/// Every phrase matcher's bit filters OR-ed together, for the process: a document's start keys
/// are tested against it once, and each matcher then confirms only the positions it passes
/// instead of walking every position of the document again. A superset of every matcher's
/// filters, so no matcher's start is ever left out; a matcher made after a document's keys were
/// read walks every position (`PhraseStarts.registrationsCovered`).
private final class PhraseFilterUnion: @unchecked Sendable {
    static let shared = PhraseFilterUnion()
    private let lock = Lock()
    private var filters = PhraseMatcher.Filters()
    private var registered = 0

    /// Adds a matcher's filters; its registration number.
    func register(_ filters: PhraseMatcher.Filters) -> Int {
        lock.withLock {
            self.filters.formUnion(filters)
            registered += 1
            return registered - 1
        }
    }

    func snapshot() -> (PhraseMatcher.Filters, Int) {
        lock.withLock { (filters, registered) }
    }
}

/// Tokenizes phrase lists the way documents are tokenized, in one ICU pass for the whole list:
/// the phrases are read as the paragraphs of one document.
enum PhraseTokenizer {
    /// Every phrase's token hashes (spaces left out) in one array, phrase `i`'s at
    /// `hashes[ends[i - 1]..<ends[i]]`: no array per phrase to make and free.
    struct Flat {
        var hashes: [UInt64] = []
        var ends: [Int] = []
    }

    /// The token hashes of every phrase, as `tokenHashes` gives them, laid end to end.
    static func flatTokenHashes(_ phrases: [String]) throws(ICUError) -> Flat {
        var flat = Flat()
        flat.ends.reserveCapacity(phrases.count)
        flat.hashes.reserveCapacity(phrases.count * 3)
        var others: [Int] = []
        for (index, phrase) in phrases.enumerated() {
            if !appendPlainWordHashes(phrase, to: &flat.hashes) { others.append(index) }
            flat.ends.append(flat.hashes.count)
        }
        guard !others.isEmpty else { return flat }
        // The few phrases ICU must break, put in their places.
        let segmented = try segmentedTokenHashes(others.map { phrases[$0] })
        var merged = Flat()
        merged.ends.reserveCapacity(phrases.count)
        merged.hashes.reserveCapacity(flat.hashes.count + segmented.reduce(0) { $0 + $1.count })
        var nextOther = 0
        var start = 0
        for (index, end) in flat.ends.enumerated() {
            if nextOther < others.count && others[nextOther] == index {
                merged.hashes += segmented[nextOther]
                nextOther += 1
            } else {
                merged.hashes += flat.hashes[start..<end]
            }
            merged.ends.append(merged.hashes.count)
            start = end
        }
        return merged
    }

    /// For each phrase, the folded hashes of its tokens other than spaces.
    static func tokenHashes(_ phrases: [String]) throws(ICUError) -> [[UInt64]] {
        // Phrases of plain words need no ICU (`plainWordHashes`); the others are broken together.
        var result = phrases.map { plainWordHashes($0) ?? [] }
        let others = phrases.indices.filter { result[$0].isEmpty }
        for (index, hashes) in zip(others, try segmentedTokenHashes(others.map { phrases[$0] })) { result[index] = hashes }
        return result
    }

    /// For each phrase, the folded hashes of its tokens other than spaces, by ICU word breaking.
    static func segmentedTokenHashes(_ phrases: [String]) throws(ICUError) -> [[UInt64]] {
        guard !phrases.isEmpty else { return [] }
        var text: [UInt8] = []
        var starts: [Int] = []
        for phrase in phrases {
            starts.append(text.count)
            // A line break inside a phrase would split it; phrases are one line by the file format.
            text += phrase.utf8.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
            text += [0x0A, 0x0A]
        }
        let analysis = try Analyzer().analyze(PlainTextReader().read(text))
        var result = [[UInt64]](repeating: [], count: phrases.count)
        var phrase = 0
        for token in analysis.tokens where token.kind != .space {
            while phrase + 1 < starts.count && Int(token.start) >= starts[phrase + 1] { phrase += 1 }
            result[phrase].append(token.foldedHash)
        }
        return result
    }
}
