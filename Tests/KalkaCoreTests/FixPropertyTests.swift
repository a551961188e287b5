import Foundation
import Testing
import KalkaCore

/// Properties of fixing over generated documents (a fixed seed, so failures reproduce): in every
/// format and line-ending style, a fix changes only the bytes it reports, every finding lies on
/// character boundaries with consistent line/column, and a second run has nothing left to fix.
@Suite struct FixPropertyTests {
    /// Pieces documents are made of: clean words, artifacts kalka fixes, and traps it must not touch.
    static let pieces = [
        "Kyiv", "the", "talks", "resumed", "on", "Monday", "Moscow", "Sergei Lavrov", "said", "NATO", "allies",
        "the the", "legal and legal", "squads, crews and crews", "Kiev", "Dmitry Kuleba", "Ky\u{0456}v", "NАТО",
        "the Ukraine", "Kharkov", "Anthony Blinken", "Дмитро Кулеба", "Chicken Kiev", "more and more", "had had",
        "Київ 🇺🇦", "2.5%", "65,000", "“quoted”", "—", "Zelenskyy", "Zelensky",
    ]

    static func document(_ generator: inout SplitMix64, format: InputFormat, newline: String) -> String {
        var paragraphs: [String] = []
        for _ in 0..<Int.random(in: 1...5, using: &generator) {
            var words: [String] = []
            for _ in 0..<Int.random(in: 3...25, using: &generator) {
                words.append(pieces.randomElement(using: &generator)!)
            }
            var sentence = words.joined(separator: " ") + "."
            if Bool.random(using: &generator) {
                // Wrap a line somewhere, as editors do.
                let spaces = sentence.indices.filter { sentence[$0] == " " }
                if let cut = spaces.randomElement(using: &generator) { sentence.replaceSubrange(cut...cut, with: newline) }
            }
            switch format {
            case .plain: paragraphs.append(sentence)
            case .markdown: paragraphs.append(Bool.random(using: &generator) ? "- " + sentence : sentence + " `the the`")
            case .html:
                let escaped = sentence.replacing("&", with: "&amp;").replacing("Kiev", with: "Ki&#101;v")
                paragraphs.append("<p>" + escaped + "</p>")
            }
        }
        return paragraphs.joined(separator: newline + newline) + newline
    }

    @Test(arguments: [InputFormat.plain, .markdown, .html])
    func fixesAreExactLocalAndFinal(_ format: InputFormat) throws {
        var generator = SplitMix64(seed: 0x6B61_6C6B_61 &+ UInt64(format.rawValue.count))
        let analyzer = try Analyzer()
        for round in 0..<120 {
            let newline = ["\n", "\r\n"].randomElement(using: &generator)!
            let text = Self.document(&generator, format: format, newline: newline)
            let source = SourceFile(path: "doc", string: text)
            let diagnostics = try Lint.allRules.lint(source, format: format, analyzer: analyzer)
            let bytes = source.bytes
            for diagnostic in diagnostics {
                // On character boundaries, and line/column agree with the offset.
                for location in [diagnostic.start, diagnostic.end] {
                    #expect(location.offset == bytes.count || bytes[location.offset] & 0xC0 != 0x80, "round \(round)")
                    #expect(source.location(ofText: location.offset) == location)
                }
            }
            // Applying the fixes changes the reported ranges and nothing else.
            let (fixedBytes, _) = Fixer.apply(diagnostics, to: bytes, upTo: .unsafe)
            let edits = diagnostics.compactMap(\.fix).filter { $0.applicability != .displayOnly }.flatMap(\.edits)
            if edits.isEmpty { #expect(fixedBytes == bytes) }
            let firstEdit = edits.map(\.textRange.lowerBound).min() ?? bytes.count
            let lastEdit = edits.map(\.textRange.upperBound).max() ?? bytes.count
            #expect(Array(fixedBytes.prefix(firstEdit)) == Array(bytes.prefix(firstEdit)), "round \(round): bytes before the first edit changed")
            #expect(Array(fixedBytes.suffix(bytes.count - lastEdit)) == Array(bytes.suffix(bytes.count - lastEdit)), "round \(round): bytes after the last edit changed")
            // Fixing to the end leaves nothing fixable, and fixing again changes nothing.
            let outcome = try Lint.allRules.fix(source, format: format, analyzer: analyzer, upTo: .unsafe)
            let again = try Lint.allRules.fix(outcome.source, format: format, analyzer: analyzer, upTo: .unsafe)
            #expect(again.applied == 0, "round \(round): \(String(decoding: outcome.bytes, as: UTF8.self))")
            #expect(again.bytes == outcome.bytes)
            // Markup and code the prose does not show survive every fix.
            let fixedText = String(decoding: outcome.bytes, as: UTF8.self)
            if format == .markdown { #expect(fixedText.components(separatedBy: "`the the`").count == text.components(separatedBy: "`the the`").count) }
            if format == .html { #expect(fixedText.components(separatedBy: "<p>").count == text.components(separatedBy: "<p>").count) }
        }
    }
}
