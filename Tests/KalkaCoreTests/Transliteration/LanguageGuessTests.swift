import Testing
import KalkaCore
@testable import KalkaKnowledge

/// The Ukrainian/Russian guess on paragraphs composed for the purpose: news prose in each
/// language, short lines, and lines that mix the two.
@Suite struct LanguageGuessTests {
    private func language(of line: String, documentVote: CyrillicLanguage = .uk) -> [CyrillicLanguage] {
        let romanizer = try! TextRomanizer(ukrainian: standard("uk-national"), russian: standard("ru-wikipedia"), mode: .auto(vote: documentVote))
        let bytes = Array(line.utf8)
        return bytes.withUnsafeBufferPointer { romanizer.segments(of: $0).map(\.1) }
    }

    private func standard(_ name: String) -> TransliterationStandard {
        try! TransliterationStandards.builtIn.get().standard(named: name)!
    }

    @Test(arguments: [
        ("Уряд ухвалив рішення про ремонт мостів у Житомирській області до кінця року.", CyrillicLanguage.uk),
        ("Командувач заявив, що ситуація на фронті складна, але контрольована.", .uk),
        ("Депутати зібралися на позачергове засідання в понеділок.", .uk),
        ("Правительство приняло решение о ремонте мостов до конца года.", .ru),
        ("Командующий заявил, что ситуация на фронте сложная, но контролируемая.", .ru),
        ("Депутаты собрались на внеочередное заседание в понедельник.", .ru),
        ("Москва и Киев", .ru),
        ("Харків та Київ", .uk),
    ])
    func wholeLinesGetOneLanguage(_ line: String, _ expected: CyrillicLanguage) {
        #expect(language(of: line, documentVote: expected == .uk ? .ru : .uk) == [expected], "\(line)")
    }

    @Test func aMixedLineIsCutWhereTheLanguageChanges() {
        let line = "Зеленський сказав: «Ми вистоїмо», а Песков ответил: «Это неприемлемо, и точка»."
        #expect(language(of: line) == [.uk, .ru])
    }

    @Test func theDocumentVoteDecidesLinesWithoutEvidence() {
        #expect(language(of: "Москва", documentVote: .ru) == [.ru])
        #expect(language(of: "Москва", documentVote: .uk) == [.uk])
    }
}
