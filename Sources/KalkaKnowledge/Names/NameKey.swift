import ICUKit
import KalkaModel
import KalkaText

/// A spelling-insensitive key for Latin renderings of Slavic names: romanizations of the same
/// Cyrillic name share it (Zelensky, Zelenskyy, Zelenskiy; Oleksii, Oleksiy; Sergei, Sergey),
/// while different names keep different keys (Kyiv and Kiev differ in a vowel, not a rendering).
public enum NameKey {
    /// Rewrites in order: digraphs first, then the letters romanizations disagree on.
    private static let rewrites: [(String, String)] = [
        ("shch", "sc"), ("sch", "sc"), ("zh", "z"), ("kh", "h"), ("tch", "c"), ("ts", "c"), ("tz", "c"),
        ("ch", "c"), ("sh", "s"),
        ("ye", "e"), ("ie", "e"), ("yu", "u"), ("iu", "u"), ("ya", "a"), ("ia", "a"), ("yo", "o"), ("io", "o"),
        ("yy", "i"), ("iy", "i"), ("ij", "i"), ("ii", "i"), ("yi", "i"), ("y", "i"), ("j", "i"),
        ("g", "h"), ("w", "v"), ("x", "ks"), ("'", ""), ("’", ""),
    ]

    public static func of(_ word: String) -> String {
        // A step for `WorkCounter` (debug builds): NAM003 keys ASCII names without this.
        WorkCounter.count(1)
        var key: [UInt8] = []
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII, as nearly every name: lowercasing maps A–Z alone, and there are no diacritics.
            var word = word
            word.withUTF8 { bytes in emitKey(bytes) { key.append($0) } }
        } else {
            var lowered = loweredWithoutDiacritics(word)
            lowered.withUTF8 { bytes in emitKey(bytes) { key.append($0) } }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// The FNV-1a hash of the key's bytes (`NameKey.of`) of the word's UTF-8 bytes, without
    /// building the key or the word: it runs for every distinct capitalized word of a document,
    /// and nearly all are ASCII, whose key is hashed as it is made.
    public static func hash(utf8 word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = FoldedHash.offsetBasis
        func add(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* FoldedHash.prime }
        if word.allSatisfy({ $0 < 0x80 }) {
            emitKey(word, add)
        } else {
            for byte in of(String(decoding: word, as: UTF8.self)).utf8 { add(byte) }
        }
        return hash
    }

    /// Lowercase without diacritics (ē → e, č → c); ICU's NFD only when there is any.
    private static func loweredWithoutDiacritics(_ word: String) -> String {
        let lowered = word.lowercased()
        guard !lowered.utf8.allSatisfy({ $0 < 0x80 }) else { return lowered }
        let decomposed = (try? Normalizer.nfd(lowered)) ?? lowered
        return String(String.UnicodeScalarView(decomposed.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }))
    }

    /// The key's bytes, in order, of `bytes` (lowercase, or ASCII to be lowercased here).
    /// One greedy pass: at each position the first rewrite that matches applies (the list puts
    /// digraphs before their letters); then doubled letters are dropped, a rendering choice too
    /// (Zaporizhzhia, Zaporizhia).
    @inline(__always)
    private static func emitKey(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (UInt8) -> Void) {
        @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
        var last: UInt8? = nil
        @inline(__always) func put(_ byte: UInt8) {
            if byte != last { emit(byte) }
            last = byte
        }
        Self.rewriteTable.withUnsafeBufferPointer { table in
            Self.rewriteRanges.withUnsafeBufferPointer { ranges in
                var index = 0
                scan: while index < bytes.count {
                    let byte = lower(bytes[index])
                    // Only the rewrites starting with this byte are tried (most letters start none).
                    for rewrite in table[Int(ranges[Int(byte)])..<Int(ranges[Int(byte) + 1])] where bytes.count - index >= rewrite.fromCount {
                        var matches = true
                        for offset in 1..<rewrite.fromCount where lower(bytes[index + offset]) != UInt8(truncatingIfNeeded: rewrite.from >> (8 * offset)) {
                            matches = false
                            break
                        }
                        if matches {
                            for offset in 0..<rewrite.toCount { put(UInt8(truncatingIfNeeded: rewrite.to >> (8 * offset))) }
                            index += rewrite.fromCount
                            continue scan
                        }
                    }
                    put(byte)
                    index += 1
                }
            }
        }
    }

    /// A rewrite with its bytes packed, first byte lowest: the key runs for every distinct
    /// capitalized word, and plain values read from one flat table cost no reference counting.
    private struct Rewrite {
        var from: UInt32
        var fromCount: Int
        var to: UInt16
        var toCount: Int
    }

    /// The rewrites grouped by first byte, each group in the list's order (so the first that
    /// matches is the list's first that matches); byte b's group is
    /// `rewriteRanges[b]..<rewriteRanges[b + 1]`.
    private static let (rewriteTable, rewriteRanges): ([Rewrite], [Int32]) = {
        func packed(_ bytes: [UInt8]) -> UInt32 { bytes.enumerated().reduce(0) { $0 | UInt32($1.element) << (8 * $1.offset) } }
        var table: [Rewrite] = []
        var ranges: [Int32] = [0]
        for byte in 0..<256 {
            for (from, to) in rewrites where from.utf8.first == UInt8(byte) {
                precondition(from.utf8.count <= 4 && to.utf8.count <= 2)
                table.append(Rewrite(from: packed(Array(from.utf8)), fromCount: from.utf8.count, to: UInt16(packed(Array(to.utf8))), toCount: to.utf8.count))
            }
            ranges.append(Int32(table.count))
        }
        return (table, ranges)
    }()
}
