import KalkaRules
import KalkaText

/// Text as HTML with `<mark>` elements over byte ranges, escaped, for the report's documents.
///
/// Ranges may overlap any way: a mark that must close while a later-opened one is still open
/// is split, so the elements nest properly and every piece of a mark carries the same
/// attributes (tests and scripts group the pieces by `data-f`).
enum MarkedHTML {
    struct Span {
        let range: Range<Int>
        /// The attributes of the opening tag, escaped, with a leading space.
        let attributes: String
    }

    /// Empty elements placed at a byte offset, such as the anchors sentences are linked by.
    struct Anchor {
        let offset: Int
        let html: String
    }

    static func html(_ text: [UInt8], spans: [Span], anchors: [Anchor] = []) -> String {
        // Longer spans open first, so a span inside another nests inside it.
        let order = spans.indices.sorted {
            (spans[$0].range.lowerBound, -spans[$0].range.upperBound, $0) < (spans[$1].range.lowerBound, -spans[$1].range.upperBound, $1)
        }
        var boundaries = Set<Int>([0, text.count])
        for span in spans { boundaries.insert(clamp(span.range.lowerBound, text.count)); boundaries.insert(clamp(span.range.upperBound, text.count)) }
        for anchor in anchors { boundaries.insert(clamp(anchor.offset, text.count)) }
        let positions = boundaries.sorted()
        let anchorsAt = Dictionary(grouping: anchors, by: { clamp($0.offset, text.count) })
        var out = ""
        out.reserveCapacity(text.count + spans.count * 96)
        var open: [Int] = []
        var nextToOpen = 0
        for (step, position) in positions.enumerated() {
            // Close what ends here; close and reopen what was opened inside it and goes on.
            if let first = open.firstIndex(where: { clamp(spans[$0].range.upperBound, text.count) <= position }) {
                let closed = open[first...]
                out += String(repeating: "</mark>", count: closed.count)
                let continuing = closed.filter { clamp(spans[$0].range.upperBound, text.count) > position }
                open.removeSubrange(first...)
                for index in continuing {
                    out += "<mark" + spans[index].attributes + ">"
                    open.append(index)
                }
            }
            for anchor in anchorsAt[position] ?? [] { out += anchor.html }
            while nextToOpen < order.count, clamp(spans[order[nextToOpen]].range.lowerBound, text.count) == position {
                let index = order[nextToOpen]
                nextToOpen += 1
                out += "<mark" + spans[index].attributes + ">"
                // An empty range still gets its (empty) element, closed at once.
                if clamp(spans[index].range.upperBound, text.count) <= position { out += "</mark>" } else { open.append(index) }
            }
            if step + 1 < positions.count {
                out += Markup.escape(String(decoding: text[position..<positions[step + 1]], as: UTF8.self), .html)
            }
        }
        out += String(repeating: "</mark>", count: open.count)
        return out
    }

    private static func clamp(_ offset: Int, _ count: Int) -> Int { min(max(0, offset), count) }
}

/// JSON placed inside a `<script>` element.
enum HTMLText {
    /// JSON text made safe inside `<script type="application/json">`: every `<` (only ever
    /// inside JSON strings) becomes `\u003c`, so no `</script>` or `<!--` can end the element.
    static func scriptSafe(json: String) -> String {
        guard json.utf8.contains(0x3C) else { return json }
        var out = ""
        out.reserveCapacity(json.utf8.count + 32)
        for scalar in json.unicodeScalars {
            if scalar == "<" { out += "\\u003c" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
