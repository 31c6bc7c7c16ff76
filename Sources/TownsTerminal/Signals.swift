import CNcursesw
import Glibc
import Synchronization

/// The process's signal handling while a `Terminal` is open: every way out restores the
/// terminal (and writes out held-back standard error, see `ErrorOutputCapture`), and
/// Ctrl-Z / `fg` leave and re-enter curses mode.
///
/// - Every signal whose default action ends the process: SIGINT, SIGTERM, SIGHUP, SIGQUIT,
///   SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU (what `ulimit -t` sends), SIGXFSZ
///   and SIGPIPE: restore, then raise the signal again with the default action, so the process
///   ends as it would have (shell status 128+n). (Ignored at start, as `nohup` does for SIGHUP or
///   a parent for SIGPIPE, it stays ignored.)
/// - SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT (Swift runtime traps, crashes): restore,
///   call the previous handler (the crash report: `towns`' own, see its `CrashReports`, or Swift's
///   crash backtracer, when enabled: it prints the report on the restored terminal), then raise
///   the signal again with the default action.
/// - While termination is deferred (`setDeferTermination`: a presenter removes its meeting and
///   tells its followers first), the first SIGTERM, SIGHUP or SIGINT is only kept
///   (`pendingTermination`); the loop ends cleanly and calls `end(by:)`. A second one ends the
///   process at once, but a SIGHUP after a SIGHUP (one hang-up, said by the kernel and by `readKey`).
/// - SIGTSTP (Ctrl-Z): `endwin`, then stop with the default action; re-armed once continued. Where
///   nothing could continue the process (its process group is orphaned: `towns` run as tmux's or
///   `exec`'s command, no job-control shell in its session), the kernel would discard the stop and
///   the key did nothing, without a word (wave 30's fresh user): then the terminal is kept and
///   `Terminal.readKey` returns Ctrl-Z as a key, which the status line answers (`takeSuspendRefused`).
/// - SIGCONT: flags the resume; `Terminal.readKey` re-enters curses and returns `.resize`.
///
/// Installed before `newterm`, so ncurses installs none of its own for these (it keeps
/// SIGWINCH, which becomes KEY_RESIZE). A terminating or stop signal ignored at start (SIGHUP
/// under `nohup`) stays ignored. Handlers call only `endwin`, `sigaction`, `raise`, the
/// previous crash handler, async-signal-safe I/O and atomics.
enum Signals {
    private static let terminating = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
                                      SIGXCPU, SIGXFSZ, SIGPIPE]
    private static let traps = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]
    /// Signals whose handler is in place (touched on the opening thread only).
    nonisolated(unsafe) private static var installed: [Int32] = []
    nonisolated(unsafe) private static var exitHookInstalled = false

    /// Installs the handlers, saving the previous dispositions, and (once per process) an
    /// `atexit` hook that restores the terminal if the program calls `exit` without `close`.
    /// Call before `newterm`.
    static func install() {
        guard installed.isEmpty else { return }
        // Initialise the globals the handlers use before any handler can run.
        _ = cursesActive.load(ordering: .relaxed)
        _ = resumePending.load(ordering: .relaxed)
        if !exitHookInstalled {
            atexit { restoreTerminal() }
            exitHookInstalled = true
        }
        for signal in terminating + [SIGTSTP, SIGCONT] + traps {
            sigaction(signal, nil, previousActions + Int(signal))
            if !traps.contains(signal) && isIgnored(previousActions[Int(signal)]) { continue }
            var action = sigaction()
            sigemptyset(&action.sa_mask)
            // While a handler runs these wait, so two handlers never call `endwin` at once.
            for blocked in terminating + [SIGTSTP] { sigaddset(&action.sa_mask, blocked) }
            switch signal {
            case SIGTSTP:
                action.__sigaction_handler.sa_handler = suspend
                action.sa_flags = SA_RESTART
            case SIGCONT:
                action.__sigaction_handler.sa_handler = resumed
                action.sa_flags = SA_RESTART
            case _ where traps.contains(signal):
                action.__sigaction_handler.sa_sigaction = crashed
                action.sa_flags = SA_SIGINFO | SA_ONSTACK  // the runtime's alternate stack, for stack overflows
            default:
                action.__sigaction_handler.sa_handler = terminated
                action.sa_flags = SA_RESTART
            }
            sigaction(signal, &action, nil)
            installed.append(signal)
        }
    }

    /// Puts back the dispositions `install` replaced.
    static func uninstall() {
        for signal in installed { sigaction(signal, previousActions + Int(signal), nil) }
        installed.removeAll()
    }

    /// Whether a handler should call `endwin`: true from a successful `newterm` until `close`.
    static func setCursesActive(_ active: Bool) {
        cursesActive.store(active, ordering: .sequentiallyConsistent)
    }

    /// True once after a Ctrl-Z that could not stop the process (`suspend`: its process group is
    /// orphaned); clears the flag.
    static func takeSuspendRefused() -> Bool {
        suspendRefused.exchange(false, ordering: .sequentiallyConsistent)
    }

    /// True once after the process was continued (SIGCONT); clears the flag.
    static func takeResume() -> Bool {
        resumePending.exchange(false, ordering: .sequentiallyConsistent)
    }

    /// The bytes that turn bracketed paste off (at most 32), written after `endwin` wherever
    /// the terminal is restored (a signal, Ctrl-Z, `exit`); empty: paste mode was not turned on.
    static func setPasteOff(_ bytes: [UInt8]) {
        let n = min(bytes.count, 32)
        for i in 0..<n { pasteOffBytes[i] = bytes[i] }
        pasteOffCount.store(n, ordering: .sequentiallyConsistent)
    }

    /// Writes the bytes that turn bracketed paste off, if it was turned on.
    static func writePasteOff() { writePasteOffBytes() }

    /// While true, SIGTERM, SIGHUP and SIGINT do not end the process at once: the first is kept
    /// (`pendingTermination`) for the loop to end cleanly; a second ends it at once.
    static func setDeferTermination(_ on: Bool) {
        deferTermination.store(on, ordering: .sequentiallyConsistent)
    }

    /// The terminating signal kept while termination was deferred; 0: none.
    static var pendingTermination: Int32 { pendingSignal.load(ordering: .sequentiallyConsistent) }

    /// Ends the process by `signal`'s default action (status 128+n), as an undeferred one would.
    static func end(by signal: Int32) -> Never {
        raiseWithDefaultAction(signal)
        _exit(128 + signal)
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        action.sa_flags & SA_SIGINFO == 0 && handlerAddress(action) == handlerAddress(ignoring)
    }
}

