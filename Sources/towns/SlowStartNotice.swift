import Dispatch
import Foundation
import TownsTerminal
import TownsUI

/// A line on standard error when reading the data before the first screen takes longer than
/// `delay` seconds (a large dataset's first start, before its snapshot exists): without it a
/// user at 2,000 towns saw an empty terminal for seconds and could not tell a hang from work.
/// Written only when standard error is a terminal (never into a log or a pipe), once, in the
/// reader's language where the locale can show it (English under a non-UTF-8 locale such as
/// `LANG=C`, as the dashboard does); cancelled when the data has been read.
final class SlowStartNotice: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false

    /// Schedules the line for `directory`'s data (shown as given) after `delay` seconds
    /// (`TOWNS_SLOW_START_SECONDS` when set to a number from 0 to 60, else 0.5).
    init(directory: String, delay: Double = SlowStartNotice.delay()) {
        guard isatty(STDERR_FILENO) == 1 else { done = true; return }
        let line = Self.line(directory: directory, utf8: Terminal.environmentIsUTF8,
                             width: Terminal.columns(of: STDERR_FILENO))
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + delay) { [self] in
            lock.lock()
            defer { lock.unlock() }
            guard !done else { return }
            done = true
            printError(line)
        }
    }

    /// The delay before the line: `TOWNS_SLOW_START_SECONDS` (0-60 s), else 0.5 s.
    static func delay(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Double {
        guard let text = environment["TOWNS_SLOW_START_SECONDS"], let value = Double(text),
              value >= 0, value <= 60 else { return 0.5 }
        return value
    }

    /// The line itself: Chinese and English where the locale is UTF-8, English alone otherwise;
    /// each broken at words into lines of at most `width` cells (the terminal's columns), so the
    /// terminal never wraps it mid-word (wave 30's fresh user: `builds a s|napshot`); nil: as is.
    static func line(directory: String, utf8: Bool, width: Int? = nil) -> String {
        // Not "a first start": a start during another's rebuild, or after an edit, reads the text
        // too, and its background rebuild then leaves the snapshot to the one running (wave 35).
        let english = "towns: reading the data in \(directory) (no snapshot of this data yet: the text is read "
            + "and checked while a snapshot is built in the background; later starts read the snapshot)…"
        let lines = utf8
            ? ["towns: 正在读取 \(directory) 的数据（尚无这份数据的快照：读取并核对文本，快照在后台生成；以后启动读取快照）…", english]
            : [english.replacingOccurrences(of: "…", with: "...")]
        guard let width, width > 0 else { return lines.joined(separator: "\n") }
        return lines.flatMap { TextWrap.wrapAtWords($0, width: width) }.joined(separator: "\n")
    }

    /// The data has been read: the line is not written if it has not been yet.
    func cancel() {
        lock.lock()
        done = true
        lock.unlock()
    }
}
