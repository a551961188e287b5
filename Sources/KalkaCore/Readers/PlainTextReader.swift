/// Plain text: every byte is prose. A blank line (or one holding only spaces) ends a paragraph;
/// a single line break inside a paragraph reads as a space, so hard-wrapped lines form one
/// sentence.
public struct PlainTextReader: Reader {
    public init() {}

    public func read(_ text: [UInt8]) -> ProseDocument {
        var builder = ProseBuilder(source: text)
        let lines = LineIndex(text)
        var previousBlank = true
        for line in 0..<lines.count {
            let content = lines.contentRange(ofLine: line, in: text)
            let breakEnd = line + 1 < lines.count ? lines.start(ofLine: line + 1) : text.count
            let blank = text[content].allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if blank {
                if !previousBlank { builder.paragraphBreak(at: content.lowerBound) }
                previousBlank = true
                continue
            }
            builder.verbatim(content)
            if content.upperBound < breakEnd { builder.softBreak(content.upperBound..<breakEnd) }
            previousBlank = false
        }
        return builder.finish(format: .plain)
    }
}
