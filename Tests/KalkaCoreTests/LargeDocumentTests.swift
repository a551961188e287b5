import Foundation
import Testing
import KalkaCore
@testable import KalkaEngine

/// A document far larger than any article is checked a window at a time (`Linter.windowSize`),
/// so memory holds one window's analysis; what it reports must not depend on that.
@Suite struct LargeDocumentTests {
    /// The sample article in `format`, `copies` times over, as one document.
    static func repeated(_ file: String, copies: Int) throws -> String {
        let article = try String(contentsOf: Paths.root.appendingPathComponent("examples/\(file)"), encoding: .utf8)
        guard file.hasSuffix(".html") else { return Array(repeating: article, count: copies).joined(separator: "\n\n") }
        // One HTML page with the article's body repeated inside it.
        let body = article.components(separatedBy: "<body>")[1].components(separatedBy: "</body>")[0]
        return article.replacingOccurrences(of: body, with: Array(repeating: body, count: copies).joined(separator: "\n"))
    }

    static func key(_ diagnostic: Diagnostic) -> String {
        let fix = diagnostic.fix.map { fix in fix.edits.map { "\($0.textRange) \($0.replacement)" }.joined(separator: "; ") } ?? "-"
        return "\(diagnostic.rule.code) \(diagnostic.textRange) \(diagnostic.contextRange) \(diagnostic.severity) \(diagnostic.message) [\(fix)]"
    }

    @Test(arguments: [("sample-article.txt", InputFormat.plain), ("sample-article.md", .markdown), ("sample-article.html", .html)])
    func windowsReportWhatTheWholeDocumentDoes(file: String, format: InputFormat) throws {
        let text = try Self.repeated(file, copies: 12)
        let source = try SourceFile(path: "big", bytes: Array(text.utf8))
        let linter = Lint.allRules
        let whole = try linter.lint(source, format: format, analyzer: Analyzer(), windowSize: 1 << 30)
        // Windows of about a page: several per copy of the article, cut wherever a paragraph ends.
        let windowed = try linter.lint(source, format: format, analyzer: Analyzer(), windowSize: 2_000)
        let document = Readers.reader(for: format).read(source.text)
        #expect(Linter.windows(document.prose, size: 2_000).count > 12)
        #expect(whole.count > 12 * 5)
        let windowedKeys = windowed.map(Self.key), wholeKeys = whole.map(Self.key)
        #expect(windowedKeys.count == wholeKeys.count)
        #expect(Array(windowedKeys.filter { !Set(wholeKeys).contains($0) }.prefix(3)) == [])
        #expect(Array(wholeKeys.filter { !Set(windowedKeys).contains($0) }.prefix(3)) == [])
        #expect(windowedKeys == wholeKeys)
    }

    @Test func windowsCoverTheProseExceptTheBreaksBetweenThem() {
        let paragraph = Array(repeating: UInt8(ascii: "a"), count: 700)
        var prose: [UInt8] = []
        for index in 0..<20 {
            if index > 0 { prose += [0x0A, 0x0A] }
            prose += paragraph
        }
        let windows = Linter.windows(prose, size: 1_000)
        #expect(windows.count > 1)
        var covered = 0
        for (index, window) in windows.enumerated() {
            covered += window.count
            #expect(prose[window].first != 0x0A && prose[window].last != 0x0A)
            // What memory holds at once: about a window, never the document.
            #expect(window.count <= 1_000 + paragraph.count)
            if index > 0 { #expect(window.lowerBound == windows[index - 1].upperBound + 2) }
        }
        #expect(windows.first?.lowerBound == 0 && windows.last?.upperBound == prose.count)
        #expect(covered == prose.count - 2 * (windows.count - 1))
    }
}
