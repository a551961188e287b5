import Testing
@testable import KalkaCore

/// The script rules beyond their examples: where Cyrillic stands (UNT001 untranslated text or
/// UNT004 page chrome), the abbreviation table (UNT002) and the romanized-word check (UNT003).
@Suite struct ScriptRuleTests {
    private func codes(_ text: String, format: InputFormat = .plain) throws -> [String] {
        try Lint.diagnostics(text, format: format).map(\.rule.code).filter { $0.hasPrefix("UNT") || $0 == "MIX001" }
    }

    /// A short Cyrillic line is the site's chrome on an English page, and untranslated text on a
    /// page that shows the translation left unfinished — in every input format.
    @Test func cyrillicChromeDependsOnThePage() throws {
        let english = "The talks resumed on Monday in Geneva, officials said."
        let chrome = "Последние новости"
        let unfinished = "The mayor said the Kyiv OVA would publish the schedule."
        #expect(try codes("\(english)\n\n\(chrome)\n") == ["UNT004"])
        #expect(try codes("\(unfinished)\n\n\(chrome)\n") == ["UNT002", "UNT001"])
        #expect(try codes("\(english)\n\n\(chrome)\n", format: .markdown) == ["UNT004"])
        #expect(try codes("<p>\(english)</p><ul><li>Facebook</li><li>ВКонтакте</li></ul><p>\(chrome)</p>", format: .html) == ["UNT004", "UNT004"])
        #expect(try codes("<p>\(unfinished)</p><p>\(chrome)</p>", format: .html) == ["UNT002", "UNT001"])
        // A Cyrillic sentence elsewhere on the page is the same sign.
        #expect(try codes("\(english)\n\nМэр заявил, что ремонт завершится к осени.\n\n\(chrome)\n") == ["UNT001", "UNT001"])
    }

    @Test func timestampsAtTheEdgeOfALineAreChrome() throws {
        let found = try Lint.diagnostics("Talks resume in Geneva 17 ноября 2021, 09:40\n\nThe talks resumed.\n")
        #expect(found.map(\.rule.code) == ["UNT004"])
        #expect(found.first.map { $0.message.contains("17 ноября 2021, 09:40") } == true)
        #expect(try codes("The decree was signed on 4 ноября 2019 in Kyiv.\n") == ["UNT001"])
    }

    @Test func cyrillicGivenOnPurposeStaysQuiet() throws {
        for text in [
            "The slogan “Слава Україні” (“Glory to Ukraine”) rang out.",
            "The slogan “Слава Україні” — “Glory to Ukraine” rang out.",
            "Protesters chanted “Glory to Ukraine” — “Слава Україні”.",
            "Critics call it зрада, meaning betrayal.",
            "President Volodymyr Zelensky (Володимир Зеленський) spoke.",
            "Street signs in Kyiv/Київ were repainted.",
            "The parliament, known in Ukrainian as Верховна Рада, met.",
            "The Russian word война was banned on television.",
        ] {
            #expect(try codes(text).isEmpty, "\(text)")
        }
        #expect(try codes("Russian troops shelled Харків overnight.") == ["UNT001"])
        // Quoted without a gloss: a hint on English copy, a warning on a page left unfinished.
        let quoted = try Lint.diagnostics("A sign reading “Вхід заборонено” hung on the gate.")
        #expect(quoted.map(\.severity) == [.info])
        let unfinished = try Lint.diagnostics("A sign reading “Вхід заборонено” hung on the gate of the OVA.")
        #expect(unfinished.filter { $0.rule.code == "UNT001" }.map(\.severity) == [.warning])
    }

    /// An all-capital Cyrillic word ("США") is no mojibake by itself: the sentence around it is
    /// still untranslated text.
    @Test func allCapitalCyrillicWordIsNotMojibake() throws {
        #expect(try codes("The talks ended.\nДелегація США прибула до Женеви.\n") == ["UNT001"])
    }

    /// Every listed abbreviation is found in the context its entry asks for, over its whole length.
    @Test func everyAbbreviationMatchesInItsContext() throws {
        let linter = try Lint.linter(for: TransliteratedAbbreviationRule.self)
        for row in try Lint.store.file("abbreviations/transliterated.tsv").rows {
            let abbreviation = row[0]
            let (before, after) = switch row[5] {
            case "before-name": ("Fares set by ", " “Misktrans” rose.")
            case "after-place": ("The head of the Lviv ", " spoke.")
            default: ("Yesterday the ", " said so.")
            }
            let found = try Lint.diagnostics(before + abbreviation + after, linter: linter).map(\.textRange)
            let start = before.utf8.count
            #expect(found == [start..<(start + abbreviation.utf8.count)], "line \(row.line): \(abbreviation)")
        }
    }

