import Testing
import KalkaCore
import ICUKit
@testable import KalkaEngine
@testable import KalkaText

@Suite struct SourceFileTests {
    @Test func utf8WithBOMReportsFileOffsets() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Kyiv the the\n".utf8)
        let source = try SourceFile(path: "a.txt", bytes: bytes)
        #expect(source.encoding == .utf8WithBOM)
        #expect(source.text == Array("Kyiv the the\n".utf8))
        #expect(source.location(ofText: 5) == Location(line: 1, column: 6, offset: 8))
    }

    @Test func invalidUTF8NamesTheFirstBadByte() {
        let bytes = Array("Kyiv is fine".utf8) + [0xD0] + Array(" then".utf8)
        #expect(throws: SourceError.invalidUTF8(offset: 12)) { try SourceFile(path: "x", bytes: bytes) }
        // Overlong encodings, surrogates and stray continuation bytes are invalid too.
        #expect(throws: SourceError.invalidUTF8(offset: 1)) { try SourceFile(path: "x", bytes: [0x41, 0xC0, 0x80]) }
        #expect(throws: SourceError.invalidUTF8(offset: 0)) { try SourceFile(path: "x", bytes: [0xED, 0xA0, 0x80]) }
        #expect(throws: SourceError.invalidUTF8(offset: 2)) { try SourceFile(path: "x", bytes: [0x41, 0x42, 0x80]) }
        #expect(throws: SourceError.invalidUTF8(offset: 20)) {
            try SourceFile(path: "x", bytes: Array(String(repeating: "a", count: 20).utf8) + [0xF0, 0x9F, 0x98])
        }
    }

    @Test func nulBytesMeanBinary() {
        #expect(throws: SourceError.binary(offset: 3)) { try SourceFile(path: "x", bytes: [0x41, 0x42, 0x43, 0x00, 0x44]) }
    }

    @Test func sizeLimit() {
        #expect(throws: SourceError.tooLarge(bytes: 11, limit: 10)) {
            try SourceFile(path: "x", bytes: Array("hello world".utf8), sizeLimit: 10)
        }
    }

    @Test(arguments: [true, false])
    func utf16WithBOMMapsBackToFileBytes(littleEndian: Bool) throws {
        let text = "Київ, the the"
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in text.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += littleEndian ? pair : pair.reversed()
        }
        let source = try SourceFile(path: "u16.txt", bytes: bytes)
        #expect(String(decoding: source.text, as: UTF8.self) == text)
        // "the the" starts at UTF-16 unit 6 → file byte 2 + 12.
        let textOffset = Array(text.utf8).count - "the the".utf8.count
        #expect(source.location(ofText: textOffset) == Location(line: 1, column: 7, offset: 14))
        #expect(source.encode(text: source.text) == bytes)
        let diagnostics = try Lint.allRules.lint(source, format: .plain, analyzer: Analyzer()).filter { $0.rule.code == "DUP001" }
        #expect(diagnostics.map(\.start.offset) == [14])
        #expect(diagnostics.map(\.end.offset) == [bytes.count])
    }

    @Test func unpairedSurrogateInUTF16IsAnError() {
        #expect(throws: SourceError.invalidUTF16(offset: 2)) { try SourceFile(path: "x", bytes: [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]) }
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineEndings(_ newline: String) throws {
        let text = "First line.\(newline)Кулеба said the the\(newline)end"
        let source = try SourceFile(path: "x", bytes: Array(text.utf8))
        #expect(source.lines.count == 3)
        let offset = Array(text.utf8).count - "the the\(newline)end".utf8.count
        #expect(source.location(ofText: offset) == Location(line: 2, column: 13, offset: offset))
        #expect(source.lineText(1) == "Кулеба said the the")
        let diagnostics = try Lint.allRules.lint(source, format: .plain, analyzer: Analyzer())
        #expect(diagnostics.map(\.rule.code).sorted() == ["DUP001", "UNT001"])
    }
}

@Suite struct PlainTextReaderTests {
    @Test func softBreaksJoinLinesAndBlankLinesSeparateParagraphs() {
        let text = "Putin demanded\nguarantees.\r\n  \r\nNATO refused.\n\n\n"
        let document = PlainTextReader().read(Array(text.utf8))
        #expect(String(decoding: document.prose, as: UTF8.self) == "Putin demanded guarantees.\n\nNATO refused.")
        // "demanded guarantees" spans the line break: it maps back over it.
        let range = document.map.sourceRange(ofProse: 6..<25)
        #expect(String(decoding: Array(text.utf8)[range], as: UTF8.self) == "demanded\nguarantees")
    }
}

@Suite struct AnalysisTests {
    @Test func tokensSentencesAndParagraphs() throws {
        let text = "Kyiv’s mayor, Vitali Klitschko, spoke. NATO met in 2021.\n\nДмитро Kyіv 🇺🇦"
        let analysis = try Analyzer().analyze(PlainTextReader().read(Array(text.utf8)))
        let words = analysis.tokens.filter { $0.kind == .word }.map { analysis.text(of: $0) }
        #expect(words == ["Kyiv’s", "mayor", "Vitali", "Klitschko", "spoke", "NATO", "met", "in", "Дмитро", "Kyіv"])
        #expect(analysis.sentences.count == 3)
        #expect(analysis.paragraphs.count == 2)
        #expect(analysis.paragraphs[1].sentences == 2..<3)
        let shapes = Dictionary(uniqueKeysWithValues: analysis.tokens.filter { $0.kind == .word }.map { (analysis.text(of: $0), $0) })
        #expect(shapes["NATO"]?.shape == .upper)
        #expect(shapes["mayor"]?.shape == .lower)
        #expect(shapes["Vitali"]?.shape == .title)
        #expect(shapes["Дмитро"]?.script == .cyrillic)
        #expect(shapes["Kyіv"]?.script == .mixed)
        #expect(analysis.tokens.contains { $0.kind == .number && analysis.text(of: $0) == "2021" })
        #expect(analysis.tokens.contains { $0.kind == .symbol })
    }

