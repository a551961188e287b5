import Testing
import KalkaCore
@testable import KalkaEngine
@testable import KalkaRules
@testable import KalkaKnowledge

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

    /// Found by fuzzing: Cyrillic mixed only with a script MIX001 does not cover (Arabic) gave a
    /// finding naming no stray letter and a fix that changed nothing, applied on every pass.
    @Test func mixingWithAnUncoveredScriptIsNoMixedWord() throws {
        let word = "е\u{0671}а"
        #expect(try Lint.diagnostics("Ку \(word)").filter { $0.rule.code == "MIX001" }.isEmpty)
        #expect(try Lint.diagnostics("Talks in Kyіv resumed.").filter { $0.rule.code == "MIX001" }.count == 1)
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
        // A romanized initialism: listed at warning, unlisted only a hint, and a city's initial
        // alone is an established Latin form.
        let found = try Lint.diagnostics("The ZhKKh bills rose; the RKhBZ troops left; the KhNU rector met ChNPP staff.", linter: linter)
        #expect(found.map(\.severity) == [.warning, .info])
    }

    /// Rare English words (outside the 40,000 commonest) read as English, not as romanized source
    /// words; romanized Ukrainian and Russian words do not.
    @Test func romanizedWordsAreToldFromRareEnglish() throws {
        let linter = try Lint.linter(for: TransliteratedWordRule.self)
        let english = "bedazzled reupholstered unflappable recalibrate gobbledygook kerfuffle brouhaha skulduggery shenanigans rhododendron chrysanthemum quinquennial obstreperous kowtowed balalaika schadenfreude rapprochement gerrymandering filibustering stonewalled bellwether sclerotic kleptocracy kleptocrats apparatchiks tsarist cossacks steppes pogroms refuseniks hryvnias oblasts"
        for word in english.split(separator: " ") {
            #expect(try Lint.diagnostics("They said \(word) twice.", linter: linter).isEmpty, "\(word)")
        }
        let romanized = "mobilizatsiia zvernennia pidpryiemstvo vidnovlennia rozporiadzhennia nadzvychainoi zayavlennya perevirky vidkliuchennia elektroenerhii"
        for word in romanized.split(separator: " ") {
            #expect(try Lint.diagnostics("They said \(word) twice.", linter: linter).count == 1, "\(word)")
        }
        // Cited on purpose: in quotes, glossed, introduced.
        for text in ["Online, every setback is a “zvernennia” now.", "The vidnovlennia (recovery) plan passed.",
                     "Councils known as miskradas raised fees.", "The so-called perevirky began."] {
            #expect(try Lint.diagnostics(text, linter: linter).isEmpty, "\(text)")
        }
        // Names are capitalized: the letter check leaves them alone.
        #expect(try Lint.diagnostics("Zvenyhorodka and Pereiaslav reported outages.", linter: linter).isEmpty)
    }
}

/// False alarms of the script rules on professional English (review of the script rules), and
/// how one finding weighs on the others: composed sentences, none from a real article.
@Suite struct ScriptRuleFalseAlarmTests {
    private func warnings(_ text: String, linter: Linter = Lint.allRules) throws -> [String] {
        try Lint.diagnostics(text, linter: linter).filter { $0.severity >= .warning }.map(\.rule.code)
    }

    private func configured(date: String? = nil, ignore: [String] = [], severity: [Configuration.SeverityOverride] = []) throws -> Linter {
        var configuration = Configuration()
        configuration.articleDate = date.flatMap { SimpleDate(iso: $0) }
        configuration.severity = severity
        return try Linter.configured(configuration, ignore: ignore)
    }