    /// The fix writes the English form, which must not be flagged itself.
    @Test func abbreviationReplacementsAreEnglish() throws {
        let linter = try Lint.linter(for: TransliteratedAbbreviationRule.self)
        for row in try Lint.store.file("abbreviations/transliterated.tsv").rows {
            #expect(try Lint.diagnostics("Yesterday the \(row[1]) said so.", linter: linter).isEmpty, "line \(row.line): \(row[1])")
        }
    }

    @Test func abbreviationsInNamesAndDefinitionsStayQuiet() throws {
        let linter = try Lint.linter(for: TransliteratedAbbreviationRule.self)
        for text in [
            "The UOC-KP synod met; the ZSU-23-4 gun fired.",
            "Visit www.ova.com.ua or kp.ua for details.",
            "The so-called Donetsk People's Republic (DNR) said so; the DNR later denied it.",
            "The VLK (the military medical commission) met on Monday.",
            "The “Luhansk People's Republic” (LNR) said so; the LNR later denied it.",
            "The plant needs a 200 MVA transformer.",
        ] {
            #expect(try Lint.diagnostics(text, linter: linter).isEmpty, "\(text)")
        }
        #expect(try Lint.diagnostics("The ZhKKh bills rose; the KhNU rector resigned.", linter: linter).count == 2)
    }

    /// Rare English words (outside the 40,000 commonest) read as English, not as romanized source
    /// words; romanized Ukrainian and Russian words do not.
    @Test func romanizedWordsAreToldFromRareEnglish() throws {
        let linter = try Lint.linter(for: TransliteratedWordRule.self)
        let english = "festooned moisturised unthreatening recalibrate gobbledygook kerfuffle brouhaha skulduggery shenanigans rhododendron chrysanthemum quinquennial obstreperous kowtowed balalaika schadenfreude rapprochement gerrymandering filibustering stonewalled bellwether sclerotic kleptocracy kleptocrats apparatchiks tsarist cossacks steppes pogroms refuseniks hryvnias oblasts"
        for word in english.split(separator: " ") {
            #expect(try Lint.diagnostics("They said \(word) twice.", linter: linter).isEmpty, "\(word)")
        }
        let romanized = "mobilizatsiia zvernennia pidpryiemstvo vidnovlennia rozporiadzhennia nadzvychainoi zayavlennya perevirky vidkliuchennia elektroenerhii"
        for word in romanized.split(separator: " ") {
            #expect(try Lint.diagnostics("They said \(word) twice.", linter: linter).count == 1, "\(word)")
        }
        // Cited on purpose: in quotes, glossed, introduced.
        for text in ["Online, every setback is a “zvernennia” now.", "The vidnovlennia (recovery) plan passed.",
                     "Distributors known as oblenergos raised tariffs.", "The so-called perevirky began."] {
            #expect(try Lint.diagnostics(text, linter: linter).isEmpty, "\(text)")
        }
        // Names are capitalized: the letter check leaves them alone.
        #expect(try Lint.diagnostics("Zvenyhorodka and Pereiaslav reported outages.", linter: linter).isEmpty)
    }
}

@Suite struct RomanizedNgramModelTests {
    @Test func builtInModelLoadsAndScores() throws {
        let model = try RomanizedNgramModel.of(Lint.store)
        func score(_ word: String) -> Double {
            Array(word.utf8).withUnsafeBufferPointer { model.score($0, 0..<$0.count) }
        }
        #expect(score("vidkliuchennia") > TransliteratedWordRule.threshold)
        #expect(score("festooned") < 0)
    }

    @Test func malformedRowsAreRejectedWithTheirLine() {
        #expect(throws: DictionaryError(path: "language/romanized-ngrams.tsv", line: 3, message: "expected a four-letter gram and two counts")) {
            try RomanizedNgramModel(text: "# columns: gram\tromanized\tenglish\n^^^a\t1\t2\nabc\t1\n")
        }
    }
}
