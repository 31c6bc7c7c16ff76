import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Resizing, and every way out of the dashboard leaving the terminal as the shell had it.
final class TerminalRestoreTests: DashboardSessionTestCase {
    func testResizeRedrawsThenTooSmallThenQuit() throws {
        try session.start()
        try tmux.resize(width: 70, height: 20)
        // Redrawn at 70x20: 20 rows, the period right-aligned to the new width, hints on the last row.
        var screen = try tmux.waitUntil("a redraw at 70x20") { screen in
            screen.count == 20 && screen[0].contains("期间 [")
                && DisplayColumns.width(screen[0]) >= 69 && DisplayColumns.width(screen[0]) <= 70
                && screen[19].hasPrefix(" ↑↓")
        }
        var show = TmuxSession.show(screen)
        for (i, line) in screen.enumerated() {
            XCTAssertLessThanOrEqual(DisplayColumns.width(line), 70, "row \(i) is wider than 70 cells:\n\(show)")
        }
        XCTAssertTrue(screen[0].contains("towns ·"), show)
        XCTAssertTrue(screen[18].contains("推算"), "legend on row 18:\n\(show)")
        // At 70 columns the hints may drop the words of ↑↓ and Enter to keep every meeting key (`b`).
        XCTAssertTrue(screen[19].hasPrefix(" ↑↓") && screen[19].contains("b 落后") && screen[19].contains("? 帮助"),
                      "key hints on row 19:\n\(show)")
        // At 70 columns the names may give a cell or two to Δ完成 (cut with …): each town's row is there.
        let starts = DashboardTests.towns.map { String($0.prefix(6)) }
        XCTAssertTrue(starts.allSatisfy { town in screen.contains { $0.contains(town) } }, "all five towns fit:\n\(show)")
        // Narrower, the table may leave columns out, but what it shows stays aligned: the
        // completion rates end under the right edge of their header.
        if let header = screen.first(where: { $0.contains("完成率") }),
           let rateHeader = DisplayColumns.words(header).first(where: { $0.text == "完成率" }) {
            let ends = starts.compactMap { town in
                screen.first { $0.contains(town) }.flatMap { DisplayColumns.word(in: $0, under: (rateHeader.start, rateHeader.end))?.end }
            }
            XCTAssertEqual(ends, Array(repeating: rateHeader.end, count: 5), "完成率 column at 70 columns:\n\(show)")
        } else {
            XCTFail("no 完成率 column at 70 columns:\n\(show)")
        }

        try tmux.resize(width: 40, height: 10)
        screen = try tmux.waitFor("终端太小")
        show = TmuxSession.show(screen)
        XCTAssertEqual(screen.count, 10, show)
        XCTAssertTrue(screen.contains { $0.contains("40x10") }, "the message gives the size:\n\(show)")
        XCTAssertFalse(screen.contains { $0.contains("towns ·") }, "no dashboard drawn when too small:\n\(show)")
        for (i, line) in screen.enumerated() {
            XCTAssertLessThanOrEqual(DisplayColumns.width(line), 40, "row \(i) is wider than 40 cells:\n\(show)")
        }

        try tmux.send("q")
        XCTAssertEqual(try session.assertTerminalRestored("q while too small"), 0)
    }

    func testResizeBackFromTooSmallRedrawsTheDashboard() throws {
        try session.start()
        try tmux.resize(width: 40, height: 10)
        try tmux.waitFor("终端太小")
        try tmux.resize(width: 100, height: 30)
        let screen = try tmux.waitUntil("the dashboard at 100x30 again") { screen in
            screen.count == 30 && (screen.first?.contains("towns ·") ?? false) && screen[29].contains("↑↓")
        }
        XCTAssertFalse(screen.contains { $0.contains("终端太小") }, TmuxSession.show(screen))
        try tmux.send("q")
        try session.assertTerminalRestored("q after resizing back")
    }

