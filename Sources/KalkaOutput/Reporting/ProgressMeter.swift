/// The progress line of a long run: what to draw for a count, and when to draw it again.
///
/// It only renders; the CLI decides whether a terminal is there and writes the line to stderr,
/// so machine-readable output on stdout never holds any of it.
public struct ProgressMeter: Sendable {
    /// Runs over fewer files than this finish before a bar would help.
    public static let minimumFiles = 21
    /// At most ten redraws a second.
    public static let redrawInterval = Duration.milliseconds(100)

    public let total: Int
    private var lastDrawn: ContinuousClock.Instant?
    private var lastCompleted = -1

    public init(total: Int) { self.total = total }

    public static func isWorthShowing(forFiles count: Int) -> Bool { count >= minimumFiles }

    /// Whether to redraw for `completed` at `now`: the first count, the last one, and otherwise
    /// a new count at most once per `redrawInterval`. Records the draw when it says yes.
    public mutating func shouldDraw(completed: Int, at now: ContinuousClock.Instant) -> Bool {
        guard completed != lastCompleted else { return false }
        if completed < total, let lastDrawn, now - lastDrawn < Self.redrawInterval { return false }
        lastDrawn = now
        lastCompleted = completed
        return true
    }

    /// One line that fits `width` columns: `Checking [#####.....]  12/40 files`; the bar takes
    /// what the words leave, and narrow terminals get the words alone.
    public func line(completed: Int, width: Int) -> String {
        let done = min(max(completed, 0), total)
        let count = "\(String(repeating: " ", count: String(total).count - String(done).count))\(done)/\(total) files"
        let words = "Checking " + count
        let barWidth = width - 1 - words.count - 3
        guard barWidth >= 10 else { return String(words.prefix(max(width - 1, 0))) }
        let filled = total == 0 ? barWidth : barWidth * done / total
        return "Checking [" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled) + "] " + count
    }

    /// Carriage return, then erase the line: put before each drawn line, and alone to clear it.
    public static let eraseLine = "\r\u{1B}[2K"
}
