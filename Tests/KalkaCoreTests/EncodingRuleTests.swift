import Testing
import KalkaCore
@testable import KalkaRules

/// ENC001's round-trip guarantees and ENC002's edge cases, beyond the rules' own examples.
@Suite struct EncodingRuleTests {
    static let rule = try! MojibakeRule(dictionaries: Lint.store)
    static let linter = Linter(rules: [rule])
    static let invisibles = try! Lint.linter(for: InvisibleCharacterRule.self)

    static let utf8As1251 = rule.confusion("UTF-8 read as windows-1251")!
    static let utf8As1252 = rule.confusion("UTF-8 read as windows-1252")!
    static let koi8As1251 = rule.confusion("KOI8-R read as windows-1251")!

    private func diagnostics(_ text: String) throws -> [Diagnostic] {
        try Lint.diagnostics(text, linter: Self.linter)
    }

    @Test func theDescriptionExamplesAreRealGarbles() throws {
        #expect(try MojibakeRule.garble("Дмитро Кулеба", Self.utf8As1251) == "Р”РјРёС‚СЂРѕ РљСѓР»РµР±Р°")
        #expect(try MojibakeRule.garble("Дмитро Кулеба", Self.utf8As1252) == "Ð”Ð¼Ð¸Ñ‚Ñ€Ð¾ ÐšÑƒÐ»ÐµÐ±Ð°")
        #expect(try MojibakeRule.garble("Дмитрий Песков", Self.koi8As1251) == "дНЙФТЙК рЕУЛПЧ")
    }

    /// Each confusion repairs, including letters whose bytes the wrong charset leaves undefined
    /// (“И” is D0 98 and 0x98 is not in windows-1251; “с” is D1 81 and 0x81 is not in
    /// windows-1252) and “Р”, whose second byte reads as a no-break space.
    @Test(arguments: [
        ("UTF-8 read as windows-1251", "Дмитро Кулеба"),
        ("UTF-8 read as windows-1251", "Игорь Иванов"),
        ("UTF-8 read as windows-1251", "Київ, Їжакевич, Ґалаґан, Євген"),
        ("UTF-8 read as windows-1251", "«Россия — это Европа», сказал он"),
        ("UTF-8 read as windows-1252", "Дмитро Кулеба"),
        ("UTF-8 read as windows-1252", "Москва, Санкт-Петербург, Нарва, Эстония"),
        ("UTF-8 read as windows-1252", "Россия"),
        ("KOI8-R read as windows-1251", "Дмитрий Песков заявил"),
        ("KOI8-R read as windows-1251", "Сергей Лавров"),
    ])
    func everyConfusionRepairs(_ label: String, _ original: String) throws {
        let confusion = try #require(Self.rule.confusion(label))
        let garbled = try MojibakeRule.garble(original, confusion)
        #expect(garbled != original)
        let text = "Officials said that \(garbled) was in Brussels."
        let found = try diagnostics(text)
        #expect(found.count == 1, "\(garbled)")
        let diagnostic = try #require(found.first)
        #expect(diagnostic.message == "Mojibake: “\(garbled)” reads as “\(original)” (\(label))")
        #expect(diagnostic.fix?.title == "Repair to “\(original)”")
        #expect(diagnostic.fix?.applicability == .safe)
        let (fixed, applied) = try Lint.fixOnce(text, linter: Self.linter)
        #expect(applied == 1)
        #expect(fixed == "Officials said that \(original) was in Brussels.")
    }

    /// A Latin-1 decoder turns every byte 80–9F into a C1 control, windows-1252 only five.
    @Test func utf8ReadAsLatin1Repairs() throws {
        let garbled = "Ð\u{9C}Ð¾Ñ\u{81}ÐºÐ²Ð°" // "Москва": D0 9C D0 BE D1 81 D0 BA D0 B2 D0 B0
        let found = try diagnostics("They met in \(garbled) today.")
        #expect(found.map(\.message) == ["Mojibake: “\(garbled)” reads as “Москва” (UTF-8 read as ISO-8859-1)"])
        let (fixed, applied) = try Lint.fixOnce("They met in \(garbled) today.", linter: Self.linter)
        #expect(applied == 1 && fixed == "They met in Москва today.")
    }

    @Test func aRunSpansSpacesAndLeavesSurroundingTextOut() throws {
        let garbled = try MojibakeRule.garble("Дмитро Кулеба", Self.utf8As1251)
        let text = "The minister (\(garbled)), 2022."
        let found = try diagnostics(text)
        #expect(found.map(\.textRange) == [text.utf8Range(of: garbled)])
    }