    /// Large documents are segmented in chunks in parallel: the result must equal one pass.
    @Test func chunkedAnalysisEqualsOnePass() throws {
        let paragraph = "Kyiv’s mayor met Дмитро Кулеба on Monday. Talks 🇺🇦 resumed,\nand NATO agreed. "
        var text = ""
        for index in 0..<400 { text += String(repeating: paragraph, count: index % 5 + 1) + "\n\n" }
        let document = PlainTextReader().read(Array(text.utf8))
        let analyzer = try Analyzer()
        let whole = try analyzer.analyze(document, chunkSize: Int.max)
        let chunked = try analyzer.analyze(document, chunkSize: 4_000)
        #expect(Analyzer.chunks(document.prose, size: 4_000).count > 20)
        #expect(chunked.tokens == whole.tokens)
        #expect(chunked.sentences == whole.sentences)
        #expect(chunked.paragraphs == whole.paragraphs)
    }

    /// Sentence ends come back from ICU in UTF-16 units and are mapped to UTF-8 offsets at the
    /// word boundaries the tokens give: every sentence lies between two consecutive boundaries of
    /// ICU's own sentence breaking, in text of one to four bytes a scalar.
    @Test func sentencesLieBetweenICUSentenceBoundaries() throws {
        let pieces = ["Kyiv", "Київ", "🇺🇦", "e.g.", "3.5", "Mr.", ". ", "! ", "? ", "“Yes.” ", " ", "  ", "then", "Then", "—", ".Then", "e\u{301}"]
        var generator = SplitMix64(seed: 5)
        // One paragraph (plain text's reader keeps it as it is).
        var text = "Start"
        for _ in 0..<3_000 { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
        let analysis = try Analyzer().analyze(PlainTextReader().read(Array(text.utf8)))
        try #require(analysis.prose == Array(text.utf8))
        var boundaries = [0]
        let breaker = try TextBreaker(.sentence, locale: "en")
        let utf16 = Array(text.utf16)
        try utf16.withUnsafeBufferPointer { units throws(ICUError) in
            try breaker.forEachSegment(utf16: units) { _, end, _ in
                boundaries.append(text.utf8.distance(from: text.startIndex, to: String.Index(utf16Offset: end, in: text)))
            }
        }
        #expect(analysis.sentences.count >= boundaries.count / 2)
        for sentence in analysis.sentences {
            let after = boundaries.firstIndex { $0 >= sentence.range.upperBound }
            #expect(after != nil && after! > 0 && boundaries[after! - 1] <= sentence.range.lowerBound, "\(sentence.range)")
        }
    }

    @Test func utf16UnitsMapToUTF8Offsets() {
        let text = "aЖ€🇺b"
        let prose = Array(text.utf8)
        prose.withUnsafeBufferPointer { prose in
            #expect([0, 1, 2, 3, 5].map { Analyzer.utf8Offset(ofUnit: $0, from: 0, prose) } == [0, 1, 3, 6, 10])
            #expect(Analyzer.utf8Offset(ofUnit: 2, from: 1, prose) == 6)
        }
    }

    @Test func overlongTokensAreSplit() throws {
        let text = String(repeating: "a", count: Token.maximumLength + 10)
        let analysis = try Analyzer().analyze(PlainTextReader().read(Array(text.utf8)))
        #expect(analysis.tokens.count > 1)
        #expect(analysis.tokens.allSatisfy { $0.length <= Token.maximumLength && $0.kind == .word })
        #expect(analysis.tokens.map(\.length).reduce(0, +) == text.utf8.count)
        #expect(zip(analysis.tokens, analysis.tokens.dropFirst()).allSatisfy { $0.end == $1.start })
    }

    @Test func foldedHashIgnoresCaseAndApostropheStyle() {
        #expect(FoldedHash.of("KYIV") == FoldedHash.of("kyiv"))
        #expect(FoldedHash.of("ДМИТРО") == FoldedHash.of("дмитро"))
        #expect(FoldedHash.of("Kyiv’s") == FoldedHash.of("kyiv's"))
        #expect(FoldedHash.of("Kyiv") != FoldedHash.of("Kiev"))
    }

    /// Columns count Unicode scalars from the line start (counted eight bytes at a step): every
    /// offset at a scalar boundary, on short lines and on one longer than the column checkpoints'
    /// stride, in text of one, two, three and four bytes a scalar.
    @Test func columnsCountScalarsAtEveryOffset() throws {
        let pieces = ["Kyiv ", "Київ ", "“Odesa” ", "🇺🇦 ", "e\u{301} ", "\t", "Zaporizhzhia’s "]
        var generator = SplitMix64(seed: 11)
        var text = ""
        for line in 0..<6 {
            let length = line == 3 ? 400 : 3 + Int(generator.next() % 40)
            for _ in 0..<length { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            text += "\n"
        }
        let source = SourceFile(path: "columns.txt", string: text)
        var line = 1
        var offset = 0
        var column = 1
        for scalar in text.unicodeScalars {
            #expect(source.location(ofText: offset) == Location(line: line, column: column, offset: offset))
            offset += String(scalar).utf8.count
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
    }
}
