import Foundation
import Testing
import KalkaCore

/// Recall on the annotated MT-style articles of Tests/Fixtures/mt (composed for the project): each
/// planted artifact is found when a finding of its category overlaps it. The per-category recall is
/// printed; the floors below are regression guards, not targets.
@Suite struct CorpusRecallTests {
    struct Annotation {
        let file: String
        let line: Int
        let category: String
        let text: String
    }

    static let directory = Paths.root.appendingPathComponent("Tests/Fixtures/mt")

    static func annotations() throws -> [Annotation] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tsv") }.sorted()
        var result: [Annotation] = []
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard fields.count >= 3, let number = Int(fields[0]) else { continue }
                result.append(Annotation(file: String(file.dropLast(4)) + ".txt", line: number, category: fields[1], text: fields[2]))
            }
        }
        return result
    }

    @Test func recallPerCategory() throws {
        let annotations = try Self.annotations()
        #expect(annotations.count >= 80, "the annotated set is missing or small")
        var found: [String: (hit: Int, total: Int)] = [:]
        var misses: [String] = []
        var diagnosticsByFile: [String: (SourceFile, [Diagnostic])] = [:]
        for annotation in annotations {
            if diagnosticsByFile[annotation.file] == nil {
                let bytes = try [UInt8](Data(contentsOf: Self.directory.appendingPathComponent(annotation.file)))
                let source = try SourceFile(path: annotation.file, bytes: bytes)
                diagnosticsByFile[annotation.file] = (source, try Lint.allRules.lint(source, format: .plain, analyzer: Analyzer()))
            }
            let (source, diagnostics) = diagnosticsByFile[annotation.file]!
            // Where the annotated text sits: its first occurrence on (or from) the annotated line.
            let lineStart = source.lines.start(ofLine: annotation.line - 1)
            let rest = Array(source.text[lineStart...])
            let needle = Array(annotation.text.utf8)
            guard let offset = rest.firstRange(of: needle)?.lowerBound else {
                Issue.record("\(annotation.file):\(annotation.line): annotated text “\(annotation.text)” not found")
                continue
            }
            let range = (lineStart + offset)..<(lineStart + offset + needle.count)
            let hit = diagnostics.contains { $0.category.rawValue == annotation.category && $0.textRange.overlaps(range) }
            found[annotation.category, default: (0, 0)].total += 1
            if hit { found[annotation.category]!.hit += 1 } else { misses.append("\(annotation.file):\(annotation.line) \(annotation.category) “\(annotation.text)”") }
        }
        var report = "recall per category on \(annotations.count) planted artifacts:\n"
        for (category, counts) in found.sorted(by: { $0.key < $1.key }) {
            report += "  \(category): \(counts.hit)/\(counts.total) = \(String(format: "%.0f%%", 100 * Double(counts.hit) / Double(counts.total)))\n"
        }
        report += "missed:\n" + misses.map { "  " + $0 }.joined(separator: "\n")
        print(report)
        let total = found.values.reduce((0, 0)) { ($0.0 + $1.hit, $0.1 + $1.total) }
        #expect(Double(total.0) / Double(max(1, total.1)) >= 0.8, "\(report)")
    }
}
