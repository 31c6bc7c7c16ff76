import Foundation
import TownsTestSupport
import XCTest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Helpers for the end-to-end tests: where the built `towns` and the repository are, running a
// program to completion, a real terminal in tmux, and display widths as a terminal counts them.

/// A failure with a message meant for the person reading the test log.
struct E2EError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

// MARK: - Locations

enum Paths {
    /// The repository root: this file is `<root>/Tests/EndToEndTests/Support.swift`.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var data: String { repositoryRoot.appendingPathComponent("Data").path }
    static var themes: String { repositoryRoot.appendingPathComponent("Themes").path }

    /// The `towns` executable that `swift test` built before this test bundle: a sibling of the
    /// bundle in `.build/<triple>/<config>/` (Linux: the bundle is the `…PackageTests.xctest`
    /// executable; macOS: `…PackageTests.xctest/Contents/MacOS/…`). `TOWNS_E2E_BINARY` overrides.
    static func townsBinary() throws -> String {
        if let explicit = ProcessInfo.processInfo.environment["TOWNS_E2E_BINARY"], !explicit.isEmpty {
            guard isExecutableFile(explicit) else { throw E2EError("TOWNS_E2E_BINARY=\(explicit) is not an executable file") }
            return explicit
        }
        var starts: [URL] = []
        if let url = Bundle.main.executableURL { starts.append(url) }
        starts.append(Bundle(for: BundleMarker.self).bundleURL)
        starts.append(Bundle.main.bundleURL)
        if let arg0 = CommandLine.arguments.first { starts.append(URL(fileURLWithPath: arg0)) }
        var tried: [String] = []
        for start in starts {
            var dir = start.resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<5 {
                let candidate = dir.appendingPathComponent("towns").path
                tried.append(candidate)
                if isExecutableFile(candidate) { return candidate }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        throw E2EError("cannot find the built `towns` executable next to the test bundle; looked at: "
                       + Set(tried).sorted().joined(separator: ", ")
                       + ". Run the tests with `swift test` (it builds `towns` first) or set TOWNS_E2E_BINARY.")
    }

    static func isExecutableFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            && !isDirectory.boolValue && FileManager.default.isExecutableFile(atPath: path)
    }

    /// `tmux` from PATH (or the usual places). Missing tmux is a failure, not a skip: CI
    /// installs it (see .ci/run), so a missing one means the machine is not set up.
    static func tmux() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let dirs = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/bin", "/opt/homebrew/bin"]
        for dir in dirs where !dir.isEmpty {
            let candidate = (dir as NSString).appendingPathComponent("tmux")
            if isExecutableFile(candidate) { return candidate }
        }
        throw E2EError("tmux is not installed (not found in PATH=\(path)). The end-to-end tests drive the "
                       + "dashboard in a real terminal through tmux: install it (`apt-get install -y tmux`, "
                       + "as .ci/run does) and run the tests again.")
    }

