#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Path globs for `--exclude`, `exclude:` and `overrides: files:`.
///
/// `*` matches any run of characters, `/` included (`drafts/*` covers the whole tree), `?` one
/// character, `[…]` a class; `**/` also matches no directory at all, so `**/drafts/*` covers
/// `drafts/a.md` as well as `news/drafts/a.md`. A glob applies to a path when it matches the
/// whole path, a directory above it, or one of its names: `drafts` skips `news/drafts/a.md`.
public enum PathGlob {
    public static func matchesAny(_ patterns: [String], _ path: String) -> Bool {
        guard !patterns.isEmpty else { return false }
        let components = path.split(separator: "/").map(String.init).filter { $0 != "." }
        var prefixes: [String] = []
        for component in components {
            prefixes.append(prefixes.last.map { $0 + "/" + component } ?? component)
        }
        return patterns.contains { pattern in
            matches(pattern, path) || prefixes.contains { matches(pattern, $0) } || components.contains { matches(pattern, $0) }
        }
    }

    /// Whether `pattern` matches all of `path`.
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        expandingDoubleStars(pattern).contains { fnmatch($0, path, 0) == 0 }
    }

    /// fnmatch's `*` already crosses `/`; what it lacks is `**/` matching nothing, so each
    /// `**/` becomes both `*/` and the empty string.
    static func expandingDoubleStars(_ pattern: String) -> [String] {
        guard let range = pattern.firstRange(of: "**/") else { return [pattern] }
        let head = String(pattern[..<range.lowerBound])
        return expandingDoubleStars(String(pattern[range.upperBound...])).flatMap { tail in [head + "*/" + tail, head + tail] }
    }
}