// State the handlers read, initialised in `Signals.install` before any handler runs.
private let cursesActive = Atomic<Bool>(false)
private let resumePending = Atomic<Bool>(false)
private let suspendRefused = Atomic<Bool>(false)
private let deferTermination = Atomic<Bool>(false)
private let pendingSignal = Atomic<Int32>(0)
private let pasteOffCount = Atomic<Int>(0)
nonisolated(unsafe) private let pasteOffBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 32)

/// Turns bracketed paste off (`Signals.setPasteOff`): one `write`, async-signal-safe.
private func writePasteOffBytes() {
    let n = pasteOffCount.load(ordering: .sequentiallyConsistent)
    if n > 0 { _ = write(STDOUT_FILENO, pasteOffBytes, n) }
}
nonisolated(unsafe) private let previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)  // Linux _NSIG

private let ignoring: sigaction = {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = SIG_IGN
    return action
}()

/// The handler field as a number: 0 for SIG_DFL, 1 for SIG_IGN, else a function's address.
private func handlerAddress(_ action: sigaction) -> Int {
    unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
}

/// Leaves curses mode and gives standard error back, if the terminal is open (else nothing).
private func restoreTerminal() {
    if cursesActive.load(ordering: .sequentiallyConsistent) {
        endwin()
        writePasteOffBytes()
    }
    ErrorOutputCapture.release()
}

