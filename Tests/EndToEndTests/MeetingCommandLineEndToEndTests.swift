import Foundation
import XCTest

/// A meeting started and joined from the dashboards' own command lines (issue 16, points 1 and
/// 2): `:present NAME` in a running dashboard, `:follow NAME` in another; the follower then shows
/// the presenter's place, and `:present` ended (by quitting) leaves the follower usable.
final class MeetingCommandLineEndToEndTests: XCTestCase {
    func testPresentAndFollowTypedInRunningDashboards() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("towns-e2e-meetc-\(getpid())-"
            + UUID().uuidString.prefix(6)).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let presenter = try DashboardSession(label: "presentcmd", width: 100, height: 30)
        defer { presenter.kill() }
        let follower = try DashboardSession(label: "followcmd", width: 80, height: 24)
        defer { follower.kill() }
        for s in [presenter, follower] {
            let words = [s.binary, "--view", "towns", "--data", Paths.data, "--themes", Paths.themes,
                         "--config", "/dev/null"]
            try s.tmux.typeLine("TOWNS_MEETINGS=\(Paths.shellQuote(folder)) "
                                + words.map(Paths.shellQuote).joined(separator: " "))
            try s.tmux.waitUntil("the dashboard's first frame") { $0.count > 2 && $0[2].hasPrefix(" 小镇") }
        }

        try presenter.tmux.send(":")
        try presenter.tmux.typeLine("present standup")
        // At 100 columns the full chip fits beside `b 落后` since wave 28 (`会议 standup：0 人跟随`, one
        // cell narrower than wave 7's `会议 standup · 0 人跟随`, which took the short form here).
        try presenter.tmux.waitFor("会议 standup：0 人跟随")
        XCTAssertTrue(try presenter.tmux.capture().contains { $0.contains("b 落后") }, "the hint line keeps b")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/standup.sock"), "the meeting's socket")

        try follower.tmux.send(":")
        try follower.tmux.typeLine("follow standup")
        try follower.tmux.waitFor("跟随 ")
        try presenter.tmux.waitFor("会议 standup：1 人跟随")

        // The presenter moves; the follower, never having pressed a key after :follow, follows.
        try presenter.tmux.send("4")
        try follower.tmux.waitUntil("the follower on the assessment") { $0.count > 2 && $0[2].hasPrefix(" 考核") }
        try presenter.tmux.send("]")
        let title = try presenter.tmux.waitUntil("the presenter's next period") { !$0.isEmpty }[0]
        let period = title.split(separator: " ").last.map(String.init) ?? ""
        try follower.tmux.waitUntil("the follower in the presenter's period \(period)") {
            $0.first?.hasSuffix(" " + period) == true
        }

        // The presenter quits: the follower says the meeting ended and drives itself again.
        try presenter.tmux.send("q")
        XCTAssertEqual(try presenter.assertTerminalRestored("q while presenting"), 0)
        try follower.tmux.waitFor("会议已结束")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/standup.sock"), "the socket removed on quit")
        try follower.tmux.send("2")
        try follower.tmux.waitUntil("the follower usable after the end") { $0.count > 2 && $0[2].hasPrefix(" 类型") }
        try follower.tmux.send("q")
        XCTAssertEqual(try follower.assertTerminalRestored("q after the meeting ended"), 0)
    }

    /// A name no meeting could have is a usage error (exit 2) before the terminal opens, naming
    /// what a name may hold; a fresh user saw exit 4, as for a meeting that cannot be opened.
    func testANameNoMeetingCouldHaveIsAUsageError() throws {
        let binary = try Paths.townsBinary()
        for command in ["present", "follow"] {
            // A tab: a control character (since wave 21 `bad/name` is a name, its files encoded).
            let r = try runProcess(binary, [command, "bad\tname", "--data", Paths.data, "--lang", "en"])
            XCTAssertEqual(r.status, 2, "\(command): \(r.summary)")
            XCTAssertTrue(r.stderr.contains("invalid meeting name 'bad?name'"), r.summary)
            // One language (wave 8): in Chinese, no English half.
            let zh = try runProcess(binary, [command, "bad\tname", "--data", Paths.data, "--lang", "zh"])
            XCTAssertEqual(zh.status, 2, "\(command): \(zh.summary)")
            XCTAssertTrue(zh.stderr.contains("会议名称无效：“bad?name”") && !zh.stderr.contains("invalid"), zh.summary)
        }
    }

    /// `towns follow` with no name and no meeting open says so in the dashboard's language:
    /// English with `--lang en` and under LANG=C, Chinese with `--lang zh` (before wave 19 it was
    /// Chinese whatever was asked).
    func testFollowWithNoMeetingOpenAnswersInTheLanguageAsked() throws {
        let binary = try Paths.townsBinary()
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("towns-e2e-nomeet-\(getpid())").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        // No cache (one under /dev/null cannot be made): the snapshot child each start leaves
        // running wrote into `empty` after it was removed, leaving it in /tmp.
        let base = ["TOWNS_MEETINGS": empty, "PATH": "/usr/bin:/bin", "HOME": empty, "TOWNS_CACHE": "/dev/null/towns"]
        let en = try runProcess(binary, ["follow", "--data", Paths.data, "--lang", "en"],
                                environment: base.merging(["LANG": "C.UTF-8"]) { $1 }, timeout: 20)
        XCTAssertEqual(en.status, 4, en.summary)
        XCTAssertTrue(en.stderr.contains("no open meetings"), en.summary)
        let c = try runProcess(binary, ["follow", "--data", Paths.data], environment: base.merging(["LANG": "C"]) { $1 },
                               timeout: 20)
        XCTAssertEqual(c.status, 4, c.summary)
        XCTAssertTrue(c.stderr.contains("no open meetings"), c.summary)
        XCTAssertFalse(c.stderr.unicodeScalars.contains { !$0.isASCII }, c.summary)
        let zh = try runProcess(binary, ["follow", "--data", Paths.data, "--lang", "zh"],
                                environment: base.merging(["LANG": "C.UTF-8"]) { $1 }, timeout: 20)
        XCTAssertEqual(zh.status, 4, zh.summary)
        XCTAssertTrue(zh.stderr.contains("没有进行中的会议"), zh.summary)
    }
}