    /// One doubtful finding does not turn every period spelling and quoted Cyrillic on the page
    /// into warnings.
    @Test func oneDoubtfulFindingDoesNotSpread() throws {
        let linter = try configured(date: "2014-02-18")
        // An established word: no finding, so "Kiev" of 2014 stays a hint.
        #expect(try warnings("Pro-government titushky beat students near the Kiev city hall, Kiev police said.", linter: linter).isEmpty)
        // A word found only by its letters is a warning of its own and a weak sign: alone, no
        // evidence; two of them are.
        #expect(try warnings("Officials in Kiev signed the rozporiadzhennia on Monday.", linter: linter) == ["UNT003"])
        #expect(try warnings("Officials in Kiev signed the rozporiadzhennia on Monday after the zasidannia.", linter: linter)
                == ["NAM001", "UNT003", "UNT003"])
        #expect(try warnings("Officials signed the rozporiadzhennia.\n\nA banner read “Нет войне” at the gate.\n\nПоследние новости\n")
            == ["UNT003", "UNT004"])
        // A listed abbreviation is: the quoted Cyrillic and the chrome are then untranslated text.
        #expect(try warnings("A banner read “Нет войне” near the Kyiv OVA.\n\nПоследние новости\n") == ["UNT001", "UNT002", "UNT001"])
        // Unless the abbreviation also spells an English one.
        #expect(try warnings("A banner read “Нет войне” near the SVO terminal.\n\nПоследние новости\n") == ["UNT004"])
    }

    /// The evidence is the run's own findings: a rule turned off or down to info shows nothing.
    @Test func evidenceFollowsTheRunsRuleSelection() throws {
        let text = "A banner read “Нет войне” near the Kyiv OVA.\n\nПоследние новости\n"
        #expect(try warnings(text, linter: configured(ignore: ["UNT002"])) == ["UNT004"])
        #expect(try warnings(text, linter: configured(ignore: ["UNT003"])) == ["UNT001", "UNT002", "UNT001"])
        let lowered = try Lint.diagnostics(text, linter: configured(severity: [.init("UNT002", .info)]))
        #expect(lowered.map(\.rule.code) == ["UNT001", "UNT002", "UNT004"])
        #expect(lowered.map(\.severity) == [.info, .info, .warning])
        // Untranslated sentences are UNT001's own sign, whatever else runs.
        let sentence = "The mayor said что repairs would end soon.\n\nПоследние новости\n"
        #expect(try warnings(sentence, linter: configured(ignore: ["UNT002", "UNT003", "MIX001"])) == ["UNT001", "UNT001"])
        // A word mixing Latin with Cyrillic letters is a sign; mixing with Greek is not.
        #expect(try warnings("Talks in Kyіv resumed.\n\nПоследние новости\n") == ["MIX001", "UNT001"])
    }

    @Test func englishAbbreviationsAreNoWarnings() throws {
        for text in [
            "A judge issued a TRO against the landlord.",
            "Infants get the DTP vaccine at two months.",
            "Team GBR took gold in the relay.",
            "Ministers met at the OGP summit in Tallinn.",
            "The FOP endorsed the sheriff.",
            "GAI tools now draft half of the memos.",
            "She picked a PPO plan at work.",
            "Hospitals are paid by DRG under the scheme.",
            "Flights from SVO were delayed by fog.",
            "The VKS bombed the bridge again, analysts said.",
            "The Soviet MVD ran the camps.",
            "The NAZK said it would check the declarations.",
            "The anti-graft agency, known as NAZK, opened a check.",
            "The MOZ guidelines changed in May.",
            "KMU Resolution No. 55 sets the rules.",
            "DP World signed a port deal.",
            "Posts move between servers over the AT Protocol.",
            "RUSSIAN STRIKE AT KYIV KILLS THREE",
            "KP Ukraine published the interview.",
            "The KZ Ministry of Energy said so.",
            "The road was built with Japanese ODA, and Japan ODA grants rose again.",
            "The Territorial Recruitment Center and Social Support (TCC and SP) said the TCC and SP would open late.",
            "The abbreviation is written “VLK” in Ukraine; officials abbreviated it VLK.",
            "Students of KhAI, KhNU and TsAGI visited the ChNPP site and the TsUM store.",
        ] {
            #expect(try warnings(text).isEmpty, "\(text)")
        }
        // A parenthesis that remarks on an abbreviation does not define it.
        #expect(try warnings("The OVA (which was created in 2022) said the OVA would reopen schools.") == ["UNT002", "UNT002"])
        // Case and context still tell: "TrO" as written, a quoted or unknown name, a place.
        #expect(try warnings("The TrO unit and KP “Teplovyk” and the Lviv ODA and NAK Naftohazprom met.") == ["UNT002", "UNT002", "UNT002", "UNT002"])
    }

    /// Looking for ")" stops within a few tokens, so an unclosed parenthesis far away never makes
    /// an abbreviation "defined" (and many of them stay linear: the benchmark measures speed).
    @Test func unclosedParenthesesDefineNothing() throws {
        let text = String(repeating: "NATO ( ", count: 8000) + "the OVA said."
        let linter = try Lint.linter(for: TransliteratedAbbreviationRule.self)
        #expect(try warnings(text, linter: linter) == ["UNT002"])
    }

    @Test func cyrillicGivenOnPurposeIsNoWarning() throws {
        for text in [
            "Crowds chanted “Слава Україні!” (“Glory to Ukraine!”) outside.",
            "\"Слава Україні!\" - \"Glory to Ukraine!\" rang out.",
            "“Героям слава!”, meaning “Glory to the heroes!”, followed.",
            "They answered “Glory to the heroes!” — “Героям слава!”.",
            "The Ukrainian letter ї does not exist in Russian.",
            "Ukrainian spelling adds the letters ґ, є, і and ї.",
            "Калина is Ukrainian for the guelder rose.",
            "Write to novyny@приклад.укр for accreditation.",
            "Users shared #ЗупинимоВійну widely, and https://приклад.укр/новини/ too.",
        ] {
            #expect(try codes(text).isEmpty, "\(text)")
        }
    }

    private func codes(_ text: String) throws -> [String] {
        try Lint.diagnostics(text).map(\.rule.code).filter { $0.hasPrefix("UNT") }
    }

    @Test func wordsEnglishUsesOnPurposeStayQuiet() throws {
        let linter = try Lint.linter(for: TransliteratedWordRule.self)
        for text in [
            "Pro-Kremlin titushky roamed the square.",
            "Army hazing, known in Russia as dedovshchina, persists.",
            "Hazing, or dedovshchina, persists; zachistki and filtratsiya followed.",
            "The opolchentsy and kontraktniki left; pokazukha and zastoi returned.",
            "Some call Ukrainians khokhly; the veterans call themselves pobratymy.",
            "Critics of the russkiy mir met the hromady on the elektrichka.",
            "They served syrniki, holubtsi and borshch and sang a kolyadka.",
            "City councils, the miskradas, raised fees.",
            "Yezhovshchina, Makhnovshchina and the Hetmanshchyna are periods; Slobozhanshchyna, Hutsulshchyna, Boikivshchyna and Lemkivshchyna are regions.",
            "The siloviki, Rosgvardia and Roskomnadzor answered; the Verkhovna Rada, the hromada and the oblast replied.",
            "A vyshyvanka, the Holodomor, the Maidan, zrada and peremoha trended.",
            "Read https://example.org/novyny/remont-dorih/ or #zradaperemoha today.",
        ] {
            #expect(try Lint.diagnostics(text, linter: linter).isEmpty, "\(text)")
        }
        // A word before a full stop and a closing quote is no address.
        #expect(try Lint.diagnostics("“Shelling hit Poltavshchyna.” Then Kharkovshchina (sic).", linter: linter).count == 1)
        #expect(try Lint.diagnostics("He said, “Shelling hit Poltavshchyna.”", linter: linter).count == 1)
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

    /// The model the build worked out (`PrecomputedDictionaries.builtInRomanizedNgrams`) is the
    /// one parsed from the built-in text, bit for bit; it stands in only for that text.
    @Test func theBuildsModelIsTheParsedOne() throws {
        let ready = try #require(PrecomputedDictionaries.builtInRomanizedNgrams)
        let parsed = try RomanizedNgramModel(text: DictionaryStore.builtInTexts[RomanizedNgramModel.path]!)
        let built = RomanizedNgramModel(grams: ready.grams, gramRatios: ready.gramRatios, contexts: ready.contexts, unseenRatios: ready.unseenRatios)
        #expect(ready.grams.count > 40_000)
        #expect(built.isIdentical(to: parsed))
        #expect(try RomanizedNgramModel.of(Lint.store).isIdentical(to: parsed))
        #expect(Lint.store.holdsBuiltInText(RomanizedNgramModel.path))
    }

    @Test func malformedRowsAreRejectedWithTheirLine() {
        #expect(throws: DictionaryError(path: "language/romanized-ngrams.tsv", line: 3, message: "expected a four-letter gram and two counts")) {
            try RomanizedNgramModel(text: "# columns: gram\tromanized\tenglish\n^^^a\t1\t2\nabc\t1\n")
        }
    }
}

extension RomanizedNgramModel {
    /// Whether two models hold the same grams, contexts and ratios, bit for bit.
    func isIdentical(to other: RomanizedNgramModel) -> Bool {
        grams == other.grams && contexts == other.contexts
            && gramRatios.map(\.bitPattern) == other.gramRatios.map(\.bitPattern)
            && unseenRatios.map(\.bitPattern) == other.unseenRatios.map(\.bitPattern)
    }
}
