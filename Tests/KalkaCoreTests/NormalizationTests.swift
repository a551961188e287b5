import Foundation
import Testing
import KalkaCore
@testable import KalkaEngine

/// `kalka normalize` as a library: NFC, the fix loop, positions in the input, and streaming in
/// chunks that give the same result as the whole document.
@Suite struct NormalizationTests {
    /// Dated in the present, so "Kiev" is a plain safe fix (the period-style tests cover older copy).
    static func normalizer(_ threshold: FixApplicability = .safe, format: InputFormat = .plain, typography: Typography = Typography()) throws -> TextNormalizer {
        var configuration = Configuration()
        configuration.typography = typography
        configuration.articleDate = SimpleDate(year: 2024, month: 5, day: 1)
        return TextNormalizer(linter: try Linter.configured(configuration), threshold: threshold, format: format)
    }

    static func whole(_ text: [UInt8], _ normalizer: TextNormalizer) throws -> NormalizedText {
        try normalizer.normalize(try SourceFile(path: "doc", bytes: text), analyzer: Analyzer())
    }

    static func streamed(_ text: [UInt8], _ normalizer: TextNormalizer, chunkSize: Int) throws -> (bytes: [UInt8], changes: [NormalizationChange]) {
        var bytes: [UInt8] = []
        var changes: [NormalizationChange] = []
        try NormalizationStream(normalizer: normalizer, chunkSize: chunkSize).run(bytes: text, path: "doc", write: { bytes += $0 }, explain: { changes.append($0) })
        return (bytes, changes)
    }

    /// Paragraphs of artifacts and clean text in a seeded order, with the given line ending.
    static func composed(seed: UInt64, newline: String) -> [UInt8] {
        let paragraphs = [
            "The the mayor of Kiev said the talks would resume.",
            "Cafe\u{301} owners in Ky\u{0456}v re\u{301}opened on Monday\u{200B} morning.",
            "Officials  met in Kharkov , and the Ukraine  was discussed.",
            "The ministry said «no» to 65 thousand new permits - a record.",
            "Prices rose 2,5 million times in the decree № 64 era.",
            "Nothing here needs a change at all; the text is clean English.",
            "Legal and legal guarantees were promised by Dmitry Kuleba.",
            "Line one of a wrapped paragraph\(newline)and its second line with Kiev.",
        ]
        var generator = SplitMix64(seed: seed)
        var parts: [String] = []
        for _ in 0..<24 { parts.append(paragraphs.randomElement(using: &generator)!) }
        return Array((parts.joined(separator: newline + newline) + newline).utf8)
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func chunkBoundariesDoNotChangeTheResult(_ newline: String) throws {
        let normalizer = try Self.normalizer()
        for seed in UInt64(1)...4 {
            let text = Self.composed(seed: seed, newline: newline)
            let reference = try Self.whole(text, normalizer)
            #expect(reference.bytes != text)
            for chunkSize in [1, 37, 200, 1000, 1 << 20] {
                let streamed = try Self.streamed(text, normalizer, chunkSize: chunkSize)
                #expect(streamed.bytes == reference.bytes, "seed \(seed), chunk \(chunkSize)")
                #expect(streamed.changes == reference.changes, "seed \(seed), chunk \(chunkSize)")
            }
        }
    }

    @Test func aSecondRunChangesNothing() throws {
        for threshold in [FixApplicability.safe, .unsafe] {
            let normalizer = try Self.normalizer(threshold, typography: Typography(quotes: .curly, dashes: .em))
            let once = try Self.whole(Self.composed(seed: 9, newline: "\r\n"), normalizer)
            let twice = try Self.whole(once.bytes, normalizer)
            #expect(!once.changes.isEmpty)
            #expect(twice.changes.isEmpty, "\(twice.changes.map(\.explanation))")
            #expect(twice.bytes == once.bytes)
        }
    }

    @Test func changesArePositionedInTheInput() throws {
        let text = Array("Intro line.\n\nThe the mayor of Kiev said  so.\n".utf8)
        let changes = try Self.whole(text, Self.normalizer()).changes
        #expect(changes.map(\.explanation) == ["3:4 DUP001 “ the” → “”", "3:18 NAM001 “Kiev” → “Kyiv”", "3:27 PUN003 “  ” → “ ”"])
        for change in changes {
            #expect(Array(text[change.location.offset...].prefix(change.old.utf8.count)) == Array(change.old.utf8))
        }
    }

    @Test func nfcComposesProseAndReportsIt() throws {
        let text = Array("Cafe\u{301} society.\n".utf8)
        let normalized = try Self.whole(text, Self.normalizer())
        #expect(String(decoding: normalized.bytes, as: UTF8.self) == "Caf\u{E9} society.\n")
        #expect(normalized.changes.map(\.explanation) == ["1:1 NFC “Cafe\u{301}” → “Caf\u{E9}”"])
        // Code is not prose: NFC leaves it alone.
        let markdown = Array("Caf\u{E9} and `cafe\u{301}` here.\n".utf8)
        #expect(try Self.whole(markdown, Self.normalizer(format: .markdown)).bytes == markdown)
    }

    @Test func unsafeFixesOnlyWhenAsked() throws {
        let text = Array("Legal and legal guarantees were promised.\n".utf8)
        #expect(try Self.whole(text, Self.normalizer(.safe)).bytes == text)
        let unsafe = try Self.whole(text, Self.normalizer(.unsafe))
        #expect(String(decoding: unsafe.bytes, as: UTF8.self) == "Legal guarantees were promised.\n")
        #expect(unsafe.changes.map(\.rule) == ["DUP002"])
    }

    @Test func byteOrderMarkAndLineEndingsStay() throws {
        let text: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Kiev is big.\r\n\r\nNo change.\r\n".utf8)
        let streamed = try Self.streamed(text, Self.normalizer(), chunkSize: 4)
        #expect(streamed.bytes == [0xEF, 0xBB, 0xBF] + Array("Kyiv is big.\r\n\r\nNo change.\r\n".utf8))
        #expect(streamed.changes.map(\.location) == [Location(line: 1, column: 1, offset: 3)])
    }

    @Test func invalidUTF8IsReportedAtItsOffsetInTheInput() throws {
        let text = Array("First paragraph.\n\nSecond one.\n\nThird ".utf8) + [0xFF] + Array(" end.\n".utf8)
        #expect(throws: NormalizationError(path: "doc", message: "invalid UTF-8 at byte 37")) {
            _ = try Self.streamed(text, Self.normalizer(), chunkSize: 8)
        }
    }

