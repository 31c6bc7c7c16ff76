import Foundation
import XCTest

/// A fresh user's findings in the terminal and the meeting room, end to end in tmux: the light
/// theme's page colour, derived values on 8 colours, pastes, and a presenter ended by a signal
/// or joined by a user outside its group.
final class RoomEndToEndTests: XCTestCase {
    /// Starts `towns ARGS` in `session` under `TERM=term` (light theme unless `args` say) and
    /// waits for the first frame.
    func start(_ session: DashboardSession, term: String, _ args: [String] = ["--theme", "light"],
               prefix: String = "") throws {
        let words = [session.binary, "--data", Paths.data, "--themes", Paths.themes, "--config", "/dev/null"] + args
        try session.tmux.typeLine(prefix + "env TERM=\(term) LANG=C.UTF-8 "
                                  + words.map(Paths.shellQuote).joined(separator: " "))
        try session.tmux.waitUntil("TERM=\(term): the first frame") { $0.first?.contains("towns ·") ?? false }
    }

    func cells(_ session: DashboardSession) throws -> [[ThemeContrastTests.Cell]] {
        let r = try session.tmux.tmux(["capture-pane", "-e", "-N", "-p", "-t", session.tmux.target])
        var lines = r.stdout.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return ThemeContrastTests.cells(lines)
    }

