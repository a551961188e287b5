#if canImport(Glibc)
import Glibc
#endif
import KalkaModel

/// The lines of a JSON Lines archive, read from a file descriptor in chunks: however large the
/// archive, it holds one chunk and the line being gathered, and a line over the size limit is
/// passed over without being kept. Blank lines are not records and are skipped; a final line
/// without a line feed counts; a carriage return before the line feed is dropped.
public final class RecordLines {
    public enum Item {
        case line(number: Int, bytes: [UInt8])
        /// A line longer than the limit (its length, counted while it was skipped).
        case tooLarge(number: Int, bytes: Int)
        /// The archive could not be read further.
        case failure(number: Int, message: String)
    }

    private let descriptor: Int32
    private let closesDescriptor: Bool
    private let limit: Int
    private var chunk: [UInt8]
    private var chunkStart = 0, chunkEnd = 0
    private var lineNumber = 0
    private var finished = false

    /// Reads `path`, or standard input for nil.
    public init(path: String?, limit: Int = SourceFile.defaultSizeLimit, chunkSize: Int = 1 << 20) throws(FileReadError) {
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
            var ended = false
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
                if length + take <= limit { line.append(contentsOf: chunk[chunkStart..<(chunkStart + take)]) }
                length += take
                chunkStart += take
                if newline != nil {
                    chunkStart += 1
                    break gathering
                }
            }
            if ended && length == 0 { return nil }
            if length > limit { return .tooLarge(number: lineNumber, bytes: length) }
            if line.last == 0x0D { line.removeLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            return .line(number: lineNumber, bytes: line)
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
