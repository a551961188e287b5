/// Plain text: every byte is prose, except suppression directives. A blank line (or one holding
/// only spaces) ends a paragraph; a single line break inside a paragraph reads as a space, so
/// hard-wrapped lines form one sentence.
///
/// A directive is a line holding only `[kalka-disable …]` (or `-enable`, `-disable-next-line`,
/// `-disable-file`), spaces around it allowed. It is left out of the prose as if the line were
/// not there, so adding one never splits a paragraph or changes another finding.
public struct PlainTextReader: Reader {
    public init() {}

    public func read(_ text: [UInt8]) -> ProseDocument {
        var builder = ProseBuilder(source: text)
        var directives: [SuppressionDirective] = []
        text.withUnsafeBufferPointer { bytes in
            var lineStart = 0
            while lineStart < bytes.count {
                // The line's content, whether it is blank, and where its line break ends.
                var index = lineStart
                var blank = true
                while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D {
                    if bytes[index] != 0x20 && bytes[index] != 0x09 { blank = false }
                    index += 1
                }
                let contentEnd = index
                if index < bytes.count {
                    index += bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                }
                if blank {
                    builder.paragraphBreak(at: lineStart)
                } else if let directive = Self.directive(text, line: lineStart..<contentEnd) {
                    directives.append(directive)
                } else {
                    builder.verbatim(lineStart..<contentEnd)
                    if contentEnd < index { builder.softBreak(contentEnd..<index) }
                }
                lineStart = index
            }
        }
        return builder.finish(format: .plain, directives: directives)
    }

    /// The directive a line holds, if it is `[kalka-…]` and nothing else but spaces and tabs.
    static func directive(_ text: [UInt8], line: Range<Int>) -> SuppressionDirective? {
        var start = line.lowerBound, end = line.upperBound
        while start < end && (text[start] == 0x20 || text[start] == 0x09) { start += 1 }
        while end > start && (text[end - 1] == 0x20 || text[end - 1] == 0x09) { end -= 1 }
        guard end - start > 2, text[start] == 0x5B, text[end - 1] == 0x5D else { return nil }
        return SuppressionDirective.parse(text, body: (start + 1)..<(end - 1), range: start..<end, textOffset: { $0 })
    }
}
