import Testing
import KalkaCore

/// The Russian romanization standards in `Dictionaries/translit/ru-*.txt`, checked against each
/// document's table and examples, in lower, Title and UPPER case.
@Suite struct RussianStandardTests {
    static let names = ["ru-bgn-pcgn", "ru-wikipedia", "ru-icao", "ru-ala-lc", "ru-gost-7.79-b"]

    static func romanizer(_ name: String) throws -> Romanizer {
        let standards = try TransliterationStandards.builtIn.get()
        let standard = try #require(standards.standard(named: name), "no standard \(name)")
        return try Romanizer(standard)
    }

    /// Checks each `input → expected` pair (whole lines: the engine feeds ICU lines).
    static func check(_ name: String, _ cases: KeyValuePairs<String, String>,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let romanizer = try romanizer(name)
        for (input, expected) in cases {
            #expect(try romanizer.romanize(input) == expected, "\(name): \(input)", sourceLocation: sourceLocation)
        }
    }

    // MARK: every ru rule file

    @Test func everyRussianRuleFileCompiles() throws {
        let standards = try TransliterationStandards.builtIn.get()
        let russian = standards.all.filter { $0.language == .ru }
        #expect(Set(russian.map(\.name)).isSuperset(of: Self.names))
        for standard in russian {
            #expect(throws: Never.self, "\(standard.path)") { _ = try Romanizer(standard) }
            #expect(standard.path == "translit/\(standard.name).txt")
        }
        #expect(standards.defaultStandard(for: .ru)?.name == "ru-wikipedia")
    }

    @Test(arguments: names) func nonRussianTextPassesThrough(name: String) throws {
        let romanizer = try Self.romanizer(name)
        for text in ["", "Moscow, 24 February 2022: “No comment.” (p. 3) — ok?",
                     "a·b ʹʺ 'x' `y` é ñ ß Ω ω", "ї ґ є ў Ї Ґ Є Ў", "0123456789 +-*/=%&@#",
                     "tab\there  two  spaces", "中文 العربية"] {
            #expect(try romanizer.romanize(text) == text, "\(name): \(text)")
        }
    }

    // MARK: BGN/PCGN 1947 (ICU's Russian-Latin/BGN plus capitalization fixes)

    @Test func bgnPcgnLetters() throws {
        try Self.check("ru-bgn-pcgn", [
            "абвгдзиклмнопрстуф": "abvgdziklmnoprstuf",
            "АБВГДЗИКЛМНОПРСТУФ": "ABVGDZIKLMNOPRSTUF",
            "Жуков ЖУКОВ жуков ЁЖ": "Zhukov ZHUKOV zhukov YËZH",
            "Хабаровск ХАБАРОВСК хабаровск ПАХ": "Khabarovsk KHABAROVSK khabarovsk PAKH",
            "Цой ЦОЙ цой КОНЕЦ": "Tsoy TSOY tsoy KONETS",
            "Чехов ЧЕХОВ чехов МЯЧ": "Chekhov CHEKHOV chekhov MYACH",
            "Шолохов ШОЛОХОВ шолохов ШАШ": "Sholokhov SHOLOKHOV sholokhov SHASH",
            "Щука ЩУКА щука ПЛАЩ": "Shchuka SHCHUKA shchuka PLASHCH",
            "Юрий ЮРИЙ юрий ЛЮ": "Yuriy YURIY yuriy LYU",
            "Ярославль ЯРОСЛАВЛЬ ярославль ЗЕМЛЯ": "Yaroslavlʹ YAROSLAVLʹ yaroslavlʹ ZEMLYA",
            "Подъезд ПОДЪЕЗД подъезд": "Podʺyezd PODʺYEZD podʺyezd",
            "Давыдов ДАВЫДОВ Грозный ГРОЗНЫЙ Бийск": "Davydov DAVYDOV Groznyy GROZNYY Biysk",
            "Эрмитаж ЭРМИТАЖ поэт": "Ermitazh ERMITAZH poet",
        ])
    }

    @Test func bgnPcgnPositionalRules() throws {
        try Self.check("ru-bgn-pcgn", [
            // Rule 1: е is ye initially, after vowels, й, ъ, ь (the system's own examples).
            "Елизово Чапаевск Мейеровка Юрьев": "Yelizovo Chapayevsk Meyyerovka Yurʹyev",
            "Ельцин ЕЛЬЦИН ельцин Песков": "Yelʹtsin YELʹTSIN yelʹtsin Peskov",
            "ДОСЬЕ ШЕЕ её Её ЕЁ ЕЕ": "DOSʹYE SHEYE yeyë Yeyë YEYË YEYE",
            // Rule 2: ё is yë initially, after vowels, й, ъ, ь; ë elsewhere.
            "Ёлкино ЁЛКИНО ёлкино Озёрск ОЗЁРСК МОЁ Объём": "Yëlkino YËLKINO yëlkino Ozërsk OZËRSK MOYË Obʺyëm",
            "Щёлково": "Shchëlkovo",
            // Rule 3: the middle dot.
            "Советская Шчара Суык-Су Выудить Кайафа": "Sovet·skaya Sh·chara Su·yk-Su Vy·uditʹ Kay·afa",
        ])
    }

