import KalkaKnowledge
import KalkaModel
import KalkaText

/// NAM001: a name spelled the Russian way ("Kiev", "Dmitry Kuleba") or distorted by passing
/// through Russian ("Anthony Blinken"), from the name dictionary.
public struct RussianFormNameRule: Rule {
    public static let description = RuleDescription(
        code: "NAM001",
        name: "russian-form-name",
        category: .nameSpelling,
        severity: .warning,
        summary: "A known name in a Russian-based or distorted spelling: “Kiev”, “Dmitry Kuleba”, “Anthony Blinken”.",
        rationale: """
            Translated from a Russian original, Ukrainian names come out in their Russian form \
            (Kiev, Kharkov, Donbass, Dmitry Kuleba) and foreign names in a spelling rebuilt from the \
            Russian one (Anthony Blinken, Edgar Rinkevich). Ukraine's government, BGN/PCGN and the \
            major English style guides use the Ukrainian national romanization, and people their own \
            spelling. The spellings come from Dictionaries/names: for Ukrainian entries, the ones \
            derived from the Russian form plus those listed. Once the text names a person in full in \
            such a spelling (Oleg Sinegubov), the surname alone is flagged wherever it recurs \
            (Sinegubov said), its fix waiting for --unsafe-fixes, unless a spelling the dictionary \
            accepts for any person writes it so (Zelensky, Gerasimov) or the sentence's nearest \
            national marker is Russia or Belarus. A curated Ukrainian named by a mix of correct and \
            Russian-based parts (Denis Shmyhal, Alexei Reznikov) is flagged too (with only the \
            given name changed, where the text puts the person in Ukraine), unless the \
            sentence puts the name in Russia or Belarus or a Ukrainian given name stands before the \
            surname as wire copy spells it, g for h (Yurii Ignat); a surname half Russian or \
            distorted (Oleksandr Sirskyi) is known by its consonants, alone too where the sentence \
            puts it in Ukraine (said Zhivytsky; the fix waits for --unsafe-fixes), and a given name \
            translated into English (Andrew Yermak) is reported whatever the date; wire copy used the other forms until \
            2022, so they are period spellings, and with only the given name Russian the fix waits \
            for --unsafe-fixes. The usual English spellings of Russian \
            and Belarusian names (Sergei Lavrov, Moscow) are never flagged, nor established phrases \
            such as “Chicken Kiev” (Dictionaries/names/allow.tsv). Quotations and titles of works are \
            flagged like any text: suppress a deliberate historical spelling where it occurs. Some \
            spellings were English house style until a date (“Kiev” until the 2019–2022 style changes, \
            “Chernobyl” still for the disaster: Dictionaries/names/period-spellings.tsv): in an article \
            dated before then, or undated, that shows no other sign of translation through Russian, they \
            are reported at info and their fix waits for --unsafe-fixes (house-style.period-spellings: \
            flag reports them as warnings whatever the date). A document that also writes the modern \
            spelling of the same name (Kyiv beside Kiev) does not follow the older style. Beyond the \
            curated names, every unit and settlement of Ukraine's KATOTTH codifier is known \
            (Dictionaries/gazetteer), with its Russian form's romanizations derived by rule. Villages \
            share names with Russian ones and with surnames, so a village's spelling is flagged only \
            where it stands as a place ("the village of", "in", "near", before "village" or a \
            Ukrainian oblast), a raion's or hromada's adjective only before its noun ("the Kupyansky \
            district"), and never where the nearest national marker is Russia or Belarus; a spelling \
            that is also an English word or a place elsewhere needs a Ukrainian marker too. A \
            hromada's name before "community" (or in a list of communities) in a form no table can \
            list, Russian, cut short or half Ukrainian ("Khotinsk", "Miropol", "Lebedinska"), \
            is recognized by its stem's consonants and vowels, where one hromada fits: of the oblast \
            the text names, and not the name of a place there, or, where it names none, with a \
            Ukrainian marker in the sentence; that fix waits for \
            --unsafe-fixes. Older \
            romanizations of the Ukrainian name itself (Mykolayiv) are information; former names of \
            renamed places (Dzerzhinsk for Toretsk) are outdated, judged by the article's date as \
            period spellings are.
            """,
        fixApplicability: .safe,
        fixSafety: "The replacement is the dictionary's spelling of the same person or place; when one spelling stands for several entries the fix is only suggested.",
        triggering: [
            "Talks opened in ⟦Kiev⟧ on Monday.",
            "Foreign Minister ⟦Dmitry Kuleba⟧ met ⟦Anthony Blinken⟧ in Stockholm.",
            "Shelling hit ⟦Kharkov⟧ and the ⟦Donbass⟧ overnight.",
            "⟦Kiev⟧'s mayor spoke; so did ⟦Edgar Rinkevich⟧.",
            "Drones struck the village of ⟦Maly Krupol⟧ overnight.",
            "Fighting went on in the ⟦Kupyansky⟧ and ⟦Chuguevsky⟧ districts.",
            "Governor ⟦Oleg Sinegubov⟧ spoke first, and then ⟦Sinegubov⟧ took questions.",
            "In Sumy Oblast, mortars hit the ⟦Khotinsk⟧ and ⟦Miropol⟧ communities.",
            "Ukraine’s prime minister ⟦Denis Shmyhal⟧ met the donors.",
            "Shelling hit Sumy Oblast overnight, said ⟦Zhivytsky⟧.",
            "Shells hit the ⟦Kurilovskyi⟧ district.",
        ],
        nonTriggering: [
            "Talks opened in Kyiv on Monday; Kyiv’s mayor spoke.",
            "Sergei Lavrov and Dmitry Peskov spoke in Moscow.",
            "The restaurant served Chicken Kiev.",
            "Alexander Lukashenko met Antony Blinken? No.",
            "In the Russian village of Aleksandrovka near Kursk, a drone fell.",
            "Drones struck the village of Malyi Krupil overnight.",
            "Sinegubov took questions after the briefing.",
            "Volodymyr Zelensky spoke, and Zelensky took questions.",
            "In Sumy Oblast, mortars hit the Khotinska and Lebedyn communities.",
            "The Russian businessman Denis Shmyhal was detained in Moscow.",
            "In Moscow, Zhivytsky declined to comment; Babchenko left Russia.",
            "Shells hit the Chuhuivske community and the Kupyanskyi district.",
        ],
        fixes: [
            FixExample("Talks opened in Kiev on Monday.", "Talks opened in Kyiv on Monday."),
            FixExample("KIEV, Dec 2 — Dmitry Kuleba said.", "KYIV, Dec 2 — Dmytro Kuleba said."),
            FixExample("Drones struck the village of Maly Krupol.", "Drones struck the village of Malyi Krupil."),
        ],
        signalsTranslation: .weak
    )

