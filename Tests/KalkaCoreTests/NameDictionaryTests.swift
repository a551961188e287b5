import Testing
import KalkaCore

/// The name data: every entry loads, every derived form agrees with the transliteration engine,
/// and no spelling to flag is a correct spelling of another entry.
@Suite struct NameDictionaryTests {
    static let names = try! NameDictionary.of(Lint.store)
    /// A fresh romanizer per test: it holds an ICU transliterator, which is not shareable.
    private var national: Romanizer { try! Romanizer(TransliterationStandards.builtIn.get().standard(named: "uk-national")!) }

    @Test func thereIsData() {
        #expect(Self.names.entries.count > 5)
        #expect(!Self.names.givenNames.isEmpty)
    }

    /// "national" entries: the canonical form is what the KMU 2010 standard gives for the original.
    @Test func nationalFormsComeFromTheStandard() throws {
        var mismatches: [String] = []
        for entry in Self.names.entries where entry.derivation == .national {
            let derived = try national.romanize(entry.original)
            if derived != entry.canonical { mismatches.append("\(entry.path):\(entry.line): \(entry.original) → \(derived), not \(entry.canonical)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    @Test func givenNamesComeFromTheStandard() throws {
        let file = try Lint.store.file("names/given-names.tsv")
        for row in file.rows {
            #expect(try national.romanize(row[2]) == row[0], "given-names.tsv:\(row.line)")
        }
    }

    @Test func russianFormsAreCyrillicAndOriginalsOfCyrillicLanguagesToo() {
        for entry in Self.names.entries {
            if !entry.russian.isEmpty {
                #expect(entry.russian.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }, "\(entry.path):\(entry.line)")
            }
            if ["uk", "ru", "be"].contains(entry.language) {
                #expect(entry.original.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }, "\(entry.path):\(entry.line)")
            }
        }
    }

    /// A spelling flagged for one entry must never be a correct spelling of another.
    @Test func noVariantIsAnotherEntrysCorrectForm() {
        var correct: [String: NameEntry] = [:]
        for entry in Self.names.entries {
            for form in entry.correctForms { correct[form.lowercased()] = entry }
        }
        var conflicts: [String] = []
        for entry in Self.names.entries {
            for variant in entry.variants {
                if let other = correct[variant.lowercased()] {
                    conflicts.append("\(entry.path):\(entry.line) flags “\(variant)”, correct for \(other.path):\(other.line)")
                }
            }
        }
        #expect(conflicts.isEmpty, "\(conflicts.joined(separator: "\n"))")
    }

    /// Every spelling in the variants and alternatives columns is a name, not a clause: a note
    /// that slipped into the wrong column would be matched as a spelling.
    @Test func spellingColumnsHoldNames() {
        let clauseWords: Set<String> = ["is", "was", "from", "in", "to", "for", "by", "and", "that", "until", "renamed", "spelling", "keeps"]
        var misplaced: [String] = []
        for entry in Self.names.entries {
            for spelling in entry.variants + entry.alternatives {
                let startsWithCapital = spelling.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
                let clause = spelling.split(separator: " ").contains { clauseWords.contains(String($0)) }
                if !startsWithCapital || clause || spelling.contains(where: { $0.isNumber || "();".contains($0) }) {
                    misplaced.append("\(entry.path):\(entry.line) “\(spelling)”")
                }
            }
        }
        #expect(misplaced.isEmpty, "\(misplaced.joined(separator: "\n"))")
    }

    @Test func canonicalFormsAreUnique() {
        var seen: [String: String] = [:]
        var duplicates: [String] = []
        for entry in Self.names.entries {
            let key = entry.canonical.lowercased() + "|" + entry.kind.rawValue
            if let first = seen[key] { duplicates.append("\(entry.canonical) at \(entry.path):\(entry.line) and \(first)") }
            seen[key] = "\(entry.path):\(entry.line)"
        }
        #expect(duplicates.isEmpty, "\(duplicates.joined(separator: "\n"))")
    }

    @Test func russianBasedVariantsAreDerived() {
        let kuleba = Self.names.entries.first { $0.canonical == "Dmytro Kuleba" }
        #expect(kuleba?.variants.contains("Dmitry Kuleba") == true)
        #expect(kuleba?.variants.contains("Dmitriy Kuleba") == true)
        let kyiv = Self.names.entries.first { $0.canonical == "Kyiv" }
        #expect(kyiv?.variants.contains("Kiev") == true)
    }

    @Test func mixingTwoAcceptedSpellingsIsInfoAndMixedRomanizationsAWarning() throws {
        let linter = try Lint.linter(for: InconsistentNameSpellingRule.self)
        let accepted = try Lint.diagnostics("Zaporizhzhia was shelled; in Zaporizhia power was cut.", linter: linter)
        #expect(accepted.map(\.severity) == [.info])
        let mixed = try Lint.diagnostics("Adviser Yurii Tverdokhlibskyi spoke. Later Tverdokhlibsky left, and Tverdokhlibskyi returned.", linter: linter)
        #expect(mixed.map(\.severity) == [.warning])
    }
}
