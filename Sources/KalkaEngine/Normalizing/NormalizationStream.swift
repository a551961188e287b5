#if canImport(Glibc)
import Glibc
#endif
import KalkaModel
import KalkaRules
import KalkaText

/// Why an input could not be normalized.
public struct NormalizationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String
    public var description: String { "\(path): \(message)" }
}

/// Normalizes a whole input as a stream. Plain UTF-8 text is cut into chunks of about
/// `chunkSize` bytes at blank lines (paragraph boundaries, which no rule looks across) and each
/// chunk is normalized and written before the next is read, so memory stays bounded whatever the
/// input's size. Markdown and HTML are read whole: a blank line inside a fenced code block, an
/// HTML `pre` or a comment does not end a block, and only the whole document says where those
/// are. UTF-16 input (known by its byte order mark) is read whole too.
public struct NormalizationStream {
    public let normalizer: TextNormalizer
    public let chunkSize: Int
    /// A paragraph longer than this is cut at a line end (or a space) after all: the only place
    /// where streaming can differ from normalizing the document whole.
    public let longestParagraph: Int

    public init(normalizer: TextNormalizer, chunkSize: Int = 1 << 20, longestParagraph: Int = 16 << 20) {
        self.normalizer = normalizer
        self.chunkSize = max(1, chunkSize)
        self.longestParagraph = max(self.chunkSize, longestParagraph)
    }

    /// Reads `descriptor` to its end, writing the normalized bytes to `write` and each change,
    /// located in the input, to `explain`.
    public func run(descriptor: Int32, path: String, write: ([UInt8]) -> Void,
                    explain: (NormalizationChange) -> Void) throws(NormalizationError) {
        try run(ChunkReader(descriptor: descriptor), path: path, write: write, explain: explain)
    }

    /// The same over bytes already read (a file normalized in place).
    public func run(bytes: [UInt8], path: String, write: ([UInt8]) -> Void,
                    explain: (NormalizationChange) -> Void) throws(NormalizationError) {
        try run(ChunkReader(bytes: bytes), path: path, write: write, explain: explain)
    }

    private func fill(_ reader: inout ChunkReader, upTo count: Int, path: String) throws(NormalizationError) {
        do { try reader.fill(upTo: count) } catch { throw NormalizationError(path: path, message: error.message) }
    }

    private func run(_ reader: ChunkReader, path: String, write: ([UInt8]) -> Void,
                     explain: (NormalizationChange) -> Void) throws(NormalizationError) {
        let analyzer: Analyzer
        do { analyzer = try Analyzer() } catch { throw NormalizationError(path: path, message: SystemErrors.plain(error)) }
        var reader = reader
        var position = InputPosition()
        var first = true
        while true {
            try fill(&reader, upTo: chunkSize, path: path)
            if first {
                first = false
                let isUTF16 = reader.pending.starts(with: [0xFF, 0xFE]) || reader.pending.starts(with: [0xFE, 0xFF])
                if isUTF16 || normalizer.format != .plain {
                    try fill(&reader, upTo: SourceFile.defaultSizeLimit + 1, path: path)
                    try normalize(reader.take(reader.pending.count), at: &position, path: path, analyzer: analyzer, write: write, explain: explain)
                    return
                }
            }
            if reader.pending.isEmpty && reader.atEnd { return }
            var cut = reader.atEnd ? reader.pending.count : ParagraphCut.last(in: reader.pending, limit: chunkSize, atEnd: reader.atEnd)
            while cut == nil && !reader.atEnd && reader.pending.count < longestParagraph {
                try fill(&reader, upTo: min(reader.pending.count * 2, longestParagraph), path: path)
                cut = reader.atEnd ? reader.pending.count : ParagraphCut.last(in: reader.pending, limit: reader.pending.count, atEnd: reader.atEnd)
            }
            let length = cut ?? LineBatches.cutPoint(reader.pending, limit: longestParagraph)
            try normalize(reader.take(length), at: &position, path: path, analyzer: analyzer, write: write, explain: explain)
        }
    }

    private func normalize(_ bytes: [UInt8], at position: inout InputPosition, path: String, analyzer: Analyzer,
                           write: ([UInt8]) -> Void, explain: (NormalizationChange) -> Void) throws(NormalizationError) {
        let source: SourceFile
        do {
            source = try SourceFile(path: path, bytes: bytes, sizeLimit: SourceFile.defaultSizeLimit)
        } catch {
            throw NormalizationError(path: path, message: position.shifted(error).description)
        }
        let normalized: NormalizedText
        do { normalized = try normalizer.normalize(source, analyzer: analyzer) } catch { throw NormalizationError(path: path, message: SystemErrors.plain(error)) }
        write(normalized.bytes)
        for var change in normalized.changes {
            change.location = position.global(change.location)
            explain(change)
        }
        position.advance(over: source)
    }
}

/// Where a chunk starts in the whole input, to report positions in the input.
struct InputPosition {
    var offset = 0
    /// Lines before the chunk's first line.
    var lines = 0
    /// Scalars of its first line that earlier chunks held (nonzero only after a cut mid-line).
    var columns = 0

    func global(_ location: Location) -> Location {
        Location(line: location.line + lines, column: location.column + (location.line == 1 ? columns : 0), offset: location.offset + offset)
    }

    func shifted(_ error: SourceError) -> SourceError {
        switch error {
        case .invalidUTF8(let at): .invalidUTF8(offset: at + offset)
        case .invalidUTF16(let at): .invalidUTF16(offset: at + offset)
        case .binary(let at): .binary(offset: at + offset)
        case .tooLarge: error
        }
    }

    mutating func advance(over source: SourceFile) {
        let last = source.lines.count - 1
        let end = source.location(ofText: source.text.count)
        offset += source.bytes.count
        columns = last == 0 ? columns + end.column - 1 : end.column - 1
        lines += last
    }
}

/// Where a plain-text chunk may end: right after a blank line (one of only spaces and tabs), the
/// boundary the plain-text reader turns into a paragraph break.
enum ParagraphCut {
    /// The last such boundary within the first `limit` bytes; nil when there is none. A line
    /// break at the very end of the bytes read so far counts only at the input's end (a CR
    /// there may be half of a CRLF), and no chunk starts with a byte order mark (which the next
    /// chunk would take for its encoding's).
    static func last(in bytes: [UInt8], limit: Int, atEnd: Bool) -> Int? {
        var found: Int?
        var index = 0
        let end = min(limit, bytes.count)
        while index < end {
            var blank = true
            while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D {
                if bytes[index] != 0x20 && bytes[index] != 0x09 { blank = false }
                index += 1
            }
            guard index < bytes.count else { break }
            if bytes[index] == 0x0D {
                if index + 1 == bytes.count && !atEnd { break }
                index += index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            } else {
                index += 1
            }
            if blank && index <= end && !bytes[index...].starts(with: [0xEF, 0xBB, 0xBF]) {
                found = index
            }
        }
        return found
    }
}