    private let names: NameDictionary
    private let periodSpellings: PeriodSpellings
    private let gazetteer: Gazetteer?
    private let context: NationalContext
    /// The nouns an adjectival name (a raion's, a hromada's, a city district's) stands before.
    private let unitNouns = WordSet(["district", "districts", "raion", "raions", "rayon", "rayons", "community", "communities",
                                     "hromada", "hromadas", "municipality", "region", "area", "areas"])
    private let and = FoldedHash.of("and")
    private let comma = FoldedHash.of(",")
    /// Words before a name that make it a place: "in Gordeyevka", "the village of Gordeyevka".
    private let placePrepositions = WordSet(["in", "near", "outside", "around", "from", "into", "towards", "toward", "at"])
    private let placeNouns = WordSet(["village", "villages", "town", "towns", "city", "settlement", "settlements", "hamlet",
                                      "district", "districts", "community", "outskirts"])
    private let regionNouns = WordSet(["oblast", "region", "province", "district", "raion", "rayon"])
    private let of = FoldedHash.of("of")
    private let `in` = FoldedHash.of("in")

    /// Given names in their Russian and Ukrainian forms: a place's spelling right after one is a
    /// person's surname.
    private let givenNames: WordSet
    /// Wire copy spelled lesser Ukrainian places the Russian way before 2022.
    private let placesPeriod: PeriodSpelling?
    /// And gave many Ukrainians the Russian form of their given name.
    private let givenNamesPeriod: PeriodSpelling?
    /// The last words of every person's correct and accepted forms (Zelenskyy, Zelensky,
    /// Gerasimov): a surname so written alone is somebody's right spelling.
    private let correctSurnames: Set<UInt64>
    /// English words: a community so named is no hromada ("the Jewish community").
    private let english: WordSet

