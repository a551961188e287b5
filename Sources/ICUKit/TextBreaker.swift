internal import CICU

/// What a text breaker divides text into.
public enum BreakUnit: Sendable {
    case word, sentence, line, character
}

/// ICU's word-break rule status, telling what kind of segment ended at a boundary.
public enum WordStatus: Sendable, Equatable {
    /// Spaces, punctuation, symbols ([0, 100)).
    case none
    /// Numbers ([100, 200)).
    case number
    /// Letters, kana, ideographs ([200, 500)).
    case word

    init(ruleStatus: Int32) {
        switch ruleStatus {
        case 100..<200: self = .number
        case 200..<500: self = .word
        default: self = .none
        }
    }
}

/// An ICU break iterator (words, sentences, lines or characters).
///
/// Not shareable between threads (ICU's `UBreakIterator` keeps state): give each worker its own,
/// made with `clone()`. Offsets it reports are UTF-8 byte offsets when fed UTF-8, UTF-16 unit
/// offsets when fed UTF-16.
public final class TextBreaker {
    private let iterator: OpaquePointer
    /// A reusable UTF-8 UText (a C struct, so it is held as a raw pointer: see notes on ICU).
    private var utf8Text: UnsafeMutableRawPointer?
    public let unit: BreakUnit

    public init(_ unit: BreakUnit, locale: String = "en") throws(ICUError) {
        var status = U_ZERO_ERROR
        let type: UBreakIteratorType = switch unit {
        case .word: UBRK_WORD
        case .sentence: UBRK_SENTENCE
        case .line: UBRK_LINE
        case .character: UBRK_CHARACTER
        }
        let opened = ubrk_open(type, locale, nil, 0, &status)
        try icuCheck(status.rawValue, "ubrk_open(\(unit), \(locale))")
        guard let opened else { throw icuError(U_MEMORY_ALLOCATION_ERROR.rawValue, "ubrk_open") }
        self.iterator = opened
        self.unit = unit
    }

    private init(iterator: OpaquePointer, unit: BreakUnit) {
        self.iterator = iterator
        self.unit = unit
    }

    /// An independent copy for another worker (ICU's `ubrk_clone`, a few microseconds).
    public func clone() throws(ICUError) -> TextBreaker {
        var status = U_ZERO_ERROR
        let copy = ubrk_clone(iterator, &status)
        try icuCheck(status.rawValue, "ubrk_clone")
        guard let copy else { throw icuError(U_MEMORY_ALLOCATION_ERROR.rawValue, "ubrk_clone") }
        return TextBreaker(iterator: copy, unit: unit)
    }

    deinit {
        ubrk_close(iterator)
        if let utf8Text { utext_close(utf8Text.assumingMemoryBound(to: UText.self)) }
    }

