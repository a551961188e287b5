import Foundation
import Testing
import KalkaCore

/// The Ukrainian surnames (Dictionaries/people): canonical forms are the engine's, the table the
/// build laid out finds every spelling to flag with its row, and NAM002 reports a surname only
/// for a person the text marks as Ukrainian.
@Suite struct SurnameTests {
    static let rows: [(line: Int, fields: [String])] = {
        let text = try! Paths.read("Dictionaries/people/ukraine-surnames.tsv")
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            line.isEmpty || line.hasPrefix("#") ? nil : (index + 1, line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
        }
    }()

    @Test func canonicalFormsComeFromTheStandard() throws {
        let national = try Romanizer(TransliterationStandards.builtIn.get().standard(named: "uk-national")!)
        #expect(Self.rows.count > 60_000)
        var mismatches: [String] = []
        for row in Self.rows {
            #expect(row.fields.count == 4, "ukraine-surnames.tsv:\(row.line)")
            let derived = try national.romanize(row.fields[0])
            if derived != row.fields[1] { mismatches.append("ukraine-surnames.tsv:\(row.line): \(row.fields[0]) → \(derived), not \(row.fields[1])") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).joined(separator: "\n"))")
    }

    @Test func everySpellingIsFoundWithItsRow() throws {
        let surnames = try #require(Surnames.builtIn)
        #expect(surnames.count == Self.rows.count)
        var problems: [String] = []
        for (index, row) in Self.rows.enumerated() {
            let read = surnames.surname(index)
            if read.canonical != row.fields[1] || read.original != row.fields[0] { problems.append("row \(row.line) read back as \(read)") }
            for variant in row.fields[3].split(separator: "|") {
                guard let rows = surnames.rows(spelledAs: FoldedHash.of(variant)), rows.contains(index) else {
                    problems.append("row \(row.line): “\(variant)” not found")
                    continue
                }
            }
            if problems.count > 20 { break }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        // A canonical form is no spelling to flag.
        #expect(surnames.rows(spelledAs: FoldedHash.of("Hryhorenko")) == nil)
    }

    @Test func surnamesOfUkrainiansOnly() throws {
        let linter = try Linter(rules: [RussianGivenNameRule(dictionaries: Lint.store)], articleDate: SimpleDate(year: 2024, month: 1, day: 1))
        func flagged(_ text: String) throws -> [String] {
            try Lint.diagnostics(text, linter: linter).map { String(decoding: Array(text.utf8)[$0.start.offset..<$0.end.offset], as: UTF8.self) }
        }
        // After a Russian-form given name of a Ukrainian, and again later in the document.
        #expect(try flagged("Kharkiv deputy mayor Sergei Grigorenko spoke. Grigorenko then left.") == ["Sergei", "Grigorenko", "Grigorenko"])
        // The surname alone, or a Russian's: nothing.
        #expect(try flagged("Grigorenko spoke at the meeting.") == [])
        #expect(try flagged("Russian general Sergei Grigorenko spoke.") == [])
        // A possessive, on the given name's surname and on a later mention.
        #expect(try flagged("Kharkiv deputy mayor Sergei Grigorenko's office said. Later, Grigorenko's aide left.")
                == ["Sergei", "Grigorenko", "Grigorenko"])
        // With no marker, a surname's Ukrainian form alone makes a given name information only.
        let weak = try Lint.diagnostics("Mikhail Kovalchuk, head of the institute, spoke.", linter: linter)
        #expect(weak.map(\.severity) == [.info])
        // -yk is how the Ukrainian romanization writes -ик; the Russian one gives -ik.
        #expect(try Lint.diagnostics("Vladimir Hnatyk, head of the institute, spoke.", linter: linter).map(\.severity) == [.info])
        #expect(try Lint.diagnostics("Vladimir Hnatik, head of the institute, spoke.", linter: linter).isEmpty)
        // A person shown Ukrainian at one mention is Ukrainian at every mention with no marker,
        // whatever the surname's form, before and after.
        let later = try Lint.diagnostics("Ukraine's envoy Tatyana Hrytsenko arrived. Tatyana Hrytsenko then spoke.", linter: linter)
        #expect(later.map(\.severity) == [.warning, .warning])
        #expect(try flagged("Sergei Moroz arrived first. Ukraine's envoy Sergei Moroz spoke. Sergei Moroz left.")
                == ["Sergei", "Sergei", "Sergei"])
        #expect(try flagged("Sergei Moroz arrived first and spoke.") == [])
        // In a document about Ukraine only, a Ukrainian surname in either form is enough; one
        // that also names Russia keeps the surname's form at information.
        let ukraineOnly = "The Lviv city council met on Monday. Its secretary, Sergei Tkachenko, read the budget. Lviv expects more aid."
        #expect(try Lint.diagnostics(ukraineOnly, linter: linter).map(\.severity) == [.warning])
        #expect(try flagged("The Lviv city council met on Monday. Its secretary, Sergei Grigorenko, read the budget. Lviv expects more aid.")
                == ["Sergei", "Grigorenko"])
        let both = ukraineOnly + " Russia was not mentioned until now."
        #expect(try Lint.diagnostics(both, linter: linter).map(\.severity) == [.info])
        // Not a surname no Ukrainian bears, nor with one name of two words as the only mention.
        #expect(try flagged("The Lviv orchestra met on Monday. It played Igor Stravinsky's ballet. Lviv applauded.") == [])
        #expect(try Lint.diagnostics("Its secretary, Sergei Tkachenko, spoke. He came from Kryvyi Rih.", linter: linter).map(\.severity) == [.info])
        #expect(try Lint.diagnostics("Its secretary, Sergei Tkachenko, spoke. He came from Kryvyi Rih, not Lviv.", linter: linter).map(\.severity)
                == [.warning])
        let fix = try Lint.diagnostics("Kharkiv deputy mayor Sergei Grigorenko spoke.", linter: linter).last?.fix
        #expect(fix?.edits.first?.replacement == "Hryhorenko")
        #expect(fix?.applicability == .unsafe)
    }

    /// NAM001: a curated person named in full in a Russian-based spelling makes the surname alone
    /// a finding too, before or after the full name, possessive or in capitals; never a surname
    /// some person's correct spelling writes, nor one beside a Russian marker.
    @Test func surnamesOfCuratedPeopleNamedInFull() throws {
        let linter = try Linter(rules: [RussianFormNameRule(dictionaries: Lint.store)], articleDate: SimpleDate(year: 2024, month: 1, day: 1))
        func flagged(_ text: String) throws -> [String] {
            try Lint.diagnostics(text, linter: linter).map { String(decoding: Array(text.utf8)[$0.start.offset..<$0.end.offset], as: UTF8.self) }
        }
        #expect(try flagged("Sinegubov spoke first. Governor Oleg Sinegubov said the city was shelled; SINEGUBOV'S office agreed.")
                == ["Sinegubov", "Oleg Sinegubov", "SINEGUBOV"])
        let surname = try Lint.diagnostics("Governor Oleg Sinegubov spoke, and Sinegubov's deputy left.", linter: linter).last
        #expect(surname?.fix?.edits.first?.replacement == "Syniehubov")
        #expect(surname?.fix?.applicability == .unsafe)
        // Alone, it is nobody in particular.
        #expect(try flagged("Sinegubov spoke first.") == [])
        // Beside a Russian marker.
        #expect(try flagged("Governor Oleg Sinegubov spoke. In Russia, Sinegubov is a common surname.") == ["Oleg Sinegubov"])
        // An accepted spelling of the same person, and another person's correct spelling.
        #expect(try flagged("Vladimir Zelensky spoke, and Zelensky took questions.") == ["Vladimir Zelensky"])
        #expect(try flagged("Ukrainian MP Artur Gerasimov spoke. Valery Gerasimov did not; Gerasimov ordered an offensive.")
                == ["Artur Gerasimov"])
    }

    /// NAM001: a curated Ukrainian named by a mix of correct and Russian-based parts, which no
    /// list of whole names holds: a Russian given name before the right surname, a Ukrainian
    /// given name before a Russian-based surname (its "ye" after a vowel written "e" too). Not
    /// beside a Russian marker; NAM002 leaves the given name to it; the surname then recurs as
    /// a finding alone.
    @Test func curatedPeopleNamedInAMixOfForms() throws {
        let dictionaries = Lint.store
        let linter = try Linter(rules: [RussianFormNameRule(dictionaries: dictionaries), RussianGivenNameRule(dictionaries: dictionaries)],
                                articleDate: SimpleDate(year: 2024, month: 1, day: 1))
        func found(_ text: String) throws -> [String] {
            try Lint.diagnostics(text, linter: linter).map { "\($0.rule.code) " + String(decoding: Array(text.utf8)[$0.start.offset..<$0.end.offset], as: UTF8.self) }
        }
        #expect(try found("Ukraine's prime minister Denis Shmyhal met the donors.") == ["NAM001 Denis Shmyhal"])
        #expect(try found("Ukraine's envoy Serhii Kislitsa spoke to the council; Kislitsa left early.")
                == ["NAM001 Serhii Kislitsa", "NAM001 Kislitsa"])
        // Wire copy's g for h after a Ukrainian given name is the agencies' spelling.
        #expect(try found("Ukraine's prime minister Denys Shmygal met the donors.") == [])
        #expect(try found("Deputy minister Oleksiy Reznikov and Kirill Budanov spoke in Kyiv.") == ["NAM001 Kirill Budanov"])
        let mixed = try Lint.diagnostics("Ukraine's prime minister Denis Shmyhal met the donors.", linter: linter)
        #expect(mixed.first?.fix?.edits.first?.replacement == "Denys Shmyhal")
        #expect(mixed.first?.fix?.applicability == .unsafe)
        // A possessive surname is its base, and the finding leaves the ending out.
        #expect(try found("Ukraine's envoy Serhii Kislitsa's speech was short; Kislitsa's aide left.")
                == ["NAM001 Serhii Kislitsa", "NAM001 Kislitsa"])
        // A whole name the dictionary lists is its finding alone, not a mix as well.
        #expect(try found("Foreign Minister Dmitry Kuleba met Alexei Reznikov in Kyiv.") == ["NAM001 Dmitry Kuleba", "NAM001 Alexei Reznikov"])
        // The correct name, and a namesake beside a Russian marker.
        #expect(try found("Prime Minister Denys Shmyhal met the donors.") == [])
        #expect(try found("The Russian businessman Denis Shmyhal was detained in Moscow.") == [])
        // With only the given name Russian, a namesake without a Ukrainian context is left to
        // NAM002, and a declined name makes no place in its sentence Ukrainian.
        #expect(try found("Russian football: Spartak won on Sunday.\nDenis Shmyhal scored the winner.") == [])
        #expect(try found("Denis Shmyhal, a Moldovan economist, spoke at the forum.") == [])
        let russianNamesake = try Linter(rules: [RussianFormNameRule(dictionaries: dictionaries)], articleDate: SimpleDate(year: 2024, month: 1, day: 1))
        #expect(try Lint.diagnostics("The Russian film director Denis Shmyhal shot the film in Gordeyevka.", linter: russianNamesake).isEmpty)
        // A Russian-based surname (its "ye" after a vowel as "e") makes the mix and its later mentions.
        #expect(try found("Ukraine's deputy speaker Alexander Kornienko spoke; Kornienko left early.")
                == ["NAM001 Alexander Kornienko", "NAM001 Kornienko"])
        // In an older article with no other sign of translation, wire copy's spelling: information.
        let old = try Linter(rules: [RussianFormNameRule(dictionaries: dictionaries)], articleDate: SimpleDate(year: 2020, month: 1, day: 1))
        #expect(try Lint.diagnostics("Ukraine's prime minister Denis Shmyhal met the donors.", linter: old).map(\.severity) == [.info])
        // A surname half Russian or distorted, which no list holds: by its consonants, after one
        // of the person's given names; not English's simplifications of the right one.
        let hybrid = try Lint.diagnostics("The army's commander Oleksandr Sirskyi spoke in Kyiv.", linter: linter)
        #expect(hybrid.map(\.message) == ["“Oleksandr Sirskyi” is a distorted spelling of Олександр Сирський: use “Oleksandr Syrskyi”"])
        #expect(try found("Sumy governor Dmytro Zhyvytsky spoke; commander Oleksandr Syrsky agreed with Serhii Kyslytsya in Kyiv.") == [])
        #expect(try found("Oleksandr Sirskyi, the commander, spoke in Kyiv.") == ["NAM001 Oleksandr Sirskyi"])
        // The surname alone so distorted: where the sentence puts it in Ukraine (or the document
        // names only Ukraine); not after another given name, not beside a Russian marker, not a
        // name whose vowels differ otherwise (Babchenko is not Boichenko), and not English's
        // simplification of the right one.
        let alone = try Lint.diagnostics("Shelling hit Sumy Oblast overnight, said Zhivytsky.", linter: linter)
        #expect(alone.map(\.message) == ["“Zhivytsky” looks like a distorted spelling of Живицький (Dmytro Zhyvytskyi): use “Zhyvytskyi”"])
        #expect(alone.first?.fix?.applicability == .unsafe)
        #expect(try found("Shelling hit Sumy Oblast overnight, said Zhyvytsky.") == [])
        #expect(try found("Shelling hit Sumy Oblast overnight, said Marta Zhivytsky.") == [])
        #expect(try found("In Moscow, Zhivytsky declined to comment.") == [])
        #expect(try found("Zaporizhzhia's mayor Boichenko met the journalist Babchenko in Kyiv.") == [])
        // A given name translated into English (given-names.tsv's english column), for the
        // curated only: a warning whatever the date, its fix suggested.
        let english = try Lint.diagnostics("Presidential office head Andrew Yermak met Michael Fedorov in Kyiv.", linter: old)
        #expect(english.map(\.message) == ["“Andrew Yermak” translates the given name of Андрій Єрмак into English: use “Andrii Yermak”",
                                           "“Michael Fedorov” translates the given name of Михайло Федоров into English: use “Mykhailo Fedorov”"])
        #expect(english.map(\.severity) == [.warning, .warning])
        #expect(english.allSatisfy { $0.fix?.applicability == .unsafe })
        #expect(try found("Andrew Smith met Michael Carpenter in Kyiv.") == [])
        // The quick skeleton hash agrees with the skeleton it stands for.
        func quick(_ name: String) -> (hash: UInt64, count: Int) { Array(name.utf8).withUnsafeBufferPointer { LatinSpelling.consonantsHash($0) } }
        for (a, b) in [("Zhyvytskyi", "Zhivitsky"), ("Syrskyi", "Sirsky"), ("Ihnat", "Ignat")] {
            #expect(LatinSpelling.consonants(a.utf8) == LatinSpelling.consonants(b.utf8))
            #expect(quick(a) == quick(b))
        }
        #expect(quick("Boichenko").count == LatinSpelling.consonants("Boichenko".utf8).count)
        #expect(quick("Kovalenko") != quick("Kovalchuk"))
        #expect(PersonNameParts.withoutYeAfterVowel("Korniyenko") == "Kornienko")
        #expect(PersonNameParts.withoutYeAfterVowel("Yelchenko") == "Yelchenko")
        // Vowel runs by class: 1 holds an a, 2 a u (and no a), 3 the rest; letter case aside.
        #expect(LatinSpelling.vowelClasses("Zhyvytskyi".utf8) == [3, 3, 3])
        #expect(LatinSpelling.vowelClasses("Babchenko".utf8) == [1, 3, 3])
        #expect(LatinSpelling.vowelClasses("Boichenko".utf8) == [3, 3, 3])
        #expect(LatinSpelling.vowelClasses("AUDIO".utf8) == [1, 3])
        #expect(LatinSpelling.vowelClasses("Yushchenko".utf8) == [2, 3, 3])
        #expect(LatinSpelling.vowelClasses("Brzh".utf8) == [])
        #expect(LatinSpelling.vowelClasses("Kovalchuk".utf8) == [3, 1, 2])
    }
}