    public init(dictionaries: DictionaryStore) throws {
        names = try NameDictionary.of(dictionaries)
        periodSpellings = try PeriodSpellings.of(dictionaries)
        gazetteer = Gazetteer.builtIn
        context = NationalContext(names: names)
        givenNames = WordSet(Array(names.givenNames.keys) + Array(names.givenNames.values))
        placesPeriod = periodSpellings.spelling(PeriodSpellings.placeNamesKey)
        givenNamesPeriod = periodSpellings.spelling(PeriodSpellings.givenNamesKey)
        // Split on bytes: splitting 700 names on characters was a millisecond of start-up.
        correctSurnames = Set(names.entries.filter { $0.kind == .person }.flatMap(\.correctForms)
            .compactMap { $0.utf8.split(separator: 0x20).last.map { FoldedHash.of(Substring($0)) } })
        english = try dictionaries.englishWords()
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        // Entries the document also writes correctly: there the old spelling cannot be the
        // document's house style, whatever its date.
        var writtenCorrectly = Set<Int>()
        let matches = names.matches(in: analysis)
        for match in matches {
            let form = names.forms[match.phrase]
            if let entry = form.entry, form.role == .canonical || form.role == .alternative { writtenCorrectly.insert(entry) }
        }
        // A name recurs in one spelling: its message, replacement and period are worked out once
        // per form and written text.
        var reports: [FormWriting: Report] = [:]
        var people: [Person] = []
        for match in matches {
            let form = names.forms[match.phrase]
            guard form.role == .variant, let index = form.entry else { continue }
            let written = analysis.text(of: match.range)
            let key = FormWriting(phrase: match.phrase, written: written)
            let report: Report
            if let known = reports[key] {
                report = known
            } else {
                report = self.report(written, form: form, entry: index, writtenCorrectly: writtenCorrectly.contains(index))
                reports[key] = report
            }
            let edits = [ProseEdit(match.range, report.replacement)]
            if report.hasOneOwner {
                findings.report(match.range, report.message, fixTitle: report.fixTitle, edits: edits, period: report.period)
                if let person = person(match, entry: index, in: analysis, period: report.period),
                   !people.contains(where: { $0.written == person.written }) { people.append(person) }
            } else {
                findings.report(match.range, report.message,
                                fix: ProseFix(title: report.fixTitle, applicability: .displayOnly, edits: edits), period: report.period)
            }
        }
        reportMixedNames(analysis, people: &people, into: &findings)
        if !people.isEmpty { reportSurnames(of: people, in: analysis, into: &findings) }
        reportDistortedSurnames(analysis, into: &findings)
        if let gazetteer {
            reportPlaces(analysis, gazetteer: gazetteer, dictionaryMatches: matches, into: &findings)
            reportCommunities(analysis, gazetteer: gazetteer, into: &findings)
        }
    }

    /// A curated Ukrainian named by a given name and surname that mix correct and Russian-based
    /// forms, or Russian-based ones the list of whole names lacks ("Denis Shmyhal", "Serhii
    /// Kislitsa", "Alexei Reznikov"): never where the sentence's nearest marker is Russia or
    /// Belarus, nor a Ukrainian given name before the surname as wire copy spells it (g for h:
    /// Yurii Ignat). With the surname right and only the given name Russian or English, a
    /// namesake is likelier (Russians are named Sergei Marchenko too): only where the sentence
    /// puts the person in Ukraine or the document names only Ukraine, and the fix is only
    /// suggested. Wire copy gave Ukrainians the Russian forms of their given names before 2022:
    /// those are period spellings, as NAM002's are; a surname half Russian after a Ukrainian
    /// given name, or a given name translated into English, is no house style of any time.
    private func reportMixedNames(_ analysis: Analysis, people: inout [Person], into findings: inout Findings) {
        let mixed = names.mixedNames(in: analysis)
        guard !mixed.isEmpty else { return }
        let tokens = analysis.tokens
        let known = context.knownNames(in: analysis)
        for name in mixed {
            guard let sentence = analysis.sentence(containingToken: name.given) else { continue }
            let side = context.side(analysis, around: name.given...name.surname, in: analysis.sentences[sentence].tokens, known: known)
            guard side != false, name.surnameIsVariant || side == true || context.namesOnlyUkraine(analysis) else { continue }
            let entry = names.entries[name.entry]
            let surname = tokens[name.surname]
            let possessive = analysis.possessiveBase(of: surname)
            // The surname's bytes without a possessive ending.
            let surnameEnd = Int(surname.end) - (possessive?.suffixLength ?? 0)
            // A Ukrainian given name before the surname as wire copy spelled it, g for h (Yurii
            // Ignat): the agencies' established spelling, no sign of translation.
            if !name.givenIsVariant,
               entry.correctForms.contains(where: { LatinSpelling.isWireSpelling(analysis.prose[Int(surname.start)..<surnameEnd], of: $0.split(separator: " ").last!.utf8) }) {
                continue
            }
            let range = Int(tokens[name.given].start)..<surnameEnd
            let written = analysis.text(of: range)
            let replacement = CaseAdapter.adapt(entry.canonical, toCaseOf: written, listed: nil)
            let what = name.byConsonants ? "a distorted spelling of \(entry.original)" : origin(of: entry, original: entry.original, canonical: entry.canonical)
            let message = name.givenIsEnglish ? "“\(written)” translates the given name of \(entry.original) into English: use “\(replacement)”"
                : "“\(written)” is \(what): use “\(replacement)”"
            let edits = [ProseEdit(range, replacement)]
            let period = name.givenIsVariant && !name.givenIsEnglish ? givenNamesPeriod : nil
            if name.surnameIsVariant {
                findings.report(range, message, fixTitle: "Replace with “\(replacement)”", edits: edits, period: period)
                let written = possessive?.hash ?? surname.foldedHash
                if !correctSurnames.contains(written), !people.contains(where: { $0.written == written }) {
                    people.append(Person(entry: name.entry, written: written, period: period))
                }
            } else {
                findings.report(range, message, fix: ProseFix(title: "Replace with “\(replacement)”", applicability: .unsafe, edits: edits),
                                period: period)
            }
        }
    }

