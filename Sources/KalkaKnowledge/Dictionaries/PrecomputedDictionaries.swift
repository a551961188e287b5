import KalkaText

/// The big tables in the ready form the build derived from their text (the EmbedDictionaries
/// tool), so that start-up parses none of them: parsing the 40,000-word class list and
/// compiling ICU transliterators for the names' Russian-based spellings were most of a small
/// run. The text stays the reviewable source; `PrecomputedDictionaryTests` checks every entry
/// of these forms against it (folded hashes included).
///
/// Each form applies only while the store holds exactly the built-in text (no house rows, no
/// test's version): otherwise the text is parsed as before.
package enum PrecomputedDictionaries {
    /// One row of `english/class-bigrams.tsv`.
    package struct ClassBigram: Equatable, Sendable {
        /// Indices into `ClassBigrams.labels`.
        package let previous: UInt16
        package let next: UInt16
        package let count: Double
    }

    package struct ClassBigrams: Sendable {
        /// The classes named in the pairs, in order of first appearance (left class first).
        package let labels: [String]
        package let rows: [ClassBigram]
    }

    static let wordClassesPath = "english/word-classes.tsv"
    static let classBigramsPath = "english/class-bigrams.tsv"

    /// Decoded once per process (the word list itself is read in place: `EnglishWordTable`).
    package static let builtInClassBigrams: ClassBigrams? = EmbeddedDictionaries.classBigrams.map { table in
        var rows: [ClassBigram] = []
        rows.reserveCapacity(table.rows.utf8CodeUnitCount / 24)
        HexRows.read(table.rows, width: 24) { row in
            rows.append(ClassBigram(previous: UInt16(row.hex(0, 4)), next: UInt16(row.hex(4, 4)), count: Double(bitPattern: row.hex64(8))))
        }
        return ClassBigrams(labels: table.labels, rows: rows)
    }

    /// The sentence model's pair oddness from the built-in English tables (`SentenceOddity`):
    /// the class labels by number, the cap it was made with, and the values. Decoded once.
    package static let builtInSentenceOddness: (labels: [String], cap: Float, values: [Float])? = EmbeddedDictionaries.sentenceOddness.map { table in
        // Written in place, not appended: 40,000 values at start-up.
        let count = table.bits.utf8CodeUnitCount / 8
        let values = [Float](unsafeUninitializedCapacity: count) { values, initialized in
            var index = 0
            HexRows.read(table.bits, width: 8) { row in
                values[index] = Float(bitPattern: UInt32(truncatingIfNeeded: row.hex8(0)))
                index &+= 1
            }
            initialized = index
        }
        return (table.labels, table.cap, values)
    }

    /// UNT003's four-gram model from the built-in `language/romanized-ngrams.tsv`, as
    /// `RomanizedNgramModel` makes it: the sorted grams and their log ratios, the sorted
    /// three-letter contexts and the log ratio of a gram never seen after each. Decoded once.
    package static let builtInRomanizedNgrams: (grams: [UInt32], gramRatios: [Float], contexts: [UInt32], unseenRatios: [Float])? =
        EmbeddedDictionaries.romanizedNgrams.map { table in
            func decode(_ text: StaticString) -> ([UInt32], [Float]) {
                let count = text.utf8CodeUnitCount / 16
                var keys: [UInt32] = [], values: [Float] = []
                keys.reserveCapacity(count)
                values.reserveCapacity(count)
                HexRows.read(text, width: 16) { row in
                    keys.append(UInt32(truncatingIfNeeded: row.hex8(0)))
                    values.append(Float(bitPattern: UInt32(truncatingIfNeeded: row.hex8(8))))
                }
                return (keys, values)
            }
            let (grams, gramRatios) = decode(table.grams)
            let (contexts, unseenRatios) = decode(table.contexts)
            return (grams, gramRatios, contexts, unseenRatios)
        }

    /// The romanizations of the Russian forms of the built-in name file at `path`, by line, by
    /// each standard the name dictionary derives variants from, in its order (`RussianRenderers`).
    static func russianRenderings(path: String) -> [Int: [String]]? {
        EmbeddedDictionaries.russianRenderings[path]
    }

    /// The standards of those renderings, in order.
    static var russianRenderingStandards: [String] { EmbeddedDictionaries.russianRenderingStandards }

    /// The built-in table at `path` as `DictionaryFile.parse` reads its text, laid out by the
    /// build (tables of up to a thousand rows), or nil.
    package static func builtInTable(_ path: String) -> DictionaryFile? {
        EmbeddedDictionaries.readyTable(path).map { table in
            DictionaryFile(path: path, columns: table.columns, source: table.source, licence: table.licence,
                           caseSensitive: table.caseSensitive, rows: table.rows.map { DictionaryFile.Row(line: $0.0, fields: $0.1) })
        }
    }

    /// The entries of the built-in name file at `path` as `NameDictionary` makes them from its
    /// rows with the built-in rule files (variants derived), in file order, with each entry's
    /// variants lowercased; nil if the build has none, or if its lists of columns, kinds and
    /// derivations are not the dictionary's.
    static func builtInNameEntries(_ path: String) -> (entries: [NameEntry], lowercasedVariants: [[String]])? {
        guard nameListsAgree, let ready = EmbeddedDictionaries.readyNames(path) else { return nil }
        let kinds = NameKind.allCases, derivations = NameDerivation.allCases
        var entries: [NameEntry] = []
        var lowercasedVariants: [[String]] = []
        entries.reserveCapacity(ready.count)
        lowercasedVariants.reserveCapacity(ready.count)
        // Bound once per row: reading the tuple's fields one by one copied the whole row each time.
        for (canonical, original, russian, language, kind, variants, alternatives, derivation, note, line, lowercased) in ready {
            entries.append(NameEntry(canonical: canonical, original: original, russian: russian, language: language, kind: kinds[kind],
                                     variants: variants, alternatives: alternatives, derivation: derivations[derivation], note: note,
                                     path: path, line: line))
            lowercasedVariants.append(lowercased)
        }
        return (entries, lowercasedVariants)
    }

    private static let nameListsAgree = EmbeddedDictionaries.nameColumns == NameDictionary.columns
        && EmbeddedDictionaries.nameKinds == NameKind.allCases.map(\.rawValue)
        && EmbeddedDictionaries.nameDerivations == NameDerivation.allCases.map(\.rawValue)
}