    @Test func chunksEndAfterBlankLinesOnly() {
        let text = Array("a\n\nb\r\n \r\nc\r".utf8)
        #expect(ParagraphCut.last(in: text, limit: 100, atEnd: true) == 9)
        #expect(ParagraphCut.last(in: text, limit: 5, atEnd: false) == 3)
        #expect(ParagraphCut.last(in: Array("one line\n".utf8), limit: 100, atEnd: false) == nil)
        // A CR at the end of what was read may be half of a CRLF.
        #expect(ParagraphCut.last(in: Array("a\r\r".utf8), limit: 100, atEnd: false) == nil)
        #expect(ParagraphCut.last(in: Array("a\r\r".utf8), limit: 100, atEnd: true) == 3)
        // A byte order mark never starts a chunk.
        #expect(ParagraphCut.last(in: Array("a\n\n\u{FEFF}b\n".utf8), limit: 100, atEnd: false) == nil)
    }

    @Test func offsetsMapBackThroughAPass() {
        // "ab__cd" → "abXcd" (2 bytes replaced by 1), then "abXcd" offset 3 (c) → input 4.
        let map = OffsetMapBack([(2..<4, 1)])
        #expect(map.inputOffset(of: 1) == 1)
        #expect(map.inputOffset(of: 2) == 2)
        #expect(map.inputOffset(of: 3) == 4)
        #expect(map.inputOffset(of: 5) == 6)
    }
}

/// The typography rules follow the house style, and only when it sets them.
@Suite struct HouseStyleTypographyTests {
    private func fixed(_ text: String, _ typography: Typography, format: InputFormat = .plain) throws -> String {
        let bytes = try NormalizationTests.whole(Array(text.utf8), NormalizationTests.normalizer(format: format, typography: typography)).bytes
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func offByDefault() throws {
        let text = "He said \"no\" and 'yes' — twice – in 2019–2021; it's “fine”.\n"
        #expect(try Lint.diagnostics(text).filter { ["PUN006", "PUN007"].contains($0.rule.code) }.isEmpty)
    }

    @Test func curlyQuotes() throws {
        let style = Typography(quotes: .curly)
        #expect(try fixed("\"'Hi,' she said,\" he wrote. Don't.\n", style) == "“‘Hi,’ she said,” he wrote. Don’t.\n")
        #expect(try fixed("The (\"quoted\") word and the '90s.\n", style) == "The (“quoted”) word and the ’90s.\n")
        // Markup is not prose: attribute and code quotes stay straight.
        #expect(try fixed("<p class=\"x\">A \"b\" <code>\"c\"</code></p>\n", style, format: .html) == "<p class=\"x\">A “b” <code>\"c\"</code></p>\n")
        #expect(try fixed("A \"b\" and `\"c\"` [l](http://x.org/\"y\")\n", style, format: .markdown) == "A “b” and `\"c\"` [l](http://x.org/\"y\")\n")
    }

    @Test func straightQuotes() throws {
        let style = Typography(quotes: .straight)
        #expect(try fixed("He said “the ‘deal’ is off” and Ukraine’s allies agreed.\n", style) == "He said \"the 'deal' is off\" and Ukraine's allies agreed.\n")
        // Russian quotes become curly by PUN001, then straight by the house style.
        #expect(try fixed("He called it «unacceptable».\n", style) == "He called it \"unacceptable\".\n")
    }

    @Test(arguments: [(DashStyle.em, "Kyiv—the capital—was shelled"), (.emSpaced, "Kyiv — the capital — was shelled"), (.enSpaced, "Kyiv – the capital – was shelled")])
    func dashes(_ style: DashStyle, _ expected: String) throws {
        let typography = Typography(dashes: style)
        for input in ["Kyiv – the capital — was shelled", "Kyiv—the capital - was shelled", "Kyiv — the capital—was shelled"] {
            #expect(try fixed(input + ", from 2019–2021, pages 10 – 15, the Kyiv–Warsaw train.\n", typography)
                    == expected + ", from 2019–2021, pages 10 – 15, the Kyiv–Warsaw train.\n", "\(input)")
        }
    }
}
