import KalkaText

extension PhraseTokenizer {
    /// The folded hashes of a phrase's words when it is only ASCII letters in words parted by
    /// single spaces ("Chicken Kiev"), nil otherwise. ICU never breaks inside a run of letters
    /// and always at a space, so these are the tokens the analyzer would find: most phrases of
    /// the built-in lists are such, and breaking them with ICU was most of building the phrase
    /// matchers at start-up. `PrecomputedDictionaryTests.plainPhrasesTokenizeAsICUDoes` checks both ways agree on
    /// every built-in list.
    static func plainWordHashes(_ phrase: String) -> [UInt64]? {
        var phrase = phrase
        return phrase.withUTF8 { bytes -> [UInt64]? in
            guard !bytes.isEmpty else { return nil }
            var hashes: [UInt64] = []
            hashes.reserveCapacity(8)
            var hash = FoldedHash.offsetBasis
            var wordLength = 0
            for byte in bytes {
                if byte == 0x20 {
                    guard wordLength > 0 else { return nil }
                    hashes.append(hash)
                    hash = FoldedHash.offsetBasis
                    wordLength = 0
                    continue
                }
                let lower = byte | 0x20
                guard lower >= 0x61 && lower <= 0x7A else { return nil }
                hash = (hash ^ UInt64(lower)) &* FoldedHash.prime
                wordLength += 1
            }
            guard wordLength > 0 else { return nil }
            hashes.append(hash)
            return hashes
        }
    }
}
