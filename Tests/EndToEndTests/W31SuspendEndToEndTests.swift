import Foundation
import XCTest

/// Wave 30's fresh user: Ctrl-Z did nothing, without a word, where `towns` was its terminal's
/// first command (tmux's, or `exec towns` here): no job-control shell could bring it back, and the
/// kernel discards the stop of such an orphaned process group. It says so on the status line now,
/// and keeps running; under a shell it still suspends (`TerminalRestoreTests.testCtrlZSuspendsAndFgResumes`).
final class W31SuspendEndToEndTests: XCTestCase {
    func testCtrlZWithoutAShellSaysWhyItDidNotSuspend() throws {
        let session = try DashboardSession(label: "w31-suspend", width: 100, height: 30)
        defer { session.tmux.kill() }
        let words = [session.binary, "--data", Paths.data, "--themes", Paths.themes]
        try session.tmux.typeLine("exec " + words.map(Paths.shellQuote).joined(separator: " "))
        _ = try session.tmux.waitUntil("the dashboard's first frame") { screen in
            (screen.first?.contains("towns ·") ?? false) && (screen.last?.contains("↑↓") ?? false)
        }
        try session.tmux.send("C-z")
        let screen = try session.tmux.waitFor("Ctrl-Z 未挂起")
        XCTAssertTrue(screen.joined().contains("此终端没有可返回的 shell（无作业控制）；q 退出"), TmuxSession.show(screen))
        // Still running and answering keys.
        try session.tmux.send("2")
        _ = try session.tmux.waitUntil("the types view") { $0.count > 2 && $0[2].contains("类型") }
    }
}
