import KalkaModel
import KalkaText

/// The chunks of a document (runs of characters between spaces) that are web or e-mail
/// addresses, handles or hashtags: "https://example.org/novyny-dnia/", "press@example.gov.ua",
/// "#СлаваЗСУ". Their letters are no words of the text, so the script rules leave them alone.
///
/// Judged chunk by chunk on demand: the script rules ask about a few candidate words, so the
/// chunks of the rest of the document (nearly all of it) are never looked at. The last chunk
/// judged is kept, so words asked about in text order cost each chunk one pass however long it is.
struct AddressMask {
    /// The chunk last judged, and whether it is an address.
    private var chunk = 0..<0
    private var isAddress = false

    init() {}

    /// Whether prose `offset` lies in a chunk that is an address.
    mutating func covers(_ offset: Int, in prose: UnsafeBufferPointer<UInt8>) -> Bool {
        if chunk.contains(offset) { return isAddress }
        guard offset >= 0, offset < prose.count, prose[offset] > 0x20 else { return false }
        var start = offset, end = offset + 1
        while start > 0, prose[start - 1] > 0x20 { start -= 1 }
        while end < prose.count, prose[end] > 0x20 { end += 1 }
        chunk = start..<end
        isAddress = Self.isAddress(prose, start, end)
        return isAddress
    }

    /// `covers(_:in:)` for a caller without the prose at hand.
    mutating func covers(_ offset: Int, in analysis: Analysis) -> Bool {
        if chunk.contains(offset) { return isAddress }
        return analysis.prose.withUnsafeBufferPointer { covers(offset, in: $0) }
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
        while first < end, bytes[first] == 0x28 || bytes[first] == 0x5B || bytes[first] == 0x22 || bytes[first] == 0x27 { first += 1 } // ( [ " '
        if first + 3 < end, bytes[first] == 0xE2, bytes[first + 1] == 0x80, bytes[first + 2] == 0x9C || bytes[first + 2] == 0x98 { first += 3 } // “ ‘
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
