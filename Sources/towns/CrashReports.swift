import Foundation

/// The crash report of a program people run in a terminal: after a crash (SIGILL, SIGTRAP,
/// SIGSEGV, SIGBUS, SIGFPE, SIGABRT) a report goes to standard error and the process ends at
/// once (status 128+n), never waiting at the Swift runtime's interactive prompt ("Press space to
/// interact...", 30 s), however `towns` is started, and without starting the program twice.
///
/// The Swift runtime reads `SWIFT_BACKTRACE` once, from the initial environment, before `main`,
/// and on a terminal its reporter asks at the prompt. So `main` calls `install` first:
/// - when the variable already says `interactive=no` and `output-to=stderr` (`settings(adjusting:)`
///   is nil), the runtime's own report (demangled, symbolicated, with source lines) is left in
///   place: it never waits;
/// - when it says `enable=no` (or off, false), there is no report, as asked;
/// - otherwise `towns`' own handler replaces the runtime's for those signals: it writes the
///   signal, where it came from (the faulting address, or `sent by process N`), `Thread 0
///   crashed:` (0: the main thread, as in the runtime's report; another thread is not numbered) and the return
///   addresses of the crashing thread as glibc's `backtrace_symbols_fd` gives them (the file and
///   offset in it, for `addr2line`), then ends the process by the signal's default action. A
///   runtime error's message ("Fatal error: ...") is written by the runtime before it traps.
/// The dashboard's own handler (`Signals`, in TownsTerminal) restores the terminal first and
/// then calls this one. The handler calls only `write`, `backtrace`, `backtrace_symbols_fd`
/// (both warmed at install, so they load nothing while crashing), `sigaction` and `raise`.
enum CrashReports {
    /// The settings with which the runtime's own reporter never waits.
    static let required = ["interactive": "no", "output-to": "stderr"]

    /// `value` (the variable's current value, nil when unset) with `required` in place of any
    /// setting of the same keys; nil when it already holds them.
    static func settings(adjusting value: String?) -> String? {
        var parts = (value ?? "").split(separator: ",").map { String($0) }.filter { !$0.isEmpty }
        let present = parse(value)
        if required.allSatisfy({ present[$0.key] == $0.value }) { return nil }
        parts.removeAll { part in
            required.keys.contains { part.trimmingCharacters(in: .whitespaces).hasPrefix($0 + "=") }
        }
        parts += required.keys.sorted().map { "\($0)=\(required[$0]!)" }
        return parts.joined(separator: ",")
    }

    /// Whether `value` turns the runtime's reporter off (`enable=no`, `off`, `false`, `n`, `f`, `0`).
    static func disabled(_ value: String?) -> Bool {
        guard let enable = parse(value)["enable"]?.lowercased() else { return false }
        return ["no", "n", "off", "false", "f", "0"].contains(enable)
    }

    /// Which report a crash gets under `SWIFT_BACKTRACE=value`.
    enum Choice: Equatable {
        /// The Swift runtime's reporter, already non-interactive and on standard error.
        case runtime
        /// None: the user turned reports off.
        case none
        /// `towns`' own handler (`install`).
        case own
    }

    /// The report a crash gets when the variable holds `value` (nil: unset).
    static func choice(for value: String?) -> Choice {
        if disabled(value) { return .none }
        return settings(adjusting: value) == nil ? .runtime : .own
    }

    private static func parse(_ value: String?) -> [String: String] {
        let parts = (value ?? "").split(separator: ",")
        return Dictionary(parts.compactMap { part -> (String, String)? in
            let kv = part.split(separator: "=", maxSplits: 1).map(String.init)
            let trimmed = kv.map { $0.trimmingCharacters(in: .whitespaces) }
            return trimmed.count == 2 ? (trimmed[0], trimmed[1]) : nil
        }, uniquingKeysWith: { _, b in b })
    }

