import Foundation
import XCTest

/// Issue 15 in a real terminal: `y` copies through OSC 52, which `capture-pane` cannot see
/// but tmux with `set-clipboard on` keeps as a paste buffer.
final class KeyboardEndToEndTests: XCTestCase {
    var session: DashboardSession!

    override func setUpWithError() throws {
        session = try DashboardSession(label: String(name.filter { $0.isLetter || $0.isNumber }.suffix(24)))
    }

    override func tearDown() {
        session?.kill()
        session = nil
    }

    func testCopyReachesTmuxsClipboardAsTabSeparatedRows() throws {
        let tmux = session.tmux
        XCTAssertEqual(try tmux.tmux(["set-option", "-s", "set-clipboard", "on"]).status, 0)
        try session.start()
        try tmux.send("y")
        let screen = try tmux.waitFor("已复制 5 行")
        XCTAssertFalse(screen.joined().contains("52;c;"), "the sequence is not drawn")
        let buffer = try tmux.tmux(["show-buffer"])
        XCTAssertEqual(buffer.status, 0, buffer.summary)
        let lines = buffer.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("小镇\t县市区\t类型\t年计划"), "header, tab-separated: \(lines[0])")
        XCTAssertTrue(lines.contains { $0.hasPrefix("海宁皮革时尚小镇\t海宁市\t1\t≈18.60") }, buffer.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("嘉善巧克力甜蜜小镇\t嘉善县\t") && $0.contains("\t—\t") },
                      "unknown stays —: \(buffer.stdout)")
        // A town's page too.
        try tmux.send("Enter")
        _ = try tmux.waitFor("小镇 Towns › ")
        try tmux.send("y")
        _ = try tmux.waitFor("已复制")
        let page = try tmux.tmux(["show-buffer"]).stdout
        XCTAssertTrue(page.hasPrefix("海宁皮革时尚小镇"), page)
        try tmux.send("q")
        _ = try session.waitForPrompt()
    }

    func testATerminalWithoutAClipboardSaysSoAndOffersTheExport() throws {
        let tmux = session.tmux
        XCTAssertEqual(try tmux.tmux(["set-option", "-s", "set-clipboard", "on"]).status, 0)
        let words = [session.binary, "--data", Paths.data, "--themes", Paths.themes]
        try tmux.typeLine("TERM=linux " + words.map(Paths.shellQuote).joined(separator: " "))
        _ = try tmux.waitFor("towns ·")
        try tmux.send("y")
        let screen = try tmux.waitFor("此终端无法接收复制（TERM=linux）；按 e 导出为文件")
        XCTAssertFalse(screen.joined().contains("已复制"))
        XCTAssertNotEqual(try tmux.tmux(["show-buffer"]).status, 0, "nothing sent: tmux has no buffer")
        try tmux.send("q")
        _ = try session.waitForPrompt(frameMayRemain: true)
    }
}
