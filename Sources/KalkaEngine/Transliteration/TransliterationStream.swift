import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import KalkaKnowledge
import KalkaModel
import KalkaRules

/// Why a stream could not be romanized.
public struct TransliterationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String
    public var description: String { "\(path): \(message)" }
}

/// Romanizes a whole input, streaming: it reads batches of complete lines (about `batchSize`
/// bytes), romanizes each batch's lines on all workers, and writes them in order, so memory
/// stays bounded whatever the input's size and ICU only ever sees a line (or a piece of one).
public struct TransliterationStream {
    public let prototype: TextRomanizer
    public let jobs: Int
    public static let batchSize = 1 << 20

    public init(prototype: TextRomanizer, jobs: Int) {
        self.prototype = prototype
        self.jobs = max(1, jobs)
    }

    /// Streams `descriptor` to `write`. In `.auto` mode with `runningVote`, words that fit both
    /// languages follow the vote of everything read so far (for standard input, which cannot be
    /// read twice); otherwise the mode's vote stands.
    public func run(descriptor: Int32, path: String, runningVote: Bool, batchSize: Int = batchSize, write: ([UInt8]) -> Void) throws(TransliterationError) {
        try run(TransliterationInput(descriptor: descriptor), path: path, runningVote: runningVote, batchSize: batchSize, write: write)
    }

    /// Streams `input` to `write` (see `run(descriptor:…)`).
    public func run(_ input: TransliterationInput, path: String, runningVote: Bool, batchSize: Int = batchSize, write: ([UInt8]) -> Void) throws(TransliterationError) {
        var workers = [prototype]
        do {
            for _ in 1..<jobs { workers.append(try prototype.clone()) }
        } catch {
            throw TransliterationError(path: path, message: SystemErrors.plain(error))
        }
        var vote = CyrillicLanguageGuess.Vote()
        var offset = 0
        try LineBatches(reader: input.reader, path: path, batchSize: batchSize).forEach { (batch) throws(TransliterationError) in
            try Self.checkText(batch, at: offset, path: path)
            if runningVote, case .auto = prototype.mode {
                batch.withUnsafeBufferPointer { vote.add(utf8: $0) }
                for worker in workers { worker.mode = .auto(vote: vote.winner) }
            }
            write(try romanize(batch, workers: workers, path: path))
            offset += batch.count
        }
    }

