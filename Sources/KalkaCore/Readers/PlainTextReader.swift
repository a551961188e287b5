/// Plain text: every byte is prose. A blank line (or one holding only spaces) ends a paragraph;
/// a single line break inside a paragraph reads as a space, so hard-wrapped lines form one
/// sentence.
public struct PlainTextReader: Reader {
    public init() {}

    public func read(_ text: [UInt8]) -> ProseDocument {
        var builder = ProseBuilder(source: text)
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
                } else {
                    builder.verbatim(lineStart..<contentEnd)
                    if contentEnd < index { builder.softBreak(contentEnd..<index) }
                }
                lineStart = index
            }
        }
        return builder.finish(format: .plain)
    }
}
