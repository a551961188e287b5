/// The one escaper for markup kalka writes: the XML reports (JUnit, Checkstyle), the editor
/// report's HTML, and fix replacements written into an HTML document. (It sits with the readers,
/// its lowest user; JSON strings have their own escaper, `JSON.string`.)
package enum Markup {
    package enum Flavor {
        /// XML text and attribute values: `&`, `<`, `>`, `"`, `'` and line breaks and tabs as
        /// references (so attribute values keep them); other C0 controls, which XML 1.0 cannot
        /// hold at all, as U+FFFD.
        case xml
        /// HTML text and double-quoted attribute values: `&`, `<`, `>`, `"`, `'`; line breaks as
        /// they are.
        case html
        /// Text inside an HTML document's own markup (a fix's replacement): `&`, `<` and `>` only,
        /// so quotes stay as the writer typed them.
        case htmlText
    }

    package static func escape(_ text: String, _ flavor: Flavor) -> String {
        let xml = flavor == .xml
        let quotes = flavor != .htmlText
        guard text.utf8.contains(where: { ($0 < 0x20 && xml) || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || (quotes && ($0 == 0x22 || $0 == 0x27)) }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += xml ? "&apos;" : "&#39;"
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
