import KalkaText

extension PhraseTokenizer {
    /// The folded hashes of a phrase's tokens when it is a plain run of words, nil otherwise:
    /// words of Latin letters (ASCII, the precomposed ones and the IPA and modifier letters up to
    /// U+02BF: "Orbán", the ʹ of "Donalʹd") and digits, parted by single spaces and by hyphens,
    /// commas, colons, periods and apostrophes ("Thomas-Greenfield", "Odessa, Texas", "Read
    /// also:", "St. Petersburg"). These are the tokens ICU's word breaking (UAX #29) gives: it
    /// never breaks inside a run of letters and digits, always at a space or a hyphen, and keeps
    /// inside the word a period or apostrophe between two letters or two digits ("J.D", "today's")
    /// and a middle dot between two letters ("V·ens"). Anything less certain (a colon between
    /// words, a comma between digits, a period between a letter and a digit, any other
    /// character) is left to ICU. Nearly every phrase of the built-in lists, and of the names'
    /// derived spellings, is such: breaking them with ICU was most of building the phrase
    /// matchers at start-up. `PrecomputedDictionaryTests.plainPhrasesTokenizeAsICUDoes` checks
    /// both ways agree on every built-in list and name form.
    static func plainWordHashes(_ phrase: String) -> [UInt64]? {
        var hashes: [UInt64] = []
        return appendPlainWordHashes(phrase, to: &hashes) ? hashes : nil
    }

    /// Appends the phrase's `plainWordHashes` to `result` and returns true, or leaves `result`
    /// as it was and returns false.
    static func appendPlainWordHashes(_ phrase: String, to result: inout [UInt64]) -> Bool {
        let count = result.count
        if appendingPlainWordHashes(phrase, to: &result) { return true }
        result.removeSubrange(count...)
        return false
    }

    private static func appendingPlainWordHashes(_ phrase: String, to hashes: inout [UInt64]) -> Bool {
        var phrase = phrase
        return phrase.withUTF8 { bytes -> Bool in
            guard !bytes.isEmpty else { return false }
            var wordStart = -1
            var lastClass = CharacterClass.other
            var index = 0
            // The word's hash as its ASCII bytes come; a word with other letters is hashed whole.
            var hash = FoldedHash.offsetBasis
            var asciiOnly = true
            func endWord() {
                if wordStart >= 0 {
                    hashes.append(asciiOnly ? hash : FoldedHash.of(utf8: UnsafeBufferPointer(rebasing: bytes[wordStart..<index])))
                }
                wordStart = -1
                hash = FoldedHash.offsetBasis
                asciiOnly = true
            }
            while index < bytes.count {
                let (characterClass, width) = classify(bytes, at: index)
                switch characterClass {
                case .letter, .digit:
                    if wordStart < 0 { wordStart = index }
                    lastClass = characterClass
                    let byte = bytes[index]
                    if width == 1 {
                        hash = (hash ^ UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)) &* FoldedHash.prime
                    } else {
                        asciiOnly = false
                    }
                    index += width
                    continue
                case .space:
                    // No space first, last or doubled (ICU would keep a run of them as one token).
                    guard index > 0, index + 1 < bytes.count, bytes[index + 1] != 0x20 else { return false }
                    endWord()
                    index += 1
                    continue
                case .separator:
                    let byte = bytes[index]
                    let next = index + 1 < bytes.count ? classify(bytes, at: index + 1).0 : .other
                    if wordStart >= 0 && (next == .letter || next == .digit) {
                        let joins = byte == 0x2E || byte == 0x27
                        // Between two letters or two digits a period or apostrophe stays in the
                        // word ("J.D", "today's", "2.5"); a comma joins digits ("1,000"). The
                        // colon's and the mixed cases' treatment varies: ICU decides those.
                        if byte == 0x3A || (byte == 0x2C && lastClass == .digit && next == .digit) { return false }
                        if joins {
                            guard next == lastClass else { return false }
                            hash = (hash ^ UInt64(byte)) &* FoldedHash.prime
                            index += 1
                            continue
                        }
                    }
                    endWord()
                    hashes.append((FoldedHash.offsetBasis ^ UInt64(byte)) &* FoldedHash.prime)
                    index += 1
                    continue
                case .middleDot:
                    // Inside a word only between two letters ("V·ens", a BGN/PCGN rendering).
                    let next = index + 2 < bytes.count ? classify(bytes, at: index + 2).0 : .other
                    guard wordStart >= 0, lastClass == .letter, next == .letter else { return false }
                    asciiOnly = false
                    index += 2
                    continue
                case .other:
                    return false
                }
            }
            endWord()
            return true
        }
    }

    enum CharacterClass { case letter, digit, space, separator, middleDot, other }

    /// The class of the character at `index` and its width in bytes.
    @inline(__always)
    private static func classify(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (CharacterClass, Int) {
        let byte = bytes[index]
        switch byte {
        case 0x41...0x5A, 0x61...0x7A: return (.letter, 1)
        case 0x30...0x39: return (.digit, 1)
        case 0x20: return (.space, 1)
        case 0x2D, 0x2C, 0x2E, 0x27, 0x3A: return (.separator, 1)
        case 0xC2...0xCA:
            // U+00C0...U+02BF: Latin letters (all but × C3 97 and ÷ C3 B7), IPA letters and the
            // modifier letters up to U+02BF (the ʹ of BGN/PCGN renderings); U+00B7, the middle dot.
            guard index + 1 < bytes.count else { return (.other, 1) }
            let second = bytes[index + 1]
            if byte == 0xC2 { return (second == 0xB7 ? .middleDot : .other, 2) }
            guard second >= 0x80 && second <= 0xBF, byte != 0xC3 || (second != 0x97 && second != 0xB7) else { return (.other, 1) }
            return (.letter, 2)
        default: return (.other, 1)
        }
    }
}
