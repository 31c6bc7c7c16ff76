import Foundation
import XCTest

/// A dashboard session of its own for each test, killed after it.
class DashboardSessionTestCase: XCTestCase {
    var session: DashboardSession!

    override func setUpWithError() throws {
        session = try DashboardSession(label: String(name.filter { $0.isLetter || $0.isNumber }.suffix(24)))
    }

    override func tearDown() {
        session?.kill()
        session = nil
    }
}

/// Issue 15 in a real terminal: `y` copies through OSC 52, which `capture-pane` cannot see
/// but tmux with `set-clipboard on` keeps as a paste buffer; the copy is also written to
/// `$XDG_STATE_HOME/towns/copied.txt` (w6-screens), named in the status.
final class KeyboardEndToEndTests: DashboardSessionTestCase {
    /// A state folder of the test's own, removed after it.
    var stateHome = ""

    override func setUpWithError() throws {
        try super.setUpWithError()
        stateHome = NSTemporaryDirectory() + "towns-e2e-state-\(UUID().uuidString)"
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: stateHome)
        super.tearDown()
    }

    /// Starts the dashboard with `prefix` (variables) and this test's state folder, on the towns view.
    func startTowns(_ prefix: String = "") throws {
        let words = [session.binary, "--data", Paths.data, "--themes", Paths.themes]
        try session.tmux.typeLine(prefix + "XDG_STATE_HOME=\(Paths.shellQuote(stateHome)) "
                                  + words.map(Paths.shellQuote).joined(separator: " "))
        _ = try session.tmux.waitFor("towns ·")
        try session.tmux.send("1")
        _ = try session.tmux.waitUntil("the towns view") { $0.count > 3 && $0[3].contains("完成率") }
    }

    var copiedFile: String { stateHome + "/towns/copied.txt" }

    func testCopyReachesTmuxsClipboardAsTabSeparatedRows() throws {
        let tmux = session.tmux
        XCTAssertEqual(try tmux.tmux(["set-option", "-s", "set-clipboard", "on"]).status, 0)
        try startTowns()
        try tmux.send("y")
        let screen = try tmux.waitFor("已把 5 行")
        XCTAssertFalse(screen.joined().contains("52;c;"), "the sequence is not drawn")
        let buffer = try tmux.tmux(["show-buffer"])
        XCTAssertEqual(buffer.status, 0, buffer.summary)
        let lines = buffer.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("小镇 Towns — 2015年1-9月"), "the title and period first: \(lines[0])")
        XCTAssertTrue(lines.contains { $0.hasPrefix("来源：paper: ") }, buffer.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("小镇\t县市区\t类型\t年计划") }, "header, tab-separated")
        XCTAssertTrue(lines.contains { $0.hasPrefix("海宁皮革时尚小镇\t海宁市\t1\t≈18.6\t") }, buffer.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("嘉善巧克力甜蜜小镇\t嘉善县\t") && $0.contains("\t—\t") },
                      "unknown stays —: \(buffer.stdout)")
        XCTAssertEqual(try String(contentsOfFile: copiedFile, encoding: .utf8), buffer.stdout,
                       "the file holds the same")
        // A town's page too.
        try tmux.send("Enter")
        _ = try tmux.waitFor("小镇 Towns › ")
        try tmux.send("y")
        _ = try tmux.waitFor("已把")
        let page = try tmux.tmux(["show-buffer"]).stdout
        XCTAssertTrue(page.hasPrefix("海宁皮革时尚小镇 — 2015年1-9月"), page)
        try tmux.send("q")
        _ = try session.waitForPrompt()
    }

    /// tmux's default `set-clipboard external` drops the sequence: the status says it was sent,
    /// not copied, and names the file that holds the table whatever the terminal did.
    func testUnderTmuxsDefaultTheStatusNamesTheFile() throws {
        let tmux = session.tmux
        try startTowns()
        try tmux.send("y")
        let screen = try tmux.waitFor("已把 5 行").joined(separator: "")
        XCTAssertFalse(screen.contains("已复制"), "never claims the copy arrived")
        XCTAssertTrue(screen.replacingOccurrences(of: " ", with: "").contains("towns/copied.txt"), screen)
        XCTAssertNotEqual(try tmux.tmux(["show-buffer"]).status, 0, "nothing arrived: tmux has no buffer")
        let file = try String(contentsOfFile: copiedFile, encoding: .utf8)
        XCTAssertTrue(file.hasPrefix("小镇 Towns — 2015年1-9月\n数据集："), file)
        XCTAssertTrue(file.contains("\n海宁皮革时尚小镇\t海宁市\t1\t≈18.6\t"), file)
        try tmux.send("q")
        _ = try session.waitForPrompt()
    }

    func testATerminalWithoutAClipboardSaysSoAndOffersTheExport() throws {
        let tmux = session.tmux
        XCTAssertEqual(try tmux.tmux(["set-option", "-s", "set-clipboard", "on"]).status, 0)
        try startTowns("TERM=linux ")
        try tmux.send("y")
        let screen = try tmux.waitFor("此终端无法接收复制（TERM=linux）；按 e 导出为文件")
        XCTAssertFalse(screen.joined().contains("已复制") || screen.joined().contains("已把"))
        XCTAssertNotEqual(try tmux.tmux(["show-buffer"]).status, 0, "nothing sent: tmux has no buffer")
        XCTAssertTrue(FileManager.default.fileExists(atPath: copiedFile), "the table is in the file all the same")
        try tmux.send("q")
        _ = try session.waitForPrompt(frameMayRemain: true)
    }
}
