#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KalkaModel
import KalkaText

/// One `kalka normalize` run as a library call: reads a file or standard input, normalizes it,
/// and delivers the text to standard output (streamed), to another file, or back in place.
public struct NormalizationRun {
    /// Where the normalized text goes.
    public enum Target: Sendable, Equatable {
        /// Streamed to `run`'s `write` as it is made, in bounded memory.
        case stream
        /// This file gets the whole text, once everything is normalized (nothing on failure).
        case file(String)
        /// The input file is replaced (atomically), only when something changed and only if it
        /// is still as it was read.
        case inPlace
    }

    /// Why the run stopped; the input and any target file are left as they were.
    public enum Failure: Error {
        /// The input could not be opened (the `errno`).
        case open(Int32)
        /// The input to normalize in place could not be read.
        case read(FileReadError)
        /// The input could not be normalized (bad encoding, a paragraph too long…).
        case normalize(NormalizationError)
        /// The target file could not be written.
        case write(AtomicFileWriter.WriteError)
    }

    /// The input's path; "-" is standard input.
    public let path: String
    public let target: Target
    public let stream: NormalizationStream

    /// `format` (nil: chosen by `path`, see `format(for:override:)`) and the fixes of `linter` up to `threshold`.
    public init(path: String, format: InputFormat?, linter: Linter, threshold: FixApplicability, target: Target) {
        self.path = path
        self.target = target
        stream = NormalizationStream(normalizer: TextNormalizer(linter: linter, threshold: threshold, format: Self.format(for: path, override: format)))
    }

    /// The input's format: `override` when given, else by the file's extension; plain for
    /// standard input and for extensions kalka does not know.
    public static func format(for path: String, override: InputFormat?) -> InputFormat {
        override ?? (path == "-" ? .plain : InputFormat.inferred(fromPath: path) ?? .plain)
    }

    /// Normalizes the input: with `.stream` the text goes to `write` as it is made; each change
    /// goes to `explain`. Returns how many changes were made.
    @discardableResult
    public func run(write: ([UInt8]) -> Void, explain: (NormalizationChange) -> Void) throws(Failure) -> Int {
        var collected: [UInt8] = []
        var changes = 0
        func deliver(_ bytes: [UInt8]) {
            if case .stream = target { write(bytes) } else { collected += bytes }
        }
        func count(_ change: NormalizationChange) {
            changes += 1
            explain(change)
        }
        var original: [UInt8] = []
        // A file normalized in place is read whole, so the replacement can check that it did not
        // change meanwhile; anything else streams from its descriptor.
        var descriptor: Int32 = -1
        if case .inPlace = target {
            switch FileReading.read(path: path) {
            case .success(let bytes): original = bytes
            case .failure(let error): throw .read(error)
            }
        } else {
            descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY)
            guard descriptor >= 0 else { throw .open(errno) }
        }
        defer { if descriptor > STDIN_FILENO { close(descriptor) } }
        do throws(NormalizationError) {
            if descriptor >= 0 {
                try stream.run(descriptor: descriptor, path: path, write: deliver, explain: count)
            } else {
                try stream.run(bytes: original, path: path, write: deliver, explain: count)
            }
        } catch {
            throw .normalize(error)
        }
        do throws(AtomicFileWriter.WriteError) {
            switch target {
            case .stream: break
            case .inPlace:
                if changes > 0 { try AtomicFileWriter.replace(path, expecting: original, with: collected) }
            case .file(let output):
                let file = try ReportFile(output)
                file.write(bytes: collected)
                try file.commit()
            }
        } catch {
            throw Failure.write(error)
        }
        return changes
    }
}