    /// A person named in full in a Russian-based spelling: the entry, and the folded hash of the
    /// surname as written (Sinegubov).
    private struct Person {
        var entry: Int
        var written: UInt64
        var period: PeriodSpelling?
    }

    /// The person a reported full name stands for, if its surname is misspelled too: "Oleg
    /// Sinegubov" gives Sinegubov for Syniehubov, "Anthony Blinken" nothing.
    private func person(_ match: PhraseMatcher.Match, entry index: Int, in analysis: Analysis, period: PeriodSpelling?) -> Person? {
        guard names.entries[index].kind == .person, match.tokens.count >= 3,
              let last = match.tokens.reversed().first(where: { analysis.tokens[$0].kind == .word }),
              last > match.tokens.lowerBound else { return nil }
        let written = analysis.tokens[last].foldedHash
        // A surname some person's correct form writes so is no error alone: Zelensky (an accepted
        // spelling of Zelenskyy), Gerasimov (Valery Gerasimov, not Herasymov).
        guard !correctSurnames.contains(written) else { return nil }
        return Person(entry: index, written: written, period: period)
    }

    /// The mentions of such a surname alone ("Sinegubov said"), before the full name or after it,
    /// outside the dictionary's names and unless the sentence's nearest marker is Russia or
    /// Belarus: the document has said who they are. Only suggested: another person may bear
    /// the surname.
    private func reportSurnames(of people: [Person], in analysis: Analysis, into findings: inout Findings) {
        let known = context.knownNames(in: analysis)
        for mention in context.mentions(of: people.map(\.written), in: analysis, known: known) {
            guard let person = people.first(where: { $0.written == mention.spelling }) else { continue }
            let entry = names.entries[person.entry]
            let surname = String(entry.canonical.split(separator: " ").last ?? Substring(entry.canonical))
            let written = analysis.text(of: mention.range)
            let replacement = CaseAdapter.adapt(surname, toCaseOf: written, listed: nil)
            let original = String(entry.original.split(separator: " ").last ?? Substring(entry.original))
            findings.report(mention.range, "“\(written)” is \(origin(of: entry, original: original, canonical: surname)), whom the text names in full: use “\(replacement)”",
                            fix: ProseFix(title: "Replace with “\(replacement)”", applicability: .unsafe,
                                          edits: [ProseEdit(mention.range, replacement)]),
                            period: person.period)
        }
    }

