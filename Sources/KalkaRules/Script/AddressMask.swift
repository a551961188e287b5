import KalkaModel
import KalkaText

/// The chunks of a document (runs of characters between spaces) that are web or e-mail
/// addresses, handles or hashtags: "https://example.org/novyny-dnia/", "press@example.gov.ua",
/// "#СлаваЗСУ". Their letters are no words of the text, so the script rules leave them alone.
struct AddressMask: Sendable {
    /// The chunks, in order, without overlaps.
    let ranges: [Range<Int>]

    private static let documentMask = DocumentFact<AddressMask>()

    static func of(_ analysis: Analysis) -> AddressMask {
        analysis.fact(documentMask) { AddressMask(prose: analysis.prose) }
    }

    init(prose: [UInt8]) {
        var ranges: [Range<Int>] = []
        prose.withUnsafeBufferPointer { bytes in
            var start = 0
            while start < bytes.count {
                while start < bytes.count, bytes[start] <= 0x20 { start += 1 }
                var end = start
                while end < bytes.count, bytes[end] > 0x20 { end += 1 }
                if end > start, Self.isAddress(bytes, start, end) { ranges.append(start..<end) }
                start = end
            }
        }
        self.ranges = ranges
    }

    var isEmpty: Bool { ranges.isEmpty }

    /// Whether prose `offset` lies in a chunk.
    func covers(_ offset: Int) -> Bool {
        let index = ranges.partitionPoint { $0.upperBound <= offset }
        return index < ranges.count && ranges[index].contains(offset)
    }

    /// A chunk holding "://", "www." or an "@" between letters, or starting with "#" before a
    /// letter (after any opening bracket or quote).
    private static func isAddress(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        func isLetterOrDigit(_ index: Int) -> Bool {
            guard index >= start, index < end else { return false }
            let byte = bytes[index]
            return byte >= 0x80 || byte.isASCIIAlphanumeric
        }
        var first = start
        while first < end, [0x28, 0x5B, 0x22, 0x27].contains(bytes[first]) { first += 1 } // ( [ " '
        if first + 3 < end, bytes[first] == 0xE2, bytes[first + 1] == 0x80, [0x9C, 0x98].contains(bytes[first + 2]) { first += 3 } // “ ‘
        if first < end, bytes[first] == 0x23, isLetterOrDigit(first + 1) { return true }
        var index = start
        while index < end {
            switch bytes[index] {
            case 0x40 where isLetterOrDigit(index - 1) && isLetterOrDigit(index + 1): // @
                return true
            case 0x3A where index + 2 < end && bytes[index + 1] == 0x2F && bytes[index + 2] == 0x2F: // ://
                return true
            case 0x77, 0x57: // www.
                if index + 3 < end, bytes[index + 1] | 0x20 == 0x77, bytes[index + 2] | 0x20 == 0x77, bytes[index + 3] == 0x2E,
                   index == start || !isLetterOrDigit(index - 1) { return true }
            default:
                break
            }
            index += 1
        }
        return false
    }
}
