import CTownsPty
import Foundation
import Glibc

/// A program running on the slave side of a pseudo-terminal, as a person's terminal would
/// run it: `towns bench` sends keys to the master side and counts the bytes the program
/// writes back (what an SSH connection would carry), and reads the child's peak memory when
/// it exits.
public final class PseudoTerminal {
    /// Output between two moments: how many bytes, and when the first and last arrived.
    public struct Burst: Sendable {
        public var bytes: Int
        /// When the first byte arrived; nil when nothing came.
        public var first: ContinuousClock.Instant?
        /// When the last byte arrived before the output went quiet.
        public var last: ContinuousClock.Instant?
        /// The bytes themselves (kept when asked for, to look for a string).
        public var data: [UInt8]
    }

    /// How the child ended.
    public struct Exit: Sendable {
        /// Exit status, or 128 + the signal that ended it.
        public var status: Int32
        /// ru_maxrss of the child from wait4, in KiB (a forked child's counts what the parent
        /// had at fork; the child is spawned now, but `peakRSSKiB` is its own peak either way).
        public var maxRSSKiB: Int
    }

    public let pid: pid_t
    /// When the child was started.
    public let started: ContinuousClock.Instant
    private let master: Int32
    private var exited: Exit?
    private let clock = ContinuousClock()

    /// Starts `executable` with `arguments` and exactly `environment` on a new terminal of
    /// `rows` x `columns` cells.
    public init(executable: String, arguments: [String], environment: [String: String], rows: Int,
        columns: Int) throws {
        let argv = ([executable] + arguments).map { strdup($0) }
        let envp = environment.keys.sorted().map { strdup("\($0)=\(environment[$0]!)") }
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var fd: Int32 = -1
        started = ContinuousClock().now
        let child = (argv + [nil]).withUnsafeBufferPointer { a in
            (envp + [nil]).withUnsafeBufferPointer { e in
                towns_pty_spawn(executable, a.baseAddress, e.baseAddress, UInt16(clamping: rows),
                    UInt16(clamping: columns), &fd)
            }
        }
        guard child > 0 else {
            throw PseudoTerminalError(message: "cannot start \(executable) on a pseudo-terminal: " +
                "\(String(cString: strerror(errno)))")
        }
        pid = child
        master = fd
        let flags = fcntl(master, F_GETFL)
        _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
    }

    deinit {
        if exited == nil {
            kill(pid, SIGKILL)
            _ = waitForExit(timeout: .seconds(5))
        }
        close(master)
    }

    /// Writes `bytes` to the terminal, as if typed.
    public func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
            if n > 0 { offset += n } else if errno != EAGAIN && errno != EINTR { return } else { usleep(1000) }
        }
    }

    public func send(_ text: String) { send(Array(text.utf8)) }

    /// Reads what the program writes until it has written nothing for `quiet` after its last
    /// byte ("settled"), waiting at most `limit` in all (nothing may come at all). With a
    /// `marker`, the output counts as settled only once the marker has appeared (a program
    /// may pause between setting up the terminal and drawing). `keep` keeps the bytes.
    public func readUntilQuiet(quiet: Duration, limit: Duration, keep: Bool = false, marker: String? = nil) -> Burst {
        var burst = Burst(bytes: 0, first: nil, last: nil, data: [])
        let markerBytes = marker.map { Array($0.utf8) } ?? []
        var seen = markerBytes.isEmpty
        var tail: [UInt8] = []
        let deadline = clock.now + limit
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let now = clock.now
            if now >= deadline { break }
            let waitUntil = seen ? (burst.last.map { min($0 + quiet, deadline) } ?? deadline) : deadline
            if burst.last != nil && seen && now >= waitUntil { break }
            let left = now.duration(to: waitUntil)
            let ms = Int32(clamping: max(1,
                left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
            var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&p, 1, ms)
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { continue }
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if n > 0 {
                let t = clock.now
                if burst.first == nil { burst.first = t }
                burst.last = t
                burst.bytes += n
                if keep { burst.data += buffer[0..<n] }
                if !seen {
                    tail += buffer[0..<n]
                    seen = Self.contains(tail, markerBytes)
                    if tail.count > 65536 { tail.removeFirst(tail.count - markerBytes.count) }
                }
            } else if n == 0 || (errno != EAGAIN && errno != EINTR) {
                // EIO: the child closed the terminal (exited).
                break
            }
        }
        return burst
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// The child's peak resident set size so far (VmHWM in /proc/PID/status), in KiB; nil
    /// once it has exited. Unlike wait4's ru_maxrss, which on Linux counts the memory a
    /// forking parent had at the fork, this is the child program's own peak.
    public func peakRSSKiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
        }
        return nil
    }

    /// Waits up to `timeout` for the child to exit; nil if it is still running.
    public func waitForExit(timeout: Duration) -> Exit? {
        if let exited { return exited }
        let deadline = clock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            var status: Int32 = 0
            var usage = rusage()
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid {
                let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                exited = Exit(status: code, maxRSSKiB: usage.ru_maxrss)
                return exited
            }
            if r < 0 { return nil }
            if clock.now >= deadline { return nil }
            // Keep draining the terminal so a child writing on its way out never blocks.
            _ = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            usleep(5000)
        }
    }

    /// Ends the child (SIGTERM, then SIGKILL after a second) and reaps it.
    public func terminate() -> Exit? {
        if let exited { return exited }
        kill(pid, SIGTERM)
        if let e = waitForExit(timeout: .seconds(1)) { return e }
        kill(pid, SIGKILL)
        return waitForExit(timeout: .seconds(5))
    }
}

public struct PseudoTerminalError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
