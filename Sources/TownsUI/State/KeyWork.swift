import Dispatch

/// A key's work at national scale, done where the screen can say it is busy meanwhile.
///
/// At 10,000 towns read from the text (a first start, while the snapshot is being written, or a
/// cache that cannot be written), a key's first frame can take seconds: wave 41's fresh user
/// waited 6.5 s for the first Enter on the overview and 2.3 s for the first search letter with
/// nothing on the screen moving, which cannot be told from a hang. The dashboard therefore works
/// out a key's next state and frame on another thread (`run`) and, when that has not finished
/// within `busyAfter`, draws the screen as it is with a busy line (`Renderer.keyWorkingFrame`),
/// as an export at this scale already did (`Renderer.exportingFrame`).
public enum KeyWork {
    /// How long a key's work may take before the busy line is drawn (200 ms): a key from a
    /// snapshot at 10,000 x 60 takes ~5 ms (README, Performance), so only the slow ones show it,
    /// and it never flickers over a key that answers at once.
    public static let busyAfter: DispatchTimeInterval = .milliseconds(200)

    /// Runs `work` on another thread and returns its result. When it has not finished within
    /// `after`, calls `busy` once on this thread (the caller's: the only one that draws), then
    /// waits for it. `work` must not touch the terminal.
    public static func run<T: Sendable>(after: DispatchTimeInterval = busyAfter,
                                        _ work: @escaping @Sendable () -> T, busy: () -> Void) -> T {
        let result = Result<T>(), done = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .userInteractive).async {
            result.value = work()
            done.signal()
        }
        if done.wait(timeout: .now() + after) == .timedOut {
            busy()
            done.wait()
        }
        return result.value!
    }

    /// `run`'s result. `@unchecked Sendable`: written by the work's thread before it signals,
    /// read after the wait.
    private final class Result<T>: @unchecked Sendable {
        var value: T?
    }
}
