/// A map from 64-bit hashes (folded word hashes, line keys: already well mixed) to indices, by
/// open addressing on the hash itself: a `Dictionary` would hash each key again, and the
/// per-document tables kalka keeps are looked up once per token or word. Any key may be stored,
/// 0 included; kept at most half full, so a miss ends after a probe or two.
package struct HashKeyedTable: Sendable {
    private var keys: [UInt64]
    /// By slot: the value stored, or -1 for an empty slot.
    private var values: [Int]
    /// The value of key 0, or -1.
    private var zero = -1
    private var used = 0

    /// Room for `capacity` keys before the table first grows.
    package init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int](repeating: -1, count: size)
    }

    /// The value stored for `key`; values are indices (never negative), and are never removed.
    package subscript(key: UInt64) -> Int? {
        get {
            let value = key == 0 ? zero : values[slot(of: key)]
            return value < 0 ? nil : value
        }
        set {
            guard let newValue else { return }
            precondition(newValue >= 0, "HashKeyedTable holds indices")
            if key == 0 { zero = newValue; return }
            let slot = slot(of: key)
            if values[slot] < 0 {
                keys[slot] = key
                used += 1
            }
            values[slot] = newValue
            if used * 2 > keys.count { grow() }
        }
    }

    /// The slot holding `key`, or the empty slot where it goes.
    @inline(__always) private func slot(of key: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while values[slot] >= 0 && keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int](repeating: -1, count: oldKeys.count * 2)
        for index in oldKeys.indices where oldValues[index] >= 0 {
            let slot = slot(of: oldKeys[index])
            keys[slot] = oldKeys[index]
            values[slot] = oldValues[index]
        }
    }
}
