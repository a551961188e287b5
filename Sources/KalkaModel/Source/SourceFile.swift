/// How a file's bytes encode its text.
public enum TextEncoding: String, Sendable, Codable {
    case utf8 = "utf-8"
    case utf8WithBOM = "utf-8-bom"
    case utf16LittleEndian = "utf-16le"
    case utf16BigEndian = "utf-16be"
}

/// Why a file's bytes cannot be read as text.
public enum SourceError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidUTF8(offset: Int)
    case invalidUTF16(offset: Int)
    /// A NUL byte: the file is binary and skipped.
    case binary(offset: Int)
    case tooLarge(bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .invalidUTF8(let offset): "invalid UTF-8 at byte \(offset)"
        case .invalidUTF16(let offset): "invalid UTF-16 at byte \(offset)"
        case .binary(let offset): "binary file (NUL byte at \(offset)), skipped"
        case .tooLarge(let bytes, let limit): "file too large (\(bytes) bytes; the limit is \(limit))"
        }
    }
}

/// A file as stored on disk, decoded to UTF-8 text, with the way back from text offsets to the
/// file's own byte offsets (the positions kalka reports).
public struct SourceFile: Sendable {
    public let path: String
    /// The bytes exactly as read.
    public let bytes: [UInt8]
    public let encoding: TextEncoding
    /// The text as UTF-8, without any byte order mark.
    public let text: [UInt8]
    public let lines: LineIndex
    /// Scalars before every `columnStride`-th text offset, so that a column on a long line is
    /// counted from the nearest checkpoint, not from the start of the line.
    private let scalarCheckpoints: [Int]
    /// For UTF-16 files only: the file offset of every UTF-8 text offset (count + 1 entries).
    private let utf16FileOffsets: [Int]?

    /// 256 MiB: beyond this a "document" is not an article, and memory stays bounded.
    public static let defaultSizeLimit = 256 << 20

    public init(path: String, bytes: [UInt8], sizeLimit: Int = SourceFile.defaultSizeLimit) throws(SourceError) {
        guard bytes.count <= sizeLimit else { throw .tooLarge(bytes: bytes.count, limit: sizeLimit) }
        self.path = path
        self.bytes = bytes
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let littleEndian = bytes[0] == 0xFF
            let decoded = try UTF16Decoding.decode(bytes, littleEndian: littleEndian)
            encoding = littleEndian ? .utf16LittleEndian : .utf16BigEndian
            text = decoded.text
            utf16FileOffsets = decoded.fileOffsets
        } else {
            let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
            let start = hasBOM ? 3 : 0
            if let nul = Self.firstNUL(bytes, from: start) { throw .binary(offset: nul) }
            if let invalid = UTF8Validation.firstInvalidOffset(bytes, from: start) { throw .invalidUTF8(offset: invalid) }
            encoding = hasBOM ? .utf8WithBOM : .utf8
            text = hasBOM ? Array(bytes[3...]) : bytes
            utf16FileOffsets = nil
        }
        lines = LineIndex(text)
        scalarCheckpoints = Self.checkpoints(text)
    }

    /// A source from a Swift string (tests, stdin already decoded).
    public init(path: String, string: String) {
        // A Swift string is valid UTF-8 without NUL issues worth rejecting here.
        self.path = path
        self.bytes = Array(string.utf8)
        self.encoding = .utf8
        self.text = bytes
        self.utf16FileOffsets = nil
        self.lines = LineIndex(text)
        self.scalarCheckpoints = Self.checkpoints(text)
    }

    static let columnStride = 512

    /// The offset of the first NUL byte from `start` (memchr: many bytes per step).
    private static func firstNUL(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { ByteWords.firstOffset(of: 0, in: $0, from: start) }
    }

    /// The scalars before each multiple of `columnStride`, counted a stride at a time.
    private static func checkpoints(_ text: [UInt8]) -> [Int] {
        var checkpoints: [Int] = [0]
        checkpoints.reserveCapacity(text.count / columnStride + 1)
        var scalars = 0
        text.withUnsafeBufferPointer { bytes in
            var start = 0
            while start + columnStride <= bytes.count {
                scalars += ByteWords.scalarCount(bytes, start..<(start + columnStride))
                checkpoints.append(scalars)
                start += columnStride
            }
        }
        return checkpoints
    }

    /// The number of Unicode scalars that start before text offset `offset`.
    private func scalars(before offset: Int) -> Int {
        let checkpoint = offset / Self.columnStride
        let start = checkpoint * Self.columnStride
        WorkCounter.count(offset - start)
        return scalarCheckpoints[checkpoint] + text.withUnsafeBufferPointer { ByteWords.scalarCount($0, start..<offset) }
    }

    /// Length of the byte order mark (0 when there is none).
    public var bomLength: Int {
        switch encoding {
        case .utf8: 0
        case .utf8WithBOM: 3
        case .utf16LittleEndian, .utf16BigEndian: 2
        }
    }

    /// The file offset of text offset `offset`.
    public func fileOffset(ofText offset: Int) -> Int {
        if let utf16FileOffsets { return utf16FileOffsets[offset] }
        return offset + bomLength
    }

    /// Line, column (1-based, Unicode scalars) and file byte offset of text offset `offset`.
    public func location(ofText offset: Int) -> Location {
        let line = lines.line(containing: offset)
        let lineStart = lines.start(ofLine: line)
        // Column = scalars between the line start and offset + 1 (the first byte of each scalar
        // counts, its continuation bytes do not). A long line is counted from checkpoints, so
        // that locating every finding on a one-line file stays linear.
        var column = 1
        if offset - lineStart <= Self.columnStride {
            WorkCounter.count(offset - lineStart)
            column += text.withUnsafeBufferPointer { ByteWords.scalarCount($0, lineStart..<offset) }
        } else {
            column += scalars(before: offset) - scalars(before: lineStart)
        }
        return Location(line: line + 1, column: column, offset: fileOffset(ofText: offset))
    }

    /// The text of a line (0-based), without its line break.
    public func lineText(_ line: Int) -> Substring {
        let range = lines.contentRange(ofLine: line, in: text)
        return Substring(decoding: text[range], as: UTF8.self)
    }

    /// Encodes edited UTF-8 text back into this file's encoding, byte order mark included.
    public func encode(text newText: [UInt8]) -> [UInt8] {
        switch encoding {
        case .utf8: return newText
        case .utf8WithBOM: return [0xEF, 0xBB, 0xBF] + newText
        case .utf16LittleEndian, .utf16BigEndian:
            let little = encoding == .utf16LittleEndian
            var out: [UInt8] = little ? [0xFF, 0xFE] : [0xFE, 0xFF]
            out.reserveCapacity(newText.count * 2 + 2)
            for unit in String(decoding: newText, as: UTF8.self).utf16 {
                let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
                if little { out.append(low); out.append(high) } else { out.append(high); out.append(low) }
            }
            return out
        }
    }
}