    @Test func runsEndAtParagraphs() throws {
        let first = try MojibakeRule.garble("Дмитро", Self.utf8As1251)
        let second = try MojibakeRule.garble("Кулеба", Self.utf8As1251)
        let found = try diagnostics("Said \(first)\n\n\(second) said.")
        #expect(found.count == 2)
    }

    /// A byte lost on the way ("?" where a continuation byte was): strict UTF-8 decoding fails,
    /// so the run is reported without a fix.
    @Test func aRunThatDoesNotDecodeCleanlyGetsNoFix() throws {
        let garbled = try MojibakeRule.garble("Дмитро Кулеба", Self.utf8As1251)
        let damaged = garbled.replacingFirst("Рј", with: "Р?")
        let found = try diagnostics("Minister \(damaged) said.")
        #expect(found.count == 1)
        #expect(found.first?.fix == nil)
        #expect(found.first?.message.contains("does not repair cleanly") == true)
        let (_, applied) = try Lint.fixOnce("Minister \(damaged) said.", linter: Self.linter)
        #expect(applied == 0)
    }

    /// A repair that decodes but gives more than Cyrillic letters, spaces and punctuation is
    /// shown, not applied.
    @Test(arguments: ["Дми7тро", "Дмиéтро"])
    func aRepairWithLatinLettersOrDigitsGetsNoFix(_ original: String) throws {
        let garbled = try MojibakeRule.garble(original, Self.utf8As1251)
        let found = try diagnostics("Minister \(garbled) said.")
        #expect(found.count == 1)
        #expect(found.first?.fix == nil)
        #expect(found.first?.message == "Mojibake: “\(garbled)” reads as “\(original)” (UTF-8 read as windows-1251)")
    }

    /// ASCII around the garble is the same in every charset: it stays out of the range.
    @Test func asciiAroundTheGarbleStaysOut() throws {
        let garbled = try MojibakeRule.garble("Дмитро", Self.utf8As1251)
        let text = "Minister \(garbled)7x said."
        let (fixed, applied) = try Lint.fixOnce(text, linter: Self.linter)
        #expect(applied == 1 && fixed == "Minister Дмитро7x said.")
    }

    @Test func genuineCyrillicAndLatinTextStaysQuiet() throws {
        for text in [
            "Верховна Рада ухвалила закон. Рівне, Сірий, Сумська область.",
            "НАТО, СБУ, МЗС України, ЗСУ.",
            "Crème brûlée in Zürich; Ñandú; Þórr and Ðórr; “quotes” — dashes… and don’t.",
            "Москва и Санкт-Петербург, ёлка, Ёжик.",
        ] {
            #expect(try diagnostics(text).isEmpty, "\(text)")
        }
    }

    // MARK: ENC002

    @Test func invisibleCharactersInsideWords() throws {
        let text = "Ky\u{200B}iv, Ve\u{200D}rkhovna, Ra\u{200C}da, gov\u{AD}ern\u{2060}ment."
        let found = try Lint.diagnostics(text, linter: Self.invisibles)
        #expect(found.map(\.message) == [
            "Invisible zero-width space (U+200B) in “Kyiv”",
            "Invisible zero-width joiner (U+200D) in “Verkhovna”",
            "Invisible zero-width non-joiner (U+200C) in “Rada”",
            "Invisible soft hyphen (U+00AD) in “government”",
            "Invisible word joiner (U+2060) in “government”",
        ])
        let (fixed, _) = try Lint.fixOnce(text, linter: Self.invisibles)
        #expect(fixed == "Kyiv, Verkhovna, Rada, government.")
    }

    @Test func joinersOutsideLatinWordsAndALeadingBOMStayQuiet() throws {
        for text in [
            "\u{FEFF}Kyiv is the capital.",
            "The flag 🏳️\u{200D}🌈 flew.",
            "Persian: می\u{200C}خواهم.",
            "Soft hyphen alone: \u{AD} here.",
        ] {
            #expect(try Lint.diagnostics(text, linter: Self.invisibles).isEmpty, "\(text)")
        }
    }
}

private extension String {
    func utf8Range(of part: String) -> Range<Int> {
        let lower = range(of: part)!.lowerBound
        let start = utf8.distance(from: utf8.startIndex, to: lower)
        return start..<(start + part.utf8.count)
    }

    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let found = range(of: target) else { return self }
        return replacingCharacters(in: found, with: replacement)
    }
}