    /// Started at 80x24, then 100 resizes in bursts (sizes all over, some too small, some wide),
    /// ending at 100x30: the dashboard survives and its last frame is the one a fresh start at
    /// 100x30 draws (a dashboard that missed the last resize would still be laid out for
    /// another size).
    func testResizeBurstEndsInTheRightLayout() throws {
        try tmux.resize(width: 80, height: 24)
        try session.start()
        try tmux.send("Down")  // a selection to keep
        var generator = SplitMix64(seed: 0x7e57_0001)
        var sizes: [(Int, Int)] = (0..<99).map { _ in (Int(generator.next() % 240) + 1, Int(generator.next() % 80) + 1) }
        sizes.append((100, 30))
        for batch in stride(from: 0, to: sizes.count, by: 10) {
            var args: [String] = []
            for (w, h) in sizes[batch..<min(batch + 10, sizes.count)] {
                if !args.isEmpty { args.append(";") }
                args += ["resize-window", "-t", tmux.target, "-x", "\(w)", "-y", "\(h)"]
            }
            let r = try tmux.tmux(args)
            XCTAssertEqual(r.status, 0, r.summary)
            usleep(15_000)  // let some SIGWINCHs land mid-frame
        }
        let pid = try session.townsPID()
        let after = try tmux.waitUntil("the dashboard at 100x30 after the burst") { screen in
            screen.count == 30 && (screen.first?.contains("towns ·") ?? false) && screen[29].contains("↑↓")
        }
        XCTAssertTrue(ProcessTable.isAlive(pid), "towns died during the resize burst")

        let fresh = try DashboardSession(label: "resizefresh")
        defer { fresh.kill() }
        try fresh.start()
        try fresh.tmux.send("Down")
        // The title says when each process loaded the data (`数据载入 11:55:52`): the two starts are
        // seconds apart, so the clock is left out of the comparison.
        func masked(_ screen: [String]) -> [String] {
            screen.map { $0.replacingOccurrences(of: #"\d\d:\d\d:\d\d"#, with: "hh:mm:ss", options: .regularExpression) }
        }
        let expected: [String]
        do {
            expected = try fresh.tmux.waitUntil("a fresh start at 100x30 with the second row selected") {
                masked($0) == masked(after)
            }
        } catch {
            expected = try fresh.tmux.capture()
        }
        XCTAssertEqual(masked(after), masked(expected),
                       "after the burst:\n\(TmuxSession.show(after))\nfresh:\n\(TmuxSession.show(expected))")
        try fresh.tmux.send("q")
        try tmux.send("q")
        XCTAssertEqual(try session.assertTerminalRestored("q after 100 resizes"), 0)
    }

    /// A 1x1 terminal (a "too small" message clipped to one cell) and a 2000x500 one (a wall
    /// display): no crash, and back at 100x30 the dashboard is whole.
    func testOneByOneAndTwoThousandByFiveHundred() throws {
        try session.start()
        let pid = try session.townsPID()
        try tmux.resize(width: 1, height: 1)
        try tmux.waitUntil("the 1x1 pane") { $0.count == 1 }
        usleep(300_000)
        XCTAssertTrue(ProcessTable.isAlive(pid), "towns died at 1x1")
        try tmux.resize(width: 2000, height: 500)
        let big = try tmux.waitUntil("the dashboard at 2000x500", timeout: 15) { screen in
            screen.count == 500 && (screen.first?.contains("towns ·") ?? false) && screen[499].contains("↑↓")
        }
        XCTAssertTrue(DisplayColumns.width(big[0]) > 1900, "the title spans the width: \(DisplayColumns.width(big[0]))")
        XCTAssertTrue(DashboardTests.towns.allSatisfy { town in big.contains { $0.contains(town) } })
        try tmux.send("Enter")
        try tmux.waitUntil("a town's page at 2000x500", timeout: 15) { $0.count == 500 && $0[2].contains("›") }
        try tmux.send("Escape")
        try tmux.resize(width: 100, height: 30)
        try tmux.waitUntil("the dashboard at 100x30 again") { screen in
            screen.count == 30 && (screen.first?.contains("towns ·") ?? false) && screen[29].contains("↑↓")
        }
        XCTAssertTrue(ProcessTable.isAlive(pid))
        try tmux.send("q")
        XCTAssertEqual(try session.assertTerminalRestored("q after 1x1 and 2000x500"), 0)
    }

    func testQuitRestoresTheTerminal() throws {
        try session.start()
        try tmux.send("q")
        let status = try session.assertTerminalRestored("q")
        XCTAssertEqual(status, 0, "towns should exit 0 on q")
    }

    func testCtrlCRestoresTheTerminal() throws {
        try session.start()
        try tmux.send("C-c")
        let status = try session.assertTerminalRestored("Ctrl-C")
        // Ctrl-C is SIGINT in cbreak mode (exit 130) or the quit key in raw mode (exit 0).
        XCTAssertTrue(status == 130 || status == 0, "exit status after Ctrl-C: \(status)")
    }

    /// Ctrl-Z gives the shell a sane terminal while the dashboard is stopped; `fg` brings the
    /// dashboard back, redrawn, and it still quits cleanly.
    func testCtrlZSuspendsAndFgResumes() throws {
        try session.start()
        try tmux.send("2")
        try tmux.waitUntil("the types view") { $0.count > 2 && crumb($0[2]) == "类型" }
        try tmux.send("C-z")
        let stopped = try session.assertTerminalRestored("Ctrl-Z")
        XCTAssertEqual(stopped, 128 + SIGTSTP, "the shell should see the dashboard stopped by SIGTSTP")
        try tmux.typeLine("fg")
        let screen = try tmux.waitUntil("the dashboard back after fg") { screen in
            (screen.first?.contains("towns ·") ?? false) && (screen.last?.contains("↑↓") ?? false)
        }
        XCTAssertEqual(crumb(screen[2]), "类型", "fg should come back to the same view:\n\(TmuxSession.show(screen))")
        XCTAssertFalse(screen.contains { $0.contains("STTY-DONE") || $0.contains(TmuxSession.prompt) },
                       "the shell's lines should be gone after the redraw:\n\(TmuxSession.show(screen))")
        try tmux.send("q")
        XCTAssertEqual(try session.assertTerminalRestored("q after fg"), 0)
    }

    func testSIGTERMRestoresTheTerminal() throws {
        try signalRestores(SIGTERM, "SIGTERM")
    }

    func testSIGHUPRestoresTheTerminal() throws {
        try signalRestores(SIGHUP, "SIGHUP")
    }

    func testSIGQUITRestoresTheTerminal() throws {
        try signalRestores(SIGQUIT, "SIGQUIT")
    }

    /// A crash: the handler restores the terminal, lets the runtime's crash handler (if any)
    /// report, and the process still dies of the signal.
    func testSIGSEGVRestoresTheTerminal() throws {
        try signalRestores(SIGSEGV, "SIGSEGV")
    }

    /// A runtime trap (a failed precondition, force-unwrapping nil) ends in SIGABRT or SIGTRAP
    /// (SIGILL on some machines): each restores the terminal.
    func testSIGABRTRestoresTheTerminal() throws {
        try signalRestores(SIGABRT, "SIGABRT")
    }

    func testSIGTRAPRestoresTheTerminal() throws {
        try signalRestores(SIGTRAP, "SIGTRAP")
    }

    func testSIGILLRestoresTheTerminal() throws {
        try signalRestores(SIGILL, "SIGILL")
    }

    /// Runs the dashboard in the pane, signals it from this process, and checks that it ends
    /// with the usual status (128 + signal) and the terminal restored.
    func signalRestores(_ signal: Int32, _ name: String) throws {
        try session.start()
        // Drill in first, so that the screen to undo is not just the first frame.
        try tmux.send("Enter")
        try tmux.waitUntil("a town's page") { $0.count > 2 && $0[2].contains("›") }
        let pid = try session.townsPID()
        XCTAssertEqual(kill(pid, signal), 0, "kill(\(pid), \(name)): errno \(errno)")
        if [SIGSEGV, SIGABRT, SIGTRAP, SIGILL, SIGBUS, SIGFPE].contains(signal) {
            // A crash: the handler restores the terminal first, then calls the Swift runtime's
            // backtracer (when enabled), which prints the report on the restored screen and, on a
            // terminal, may ask "Press space to interact, D to debug, or any other key to quit".
            let screen = try tmux.waitUntil("the crash report or the prompt", timeout: 15) { screen in
                screen.contains { $0.contains("Press space to interact") }
                    || screen.last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })?.trimmingCharacters(in: .whitespaces) == TmuxSession.prompt
            }
            if screen.contains(where: { $0.contains("Press space to interact") }) {
                XCTAssertTrue(screen.contains { $0.contains("Backtrace took") }, "the backtracer's report is on the restored screen:\n\(TmuxSession.show(screen))")
                try tmux.send("q")
            }
        }
        let status = try session.assertTerminalRestored(name, frameMayRemain: false)
        XCTAssertEqual(status, 128 + signal, "towns should die of \(name) (status \(128 + signal))")
        XCTAssertFalse(ProcessTable.isAlive(pid), "towns (pid \(pid)) still running after \(name)")
    }
}

/// A small seeded generator (SplitMix64), so a run can be replayed from its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
