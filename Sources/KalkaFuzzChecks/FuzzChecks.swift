import KalkaConfig
import KalkaCore

/// What one fuzz target feeds arbitrary bytes to. The same checks run under libFuzzer
/// (`kalka-fuzz`, built by scripts/fuzz.sh) and in `swift test`, which replays the seed corpus
/// and every input that ever failed (Tests/Fuzz).
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The plain-text, Markdown and HTML readers with their source maps, under every rule.
    case plain, markdown, html
    /// `.kalka.yml` through the configuration loader, then a linter built from it.
    case config
    /// Suppression directives in all three formats: where they are, what they hide.
    case suppressions
    /// The fix loop in all three formats: fixes stay in their bytes, a second run changes nothing.
    case fixer
    /// A JSON Lines record through the strict record parser and a record check.
    case records
}

/// Runs a target's invariant checks on one input and says what broke (nothing when all hold).
/// Holds the ICU analyzer, which is not thread-safe: one checker per thread.
public final class FuzzChecker {
    let analyzer: Analyzer
    /// Every built-in rule, preview rules included (they must be selected by code): without a
    /// house style, and with two (whose quote and dash rules rewrite the most bytes).
    let linters: [Linter]
    let directiveRuleCodes: Set<String>

    public init() throws {
        analyzer = try Analyzer()
        let codes = BuiltInRules.all.map { $0.description.code }
        var linters = [try Linter.builtIn(select: codes)]
        for typography in [Typography(quotes: .curly, dashes: .emSpaced), Typography(quotes: .straight, dashes: .em)] {
            let store = DictionaryStore(texts: DictionaryStore.builtInTexts, typography: typography)
            linters.append(try Linter.builtIn(store: store, select: codes, ignore: []))
        }
        self.linters = linters
        directiveRuleCodes = Set(BuiltInRules.all.filter { $0 is any DirectiveRule.Type }.map { $0.description.code })
    }

    /// The linter for an input: chosen by its length, so that a replay uses the same one.
    func linter(for bytes: [UInt8]) -> Linter {
        linters[bytes.count % linters.count]
    }

    /// The broken invariants for `bytes` fed to `target`, each as one line of text.
    public func check(_ target: FuzzTarget, _ bytes: [UInt8]) -> [String] {
        var problems = Problems()
        switch target {
        case .plain: checkReading(bytes, format: .plain, &problems)
        case .markdown: checkReading(bytes, format: .markdown, &problems)
        case .html: checkReading(bytes, format: .html, &problems)
        case .config: checkConfiguration(bytes, &problems)
        case .suppressions:
            for format in InputFormat.allCases { checkSuppressions(bytes, format: format, &problems) }
        case .fixer:
            for format in InputFormat.allCases { checkFixing(bytes, format: format, &problems) }
        case .records:
            checkRecord(bytes, &problems)
        }
        return problems.items
    }

    // MARK: Records

    /// Every line gives a record or an error, never a crash; an error's byte lies in the line; a
    /// record's id is bytes of the line, its text valid UTF-8, and its text value a quoted
    /// stretch of the line (what `normalize` replaces); a record checks like the same text.
    func checkRecord(_ bytes: [UInt8], _ problems: inout Problems) {
        let line = Array(bytes.prefix { $0 != 0x0A })
        switch JSONRecordParser.parse(line, lineNumber: 1, fields: RecordFields()) {
        case .failure(let error):
            if let range = error.message.range(of: "at byte "),
               let byte = Int(error.message[range.upperBound...].prefix { $0.isNumber }) {
                problems.expect(byte >= 1 && byte <= line.count + 1, "records: error '\(error.message)' points outside the \(line.count) bytes")
            }
            if let id = error.idJSON { problems.expect(line.firstRange(of: id) != nil, "records: the error's id is not in the line") }
        case .success(let record):
            problems.expect(line.firstRange(of: record.idJSON) != nil, "records: the id is not in the line")
            problems.expect(String(validating: record.text, as: UTF8.self) != nil, "records: the text is not valid UTF-8")
            let value = record.textValue
            if problems.expect(value.lowerBound >= 0 && value.upperBound <= line.count && value.count >= 2, "records: the text value \(value) is outside the line") {
                problems.expect(line[value.lowerBound] == 0x22 && line[value.upperBound - 1] == 0x22, "records: the text value is not a quoted string")
            }
            let (checked, _) = RecordCheck.check(.line(number: 1, bytes: line, ending: []), archive: "fuzz", fields: RecordFields(),
                                                 defaultFormat: .plain, linter: linter(for: bytes), analyzer: analyzer)
            if checked.error == nil, let source = try? SourceFile(path: record.id, bytes: record.text) {
                let alone = (try? linter(for: bytes).lint(source, format: record.format ?? .plain, analyzer: analyzer)) ?? []
                problems.expect(checked.report.diagnostics.map(\.textRange) == alone.map(\.textRange), "records: the record's findings differ from its text's")
            }
        }
    }

