import Testing
import KalkaCore
@testable import KalkaModel

/// The page layout reads each line's tokens once and runs the tests of a line alone (leftover
/// markup, captions, share bars, menus, tags, counters) only on the lines holding the tokens they
/// look for, and is built once per document however many rules ask. Work is counted
/// (`WorkCounter`, debug builds only), never timed.
@Suite struct PageLayoutWorkTests {
    private func analysis(_ text: String) throws -> Analysis {
        try Analyzer().analyze(PlainTextReader().read(Array(text.utf8)))
    }

    private func reader() throws -> PageLayoutReader {
        try PageLayoutReader.shared(DictionaryStore.builtIn.get())
    }

    /// Forty paragraphs of plain reporting, none with a chrome word or mark, none a copy of the
    /// two above it (their first and last words differ).
    static let reporting = (1...40).map { number in
        let subject = ["Officials", "Engineers", "Residents"][number % 3]
        let deadline = ["before winter", "by the spring", "within a month"][number % 3]
        return "\(subject) in district \(number) expect the old bridge over the river to be repaired \(deadline)."
    }.joined(separator: "\n\n")

    @Test(.enabled(if: WorkCounter.isCounting, "work is counted in debug builds only"))
    func linesOfProseRunNoTestOfChrome() throws {
        let document = try analysis(Self.reporting)
        let reader = try reader()
        var layout: PageLayout? = nil
        let steps = WorkCounter.counting { layout = reader.layout(of: document) }
        #expect(layout?.chrome.isEmpty == true)
        #expect(steps == 0)
    }

    @Test(.enabled(if: WorkCounter.isCounting, "work is counted in debug builds only"))
    func eachLineWithAChromeTokenIsTestedOnce() throws {
        // Lines a phrase of the list makes chrome ("Photo:", "Home »") never reach these tests.
        let page = "Regions » Odesa » Economy\n\nCranes over the grain terminal. Archive photo\n\n" + Self.reporting + "\n\n2,417 views\n\n#grain #ports"
        let document = try analysis(page)
        let reader = try reader()
        let steps = WorkCounter.counting { _ = reader.layout(of: document) }
        // The menu test on the breadcrumb, the caption test on the caption, the tag test on the
        // tags (the view counter is read by the cheap counter test every line gets); the forty
        // paragraphs run none.
        #expect(steps == 3)
    }

    @Test(.enabled(if: WorkCounter.isCounting, "work is counted in debug builds only"))
    func theLayoutIsBuiltOnceHoweverManyRulesAsk() throws {
        let document = try analysis("Regions » Odesa » Economy\n\n" + Self.reporting)
        let reader = try reader()
        let first = WorkCounter.counting { _ = reader.layout(of: document) }
        let again = WorkCounter.counting {
            for _ in 0..<3 { _ = reader.layout(of: document) }
        }
        #expect(first > 0)
        #expect(again == 0)
        #expect(reader.layout(of: document).chrome.count == 1)
    }
}