    /// A curated Ukrainian's surname alone in a distorted spelling no list holds ("Sienkovych
    /// wrote", "said Zhyvitsky"), known by its consonants and vowels
    /// (`PersonNameParts.distortedSurname`): a capitalized word with no capitalized word before
    /// it (another person's given name), not an English word, a given name or a place's name in
    /// any spelling the gazetteer knows, not already reported, and only where the sentence puts
    /// it in Ukraine or the document names only Ukraine. No house style ever wrote these; the
    /// fix is only suggested, as the person is a guess.
    private func reportDistortedSurnames(_ analysis: Analysis, into findings: inout Findings) {
        let tokens = analysis.tokens
        // The words that could be a surname, by their shape and two probes of the word lists
        // (most capitalized words are English words or given names: "Monday", "Olena"); the
        // name parts are built only if a word is left (a one-line check's usually has none), and
        // then bound once (read through a lazy variable, each use copied them).
        let shaped = tokens.indices.filter { index in
            let token = tokens[index]
            return token.shape == .title && token.kind == .word && token.script == .latin && token.length >= 5
                && !english.containsHash(token.foldedHash) && !givenNames.containsHash(token.foldedHash)
        }
        guard !shaped.isEmpty else { return }
        let parts = names.personParts
        // One walk in token order (a word's later occurrences are judged from the first's
        // verdict): most words fail the quick skeleton test before anything is looked up.
        var verdicts: [UInt64: Int?] = [:]
        // Each word found: its token, its bytes without a possessive ending, and the person.
        var found: [(token: Int, range: Range<Int>, entry: Int)] = []
        analysis.prose.withUnsafeBufferPointer { prose in
            for index in shaped {
                let token = tokens[index]
                let end = Int(token.end) - (analysis.possessiveBase(of: token)?.suffixLength ?? 0)
                let written = UnsafeBufferPointer(rebasing: prose[Int(token.start)..<end])
                guard parts.mayBeDistortedSurname(written) else { continue }
                let hash = token.foldedHash
                if verdicts[hash] == nil { verdicts[hash] = distortedSurnameOwner(written, hash: hash, parts: parts) }
                if let entry = verdicts[hash] ?? nil { found.append((index, Int(token.start)..<end, entry)) }
            }
        }
        guard !found.isEmpty else { return }
        let known = context.knownNames(in: analysis)
        let reported = findings.items.map(\.range)
        var namesOnlyUkraine: Bool?
        for (index, range, entryIndex) in found {
            guard known[index] == nil, !reported.contains(where: { $0.overlaps(range) }),
                  !(analysis.previousNonSpace(before: index).map { tokens[$0].kind == .word && tokens[$0].shape == .title } ?? false),
                  let sentence = analysis.sentence(containingToken: index) else { continue }
            switch context.side(analysis, around: index...index, in: analysis.sentences[sentence].tokens, known: known) {
            case false?: continue
            case true?: break
            case nil:
                if namesOnlyUkraine == nil { namesOnlyUkraine = context.namesOnlyUkraine(analysis) }
                guard namesOnlyUkraine == true else { continue }
            }
            let entry = names.entries[entryIndex]
            let original = String(entry.original.split(separator: " ").last ?? Substring(entry.original))
            let surname = String(entry.canonical.split(separator: " ").last ?? Substring(entry.canonical))
            let written = analysis.text(of: range)
            let replacement = CaseAdapter.adapt(surname, toCaseOf: written, listed: nil)
            findings.report(range, "“\(written)” looks like a distorted spelling of \(original) (\(entry.canonical)): use “\(replacement)”",
                            fix: ProseFix(title: "Replace with “\(replacement)”", applicability: .unsafe, edits: [ProseEdit(range, replacement)]))
        }
    }

    /// The curated person whose surname `written` (a word with folded hash `hash`, neither an
    /// English word nor a given name) distorts, unless the word is a place's name or a spelling
    /// of one (the village of Kovalenky is no Kovalenko).
    private func distortedSurnameOwner(_ written: UnsafeBufferPointer<UInt8>, hash: UInt64, parts: PersonNameParts) -> Int? {
        guard let owner = parts.distortedSurname(written), gazetteer?.form(ReadyNameTable.key(of: [hash])) == nil else { return nil }
        return owner.entry
    }

    /// What a spelling of the entry's name (or of its surname: `original`, `canonical`) is.
    private func origin(of entry: NameEntry, original: String, canonical: String) -> String {
        entry.isUkrainian ? "the Russian-based spelling of \(original)" : "a spelling of \(canonical) distorted through Russian"
    }

