import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// A long random session in tmux: thousands of keys from a weighted list (every view and
/// command, search, the command line, sorting, filters, periods, themes, language, exports,
/// help) and resizes. The dashboard must stay alive throughout, quit cleanly with exit 0 and a
/// restored terminal, and its memory must stay flat.
///
/// `swift test` runs 2,000 keys (about 15 s); `.ci/run` runs 10,000 with
/// `TOWNS_SOAK_KEYS=10000`. The generator is seeded, by default with a fixed seed (the same
/// keys on every run, so a failure is repeatable); `TOWNS_SOAK_SEED=N` runs (or replays) seed
/// N, and `TOWNS_SOAK_SEED=random` a seed from the clock. The seed is printed at the start and
/// in every failure.
final class SoakTests: XCTestCase {
    /// tmux key names and their weights. Left out: q and Ctrl-C (quit), Ctrl-Z (stop), `;` and
    /// `\` (tmux command syntax).
    static let keys: [(String, Int)] = [
        ("Up", 10), ("Down", 10), ("PageUp", 3), ("PageDown", 3), ("Home", 2), ("End", 2), ("j", 3), ("k", 3),
        ("g", 1), ("G", 1), ("Enter", 8), ("Escape", 6), ("BSpace", 2), ("Left", 2), ("Right", 2), ("l", 1), ("h", 1),
        ("Tab", 4), ("BTab", 1), ("1", 2), ("2", 2), ("3", 2), ("4", 2), ("5", 2), ("[", 3), ("]", 3), ("p", 1), ("P", 1),
        ("/", 2), (":", 2), ("n", 2), ("N", 2), ("s", 2), ("S", 2), ("b", 2), ("c", 2), ("t", 1), ("L", 1), ("e", 1),
        ("?", 2), ("F1", 1), ("C-l", 1), ("Space", 2), ("a", 1), ("z", 1), ("x", 1), ("0", 1), ("-", 1), ("C-f", 1), ("C-b", 1),
        ("海", 1),
    ]

    /// The seed of a run that sets none.
    static let defaultSeed: UInt64 = 20_151_009

    func testRandomKeysAndResizes() throws {
        let env = ProcessInfo.processInfo.environment
        let total = Int(env["TOWNS_SOAK_KEYS"] ?? "") ?? 2_000
        let seed = env["TOWNS_SOAK_SEED"] == "random" ? UInt64(Date().timeIntervalSince1970 * 1000) & 0xFFFF_FFFF
            : UInt64(env["TOWNS_SOAK_SEED"] ?? "") ?? SoakTests.defaultSeed
        let replay = "seed \(seed), \(total) keys (replay: TOWNS_SOAK_SEED=\(seed) TOWNS_SOAK_KEYS=\(total) swift test --filter SoakTests)"
        print("soak: \(replay)")
        var random = SplitMix64(seed: seed)
        let weights = Self.keys.map(\.1).reduce(0, +)
        func pick() -> String {
            var r = Int(random.next() % UInt64(weights))
            for (key, weight) in Self.keys {
                if r < weight { return key }
                r -= weight
            }
            return Self.keys[0].0
        }

        let session = try DashboardSession(label: "soak")
        defer { session.kill() }
        let tmux = session.tmux
        let exports = session.scratch.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        // In the scratch folder, so that `:export ... PATH` typed at random lands there.
        let words = [session.binary, "--data", Paths.data, "--themes", Paths.themes]
        try tmux.typeLine("cd \(Paths.shellQuote(session.scratch.path)) && TOWNS_EXPORT_DIR=\(Paths.shellQuote(exports.path)) "
                          + words.map(Paths.shellQuote).joined(separator: " "))
        try tmux.waitUntil("the first frame") { ($0.first?.contains("towns ·") ?? false) && ($0.last?.contains("q 退出") ?? false) }
        let pid = try session.townsPID()

        var samples: [(keys: Int, kilobytes: Int)] = []
        var sent = 0
        var resizes = 0
        var lastBatch: [String] = []
        let start = Date()
        while sent < total {
            let count = min(50, total - sent)
            let batch = (0..<count).map { _ in pick() }
            let r = try tmux.tmux(["send-keys", "-t", tmux.target] + batch)
            XCTAssertEqual(r.status, 0, "tmux send-keys failed (\(replay)): \(r.summary)")
            lastBatch = batch
            sent += count
            // About one resize every 250 keys, to sizes from too small to wide.
            if random.next() % 5 == 0 {
                let w = Int(random.next() % 170) + 30, h = Int(random.next() % 45) + 8
                try tmux.resize(width: w, height: h)
                resizes += 1
            }
            usleep(20_000)
            guard ProcessTable.isAlive(pid) else {
                let screen = (try? tmux.capture()) ?? []
                return XCTFail("towns died after \(sent) keys (\(replay)); last keys: \(lastBatch)\n\(TmuxSession.show(screen))")
            }
            if sent % 1000 == 0 || sent == total {
                try tmux.resize(width: 100, height: 30)
                // Let it catch up with the keys sent (tmux holds what the terminal has not taken).
                try waitUntilIdle(pid, replay)
                let rss = residentKilobytes(pid)
                samples.append((sent, rss))
                print("soak: \(sent) keys, VmRSS \(rss) kB, \(resizes) resizes, \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
            }
        }
        XCTAssertTrue(ProcessTable.isAlive(pid), "towns died (\(replay))")

        // Out of help, search and the command line, then quit.
        for _ in 0..<3 {
            try tmux.send("Escape")
            usleep(120_000)
        }
        try waitUntilIdle(pid, replay)
        try tmux.send("q")
        let status = try session.assertTerminalRestored("q after the soak (\(replay))")
        XCTAssertEqual(status, 0, "exit status after the soak (\(replay))")
        XCTAssertFalse(ProcessTable.isAlive(pid))

        // Memory flat: the last sample no more than 5 MiB above the one at 1,000 keys.
        let elapsed = Date().timeIntervalSince(start)
        print("soak: \(total) keys and \(resizes) resizes in \(String(format: "%.1f", elapsed)) s; VmRSS (kB) by keys: "
              + samples.map { "\($0.keys): \($0.kilobytes)" }.joined(separator: ", "))
        if let first = samples.first, let last = samples.last, samples.count > 1 {
            XCTAssertLessThanOrEqual(last.kilobytes - first.kilobytes, 5 * 1024,
                                     "memory grew from \(first.kilobytes) kB at \(first.keys) keys to \(last.kilobytes) kB at \(last.keys) (\(replay))")
        }
        let exported = (try? FileManager.default.contentsOfDirectory(atPath: exports.path)) ?? []
        print("soak: \(exported.count) export file(s) written")
    }

    /// Waits until `pid` has used no CPU for 0.3 s: every key sent has been handled.
    func waitUntilIdle(_ pid: pid_t, _ replay: String, timeout: TimeInterval = 120) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var previous = cpuTicks(pid)
        while Date() < deadline {
            usleep(300_000)
            let now = cpuTicks(pid)
            if now == previous { return }
            previous = now
        }
        throw E2EError("towns still busy after \(timeout) s (\(replay))")
    }

    /// utime + stime of `pid`, in clock ticks.
    func cpuTicks(_ pid: pid_t) -> Int {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return -1 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command: state(0) ppid(1) ... utime(11) stime(12).
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return -1 }
        return user + system
    }

    /// VmRSS of `pid` in kilobytes (0 if it cannot be read).
    func residentKilobytes(_ pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}
