/// Where each line of a UTF-8 text starts; LF, CRLF and CR all end a line.
public struct LineIndex: Sendable {
    /// Text offsets of line starts; the first is 0.
    public private(set) var starts: [Int] = [0]

    public init(_ text: [UInt8]) {
        starts = text.withUnsafeBufferPointer { bytes in
            var starts = [0]
            var index = 0
            let count = bytes.count
            while index < count {
                // Eight bytes without a control character (most of any text) at a time.
                if let word = ByteWords.load(bytes, at: index), !ByteWords.hasByte(below: 0x0E, word) {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                index += 1
                // Most bytes are printable: one comparison settles them.
                if byte > 0x0D { continue }
                if byte == 0x0A {
                    starts.append(index)
                } else if byte == 0x0D {
                    if index < count && bytes[index] == 0x0A { index += 1 }
                    starts.append(index)
                }
            }
            return starts
        }
    }

    public var count: Int { starts.count }

    /// The 0-based line holding text offset `offset`.
    public func line(containing offset: Int) -> Int {
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return max(0, low - 1)
    }

    public func start(ofLine line: Int) -> Int { starts[line] }

    /// The bytes of a line without its line break.
    public func contentRange(ofLine line: Int, in text: [UInt8]) -> Range<Int> {
        let start = starts[line]
        var end = line + 1 < starts.count ? starts[line + 1] : text.count
        while end > start && (text[end - 1] == 0x0A || text[end - 1] == 0x0D) { end -= 1 }
        return start..<end
    }
}
