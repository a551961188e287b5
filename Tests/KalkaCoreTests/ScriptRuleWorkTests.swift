import Testing
import KalkaCore
@testable import KalkaModel
@testable import KalkaRules

/// The script rules look only where their targets can be: addresses are judged chunk by chunk
/// on demand, Cyrillic paragraphs are found by a byte scan, and chunks holding only English
/// typography are never decoded as possible mojibake.
@Suite struct ScriptRuleWorkTests {
    private func analysis(_ text: String) throws -> Analysis {
        try Analyzer().analyze(PlainTextReader().read(Array(text.utf8)))
    }

    /// Asked in any order, the mask answers as in text order: its one-chunk memory never
    /// answers for another chunk.
    @Test func addressMaskAnswersAlikeInAnyOrder() {
        let text = "Write to desk@example.org or see https://example.org/novyny, #tag and www.example.com today."
        let prose = Array(text.utf8)
        func answers(_ offsets: [Int]) -> [Int: Bool] {
            var mask = AddressMask()
            return prose.withUnsafeBufferPointer { bytes in
                Dictionary(uniqueKeysWithValues: offsets.map { ($0, mask.covers($0, in: bytes)) })
            }
        }
        let forward = answers(Array(prose.indices))
        #expect(answers(prose.indices.reversed()) == forward)
        #expect(answers(prose.indices.filter { $0 % 2 == 0 } + prose.indices.filter { $0 % 2 == 1 }) == forward)
        func covered(_ word: String) -> Bool {
            let start = text.utf8.firstRange(of: word.utf8)!.lowerBound
            return forward[text.utf8.distance(from: text.utf8.startIndex, to: start)]!
        }
        #expect(covered("desk@") && covered("https") && covered("#tag") && covered("www"))
        #expect(!covered("Write") && !covered("today") && !covered("see"))
    }

    /// The byte scan finds exactly the paragraphs holding Cyrillic, past other non-ASCII text.
    @Test func cyrillicParagraphsAreThoseWithCyrillic() throws {
        let text = """
            The café’s “menu” — in English.

            Слава the town.

            Nothing here at all, not one letter beyond ASCII.

            A long line of English before the word, then одна at the end.

            Ünïcödé… but no Cyrillic.
            """
        let analysis = try analysis(text)
        let naive = analysis.paragraphs.indices.filter { index in
            analysis.prose[analysis.paragraphs[index].range].contains { $0 >= 0xD0 && $0 <= 0xD4 }
        }
        #expect(naive.count == 2)
        #expect(CyrillicPlacement.paragraphsWithCyrillic(analysis) == naive)
    }

    /// Chunks whose only non-ASCII characters are English typography are passed without
    /// decoding; garbled Cyrillic still is decoded (and found).
    @Test(.enabled(if: WorkCounter.isCounting)) func typographyIsNotDecodedAsMojibake() throws {
        let rule = try MojibakeRule(dictionaries: Lint.store)
        let english = try analysis(String(repeating: "She said “don’t” — twice… and left. ", count: 50))
        var runs: [MojibakeRule.ChunkMatch] = []
        let englishSteps = WorkCounter.counting { runs = rule.garbledRuns(in: english) }
        #expect(englishSteps == 0 && runs.isEmpty)
        let garbled = try analysis("The file said Р”РјРёС‚СЂРѕ РљСѓР»РµР±Р° where the name should be.")
        let garbledSteps = WorkCounter.counting { runs = rule.garbledRuns(in: garbled) }
        #expect(garbledSteps > 0 && !runs.isEmpty)
    }

