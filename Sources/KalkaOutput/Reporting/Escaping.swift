import KalkaRules

/// Escaping for markup: XML (JUnit, Checkstyle) and HTML (the editor report), for text content
/// and double-quoted attribute values alike.
enum Markup {
    /// `&`, `<`, `>`, `"` and `'` as references. XML also gets line breaks and tabs as
    /// references (so attribute values keep them) and other C0 controls, which XML 1.0 cannot
    /// hold at all, as U+FFFD; HTML text keeps its line breaks as they are.
    static func escape(_ text: String, xml: Bool) -> String {
        guard text.utf8.contains(where: { ($0 < 0x20 && xml) || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += xml ? "&apos;" : "&#39;"
            case "\n" where xml: out += "&#10;"
            case "\r" where xml: out += "&#13;"
            case "\t" where xml: out += "&#9;"
            default:
                if xml && scalar.value < 0x20 { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}

/// Escaping for the XML formats (JUnit, Checkstyle).
enum XML {
    static func escape(_ text: String) -> String { Markup.escape(text, xml: true) }
}

/// A path as a URI reference (SARIF `artifactLocation.uri`): relative paths stay relative,
/// absolute ones become `file://` URIs, and every byte outside RFC 3986's unreserved set and
/// `/` is percent-encoded.
enum URIReference {
    static func path(_ path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }
}
