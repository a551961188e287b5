#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import ICUKit
import KalkaModel

/// A document segmented once — tokens, sentences, paragraphs — for every rule to read.
public struct Analysis: Sendable {
    public let document: ProseDocument
    public let tokens: [Token]
    public let sentences: [SentenceSpan]
    public let paragraphs: [ParagraphSpan]
    /// Facts several rules derive from the same document (the name matches), computed once.
    private let memo = DocumentMemo()

    public init(document: ProseDocument, tokens: [Token], sentences: [SentenceSpan], paragraphs: [ParagraphSpan]) {
        self.document = document
        self.tokens = tokens
        self.sentences = sentences
        self.paragraphs = paragraphs
    }

    @inlinable public var prose: [UInt8] { document.prose }

    /// The document's `fact`, computed (`compute`) by the first rule that asks and shared with
    /// the others.
    public func fact<Value: Sendable>(_ fact: DocumentFact<Value>, _ compute: () -> Value) -> Value {
        memo.value(fact, compute)
    }

    /// For each fact computed for this document (by key index), how many times it was: the
    /// rules share one computation, so every count should be 1.
    package var factComputations: [Int: Int] { memo.computationCounts }

    /// The token's text (allocates: for messages and fixes, not for matching).
    public func text(of token: Token) -> String {
        String(decoding: document.prose[token.range], as: UTF8.self)
    }

    public func text(of range: Range<Int>) -> String {
        String(decoding: document.prose[range], as: UTF8.self)
    }

    /// Whether two tokens are the same word ignoring case (by folded hash: 64 bits make a
    /// collision between two words of one document negligible).
    @inlinable public func sameWord(_ a: Token, _ b: Token) -> Bool {
        a.foldedHash == b.foldedHash
    }

    /// The index of the next token after `index` that is not a space within the paragraph, or nil
    /// when a paragraph break or the end comes first.
    @inlinable public func nextNonSpace(after index: Int) -> Int? {
        var next = index + 1
        while next < tokens.count {
            let token = tokens[next]
            if token.isParagraphBreak { return nil }
            if token.kind != .space { return next }
            next += 1
        }
        return nil
    }

    /// The index of the previous non-space token before `index` within the paragraph.
    @inlinable public func previousNonSpace(before index: Int) -> Int? {
        var previous = index - 1
        while previous >= 0 {
            let token = tokens[previous]
            if token.isParagraphBreak { return nil }
            if token.kind != .space { return previous }
            previous -= 1
        }
        return nil
    }

    /// For a possessive word ("Kiev's", "Kyiv’s"): the folded hash of the word without its
    /// ending, and the ending's length in bytes; nil for any other token. Lets phrase lists
    /// match names in the possessive without listing every form.
    @inlinable public func possessiveBase(of token: Token) -> (hash: UInt64, suffixLength: Int)? {
        guard token.kind == .word, token.length > 2 else { return nil }
        let end = Int(token.end)
        guard prose[end - 1] | 0x20 == 0x73 else { return nil } // s or S
        let suffix: Int
        if prose[end - 2] == 0x27 {
            suffix = 2
        } else if token.length > 4, prose[end - 4] == 0xE2, prose[end - 3] == 0x80, prose[end - 2] == 0x99 {
            suffix = 4
        } else {
            return nil
        }
        let hash = prose.withUnsafeBufferPointer { buffer in
            FoldedHash.of(utf8: UnsafeBufferPointer(rebasing: buffer[Int(token.start)..<(end - suffix)]))
        }
        return (hash, suffix)
    }

    /// True when prose `offset` stands inside a quotation opened since `start` (the start of its
    /// line or paragraph): more “ than ”, more « than », or an odd number of straight quotes.
    public func isInsideQuotation(_ offset: Int, since start: Int) -> Bool {
        var tracker = QuotationTracker(since: start)
        return tracker.isInside(offset, in: self)
    }

