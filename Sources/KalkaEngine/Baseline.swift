import FoundationEssentials
import KalkaModel
import KalkaRules
import KalkaText

// FoundationEssentials, not Foundation (see Inputs.swift): for JSONDecoder.

/// The findings a team has accepted, so that only new ones are reported:
/// `kalka check --write-baseline FILE` records them, `kalka check --baseline FILE` hides them.
///
/// A finding is known by its rule and a fingerprint of its own text and of the sentence it
/// starts in, both with white space collapsed; never by its position, so edits elsewhere in the
/// file (or re-wrapping its lines) keep it hidden. Identical findings are counted: the baseline
/// hides as many of them as it recorded, and any more are shown.
public struct Baseline: Sendable, Equatable {
    public static let formatVersion = 1

    public struct Entry: Sendable, Equatable, Codable {
        public let rule: String
        /// The flagged text, for people reviewing the file (matching reads only the fingerprint).
        public let text: String?
        public let fingerprint: String
        public var count: Int
    }

    /// Entries by file path (as reported, with `./` segments dropped).
    public private(set) var files: [String: [Entry]] = [:]

    public init() {}

    /// Reads a baseline file's JSON.
    public init(json: [UInt8]) throws(BaselineError) {
        struct File: Decodable {
            let version: Int
            let files: [String: [Entry]]
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(json))
        } catch let error as DecodingError {
            throw BaselineError(message: "not a kalka baseline: \(SystemErrors.plain(decoding: error))")
        } catch {
            throw BaselineError(message: "not a kalka baseline: not valid JSON")
        }
        guard file.version == Self.formatVersion else {
            throw BaselineError(message: "baseline version \(file.version) is not supported (expected \(Self.formatVersion))")
        }
        files = file.files
    }

    /// Records the findings of a checked file.
    public mutating func add(_ report: FileReport) {
        guard let source = report.source, !report.diagnostics.isEmpty else { return }
        var entries: [String: Entry] = [:]
        for diagnostic in report.diagnostics {
            let fingerprint = Self.fingerprint(diagnostic, in: source)
            entries[diagnostic.ruleID + " " + fingerprint, default: Entry(rule: diagnostic.ruleID, text: Self.shown(diagnostic, in: source),
                                                                             fingerprint: fingerprint, count: 0)].count += 1
        }
        files[Self.key(report.path), default: []].append(contentsOf: entries.values)
    }

    /// The report without the findings this baseline holds for its file.
    public func filter(_ report: FileReport) -> FileReport {
        guard let source = report.source, let entries = files[Self.key(report.path)], !report.diagnostics.isEmpty else { return report }
        var remaining: [String: Int] = [:]
        for entry in entries { remaining[entry.rule + " " + entry.fingerprint, default: 0] += entry.count }
        var hidden = 0
        let shown = report.diagnostics.filter { diagnostic in
            var key = diagnostic.ruleID + " " + Self.fingerprint(diagnostic, in: source)
            if remaining[key, default: 0] == 0, diagnostic.pattern != nil {
                // A baseline recorded before the rule's patterns named the finding by its rule.
                key = diagnostic.rule.code + " " + Self.fingerprint(diagnostic, in: source, id: diagnostic.rule.code)
            }
            guard let count = remaining[key], count > 0 else { return true }
            remaining[key] = count - 1
            hidden += 1
            return false
        }
        return FileReport(path: report.path, diagnostics: shown, error: report.error, source: report.source,
                          original: report.original, fix: report.fix, hiddenByBaseline: report.hiddenByBaseline + hidden)
    }

    /// How many findings it holds.
    public var count: Int { files.values.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } } }

    /// The file, for review in version control: paths sorted, entries sorted by rule and text,
    /// one entry per line.
    public func json() -> String {
        var out = "{\n  \"version\": \(Self.formatVersion),\n  \"tool\": \"kalka\",\n  \"files\": {"
        let paths = files.keys.sorted()
        for (pathIndex, path) in paths.enumerated() {
            out += pathIndex == 0 ? "\n" : ",\n"
            out += "    \(JSON.string(path)): ["
            let entries = files[path, default: []].sorted { ($0.rule, $0.text ?? "", $0.fingerprint) < ($1.rule, $1.text ?? "", $1.fingerprint) }
            for (index, entry) in entries.enumerated() {
                out += index == 0 ? "\n" : ",\n"
                out += "      {\"rule\": \(JSON.string(entry.rule)), \"text\": \(JSON.string(entry.text ?? "")), "
                out += "\"fingerprint\": \(JSON.string(entry.fingerprint)), \"count\": \(entry.count)}"
            }
            out += "\n    ]"
        }
        out += paths.isEmpty ? "}\n}\n" : "\n  }\n}\n"
        return out
    }

    /// FNV-1a (64 bits) over the rule code (or pattern id), the flagged text and the sentence's
    /// text, each with white space runs collapsed to one space: stable across runs and machines.
    public static func fingerprint(_ diagnostic: Diagnostic, in source: SourceFile, id: String? = nil) -> String {
        var hash = FoldedHash.offsetBasis
        func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* FoldedHash.prime }
        func mix(collapsing range: Range<Int>) {
            var pendingSpace = false
            for byte in source.text[range] {
                if byte.isSpaceTabOrNewline {
                    pendingSpace = true
                    continue
                }
                if pendingSpace { mix(0x20) }
                pendingSpace = false
                mix(byte)
            }
            mix(0)
        }
        for byte in (id ?? diagnostic.ruleID).utf8 { mix(byte) }
        mix(0)
        mix(collapsing: diagnostic.textRange)
        mix(collapsing: diagnostic.contextRange)
        return String(hash, radix: 16).leftPadded(16)
    }

    /// The flagged text as the baseline file shows it: white space collapsed, at most 80 characters.
    private static func shown(_ diagnostic: Diagnostic, in source: SourceFile) -> String {
        let text = String(decoding: source.text[diagnostic.textRange], as: UTF8.self)
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).joined(separator: " ")
        return text.count > 80 ? String(text.prefix(79)) + "…" : text
    }

    /// A path as a baseline key: `./` segments and doubled slashes dropped, so `./a/b.md` and
    /// `a//b.md` name the file `a/b.md` does.
    static func key(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}

public struct BaselineError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}
