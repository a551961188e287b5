/// The input formats kalka reads.
public enum InputFormat: String, Sendable, CaseIterable, Codable {
    case plain, markdown, html

    /// The format a path's extension implies (`.txt`, `.md`, `.markdown`, `.html`, `.htm`).
    public static func inferred(fromPath path: String) -> InputFormat? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "txt", "text": return .plain
        case "md", "markdown", "mdown", "mkd": return .markdown
        case "html", "htm", "xhtml": return .html
        default: return nil
        }
    }

    public static let defaultExtensions = ["txt", "md", "markdown", "html", "htm"]
}

/// The prose of one document: the text rules read, with the map back to source bytes.
///
/// Paragraphs in `prose` are separated by exactly "\n\n" and no other line feed occurs in it:
/// readers turn soft line breaks into spaces and block boundaries into paragraph breaks.
public struct ProseDocument: Sendable {
    public let format: InputFormat
    public let prose: [UInt8]
    public let map: SourceMap
    /// The suppression directives in the source (never part of the prose), in text order.
    public let directives: [SuppressionDirective]

    public init(format: InputFormat, prose: [UInt8], map: SourceMap, directives: [SuppressionDirective] = []) {
        self.format = format
        self.prose = prose
        self.map = map
        self.directives = directives
    }

    /// Escapes fix replacement text for this format (HTML needs `&`, `<`, `>` as references).
    public func escapeReplacement(_ text: String) -> String {
        switch format {
        case .plain, .markdown: return text
        case .html:
            var escaped = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": escaped += "&amp;"
                case "<": escaped += "&lt;"
                case ">": escaped += "&gt;"
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            return escaped
        }
    }
}

/// Extracts the prose of a source text.
public protocol Reader {
    func read(_ text: [UInt8]) -> ProseDocument
}

public enum Readers {
    public static func reader(for format: InputFormat) -> any Reader {
        switch format {
        case .plain: PlainTextReader()
        case .markdown: MarkdownReader()
        case .html: HTMLReader()
        }
    }
}
