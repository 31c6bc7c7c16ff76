import Foundation
import XCTest

/// Under `COLORTERM=truecolor` with a TERM of 8 colours (`xterm`) the first frame says what to
/// set, in the language it opens in (it was English only), and `L` rewords it.
final class W33ColortermEndToEndTests: XCTestCase {
    func testTheColortermNoticeFollowsTheLanguage() throws {
        let session = try DashboardSession(label: "w33colorterm")
        defer { session.kill() }
        let words = [session.binary, "--data", Paths.data, "--themes", Paths.themes, "--view", "towns"]
        try session.tmux.typeLine("env TERM=xterm COLORTERM=truecolor "
                                  + words.map(Paths.shellQuote).joined(separator: " "))
        let zh = try session.tmux.waitFor("COLORTERM=truecolor，但 TERM=xterm 只有 8 色")
        XCTAssertFalse(zh.contains { $0.contains("has 8 colours") }, TmuxSession.show(zh))
        try session.tmux.send("L")
        let en = try session.tmux.waitFor("COLORTERM=truecolor but TERM=xterm has 8 colours")
        XCTAssertFalse(en.contains { $0.contains("只有 8 色") }, TmuxSession.show(en))
        try session.tmux.send("q")
        XCTAssertEqual(try session.assertTerminalRestored("COLORTERM notice"), 0)
    }
}
