import Foundation
import XCTest

/// The dashboard over the terminals staff use: TERM x theme (and locales), each run checked
/// for an aligned table, a visible behind-schedule marker, and a restored terminal.
final class TerminalMatrixTests: XCTestCase {
    static let towns = ["海宁皮革时尚小镇", "桐乡毛衫时尚小镇", "嘉善巧克力甜蜜小镇", "南湖基金小镇", "海盐核电小镇"]
    static let counties = ["海宁市", "桐乡市", "嘉善县", "南湖区", "海盐县"]

    /// Runs `towns` with `env` (e.g. TERM=screen) and `arguments`, switches to Jan-Sep, checks
    /// the table, quits, and checks the terminal.
    func runOnce(env: String, arguments: [String], label: String, noAlternateScreen: Bool = false) throws {
        let session = try DashboardSession(label: "matrix")
        defer { session.kill() }
        let words = [session.binary, "--data", Paths.data, "--themes", Paths.themes, "--view", "towns"] + arguments
        try session.tmux.typeLine("env \(env) " + words.map(Paths.shellQuote).joined(separator: " "))
        // --ascii: the title's separator and the hints' arrows in ASCII too.
        let ascii = arguments.contains("--ascii")
        _ = try session.tmux.waitUntil("\(label): first frame") { screen in
            (screen.first?.contains(ascii ? "towns - " : "towns ·") ?? false) && screen.contains { $0.contains("q 退出") }
        }
        let screen = try session.tmux.waitFor("2015年1-9月")  // the period it opens on
        let show = "\(label):\n" + TmuxSession.show(screen)
        if ascii {
            XCTAssertTrue(screen.last?.contains("U/D 移动") ?? false, show)
            XCTAssertFalse(screen.contains { $0.contains("·") || $0.contains("↑") || $0.contains("↓") }, show)
        }
        let rows = Self.towns.map { t in screen.first { $0.contains(t) } }
        XCTAssertTrue(rows.allSatisfy { $0 != nil }, "every town on screen: \(show)")
        let columns = zip(rows.compactMap { $0 }, Self.counties).map { DisplayColumns.column(of: $1, in: $0) }
        XCTAssertEqual(Set(columns).count, 1, "county column aligned: \(columns) \(show)")
        XCTAssertNotNil(columns.first ?? nil, show)
        let haining = rows[0] ?? ""
        XCTAssertTrue(haining.contains("▼") || haining.contains("-2.1v"), "behind-schedule marker on Haining (72.9% by September): \(show)")
        try session.tmux.send("q")
        let status = try session.assertTerminalRestored(label, frameMayRemain: noAlternateScreen)
        XCTAssertEqual(status, 0, label)
    }

    func testTermTimesTheme() throws {
        for term in ["xterm-256color", "screen", "screen-256color", "tmux-256color", "linux", "vt100", "putty"] {
            // putty's entry comes with Debian's ncurses-term, which README's set-up installs
            // (as .ci/run does); without it, say so rather than fail on a blank screen.
            let entry = try runProcess("/usr/bin/env", ["infocmp", term])
            guard entry.status == 0 else {
                XCTFail("no terminfo entry for \(term): install it as README's set-up says "
                        + "(apt-get install -y libncurses-dev tmux ncurses-term time)\n\(entry.summary)")
                continue
            }
            for theme in ["default", "light", "high-contrast", "monochrome"] {
                try runOnce(env: "TERM=\(term) LANG=C.UTF-8", arguments: ["--theme", theme], label: "TERM=\(term) theme=\(theme)",
                            noAlternateScreen: term == "linux" || term == "vt100")
            }
        }
    }

    func testNoColorAndASCII() throws {
        try runOnce(env: "TERM=xterm-256color LANG=C.UTF-8 NO_COLOR=1", arguments: [], label: "NO_COLOR")
        try runOnce(env: "TERM=xterm-256color LANG=C.UTF-8", arguments: ["--ascii"], label: "--ascii")
    }

    func testLocaleThatAsksForAMissingUTF8FallsBack() throws {
        try runOnce(env: "TERM=xterm-256color LANG=zh_CN.UTF-8", arguments: [], label: "LANG=zh_CN.UTF-8")
    }

    /// Terminals the dashboard cannot use: one line saying what to set, exit 3,
    /// and nothing left changed.
    func testUnusableLocaleOrTerminalSaysWhatToSet() throws {
        let binary = try Paths.townsBinary()
        // In the interface's language (w23-fid): Chinese by default under a UTF-8 locale, English with `--lang en`.
        let cases: [(env: [String: String], expect: String, words: String, lang: String?)] = [
            // LANG=C, POSIX and GB18030 open in ASCII and English now (LocaleEndToEndTests).
            (["TERM": "dumb", "LANG": "C.UTF-8"], "TERM=xterm-256color", "不能移动光标", nil),
            (["TERM": "dumb", "LANG": "C.UTF-8"], "TERM=xterm-256color", "cannot move the cursor", "en"),
            (["TERM": "xterm-kitty", "LANG": "C.UTF-8"], "xterm-kitty", "没有 TERM=xterm-kitty 的 terminfo 条目", nil),
            (["TERM": "xterm-kitty", "LANG": "C.UTF-8"], "xterm-kitty", "no terminfo entry", "en"),
            (["LANG": "C.UTF-8"], "TERM", "未设置 TERM", nil),
            (["LANG": "C.UTF-8"], "TERM", "TERM is not set", "en"),
        ]
        for c in cases {
            let session = try DashboardSession(label: "unusable")
            defer { session.kill() }
            var assignments = c.env.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
            if c.env["TERM"] == nil { assignments = "-u TERM " + assignments }
            let command = "env \(assignments) \(Paths.shellQuote(binary)) --data \(Paths.shellQuote(Paths.data))"
                + (c.lang.map { " --lang \($0)" } ?? "") + " 2>\(Paths.shellQuote(session.scratch.path))/err"
            try session.tmux.typeLine(command)
            let status = try session.assertTerminalRestored("\(c.env)", frameMayRemain: true)
            let err = (try? String(contentsOfFile: session.scratch.path + "/err", encoding: .utf8)) ?? ""
            XCTAssertEqual(status, 3, "\(c.env): \(err)")
            let lines = err.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, "one line: \(err)")
            XCTAssertTrue(err.contains(c.expect), "\(c.env): says what to set (\(c.expect)): \(err)")
            XCTAssertTrue(err.contains(c.words), "\(c.env) \(c.lang ?? "zh"): in the interface's language: \(err)")
            XCTAssertFalse(err.contains("\u{1B}"), "no escape sequence in the message")
        }
    }
}