    /// The background colours under which `bytes` erase (EL `ESC[K`, ED `ESC[J`, ECH `ESC[nX`),
    /// with the SGR state carried as a terminal carries it.
    static func eraseBackgrounds(_ bytes: Data) -> [Int?] {
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        var fg: Int?, bg: Int?, bold = false, reverse = false
        var found: [Int?] = []
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "\u{1B}", i + 1 < scalars.count, scalars[i + 1] == "[" else { i += 1; continue }
            var j = i + 2
            var body = ""
            while j < scalars.count, !(0x40...0x7E).contains(scalars[j].value) {
                body.unicodeScalars.append(scalars[j])
                j += 1
            }
            if j < scalars.count {
                switch scalars[j] {
                case "m": ThemeContrastTests.apply(body, &fg, &bg, &bold, &reverse)
                case "K", "J", "X": found.append(bg)
                default: break
                }
            }
            i = j + 1
        }
        return found
    }

    /// The light theme sets the page colour once: on a terminal that erases in the current
    /// background (`bce`: xterm, xterm-256color) every erase is sent in the page's colour (a
    /// repaint, a line's end, the rest of the screen); on one without (tmux-256color, screen)
    /// every cell, the blank rows' too, is written in it. 256 and 8 colours.
    func testTheLightThemesPageColourCoversEveryCell() throws {
        // (TERM, the page's background as the terminal gets it, whether the entry has bce)
        for (term, page, bce) in [("xterm-256color", 231, true), ("xterm", 7, true),
                                  ("tmux-256color", 231, false), ("screen", 7, false)] {
            let session = try DashboardSession(label: "page")
            defer { session.kill() }
            try start(session, term: term)
            let log = session.scratch.appendingPathComponent("out.bin").path
            try session.tmux.tmux(["pipe-pane", "-o", "-t", session.tmux.target, "cat > " + Paths.shellQuote(log)])
            // A repaint (Ctrl-L), then a view with short rows and blank lines below them.
            try session.tmux.send("C-l")
            usleep(300_000)
            try session.tmux.send("2")
            try session.tmux.waitFor("创意设计")
            usleep(300_000)
            try session.tmux.tmux(["pipe-pane", "-t", session.tmux.target])
            let bytes = try Data(contentsOf: URL(fileURLWithPath: log))
            XCTAssertGreaterThan(bytes.count, 500, "TERM=\(term): the repaint was recorded")
            if bce {
                // Erased in a colour of the screen's (the page's, or the title's at its line's end),
                // never in the terminal's own.
                let erases = Self.eraseBackgrounds(bytes)
                XCTAssertFalse(erases.isEmpty, "TERM=\(term): ncurses erases on a bce terminal")
                XCTAssertFalse(erases.contains(nil), "TERM=\(term): \(erases.filter { $0 == nil }.count) of "
                               + "\(erases.count) erases in the terminal's own background")
                XCTAssertTrue(erases.contains(page), "TERM=\(term): the page's blanks erased in \(page)")
            } else {
                // Every cell is written, the blank rows' too, each on a colour of the theme.
                let rows = try cells(session)
                for (y, row) in rows.enumerated() {
                    let columns = row.reduce(0) { $0 + DisplayColumns.width(String($1.character)) }
                    XCTAssertEqual(columns, 100, "TERM=\(term) row \(y): every cell written")
                    let own = row.filter { $0.background == nil }
                    XCTAssertTrue(own.isEmpty, "TERM=\(term) row \(y): \(own.count) cells on the terminal's own background")
                }
                XCTAssertEqual(rows[15].map(\.background), Array(repeating: page, count: 100), "a blank row on the page")
            }
            try session.tmux.send("q")
            XCTAssertEqual(try session.assertTerminalRestored("TERM=\(term) q"), 0)
        }
    }

    /// On 8 colours (`TERM=xterm`) the light theme's derived `≈` values are not in the colour of
    /// behind (`▼`) and the warnings.
    func testDerivedValuesHaveAColourOfTheirOwnOnEightColours() throws {
        let session = try DashboardSession(label: "derived8")
        defer { session.kill() }
        try start(session, term: "xterm")
        try session.tmux.send("1")
        try session.tmux.waitFor("海宁皮革时尚小镇")
        usleep(200_000)
        let rows = try cells(session)
        // The first town's row is selected (its own colours): the rows below it.
        // A value a check casts doubt on (the city's ≈+12.1!) is drawn as a warning, as 42.5%! is: left out.
        func colours(of mark: Character) -> Set<Int> {
            Set(rows.dropFirst(5).dropLast(2).flatMap { row in
                row.indices.filter { i in
                    row[i].character == mark
                        && !row[i...].prefix { $0.character != " " }.contains { $0.character == "!" }
                }.map { row[$0] }
            }.compactMap(\.foreground))
        }
        let derived = colours(of: "≈"), behind = colours(of: "▼")
        XCTAssertFalse(derived.isEmpty, "derived values on screen")
        XCTAssertFalse(behind.isEmpty, "towns behind on screen")
        XCTAssertTrue(derived.isDisjoint(with: behind), "derived \(derived) drawn as behind \(behind)")
        XCTAssertEqual(derived, [4], "blue on 8 colours")
        try session.tmux.send("q")
        XCTAssertEqual(try session.assertTerminalRestored("q"), 0)
    }

    /// A paste outside a prompt runs nothing ("pasted" as keys would move a period with p and
    /// write an export with e); into the search it is typed on one line. After q, and after a
    /// SIGTERM, the shell gets plain pastes again (bracketed paste off).
    func testAPasteIsTextNotKeys() throws {
        let session = try DashboardSession(label: "paste")
        defer { session.kill() }
        try session.tmux.typeLine("cd " + Paths.shellQuote(session.scratch.path))
        try start(session, term: "xterm-256color", [])
        try session.tmux.send("1")
        let before = try session.tmux.waitFor("海宁皮革时尚小镇")
        func paste(_ text: String) throws {
            try session.tmux.tmux(["set-buffer", "--", text])
            try session.tmux.tmux(["paste-buffer", "-p", "-t", session.tmux.target])
        }
        try paste("pasted")
        let after = try session.tmux.waitFor("已忽略粘贴（6 个字符）")
        XCTAssertEqual(after.first, before.first, "the period did not move")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: session.scratch.path)
                        .filter { $0.hasSuffix(".csv") }, [], "no export written")
        try session.tmux.send("/")
        try paste("hai\nning\n")
        try session.tmux.waitFor("/hai ning")
        try session.tmux.send("Escape", "q")
        XCTAssertEqual(try session.assertTerminalRestored("q after pastes"), 0)
        try assertPlainPaste(session, "after q")

        try start(session, term: "xterm-256color", [])
        let pid = try session.townsPID()
        kill(pid, SIGTERM)
        XCTAssertEqual(try session.assertTerminalRestored("SIGTERM"), 128 + SIGTERM)
        try assertPlainPaste(session, "after SIGTERM")
    }

    /// Pastes into `cat -v` at the shell: the text only, no `ESC [200~` around it.
    func assertPlainPaste(_ session: DashboardSession, _ context: String) throws {
        try session.tmux.typeLine("cat -v")
        usleep(200_000)
        try session.tmux.tmux(["set-buffer", "--", "plainpaste"])
        try session.tmux.tmux(["paste-buffer", "-p", "-t", session.tmux.target])
        try session.tmux.send("Enter")
        let screen = try session.tmux.waitUntil("\(context): the paste echoed by cat -v") { screen in
            screen.filter { $0.contains("plainpaste") }.count >= 2
        }
        XCTAssertFalse(screen.contains { $0.contains("[200~") }, "\(context): bracketed paste left on:\n"
                       + TmuxSession.show(screen))
        try session.tmux.send("C-d")
        try session.waitForPrompt(frameMayRemain: true)
    }
}