    /// Calls `body(start, end, status)` for each segment of well-formed UTF-8 `text`, with byte
    /// offsets. ICU reads the bytes in place; it holds no reference to them after the call.
    public func forEachSegment(utf8 text: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, WordStatus) -> Void) throws(ICUError) {
        guard let base = text.baseAddress, text.count > 0 else { return }
        var status = U_ZERO_ERROR
        let reused = utf8Text?.assumingMemoryBound(to: UText.self)
        let opened = base.withMemoryRebound(to: CChar.self, capacity: text.count) {
            utext_openUTF8(reused, $0, Int64(text.count), &status)
        }
        try icuCheck(status.rawValue, "utext_openUTF8")
        utf8Text = UnsafeMutableRawPointer(opened)
        ubrk_setUText(iterator, opened, &status)
        try icuCheck(status.rawValue, "ubrk_setUText")
        iterate(body)
        detach()
    }

    /// Calls `body(start, end, status)` for each segment of UTF-16 `text`, with UTF-16 offsets.
    public func forEachSegment(utf16 text: UnsafeBufferPointer<UInt16>, _ body: (Int, Int, WordStatus) -> Void) throws(ICUError) {
        guard let base = text.baseAddress, text.count > 0 else { return }
        var status = U_ZERO_ERROR
        ubrk_setText(iterator, base, Int32(text.count), &status)
        try icuCheck(status.rawValue, "ubrk_setText")
        iterate(body)
        detach()
    }

    /// The segments of UTF-16 `text` in bulk: each one's end (a UTF-16 offset) and status. One
    /// tight loop over ICU (a document has millions of segments), writing into arrays sized once
    /// for the most segments there can be: one a code unit, five bytes a unit of address space,
    /// of which only the pages written (about a third, in prose) take memory.
    public func segments(utf16 text: UnsafeBufferPointer<UInt16>) throws(ICUError) -> (ends: [Int32], statuses: [WordStatus]) {
        var statuses: [WordStatus] = []
        var failure: ICUError?
        let ends = [Int32](unsafeUninitializedCapacity: text.count) { ends, endCount in
            statuses = [WordStatus](unsafeUninitializedCapacity: text.count) { statuses, statusCount in
                do throws(ICUError) {
                    try eachEnd(of: text) { end in
                        ends.initializeElement(at: endCount, to: end)
                        statuses.initializeElement(at: endCount, to: WordStatus(ruleStatus: ubrk_getRuleStatus(iterator)))
                        endCount += 1
                    }
                } catch {
                    failure = error
                }
                statusCount = endCount
            }
        }
        if let failure { throw failure }
        return (ends, statuses)
    }

    /// The ends of the segments of `text`, without their statuses (sentences have none worth
    /// reading). Grown as they come: sentences are few, so nothing is reserved for the most
    /// there could be.
    public func segmentEnds(utf16 text: UnsafeBufferPointer<UInt16>) throws(ICUError) -> [Int32] {
        var ends: [Int32] = []
        try eachEnd(of: text) { ends.append($0) }
        return ends
    }

    /// How many segments `text` has, reading each one's status as `segments` does, and
    /// storing nothing: ICU's own pace, for the benchmark's floor.
    public func countSegments(utf16 text: UnsafeBufferPointer<UInt16>) throws(ICUError) -> Int {
        var count = 0
        var statuses = 0
        try eachEnd(of: text) { _ in
            count += 1
            statuses &+= Int(ubrk_getRuleStatus(iterator))
        }
        // The statuses are summed so that reading them is not optimized away.
        return count + (statuses & 0)
    }

    /// Calls `body` with the end of each segment of `text`, the iterator standing on it.
    @inline(__always)
    private func eachEnd(of text: UnsafeBufferPointer<UInt16>, _ body: (Int32) -> Void) throws(ICUError) {
        guard try attach(text) else { return }
        defer { detach() }
        _ = ubrk_first(iterator)
        while true {
            let end = ubrk_next(iterator)
            if end == UBRK_DONE { break }
            body(end)
        }
    }

    /// Points the iterator at `text`; false when there is nothing to break.
    private func attach(_ text: UnsafeBufferPointer<UInt16>) throws(ICUError) -> Bool {
        guard let base = text.baseAddress, text.count > 0 else { return false }
        var status = U_ZERO_ERROR
        ubrk_setText(iterator, base, Int32(text.count), &status)
        try icuCheck(status.rawValue, "ubrk_setText")
        return true
    }

    private func iterate(_ body: (Int, Int, WordStatus) -> Void) {
        var start = Int(ubrk_first(iterator))
        while true {
            let end = ubrk_next(iterator)
            if end == UBRK_DONE { break }
            body(start, Int(end), WordStatus(ruleStatus: ubrk_getRuleStatus(iterator)))
            start = Int(end)
        }
    }

    /// Points the iterator at an empty static text so it keeps no pointer into the caller's buffer.
    private func detach() {
        var status = U_ZERO_ERROR
        withUnsafePointer(to: UInt16(0)) { ubrk_setText(iterator, $0, 0, &status) }
    }
}
