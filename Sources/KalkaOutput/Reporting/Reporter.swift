import KalkaEngine
import KalkaModel

/// A reporter writes a run's output as reports arrive (in input order), then its closing part,
/// in pieces of at most about `Reporting.pieceSize` bytes beyond one finding, so output never
/// holds a large file's findings as one string.
public protocol Reporter {
    mutating func begin(write: (String) -> Void)
    mutating func report(_ file: FileReport, write: (String) -> Void)
    /// `report(_:write:)` in UTF-8 bytes, valid for the call only: a reporter that builds its
    /// output as bytes (JSON, JSON Lines) hands them over as they are, with no `String` made of
    /// them (which would check every byte again).
    mutating func report(_ file: FileReport, writeUTF8: (UnsafeRawBufferPointer) -> Void)
    mutating func finish(_ summary: RunSummary, write: (String) -> Void)
}

extension Reporter {
    public mutating func report(_ file: FileReport, writeUTF8: (UnsafeRawBufferPointer) -> Void) {
        report(file) { text in
            var text = text
            text.withUTF8 { writeUTF8(UnsafeRawBufferPointer($0)) }
        }
    }
}

extension JSONBytes {
    /// Hands the bytes so far to `write` and starts again, keeping the storage.
    mutating func flush(to write: (UnsafeRawBufferPointer) -> Void) {
        bytes.withUnsafeBytes(write)
        bytes.removeAll(keepingCapacity: true)
    }
}

extension String {
    /// Decodes bytes that are UTF-8 by construction (a reporter's own output).
    init(reporterOutput bytes: UnsafeRawBufferPointer) {
        self.init(decoding: bytes, as: UTF8.self)
    }
}

public enum Reporting {
    /// How much output a reporter gathers before it writes.
    public static let pieceSize = 1 << 16
}