    /// One batch, split into one part per worker at line ends.
    private func romanize(_ batch: [UInt8], workers: [TextRomanizer], path: String) throws(TransliterationError) -> [UInt8] {
        let parts = Self.split(batch, into: workers.count)
        let results = PartResults(count: parts.count)
        nonisolated(unsafe) let workers = workers
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
            results.store(Result { try Self.romanizeLines(batch[parts[index]], with: workers[index]) }, at: index)
        }
        var output: [UInt8] = []
        output.reserveCapacity(batch.count + batch.count / 2)
        for index in parts.indices {
            switch results.take(index) {
            case .success(let bytes): output += bytes
            case .failure(let error): throw TransliterationError(path: path, message: SystemErrors.plain(error))
            }
        }
        return output
    }

    static func romanizeLines(_ bytes: ArraySlice<UInt8>, with romanizer: TextRomanizer) throws -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 2)
        try bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                var end = start
                while end < buffer.count && buffer[end] != 0x0A { end += 1 }
                if end < buffer.count { end += 1 }
                try romanizer.romanize(utf8: UnsafeBufferPointer(rebasing: buffer[start..<end]), appendingTo: &output)
                start = end
            }
        }
        return output
    }

    /// `count` ranges of about equal size, each ending at a line end (or the batch's end).
    static func split(_ batch: [UInt8], into count: Int) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = 0
        for part in 1...count where start < batch.count {
            var end = part == count ? batch.count : max(start, batch.count * part / count)
            while end < batch.count && end > 0 && batch[end - 1] != 0x0A { end += 1 }
            if end > start { parts.append(start..<end) }
            start = end
        }
        return parts.isEmpty ? [0..<0] : parts
    }

    /// Text as `check` reads it: valid UTF-8 without NUL bytes (a NUL means a binary file).
    static func checkText(_ batch: [UInt8], at offset: Int, path: String) throws(TransliterationError) {
        if let invalid = UTF8Validation.firstInvalidOffset(batch, from: 0) {
            throw TransliterationError(path: path, message: "invalid UTF-8 at byte \(offset + invalid)")
        }
        if let nul = batch.firstIndex(of: 0) {
            throw TransliterationError(path: path, message: "binary file (NUL byte at \(offset + nul))")
        }
    }

    /// The vote of a whole file, read once ahead of romanizing it (in bounded memory); it also
    /// finds a binary or invalid file before anything is written.
    public static func vote(descriptor: Int32, path: String) throws(TransliterationError) -> CyrillicLanguageGuess.Vote {
        try vote(TransliterationInput(descriptor: descriptor), path: path)
    }

    public static func vote(_ input: TransliterationInput, path: String) throws(TransliterationError) -> CyrillicLanguageGuess.Vote {
        var vote = CyrillicLanguageGuess.Vote()
        var offset = 0
        try LineBatches(reader: input.reader, path: path, batchSize: batchSize).forEach { (batch) throws(TransliterationError) in
            try checkText(batch, at: offset, path: path)
            batch.withUnsafeBufferPointer { vote.add(utf8: $0) }
            offset += batch.count
        }
        return vote
    }
}

/// What `translit` reads: a descriptor (after any bytes already taken from it), or text
/// decoded whole (a UTF-16 file, as `check` reads it).
public struct TransliterationInput {
    let reader: ChunkReader

    public init(descriptor: Int32, alreadyRead: [UInt8] = []) {
        reader = ChunkReader(descriptor: descriptor, pending: alreadyRead)
    }

    /// UTF-8 text, all of it.
    public init(text: [UInt8]) {
        reader = ChunkReader(bytes: text)
    }
}

/// Reads a descriptor in batches that end at a line end; a line longer than a batch is cut at
/// white space (or, failing that, between characters).
struct LineBatches {
    let reader: ChunkReader
    let path: String
    let batchSize: Int

    func forEach(_ body: ([UInt8]) throws(TransliterationError) -> Void) throws(TransliterationError) {
        var reader = reader
        while true {
            do { try reader.fill(upTo: batchSize) } catch { throw TransliterationError(path: path, message: error.message) }
            if reader.pending.isEmpty { return }
            let cut = reader.atEnd && reader.pending.count <= batchSize ? reader.pending.count : Self.cutPoint(reader.pending, limit: batchSize)
            try body(reader.take(cut))
        }
    }

    /// Where to end a batch of `bytes`: after the last line feed within `limit`, else after the
    /// last white space, else at the last character boundary.
    static func cutPoint(_ bytes: [UInt8], limit: Int) -> Int {
        let window = min(limit, bytes.count)
        if let lineFeed = bytes[0..<window].lastIndex(of: 0x0A) { return lineFeed + 1 }
        if let space = bytes[0..<window].lastIndex(where: \.isSpaceOrTab) { return space + 1 }
        var cut = window
        while cut > 0 && cut < bytes.count && UTF8Decoding.isContinuation(bytes[cut]) { cut -= 1 }
        return max(cut, 1)
    }
}

/// One slot per part of a batch, each written by one iteration of `concurrentPerform`.
private final class PartResults: @unchecked Sendable {
    private var results: [Result<[UInt8], any Error>?]
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func store(_ result: Result<[UInt8], any Error>, at index: Int) {
        results.withUnsafeMutableBufferPointer { $0[index] = result }
    }
    func take(_ index: Int) -> Result<[UInt8], any Error> { results[index]! }
}