    // MARK: Reading

    /// The source as the command line reads it; when the bytes are not text (a clean error,
    /// checked to point inside the file), their repaired UTF-8 instead, so that every input
    /// still reaches the readers.
    func source(_ bytes: [UInt8], _ problems: inout Problems) -> SourceFile {
        do {
            return try SourceFile(path: "fuzz-input", bytes: bytes)
        } catch {
            switch error {
            case .invalidUTF8(let offset), .invalidUTF16(let offset), .binary(let offset):
                problems.expect(offset >= 0 && offset < bytes.count, "read error '\(error)' points outside the \(bytes.count) bytes")
            case .tooLarge: break
            }
            return SourceFile(path: "fuzz-input", string: String(decoding: bytes.filter { $0 != 0 }, as: UTF8.self))
        }
    }

    func checkReading(_ bytes: [UInt8], format: InputFormat, _ problems: inout Problems) {
        let linter = self.linter(for: bytes)
        let source = source(bytes, &problems)
        let document = Readers.reader(for: format).read(source.text)
        checkDocument(document, text: source.text, &problems)
        let diagnostics: [Diagnostic]
        do {
            diagnostics = try linter.lint(source, format: format, analyzer: analyzer)
        } catch {
            // ICU failing on valid text is not a clean error a user could act on.
            problems.add("\(format): linting failed: \(error)")
            return
        }
        checkDiagnostics(diagnostics, in: source, format: format, &problems)
        checkFixApplication(diagnostics, in: source, format: format, &problems)
        // Large documents are checked in windows (see `Linter.windowSize`): with small windows,
        // what the windows report must keep the same invariants.
        if bytes.count % 2 == 1 {
            do {
                let windowed = try linter.lint(source, format: format, analyzer: analyzer, windowSize: 64)
                checkDiagnostics(windowed, in: source, format: format, &problems)
                checkFixApplication(windowed, in: source, format: format, &problems)
            } catch {
                problems.add("\(format): linting in windows failed: \(error)")
            }
        }
    }

