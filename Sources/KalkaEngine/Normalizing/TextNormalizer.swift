import ICUKit
import KalkaModel
import KalkaRules
import KalkaText

/// One change `kalka normalize` made, located in the input.
public struct NormalizationChange: Sendable, Equatable {
    /// The rule code whose fix made it, or `NFC` for Unicode normalization.
    public let rule: String
    /// Where the changed text starts in the input (line, column, byte offset as stored).
    public var location: Location
    public let old: String
    public let new: String

    /// `line:col CODE “old” → “new”`, invisible and control characters shown as U+XXXX.
    public var explanation: String {
        "\(location.line):\(location.column) \(rule) “\(Self.visible(old))” → “\(Self.visible(new))”"
    }

    static func visible(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .spaceSeparator where scalar == " ":
                shown.unicodeScalars.append(scalar)
            case .format, .control, .lineSeparator, .paragraphSeparator, .spaceSeparator:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                shown += "<U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)>"
            default:
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }
}

/// A normalized document: its bytes in the input's own encoding, and what changed.
public struct NormalizedText: Sendable {
    public let bytes: [UInt8]
    /// In input order.
    public let changes: [NormalizationChange]
}

/// Normalizes one document: Unicode NFC over its prose, then the rules' fixes up to a threshold,
/// to a fixed point (the fix loop of `Linter.fix`). Only the bytes a change reports differ; the
/// rest, byte order mark and line endings included, stays byte-identical.
public struct TextNormalizer: Sendable {
    public let linter: Linter
    public let threshold: FixApplicability
    public let format: InputFormat

    public static let nfcLabel = "NFC"

    public init(linter: Linter, threshold: FixApplicability, format: InputFormat) {
        self.linter = linter
        self.threshold = threshold
        self.format = format
    }

    public func normalize(_ source: SourceFile, analyzer: Analyzer) throws(ICUError) -> NormalizedText {
        // Each pass: the text it read, and its edits (text offsets in that text, rule code).
        var passes: [(text: [UInt8], edits: [(range: Range<Int>, replacement: String, rule: String)])] = []
        var current = source
        let composed = try nfcEdits(source.text)
        if !composed.isEmpty {
            passes.append((source.text, composed.map { ($0.range, $0.replacement, Self.nfcLabel) }))
            let text = Fixer.apply([(edits: composed, applicability: .safe)], to: source.text, upTo: .safe).text
            // Re-encoding edited valid text round-trips: the re-read cannot fail.
            current = try! SourceFile(path: source.path, bytes: source.encode(text: text))
        }
        let outcome = try linter.fix(current, format: format, analyzer: analyzer, upTo: threshold)
        var text = current.text
        for diagnostics in outcome.passes {
            passes.append((text, diagnostics.flatMap { diagnostic in
                diagnostic.fix!.edits.map { ($0.textRange, $0.replacement, diagnostic.rule.code) }
            }))
            text = Fixer.apply(diagnostics, to: text, upTo: threshold).text
        }
        return NormalizedText(bytes: outcome.bytes, changes: locate(passes, in: source))
    }

    /// Every pass's edits, located in the original source through the passes before them.
    private func locate(_ passes: [(text: [UInt8], edits: [(range: Range<Int>, replacement: String, rule: String)])],
                        in source: SourceFile) -> [NormalizationChange] {
        var located: [(offset: Int, pass: Int, change: NormalizationChange)] = []
        let maps = passes.map { OffsetMapBack($0.edits.map { ($0.range, $0.replacement.utf8.count) }) }
        for (passIndex, pass) in passes.enumerated() {
            for edit in pass.edits {
                var offset = edit.range.lowerBound
                for earlier in stride(from: passIndex - 1, through: 0, by: -1) { offset = maps[earlier].inputOffset(of: offset) }
                let old = String(decoding: pass.text[edit.range], as: UTF8.self)
                located.append((offset, passIndex, NormalizationChange(rule: edit.rule, location: source.location(ofText: offset), old: old, new: edit.replacement)))
            }
        }
        return located.sorted { ($0.offset, $0.pass) < ($1.offset, $1.pass) }.map(\.change)
    }

    /// NFC for every prose word that is not in NFC, as edits of the source text. Words are cut at
    /// ASCII white space, which never composes with anything.
    func nfcEdits(_ text: [UInt8]) throws(ICUError) -> [(range: Range<Int>, replacement: String)] {
        guard text.contains(where: { $0 >= 0x80 }), !(try Normalizer.isNFC(String(decoding: text, as: UTF8.self))) else { return [] }
        let document = Readers.reader(for: format).read(text)
        let prose = document.prose
        var edits: [(range: Range<Int>, replacement: String)] = []
        var start = 0
        while start < prose.count {
            var end = start
            var hasNonASCII = false
            while end < prose.count, !prose[end].isSpaceTabOrNewline {
                if prose[end] >= 0x80 { hasNonASCII = true }
                end += 1
            }
            if hasNonASCII {
                let word = String(decoding: prose[start..<end], as: UTF8.self)
                if !(try Normalizer.isNFC(word)), let range = document.map.exactSourceRange(ofProse: start..<end) {
                    edits.append((range, document.escapeReplacement(try Normalizer.nfc(word))))
                }
            }
            start = end + 1
        }
        return edits
    }

}

/// Maps offsets in the text after one pass of edits back to the text before it. An offset inside
/// replaced text maps to the start of what it replaced.
struct OffsetMapBack {
    /// Sorted by position: where each edit starts in the output, its input range, output length.
    private let edits: [(outputStart: Int, input: Range<Int>, outputLength: Int)]

    init(_ edits: [(input: Range<Int>, outputLength: Int)]) {
        var delta = 0
        var mapped: [(Int, Range<Int>, Int)] = []
        for edit in edits.sorted(by: { $0.input.lowerBound < $1.input.lowerBound }) {
            mapped.append((edit.input.lowerBound + delta, edit.input, edit.outputLength))
            delta += edit.outputLength - edit.input.count
        }
        self.edits = mapped
    }

    func inputOffset(of offset: Int) -> Int {
        // The last edit starting at or before `offset`.
        var low = 0, high = edits.count
        while low < high {
            let mid = (low + high) / 2
            if edits[mid].outputStart <= offset { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return offset }
        let edit = edits[low - 1]
        if offset < edit.outputStart + edit.outputLength { return edit.input.lowerBound }
        return edit.input.upperBound + (offset - edit.outputStart - edit.outputLength)
    }
}
