import KalkaModel
import KalkaRules
import KalkaText

/// A stable identity for each finding of a file, for tools that track findings across runs
/// (GitLab Code Quality, SARIF `partialFingerprints`): a hash of the path, the rule code, the
/// flagged text and which occurrence of that text this is. No line number, so an edit above a
/// finding leaves its fingerprint alone.
enum FindingFingerprint {
    /// One fingerprint per diagnostic of `file`, in the same order.
    static func of(_ file: FileReport) -> [String] {
        var occurrences: [String: Int] = [:]
        return file.diagnostics.map { diagnostic in
            let flagged = file.source.map { String(decoding: $0.text[diagnostic.textRange], as: UTF8.self) } ?? ""
            let parts = [file.path, diagnostic.ruleID, flagged]
            let key = parts.joined(separator: "\u{1F}")
            let occurrence = occurrences[key, default: 0]
            occurrences[key] = occurrence + 1
            return hash(parts + [String(occurrence)])
        }
    }

    /// 16 hex digits of FNV-1a 64 over the parts, joined by the unit separator (a control
    /// character that paths, codes and article text do not hold, so parts cannot run together).
    static func hash(_ parts: [String]) -> String {
        var hash = FoldedHash.offsetBasis
        for byte in parts.joined(separator: "\u{1F}").utf8 { hash = (hash ^ UInt64(byte)) &* FoldedHash.prime }
        return String(hash, radix: 16).leftPadded(16)
    }
}