/// Sets `signal` to its default action, unblocked, and raises it: for a terminating signal
/// this ends the process here (or, if blocked until now, when the handler returns).
private func raiseWithDefaultAction(_ signal: Int32) {
    var defaultAction = sigaction()  // zeroed: SIG_DFL
    sigaction(signal, &defaultAction, nil)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, signal)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    raise(signal)
}

/// SIGINT, SIGTERM, SIGHUP, SIGQUIT and the other terminating signals (`Signals.terminating`).
private func terminated(_ signal: Int32) {
    // Deferred (a presenter ends its meeting first): the first is kept for the loop.
    if signal == SIGTERM || signal == SIGHUP || signal == SIGINT,
        deferTermination.load(ordering: .sequentiallyConsistent),
        pendingSignal.compareExchange(expected: 0, desired: signal, ordering: .sequentiallyConsistent).exchanged
    {
        return
    }
    // A hang-up is one event however often it is said: the kernel's SIGHUP and the one
    // `Terminal.readKey` raises when reading gives end of file or EIO come both, in either
    // order; the second must not end a presenter before it has ended its meeting.
    if signal == SIGHUP, deferTermination.load(ordering: .sequentiallyConsistent),
       pendingSignal.load(ordering: .sequentiallyConsistent) == SIGHUP {
        return
    }
    restoreTerminal()
    raiseWithDefaultAction(signal)
}

/// SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT. The previous handler gets the original
/// signal information and context, so a backtrace starts where the crash happened. Raising the
/// signal afterwards ends the process even when the signal came from `kill` (the backtracer
/// just returns, which only ends a process whose faulting instruction runs again).
private func crashed(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    restoreTerminal()
    let previous = previousActions[Int(signal)]
    if previous.sa_flags & SA_SIGINFO != 0, let handler = previous.__sigaction_handler.sa_sigaction {
        handler(signal, info, context)
    } else if handlerAddress(previous) > 1, let handler = previous.__sigaction_handler.sa_handler {
        handler(signal)
    }
    raiseWithDefaultAction(signal)
}

/// Ctrl-Z: leaves curses mode, stops the process with the default action, and re-arms itself
/// once continued. Re-entering curses is left to `Terminal.readKey` (see `resumed`).
private func suspend(_ signal: Int32) {
    guard canBeContinued() else {
        suspendRefused.store(true, ordering: .sequentiallyConsistent)
        return
    }
    if cursesActive.load(ordering: .sequentiallyConsistent) {
        endwin()
        writePasteOffBytes()  // the shell gets its paste back; `Terminal.readKey` turns it on again
    }
    var stop = sigaction(), mine = sigaction()  // `stop` zeroed: SIG_DFL
    sigaction(SIGTSTP, &stop, &mine)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGTSTP)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    raise(SIGTSTP)  // stops here until SIGCONT
    pthread_sigmask(SIG_BLOCK, &set, nil)
    sigaction(SIGTSTP, &mine, nil)
}

/// Whether a stop could be undone: false where this process's group is orphaned, the kernel then
/// discarding SIGTSTP's stop (POSIX), with no shell to `fg` it: the group of its session's leader
/// (`exec towns`, tmux's or ssh's command), or a parent in another session. System calls only
/// (async-signal-safe).
private func canBeContinued() -> Bool {
    let group = getpgrp()
    if group == getsid(0) { return false }
    let parent = getppid()
    let parentGroup = getpgid(parent)
    if parentGroup >= 0, parentGroup != group, getsid(parent) != getsid(0) { return false }
    return true
}

/// SIGCONT: asks the next `readKey` to re-enter curses and report `.resize`. Delivered while
/// `readKey` waits in `poll`, it also ends the wait (EINTR).
private func resumed(_ signal: Int32) {
    resumePending.store(true, ordering: .sequentiallyConsistent)
}