    /// The places of the gazetteer the curated dictionary does not hold (nor its allowed phrases
    /// cover): never beside a marker of Russia or Belarus, nor right after a given name (a
    /// person: Sergei Vinogradov); a raion's or hromada's adjective only before its noun; a
    /// village's name, a former name or a guarded spelling only where it stands as a place; a
    /// guarded spelling only with a Ukrainian marker as well.
    private func reportPlaces(_ analysis: Analysis, gazetteer: Gazetteer, dictionaryMatches: [PhraseMatcher.Match], into findings: inout Findings) {
        let known = context.knownNames(in: analysis)
        // Both lists run in document order: one cursor finds the dictionary's matches a place overlaps.
        var nextDictionaryMatch = 0
        for match in gazetteer.matches(in: analysis) where match.role != .canonical {
            while nextDictionaryMatch < dictionaryMatches.count && dictionaryMatches[nextDictionaryMatch].tokens.upperBound < match.tokens.lowerBound {
                nextDictionaryMatch += 1
            }
            guard nextDictionaryMatch == dictionaryMatches.count || !dictionaryMatches[nextDictionaryMatch].tokens.overlaps(match.tokens),
                  !followsGivenName(analysis, match.tokens.lowerBound),
                  let sentence = analysis.sentence(containingToken: match.tokens.lowerBound) else { continue }
            let rows = match.places
            let sentenceTokens = analysis.sentences[sentence].tokens
            // The place's own surroundings first; the national marker, a walk over the sentence, last.
            if rows.allSatisfy(gazetteer.isAdjectival) {
                guard standsBeforeUnitNoun(analysis, after: match.tokens.upperBound, in: sentenceTokens) else { continue }
            } else if !rows.allSatisfy(gazetteer.isCity) || match.role.isGuarded || match.role.isOutdated {
                // Villages share their names with surnames and given names (Trukhaniv, Nataliia),
                // and former names are often people's (Dimitrov, Tuchkov).
                guard standsAsPlace(analysis, match, in: sentenceTokens, known: known) else { continue }
            }
            let side = context.side(analysis, around: match.tokens, in: sentenceTokens, known: known)
            guard side != false, side == true || !match.role.isGuarded else { continue }
            report(match, rows: rows, in: analysis, sentence: sentenceTokens, gazetteer: gazetteer, into: &findings)
        }
    }

    private func report(_ match: Gazetteer.Match, rows: ReadyNameTable.Rows, in analysis: Analysis, sentence: Range<Int>,
                        gazetteer: Gazetteer, into findings: inout Findings) {
        let written = analysis.text(of: match.range)
        // The distinct canonical forms, and the first place with each (most forms have one).
        var canonicals: [String] = []
        var firstRows: [Int] = []
        for row in rows where !firstRows.contains(where: { gazetteer.canonicalBytes($0).elementsEqual(gazetteer.canonicalBytes(row)) }) {
            firstRows.append(row)
            canonicals.append(String(decoding: gazetteer.canonicalBytes(row), as: UTF8.self))
        }
        let replacement = CaseAdapter.adapt(canonicals[0], toCaseOf: written, listed: nil)
        let edits = [ProseEdit(match.range, replacement)]
        guard canonicals.count == 1 else {
            let options = canonicals.map { "“\($0)”" }.joined(separator: " or ")
            let what = match.role.isOutdated ? "a former name of" : "a Russian-based or older spelling of"
            findings.report(match.range, "“\(written)” is \(what) \(options)",
                            fix: ProseFix(title: "Replace with “\(replacement)”", applicability: .displayOnly, edits: edits), period: placesPeriod)
            return
        }
        // The place described: the one in the oblast the sentence names, if it names one.
        let words = rows.count == 1 ? [] : analysis.tokens[sentence].filter { $0.kind == .word }.map(\.foldedHash)
        let named = rows.count == 1 ? [] : rows.filter { words.contains(gazetteer.oblastWordHash($0)) }
        let place = gazetteer.place(named.first ?? firstRows[0])
        let which = named.count == 1 || rows.count == 1 ? "a \(place.kind == "special-city" ? "city" : place.kind) in \(place.oblast)"
            : "\(rows.count) places in Ukraine"
        if match.role.isOutdated {
            let renamed = rows.compactMap(gazetteer.renamedBy).max()
            findings.report(match.range, "“\(written)” is a former name of \(place.original) (\(which)): use “\(replacement)”",
                            fixTitle: "Replace with “\(replacement)”", edits: edits,
                            period: renamed.map { PeriodSpelling(until: $0, note: "the place was renamed") })
        } else if match.role == .older {
            findings.report(match.range, "“\(written)” is an older romanization of \(place.original) (\(which)): the national standard writes “\(replacement)”",
                            fix: ProseFix(title: "Replace with “\(replacement)”", applicability: .unsafe, edits: edits), severity: .info)
        } else {
            findings.report(match.range, "“\(written)” is a Russian-based spelling of \(place.original) (\(which)): use “\(replacement)”",
                            fixTitle: "Replace with “\(replacement)”", edits: edits, period: placesPeriod)
        }
    }

