import Foundation
import Testing
import KalkaCore
@testable import KalkaModel

/// Every string kalka writes into JSON (messages, paths, flagged text) must read back exactly.
@Suite struct JSONStringTests {
    @Test(arguments: [
        "plain", "", "“Kiev” → “Kyiv”", "quote \" and \\ backslash", "tab\tnew\nline\rreturn",
        "controls \u{01}\u{08}\u{0C}\u{1F}", "separators \u{2028} and \u{2029} and \u{2026}", "Київ 🇺🇦 e\u{301}",
    ])
    func readsBackExactly(_ text: String) throws {
        let literal = JSON.string(text)
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
        #expect(decoded == [text])
        // Nothing that ends a line in JavaScript survives unescaped.
        #expect(!literal.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" })
    }

    @Test func generatedStringsReadBack() throws {
        var generator = SplitMix64(seed: 7)
        let alphabet: [Unicode.Scalar] = ["a", " ", "\"", "\\", "\n", "\u{0}", "\u{1B}", "“", "\u{2028}", "\u{2029}", "\u{E2}", "Ж", "😀"]
        for _ in 0..<300 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &generator) { text.append(alphabet.randomElement(using: &generator)!) }
            let string = String(text)
            let decoded = try JSONSerialization.jsonObject(with: Data("[\(JSON.string(string))]".utf8)) as? [String]
            #expect(decoded == [string])
        }
    }

    /// Line, column and offset numbers are written as JSON numbers that read back exactly.
    @Test(arguments: [0, 1, 9, 10, 99, 100, 4_294_967_296, Int.max, -1, -10, Int.min])
    func integersReadBackExactly(_ value: Int) throws {
        var out = JSONBytes()
        out.integer(value)
        #expect(out.text == String(value))
    }
}
