import Testing
@testable import ICUKit

@Suite struct TextBreakerTests {
    private func segments(_ text: String, _ unit: BreakUnit) throws -> [(String, WordStatus)] {
        let breaker = try TextBreaker(unit)
        let bytes = Array(text.utf8)
        var out: [(String, WordStatus)] = []
        try bytes.withUnsafeBufferPointer { buffer in
            try breaker.forEachSegment(utf8: buffer) { start, end, status in
                out.append((String(decoding: bytes[start..<end], as: UTF8.self), status))
            }
        }
        return out
    }

    @Test func wordsCarryRuleStatusAndUTF8Offsets() throws {
        let result = try segments("Київ has 2.9 million people 🇺🇦.", .word)
        #expect(result.map(\.0) == ["Київ", " ", "has", " ", "2.9", " ", "million", " ", "people", " ", "🇺🇦", "."])
        #expect(result[0].1 == .word)
        #expect(result[4].1 == .number)
        #expect(result[1].1 == .none)
    }

    @Test func utf16SegmentsMatchUTF8Segments() throws {
        let text = "Дмитро Кулеба met 𝐀ntony Blinken in Stockholm."
        let units = UTF16Conversion.utf16(text)
        let bytes = Array(text.utf8)
        func utf8Offset(_ unit: Int) -> Int { text.utf8.distance(from: text.startIndex, to: String.Index(utf16Offset: unit, in: text)) }
        let breaker = try TextBreaker(.word)
        var viaUTF16: [Range<Int>] = []
        try units.withUnsafeBufferPointer { buffer in
            try breaker.forEachSegment(utf16: buffer) { start, end, _ in viaUTF16.append(utf8Offset(start)..<utf8Offset(end)) }
        }
        var viaUTF8: [Range<Int>] = []
        try bytes.withUnsafeBufferPointer { buffer in
            try breaker.forEachSegment(utf8: buffer) { start, end, _ in viaUTF8.append(start..<end) }
        }
        #expect(!viaUTF8.isEmpty)
        #expect(viaUTF16 == viaUTF8)
    }

    @Test func sentences() throws {
        let result = try segments("Talks resumed in Kyiv. Did they end? Yes.", .sentence)
        #expect(result.map(\.0) == ["Talks resumed in Kyiv. ", "Did they end? ", "Yes."])
    }

    @Test func clonesAreIndependent() throws {
        let original = try TextBreaker(.word)
        let copy = try original.clone()
        var count = 0
        try Array("one two".utf8).withUnsafeBufferPointer { buffer in
            try copy.forEachSegment(utf8: buffer) { _, _, _ in count += 1 }
        }
        #expect(count == 3)
    }
}

@Suite struct TransliteratorTests {
    @Test func builtInID() throws {
        let transliterator = try Transliterator(id: "Russian-Latin/BGN")
        #expect(try transliterator.transliterate("Москва") == "Moskva")
        #expect(try transliterator.clone().transliterate("Лавров") == "Lavrov")
    }

    @Test func ruleString() throws {
        let transliterator = try Transliterator(id: "test-zgh", rules: "зг > zgh; з > z; г > h; а > a; н > n; і > i; и > y;")
        #expect(try transliterator.transliterate("згін") == "zghin")
    }

    @Test func ruleSyntaxErrorsAreLocated() {
        #expect(throws: TransliteratorRuleError.self) {
            _ = try Transliterator(id: "broken", rules: "а > a;\nб > ;;; > > b")
        }
    }

    @Test func unknownIDNamesICUError() {
        do {
            _ = try Transliterator(id: "No-Such/Thing")
            Issue.record("expected a failure")
        } catch {
            #expect(error.name.hasPrefix("U_"))
        }
    }

    @Test func longTextsGrowTheBuffer() throws {
        let transliterator = try Transliterator(id: "Russian-Latin/BGN")
        let text = String(repeating: "щщщ ", count: 200)
        #expect(try transliterator.transliterate(text) == String(repeating: "shchshchshch ", count: 200))
    }
}

@Suite struct NormalizerTests {
    @Test func nfcComposes() throws {
        let decomposed = "Rinke\u{0304}vic\u{030C}s"
        #expect(try Normalizer.nfc(decomposed) == "Rinkēvičs")
        #expect(try !Normalizer.isNFC(decomposed))
        #expect(try Normalizer.isNFC("Rinkēvičs"))
        #expect(try Normalizer.nfd("Rinkēvičs") == decomposed)
    }
}

@Suite struct SpoofCheckerTests {
    @Test func latinWithCyrillicIsMinimallyRestrictive() throws {
        let checker = try SpoofChecker()
        #expect(try checker.restrictionLevel(of: "Kyiv") == .ascii)
        #expect(try checker.restrictionLevel(of: "Київ") == .singleScript)
        #expect(try checker.restrictionLevel(of: "Ky\u{0456}v") >= .minimallyRestrictive)
    }

    @Test func skeletonsMatchLookAlikes() throws {
        let checker = try SpoofChecker()
        #expect(try checker.skeleton(of: "Ky\u{0456}v") == checker.skeleton(of: "Kyiv"))
        #expect(try checker.skeleton(of: "NАТО") == checker.skeleton(of: "NATO"))
    }
}

@Suite struct ConverterTests {
    @Test func roundTripsWindows1251() throws {
        let converter = try Converter("windows-1251")
        let bytes = try converter.encode("Дмитро")
        #expect(bytes.count == 6)
        #expect(try converter.decode(bytes) == "Дмитро")
    }

    @Test func mojibakeRepairIsEncodeWrongDecodeRight() throws {
        // UTF-8 bytes of Cyrillic read as windows-1251 give "Р”РјРёС‚СЂРѕ".
        let mojibake = try Converter("windows-1251").decode(Array("Дмитро".utf8))
        #expect(mojibake == "Р”РјРёС‚СЂРѕ")
        let repaired = String(decoding: try Converter("windows-1251").encode(mojibake), as: UTF8.self)
        #expect(repaired == "Дмитро")
    }

    @Test func unmappableInputFailsInsteadOfSubstituting() throws {
        let converter = try Converter("windows-1251")
        #expect(throws: ICUError.self) { _ = try converter.encode("漢") }
        #expect(throws: ICUError.self) { _ = try Converter("no-such-charset-xyz") }
    }
}

@Suite struct UnicodePropertiesTests {
    @Test func scriptsAndCase() {
        #expect(UnicodeProperties.script(of: "і") == .cyrillic)
        #expect(UnicodeProperties.script(of: "i") == .latin)
        #expect(UnicodeProperties.script(of: "1") == .common)
        #expect(UnicodeProperties.isUppercase("Ж") && UnicodeProperties.isLowercase("ж"))
        #expect(UnicodeProperties.foldCase("Ї") == "ї")
        #expect(UnicodeProperties.isPunctuation("«") && !UnicodeProperties.isPunctuation("+"))
    }
}
