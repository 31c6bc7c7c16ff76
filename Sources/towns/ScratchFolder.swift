import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A folder of one command's own under the temporary directory (`$TMPDIR`, else /tmp, as
/// `NSTemporaryDirectory()` gives it), made with `mkdtemp` (mode 0700, a name nobody else holds:
/// `PREFIX-XXXXXX`) and removed when the command ends: `remove()` in a `defer` on success and on
/// error, and, once `removeOnSignals` is called, when SIGINT, SIGTERM or SIGHUP ends the command.
/// `towns bench` holds its generated data, caches and VisiData's home in one (it left 3.5 MB in
/// /tmp for every bench stopped by Ctrl-C); `towns edit` the copy the editor gets.
///
/// ```swift
/// let work = try ScratchFolder(prefix: "towns-bench")
/// defer { work.remove() }
/// work.removeOnSignals()
/// ```
final class ScratchFolder: @unchecked Sendable {
    /// The folder's path (no trailing slash).
    let path: String
    private let lock = NSLock()
    private var removed = false

    /// Makes the folder.
    /// - Throws: `ValidationFailure` naming the temporary directory and the system's reason
    ///   (`strerror`) when it cannot be made (no such directory, no permission, no space).
    init(prefix: String) throws {
        var base = NSTemporaryDirectory()
        if !base.hasSuffix("/") { base += "/" }
        var template = Array((base + prefix + "-XXXXXX").utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw ValidationFailure("cannot make a folder in \(base): \(String(cString: strerror(errno)))")
        }
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Removes the folder and all it holds (once; later calls do nothing). Tried again (three
    /// times at most) while it is still there: on a signal another thread may be writing in it.
    func remove() {
        lock.withLock {
            guard !removed else { return }
            removed = true
            for _ in 0..<3 {
                try? FileManager.default.removeItem(atPath: path)
                if access(path, F_OK) != 0 { return }
            }
        }
    }

    /// From now on SIGINT, SIGTERM and SIGHUP remove the folder, then end the process as the
    /// signal would (status 128+n), unless `decide` says otherwise. `decide` runs on a thread of
    /// its own (not in the signal handler), with the signal's number; it returns what to do:
    /// `.remove` (the default: the processes this one started are sent SIGTERM and given up to
    /// 3 s to end, then the folder is removed), `.keep` (the folder stays, the process ends: the
    /// command said where it is), or `.ignore` (nothing happens: `towns edit` while the editor,
    /// which got the same Ctrl-C, runs). Call it at most once a process.
    func removeOnSignals(_ decide: @escaping @Sendable (Int32) -> SignalChoice = { _ in .remove }) {
        EndingSignals.watch { signal in
            switch decide(signal) {
            case .ignore: return false
            case .keep: return true
            case .remove:
                // The command's children first (`towns` on a pseudo-terminal, a `towns snapshot`
                // it started): one still running wrote its cache into the folder after it was
                // removed, making it again.
                EndingSignals.endDescendants()
                self.remove()
                return true
            }
        }
    }

    /// What a signal does to the folder (`removeOnSignals`).
    enum SignalChoice: Sendable {
        case remove, keep, ignore
    }
}

/// SIGINT, SIGTERM and SIGHUP caught by a handler that only writes the signal's number to a pipe;
/// a thread reads it and runs `handler` there (where removing files is safe, as it is not in a
/// signal handler), then, when `handler` returns true, ends the process by the signal's default
/// action. A handler (not `SIG_IGN`) is reset to the default by `exec`, so the children the
/// command starts (an editor, `towns` on a pseudo-terminal, VisiData) get the signals as usual.
/// A signal ignored when the process started (`nohup`) stays ignored.
enum EndingSignals {
    static let caught = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handlers and starts the thread (once a process; later calls do nothing).
    static func watch(_ handler: @escaping @Sendable (Int32) -> Bool) {
        guard pipeEnds[1] < 0 else { return }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }  // no child holds them
        pipeEnds[0] = ends[0]
        pipeEnds[1] = ends[1]
        let readEnd = ends[0]
        let thread = Thread {
            var byte: UInt8 = 0
            while true {
                let n = read(readEnd, &byte, 1)
                if n < 0 && errno == EINTR { continue }
                guard n == 1 else { return }
                let signal = Int32(byte)
                // Ending: the main thread, which may see the children end before this thread has
                // removed the folder, waits at exit (below) for the signal to end the process.
                pipeEnds[2] = 1
                guard handler(signal) else {
                    pipeEnds[2] = 0
                    continue
                }
                var defaultAction = sigaction()  // zeroed: SIG_DFL
                sigaction(signal, &defaultAction, nil)
                kill(getpid(), signal)
                return
            }
        }
        thread.name = "towns.signals"
        thread.start()
        atexit {
            while pipeEnds[2] != 0 { usleep(10_000) }
        }
        for signal in caught {
            var previous = sigaction()
            sigaction(signal, nil, &previous)
            if unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) == 1 { continue }  // SIG_IGN
            var action = sigaction()
            sigemptyset(&action.sa_mask)
            action.__sigaction_handler.sa_handler = forwardSignal
            action.sa_flags = SA_RESTART
            sigaction(signal, &action, nil)
        }
    }
}

extension EndingSignals {
    /// Sends SIGTERM to every process descended from this one (read from /proc: children, their
    /// children, ...), then waits up to `patience` seconds for them to end (a zombie counts as
    /// ended).
    static func endDescendants(patience: TimeInterval = 3) {
        let family = descendants()
        guard !family.isEmpty else { return }
        for pid in family { kill(pid, SIGTERM) }
        let deadline = Date().addingTimeInterval(patience)
        while Date() < deadline, family.contains(where: isRunning) { usleep(20_000) }
    }

    /// The processes below this one, from each process's parent in /proc/PID/stat.
    static func descendants() -> [pid_t] {
        var parents: [pid_t: pid_t] = [:]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(entry), let fields = statFields(pid), fields.count > 1,
                  let parent = pid_t(fields[1]) else { continue }
            parents[pid] = parent
        }
        var found: [pid_t] = []
        var level: Set<pid_t> = [getpid()]
        while !level.isEmpty {
            let next = parents.filter { level.contains($0.value) }.map(\.key)
            found += next
            level = Set(next)
        }
        return found
    }

    /// Whether `pid` is there and not a zombie.
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let state = statFields(pid)?.first else { return false }
        return state != "Z" && state != "X"
    }

    /// The fields of /proc/PID/stat after the command's name: state, parent, ...
    private static func statFields(_ pid: pid_t) -> [Substring]? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = text.lastIndex(of: ")") else { return nil }
        return text[text.index(after: end)...].split(separator: " ")
    }
}

/// The pipe's read and write ends (-1: not made yet), and 1 while a signal is ending the process.
nonisolated(unsafe) private let pipeEnds: UnsafeMutablePointer<Int32> = {
    let ends = UnsafeMutablePointer<Int32>.allocate(capacity: 3)
    ends.initialize(repeating: -1, count: 2)
    (ends + 2).initialize(to: 0)
    return ends
}()

/// The handler: one byte to the pipe (`write` is async-signal-safe); errno kept.
private func forwardSignal(_ signal: Int32) {
    let saved = errno
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(pipeEnds[1], &byte, 1)
    errno = saved
}