    /// Whether a name stands as a place: after a preposition of place ("in", "near", "from") or a
    /// place noun's "of" ("the village of"), before a place noun ("Gordeyevka village"), or before
    /// a Ukrainian region it lies in ("Gordeyevka, Kharkiv Oblast", "Gordeyevka in Kharkiv
    /// region"). A possessive is no place after a preposition ("in Chernov's film").
    private func standsAsPlace(_ analysis: Analysis, _ match: Gazetteer.Match, in sentence: Range<Int>, known: [Int: Bool]) -> Bool {
        let tokens = analysis.tokens
        let name = match.tokens
        if let next = analysis.nextNonSpace(after: name.upperBound), next < sentence.upperBound {
            if tokens[next].kind == .word && placeNouns.containsHash(tokens[next].foldedHash) { return true }
            if tokens[next].foldedHash == comma || tokens[next].foldedHash == `in`,
               let place = analysis.nextNonSpace(after: next), place < sentence.upperBound, known[place] == true,
               analysis.possessiveBase(of: tokens[place]) == nil,
               let region = analysis.nextNonSpace(after: place), region < sentence.upperBound,
               regionNouns.containsHash(tokens[region].foldedHash) { return true }
        }
        guard match.range.upperBound == Int(tokens[name.upperBound].end),
              let before = analysis.previousNonSpace(before: name.lowerBound), before >= sentence.lowerBound,
              tokens[before].kind == .word else { return false }
        if placePrepositions.containsHash(tokens[before].foldedHash) { return true }
        guard tokens[before].foldedHash == of, let noun = analysis.previousNonSpace(before: before), noun >= sentence.lowerBound else { return false }
        return placeNouns.containsHash(tokens[noun].foldedHash)
    }

    /// Whether the word before a name is a given name (a person, not a place: Sergei Vinogradov).
    private func followsGivenName(_ analysis: Analysis, _ first: Int) -> Bool {
        guard first >= 2, analysis.tokens[first - 1].kind == .space else { return false }
        let before = analysis.tokens[first - 2]
        return before.kind == .word && before.shape == .title && givenNames.containsHash(before.foldedHash)
    }

    /// Whether the words after `last` reach a unit noun ("district") through names, commas and
    /// "and" only ("the Kupyansky and Chuguevsky districts").
    private func standsBeforeUnitNoun(_ analysis: Analysis, after last: Int, in sentence: Range<Int>) -> Bool {
        let tokens = analysis.tokens
        var index = last + 1
        var steps = 0
        while index < sentence.upperBound && steps < 16 {
            let token = tokens[index]
            defer { index += 1; steps += 1 }
            if token.kind == .space { continue }
            if token.kind == .word && unitNouns.containsHash(token.foldedHash) { return true }
            let joins = token.foldedHash == comma || token.foldedHash == and || (token.kind == .word && token.shape == .title)
            if !joins { return false }
        }
        return false
    }