    @Test func bgnPcgnCapitalization() throws {
        try Self.check("ru-bgn-pcgn", [
            "ЮРИЙ Щукин": "YURIY Shchukin",
            "Щ. Ю. Я. Ж. Х. Ц. Ч. Ш. Ё.": "Shch. Yu. Ya. Zh. Kh. Ts. Ch. Sh. Yë.",
            "Я думаю. Я ЗНАЮ.": "Ya dumayu. YA ZNAYU.",
            "Министр Сергей Лавров said": "Ministr Sergey Lavrov said",
        ])
    }

    // MARK: English Wikipedia (simplified BGN/PCGN)

    @Test func wikipediaNames() throws {
        try Self.check("ru-wikipedia", [
            "Дмитрий Песков": "Dmitry Peskov",
            // WP:RUS: й is y, so Sergey (the English Wikipedia title); "Sergei" is a conventional spelling.
            "Сергей Лавров": "Sergey Lavrov",
            // -ия is iya by the rules; "Maria" is a conventional spelling.
            "Мария Захарова": "Mariya Zakharova",
            "Юрий Гагарин": "Yury Gagarin",
            "Хабаровск Ярославль Щёлково": "Khabarovsk Yaroslavl Shchyolkovo",
            "Подъячев Ельцин": "Podyachev Yeltsin",
            // "Tchaikovsky", "Bolshoi", "Alexei" are conventional names, not rule output.
            "Чайковский Достоевский Большой": "Chaykovsky Dostoyevsky Bolshoy",
            "Алексей Александр": "Aleksey Aleksandr",
            "Горбачёв Хрущёв": "Gorbachyov Khrushchyov",
            "Министр Сергей Лавров said": "Ministr Sergey Lavrov said",
        ])
    }

    @Test func wikipediaLetters() throws {
        try Self.check("ru-wikipedia", [
            "абвгдзиклмнопрстуф": "abvgdziklmnoprstuf",
            "АБВГДЗИКЛМНОПРСТУФ": "ABVGDZIKLMNOPRSTUF",
            "Жуков ЖУКОВ жуков ЁЖ": "Zhukov ZHUKOV zhukov YOZH",
            "Хабаровск ХАБАРОВСК хабаровск ПАХ": "Khabarovsk KHABAROVSK khabarovsk PAKH",
            "Цой ЦОЙ цой КОНЕЦ": "Tsoy TSOY tsoy KONETS",
            "Чехов ЧЕХОВ чехов МЯЧ": "Chekhov CHEKHOV chekhov MYACH",
            "Шолохов ШОЛОХОВ шолохов ШАШ": "Sholokhov SHOLOKHOV sholokhov SHASH",
            "Щука ЩУКА щука ПЛАЩ ВЕЩЬ": "Shchuka SHCHUKA shchuka PLASHCH VESHCH",
            "Юрий ЮРИЙ юрий ЛЮ": "Yury YURY yury LYU",
            "Ярославль ЯРОСЛАВЛЬ ярославль ЗЕМЛЯ": "Yaroslavl YAROSLAVL yaroslavl ZEMLYA",
            "Ёлкино ЁЛКИНО ёлкино Озёрск ОЗЁРСК МОЁ": "Yolkino YOLKINO yolkino Ozyorsk OZYORSK MOYO",
            "Эрмитаж ЭРМИТАЖ поэт": "Ermitazh ERMITAZH poet",
            "Давыдов ДАВЫДОВ": "Davydov DAVYDOV",
        ])
    }