/// A position as reported: 1-based line and column (Unicode scalars) and the byte offset into the
/// file as stored.
public struct Location: Equatable, Hashable, Sendable, Codable {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }
}

package enum UTF8Validation {
    /// The offset of the first byte that does not start or continue a well-formed UTF-8 sequence.
    package static func firstInvalidOffset(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var index = start
            let count = buffer.count
            while index < count {
                // ASCII runs dominate English text: skip them eight bytes at a time.
                while index + 8 <= count {
                    let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    index += 8
                }
                guard index < count else { break }
                if buffer[index] < 0x80 { index += 1; continue }
                guard let length = UTF8Decoding.wellFormedLength(buffer, at: index) else { return index }
                index += length
            }
            return nil
        }
    }
}

enum UTF16Decoding {
    static func decode(_ bytes: [UInt8], littleEndian: Bool) throws(SourceError) -> (text: [UInt8], fileOffsets: [Int]) {
        var text: [UInt8] = []
        var offsets: [Int] = []
        text.reserveCapacity(bytes.count)
        offsets.reserveCapacity(bytes.count)
        func unit(at index: Int) -> UInt16 {
            littleEndian ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
                         : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
        }
        var index = 2
        while index < bytes.count {
            guard index + 1 < bytes.count else { throw .invalidUTF16(offset: index) }
            let first = unit(at: index)
            var scalarValue = UInt32(first)
            var width = 2
            if first >= 0xD800 && first < 0xDC00 {
                guard index + 3 < bytes.count else { throw .invalidUTF16(offset: index) }
                let second = unit(at: index + 2)
                guard second >= 0xDC00 && second < 0xE000 else { throw .invalidUTF16(offset: index) }
                scalarValue = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
                width = 4
            } else if first >= 0xDC00 && first < 0xE000 {
                throw .invalidUTF16(offset: index)
            }
            if scalarValue == 0 { throw .binary(offset: index) }
            let scalar = Unicode.Scalar(scalarValue)!
            for byte in UTF8.encode(scalar)! {
                text.append(byte)
                offsets.append(index)
            }
            index += width
        }
        offsets.append(bytes.count)
        return (text, offsets)
    }
}