    /// The skip changes nothing: a chunk of English typography, decoded the slow way, is no
    /// garble under any confusion (alone, doubled, after and between letters, after an s).
    @Test func innocentTypographyNeverMatchesTheSlowWay() throws {
        let rule = try MojibakeRule(dictionaries: Lint.store)
        #expect(MojibakeRule.innocentTypography.count >= 10, "most English typography is innocent")
        // The slow way does find a garble handed to it the same way.
        let garble = Array("РљСѓР»РµР±Р°".utf8)
        #expect(garble.withUnsafeBufferPointer { rule.match(0..<$0.count, $0) } != nil)
        for value in MojibakeRule.innocentTypography.sorted() {
            let mark = String(Unicode.Scalar(value)!)
            for chunk in [mark, mark + mark, "x" + mark, "a" + mark + "b", "s" + mark + mark, mark + "T" + mark] {
                let bytes = Array(chunk.utf8)
                let found = bytes.withUnsafeBufferPointer { rule.match(0..<$0.count, $0) }
                #expect(found == nil, "U+\(String(value, radix: 16, uppercase: true)) in “\(chunk)”")
            }
        }
    }
}

/// NAM003 keys every distinct capitalized word: an ASCII name's key is hashed from its bytes,
/// with no string made (`NameKey.of`, a step each); only a name with other letters goes through
/// the string path, once.
@Suite struct NameKeyWorkTests: CountsRuleSteps {
    @Test func asciiNamesBuildNoKeyString() throws {
        let rule = try InconsistentNameSpellingRule(dictionaries: DictionaryStore.builtIn.get())
        var text = "Volodymyr Zelenskyy spoke first. Later Zelensky met Rinkēvičs and Rinkēvičs again. "
        // Many distinct capitalized ASCII words, each keyed once.
        for index in 0..<300 { text += "Officials met Pavlenkov\(String(UnicodeScalar(UInt8(97 + index % 26))))\(index) in Brovary. " }
        let analysis = try analysis(text)
        let (findings, steps) = findings(rule, analysis, of: InconsistentNameSpellingRule.description)
        #expect(findings.items.contains { analysis.text(of: $0.range) == "Zelensky" })
        #expect(steps == 1, "one string key, for the one name with diacritics")
    }
}

/// The spelling-insensitive name key: the ASCII path (bytes lowercased directly) and the
/// general one (Unicode lowercasing and diacritics removed) agree.
@Suite struct NameKeyTests {
    @Test func romanizationsShareAKeyWhateverTheCase() {
        #expect(NameKey.of("Zelenskyy") == NameKey.of("Zelensky"))
        #expect(NameKey.of("ZELENSKIY") == NameKey.of("zelensky"))
        #expect(NameKey.of("Oleksii") == NameKey.of("Oleksiy"))
        #expect(NameKey.of("Kyiv") != NameKey.of("Kiev"))
    }

    @Test func diacriticsAndCaseGiveTheASCIIKey() {
        #expect(NameKey.of("Rinkēvičs") == NameKey.of("Rinkevics"))
        #expect(NameKey.of("ŽELENSKYJ") == NameKey.of("Zelenskyj"))
    }

    /// The rule groups names by `NameKey.hash`, made from the bytes without the key: it must be
    /// the hash of the key `of` makes, letter for letter (digraphs across the case of a capital,
    /// doubled letters made by rewrites, apostrophes, diacritics).
    @Test func hashIsTheHashOfTheKey() {
        let words = ["Zelenskyy", "ZELENSKIY", "Shchotkin", "SHCHerbak", "Kharkiv", "Zaporizhzhia",
                     "Tkachenko", "Kyyiv", "O'Brien", "D’Artagnan", "Rinkēvičs", "ŽELENSKYJ", "Jaanus",
                     "Xenia", "Yiiy", "Sch", "S", "Hh", "Ggh", "Oleksii", "Matviienko", "Tsyhanok"]
        for word in words {
            var expected: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in NameKey.of(word).utf8 { expected = (expected ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            var bytes = Array(word.utf8)
            let hash = bytes.withUnsafeMutableBufferPointer { NameKey.hash(utf8: UnsafeBufferPointer($0)) }
            #expect(hash == expected, "\(word): key “\(NameKey.of(word))”")
        }
        // Different keys, different hashes.
        let hashes = Set(["Kyiv", "Kiev", "Lviv", "Lvov"].map { word in
            Array(word.utf8).withUnsafeBufferPointer { NameKey.hash(utf8: $0) }
        })
        #expect(hashes.count == 4)
    }
}
