import KalkaText

/// english/word-classes.tsv as the build laid it out (the EmbedDictionaries tool): one
/// open-addressing table of folded hashes with each word's class, read where the literal lies.
/// Start-up builds nothing from it: the sentence model's classes, the page layout's English
/// words and `DictionaryStore.englishWords` all ask this one table.
package struct EnglishWordTable: Sendable {
    /// Set in a value when the word can be a finite verb; the rest is an index into `labels`.
    package static let finiteFlag: UInt16 = 0x8000
    /// The class column's values, in order of first appearance.
    package let labels: [String]
    /// The longest word, in UTF-8 bytes.
    package let longestWord: Int
    /// Distinct words.
    package let count: Int
    let slots: ReadyWordSlots

    /// The class value of the word with folded hash `hash` (`labels` index, `finiteFlag`), or nil.
    @inline(__always)
    package func value(_ hash: UInt64) -> UInt16? { slots.value(hash) }

    /// The built-in table, if the build made one.
    package static let builtIn: EnglishWordTable? = EmbeddedDictionaries.wordClasses.map { table in
        EnglishWordTable(labels: table.labels, longestWord: table.longestWord, count: table.count, slots: ReadyWordSlots(table.slots))
    }
}

/// Slots of 20 hex digits in a static string: a folded hash (16, zeros for an empty slot) and
/// a 16-bit value (4), probed as `HashSet64` probes. Only a probed slot's digits are decoded.
@usableFromInline
struct ReadyWordSlots: @unchecked Sendable {
    /// Static data: lives as long as the process.
    @usableFromInline let base: UnsafePointer<UInt8>
    @usableFromInline let mask: Int
    static let width = 20

    init(_ text: StaticString) {
        base = text.utf8Start
        let capacity = text.utf8CodeUnitCount / Self.width
        precondition(capacity > 0 && capacity & (capacity - 1) == 0, "slot count must be a power of two")
        mask = capacity - 1
    }

    @inlinable @inline(__always)
    func value(_ key: UInt64) -> UInt16? {
        guard key != 0 else { return nil }
        let high = key >> 32, low = key & 0xFFFF_FFFF
        var index = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while true {
            let slot = base + index &* 20
            // Most probes that miss differ in the first eight digits.
            let storedHigh = Self.hex8(slot)
            if storedHigh == high {
                if Self.hex8(slot + 8) == low { return UInt16(truncatingIfNeeded: Self.hex8(slot + 12) & 0xFFFF) }
            }
            if storedHigh == 0 && Self.hex8(slot + 8) == 0 { return nil }
            index = (index &+ 1) & mask
        }
    }

    @inlinable @inline(__always)
    func contains(_ key: UInt64) -> Bool { value(key) != nil }

    /// Eight lowercase hex digits in one word: each byte to its digit's value ('0'-'9' keep
    /// their low nibble, 'a'-'f' add 9 to theirs), then the nibbles packed pairwise.
    @inlinable @inline(__always)
    static func hex8(_ bytes: UnsafePointer<UInt8>) -> UInt64 {
        var word = UInt64(littleEndian: UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self))
        word = (word & 0x0F0F_0F0F_0F0F_0F0F) &+ ((word >> 6) & 0x0101_0101_0101_0101) &* 9
        word = word.byteSwapped
        word = (word | word >> 4) & 0x00FF_00FF_00FF_00FF
        word = (word | word >> 8) & 0x0000_FFFF_0000_FFFF
        return (word | word >> 16) & 0xFFFF_FFFF
    }
}

extension DictionaryStore {
    /// The English word table in ready form, if this store's word list is the built-in one.
    package var englishWordTable: EnglishWordTable? {
        holdsBuiltInText(PrecomputedDictionaries.wordClassesPath) ? EnglishWordTable.builtIn : nil
    }
}