    @Test func wikipediaPositionalRules() throws {
        try Self.check("ru-wikipedia", [
            // е: ye initially, after vowels, ъ and ь; e after consonants and after й.
            "Ельцин ЕЛЬЦИН ельцин Песков ПЕСКОВ": "Yeltsin YELTSIN yeltsin Peskov PESKOV",
            "Майер Сергеев Андреевич Юрьевич": "Mayer Sergeyev Andreyevich Yuryevich",
            "подъезд ПОДЪЕЗД ДОСЬЕ ШЕЕ её Её ЕЁ": "podyezd PODYEZD DOSYE SHEYE yeyo Yeyo YEYO",
            // Not after ы, as English Wikipedia titles these places.
            "Набережные Челны НАБЕРЕЖНЫЕ Красные Баки Белые Берега": "Naberezhnye Chelny NABEREZHNYE Krasnye Baki Belye Berega",
            // -ий, -ый endings are -y; inside a word й stays y.
            "Грозный ГРОЗНЫЙ Бийск Йошкар-Ола": "Grozny GROZNY Biysk Yoshkar-Ola",
            "Юрий-Дмитрий": "Yury-Dmitry",
            // ь, ъ: y before а и о у ы э, omitted elsewhere.
            "Ильин ИЛЬИН Тюмень ТЮМЕНЬ Выхухоль": "Ilyin ILYIN Tyumen TYUMEN Vykhukhol",
            "Мусийкъонгийкоте": "Musiykyongiykote",
            // No middle dots.
            "Советская Суык-Су Кайафа": "Sovetskaya Suyk-Su Kayafa",
        ])
    }

    @Test func wikipediaCapitalization() throws {
        try Self.check("ru-wikipedia", [
            "ЩУКА": "SHCHUKA", "Щука": "Shchuka", "ЮРИЙ Щукин": "YURY Shchukin",
            "Щ. Ю. Я. Ж. Х. Ц. Ч. Ш. Ё.": "Shch. Yu. Ya. Zh. Kh. Ts. Ch. Sh. Yo.",
            "Я думаю. Я ЗНАЮ.": "Ya dumayu. YA ZNAYU.",
            "Е. Ельцина": "Ye. Yeltsina",
        ])
    }

    // MARK: ICAO Doc 9303

    @Test func icao() throws {
        try Self.check("ru-icao", [
            "абвгдзиклмнопрстуф": "abvgdziklmnoprstuf",
            "АБВГДЗИКЛМНОПРСТУФ": "ABVGDZIKLMNOPRSTUF",
            "Жуков ЖУКОВ жуков": "Zhukov ZHUKOV zhukov",
            "Хабаровск ХАБАРОВСК хабаровск ПАХ": "Khabarovsk KHABAROVSK khabarovsk PAKH",
            "Цой ЦОЙ цой КОНЕЦ": "Tsoi TSOI tsoi KONETS",
            "Чехов ЧЕХОВ чехов МЯЧ": "Chekhov CHEKHOV chekhov MIACH",
            "Шолохов ШОЛОХОВ шолохов ШАШ": "Sholokhov SHOLOKHOV sholokhov SHASH",
            "Щука ЩУКА щука ПЛАЩ": "Shchuka SHCHUKA shchuka PLASHCH",
            "Юрий ЮРИЙ юрий ЛЮ": "Iurii IURII iurii LIU",
            "Ярославль ЯРОСЛАВЛЬ ярославль ЗЕМЛЯ": "Iaroslavl IAROSLAVL iaroslavl ZEMLIA",
            // е and ё are e in every position; й is i; ь is omitted; ъ is ie; ы y; э e.
            "Ёлкино ЁЛКИНО Щёлково Ельцин ЕЛЬЦИН": "Elkino ELKINO Shchelkovo Eltsin ELTSIN",
            "Подъячев ПОДЪЯЧЕВ объём": "Podieiachev PODIEIACHEV obieem",
            "Давыдов Грозный ГРОЗНЫЙ Эрмитаж": "Davydov Groznyi GROZNYI Ermitazh",
            "Дмитрий Песков, Мария Захарова": "Dmitrii Peskov, Mariia Zakharova",
            "ЮРИЙ Щукин": "IURII Shchukin",
            "Щ. Ю. Я. Ж. Х. Ц. Ч. Ш.": "Shch. Iu. Ia. Zh. Kh. Ts. Ch. Sh.",
            "Я думаю. Я ЗНАЮ.": "Ia dumaiu. IA ZNAIU.",
            "Министр Сергей Лавров said": "Ministr Sergei Lavrov said",
        ])
    }

    // MARK: ALA-LC