    /// The index of the first sentence of `sentences` (indices in text order) that ends after
    /// prose `offset` (binary search).
    public func firstSentence(in sentences: Range<Int>, endingAfter offset: Int) -> Int? {
        let first = self.sentences[sentences].partitionPoint { $0.range.upperBound <= offset }
        return first < sentences.upperBound ? first : nil
    }

    /// The index of the paragraph whose range holds prose `offset` (binary search).
    @inlinable public func paragraph(containing offset: Int) -> Int? {
        let next = paragraphs.partitionPoint { $0.range.lowerBound <= offset }
        return next > 0 && paragraphs[next - 1].range.contains(offset) ? next - 1 : nil
    }

    /// The index of the sentence whose range holds prose `offset` (binary search).
    @inlinable public func sentence(containing offset: Int) -> Int? {
        let next = sentences.partitionPoint { $0.range.lowerBound <= offset }
        return next > 0 && sentences[next - 1].range.contains(offset) ? next - 1 : nil
    }

    /// The index of the sentence whose tokens include token `index` (binary search); nil for a
    /// token between sentences.
    @inlinable public func sentence(containingToken index: Int) -> Int? {
        let next = sentences.partitionPoint { $0.tokens.lowerBound <= index }
        return next > 0 && sentences[next - 1].tokens.contains(index) ? next - 1 : nil
    }

    /// `range` (a whole paragraph, or the whole of a line) widened to take in the paragraph
    /// separator after it, or else the one before it, when that separator stands for a single
    /// source line break: deleting the result deletes the line and its line break, where deleting
    /// `range` alone would leave a blank line that splits the text around it. Separators that
    /// stand for blank lines are left alone (they map to no source bytes).
    public func widenedToLineBreak(_ range: Range<Int>) -> Range<Int> {
        let map = document.map
        if range.upperBound + 2 <= prose.count, prose[range.upperBound] == 0x0A, prose[range.upperBound + 1] == 0x0A,
           !map.sourceRange(ofProse: range.upperBound..<(range.upperBound + 2)).isEmpty {
            return range.lowerBound..<(range.upperBound + 2)
        }
        if range.lowerBound >= 2, prose[range.lowerBound - 1] == 0x0A, prose[range.lowerBound - 2] == 0x0A,
           !map.sourceRange(ofProse: (range.lowerBound - 2)..<range.lowerBound).isEmpty {
            return (range.lowerBound - 2)..<range.upperBound
        }
        return range
    }

    /// The prose byte at `offset`, or 0 outside the prose.
    @inlinable @inline(__always)
    public func byteAt(_ offset: Int) -> UInt8 {
        offset >= 0 && offset < prose.count ? prose[offset] : 0
    }

    /// True when the prose byte at `offset` is the given ASCII character.
    @inlinable public func byte(at offset: Int, is character: Unicode.Scalar) -> Bool {
        character.isASCII && byteAt(offset) == UInt8(character.value) && offset >= 0 && offset < prose.count
    }
}

/// Segments documents. Holds ICU break iterators, so it belongs to one worker at a time.
public final class Analyzer {
    private let words: TextBreaker
    private let sentences: TextBreaker
    /// The cores a large document may spread over (its segmentation here, its rules in the
    /// linter); 1 keeps the whole pass on the calling thread (`kalka check --jobs 1`).
    package let cores: Int

    public convenience init() throws(ICUError) {
        try self.init(cores: Analyzer.machineCores)
    }

    /// `cores`: see the property.
    package init(cores: Int) throws(ICUError) {
        words = try TextBreaker(.word, locale: "en")
        sentences = try TextBreaker(.sentence, locale: "en")
        self.cores = max(1, cores)
    }

    private init(words: TextBreaker, sentences: TextBreaker, cores: Int) {
        self.words = words
        self.sentences = sentences
        self.cores = cores
    }