/// Fixed-width rows of hex digits in a string literal, read where the literal lies.
private enum HexRows {
    struct Row {
        let bytes: UnsafePointer<UInt8>

        /// 16 digits, eight at a time: the 40,000 word hashes are most of what is read.
        @inline(__always)
        func hex64(_ offset: Int) -> UInt64 { hex8(offset) << 32 | hex8(offset + 8) }

        /// Eight lowercase hex digits in one word: each byte to its digit's value ('0'-'9' keep
        /// their low nibble, 'a'-'f' add 9 to theirs), then the nibbles packed pairwise.
        @inline(__always)
        func hex8(_ offset: Int) -> UInt64 {
            var word = UInt64(littleEndian: UnsafeRawPointer(bytes + offset).loadUnaligned(as: UInt64.self))
            word = (word & 0x0F0F_0F0F_0F0F_0F0F) &+ ((word >> 6) & 0x0101_0101_0101_0101) &* 9
            word = word.byteSwapped
            word = (word | word >> 4) & 0x00FF_00FF_00FF_00FF
            word = (word | word >> 8) & 0x0000_FFFF_0000_FFFF
            return (word | word >> 16) & 0xFFFF_FFFF
        }

        @inline(__always)
        func hex(_ offset: Int, _ count: Int) -> UInt64 {
            var value: UInt64 = 0
            for index in offset..<offset + count {
                let digit = bytes[index]
                value = value << 4 | UInt64(digit <= 0x39 ? digit &- 0x30 : digit &- 0x57)
            }
            return value
        }
    }

    static func read(_ text: StaticString, width: Int, _ body: (Row) -> Void) {
        text.withUTF8Buffer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset + width <= buffer.count {
                body(Row(bytes: base + offset))
                offset += width
            }
        }
    }
}
