import Foundation
import XCTest

/// The presenter's terminal killed (`tmux kill-server`, as an SSH connection that drops): the
/// presenter notices (SIGHUP, or end of file / EIO reading the terminal), ends the meeting as `q`
/// does (its socket and description go), and the follower says the presenter's terminal was
/// lost, not that the presenter quit.
final class MeetingHangUpEndToEndTests: XCTestCase {
    func testAPresenterWhoseTerminalIsKilledEndsTheMeeting() throws {
        let folder = try meetingsFolder("hup")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let presenter = try DashboardSession(label: "presenthup", width: 100, height: 30)
        defer { presenter.kill() }
        let follower = try DashboardSession(label: "followhup", width: 100, height: 30)
        defer { follower.kill() }
        func start(_ s: DashboardSession, _ args: [String]) throws { try startTowns(s, args, meetingsIn: folder) }
        try start(presenter, ["present", "m4"])
        try presenter.tmux.waitFor("会议 m4：0 人跟随")
        try start(follower, ["follow", "m4"])
        try presenter.tmux.waitFor("会议 m4：1 人跟随")
        let files = { (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? [] }
        XCTAssertEqual(files(), ["m4.json", "m4.sock"])

        presenter.tmux.kill()  // the presenter's terminal is gone, not the presenter's choice
        // Said plainly (wave 31: `主持人的终端已断开（未退出）` read as if it still ran).
        let screen = try follower.tmux.waitFor("会议已结束：主持人的终端已关闭")
        // In the reader's language only (wave 7: a Chinese session read both).
        XCTAssertFalse(screen.joined().contains("the presenter's terminal"), TmuxSession.show(screen))
        XCTAssertFalse(screen.joined().contains("connection lost"), TmuxSession.show(screen))
        // The way back said (wave 21: the line said only that the presenter might present again).
        XCTAssertTrue(screen.joined().contains("再次主持后 :follow m4 重新加入"), TmuxSession.show(screen))
        let deadline = Date().addingTimeInterval(5)
        while !files().isEmpty && Date() < deadline { usleep(50_000) }
        XCTAssertEqual(files(), [], "the meeting's socket and description are removed")
    }
}

/// A meetings folder of one test's own (`TOWNS_MEETINGS`), made now; the caller removes it.
func meetingsFolder(_ label: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("towns-e2e-\(label)-\(getpid())-"
        + UUID().uuidString.prefix(6)).path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
}

/// Types `towns ARGS` into `session` with meetings in `folder`, the repository's data and themes, no config.
func startTowns(_ session: DashboardSession, _ args: [String], meetingsIn folder: String) throws {
    let words = [session.binary] + args + ["--data", Paths.data, "--themes", Paths.themes, "--config", "/dev/null"]
    try session.tmux.typeLine("TOWNS_MEETINGS=\(Paths.shellQuote(folder)) "
                              + words.map(Paths.shellQuote).joined(separator: " "))
}

/// Wave 36's fresh user: an English follower at 80 columns read `meeting ended: presenter's terminal
/// closed; :follow… (whole in :messages)`, the meeting's name (the way back) cut. Now whole.
final class W36HangUpEnglishEndToEndTests: XCTestCase {
    func testTheWayBackIsWholeAt80ColumnsInEnglish() throws {
        let folder = try meetingsFolder("hupen")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let presenter = try DashboardSession(label: "presenthupen", width: 100, height: 30)
        defer { presenter.kill() }
        let follower = try DashboardSession(label: "followhupen", width: 80, height: 24)
        defer { follower.kill() }
        try startTowns(presenter, ["present", "m4"], meetingsIn: folder)
        try presenter.tmux.waitFor("会议 m4：0 人跟随")
        try startTowns(follower, ["follow", "m4", "--lang", "en"], meetingsIn: folder)
        try presenter.tmux.waitFor("会议 m4：1 人跟随")
        presenter.tmux.kill()
        let screen = try follower.tmux.waitFor("meeting ended: presenter's terminal closed")
        XCTAssertTrue(screen.joined().contains("meeting ended: presenter's terminal closed; :follow m4 once restarted"),
                      TmuxSession.show(screen))
        XCTAssertFalse(screen.joined().contains("whole in :messages"), TmuxSession.show(screen))
    }
}