    /// A hromada's name before "community" (or in a list of communities) in a form no table
    /// lists: Russian, cut short or half Ukrainian ("Khotinsk community", "the communities of
    /// Miropol and Lebedinsk"), found by the consonants and vowels of its stem (`HromadaStems`).
    /// In a document that names an oblast, only a hromada of such an oblast, and not a name of a
    /// place there (English often names a community by its centre: "the Lebedyn community"); in
    /// one that names none, only with a Ukrainian marker in the sentence, and not a name of a
    /// place anywhere in Ukraine. Never a spelling the gazetteer guards or knows otherwise, an
    /// English word or demonym ("the Serbian community"), a given name or the dictionary's.
    /// The fix is a guess, so only suggested.
    private func reportCommunities(_ analysis: Analysis, gazetteer: Gazetteer, into findings: inout Findings) {
        let names = CommunityNames.of(analysis)
        guard !names.isEmpty, let stems = HromadaStems.builtIn else { return }
        let tokens = analysis.tokens
        let known = context.knownNames(in: analysis)
        let words = WordIndex.of(analysis)
        let namedOblasts = Set(stems.oblastWords.filter { !words.occurrences(of: $0).isEmpty })
        let reported = findings.items.map(\.range)
        for name in names {
            let range = Int(tokens[name.lowerBound].start)..<Int(tokens[name.upperBound].end)
            guard known[name.lowerBound] == nil, !reported.contains(where: { $0.overlaps(range) }),
                  !tokens[name].contains(where: { $0.kind == .word && (english.containsHash($0.foldedHash) || givenNames.containsHash($0.foldedHash)) }),
                  !Self.demonymEndings.contains(where: { analysis.prose[range].suffix($0.count).elementsEqual($0) })
            else { continue }
            var rows = stems.hromadas(writtenAs: analysis.prose[range])
            guard !rows.isEmpty else { continue }
            if !namedOblasts.isEmpty {
                rows = rows.filter { namedOblasts.contains(gazetteer.oblastWordHash($0)) }
                guard !rows.isEmpty else { continue }
            }
            let canonical = gazetteer.canonicalBytes(rows[0])
            guard rows.allSatisfy({ gazetteer.canonicalBytes($0).elementsEqual(canonical) }),
                  !LatinSpelling.sameRomanization(analysis.prose[range], canonical) else { continue }
            // A spelling the gazetteer knows: a place's name (in the oblasts in question, or
            // anywhere when the document names none), or one it guards, dates or calls older.
            if let form = gazetteer.form(ReadyNameTable.key(of: tokens[name].map(\.foldedHash))), form.role != .variant {
                guard form.role == .canonical, !namedOblasts.isEmpty else { continue }
                let oblasts = Set(rows.map(gazetteer.oblastWordHash))
                if form.places.contains(where: { oblasts.contains(gazetteer.oblastWordHash($0)) }) { continue }
            }
            // Without an oblast named, only a sentence that puts the community in Ukraine.
            if namedOblasts.isEmpty {
                guard let sentence = analysis.sentence(containingToken: name.lowerBound),
                      context.side(analysis, around: name, in: analysis.sentences[sentence].tokens, known: known) == true else { continue }
            }
            let place = gazetteer.place(rows[0])
            let written = analysis.text(of: range)
            let replacement = CaseAdapter.adapt(place.canonical, toCaseOf: written, listed: nil)
            let which = rows.count == 1 ? "a hromada in \(place.oblast)" : "\(rows.count) hromadas of that name"
            findings.report(range, "“\(written)” is a Russian-based or garbled form of \(place.original) (\(which)): use “\(replacement)”",
                            fix: ProseFix(title: "Replace with “\(replacement)”", applicability: .unsafe, edits: [ProseEdit(range, replacement)]),
                            period: placesPeriod)
        }
    }

    /// Endings of English adjectives of peoples and places ("the Serbian community").
    private static let demonymEndings = ["ian", "ish", "ese", "ean"].map { Array($0.utf8) }

    private struct FormWriting: Hashable {
        var phrase: Int
        var written: String
    }

    private struct Report {
        var message: String
        var fixTitle: String
        var replacement: String
        var hasOneOwner: Bool
        var period: PeriodSpelling?
    }

    private func report(_ written: String, form: (entry: Int?, role: NameFormRole, text: String), entry index: Int, writtenCorrectly: Bool) -> Report {
        let owners = names.variantOwners[form.text.lowercased()] ?? [index]
        let entry = names.entries[index]
        let replacement = CaseAdapter.adapt(entry.canonical, toCaseOf: written, listed: nil)
        let what = origin(of: entry, original: entry.original, canonical: entry.canonical)
        var period = periodSpellings.spelling(written)
        if writtenCorrectly { period = period?.mixed() }
        if owners.count == 1 {
            return Report(message: "“\(written)” is \(what): use “\(replacement)”", fixTitle: "Replace with “\(replacement)”",
                          replacement: replacement, hasOneOwner: true, period: period)
        }
        let options = owners.map { "“\(names.entries[$0].canonical)”" }.joined(separator: " or ")
        return Report(message: "“\(written)” is a Russian-based spelling of \(options)", fixTitle: "Replace with “\(replacement)”",
                      replacement: replacement, hasOneOwner: false, period: period)
    }
}
