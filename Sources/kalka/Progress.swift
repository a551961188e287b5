import Foundation
import KalkaCore
import Synchronization

/// The progress line on stderr: drawn from the workers as files finish, throttled by
/// `ProgressMeter`, and erased before anything else is written so it never mixes with output.
final class ProgressDisplay: Sendable {
    private struct State {
        var meter: ProgressMeter
        var visible = false
    }

    private let state: Mutex<State>
    private let width: Int

    init(total: Int, width: Int) {
        state = Mutex(State(meter: ProgressMeter(total: total)))
        self.width = width
    }

    /// A display when stderr is a terminal and the run is long enough to want one.
    static func forRun(files: Int, disabled: Bool) -> ProgressDisplay? {
        guard !disabled, ProgressMeter.isWorthShowing(forFiles: files), isatty(STDERR_FILENO) == 1 else { return nil }
        return ProgressDisplay(total: files, width: terminalWidth())
    }

    func update(completed: Int) {
        state.withLock { state in
            guard state.meter.shouldDraw(completed: completed, at: .now) else { return }
            StandardStreams.writeError(ProgressMeter.eraseLine + state.meter.line(completed: completed, width: width))
            state.visible = true
        }
    }

    /// Erases the line (before other output, and at the end).
    func clear() {
        state.withLock { state in
            guard state.visible else { return }
            StandardStreams.writeError(ProgressMeter.eraseLine)
            state.visible = false
        }
    }

    private static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 80
    }
}