    /// The machine's online cores (two at least, as a large document's chunks always were).
    package static var machineCores: Int { max(2, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    /// A copy for another worker.
    public func clone() throws(ICUError) -> Analyzer {
        Analyzer(words: try words.clone(), sentences: try sentences.clone(), cores: cores)
    }

    /// Documents larger than this are segmented in chunks on the analyzer's cores, when it has
    /// more than one (see `analyze`).
    public static let parallelChunkSize = 1 << 20

    /// Segments `document` once: tokens, sentences, paragraphs.
    ///
    /// ICU's word and sentence rules never join text across a paragraph break (a line feed), so
    /// a large document is cut at paragraph breaks into chunks of about `parallelChunkSize`
    /// bytes, segmented in parallel with cloned break iterators, and joined: the result is the
    /// same as one pass, in a fraction of the time on several cores. An analyzer of one core
    /// segments the whole document in one pass.
    public func analyze(_ document: ProseDocument) throws(ICUError) -> Analysis {
        try analyze(document, chunkSize: Self.parallelChunkSize)
    }

    func analyze(_ document: ProseDocument, chunkSize: Int) throws(ICUError) -> Analysis {
        let prose = document.prose
        // Token offsets are 32-bit (files are limited to far less; see `SourceFile.defaultSizeLimit`).
        precondition(prose.count < Int(Int32.max), "a document of 2 GB or more cannot be analyzed")
        // On one core, chunks would only cost the copy that joins them.
        let chunks = cores > 1 ? Self.chunks(prose, size: chunkSize) : [0..<prose.count]
        var tokens: [Token]
        var sentenceEnds: [Int]
        if chunks.count == 1 {
            (tokens, sentenceEnds) = try prose.withUnsafeBufferPointer { (buffer) throws(ICUError) in
                try Self.segment(buffer, words: words, sentences: sentences)
            }
        } else {
            (tokens, sentenceEnds) = try segmentInParallel(prose, chunks)
        }
        let (sentenceSpans, paragraphSpans) = Self.group(tokens, sentenceEnds: sentenceEnds)
        return Analysis(document: document, tokens: tokens, sentences: sentenceSpans, paragraphs: paragraphSpans)
    }

    /// Byte ranges that each end just after a paragraph break ("\n\n"), or at the end.
    package static func chunks(_ prose: [UInt8], size: Int) -> [Range<Int>] {
        var chunks: [Range<Int>] = []
        var start = 0
        while prose.count - start > size {
            var cut = start + size
            while cut < prose.count && !(prose[cut - 1] == 0x0A && prose[cut - 2] == 0x0A) { cut += 1 }
            chunks.append(start..<cut)
            start = cut
        }
        chunks.append(start..<prose.count)
        return chunks
    }

    /// Chunks go in waves, one per core, and each wave's tokens are appended to the result as
    /// soon as it is done: memory holds the result and one wave, never every chunk's tokens
    /// beside their joined copy (on a large document the tokens are the largest array a run holds).
    private func segmentInParallel(_ prose: [UInt8], _ chunks: [Range<Int>]) throws(ICUError) -> ([Token], [Int]) {
        let width = min(chunks.count, cores)
        let breakers = try (0..<width).map { _ throws(ICUError) in (try words.clone(), try sentences.clone()) }
        var tokens: [Token] = []
        var sentenceEnds: [Int] = []
        var waveStart = 0
        while waveStart < chunks.count {
            let wave = Array(chunks[waveStart..<min(chunks.count, waveStart + width)])
            waveStart += wave.count
            let results = ChunkResults(count: wave.count)
            prose.withUnsafeBufferPointer { buffer in
                nonisolated(unsafe) let buffer = buffer
                nonisolated(unsafe) let breakers = breakers
                DispatchQueue.concurrentPerform(iterations: wave.count) { index in
                    let slice = UnsafeBufferPointer(rebasing: buffer[wave[index]])
                    results.store(Result { () throws(ICUError) in
                        try Self.segment(slice, words: breakers[index].0, sentences: breakers[index].1)
                    }, at: index)
                }
            }
            for (index, range) in wave.enumerated() {
                let (part, ends) = try results.take(index).get()
                results.release(index)
                let needed = tokens.count + part.count
                if tokens.capacity < needed {
                    // Sized once from the pace so far, so the array is not regrown (and copied)
                    // chunk after chunk; by half again at least if the pace picks up.
                    let pace = Double(needed) / Double(range.upperBound)
                    let estimate = Int(pace * Double(prose.count) * 1.05)
                    tokens.reserveCapacity(max(needed, estimate, tokens.capacity * 3 / 2))
                }
                let shift = Int32(range.lowerBound)
                for var token in part {
                    token.start += shift
                    tokens.append(token)
                }
                sentenceEnds.append(contentsOf: ends.lazy.map { $0 + range.lowerBound })
            }
        }
        return (tokens, sentenceEnds)
    }

    /// Tokens and sentence ends (UTF-8 offsets into `prose`) of one stretch of prose.
    private static func segment(_ prose: UnsafeBufferPointer<UInt8>, words: TextBreaker, sentences: TextBreaker) throws(ICUError) -> ([Token], [Int]) {
        // ICU breaks UTF-16 faster than a UTF-8 UText; converting costs little next to it.
        // Token boundaries come back in UTF-16 units: classifying a token walks its UTF-8 bytes
        // anyway, and finds its UTF-8 end on the way.
        let units = UTF16Conversion.utf16(fromUTF8: prose)
        // ICU's boundaries first, in bulk; then one plain loop classifies the tokens.
        let (ends, statuses, sentenceUnits) = try units.withUnsafeBufferPointer { (utf16) throws(ICUError) in
            let (ends, statuses) = try words.segments(utf16: utf16)
            return (ends, statuses, try sentences.segmentEnds(utf16: utf16))
        }
        // A token longer than `Token.maximumLength` bytes (3 per unit at most) is split, so
        // there are at most this many tokens.
        let longest = Token.maximumLength / 3
        var sentenceEnds: [Int] = []
        sentenceEnds.reserveCapacity(sentenceUnits.count)
        let tokens = [Token](unsafeUninitializedCapacity: ends.count + units.count / longest + 1) { tokens, count in
            units.withUnsafeBufferPointer { utf16 in
                ends.withUnsafeBufferPointer { ends in
                    statuses.withUnsafeBufferPointer { statuses in
                        sentenceUnits.withUnsafeBufferPointer { sentenceUnits in
                            count = Self.asciiBytes.withUnsafeBufferPointer { ascii in
                                Self.singleByteTokens.withUnsafeBufferPointer { single in
                                    classify(prose, utf16, ends, statuses, sentenceUnits, ascii, single, into: tokens, sentenceEnds: &sentenceEnds)
                                }
                            }
                        }
                    }
                }
            }
        }
        return (tokens, sentenceEnds)
    }

    /// Classifies the tokens ICU found (their ends and statuses) into `tokens`, and maps the
    /// sentence ends from UTF-16 units to UTF-8 offsets on the way; the number of tokens.
    private static func classify(_ prose: UnsafeBufferPointer<UInt8>, _ utf16: UnsafeBufferPointer<UInt16>, _ ends: UnsafeBufferPointer<Int32>, _ statuses: UnsafeBufferPointer<WordStatus>,
                                 _ sentenceUnits: UnsafeBufferPointer<Int32>, _ ascii: UnsafeBufferPointer<UInt32>, _ single: UnsafeBufferPointer<Token>,
                                 into tokens: UnsafeMutableBufferPointer<Token>, sentenceEnds: inout [Int]) -> Int {
        let longest = Token.maximumLength / 3
        var count = 0
        var cursor = 0
        var start = 0
        var nextSentence = 0
        for index in 0..<ends.count {
            let end = Int(ends[index])
            let tokenStart = cursor
            // One ASCII byte (a space, a comma, "a"), over half of all tokens: its token is
            // ready-made but for its start.
            var remaining = end - start
            if remaining == 1, prose[cursor] < 0x80 {
                var token = single[Self.singleByteSlot(prose[cursor], statuses[index])]
                token.start = Int32(truncatingIfNeeded: cursor)
                tokens.initializeElement(at: count, to: token)
                count += 1
                cursor += 1
                remaining = 0
            }
            while remaining > 0 {
                var take = min(remaining, longest)
                // Never inside a surrogate pair.
                if take < remaining, UTF16.isLeadSurrogate(utf16[end - remaining + take - 1]) { take -= 1 }
                let token = classify(prose, from: cursor, units: take, statuses[index], ascii)
                cursor = Int(token.end)
                tokens.initializeElement(at: count, to: token)
                count += 1
                remaining -= take
            }
            // Sentence ends fall on word boundaries, whose UTF-8 offsets are known by now; one
            // inside a token is found by counting its units.
            while nextSentence < sentenceUnits.count && Int(sentenceUnits[nextSentence]) <= end {
                let unit = Int(sentenceUnits[nextSentence])
                sentenceEnds.append(unit == end ? cursor : utf8Offset(ofUnit: unit - start, from: tokenStart, prose))
                nextSentence += 1
            }
            start = end
        }
        return count
    }

    /// The UTF-8 offset `units` UTF-16 units after byte `start` (a scalar boundary).
    static func utf8Offset(ofUnit units: Int, from start: Int, _ prose: UnsafeBufferPointer<UInt8>) -> Int {
        var index = start
        var remaining = units
        while remaining > 0 {
            let lead = prose[index]
            let width = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            index += width
            remaining -= width == 4 ? 2 : 1
        }
        return index
    }

    /// Sentences and paragraphs as token runs; spaces between sentences belong to none.
    private static func group(_ tokens: [Token], sentenceEnds: [Int]) -> ([SentenceSpan], [ParagraphSpan]) {
        var sentences: [SentenceSpan] = []
        var paragraphs: [ParagraphSpan] = []
        var paragraphStartSentence = 0
        var tokenIndex = 0
        var paragraphStart = 0
        func closeParagraph(at offset: Int) {
            if sentences.count > paragraphStartSentence {
                let range = sentences[paragraphStartSentence].range.lowerBound..<sentences[sentences.count - 1].range.upperBound
                paragraphs.append(ParagraphSpan(sentences: paragraphStartSentence..<sentences.count, range: range))
            }
            paragraphStartSentence = sentences.count
            paragraphStart = offset
        }
        _ = paragraphStart
        for end in sentenceEnds {
            // Collect tokens up to `end`, split further at paragraph breaks (ICU breaks after a
            // line feed already, so a sentence never spans one).
            var first: Int? = nil
            var last: Int? = nil
            while tokenIndex < tokens.count && Int(tokens[tokenIndex].start) < end {
                let token = tokens[tokenIndex]
                if token.isParagraphBreak {
                    if let f = first, let l = last {
                        sentences.append(SentenceSpan(tokens: f..<(l + 1), range: Int(tokens[f].start)..<Int(tokens[l].end), paragraph: paragraphs.count))
                        first = nil
                        last = nil
                    }
                    closeParagraph(at: Int(token.end))
                } else if token.kind != .space {
                    if first == nil { first = tokenIndex }
                    last = tokenIndex
                }
                tokenIndex += 1
            }
            if let f = first, let l = last {
                sentences.append(SentenceSpan(tokens: f..<(l + 1), range: Int(tokens[f].start)..<Int(tokens[l].end), paragraph: paragraphs.count))
            }
        }
        closeParagraph(at: tokens.last.map { Int($0.end) } ?? 0)
        return (sentences, paragraphs)
    }

    /// What `classify` learns of a token's characters, one bit each: few enough variables for
    /// the per-byte loop to keep in registers.
    private enum Seen {
        static let nonSpace: UInt32 = 1
        static let lineFeed: UInt32 = 2
        static let latin: UInt32 = 4
        static let cyrillic: UInt32 = 8
        static let greek: UInt32 = 16
        static let otherScript: UInt32 = 32
    }

    /// For each ASCII byte, what `classify` learns of it, so that the per-byte loop has no
    /// branch: the byte case-folded (bits 0–7), its `Seen` flags (8–15), whether it is a capital
    /// (16) or a small letter (17).
    private static let asciiBytes: [UInt32] = (0..<128).map { (value: UInt32) in
        let byte = UInt8(value)
        let isUpper = byte &- 0x41 < 26
        var seen: UInt32 = 0
        if (byte | 0x20) &- 0x61 < 26 {
            seen = Seen.latin | Seen.nonSpace
        } else if byte > 0x20 {
            seen = Seen.nonSpace
        } else if byte == 0x0A {
            seen = Seen.lineFeed
        } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
            seen = Seen.nonSpace
        }
        let isLower = byte &- 0x61 < 26
        return UInt32(isUpper ? byte | 0x20 : byte) | seen << 8 | (isUpper ? 1 << 16 : 0) | (isLower ? 1 << 17 : 0)
    }

    /// The token of each ASCII byte alone under each word status, made by `classify` itself
    /// (so the two cannot disagree), at offset 0.
    private static let singleByteTokens: [Token] = {
        var tokens = [Token](repeating: Token(start: 0, end: 0, kind: .space, shape: .uncased, script: .none, isParagraphBreak: false, foldedHash: 0), count: 3 * 128)
        asciiBytes.withUnsafeBufferPointer { ascii in
            for status in [WordStatus.none, .number, .word] {
                for byte in UInt8(0)..<0x80 {
                    tokens[singleByteSlot(byte, status)] = [byte].withUnsafeBufferPointer { classify($0, from: 0, units: 1, status, ascii) }
                }
            }
        }
        return tokens
    }()

    @inline(__always)
    private static func singleByteSlot(_ byte: UInt8, _ status: WordStatus) -> Int {
        let row: Int
        switch status {
        case .none: row = 0
        case .number: row = 1
        case .word: row = 2
        }
        return row &* 128 &+ Int(byte)
    }

    /// Kind, case shape, script and folded hash of the token starting at byte `start` and spanning
    /// `units` UTF-16 code units, in one pass over its bytes (`ascii`: `asciiBytes`).
    @inline(__always)
    private static func classify(_ prose: UnsafeBufferPointer<UInt8>, from start: Int, units: Int, _ status: WordStatus, _ ascii: UnsafeBufferPointer<UInt32>) -> Token {
        var hash = FoldedHash.offsetBasis
        var uppers = 0, lowers = 0
        var seen: UInt32 = 0
        var index = start
        var remainingUnits = units
        while remainingUnits > 0 {
            let byte = prose[index]
            if byte < 0x80 {
                remainingUnits &-= 1
                index &+= 1
                let entry = ascii[Int(byte)]
                hash = (hash ^ UInt64(entry & 0xFF)) &* FoldedHash.prime
                seen |= entry >> 8 & 0xFF
                uppers &+= Int(entry >> 16 & 1)
                lowers &+= Int(entry >> 17 & 1)
                continue
            }
            let (scalar, width) = UTF8Decoding.decode(prose, at: index)
            index += width
            remainingUnits -= width == 4 ? 2 : 1
            if !UnicodeProperties.isWhitespace(scalar) { seen |= Seen.nonSpace }
            let folded = Folding.fold(scalar)
            for byte in UTF8.encode(folded)! { hash = (hash ^ UInt64(byte)) &* FoldedHash.prime }
            guard UnicodeProperties.isAlphabetic(scalar) else { continue }
            if UnicodeProperties.isUppercase(scalar) { uppers += 1 } else if UnicodeProperties.isLowercase(scalar) { lowers += 1 }
            switch UnicodeProperties.script(of: scalar) {
            case .latin: seen |= Seen.latin
            case .cyrillic: seen |= Seen.cyrillic
            case .greek: seen |= Seen.greek
            case .common, .inherited: break
            default: seen |= Seen.otherScript
            }
        }
        let end = index
        let kind: TokenKind
        switch status {
        case .word: kind = .word
        case .number: kind = .number
        case .none:
            if seen & Seen.nonSpace == 0 { kind = .space }
            else if seen & (Seen.latin | Seen.cyrillic | Seen.greek | Seen.otherScript) != 0 { kind = .word }
            else { kind = Self.isPunctuation(prose, start, end) ? .punctuation : .symbol }
        }
        let shape: CaseShape
        if uppers == 0 && lowers == 0 { shape = .uncased }
        else if uppers == 0 { shape = .lower }
        else if lowers == 0 { shape = uppers == 1 ? .title : .upper }
        else if uppers == 1 && firstCasedIsUpper(prose, start, end) { shape = .title }
        else { shape = .mixed }
        let script: TokenScript
        switch seen & (Seen.latin | Seen.cyrillic | Seen.greek | Seen.otherScript) {
        case 0: script = .none
        case Seen.latin: script = .latin
        case Seen.cyrillic: script = .cyrillic
        case Seen.greek: script = .greek
        case Seen.otherScript: script = .other
        default: script = .mixed
        }
        return Token(unchecked: start, length: end &- start, kind: kind, shape: shape, script: script,
                     isParagraphBreak: seen & Seen.lineFeed != 0, foldedHash: hash)
    }

    /// Whether the first cased letter of the bytes is a capital: read again only for a word with
    /// one capital and some small letters ("Kyiv" or "iPhone"), which the per-byte loop does not
    /// tell apart.
    private static func firstCasedIsUpper(_ prose: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var index = start
        while index < end {
            let byte = prose[index]
            if byte < 0x80 {
                if byte &- 0x41 < 26 { return true }
                if byte &- 0x61 < 26 { return false }
                index += 1
                continue
            }
            let (scalar, width) = UTF8Decoding.decode(prose, at: index)
            index += width
            guard UnicodeProperties.isAlphabetic(scalar) else { continue }
            if UnicodeProperties.isUppercase(scalar) { return true }
            if UnicodeProperties.isLowercase(scalar) { return false }
        }
        return false
    }

    private static func isPunctuation(_ prose: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let byte = prose[start]
        if byte < 0x80 {
            // ASCII punctuation; symbols such as + < = > | ~ $ ^ ` count as symbols.
            switch byte {
            case 0x21...0x23, 0x25...0x2A, 0x2C...0x2F, 0x3A, 0x3B, 0x3F, 0x40, 0x5B...0x5D, 0x5F, 0x7B, 0x7D: return true
            default: return false
            }
        }
        let (scalar, _) = UTF8Decoding.decode(prose, at: start)
        return UnicodeProperties.isPunctuation(scalar)
    }
}

/// One result slot per chunk, each written by exactly one iteration of `concurrentPerform` and
/// read after it returns.
private final class ChunkResults: @unchecked Sendable {
    private var results: [Result<([Token], [Int]), ICUError>?]
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func store(_ result: Result<([Token], [Int]), ICUError>, at index: Int) {
        results.withUnsafeMutableBufferPointer { $0[index] = result }
    }
    func take(_ index: Int) -> Result<([Token], [Int]), ICUError> { results[index]! }
    func release(_ index: Int) { results[index] = nil }
}

/// `Analysis.isInsideQuotation(_:since:)` asked for several offsets from one start: each call
/// counts on from where the last stopped (offsets asked in order), so asking about every match
/// on a long line reads the line once, not once per match.
public struct QuotationTracker: Sendable {
    private let start: Int
    private var index: Int
    private var curly = 0, straight = 0, guillemets = 0

    public init(since start: Int) {
        self.start = start
        index = start
    }

    public mutating func isInside(_ offset: Int, in analysis: Analysis) -> Bool {
        if offset < index { self = QuotationTracker(since: start) }
        let prose = analysis.prose
        WorkCounter.count(max(0, min(offset, prose.count) - index))
        while index < offset && index < prose.count {
            let byte = prose[index]
            if byte == 0x22 { straight += 1 }
            if byte == 0xE2, analysis.byteAt(index + 1) == 0x80 {
                if analysis.byteAt(index + 2) == 0x9C { curly += 1 }
                if analysis.byteAt(index + 2) == 0x9D { curly -= 1 }
            }
            if byte == 0xC2 {
                if analysis.byteAt(index + 1) == 0xAB { guillemets += 1 }
                if analysis.byteAt(index + 1) == 0xBB { guillemets -= 1 }
            }
            index += 1
        }
        return curly > 0 || straight % 2 == 1 || guillemets > 0
    }
}