/// A presenter ended by a signal, and a user outside the meeting's group, end to end.
final class RoomMeetingEndToEndTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("towns-e2e-room-\(getpid())-"
            + UUID().uuidString.prefix(6)).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, 0o755)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func start(_ session: DashboardSession, _ args: [String]) throws {
        let words = [session.binary] + args + ["--data", Paths.data, "--themes", Paths.themes, "--config", "/dev/null"]
        try session.tmux.typeLine("TOWNS_MEETINGS=\(Paths.shellQuote(folder)) "
                                  + words.map(Paths.shellQuote).joined(separator: " "))
    }

    /// SIGTERM and SIGHUP end a presenter as `q` does: its socket and description are removed,
    /// the follower says the meeting ended (not that the connection was lost), and the
    /// presenter's exit status is the signal's.
    func testAPresenterEndedBySignalEndsTheMeeting() throws {
        for signal in [SIGTERM, SIGHUP] {
            let presenter = try DashboardSession(label: "sigpresent")
            defer { presenter.kill() }
            let follower = try DashboardSession(label: "sigfollow")
            defer { follower.kill() }
            try start(presenter, ["present", "demo"])
            try presenter.tmux.waitFor("会议 demo：0 人跟随")
            try start(follower, ["follow", "demo", "--lang", "en"])
            try follower.tmux.waitFor("following root")
            try presenter.tmux.waitFor("会议 demo：1 人跟随")
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/demo.sock"))
            kill(try presenter.townsPID(), signal)
            XCTAssertEqual(try presenter.assertTerminalRestored("signal \(signal)"), 128 + signal)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [],
                           "signal \(signal): NAME.sock and NAME.json removed")
            let screen = try follower.tmux.waitFor("meeting ended")
            XCTAssertFalse(screen.contains { $0.contains("connection lost") }, TmuxSession.show(screen))
            try follower.tmux.send("q")
            XCTAssertEqual(try follower.assertTerminalRestored("the follower's q"), 0)
        }
    }

    /// On a town's page the follower shows the presenter's heading at its top, at 80x24 in
    /// English where the presenter's is at 120x40 in Chinese: the page wraps onto other lines, so
    /// the presenter's line number would show another line.
    func testAFollowerOnAPageShowsThePresentersHeading() throws {
        let presenter = try DashboardSession(label: "anchorp", width: 120, height: 40)
        defer { presenter.kill() }
        let follower = try DashboardSession(label: "anchorf", width: 80, height: 24)
        defer { follower.kill() }
        try start(presenter, ["present", "demo"])
        try presenter.tmux.waitFor("会议 demo：0 人跟随")
        try start(follower, ["follow", "demo", "--lang", "en"])
        try follower.tmux.waitFor("following root")
        try presenter.tmux.send("1")
        try presenter.tmux.waitFor("县市区")
        try presenter.tmux.send("Enter")
        try presenter.tmux.waitFor("Haining Leather Fashion Town")
        func top(_ screen: [String]) -> String { screen.count > 3 ? screen[3].trimmingCharacters(in: .whitespaces) : "" }
        // The period's heading (its name alone), not the history table's row of that period (its figures after).
        func heading(_ screen: [String]) -> Bool { top(screen) == "2015年1-8月" }
        var presses = 0
        var screen = try presenter.tmux.capture()
        while !heading(screen), presses < 80 {
            // One line at a time: the next j only once the page moved (its position on row 2).
            let position = screen.count > 2 ? screen[2] : ""
            try presenter.tmux.send("j")
            presses += 1
            screen = try presenter.tmux.waitUntil("the page scrolled") { $0.count > 2 && $0[2] != position }
        }
        let shown = try presenter.tmux.waitUntil("the presenter's heading at the top", heading)
        let followed = try follower.tmux.waitUntil("the follower's top line: the same heading, in English") {
            top($0).hasPrefix("2015 Jan-Aug") && $0.count > 4 && $0[4].trimmingCharacters(in: .whitespaces).hasPrefix("Completed")
        }
        XCTAssertNotEqual(followed[2].split(separator: " ").last, shown[2].split(separator: " ").last,
                          "the pages' line numbers differ (\(shown[2]) / \(followed[2]))")
        try follower.tmux.send("q")
        XCTAssertEqual(try follower.assertTerminalRestored("the follower's q"), 0)
        try presenter.tmux.send("q")
        XCTAssertEqual(try presenter.assertTerminalRestored("the presenter's q"), 0)
    }

    /// A user outside the meeting's group is told so, naming the group: when the meetings folder
    /// is closed to it (mode 0750, as the default folders are), and when only the socket is.
    func testAUserOutsideTheGroupIsToldItIsNotPermitted() throws {
        let (prefix, reason) = asNobody()
        if let reason { throw XCTSkip(reason) }
        if prefix.isEmpty { throw XCTSkip("not root: cannot run a follower as another user here") }
        let presenter = try DashboardSession(label: "permit", width: 120, height: 40)
        defer { presenter.kill() }
        try start(presenter, ["present", "demo"])
        try presenter.tmux.waitFor("会议 demo：0 人跟随")
        let data = folder + "-data"
        try FileManager.default.copyItem(atPath: Paths.data, toPath: data)
        defer { try? FileManager.default.removeItem(atPath: data) }
        _ = try runProcess("/bin/chmod", ["-R", "a+rX", data], timeout: 10)
        let group = try XCTUnwrap(getgrgid(getegid()).map { String(cString: $0.pointee.gr_name) })
        func follow() throws -> ProcessResult {
            try runProcess(prefix[0], Array(prefix.dropFirst()) + [try Paths.townsBinary(), "follow", "demo",
                                                                  "--data", data, "--lang", "en"],
                           environment: ["TOWNS_MEETINGS": folder, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"],
                           timeout: 20)
        }
        chmod(folder, 0o750)
        let closed = try follow()
        XCTAssertEqual(closed.status, 4, closed.summary)
        XCTAssertTrue(closed.stderr.contains("not permitted to see meeting 'demo'")
                      && closed.stderr.contains("open only to group \(group)"), closed.summary)
        XCTAssertFalse(closed.stderr.contains("no meeting named"), closed.summary)
        let listed = try runProcess(prefix[0], Array(prefix.dropFirst()) + [try Paths.townsBinary(), "meetings", "--lang", "en"],
                                    environment: ["TOWNS_MEETINGS": folder, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"],
                                    timeout: 20)
        XCTAssertEqual(listed.status, 0, listed.summary)
        XCTAssertTrue(listed.stdout.contains("is open only to group \(group) (you are not in it)"), listed.summary)
        chmod(folder, 0o755)
        let socket = try follow()
        XCTAssertEqual(socket.status, 4, socket.summary)
        XCTAssertTrue(socket.stderr.contains("not permitted to join meeting 'demo': only members of group \(group)"),
                      socket.summary)
        try presenter.tmux.send("q")
        XCTAssertEqual(try presenter.assertTerminalRestored("q"), 0)
    }
}
