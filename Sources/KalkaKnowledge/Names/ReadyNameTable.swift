import KalkaModel
import KalkaText

/// A big name table the build laid out (`ReadyNameTables` in the build tool), read in place: rows
/// of tab-separated fields, and a hash table from each form's key to its role and rows. Nothing
/// of it is parsed or built at start-up; a lookup decodes the few hex digits it reads.
package struct ReadyNameTable: @unchecked Sendable {
    // Static data: lives as long as the process, and is never written.
    private let entries: UnsafePointer<UInt8>
    private let offsets: UnsafePointer<UInt8>
    private let slots: UnsafePointer<UInt8>
    private let owners: UnsafePointer<UInt8>
    private let mask: Int
    /// How many rows it holds.
    package let count: Int
    /// The role of a key that is only the start of longer forms (`ReadyNameTables.prefixRole`).
    package static let prefixRole = 15

    package init(_ ready: (entries: StaticString, offsets: StaticString, slots: StaticString, owners: StaticString, capacity: Int, count: Int)) {
        entries = ready.entries.utf8Start
        offsets = ready.offsets.utf8Start
        slots = ready.slots.utf8Start
        owners = ready.owners.utf8Start
        precondition(ready.capacity > 0 && ready.capacity & (ready.capacity - 1) == 0 && ready.slots.utf8CodeUnitCount == ready.capacity * 24)
        mask = ready.capacity - 1
        count = ready.count
    }

    /// The rows a form belongs to, read from the table as they are asked for.
    package struct Rows: RandomAccessCollection, Sendable, Equatable {
        // Static data (see `ReadyNameTable`).
        nonisolated(unsafe) fileprivate let list: UnsafePointer<UInt8>
        package let count: Int
        package var startIndex: Int { 0 }
        package var endIndex: Int { count }
        package subscript(position: Int) -> Int { Int(ReadyNameTable.hex6(list + (1 + position) * 6)) }
    }

    /// The fields of row `index`.
    package func fields(_ index: Int) -> [String] {
        entry(index).split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Field `field` of row `index`, as the bytes of the table (nothing is copied).
    package func field(_ field: Int, of index: Int) -> UnsafeBufferPointer<UInt8> {
        // The tabs found by memchr: a later field sits after the place's names (its Cyrillic
        // original the longest), and building the hromadas' stems asks the kind of all 31,700 rows.
        let entry = entry(index)
        var start = 0
        for _ in 0..<field {
            guard let tab = ByteWords.firstOffset(of: 0x09, in: entry, from: start) else {
                return UnsafeBufferPointer(rebasing: entry[entry.count...])
            }
            start = tab + 1
        }
        let end = ByteWords.firstOffset(of: 0x09, in: entry, from: start) ?? entry.count
        return UnsafeBufferPointer(rebasing: entry[start..<end])
    }

    private func entry(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = Int(ReadyWordSlots.hex8(offsets + index * 8)), end = Int(ReadyWordSlots.hex8(offsets + index * 8 + 8))
        return UnsafeBufferPointer(start: entries + start, count: end - start - 1)
    }

    /// The role (its raw value) and rows of the form with this key.
    package func form(_ key: UInt64) -> (role: Int, rows: Rows)? {
        guard key != 0 else { return nil }
        let high = key >> 32, low = key & 0xFFFF_FFFF
        var index = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while true {
            let slot = slots + index &* 24
            let storedHigh = ReadyWordSlots.hex8(slot), storedLow = ReadyWordSlots.hex8(slot + 8)
            if storedHigh == high && storedLow == low {
                let value = ReadyWordSlots.hex8(slot + 16)
                let list = owners + Int(value & 0x0FFF_FFFF) * 6
                return (Int(value >> 28), Rows(list: list, count: Int(Self.hex6(list))))
            }
            if storedHigh == 0 && storedLow == 0 { return nil }
            index = (index &+ 1) & mask
        }
    }

    /// The key of a form: `FoldedHash.combine` of its words' hashes, as a document's tokens give
    /// them one after another (`combine(into:)`).
    package static func key(of words: some Sequence<UInt64>) -> UInt64 {
        var key = FoldedHash.offsetBasis
        for word in words { combine(word, into: &key) }
        return key
    }

    @inline(__always)
    package static func combine(_ word: UInt64, into key: inout UInt64) {
        key = (key ^ word) &* FoldedHash.prime &+ 0x9E37_79B9
    }

    /// The rows of a list the build wrote as 6 hex digits each (`ReadyNameTables`' kind index).
    package static func rows(listed digits: StaticString) -> [Int] {
        digits.withUTF8Buffer { digits in
            guard let base = digits.baseAddress else { return [] }
            return stride(from: 0, to: digits.count - digits.count % 6, by: 6).map { Int(hex6(base + $0)) }
        }
    }

    fileprivate static func hex6(_ bytes: UnsafePointer<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        for offset in 0..<6 {
            let byte = bytes[offset]
            value = value << 4 | UInt64(byte <= 0x39 ? byte &- 0x30 : byte &- 0x57)
        }
        return value
    }
}
