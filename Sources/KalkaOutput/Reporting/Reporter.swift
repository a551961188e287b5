import KalkaEngine
import KalkaModel

/// A reporter writes a run's output as reports arrive (in input order), then its closing part,
/// in pieces of at most about `Reporting.pieceSize` bytes beyond one finding, so output never
/// holds a large file's findings as one string.
public protocol Reporter {
    mutating func begin(write: (String) -> Void)
    mutating func report(_ file: FileReport, write: (String) -> Void)
    mutating func finish(_ summary: RunSummary, write: (String) -> Void)
}

public enum Reporting {
    /// How much output a reporter gathers before it writes.
    public static let pieceSize = 1 << 16
}