    /// The prose is valid UTF-8 with line feeds only in paragraph breaks; the source map sends
    /// every prose character to a range of the text on character boundaries, in order; directives
    /// and blocks lie in the text.
    func checkDocument(_ document: ProseDocument, text: [UInt8], _ problems: inout Problems) {
        let format = document.format
        let prose = document.prose
        problems.expect(UTF8Check.isValid(prose), "\(format): the prose is not valid UTF-8")
        var index = 0
        while index < prose.count {
            if prose[index] == 0x0A {
                let isBreak = index + 1 < prose.count && prose[index + 1] == 0x0A && (index + 2 == prose.count || prose[index + 2] != 0x0A)
                if !problems.expect(isBreak, "\(format): prose has a line feed at \(index) that is not a paragraph break") { break }
                index += 2
            } else {
                index += 1
            }
        }
        var previous = 0
        var start = 0
        while start < prose.count {
            var end = start + 1
            while end < prose.count && prose[end] & 0xC0 == 0x80 { end += 1 }
            let range = document.map.sourceRange(ofProse: start..<end)
            guard problems.expect(Self.isCharacterRange(range, in: text), "\(format): prose \(start)..<\(end) maps to \(range), not a character range of the \(text.count)-byte text"),
                  problems.expect(range.lowerBound >= previous, "\(format): prose \(start)..<\(end) maps to \(range), before the previous character (\(previous))")
            else { break }
            if let exact = document.map.exactSourceRange(ofProse: start..<end) {
                if !problems.expect(Self.isCharacterRange(exact, in: text), "\(format): prose \(start)..<\(end) maps exactly to \(exact), not a character range") { break }
            }
            previous = range.lowerBound
            start = end
        }
        var directiveEnd = 0
        for directive in document.directives {
            let range = directive.range
            problems.expect(Self.isCharacterRange(range, in: text) && range.lowerBound >= directiveEnd,
                            "\(format): directive at \(range) is outside the text, off a character boundary or out of order")
            for selector in directive.selectors {
                problems.expect(Self.isCharacterRange(selector.range, in: text) && range.contains(selector.range.lowerBound) && selector.range.upperBound <= range.upperBound,
                                "\(format): selector '\(selector.text)' at \(selector.range) is not inside its directive at \(range)")
            }
            directiveEnd = max(directiveEnd, range.upperBound)
        }
        var blockStart = 0
        for block in document.blocks {
            problems.expect(block.proseStart >= blockStart && block.proseStart <= prose.count, "\(format): block at prose \(block.proseStart) out of order or past the prose")
            if let lines = block.sourceLines {
                problems.expect(Self.isCharacterRange(lines, in: text), "\(format): block lines \(lines) are not a character range of the text")
            }
            blockStart = block.proseStart
        }
    }

    /// Every finding, its context and its fix edits lie in the text on character boundaries, and
    /// their lines, columns and file offsets agree with the text offsets.
    func checkDiagnostics(_ diagnostics: [Diagnostic], in source: SourceFile, format: InputFormat, _ problems: inout Problems) {
        let text = source.text
        for diagnostic in diagnostics {
            let code = diagnostic.rule.code
            guard problems.expect(Self.isCharacterRange(diagnostic.textRange, in: text), "\(format) \(code): range \(diagnostic.textRange) is not a character range of the \(text.count)-byte text"),
                  problems.expect(Self.isCharacterRange(diagnostic.contextRange, in: text), "\(format) \(code): context \(diagnostic.contextRange) is not a character range of the text")
            else { continue }
            problems.expect(diagnostic.start == source.location(ofText: diagnostic.textRange.lowerBound) && diagnostic.end == source.location(ofText: diagnostic.textRange.upperBound),
                            "\(format) \(code): start/end \(diagnostic.start)/\(diagnostic.end) disagree with range \(diagnostic.textRange)")
            problems.expect(diagnostic.start.offset <= source.bytes.count && diagnostic.end.offset <= source.bytes.count,
                            "\(format) \(code): file offsets past the \(source.bytes.count)-byte file")
            for edit in diagnostic.fix?.edits ?? [] {
                guard problems.expect(Self.isCharacterRange(edit.textRange, in: text), "\(format) \(code): fix edit \(edit.textRange) is not a character range of the text") else { continue }
                problems.expect(edit.start == source.location(ofText: edit.textRange.lowerBound) && edit.end == source.location(ofText: edit.textRange.upperBound),
                                "\(format) \(code): fix edit start/end disagree with its range \(edit.textRange)")
            }
        }
    }

