import Foundation
import XCTest

/// A meeting in real terminals (issue 16, point 8): a presenter at 120x40, two followers at
/// 80x24 (one in English with the light theme), each its own `towns` in its own tmux server,
/// meeting over a socket in a folder of the test's own (`TOWNS_MEETINGS`).
final class MeetingEndToEndTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("towns-e2e-meet-\(getpid())-"
            + UUID().uuidString.prefix(6)).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, 0o755)  // another user (nobody) may look in, not write
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Starts `towns ARGS` in `session` with the test's meetings folder, and waits for the frame.
    func start(_ session: DashboardSession, _ args: [String], prefix: [String] = []) throws {
        let words = prefix + [session.binary] + args + ["--data", Paths.data, "--themes", Paths.themes,
                                                        "--config", "/dev/null"]
        try session.tmux.typeLine("TOWNS_MEETINGS=\(Paths.shellQuote(folder)) "
                                  + words.map(Paths.shellQuote).joined(separator: " "))
    }

    /// The first word of a Chinese breadcrumb's view in English (since wave 8 the Chinese
    /// interface prints the view's name in Chinese only).
    static let viewWords = ["概览": "Overview", "小镇": "Towns", "类型": "Types", "运营主体": "Entities",
                            "考核": "Assessment", "全省": "Province", "参考": "Reference", "变化": "Changes"]

    /// The period's place in the title ("2/3"), the first English word of the breadcrumb (the
    /// view; a Chinese one through `viewWords`), and the breadcrumb's depth: what every screen
    /// shows alike, whatever its size and language.
    func place(_ screen: [String]) -> (period: String, kind: String, depth: Int) {
        let title = screen.first ?? ""
        let period = title.split(separator: " ").last.map(String.init) ?? ""
        let crumb = screen.count > 2 ? screen[2] : ""
        let first = crumb.components(separatedBy: "›")[0]
        let words: [String] = first.split(separator: " ").map { Self.viewWords[String($0)] ?? String($0) }
        let english = words.filter { $0.allSatisfy { $0.isASCII && $0.isLetter } }
        return (period, english.first ?? "", crumb.components(separatedBy: "›").count - 1)
    }

    func testFollowersShowThePresentersPlaceAtTheirOwnSize() throws {
        let presenter = try DashboardSession(label: "present", width: 120, height: 40)
        defer { presenter.kill() }
        let zh = try DashboardSession(label: "followzh", width: 80, height: 24)
        defer { zh.kill() }
        let en = try DashboardSession(label: "followen", width: 80, height: 24)
        defer { en.kill() }

        try start(presenter, ["present", "weekly"])
        try presenter.tmux.waitFor("会议 weekly：0 人跟随")
        try start(zh, ["follow", "weekly"])
        try zh.tmux.waitFor("跟随 ")
        try start(en, ["follow", "--lang", "en", "--theme", "light"])  // the only meeting open
        try en.tmux.waitFor("following ")
        try presenter.tmux.waitFor("会议 weekly：2 人跟随")
        XCTAssertTrue(try en.tmux.capture()[1].contains("1 Towns"), "the follower's own language")

        // Each key on the presenter; then every screen shows the same place.
        let steps: [(keys: [String], what: String)] = [
            (["Tab"], "Tab"), (["j"], "j"), (["Enter"], "Enter"), (["Enter"], "Enter on a town"), (["]"], "]"),
            (["Escape"], "back"), (["/"], "/"), (["-l", "jiax"], "/ typing"), (["Enter"], "/ done"), (["b"], "b"),
        ]
        for step in steps {
            try presenter.tmux.tmux(["send-keys", "-t", presenter.tmux.target] + step.keys)
            usleep(150_000)
            let p = try presenter.tmux.waitUntil("the presenter after \(step.what)") { !$0.isEmpty }
            let want = place(p)
            // On a town's page, its name (the English page prints the Chinese name too); the
            // breadcrumb at 80 columns may be cut before it.
            let town = want.depth == 2
                ? p[2].components(separatedBy: "› ").last?.split(separator: " ").first.map(String.init) : nil
            for (name, follower) in [("zh", zh), ("en", en)] {
                let seen = try follower.tmux.waitUntil("\(name) follower at the presenter's place after \(step.what): "
                                                       + "\(want), town \(town ?? "-")") { screen in
                    let got = place(screen)
                    return got.period == want.period && got.kind == want.kind
                        && (town.map { t in screen.prefix(4).contains { $0.contains(t) } } ?? true)
                }
                XCTAssertEqual(seen.count, 24, "drawn at its own size")
            }
            if step.what == "]" { XCTAssertEqual(want.period, "3/3", "the period moved on") }
        }
        try en.tmux.waitFor("filter: behind schedule")

        // The follower does not drive: its keys that move around are refused (the message saying
        // so lasts until the next action, the data poll's within a second: the unit test reads it).
        let kindBefore = place(try zh.tmux.capture()).kind
        try zh.tmux.send("Tab")
        usleep(400_000)
        XCTAssertEqual(place(try zh.tmux.capture()).kind, kindBefore, "the follower's Tab is refused")
        // So are its commands that move around (w9-room): `:period` and `:view` run nothing locally.
        let periodBefore = place(try zh.tmux.capture()).period
        for command in ["period 2015-08", "view 4"] {
            try zh.tmux.send(":")
            try zh.tmux.tmux(["send-keys", "-t", zh.tmux.target, "-l", command])
            try zh.tmux.send("Enter")
            usleep(400_000)
            let seen = place(try zh.tmux.capture())
            XCTAssertEqual(seen.period, periodBefore, "the follower's :\(command) is refused")
            XCTAssertEqual(seen.kind, kindBefore, "the follower's :\(command) is refused")
        }
        // f: browse alone; the presenter moves on; f again: back at its place.
        try en.tmux.send("f")
        try en.tmux.waitFor("browsing alone")
        try en.tmux.send("4")
        try en.tmux.waitUntil("the en follower alone on the assessment") { self.place($0).kind == "Assessment" }
        try presenter.tmux.send("2")
        try zh.tmux.waitUntil("the zh follower on the types") { self.place($0).kind == "Types" }
        XCTAssertEqual(place(try en.tmux.capture()).kind, "Assessment", "alone, not moved by the presenter")
        try en.tmux.send("f")
        try en.tmux.waitUntil("the en follower rejoined on the types") { self.place($0).kind == "Types" }

        // The presenter quits: followers say so and stay usable.
        try presenter.tmux.send("q")
        try zh.tmux.waitFor("会议已结束")
        try en.tmux.waitFor("meeting ended")
        try zh.tmux.send("3")
        try zh.tmux.waitUntil("the zh follower usable after the end") { self.place($0).kind == "Entities" }
        try zh.tmux.send("q")
        XCTAssertEqual(try zh.assertTerminalRestored("q after the meeting ended"), 0)
    }

    /// Both dashboards reload when the data changes, each on its own poll. Here the follower is
    /// stopped (as a hung SSH session leaves it) while the data changes and the presenter reloads
    /// and moves: continued, the follower first gets the presenter's update with the new data's
    /// fingerprint while it still shows the old data ("data differs"), then reloads the same files
    /// itself. It must then follow again and drop the warning without waiting for the presenter's
    /// next key (before wave 19 it stayed "data differs", the warning with it, until that key; and
    /// a presenter whose reload changed nothing else never sent the new fingerprint at all).
    func testAFollowerFollowsAgainWhenItsOwnDataReloads() throws {
        let data = folder + "/Data"
        try FileManager.default.copyItem(atPath: Paths.data, toPath: data)
        let presenter = try DashboardSession(label: "presentreload", width: 100, height: 30)
        defer { presenter.kill() }
        let follower = try DashboardSession(label: "followreload", width: 80, height: 24)
        defer { follower.kill() }
        func start(_ session: DashboardSession, _ args: [String]) throws {
            let words = [session.binary] + args + ["--data", data, "--themes", Paths.themes, "--config", "/dev/null"]
            try session.tmux.typeLine("TOWNS_MEETINGS=\(Paths.shellQuote(folder)) "
                                      + words.map(Paths.shellQuote).joined(separator: " "))
        }
        try start(presenter, ["present", "reload"])
        try presenter.tmux.waitFor("会议 reload：0 人跟随")
        try start(follower, ["follow", "reload", "--lang", "en"])
        try follower.tmux.waitFor("following ")
        try presenter.tmux.waitFor("会议 reload：1 人跟随")
        try presenter.tmux.send("2")
        try follower.tmux.waitUntil("the follower on the types") { self.place($0).kind == "Types" }

        // The follower stopped; another process edits the data (as in SessionEndToEndTests:
        // Haining's Jan-Sep figures); the presenter reloads and moves to the towns view.
        let pid = try follower.townsPID()
        XCTAssertEqual(kill(pid, SIGSTOP), 0)
        var stopped = true
        defer { if stopped { kill(pid, SIGCONT) } }
        let figures = URL(fileURLWithPath: data).appendingPathComponent("figures.toml")
        let text = try String(contentsOf: figures, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "value = 72.9\n", with: "value = 80.0\n")
            .replacingOccurrences(of: "value = 13.56\n", with: "value = 14.88\n")
        XCTAssertNotEqual(edited, text)
        try edited.write(to: figures, atomically: true, encoding: .utf8)
        try presenter.tmux.waitFor("数据已更新", timeout: 15)
        try presenter.tmux.send("1")
        usleep(300_000)
        XCTAssertEqual(kill(pid, SIGCONT), 0)
        stopped = false
        // Continued: the presenter's update, then (within its poll, a second) its own reload.
        let settled = try follower.tmux.waitUntil("the follower on the towns, its data agreeing again",
                                                  timeout: 10) { screen in
            self.place(screen).kind == "Towns" && !screen.contains { $0.contains("data differs") }
        }
        XCTAssertTrue(settled.contains { $0.contains("Haining") }, TmuxSession.show(settled))
        usleep(1_500_000)
        let later = try follower.tmux.capture()
        XCTAssertFalse(later.contains { $0.contains("data differs") }, TmuxSession.show(later))
        // And it follows the presenter's next move.
        try presenter.tmux.send("4")
        try follower.tmux.waitUntil("the follower on the assessment") { self.place($0).kind == "Assessment" }
        try presenter.tmux.send("q")
        try follower.tmux.waitFor("meeting ended")
        // (Not quit here: stopped and continued, the follower is a background job of its shell.)
    }

    /// A user outside the meeting's group (nobody) is refused: `towns follow` says so and exits 4.
    func testAFollowerOutsideTheGroupIsRefused() throws {
        let (prefix, reason) = asNobody()
        if let reason { throw XCTSkip(reason) }
        if prefix.isEmpty { throw XCTSkip("not root: cannot run a follower as another user here") }
        let presenter = try DashboardSession(label: "presentnobody", width: 120, height: 40)
        defer { presenter.kill() }
        try start(presenter, ["present", "closed"])
        try presenter.tmux.waitFor("会议 closed：0 人跟随")
        let binary = try Paths.townsBinary()
        // Data nobody can read (the checkout may be closed to it).
        let data = folder + "/Data"
        try FileManager.default.copyItem(atPath: Paths.data, toPath: data)
        _ = try runProcess("/bin/chmod", ["-R", "a+rX", data], timeout: 10)
        let r = try runProcess(prefix[0], Array(prefix.dropFirst()) + [binary, "follow", "closed", "--data", data],
                               environment: ["TOWNS_MEETINGS": folder, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"],
                               timeout: 20)
        XCTAssertEqual(r.status, 4, r.summary)
        XCTAssertTrue(r.stderr.contains("towns follow:"), r.summary)
        XCTAssertEqual(try presenter.tmux.capture().last?.contains("会议 closed：0 人跟随"), true, "nobody follows")
        try presenter.tmux.send("q")
        XCTAssertEqual(try presenter.assertTerminalRestored("q after a refused follower"), 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/closed.sock"), "the socket removed on quit")
    }
}

/// Faults and the wall screen, end to end.
final class MeetingFaultEndToEndTests: XCTestCase {
    /// A follower stopped (as Ctrl-Z or a hung SSH session leaves it) costs the presenter
    /// nothing: the presenter's keys are shown as at once; continued, the follower shows the
    /// presenter's latest place. `--cycle 2s` then steps the presenter (and the follower) through
    /// the playlist while no key is pressed.
    func testAStoppedFollowerCostsThePresenterNothingAndThePlaylistCycles() throws {
        let folder = try meetingsFolder("meetf")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let presenter = try DashboardSession(label: "presentstop", width: 120, height: 40)
        defer { presenter.kill() }
        let follower = try DashboardSession(label: "followstop", width: 80, height: 24)
        defer { follower.kill() }
        func start(_ s: DashboardSession, _ args: [String]) throws { try startTowns(s, args, meetingsIn: folder) }
        try start(presenter, ["present", "wall"])
        try presenter.tmux.waitFor("会议 wall：0 人跟随")
        try start(follower, ["follow", "wall"])
        try presenter.tmux.waitFor("会议 wall：1 人跟随")
        let pid = try follower.townsPID()
        XCTAssertEqual(kill(pid, SIGSTOP), 0)
        defer { kill(pid, SIGCONT) }
        // Every view in turn, each seen on the presenter's screen at once.
        for (key, crumb) in [("2", "类型"), ("3", "运营主体"), ("4", "考核"), ("5", "全省"), ("1", "小镇")] {
            let started = Date()
            try presenter.tmux.send(key)
            try presenter.tmux.waitUntil("the presenter on \(crumb)", timeout: 3) {
                $0.count > 2 && $0[2].hasPrefix(" " + crumb)
            }
            XCTAssertLessThan(Date().timeIntervalSince(started), 3)
        }
        try presenter.tmux.send("2")
        try presenter.tmux.waitUntil("the presenter on the types") { $0.count > 2 && $0[2].hasPrefix(" 类型") }
        XCTAssertEqual(kill(pid, SIGCONT), 0)
        try follower.tmux.waitUntil("the continued follower on the presenter's latest view") {
            $0.count > 2 && $0[2].hasPrefix(" 类型")
        }

        // The playlist: from the types view on to the assessment, then the towns, with no key pressed.
        try presenter.tmux.send(":")
        try presenter.tmux.typeLine("cycle 2s")
        try presenter.tmux.waitUntil("the playlist's next view (assessment)", timeout: 8) {
            $0.count > 2 && $0[2].hasPrefix(" 考核")
        }
        try follower.tmux.waitUntil("the follower on the assessment too") { $0.count > 2 && $0[2].hasPrefix(" 考核") }
        try presenter.tmux.waitUntil("the playlist's next view (towns)", timeout: 8) {
            $0.count > 2 && $0[2].hasPrefix(" 小镇")
        }
        try presenter.tmux.send(":")
        try presenter.tmux.typeLine("cycle off")
        try presenter.tmux.send("q")
        XCTAssertEqual(try presenter.assertTerminalRestored("q after cycling"), 0)
        try follower.tmux.waitFor("会议已结束")
    }
}