    /// Quotes `s` for a POSIX shell command line.
    static func shellQuote(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

private final class BundleMarker {}

// MARK: - Running a program

struct ProcessResult {
    /// The exit status, or 128 + the signal that ended the process.
    var status: Int32
    /// The signal that ended the process, if one did.
    var signal: Int32?
    var stdout: String
    var stderr: String
    var timedOut: Bool
    /// Standard output and error as written, byte for byte (`stdout`/`stderr` are decoded).
    var stdoutBytes = Data()
    var stderrBytes = Data()

    /// For failure messages.
    var summary: String {
        "exit \(status)\(signal.map { " (signal \($0))" } ?? "")\(timedOut ? " (timed out, killed)" : "")\n"
            + "--- stdout ---\n\(stdout)\n--- stderr ---\n\(stderr)"
    }
}

/// `binary` run with `arguments` under `locale` (`LANG` and `LC_ALL`) with no configuration
/// (`XDG_CONFIG_HOME` the folder `towns-NAME-noconfig`, never made), and `more` set in its
/// environment beside: the words a fresh user's command line gets in that locale.
func runUnconfigured(_ binary: String, _ arguments: [String], locale: String, name: String,
                     more: [String: String] = [:]) throws -> ProcessResult {
    var env = ProcessInfo.processInfo.environment
    env["LANG"] = locale
    env["LC_ALL"] = locale
    env["XDG_CONFIG_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("towns-\(name)-noconfig").path
    env.merge(more) { $1 }
    return try runProcess(binary, arguments, environment: env)
}

/// `runUnconfigured` with a snapshot cache of its own (`TOWNS_CACHE` a new folder
/// `towns-NAME-cache-UUID`, removed when the test ends): a fresh user's first run.
func runFresh(_ binary: String, _ arguments: [String], locale: String, name: String) throws -> ProcessResult {
    try runUnconfigured(binary, arguments, locale: locale, name: name,
                        more: ["TOWNS_CACHE": try TemporaryFiles.folder(name + "-cache")])
}

/// A copy of Data/ in a fresh temporary folder `towns-e2e-data-UUID` (removed when the test
/// ends); returns the copy's Data folder.
/// - Throws: what `FileManager` throws making the folder or copying.
func copyOfData() throws -> URL {
    let folder = try TemporaryFiles.folder("e2e-data")
    let copy = URL(fileURLWithPath: folder).appendingPathComponent("Data")
    try FileManager.default.copyItem(atPath: Paths.data, toPath: copy.path)
    return copy
}

/// Where a started child's standard output goes: the write end of a pipe, or a file made anew.
enum ChildOutput {
    case pipe(Int32)
    case file(String)
}

/// Starts `executable` with `arguments` and `environment` (posix_spawn), not waiting for it:
/// stdin from /dev/null, stdout to `stdout`, stderr into the file `stderrPath` (made anew), every
/// other descriptor of this process closed in the child. With `defaultSignals`, every signal is
/// at its default and none is blocked in the child, so a signal sent to it acts as from a shell.
/// Returns its pid.
/// - Throws: `E2EError` when it cannot be started (posix_spawn's error said).
func startProcess(_ executable: String, _ arguments: [String], environment: [String: String],
                  stdout: ChildOutput, stderrPath: String, defaultSignals: Bool = false) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    switch stdout {
    case let .file(path): posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    case let .pipe(fd): posix_spawn_file_actions_adddup2(&actions, fd, 1)
    }
    posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    // closefrom(3): every other descriptor this process has open (glibc ignores a close of
    // one that is already closed by then).
    let open = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
    for fd in open where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    if defaultSignals {
        var every = sigset_t()
        sigfillset(&every)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &every)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    }

    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard spawned == 0 else { throw E2EError("cannot run \(executable): \(String(cString: strerror(spawned)))") }
    return pid
}

/// Waits for the child `pid` to end, looking every `poll` microseconds; after `timeout` seconds
/// it is killed (SIGKILL) and reaped. Its status as `waitpid` gives it, and whether it was killed.
/// - Throws: `E2EError` when `waitpid` fails (other than interrupted).
func waitForExit(_ pid: pid_t, timeout: TimeInterval, poll: UInt32 = 2_000) throws -> (status: Int32, timedOut: Bool) {
    var status: Int32 = 0
    let deadline = Date().addingTimeInterval(timeout)
    while true {
        let r = waitpid(pid, &status, WNOHANG)
        if r == pid { return (status, false) }
        if r == -1 && errno != EINTR { throw E2EError("waitpid(\(pid)): errno \(errno)") }
        if Date() > deadline {
            kill(pid, SIGKILL)
            _ = waitpid(pid, &status, 0)
            return (status, true)
        }
        usleep(poll)
    }
}

/// A `waitpid` status as a shell gives it: the exit status, or 128 + the signal that ended it.
func exitCode(_ status: Int32) -> Int32 {
    let signal = status & 0x7f
    return signal == 0 ? (status >> 8) & 0xff : 128 + signal
}

/// Runs `executable` with `arguments` to completion: stdin from /dev/null, stdout through a
/// pipe (so it is not a terminal), or into a temporary file with `outputToFile`; stderr into a
/// temporary file. Killed after `timeout` seconds.
///
/// This is posix_spawn and waitpid rather than Foundation's `Process`: `Process` learns that
/// its child ended through a descriptor the child inherits, and a child that forks a daemon
/// (tmux's client starting its server) hands that descriptor on, so `waitUntilExit` never
/// returns. Here the child gets only 0, 1 and 2.
func runProcess(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                timeout: TimeInterval = 20, outputToFile: Bool = false) throws -> ProcessResult {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("towns-e2e-out-\(UUID().uuidString)")
    let outPath = base.path + ".stdout", errPath = base.path + ".stderr"
    defer {
        unlink(outPath)
        unlink(errPath)
    }
    var pipeFDs: [Int32] = [-1, -1]
    if !outputToFile {
        guard pipe(&pipeFDs) == 0 else { throw E2EError("pipe: errno \(errno)") }
    }

    let pid: pid_t
    do {
        pid = try startProcess(executable, arguments, environment: environment ?? ProcessInfo.processInfo.environment,
                               stdout: outputToFile ? .file(outPath) : .pipe(pipeFDs[1]), stderrPath: errPath)
    } catch {
        if !outputToFile { close(pipeFDs[1]); close(pipeFDs[0]) }
        throw error
    }
    if !outputToFile { close(pipeFDs[1]) }

    // Read the pipe on another thread while this one waits, so a full pipe cannot block the child.
    final class Box: @unchecked Sendable { var data = Data() }
    let box = Box()
    let reader = DispatchGroup()
    if !outputToFile {
        let fd = pipeFDs[0]
        reader.enter()
        DispatchQueue.global().async {
            let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            box.data = handle.readDataToEndOfFile()
            reader.leave()
        }
    }

    let (status, timedOut) = try waitForExit(pid, timeout: timeout)
    reader.wait()
    let signal = status & 0x7f
    let outData = outputToFile ? ((try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data()) : box.data
    let errData = (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data()
    return ProcessResult(status: exitCode(status),
                         signal: signal == 0 ? nil : signal,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self), timedOut: timedOut,
                         stdoutBytes: outData, stderrBytes: errData)
}

/// A command prefix that runs a program as the unprivileged user `nobody` (when this process
/// is root), or nil with the reason when that is impossible here. As root, file modes do not
/// stop reads, so permission tests need another user.
func asNobody() -> (prefix: [String], reason: String?) {
    guard geteuid() == 0 else { return ([], nil) }  // already unprivileged: file modes apply
    for setpriv in ["/usr/bin/setpriv", "/bin/setpriv"] where FileManager.default.isExecutableFile(atPath: setpriv) {
        let prefix = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
        if let r = try? runProcess(prefix[0], Array(prefix.dropFirst()) + ["/usr/bin/id", "-u"], timeout: 10),
           r.status == 0, r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "65534" {
            return (prefix, nil)
        }
    }
    for runuser in ["/usr/sbin/runuser", "/sbin/runuser"] where FileManager.default.isExecutableFile(atPath: runuser) {
        let prefix = [runuser, "-u", "nobody", "--"]
        if let r = try? runProcess(prefix[0], Array(prefix.dropFirst()) + ["/usr/bin/id", "-u"], timeout: 10),
           r.status == 0, r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "65534" {
            return (prefix, nil)
        }
    }
    return ([], "running as root, and neither setpriv nor runuser can switch to the user nobody here")
}

// MARK: - Display width

/// Display width as a terminal (tmux, ncurses, wcwidth) counts it: East Asian Wide and
/// Fullwidth characters take 2 cells, combining marks and zero-width characters 0, everything
/// else (including East Asian Ambiguous such as —, ≈, ›, █, ·) 1.
enum DisplayColumns {
    static func width(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if scalar.properties.generalCategory == .nonspacingMark
            || scalar.properties.generalCategory == .enclosingMark
            || scalar.properties.generalCategory == .format
            || (0x1160...0x11FF).contains(v) || v == 0x200B {
            return 0
        }
        return isWide(v) ? 2 : 1
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
             0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
             0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
             0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C,
             0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x18CFF, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F2FF, 0x1F300...0x1F64F,
             0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    static func width(_ s: Substring) -> Int { s.unicodeScalars.reduce(0) { $0 + width($1) } }
    static func width(_ s: String) -> Int { width(s[...]) }

    /// The whitespace-separated words of a screen line, each with the display columns it
    /// occupies: `start` is the column of its first cell, `end` one past its last.
    static func words(_ line: String) -> [(text: String, start: Int, end: Int)] {
        var result: [(String, Int, Int)] = []
        var column = 0
        var current = ""
        var start = 0
        for ch in line {
            let w = width(String(ch))
            if ch == " " {
                if !current.isEmpty { result.append((current, start, column)); current = "" }
            } else {
                if current.isEmpty { start = column }
                current.append(ch)
            }
            column += w
        }
        if !current.isEmpty { result.append((current, start, column)) }
        return result
    }

    /// The word of `line` that overlaps the columns `start..<end` the most (a value under a
    /// column header), or nil.
    static func word(in line: String, under span: (start: Int, end: Int)) -> (text: String, start: Int, end: Int)? {
        words(line)
            .map { w in (w, min(w.end, span.end) - max(w.start, span.start)) }
            .filter { $0.1 > 0 }
            .max { $0.1 < $1.1 }?.0
    }

    /// The display column at which `needle` starts in `line`, or nil.
    static func column(of needle: String, in line: String) -> Int? {
        guard let range = line.range(of: needle) else { return nil }
        return width(line[line.startIndex..<range.lowerBound])
    }
}

// MARK: - A real terminal: tmux

/// A tmux server of its own (private socket, no config file) with one 100x30 window running a
/// plain `sh` with a known prompt, under LANG=C.UTF-8 and TERM=xterm-256color. Tests type
/// commands into it, send keys, and read the screen as a person sees it (`capture-pane -p`).
final class TmuxSession {
    static let prompt = "PROMPT$"
    let tmuxPath: String
    let socket: String
    let target = "e2e"
    /// The socket file, removed with the server (tmux leaves it behind after kill-server).
    private var socketPath = ""
    /// The shell's `XDG_STATE_HOME`, removed with the server.
    let stateHome: String
    private var killed = false

    init(label: String, width: Int = 100, height: Int = 30) throws {
        tmuxPath = try Paths.tmux()
        let unique = UUID().uuidString.prefix(8).lowercased()
        socket = "towns-e2e-\(label)-\(getpid())-\(unique)"
        // The shell gets a fixed environment: UTF-8 locale, xterm-256color, a known prompt, no
        // rc files (dash reads $ENV when interactive), and none of the variables that would
        // change what the dashboard shows.
        // The dashboard's saved session and copied table go to a folder of this server's own
        // (`XDG_STATE_HOME`), never the user's (`towns --resume` on a shared server would find
        // a test's session; a test that needs its own names it on the command line).
        stateHome = FileManager.default.temporaryDirectory.appendingPathComponent(
            "towns-e2e-state-\(label)-\(getpid())-\(unique)").path
        try FileManager.default.createDirectory(atPath: stateHome, withIntermediateDirectories: true)
        let shell = "exec env -u LC_ALL -u LC_CTYPE -u LC_MESSAGES -u LANGUAGE -u ENV -u NO_COLOR "
            + "-u TOWNS_DATA -u TOWNS_THEMES -u TMUX -u TMUX_PANE "
            + "XDG_STATE_HOME='\(stateHome)' "
            + "LANG=C.UTF-8 TERM=xterm-256color PS1='\(TmuxSession.prompt) ' PS2='> ' /bin/sh"
        let result = try tmux(["-f", "/dev/null", "new-session", "-d", "-s", target,
                               "-x", "\(width)", "-y", "\(height)",
                               "-e", "LANG=C.UTF-8", "-e", "TERM=xterm-256color", shell])
        guard result.status == 0 else {
            throw E2EError("tmux new-session failed on socket \(socket): \(result.summary)")
        }
        socketPath = (try? format("#{socket_path}")) ?? ""
        _ = try waitUntil("the shell prompt", timeout: 10) { screen in
            screen.contains { $0.trimmingCharacters(in: .whitespaces) == TmuxSession.prompt }
        }
    }

    deinit { kill() }

    /// Runs `tmux -L <socket> args...` with a UTF-8 locale (tmux refuses non-UTF-8 ones for
    /// wide characters) and no TMUX variable (the tests may run inside someone's tmux).
    @discardableResult
    func tmux(_ args: [String]) throws -> ProcessResult {
        var env = ProcessInfo.processInfo.environment
        for k in ["TMUX", "TMUX_PANE", "LC_ALL", "LC_CTYPE"] { env.removeValue(forKey: k) }
        env["LANG"] = "C.UTF-8"
        return try runProcess(tmuxPath, ["-L", socket] + args, environment: env, timeout: 10, outputToFile: true)
    }

    /// Sends tmux key names (`Enter`, `Escape`, `C-c`, `Tab`, `q`...).
    func send(_ keys: String...) throws {
        let r = try tmux(["send-keys", "-t", target] + keys)
        guard r.status == 0 else { throw E2EError("tmux send-keys \(keys) failed: \(r.summary)") }
    }

    /// Types `text` literally, then Enter.
    func typeLine(_ text: String) throws {
        let r = try tmux(["send-keys", "-t", target, "-l", text])
        guard r.status == 0 else { throw E2EError("tmux send-keys -l failed: \(r.summary)") }
        try send("Enter")
    }

    /// The screen as text, one string per row (trailing blanks trimmed by tmux).
    func capture() throws -> [String] {
        let r = try tmux(["capture-pane", "-p", "-t", target])
        guard r.status == 0 else { throw E2EError("tmux capture-pane failed: \(r.summary)") }
        var lines = r.stdout.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// A tmux format value for the pane, e.g. `#{pane_pid}`, `#{alternate_on}`.
    func format(_ f: String) throws -> String {
        let r = try tmux(["display-message", "-p", "-t", target, f])
        guard r.status == 0 else { throw E2EError("tmux display-message \(f) failed: \(r.summary)") }
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(width: Int, height: Int) throws {
        let r = try tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
        guard r.status == 0 else { throw E2EError("tmux resize-window failed: \(r.summary)") }
    }

    /// Polls the screen every 40 ms until `condition` holds on two captures in a row that are
    /// the same (so a frame that tmux has only partly received is not taken for the result);
    /// throws with the last screen after `timeout` seconds.
    @discardableResult
    func waitUntil(_ what: String, timeout: TimeInterval = 8, _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var screen: [String] = []
        var previous: [String]?
        while true {
            screen = try capture()
            if condition(screen) {
                if screen == previous { return screen }
                previous = screen
            } else {
                previous = nil
            }
            if Date() > deadline { break }
            usleep(40_000)
        }
        throw E2EError("timed out after \(timeout) s waiting for \(what). Screen was:\n"
                       + TmuxSession.show(screen))
    }

    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 8) throws -> [String] {
        try waitUntil("'\(text)' on screen", timeout: timeout) { $0.contains { $0.contains(text) } }
    }

    @discardableResult
    func waitForAbsence(_ text: String, timeout: TimeInterval = 8) throws -> [String] {
        try waitUntil("'\(text)' to leave the screen", timeout: timeout) { !$0.contains { $0.contains(text) } }
    }

    /// Stops the tmux server (and with it the shell and anything still running in it).
    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? tmux(["kill-server"])
        if socketPath.hasSuffix("/" + socket) { unlink(socketPath) }
        try? FileManager.default.removeItem(atPath: stateHome)
    }

    /// A screen for a failure message, rows numbered.
    static func show(_ screen: [String]) -> String {
        screen.enumerated().map { String(format: "%2d|", $0.offset) + $0.element }.joined(separator: "\n")
    }
}

/// A dashboard running in a `TmuxSession`, plus the checks on the terminal it leaves behind.
final class DashboardSession {
    let tmux: TmuxSession
    let binary: String
    /// A folder of this session's own for files the shell writes.
    let scratch: URL
    private var checks = 0

    init(label: String, width: Int = 100, height: Int = 30) throws {
        binary = try Paths.townsBinary()
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("towns-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        tmux = try TmuxSession(label: label, width: width, height: height)
    }

    /// Types `towns --data <repo>/Data --themes <repo>/Themes` and waits for the first frame:
    /// the title and the key-hint line. The dashboard opens on the overview; with `towns` (the
    /// default) the towns view is then shown with its key, as the tests written for it expect.
    @discardableResult
    func start(_ extraArguments: [String] = [], towns: Bool = true) throws -> [String] {
        let words = [binary, "--data", Paths.data, "--themes", Paths.themes] + extraArguments
        try tmux.typeLine(words.map(Paths.shellQuote).joined(separator: " "))
        let first = try tmux.waitUntil("the dashboard's first frame (title and key hints)") { screen in
            (screen.first?.contains("towns ·") ?? false) && (screen.last?.contains("↑↓") ?? false)
        }
        guard towns, first.count > 3, first[3].contains("面板") || first[3].contains("Panel") else { return first }
        try tmux.send("1")
        return try tmux.waitUntil("the towns view") { screen in
            screen.count > 3 && (screen[3].contains("完成率") || screen[3].contains("Done%"))
                && (screen.last?.contains("↑↓") ?? false)
        }
    }

    /// The pid of the running `towns`: the shell's child process whose name is `towns`.
    func townsPID(timeout: TimeInterval = 5) throws -> pid_t {
        let shell = try tmux.format("#{pane_pid}")
        guard let shellPID = pid_t(shell) else { throw E2EError("tmux gave pane_pid '\(shell)'") }
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if let pid = ProcessTable.children(of: shellPID).first(where: { $0.name == "towns" })?.pid { return pid }
            usleep(40_000)
        } while Date() < deadline
        throw E2EError("no `towns` process under the pane's shell (pid \(shellPID)); children: "
                       + "\(ProcessTable.children(of: shellPID))")
    }

    /// Waits for the shell prompt to be back with the dashboard's screen gone.
    @discardableResult
    /// `frameMayRemain`: on terminals without an alternate screen (vt100, linux) the last
    /// frame stays above the prompt, so only the prompt is waited for.
    func waitForPrompt(timeout: TimeInterval = 8, frameMayRemain: Bool = false) throws -> [String] {
        try tmux.waitUntil("the shell prompt after the dashboard ended", timeout: timeout) { screen in
            let rows = screen.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return rows.last?.trimmingCharacters(in: .whitespaces) == TmuxSession.prompt
                && (frameMayRemain || !screen.contains { $0.contains("towns ·") || $0.contains("↑↓") })
        }
    }

    /// What the terminal is like after the dashboard ended.
    struct TerminalAfter {
        var exitStatus: Int32
        var stty: [String]
        var sttyText: String
        var screen: [String]
    }

    /// Types `echo status=$? >FILE; stty -a >FILE; echo <marker>` at the prompt and reads the
    /// answers: the dashboard's exit status and the tty modes it left (`stty` reads the modes of
    /// its standard input, the pane's tty; the output goes to files so that a small pane does
    /// not scroll it away).
    func inspectTerminal() throws -> TerminalAfter {
        checks += 1
        let marker = "STTY-DONE-\(checks)"
        let statusFile = scratch.appendingPathComponent("status-\(checks)").path
        let sttyFile = scratch.appendingPathComponent("stty-\(checks)").path
        // The marker is split with quotes so that the typed command line never matches it.
        let split = marker.prefix(4) + "''" + marker.dropFirst(4)
        try tmux.typeLine("echo \"status=$?\" >\(Paths.shellQuote(statusFile)); stty -a >\(Paths.shellQuote(sttyFile)); echo \(split)")
        let screen = try tmux.waitUntil("the answer to `stty -a` (if it never comes, the terminal was left "
                                        + "in raw mode: the shell does not see the Enter)", timeout: 8) { screen in
            screen.contains { $0.trimmingCharacters(in: .whitespaces) == marker }
        }
        let statusText = (try? String(contentsOfFile: statusFile, encoding: .utf8)) ?? ""
        guard let status = Int32(statusText.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst("status=".count)) else {
            throw E2EError("no exit status in \(statusFile) ('\(statusText)'); screen:\n" + TmuxSession.show(screen))
        }
        let stty = (try? String(contentsOfFile: sttyFile, encoding: .utf8)) ?? ""
        // `stty -a` prints words such as `isig icanon iexten echo echoe ...` and
        // `rows 30; columns 100;`: read them all as words.
        let words = stty.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "\n" }).map(String.init)
        guard !words.isEmpty else { throw E2EError("`stty -a` wrote nothing to \(sttyFile); screen:\n" + TmuxSession.show(screen)) }
        return TerminalAfter(exitStatus: status, stty: words, sttyText: stty, screen: screen)
    }

    /// Asserts the terminal is as a shell needs it: prompt back, canonical input with echo,
    /// output post-processing, normal screen (not the alternate one), cursor shown, keypad
    /// transmit mode off. Returns the dashboard's exit status.
    @discardableResult
    func assertTerminalRestored(_ context: String, frameMayRemain: Bool = false, file: StaticString = #filePath, line: UInt = #line) throws -> Int32 {
        try waitForPrompt(frameMayRemain: frameMayRemain)
        let after = try inspectTerminal()
        let show = "stty -a:\n\(after.sttyText)\nscreen:\n" + TmuxSession.show(after.screen)
        for mode in ["icanon", "echo", "isig", "icrnl", "opost", "onlcr"] {
            XCTAssertTrue(after.stty.contains(mode), "\(context): `stty -a` lacks `\(mode)`:\n\(show)", file: file, line: line)
            XCTAssertFalse(after.stty.contains("-" + mode), "\(context): `stty -a` shows `-\(mode)`:\n\(show)", file: file, line: line)
        }
        XCTAssertEqual(try tmux.format("#{alternate_on}"), "0", "\(context): the pane is still on the alternate screen", file: file, line: line)
        XCTAssertEqual(try tmux.format("#{cursor_flag}"), "1", "\(context): the cursor is left hidden", file: file, line: line)
        XCTAssertEqual(try tmux.format("#{keypad_cursor_flag}"), "0", "\(context): keypad (application cursor) mode left on", file: file, line: line)
        return after.exitStatus
    }

    func kill() {
        tmux.kill()
        try? FileManager.default.removeItem(at: scratch)
    }
}

// MARK: - Processes

enum ProcessTable {
    struct Entry: CustomStringConvertible {
        var pid: pid_t
        var name: String
        var description: String { "\(pid) \(name)" }
    }

    /// The direct children of `parent`, read from /proc/<pid>/stat (`pid (comm) state ppid ...`).
    static func children(of parent: pid_t) -> [Entry] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        var result: [Entry] = []
        for name in names {
            guard let pid = pid_t(name),
                  let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { continue }
            let comm = String(stat[stat.index(after: open)..<close])
            let rest = stat[stat.index(after: close)...].split(separator: " ")
            guard rest.count > 1, let ppid = pid_t(rest[1]), ppid == parent else { continue }
            result.append(Entry(pid: pid, name: comm))
        }
        return result
    }

    static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state != "Z"
    }
}

/// The navigation path on the breadcrumb line (row 2), without the status shown at its right
/// (filter, search, when the data last changed), which is set off by a run of spaces.
func crumb(_ line: String) -> String {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    return trimmed.components(separatedBy: "   ").first?.trimmingCharacters(in: .whitespaces) ?? trimmed
}