    /// Applying the fixes replaces exactly the chosen edits' ranges: every other byte is kept, in
    /// order, and the result reads back as a file of the same encoding.
    func checkFixApplication(_ diagnostics: [Diagnostic], in source: SourceFile, format: InputFormat, _ problems: inout Problems) {
        let text = source.text
        let (fixed, chosen) = Fixer.applyChoosing(diagnostics, to: text, upTo: .unsafe)
        let edits = chosen.flatMap { $0.fix?.edits ?? [] }.sorted { ($0.textRange.lowerBound, $0.textRange.upperBound) < ($1.textRange.lowerBound, $1.textRange.upperBound) }
        var expected: [UInt8] = []
        var cursor = 0
        for edit in edits {
            guard problems.expect(edit.textRange.lowerBound >= cursor && edit.textRange.upperBound <= text.count,
                                  "\(format): chosen fix edits overlap or leave the text at \(edit.textRange)")
            else { return }
            expected += text[cursor..<edit.textRange.lowerBound]
            expected += Array(edit.replacement.utf8)
            cursor = edit.textRange.upperBound
        }
        expected += text[cursor...]
        problems.expect(fixed == expected, "\(format): applying \(chosen.count) fixes changed bytes outside their edits")
        do {
            _ = try SourceFile(path: "fixed", bytes: source.encode(text: fixed))
        } catch {
            problems.add("\(format): the fixed text does not read back: \(error)")
        }
    }

    // MARK: Suppressions

    /// Directives lie in the text; a directive only hides findings (every finding shown, other
    /// than those about directives, is one the rules report without directives); a
    /// `disable-file` hides every finding its selectors name.
    func checkSuppressions(_ bytes: [UInt8], format: InputFormat, _ problems: inout Problems) {
        let linter = self.linter(for: bytes)
        let source = source(bytes, &problems)
        let document = Readers.reader(for: format).read(source.text)
        checkDocument(document, text: source.text, &problems)
        let shown: [Diagnostic]
        let unsuppressed: Set<FindingKey>
        do {
            shown = try linter.lint(source, format: format, analyzer: analyzer)
            let analysis = try analyzer.analyze(document)
            unsuppressed = Set(linter.findings(in: analysis, source: source.text).map {
                FindingKey(code: $0.rule.code, range: document.map.sourceRange(ofProse: $0.range))
            })
        } catch {
            problems.add("\(format): linting failed: \(error)")
            return
        }
        checkDiagnostics(shown, in: source, format: format, &problems)
        checkFixApplication(shown, in: source, format: format, &problems)
        let fileWide = document.directives.filter { $0.kind == .disableFile }
        for diagnostic in shown where !directiveRuleCodes.contains(diagnostic.rule.code) {
            let code = diagnostic.rule.code
            problems.expect(unsuppressed.contains(FindingKey(code: code, range: diagnostic.textRange)),
                            "\(format) \(code) at \(diagnostic.textRange) is shown with directives but not reported without them")
            for directive in fileWide {
                let hides = directive.selectors.isEmpty || directive.selectors.contains { RuleSelector($0.text).matches(diagnostic.rule) }
                problems.expect(!hides, "\(format) \(code) at \(diagnostic.textRange) is shown despite the disable-file directive at \(directive.range)")
            }
        }
    }

    struct FindingKey: Hashable {
        let code: String
        let range: Range<Int>
    }

    // MARK: Fixing

    /// Replaying the fix loop's passes gives its result, each pass's edits lying in the text that
    /// pass read; fixing the result again changes nothing.
    func checkFixing(_ bytes: [UInt8], format: InputFormat, _ problems: inout Problems) {
        let linter = self.linter(for: bytes)
        let source = source(bytes, &problems)
        let outcome: FixOutcome
        let again: FixOutcome
        do {
            outcome = try linter.fix(source, format: format, analyzer: analyzer, upTo: .unsafe)
            again = try linter.fix(outcome.source, format: format, analyzer: analyzer, upTo: .unsafe)
        } catch {
            problems.add("\(format): fixing failed: \(error)")
            return
        }
        var text = source.text
        for (number, pass) in outcome.passes.enumerated() {
            let current = try? SourceFile(path: "pass", bytes: source.encode(text: text))
            guard problems.expect(current != nil, "\(format): the text before fix pass \(number + 1) does not read back"), let current else { return }
            checkDiagnostics(pass, in: current, format: format, &problems)
            let (next, chosen) = Fixer.applyChoosing(pass, to: text, upTo: .unsafe)
            problems.expect(chosen.count == pass.count, "\(format): pass \(number + 1) applied \(pass.count) fixes that do not all apply together")
            checkFixApplication(pass, in: current, format: format, &problems)
            text = next
        }
        problems.expect(text == outcome.source.text, "\(format): replaying the \(outcome.passes.count) fix passes does not give the fixed text")
        problems.expect(outcome.bytes == source.encode(text: outcome.source.text), "\(format): the fixed file is not the fixed text in the file's encoding")
        problems.expect(again.applied == 0 && again.bytes == outcome.bytes,
                        "\(format): fixing the fixed text applied \(again.applied) more fixes (\(again.passes.first?.map(\.rule.code) ?? []))")
    }

