import Foundation
import Testing
import KalkaCore

/// The Ukrainian romanization standards in `Dictionaries/translit/uk-*.txt`, checked against the
/// public examples of each document, in lower, Title and UPPER case.
@Suite struct UkrainianStandardTests {
    static func romanizer(_ name: String) throws -> Romanizer {
        let standards = try TransliterationStandards.builtIn.get()
        let standard = try #require(standards.standard(named: name), "no standard \(name)")
        return try Romanizer(standard)
    }

    /// Each pair as given (Title case), all lower case and all upper case.
    static func expectInEveryCase(_ romanizer: Romanizer, _ pairs: KeyValuePairs<String, String>,
                                  sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (cyrillic, latin) in pairs {
            #expect(try romanizer.romanize(cyrillic) == latin, sourceLocation: sourceLocation)
            #expect(try romanizer.romanize(cyrillic.lowercased()) == latin.lowercased(), sourceLocation: sourceLocation)
            #expect(try romanizer.romanize(cyrillic.uppercased()) == latin.uppercased(), sourceLocation: sourceLocation)
        }
    }

    static let ukrainianNames = ["uk-national", "uk-dstu-9112-a", "uk-dstu-9112-b", "uk-bgn-1965"]

    // MARK: every file

    @Test func everyUkrainianRuleFileCompiles() throws {
        let standards = try TransliterationStandards.builtIn.get()
        let ukrainian = standards.all.filter { $0.language == .uk }
        for name in Self.ukrainianNames {
            #expect(ukrainian.contains { $0.name == name }, "\(name) is not built in")
        }
        // The files on disk are the ones built in.
        let directory = Paths.root.appendingPathComponent("Dictionaries/translit")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".txt") }
            .filter { try Paths.read("Dictionaries/translit/\($0)").contains("\n# language: uk\n") }
        #expect(Set(onDisk.map { String($0.dropLast(4)) }) == Set(ukrainian.map(\.name)))
        for standard in ukrainian {
            #expect(throws: Never.self, "\(standard.path)") { _ = try Romanizer(standard) }
            #expect(standard.path == "translit/\(standard.name).txt")
        }
        #expect(standards.defaultStandard(for: .uk)?.name == "uk-national")
    }

    @Test(arguments: ukrainianNames)
    func nonUkrainianTextPassesThrough(_ name: String) throws {
        let romanizer = try Self.romanizer(name)
        for text in ["Hello, world! 123 — 4.5% (café) \"quoted\" 'single' rock'n'roll",
                     "", " ", "\t2024-01-27\n", "Ελληνικά 日本語 ✓",
                     // Latin letters never go through the rules: a decomposed accent stays so.
                     "cafe\u{0301} Zu\u{0308}rich"] {
            #expect(try romanizer.romanize(text).unicodeScalars.elementsEqual(text.unicodeScalars), "\(name): \(text)")
        }
        // Nor does anything else on a line that holds Cyrillic: not a character NFC would
        // replace (an ohm sign, a Greek question mark), nor a decomposed Greek letter.
        #expect(try romanizer.romanize("\u{2126} \u{037E} \u{F900} \u{03B1}\u{0301} Київ").unicodeScalars
                    .elementsEqual("\u{2126} \u{037E} \u{F900} \u{03B1}\u{0301} ".unicodeScalars + (try romanizer.romanize("Київ")).unicodeScalars),
                "\(name)")
        // Letters of Russian and Belarusian words: only DSTU 9112 has a table for them.
        if !name.hasPrefix("uk-dstu-9112") {
            #expect(try romanizer.romanize("ёЁ ыЫ эЭ ъ ўЎ") == "ёЁ ыЫ эЭ ъ ўЎ", "\(name)")
        }
    }

    // MARK: uk-national (KMU Resolution No. 55, 2010)

    /// The resolution's table: an example for every letter and every positional rule.
    @Test func nationalResolutionExamples() throws {
        try Self.expectInEveryCase(Self.romanizer("uk-national"), [
            "Алушта": "Alushta", "Борщагівка": "Borshchahivka", "Вишгород": "Vyshhorod",
            "Гадяч": "Hadiach", "Згорани": "Zghorany", "Розгон": "Rozghon", "Ґалаґан": "Galagan",
            "Дон": "Don", "Рівне": "Rivne", "Єнакієве": "Yenakiieve", "Наєнко": "Naienko",
            "Житомир": "Zhytomyr", "Закарпаття": "Zakarpattia", "Медвин": "Medvyn",
            "Іршава": "Irshava", "Їжакевич": "Yizhakevych", "Кадіївка": "Kadiivka",
            "Йосипівка": "Yosypivka", "Стрий": "Stryi", "Олексій": "Oleksii", "Київ": "Kyiv",
            "Лебедин": "Lebedyn", "Миколаїв": "Mykolaiv", "Ніжин": "Nizhyn", "Одеса": "Odesa",
            "Полтава": "Poltava", "Ромни": "Romny", "Суми": "Sumy", "Тетерів": "Teteriv",
            "Ужгород": "Uzhhorod", "Фастів": "Fastiv", "Харків": "Kharkiv",
            "Біла Церква": "Bila Tserkva", "Чернівці": "Chernivtsi", "Шостка": "Shostka",
            "Гоща": "Hoshcha", "Русь": "Rus", "Юрій": "Yurii", "Крюківка": "Kriukivka",
            "Яготин": "Yahotyn", "Ічня": "Ichnia", "Знам'янка": "Znamianka",
        ])
    }

    @Test func nationalCapitalization() throws {
        let romanizer = try Self.romanizer("uk-national")
        #expect(try romanizer.romanize("ЩУКА") == "SHCHUKA")
        #expect(try romanizer.romanize("Щука") == "Shchuka")
        #expect(try romanizer.romanize("ЮРІЙ Щур") == "YURII Shchur")
        #expect(try romanizer.romanize("ЄВГЕН") == "YEVHEN")
        #expect(try romanizer.romanize("Євген") == "Yevhen")
        #expect(try romanizer.romanize("Щ.") == "Shch.")
        #expect(try romanizer.romanize("Т. Г. Шевченко, Ю. Щ. Ж.") == "T. H. Shevchenko, Yu. Shch. Zh.")
        // A multi-letter letter at the end of an all-caps word, also before a dropped soft sign.
        #expect(try romanizer.romanize("БОРЩ КРАВЕЦЬ ГАДЯЧ ЗАПОРІЖЖЯ ОБ'ЄКТ") == "BORSHCH KRAVETS HADIACH ZAPORIZHZHIA OBIEKT")
        #expect(try romanizer.romanize("ЗГОРАНИ Згорани") == "ZGHORANY Zghorany")
        // A capital Г of зг in a mixed-case word follows the digraph rule of every other letter.
        #expect(try romanizer.romanize("РозГон ЗГорани розГОН ЗГ зГ") == "RozGhon ZGhorany rozGHON ZGH zGH")
        // A capital written with several letters ends a word in capitals, whatever comes before.
        #expect(try romanizer.romanize("сЖ мИХ") == "sZH mYKH")
        // Word-initial forms at the very start and end of the text and after punctuation.
        #expect(try romanizer.romanize("Я") == "Ya")
        #expect(try romanizer.romanize("я") == "ya")
        #expect(try romanizer.romanize("(Юрій)") == "(Yurii)")
        #expect(try romanizer.romanize("Нью-Йорк") == "Niu-York")
        #expect(try romanizer.romanize("ЄЯ") == "YEIA")
    }

    @Test func nationalApostrophesAndMarks() throws {
        let romanizer = try Self.romanizer("uk-national")
        for apostrophe in ["'", "\u{2019}", "\u{02BC}"] {
            #expect(try romanizer.romanize("Знам\(apostrophe)янка") == "Znamianka")
            #expect(try romanizer.romanize("ОБ\(apostrophe)ЄКТ") == "OBIEKT")
        }
        // Quotation marks are not apostrophes.
        #expect(try romanizer.romanize("'Київ'") == "'Kyiv'")
        #expect(try romanizer.romanize("\u{2018}Київ\u{2019} і \u{201C}Львів\u{201D}") == "\u{2018}Kyiv\u{2019} i \u{201C}Lviv\u{201D}")
        #expect(try romanizer.romanize("Він сказав: 'так'.") == "Vin skazav: 'tak'.")
        // Decomposed ї and й are read as the letters; a stress mark stays on its vowel, composed.
        #expect(try romanizer.romanize("Ки\u{0456}\u{0308}в") == "Kyiv")
        #expect(try romanizer.romanize("Стри\u{0438}\u{0306}") == "Stryi")
        #expect(try romanizer.romanize("Ки\u{0301}їв").unicodeScalars.elementsEqual("K\u{00FD}iv".unicodeScalars))
    }

    @Test func nationalMixedLines() throws {
        let romanizer = try Self.romanizer("uk-national")
        #expect(try romanizer.romanize("Мер Києва Віталій Кличко said") == "Mer Kyieva Vitalii Klychko said")
        #expect(try romanizer.romanize("In 2022, Запоріжжя (Zaporizhzhia) had 710,052 people; Ялта — 76,746.")
                == "In 2022, Zaporizhzhia (Zaporizhzhia) had 710,052 people; Yalta — 76,746.")
        #expect(try romanizer.romanize("Володимир Зеленський, Юлія Тимошенко, Ірпінь, Чорнобиль, Українська правда")
                == "Volodymyr Zelenskyi, Yuliia Tymoshenko, Irpin, Chornobyl, Ukrainska pravda")
    }

    // MARK: DSTU 9112:2021

    /// The national-system examples, spelled by DSTU 9112:2021 system A.
    @Test func dstuSystemALetters() throws {
        try Self.expectInEveryCase(Self.romanizer("uk-dstu-9112-a"), [
            "Алушта": "Alušta", "Борщагівка": "Borŝağivka", "Вишгород": "Vyšğorod",
            "Гадяч": "Ğadjač", "Згорани": "Zğorany", "Ґалаґан": "Galagan", "Дон": "Don",
            "Рівне": "Rivne", "Єнакієве": "Jenakijeve", "Наєнко": "Najenko", "Житомир": "Žytomyr",
            "Закарпаття": "Zakarpattja", "Медвин": "Medvyn", "Іршава": "Iršava",
            "Їжакевич": "Ïžakevyč", "Кадіївка": "Kadiïvka", "Йосипівка": "Josypivka",
            "Стрий": "Stryj", "Олексій": "Oleksij", "Київ": "Kyïv", "Україна": "Ukraïna",
            "Лебедин": "Lebedyn", "Миколаїв": "Mykolaïv", "Ніжин": "Nižyn", "Одеса": "Odesa",
            "Полтава": "Poltava", "Ромни": "Romny", "Суми": "Sumy", "Тетерів": "Teteriv",
            "Ужгород": "Užğorod", "Фастів": "Fastiv", "Харків": "Xarkiv",
            "Біла Церква": "Bila Cerkva", "Чернівці": "Černivci", "Шостка": "Šostka",
            "Гоща": "Ğoŝa", "Русь": "Rusj", "Юрій": "Jurij", "Крюківка": "Krjukivka",
            "Яготин": "Jağotyn", "Ічня": "Ičnja", "Знам'янка": "Znam'janka",
            "Хмельницький": "Xmeljnycjkyj", "Доброго вечора!": "Dobroğo večora!",
            "Паляниця": "Paljanycja",
        ])
    }

    @Test func dstuSystemBLetters() throws {
        try Self.expectInEveryCase(Self.romanizer("uk-dstu-9112-b"), [
            "Алушта": "Alushta", "Борщагівка": "Borshchaghivka", "Вишгород": "Vyshghorod",
            "Гадяч": "Ghadjach", "Згорани": "Zghorany", "Ґалаґан": "Galagan", "Дон": "Don",
            "Рівне": "Rivne", "Єнакієве": "Jenakijeve", "Наєнко": "Najenko",
            "Житомир": "Zhytomyr", "Закарпаття": "Zakarpattja", "Медвин": "Medvyn",
            "Іршава": "Irshava", "Їжакевич": "Jizhakevych", "Кадіївка": "Kadijivka",
            "Йосипівка": "Josypivka", "Стрий": "Stryj", "Олексій": "Oleksij", "Київ": "Kyjiv",
            "Україна": "Ukrajina", "Лебедин": "Lebedyn", "Миколаїв": "Mykolajiv",
            "Ніжин": "Nizhyn", "Одеса": "Odesa", "Полтава": "Poltava", "Ромни": "Romny",
            "Суми": "Sumy", "Тетерів": "Teteriv", "Ужгород": "Uzhghorod", "Фастів": "Fastiv",
            "Харків": "Kharkiv", "Біла Церква": "Bila Cerkva", "Чернівці": "Chernivci",
            "Шостка": "Shostka", "Гоща": "Ghoshcha", "Борщ": "Borshch", "Русь": "Rusj",
            "Юрій": "Jurij", "Крюківка": "Krjukivka", "Яготин": "Jaghotyn", "Ічня": "Ichnja",
            "Знам'янка": "Znam'janka", "Хмельницький": "Khmeljnycjkyj",
            "Доброго вечора!": "Dobrogho vechora!", "Паляниця": "Paljanycja",
        ])
    }

    /// Spellings that keep the transliteration reversible: ь before а е у (and і in system B)
    /// is j', й after a consonant is 'j, ь at the start of a word is ĵ (A) / hj (B).
    @Test func dstuReversibilitySpellings() throws {
        let a = try Self.romanizer("uk-dstu-9112-a")
        let b = try Self.romanizer("uk-dstu-9112-b")
        #expect(try a.romanize("ль льє льї лью лья лье льі льу льа льйо льо") == "lj ljje ljï ljju ljja lj'e lji lj'u lj'a ljjo ljo")
        #expect(try b.romanize("ль льє льї лью лья лье льі льу льа льйо льо") == "lj ljje ljji ljju ljja lj'e lj'i lj'u lj'a ljjo ljo")
        #expect(try a.romanize("бйо лйо щй ЛЙО Лйо") == "b'jo l'jo ŝ'j L'JO L'jo")
        #expect(try b.romanize("бйо лйо щй ЛЙО Лйо") == "b'jo l'jo shch'j L'JO L'jo")
        #expect(try a.romanize("ь Ь ня ньа н'я") == "ĵ Ĵ nja nj'a n'ja")
        #expect(try b.romanize("ь Ь ня ньа н'я ЬО") == "hj Hj nja nj'a n'ja HJO")
        #expect(try a.romanize("бульйон Віньєтка") == "buljjon Vinjjetka")
        #expect(try b.romanize("БУЛЬЙОН") == "BULJJON")
    }

    @Test func dstuCapitalizationAndApostrophes() throws {
        let a = try Self.romanizer("uk-dstu-9112-a")
        let b = try Self.romanizer("uk-dstu-9112-b")
        // A capital written with several letters is in Title case before a lower-case letter
        // (an apostrophe may come between) and as an initial; otherwise in capitals.
        #expect(try a.romanize("ЩУКА Щука ЮРІЙ Щур ЄВГЕН Євген Щ. Я. Я") == "ŜUKA Ŝuka JURIJ Ŝur JEVĞEN Jevğen Ŝ. Ja. JA")
        #expect(try b.romanize("ЩУКА Щука ЮРІЙ Щур ЄВГЕН Євген Щ. Я. БОРЩ КИЇВ Ї") == "SHCHUKA Shchuka JURIJ Shchur JEVGHEN Jevghen Shch. Ja. BORSHCH KYJIV JI")
        #expect(try b.romanize("Ю. Тимошенко, Шйо ШЙО") == "Ju. Tymoshenko, Sh'jo SH'JO")
        for apostrophe in ["'", "\u{2019}", "\u{02BC}"] {
            #expect(try a.romanize("ім\(apostrophe)я ОБ\(apostrophe)ЄКТ") == "im'ja OB'JEKT")
            #expect(try b.romanize("ім\(apostrophe)я ОБ\(apostrophe)ЄКТ") == "im'ja OB'JEKT")
        }
        #expect(try a.romanize("\u{2018}жук\u{2019} 'жук' \"жук\"") == "\u{2018}žuk\u{2019} 'žuk' \"žuk\"")
        #expect(try b.romanize("Мер Києва Віталій Кличко said") == "Mer Kyjeva Vitalij Klychko said")
        #expect(try a.romanize("Мер Києва Віталій Кличко said") == "Mer Kyjeva Vitalij Klyčko said")
        // System A output is precomposed; system B output is ASCII.
        let text = "Щастям б’єш жук їх глицю в фон й ґедзь пріч. ХАРКІВ"
        let outA = try a.romanize(text)
        #expect(outA == "Ŝastjam b'ješ žuk ïx ğlycju v fon j gedzj prič. XARKIV")
        #expect(outA.unicodeScalars.elementsEqual(outA.precomposedStringWithCanonicalMapping.unicodeScalars))
        let outB = try b.romanize(text)
        #expect(outB == "Shchastjam b'jesh zhuk jikh ghlycju v fon j gedzj prich. KHARKIV")
        #expect(outB.unicodeScalars.allSatisfy { $0.isASCII })
    }

    // MARK: worked examples of the three national standards

    /// The worked examples of DSTU 9112:2021 (systems A and B) and the KMU 2010 resolution as
    /// implementations of them test them (here as in uklatn's test tables, MIT): every letter,
    /// the soft sign in each position, stress marks, and the letters of quoted Russian and
    /// Belarusian words. Compared scalar by scalar: the output is precomposed.
    @Test(arguments: [
        ("uk-dstu-9112-a", "Щастям б’єш жук їх глицю в фон й ґедзь пріч.", "Ŝastjam b'ješ žuk ïx ğlycju v fon j gedzj prič."),
        ("uk-dstu-9112-b", "Щастям б’єш жук їх глицю в фон й ґедзь пріч.", "Shchastjam b'jesh zhuk jikh ghlycju v fon j gedzj prich."),
        ("uk-national", "Щастям б’єш жук їх глицю в фон й ґедзь пріч.", "Shchastiam biesh zhuk yikh hlytsiu v fon y gedz prich."),
        ("uk-dstu-9112-a", "Україна, Хмельницький", "Ukraïna, Xmeljnycjkyj"),
        ("uk-dstu-9112-b", "Україна, Хмельницький", "Ukrajina, Khmeljnycjkyj"),
        ("uk-national", "Україна, Хмельницький", "Ukraina, Khmelnytskyi"),
        ("uk-dstu-9112-a", "ь Ь ль льє льї лью лья лье льі льу льа льйо льо", "ĵ Ĵ lj ljje ljï ljju ljja lj'e lji lj'u lj'a ljjo ljo"),
        ("uk-dstu-9112-b", "ь Ь ль льє льї лью лья лье льі льу льа льйо льо", "hj Hj lj ljje ljji ljju ljja lj'e lj'i lj'u lj'a ljjo ljo"),
        ("uk-national", "ь Ь ль льє льї лью лья лье льі льу льа льйо льо", "  l lie li liu lia le li lu la lio lo"),
        ("uk-dstu-9112-a", "Єл Їл Юл Ял", "Jel Ïl Jul Jal"),
        ("uk-dstu-9112-b", "Єл Їл Юл Ял", "Jel Jil Jul Jal"),
        ("uk-national", "Єл Їл Юл Ял", "Yel Yil Yul Yal"),
        ("uk-dstu-9112-a", "бй бйо гй жй щй ня ньа н’я нь'н ньн", "b'j b'jo ğ'j ž'j ŝ'j nja nj'a n'ja nj'n njn"),
        ("uk-dstu-9112-b", "бй бйо гй жй щй ня ньа н’я нь'н ньн", "b'j b'jo gh'j zh'j shch'j nja nj'a n'ja nj'n njn"),
        ("uk-national", "бй бйо гй жй щй ня ньа н’я нь'н ньн", "bi bio hi zhi shchi nia na nia nn nn"),
        ("uk-national", "згин зГ зГин Згин Зг ЗГ ЗГИН", "zghyn zGH zGhyn Zghyn Zgh ZGH ZGHYN"),
        // Stress marks: the vowel keeps its accent, precomposed; a capital written with several
        // letters and cited alone with its accent is all in capitals.
        ("uk-dstu-9112-a", "А́ а́ Е́ е́ Є́ є́ И́ и́ І́ і́ Ї́ ї́ О́ о́ У́ у́ Ю́ ю́ Я́ я́", "Á á É é JÉ jé Ý ý Í í Ḯ ḯ Ó ó Ú ú JÚ jú JÁ já"),
        ("uk-dstu-9112-b", "А́ а́ Е́ е́ Є́ є́ И́ и́ І́ і́ Ї́ ї́ О́ о́ У́ у́ Ю́ ю́ Я́ я́", "Á á É é JÉ jé Ý ý Í í JÍ jí Ó ó Ú ú JÚ jú JÁ já"),
        ("uk-national", "А́ а́ Е́ е́ Є́ є́ И́ и́ І́ і́ Ї́ ї́ О́ о́ У́ у́ Ю́ ю́ Я́ я́", "Á á É é YÉ yé Ý ý Í í YÍ yí Ó ó Ú ú YÚ yú YÁ yá"),
        ("uk-dstu-9112-a", "Є́с сЄ́с ї́с сЇ́с Ю́с ся́с", "Jés sJés ḯs sḮs Jús sjás"),
        ("uk-dstu-9112-b", "Є́с сЄ́с ї́с сЇ́с Ю́с ся́с", "Jés sJés jís sJís Jús sjás"),
        ("uk-national", "Є́с сЄ́с ї́с сЇ́с Ю́с ся́с", "Yés sIés yís sÍs Yús siás"),
        // Letters of quoted Russian and Belarusian words (DSTU 9112 only).
        ("uk-dstu-9112-a", "дыня эзёдынъ кроў Ї ї Й й Ё ё Ў ў", "dȳnja ēzödȳnǒ kroŭ Ï ï J j Ö ö Ŭ ŭ"),
        ("uk-dstu-9112-b", "дыня эзёдынъ кроў Ї ї Й й Ё ё Ў ў", "dywnja ehwzjowdywnoh krouh JI ji J j JOW jow UH uh"),
        ("uk-dstu-9112-b", "Эра ЭРА Ёлка Ъ Ы", "Ehwra EHWRA Jowlka OH YW"),
    ])
    func workedExample(_ standard: String, _ cyrillic: String, _ latin: String) throws {
        let output = try Self.romanizer(standard).romanize(cyrillic)
        #expect(output.unicodeScalars.elementsEqual(latin.unicodeScalars), "\(standard): \(output)")
    }

    /// A line with no combining accent skips the composing pass, which changes nothing there; a
    /// line with one goes through it.
    @Test(arguments: ["uk-national", "uk-dstu-9112-a", "uk-dstu-9112-b"])
    func theComposingPassIsSkippedOnlyWhereItChangesNothing(_ name: String) throws {
        let standard = try #require(TransliterationStandards.builtIn.get().standard(named: name))
        let plainRules = try #require(standard.rulesWithoutComposing, "\(name) ends with its composing pass")
        #expect(!plainRules.contains(TransliterationStandard.composingPass) && !plainRules.contains(TransliterationStandard.latinFilter))
        #expect(standard.rules.contains(TransliterationStandard.latinFilter))
        #expect(plainRules.split(separator: "\n", omittingEmptySubsequences: false).count
                == standard.rules.split(separator: "\n", omittingEmptySubsequences: false).count, "line numbers kept")
        let full = try Romanizer(standard)
        let plain = try Romanizer(TransliterationStandard(path: standard.path, rules: plainRules))
        for text in ["Щастям б’єш жук їх глицю в фон й ґедзь пріч. ХАРКІВ", "ЩУКА Щука Ю. Тимошенко, Шйо ЗГ зГ",
                     "Мер Києва said: café, 12,5 % — «так» Ω ά", "дыня эзёдынъ кроў Ї ї Ё ё",
                     "Q’Київ O'Брайен Марiя ШI ЗГ. ЗГ"] {
            #expect(try full.romanize(text) == plain.romanize(text), "\(name): \(text)")
        }
        let accented = "Ю́ля є́"
        #expect(try full.romanize(accented).unicodeScalars.elementsEqual(plain.romanize(accented).precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(try !full.romanize(accented).unicodeScalars.elementsEqual(plain.romanize(accented).unicodeScalars))
    }

    /// Decomposed letters are read as the letters they spell.
    @Test func decomposedLettersAreTheLetters() throws {
        let decomposed = "І\u{0308} і\u{0308} И\u{0306} и\u{0306} Е\u{0308} е\u{0308} У\u{0306} у\u{0306}"
        #expect(try Self.romanizer("uk-dstu-9112-a").romanize(decomposed) == "Ï ï J j Ö ö Ŭ ŭ")
        #expect(try Self.romanizer("uk-dstu-9112-b").romanize(decomposed) == "JI ji J j JOW jow UH uh")
    }

    // MARK: BGN/PCGN 1965 (ICU built-in)

    @Test func bgn1965() throws {
        let romanizer = try Self.romanizer("uk-bgn-1965")
        #expect(try romanizer.romanize("Київ") == "Kyyiv")
        #expect(try romanizer.romanize("Запоріжжя") == "Zaporizhzhya")
        #expect(try romanizer.romanize("Чернігів, Харків") == "Chernihiv, Kharkiv")
        #expect(try romanizer.romanize("ЩУКА Щука") == "SHCHUKA Shchuka")
        #expect(try romanizer.romanize("Мер Києва said") == "Mer Kyyeva said")
    }
}