    /// Puts `towns`' own crash handler in place when `choice` says so (see the type's comment).
    /// Call first in `main`, before any thread starts.
    static func install() {
        let value = getenv("SWIFT_BACKTRACE").map { String(cString: $0) }
        guard choice(for: value) == .own else { return }
        guard let handle = dlopen(nil, RTLD_NOW),
              let capture = dlsym(handle, "backtrace"),
              let symbolise = dlsym(handle, "backtrace_symbols_fd")
        else { return }  // no glibc backtrace: the runtime's reporter stays
        mainThread = pthread_self()
        captureFrames = unsafeBitCast(capture, to: CaptureFrames.self)
        writeFrames = unsafeBitCast(symbolise, to: WriteFrames.self)
        // Warm both (the first `backtrace` loads libgcc_s): nothing is loaded while crashing.
        _ = captureFrames!(frames, 1)
        for signal in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT] {
            var action = sigaction()
            sigemptyset(&action.sa_mask)
            action.__sigaction_handler.sa_sigaction = reportCrash
            action.sa_flags = SA_SIGINFO | SA_ONSTACK  // the runtime's alternate stack, for stack overflows
            sigaction(signal, &action, nil)
        }
    }
}

private typealias CaptureFrames = @convention(c) (UnsafeMutablePointer<UnsafeMutableRawPointer?>, Int32) -> Int32
private typealias WriteFrames = @convention(c) (UnsafePointer<UnsafeMutableRawPointer?>, Int32, Int32) -> Void
nonisolated(unsafe) private var captureFrames: CaptureFrames?
/// The thread `install` ran on: the main thread, the runtime's report's thread 0.
nonisolated(unsafe) private var mainThread: pthread_t?
nonisolated(unsafe) private var writeFrames: WriteFrames?
private let frameLimit: Int32 = 64
nonisolated(unsafe) private let frames = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: 64)
/// Digits of one number being written (a 64-bit value takes at most 20).
nonisolated(unsafe) private let digits = UnsafeMutablePointer<UInt8>.allocate(capacity: 32)

private func put(_ text: StaticString) {
    _ = write(STDERR_FILENO, text.utf8Start, text.utf8CodeUnitCount)
}

/// Writes `value` in base 10 or 16 (with 0x), without allocating.
private func put(_ value: UInt64, hex: Bool = false) {
    let base: UInt64 = hex ? 16 : 10
    var v = value, i = 32
    repeat {
        i -= 1
        let d = UInt8(v % base)
        digits[i] = d < 10 ? 48 + d : 87 + d
        v /= base
    } while v > 0 && i > 0
    if hex { put("0x") }
    _ = write(STDERR_FILENO, digits + i, 32 - i)
}

private func putName(_ signal: Int32) {
    switch signal {
    case SIGILL: put("SIGILL (illegal instruction: a Swift runtime trap)")
    case SIGTRAP: put("SIGTRAP (trace trap: a Swift runtime trap)")
    case SIGSEGV: put("SIGSEGV (segmentation fault)")
    case SIGBUS: put("SIGBUS (bus error)")
    case SIGFPE: put("SIGFPE (arithmetic error)")
    case SIGABRT: put("SIGABRT (abort)")
    default: put("signal "); put(UInt64(signal))
    }
}

/// The crash handler `CrashReports.install` puts in place: the report, then the default action.
private func reportCrash(
    _ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?
) {
    put("\n💣 Program crashed: ")
    putName(signal)
    if let info {
        if info.pointee.si_code > 0 {  // from the kernel: the faulting address
            put(" at ")
            put(UInt64(UInt(bitPattern: info.pointee._sifields._sigfault.si_addr)), hex: true)
        } else {
            put(", sent by process ")
            put(UInt64(UInt32(bitPattern: info.pointee._sifields._kill.si_pid)))
        }
    }
    if let mainThread, pthread_equal(pthread_self(), mainThread) != 0 {
        put("\n\nThread 0 crashed:\n\n")
    } else {
        put("\n\nThread (another than the main thread, 0) crashed:\n\n")
    }
    if let captureFrames, let writeFrames {
        let n = captureFrames(frames, frameLimit)
        writeFrames(frames, n, STDERR_FILENO)
    }
    put("\nAddresses: addr2line -f -C -e FILE OFFSET (the +0x... above). ")
    put("A symbolicated report: SWIFT_BACKTRACE=interactive=no,output-to=stderr towns ...\n")
    var defaultAction = sigaction()  // zeroed: SIG_DFL
    sigaction(signal, &defaultAction, nil)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, signal)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    raise(signal)
}