    // MARK: Configuration

    /// Any bytes give a configuration or an error located in the file; a configuration gives a
    /// linter or a clean error, and the linter lints a short article within the rules' contracts.
    func checkConfiguration(_ bytes: [UInt8], _ problems: inout Problems) {
        // A directory that does not exist: files the configuration names cannot be read.
        let path = "/nonexistent-kalka-fuzz/.kalka.yml"
        let text = String(decoding: bytes, as: UTF8.self)
        let configuration: Configuration
        do {
            configuration = try ConfigurationLoader.parse(text, path: path)
        } catch {
            // YAML's line breaks: CR LF, LF, CR alone, NEL, LS and PS.
            var lines = 1
            var previous: Unicode.Scalar = " "
            for scalar in text.unicodeScalars {
                if ["\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar) || (scalar == "\n" && previous != "\r") { lines += 1 }
                previous = scalar
            }
            problems.expect(error.path == path && error.line >= 1 && error.line <= lines + 1 && error.column >= 1 && !error.message.isEmpty,
                            "configuration error '\(error)' is not located in the \(lines)-line file")
            return
        }
        for relativePath in ["article.md", "drafts/a.draft.md", "translations/uk/news/x.txt", nil] {
            _ = configuration.excludes(relativePath: relativePath)
            _ = configuration.resolved(forRelativePath: relativePath)
        }
        let linter: Linter
        do {
            linter = try Linter.configured(configuration)
        } catch {
            return
        }
        let sample = SourceFile(path: "sample.md", string: Self.sampleArticle)
        do {
            let diagnostics = try linter.lint(sample, format: .markdown, analyzer: analyzer)
            checkDiagnostics(diagnostics, in: sample, format: .markdown, &problems)
            checkFixApplication(diagnostics, in: sample, format: .markdown, &problems)
        } catch {
            problems.add("linting with the configuration failed: \(error)")
        }
    }

    /// A short article with something for most rule families to find.
    static let sampleArticle = """
        # Talks in Kiev

        Officials in Kiev said the the talks with Sergei Lavrov resumed on 14 March, 2013 - "a step", \
        they said. NАТО allies sent 65.000 tonnes of grain to the Ukraine.

        <!-- kalka-disable-next-line DUP001 -->
        Zelenskiy met Anthony Blinken in Kharkov; more and more people came.

        """

    // MARK: Helpers

    /// True when `range` lies in `text` and both ends fall on UTF-8 character boundaries.
    static func isCharacterRange(_ range: Range<Int>, in text: [UInt8]) -> Bool {
        range.lowerBound >= 0 && range.upperBound <= text.count && isBoundary(range.lowerBound, in: text) && isBoundary(range.upperBound, in: text)
    }

    static func isBoundary(_ offset: Int, in text: [UInt8]) -> Bool {
        offset == text.count || text[offset] & 0xC0 != 0x80
    }
}

/// The broken invariants of one check, kept short: the first few say enough.
struct Problems {
    private(set) var items: [String] = []

    mutating func add(_ problem: String) {
        if items.count < 20 { items.append(problem) }
    }

    /// Records `problem` unless `condition` holds; returns `condition`.
    @discardableResult
    mutating func expect(_ condition: Bool, _ problem: @autoclosure () -> String) -> Bool {
        if !condition { add(problem()) }
        return condition
    }
}

enum UTF8Check {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }
}