    @Test func alaLc() throws {
        try Self.check("ru-ala-lc", [
            "абвгдезиклмнопрстуф": "abvgdeziklmnoprstuf",
            "АБВГДЕЗИКЛМНОПРСТУФ": "ABVGDEZIKLMNOPRSTUF",
            "Жуков ЖУКОВ жуков": "Zhukov ZHUKOV zhukov",
            "Хабаровск ХАБАРОВСК хабаровск": "Khabarovsk KHABAROVSK khabarovsk",
            "Цой ЦОЙ цой КОНЕЦ": "T\u{361}soĭ T\u{361}SOĬ t\u{361}soĭ KONET\u{361}S",
            "Чехов ЧЕХОВ чехов": "Chekhov CHEKHOV chekhov",
            "Шолохов ШОЛОХОВ шолохов": "Sholokhov SHOLOKHOV sholokhov",
            "Щука ЩУКА щука ПЛАЩ": "Shchuka SHCHUKA shchuka PLASHCH",
            "Юрий ЮРИЙ юрий ЛЮ": "I\u{361}uriĭ I\u{361}URIĬ i\u{361}uriĭ LI\u{361}U",
            "Ярославль ЯРОСЛАВЛЬ ярославль ЗЕМЛЯ СЕМЬЯ":
                "I\u{361}aroslavlʹ I\u{361}AROSLAVLʹ i\u{361}aroslavlʹ ZEMLI\u{361}A SEMʹI\u{361}A",
            "Ёлкино ЁЛКИНО ёлкино Щёлково": "Ëlkino ËLKINO ëlkino Shchëlkovo",
            "Ельцин Подъячев ПОДЪЯЧЕВ объём": "Elʹt\u{361}sin Podʺi\u{361}achev PODʺI\u{361}ACHEV obʺëm",
            "Эрмитаж ЭРМИТАЖ поэт Давыдов ДАВЫДОВ": "Ėrmitazh ĖRMITAZH poėt Davydov DAVYDOV",
            "ЮРИЙ Щукин": "I\u{361}URIĬ Shchukin",
            "Щ. Ю. Я. Ц.": "Shch. I\u{361}u. I\u{361}a. T\u{361}s.",
            "Я думаю. Я ЗНАЮ.": "I\u{361}a dumai\u{361}u. I\u{361}A ZNAI\u{361}U.",
            // Pre-1918 letters; word-final ъ is not romanized.
            "Петербургъ Ѳёдоръ Мѣсто Міръ": "Peterburg Ḟëdor Mi\u{361}esto Mīr",
            "Министр Сергей Лавров said": "Ministr Sergeĭ Lavrov said",
        ])
    }

    // MARK: GOST 7.79-2000 system B

    @Test func gost779B() throws {
        try Self.check("ru-gost-7.79-b", [
            "абвгдезиклмнопрстуф": "abvgdeziklmnoprstuf",
            "АБВГДЕЗИКЛМНОПРСТУФ": "ABVGDEZIKLMNOPRSTUF",
            "Жуков ЖУКОВ жуков": "Zhukov ZHUKOV zhukov",
            "Хабаровск ХАБАРОВСК хабаровск": "Xabarovsk XABAROVSK xabarovsk",
            // ц: c before i, e, y, j; cz elsewhere.
            "Цой ЦОЙ цой КОНЕЦ": "Czoj CZOJ czoj KONECZ",
            "Цирк ЦИРК цирк Цех Цыган Цюрих": "Cirk CIRK cirk Cex Cy'gan Cyurix",
            "Чехов ЧЕХОВ чехов": "Chexov CHEXOV chexov",
            "Шолохов ШОЛОХОВ шолохов": "Sholoxov SHOLOXOV sholoxov",
            "Щука ЩУКА щука ПЛАЩ": "Shhuka SHHUKA shhuka PLASHH",
            "Юрий ЮРИЙ юрий ЛЮ": "Yurij YURIJ yurij LYU",
            "Ярославль ЯРОСЛАВЛЬ ярославль ЗЕМЛЯ": "Yaroslavl` YAROSLAVL` yaroslavl` ZEMLYA",
            "Ёлкино ЁЛКИНО ёлкино Щёлково МОЁ": "Yolkino YOLKINO yolkino Shhyolkovo MOYO",
            "Подъячев ПОДЪЯЧЕВ объём": "Pod``yachev POD``YACHEV ob``yom",
            "Давыдов ДАВЫДОВ ВЫЮГА Эрмитаж ЭРМИТАЖ поэт":
                "Davy'dov DAVY'DOV VY'YUGA E`rmitazh E`RMITAZH poe`t",
            "ЮРИЙ Щукин": "YURIJ Shhukin",
            "Щ. Ю. Я. Ц. Х.": "Shh. Yu. Ya. Cz. X.",
            "Я думаю. Я ЗНАЮ.": "Ya dumayu. YA ZNAYU.",
            "Міръ Ѳёдоръ Мѣсто Ѵгъ": "Mi'r`` Fhyodor`` Myesto Yhg``",
            "Министр Сергей Лавров said": "Ministr Sergej Lavrov said",
        ])
    }
}
