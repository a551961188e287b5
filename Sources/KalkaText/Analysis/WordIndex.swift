import KalkaModel

/// Where each word of a document stands, found in one walk for every rule that starts from a few
/// words ("village of", "XX century", "and", "that"): such a rule visits the occurrences of its
/// words instead of testing every token against its set.
///
/// Keyed by folded hash, over every token but spaces (a rule's set is tested against a token's
/// hash whatever its kind): an open-addressing table of the distinct hashes, each with its first
/// occurrence, and a chain through the tokens to the next occurrence of the same hash.
package struct WordIndex: Sendable {
    private let keys: [UInt64]
    /// By slot: the first token with the slot's hash, or -1.
    private let heads: [Int32]
    /// By token: the next token with the same hash, or -1.
    private let next: [Int32]
    /// Hash 0 marks an empty slot; its tokens are chained from here.
    private let zeroHead: Int32
    /// The tokens indexed (the analysis's own array, shared, not copied).
    private let tokens: [Token]

    private static let fact = DocumentFact<WordIndex>()

    package static func of(_ analysis: Analysis) -> WordIndex {
        analysis.fact(fact) { WordIndex(analysis.tokens) }
    }

    init(_ tokens: [Token]) {
        // The table grows as distinct hashes come; it is worked on through pointers, one probe
        // and two stores a token. A document has far fewer distinct words than tokens, about
        // 16 √tokens in news text (the vocabulary grows as a power of the length, Heaps' law):
        // sized for that at half load, a table seldom grows, and a small one is not cleared
        // bigger than it needs.
        var capacity = 1024
        while capacity < 32 * Int(Double(tokens.count).squareRoot()) { capacity <<= 1 }
        var keys = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: capacity)
        var heads = UnsafeMutableBufferPointer<Int32>.allocate(capacity: capacity)
        keys.initialize(repeating: 0)
        heads.initialize(repeating: -1)
        var used = 0
        var zeroHead: Int32 = -1
        next = [Int32](unsafeUninitializedCapacity: tokens.count) { next, count in
            tokens.withUnsafeBufferPointer { tokens in
                // Backwards, so that each chain runs in token order.
                var index = tokens.count - 1
                while index >= 0 {
                    defer { index -= 1 }
                    let token = tokens[index]
                    guard token.kind != .space else { next[index] = -1; continue }
                    let hash = token.foldedHash
                    if hash == 0 {
                        next[index] = zeroHead
                        zeroHead = Int32(index)
                        continue
                    }
                    let slot = Self.probe(hash, UnsafeBufferPointer(keys))
                    if keys[slot] == 0 {
                        keys[slot] = hash
                        used += 1
                    }
                    next[index] = heads[slot]
                    heads[slot] = Int32(index)
                    // At most half full: a miss ends after a probe or two.
                    if used * 2 > capacity {
                        let (grownKeys, grownHeads) = Self.grown(keys, heads)
                        keys.deallocate()
                        heads.deallocate()
                        keys = grownKeys
                        heads = grownHeads
                        capacity = keys.count
                    }
                }
            }
            count = tokens.count
        }
        self.keys = Array(keys)
        self.heads = Array(heads)
        self.zeroHead = zeroHead
        self.tokens = tokens
        keys.deallocate()
        heads.deallocate()
    }

    /// The slot holding `hash`, or the empty slot where it goes: the one probe every lookup and
    /// insertion uses.
    @inline(__always) private static func probe(_ hash: UInt64, _ keys: UnsafeBufferPointer<UInt64>) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while keys[slot] != 0 && keys[slot] != hash { slot = (slot + 1) & mask }
        return slot
    }

    /// The table at twice the size, its entries placed again.
    private static func grown(_ keys: UnsafeMutableBufferPointer<UInt64>, _ heads: UnsafeMutableBufferPointer<Int32>)
        -> (UnsafeMutableBufferPointer<UInt64>, UnsafeMutableBufferPointer<Int32>) {
        let newKeys = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: keys.count * 2)
        let newHeads = UnsafeMutableBufferPointer<Int32>.allocate(capacity: keys.count * 2)
        newKeys.initialize(repeating: 0)
        newHeads.initialize(repeating: -1)
        for (key, head) in zip(keys, heads) where key != 0 {
            let slot = probe(key, UnsafeBufferPointer(newKeys))
            newKeys[slot] = key
            newHeads[slot] = head
        }
        return (newKeys, newHeads)
    }

    /// The slot of `hash` in the finished table, if it holds it.
    private func slot(of hash: UInt64) -> Int? {
        keys.withUnsafeBufferPointer { keys in
            let slot = Self.probe(hash, keys)
            return keys[slot] == hash ? slot : nil
        }
    }

    /// One value per token, worked out once per distinct hash: `value(hash)` for every token but
    /// spaces, `absent` for spaces. A rule that classifies words (the sentence model) asks its
    /// table once per distinct word instead of once per occurrence.
    package func valuesByToken(absent: UInt16, _ value: (UInt64) -> UInt16) -> [UInt16] {
        // Each distinct hash's value, by slot; then the tokens in order, each finding its slot.
        var slotValues = [UInt16](repeating: absent, count: keys.count)
        for slot in keys.indices where keys[slot] != 0 { slotValues[slot] = value(keys[slot]) }
        let zeroValue = zeroHead >= 0 ? value(0) : absent
        return [UInt16](unsafeUninitializedCapacity: tokens.count) { result, count in
            slotValues.withUnsafeBufferPointer { slotValues in
                forEachSlot { index, slot in
                    let value = slot == Self.space ? absent : slot == Self.zeroSlot ? zeroValue : slotValues[slot]
                    result.initializeElement(at: index, to: value)
                }
            }
            count = tokens.count
        }
    }

    /// Calls `body` with each token's index and slot, in token order (`space` for a space,
    /// `zeroSlot` for hash 0). A pass over the tokens that finds each one's slot again in the
    /// table is far cheaper than following each word's chain through the token array: the
    /// table is a fraction of the tokens' size and stays in cache, and the probes do not wait
    /// on each other, while every step down a chain is a dependent load from anywhere in the
    /// document (a cache miss per occurrence on a large one).
    @inline(__always)
    private func forEachSlot(_ body: (Int, Int) -> Void) {
        keys.withUnsafeBufferPointer { keys in
            tokens.withUnsafeBufferPointer { tokens in
                for index in 0..<tokens.count {
                    let token = tokens[index]
                    guard token.kind != .space else { body(index, Self.space); continue }
                    // Every token but spaces is in the table: the probe ends on its own slot.
                    let hash = token.foldedHash
                    body(index, hash == 0 ? Self.zeroSlot : Self.probe(hash, keys))
                }
            }
        }
    }

    private static let space = -1
    private static let zeroSlot = -2

    /// The tokens (other than spaces) whose folded hash is `hash`, in order.
    package func occurrences(of hash: UInt64) -> [Int] {
        var result: [Int] = []
        var index = hash == 0 ? zeroHead : slot(of: hash).map { heads[$0] } ?? -1
        while index >= 0 {
            result.append(Int(index))
            index = next[Int(index)]
        }
        return result
    }

    /// The tokens that `token` accepts among those whose folded hash `hash` accepts, in order:
    /// `hash` is asked once per distinct word of the document, not once per token, so a test
    /// that depends on the hash alone (a dictionary lookup) rules out all of a word's tokens at once.
    package func tokens(whereHash hash: (UInt64) -> Bool, whereToken token: (Int32) -> Bool) -> [Int32] {
        var accepted = [Bool](repeating: false, count: keys.count)
        for slot in keys.indices where keys[slot] != 0 { accepted[slot] = hash(keys[slot]) }
        let zeroAccepted = zeroHead >= 0 && hash(0)
        var result: [Int32] = []
        accepted.withUnsafeBufferPointer { accepted in
            forEachSlot { index, slot in
                guard slot == Self.zeroSlot ? zeroAccepted : slot >= 0 && accepted[slot] else { return }
                if token(Int32(truncatingIfNeeded: index)) { result.append(Int32(truncatingIfNeeded: index)) }
            }
        }
        return result
    }

    /// The tokens whose folded hash is one of `hashes`, in order (each once).
    package func occurrences(ofAny hashes: some Sequence<UInt64>) -> [Int] {
        var result: [Int] = []
        for hash in Set(hashes) { result += occurrences(of: hash) }
        return result.sorted()
    }
}
