#if canImport(Glibc)
import Glibc
#endif
import KalkaModel

/// The lines of a JSON Lines archive, read from a file descriptor in chunks: however large the
/// archive, it holds one chunk and the line being gathered, and once a line passes the size limit
/// it is only counted, not kept. Blank lines are not records: skipped, or handed back as they
/// are when asked (`normalize` writes the archive back line for line). A final line without a
/// line feed counts; a carriage return before the line feed is part of the line's ending.
public final class RecordLines {
    public enum Item {
        /// A line's content, and its ending as it was: "\n", "\r\n", or nothing at the end.
        case line(number: Int, bytes: [UInt8], ending: [UInt8])
        /// A line of only spaces and tabs (with `keepsBlankLines`), its bytes and ending as they were.
        case blank(number: Int, bytes: [UInt8])
        /// A line longer than the limit (its length, counted while it was skipped).
        case tooLarge(number: Int, bytes: Int)
        /// The archive could not be read further.
        case failure(number: Int, message: String)
    }

    /// What a line over the limit is told: "record too large (N bytes; the limit is L)".
    public static func tooLarge(bytes: Int, limit: Int) -> String {
        "record too large (\(bytes) bytes; the limit is \(limit))"
    }

    private let descriptor: Int32
    private let closesDescriptor: Bool
    private let limit: Int
    private var chunk: [UInt8]
    private var chunkStart = 0, chunkEnd = 0
    private var lineNumber = 0
    private var finished = false
    private let keepsBlankLines: Bool

    /// Reads `path`, or standard input for nil.
    public init(path: String?, limit: Int = SourceFile.defaultSizeLimit, chunkSize: Int = 1 << 20, keepsBlankLines: Bool = false) throws(FileReadError) {
        self.keepsBlankLines = keepsBlankLines
        if let path {
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { throw FileReadError(message: "cannot open: \(FileReading.errnoText())") }
            var info = stat()
            if fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
                close(descriptor)
                throw FileReadError(message: "is a directory: give JSON Lines files or - for standard input")
            }
            self.descriptor = descriptor
            closesDescriptor = true
        } else {
            descriptor = STDIN_FILENO
            closesDescriptor = false
        }
        self.limit = limit
        chunk = [UInt8](repeating: 0, count: max(chunkSize, 16))
    }

    deinit {
        if closesDescriptor { close(descriptor) }
    }

    /// The next record line, or nil at the end.
    public func next() -> Item? {
        while !finished {
            lineNumber += 1
            var line: [UInt8] = []
            var length = 0
            var ended = false, sawLineFeed = false
            gathering: while true {
                if chunkStart == chunkEnd {
                    switch refill() {
                    case .data: break
                    case .end:
                        finished = true
                        ended = true
                        break gathering
                    case .failure(let message):
                        finished = true
                        return .failure(number: lineNumber, message: message)
                    }
                }
                let newline = chunk.withUnsafeBufferPointer { buffer in
                    ByteWords.firstOffset(of: 0x0A, in: UnsafeBufferPointer(rebasing: buffer[chunkStart..<chunkEnd]), from: 0)
                }
                let take = newline ?? (chunkEnd - chunkStart)
                // Past the limit the line is only counted, not kept.
                if length + take <= limit {
                    line.append(contentsOf: chunk[chunkStart..<(chunkStart + take)])
                } else if !line.isEmpty {
                    line = []
                }
                length += take
                chunkStart += take
                if newline != nil {
                    chunkStart += 1
                    sawLineFeed = true
                    break gathering
                }
            }
            if ended && length == 0 { return nil }
            if length > limit { return .tooLarge(number: lineNumber, bytes: length) }
            var ending: [UInt8] = sawLineFeed ? [0x0A] : []
            if sawLineFeed && line.last == 0x0D {
                line.removeLast()
                ending = [0x0D, 0x0A]
            }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                if keepsBlankLines { return .blank(number: lineNumber, bytes: line + ending) }
                continue
            }
            return .line(number: lineNumber, bytes: line, ending: ending)
        }
        return nil
    }

    private enum Refill {
        case data, end
        case failure(String)
    }

    private func refill() -> Refill {
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure("cannot read: \(FileReading.errnoText())")
            }
            chunkStart = 0
            chunkEnd = count
            return count == 0 ? .end : .data
        }
    }
}
