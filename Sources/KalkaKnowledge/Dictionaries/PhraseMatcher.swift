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
    /// Bit filters on a phrase's first tokens (28 KB together, in the fastest cache however long
    /// the list grows): a bit per one-word phrase, per two-word phrase, and per first three
    /// tokens of a longer phrase. Every position pays the same few probes whatever the list's
    /// size — a common word or pair such as "of the" that only begins phrases goes no further
    /// unless the next token fits too — so only real partial matches reach the edge tables.
    private var oneWordFilter: BitFilter
    private var twoWordFilter: BitFilter
    private var threeTokenFilter: BitFilter
    /// For each node, the phrase that ends there (-1: none).
    private var terminal: [Int32] = [-1]
    /// This matcher's place among all the process's matchers (`PhraseFilterUnion`).
    private var registration = 0

    public var isEmpty: Bool { rootEdges.count == 0 }

    fileprivate static let oneWordBits = 1 << 15
    fileprivate static let twoWordBits = 1 << 16
    fileprivate static let threeTokenBits = 1 << 17

    public init(_ phrases: [String]) throws(ICUError) {
        rootEdges = EdgeTable()
        innerEdges = EdgeTable()
        oneWordFilter = BitFilter(bits: Self.oneWordBits)
        twoWordFilter = BitFilter(bits: Self.twoWordBits)
        threeTokenFilter = BitFilter(bits: Self.threeTokenBits)
        for (index, hashes) in try PhraseTokenizer.tokenHashes(phrases).enumerated() {
            guard let first = hashes.first else { continue }
            switch hashes.count {
            case 1: oneWordFilter.insert(first)
            case 2: twoWordFilter.insert(PhraseStarts.combine(first, hashes[1]))
            default: threeTokenFilter.insert(PhraseStarts.combine(PhraseStarts.combine(first, hashes[1]), hashes[2]))
            }
            var node: Int32 = 0
            for hash in hashes {
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
        registration = PhraseFilterUnion.shared.register(oneWordFilter, twoWordFilter, threeTokenFilter)
    }

    /// Whether a phrase may start at a token with these keys (never a false "no"): it is a
    /// one-word phrase, or with the next token a two-word phrase, or with the next two the start
    /// of a longer one — a possessive (only ever a phrase's last word, as in "Verkhovna Rada's")
    /// passing in any of the three places, since the filters hold the base form.
    @inline(__always)
    private func mayStartPhrase(_ keys: PhraseStarts.Keys) -> Bool {
        Self.mayStartPhrase(keys, oneWordFilter, twoWordFilter, threeTokenFilter)
    }

    @inline(__always)
    fileprivate static func mayStartPhrase(_ keys: PhraseStarts.Keys, _ one: BitFilter, _ two: BitFilter, _ three: BitFilter) -> Bool {
        if keys.flags & PhraseStarts.Keys.possessiveWithinThree != 0 || one.contains(position: keys.one) { return true }
        guard keys.flags & PhraseStarts.Keys.hasSecond != 0 else { return false }
        if two.contains(position: keys.two) { return true }
        return keys.flags & PhraseStarts.Keys.hasThird != 0 && three.contains(position: keys.three)
    }

    /// A fixed-size bit set indexed by a slice of a hash's high bits (`PhraseStarts.position`,
    /// masked to the set's size).
    fileprivate struct BitFilter: Sendable {
        private var words: [UInt64]
        private let mask: UInt32

        init(bits: Int) {
            words = Array(repeating: 0, count: bits / 64)
            mask = UInt32(bits - 1)
        }

        mutating func insert(_ hash: UInt64) {
            let bit = Int(PhraseStarts.position(hash) & mask)
            words[bit >> 6] |= 1 << UInt64(bit & 63)
        }

        /// Every bit of `other` (a filter of the same size) set here too.
        mutating func formUnion(_ other: BitFilter) {
            for index in words.indices { words[index] |= other.words[index] }
        }

        @inline(__always)
        func contains(position: UInt32) -> Bool {
            let bit = Int(position & mask)
            return words.withUnsafeBufferPointer { $0[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }
        }
    }

    @inline(__always)
    private func child(of node: Int32, _ token: UInt64) -> Int32? {
        node == 0 ? rootEdges.child(of: 0, token) : innerEdges.child(of: node, token)
    }

    /// An open-addressing table of edges, at most half full.
    private struct EdgeTable {
        private var slots = Array(repeating: Edge.empty, count: 16)
        private(set) var count = 0

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
        var found: [Match] = []
        let starts = PhraseStarts.of(analysis)
        // The positions some matcher's filters pass, when the document's start keys were read
        // after this matcher was made (the usual case: matchers are made with the rules);
        // otherwise every position.
        let entries = registration < starts.registrationsCovered ? starts.candidates : nil
        // The cheap tests on the keys every matcher shares: nearly every position fails them.
        starts.keys.withUnsafeBufferPointer { keys in
            starts.tokenIndices.withUnsafeBufferPointer { tokenIndices in
                var lastMatched = -1
                func consider(_ entry: Int) {
                    guard Int(tokenIndices[entry]) > lastMatched, mayStartPhrase(keys[entry]),
                          let match = longestMatch(in: analysis, at: Int(tokenIndices[entry])) else { return }
                    found.append(match)
                    // Matches do not overlap: go on after this one's last token.
                    lastMatched = match.tokens.upperBound
                }
                if let entries {
                    for entry in entries { consider(Int(entry)) }
                } else {
                    for entry in 0..<keys.count { consider(entry) }
                }
            }
        }
        return found
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
/// Sixteen bytes a token, so a matcher's walk reads little memory and hashes nothing.
package struct PhraseStarts: Sendable {
    package struct Keys: Sendable {
        var one: UInt32
        var two: UInt32
        var three: UInt32
        var flags: UInt8

        static let hasSecond: UInt8 = 1
        static let hasThird: UInt8 = 2
        /// The token, or one of the next two, ends in "'s" / "’s".
        static let possessiveWithinThree: UInt8 = 4
    }

    /// The token index of each entry of `keys`.
    package private(set) var tokenIndices: [Int32] = []
    package private(set) var keys: [Keys] = []
    /// The entries of `keys` that the union of every matcher's filters passes, and how many
    /// matchers that union held: a matcher made before then confirms only these entries.
    fileprivate private(set) var candidates: [Int32] = []
    fileprivate private(set) var registrationsCovered = 0

    private static let fact = DocumentFact<PhraseStarts>()

    package static func of(_ analysis: Analysis) -> PhraseStarts {
        analysis.fact(fact) { PhraseStarts(analysis) }
    }

    private init(_ analysis: Analysis) {
        // Built in locals and stored once: appending to `self`'s arrays from inside the closures
        // would go through `self` at every step.
        var allKeys: [Keys] = []
        var indices: [Int32] = []
        analysis.tokens.withUnsafeBufferPointer { tokens in
            analysis.prose.withUnsafeBufferPointer { prose in
                // The significant tokens in order, -1 after each paragraph: no key reaches past a
                // paragraph break.
                var order: [Int32] = []
                order.reserveCapacity(tokens.count / 2 + 1)
                for index in 0..<tokens.count {
                    let token = tokens[index]
                    if token.kind != .space {
                        order.append(Int32(index))
                    } else if token.isParagraphBreak {
                        order.append(-1)
                    }
                }
                allKeys.reserveCapacity(order.count)
                indices.reserveCapacity(order.count)
                order.withUnsafeBufferPointer { order in
                    for position in 0..<order.count where order[position] >= 0 {
                        let first = tokens[Int(order[position])]
                        var keys = Keys(one: Self.position(first.foldedHash), two: 0, three: 0, flags: 0)
                        var possessive = Self.endsInPossessive(first, prose)
                        if position + 1 < order.count, order[position + 1] >= 0 {
                            let second = tokens[Int(order[position + 1])]
                            let pair = Self.combine(first.foldedHash, second.foldedHash)
                            keys.flags |= Keys.hasSecond
                            keys.two = Self.position(pair)
                            possessive = possessive || Self.endsInPossessive(second, prose)
                            if position + 2 < order.count, order[position + 2] >= 0 {
                                let third = tokens[Int(order[position + 2])]
                                keys.flags |= Keys.hasThird
                                keys.three = Self.position(Self.combine(pair, third.foldedHash))
                                possessive = possessive || Self.endsInPossessive(third, prose)
                            }
                        }
                        if possessive { keys.flags |= Keys.possessiveWithinThree }
                        allKeys.append(keys)
                        indices.append(order[position])
                    }
                }
            }
        }
        keys = allKeys
        tokenIndices = indices
        let (one, two, three, registered) = PhraseFilterUnion.shared.snapshot()
        var passed: [Int32] = []
        passed.reserveCapacity(allKeys.count / 4)
        for (entry, keys) in allKeys.enumerated() where PhraseMatcher.mayStartPhrase(keys, one, two, three) {
            passed.append(Int32(entry))
        }
        candidates = passed
        registrationsCovered = registered
    }

    @inline(__always)
    static func combine(_ first: UInt64, _ next: UInt64) -> UInt64 { first &* 31 &+ next }

    /// A hash's bit in a matcher's filters, before the mask for the filter's size: a slice of
    /// its high bits.
    @inline(__always)
    static func position(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: (hash ^ (hash >> 29)) >> 20) }

    /// "…'s" or "…’s": the bytes only, no hashing (`Analysis.possessiveBase` does the rest).
    @inline(__always)
    private static func endsInPossessive(_ token: Token, _ prose: UnsafeBufferPointer<UInt8>) -> Bool {
        let end = Int(token.end)
        guard token.kind == .word, token.length > 2, prose[end - 1] | 0x20 == 0x73 else { return false }
        return prose[end - 2] == 0x27 || (token.length > 4 && prose[end - 2] == 0x99 && prose[end - 3] == 0x80 && prose[end - 4] == 0xE2)
    }
}

/// Every phrase matcher's bit filters OR-ed together, for the process: a document's start keys
/// are tested against it once, and each matcher then confirms only the positions it passes
/// instead of walking every position of the document again. A superset of every matcher's
/// filters, so no matcher's start is ever left out; a matcher made after a document's keys were
/// read walks every position (`PhraseStarts.registrationsCovered`).
private final class PhraseFilterUnion: @unchecked Sendable {
    static let shared = PhraseFilterUnion()
    private let lock = Lock()
    private var one = PhraseMatcher.BitFilter(bits: PhraseMatcher.oneWordBits)
    private var two = PhraseMatcher.BitFilter(bits: PhraseMatcher.twoWordBits)
    private var three = PhraseMatcher.BitFilter(bits: PhraseMatcher.threeTokenBits)
    private var registered = 0

    /// Adds a matcher's filters; its registration number.
    func register(_ one: PhraseMatcher.BitFilter, _ two: PhraseMatcher.BitFilter, _ three: PhraseMatcher.BitFilter) -> Int {
        lock.withLock {
            self.one.formUnion(one)
            self.two.formUnion(two)
            self.three.formUnion(three)
            registered += 1
            return registered - 1
        }
    }

    func snapshot() -> (PhraseMatcher.BitFilter, PhraseMatcher.BitFilter, PhraseMatcher.BitFilter, Int) {
        lock.withLock { (one, two, three, registered) }
    }
}

/// Tokenizes phrase lists the way documents are tokenized, in one ICU pass for the whole list:
/// the phrases are read as the paragraphs of one document.
enum PhraseTokenizer {
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
