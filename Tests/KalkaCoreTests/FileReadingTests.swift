import Foundation
import Testing
@testable import KalkaEngine
import KalkaModel

/// Files are read straight into an array of the size they report; what reports no size (a
/// pipe) or grows is read on in chunks. Either way every byte arrives, and input over the limit
/// is refused with a message naming the limit.
@Suite struct FileReadingTests {
    static func bytes(_ count: Int) -> [UInt8] {
        var generator = SplitMix64(seed: UInt64(count))
        return (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kalka-read-\(getpid())-\(name)").path
    }

    @Test(arguments: [0, 1, 65_535, 65_536, 65_537, 300_001])
    func regularFilesArriveWhole(_ size: Int) throws {
        let path = Self.temporaryPath("regular-\(size)")
        defer { unlink(path) }
        let content = Self.bytes(size)
        try Data(content).write(to: URL(fileURLWithPath: path))
        #expect(try FileReading.read(path: path).get() == content)
    }

    @Test func aRegularFileOverTheLimitIsRefusedBeforeReading() throws {
        let path = Self.temporaryPath("large")
        defer { unlink(path) }
        try Data(Self.bytes(5_000)).write(to: URL(fileURLWithPath: path))
        let result = FileReading.read(path: path, limit: 4_096)
        #expect(throws: FileReadError.self) { try result.get() }
        if case .failure(let error) = result { #expect(error.message == "file too large (5000 bytes; the limit is 4096)") }
    }

    /// A pipe reports no size: its bytes come in chunks, however many, and the limit holds.
    @Test(arguments: [(200_000, SourceFile.defaultSizeLimit), (200_000, 100_000)])
    func pipesArriveWholeOrAreRefused(_ size: Int, _ limit: Int) throws {
        let path = Self.temporaryPath("fifo-\(size)-\(limit)")
        unlink(path)
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        let content = Self.bytes(size)
        // Refused input leaves the writer writing to a closed pipe: an error for it, not a signal.
        signal(SIGPIPE, SIG_IGN)
        let writer = Thread {
            let descriptor = open(path, O_WRONLY)
            guard descriptor >= 0 else { return }
            content.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
            close(descriptor)
        }
        writer.start()
        let result = FileReading.read(path: path, limit: limit)
        if size <= limit {
            #expect(try result.get() == content)
        } else {
            #expect(throws: FileReadError.self) { try result.get() }
            if case .failure(let error) = result {
                #expect(error.message.hasPrefix("file too large ("))
                #expect(error.message.hasSuffix("bytes; the limit is \(limit))"))
            }
        }
    }
}
