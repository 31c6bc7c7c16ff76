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

    /// The session's tmux.
    var tmux: TmuxSession { session.tmux }
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
        XCTAssertTrue(lines[0].hasPrefix("小镇 — 2015年1-9月"), "the title and period first: \(lines[0])")
        XCTAssertTrue(lines.contains { $0.hasPrefix("来源：paper: ") }, buffer.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("小镇\t县市区\t类型\t年计划") }, "header, tab-separated")
        XCTAssertTrue(lines.contains { $0.hasPrefix("海宁皮革时尚小镇\t海宁市\t1\t≈18.6\t") }, buffer.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("嘉善巧克力甜蜜小镇\t嘉善县\t") && $0.contains("\t—\t") },
                      "unknown stays —: \(buffer.stdout)")
        XCTAssertEqual(try String(contentsOfFile: copiedFile, encoding: .utf8), buffer.stdout,
                       "the file holds the same")
        // A town's page too.
        try tmux.send("Enter")
        _ = try tmux.waitFor("小镇 › ")
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
        // The message takes one line (wave 20): the file named there where it fits, else in the
        // log the line points to (`:messages`, `M`).
        if !screen.replacingOccurrences(of: " ", with: "").contains("towns/copied.txt") {
            XCTAssertTrue(screen.contains("（全文见 :messages）"), screen)
            try tmux.send("M")
            let log = try tmux.waitFor("本次会话的状态消息").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
            XCTAssertTrue(log.contains("已把 5 行") && log.contains("towns/copied.txt"), log)
            try tmux.send("Escape")
        }
        XCTAssertNotEqual(try tmux.tmux(["show-buffer"]).status, 0, "nothing arrived: tmux has no buffer")
        let file = try String(contentsOfFile: copiedFile, encoding: .utf8)
        XCTAssertTrue(file.hasPrefix("小镇 — 2015年1-9月\n数据集："), file)
        XCTAssertTrue(file.contains("\n海宁皮革时尚小镇\t海宁市\t1\t≈18.6\t"), file)
        try tmux.send("q")
        _ = try session.waitForPrompt()
    }

    func testATerminalWithoutAClipboardSaysSoAndOffersTheExport() throws {
        let tmux = session.tmux
        XCTAssertEqual(try tmux.tmux(["set-option", "-s", "set-clipboard", "on"]).status, 0)
        try startTowns("TERM=linux ")
        try tmux.send("y")
        let screen = try tmux.waitFor("此终端无法接收复制（TERM=linux）：表格已存入")
        XCTAssertFalse(screen.joined().contains("已复制") || screen.joined().contains("已把"))
        XCTAssertFalse(screen.joined().contains("若未收到"), "nothing was sent: the table is in the file, not 'also'")
        XCTAssertNotEqual(try tmux.tmux(["show-buffer"]).status, 0, "nothing sent: tmux has no buffer")
        XCTAssertTrue(FileManager.default.fileExists(atPath: copiedFile), "the table is in the file all the same")
        try tmux.send("q")
        _ = try session.waitForPrompt(frameMayRemain: true)
    }
}

/// `towns --resume` and `--view --period --town` in a real terminal.
final class ResumeEndToEndTests: DashboardSessionTestCase {
    func run(_ arguments: [String]) throws {
        let words = [session.binary, "--data", Paths.data, "--themes", Paths.themes] + arguments
        try session.tmux.typeLine("XDG_STATE_HOME=" + Paths.shellQuote(session.scratch.path) + " "
                                  + words.map(Paths.shellQuote).joined(separator: " "))
        _ = try session.tmux.waitFor("towns ·")
    }

    func testResumeReopensTheLastSessionAndIgnoresABrokenOrForeignFile() throws {
        let tmux = session.tmux
        let file = session.scratch.appendingPathComponent("towns/session.json")
        try run(["--view", "types", "--period", "2015-08"])
        var screen = try tmux.waitFor("2015年1-8月")
        XCTAssertTrue(screen[2].contains("类型"), TmuxSession.show(screen))
        try tmux.send("Enter")
        _ = try tmux.waitFor("类型 › ")
        try tmux.send("L")
        _ = try tmux.waitFor("Types › ")
        try tmux.send("q")
        _ = try session.waitForPrompt()
        XCTAssertTrue(FileManager.default.fileExists(atPath: file.path), "saved on quit")
        let good = try Data(contentsOf: file)
        try run(["--resume"])
        screen = try tmux.waitFor("2015 Jan-Aug")
        XCTAssertTrue(screen[2].contains("Types › "), "the same page, in English: \(TmuxSession.show(screen))")
        try tmux.send("q")
        _ = try session.waitForPrompt()
        // A broken file: a notice, the dashboard opens as usual.
        try "{ not json".write(to: file, atomically: true, encoding: .utf8)
        try run(["--resume"])
        _ = try tmux.waitFor("保存的会话读不出，未用")  // in the language it opens in (wave 12)
        try tmux.send("q")
        _ = try session.waitForPrompt()
        // Another dataset's session.
        var foreign = try XCTUnwrap(try JSONSerialization.jsonObject(with: good) as? [String: Any])
        foreign["data"] = "/elsewhere/Data"
        try JSONSerialization.data(withJSONObject: foreign).write(to: file)
        try run(["--resume"])
        _ = try tmux.waitFor("属于另一份数据（/elsewhere/Data），未用")
        try tmux.send("q")
        _ = try session.waitForPrompt()
        // --town opens a page.
        try run(["--town", "haiyan"])
        _ = try tmux.waitFor("小镇 › 海盐核电小镇")
        try tmux.send("q")
        _ = try session.waitForPrompt()
    }
}

/// Issue 15 point 9: any server's locale, and the real terminal size.
final class LocaleEndToEndTests: XCTestCase {
    func testNonUTF8LocalesOpenInASCIIAndEnglishWithANotice() throws {
        let cases: [(lang: String, says: String)] = [
            // Whole at 80 columns since wave 29 (the C locale's codeset `ANSI_X3.4-1968` no longer named).
            // The advice first since wave 34.
            ("C", "for Chinese set LANG=zh_CN.UTF-8 (LANG=C is not UTF-8: ASCII and English)"),
            ("POSIX", "for Chinese set LANG=zh_CN.UTF-8 (LANG=POSIX is not UTF-8: ASCII and English)"),
            ("zh_CN.GB18030", "for Chinese set LANG=C.UTF-8 (LANG=zh_CN.GB18030 is not UTF-8: ASCII, English)"),
        ]
        for c in cases {
            let session = try DashboardSession(label: "locale")
            defer { session.kill() }
            let words = [session.binary, "--data", Paths.data, "--themes", Paths.themes]
            try session.tmux.typeLine("env LANG=\(c.lang) " + words.map(Paths.shellQuote).joined(separator: " "))
            let screen = try session.tmux.waitUntil("the first frame under LANG=\(c.lang)") { s in
                (s.first?.contains("towns") ?? false) && s.contains { $0.contains("is not UTF-8") }
            }
            let show = TmuxSession.show(screen)
            // One line (wave 20): whole where it fits, else its start and the pointer to `:messages`.
            XCTAssertTrue(screen.contains { $0.contains(c.says) || ($0.contains("(whole in :messages)")
                                                                 && $0.contains("LANG=\(c.lang)") && $0.contains("is not UTF-8")) },
                          "the notice names the variable: \(show)")
            XCTAssertTrue(screen.contains { $0.contains("Haining Leather Fashion Town") }, "English names: \(show)")
            XCTAssertTrue(screen.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }, "ASCII only: \(show)")
            // The interface's quotes in ASCII, and Chinese the terminal cannot show as ?, one a
            // cell (ncurses would write its bytes as junk: " a D n" for 海宁皮革时尚小镇), where it cannot be
            // left out (a quote); a name beside its English one is left out.
            try session.tmux.send("1")
            let towns = try session.tmux.waitFor("projects in total")
            XCTAssertTrue(towns.contains { $0.contains("(one reading of the paper's \"30 projects in total\")") },
                          TmuxSession.show(towns))
            try session.tmux.send("Enter")
            let page = try session.tmux.waitFor("Towns > Haining Leather Fashion Town")
            // The heading leaves out the Chinese name it cannot draw (wave 43; it was `????????????????`).
            XCTAssertTrue(page.contains { $0.hasPrefix(" Haining Leather Fashion Town") && !$0.contains("?") },
                          TmuxSession.show(page))
            XCTAssertTrue(page.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }, TmuxSession.show(page))
            try session.tmux.send("q")
            XCTAssertEqual(try session.assertTerminalRestored("LANG=\(c.lang)"), 0)
        }
    }

    func testExportedColumnsAndLinesDoNotOverrideTheTerminalsSize() throws {
        let session = try DashboardSession(label: "columns")
        defer { session.kill() }
        try session.tmux.typeLine("export COLUMNS=40 LINES=10")
        let screen = try session.start()
        XCTAssertEqual(screen.count, 30, TmuxSession.show(screen))
        XCTAssertTrue(screen[29].contains("q 退出"), "hints on the real last row: \(TmuxSession.show(screen))")
        XCTAssertTrue(screen[0].contains("期间 ["), "the title across 100 columns: \(screen[0])")
        try session.tmux.send("q")
        XCTAssertEqual(try session.assertTerminalRestored("COLUMNS=40 LINES=10"), 0)
    }
}

/// Issue 15 point 6, in part: an ASCII export never writes unknown as `-`; its name says the filter.
final class ExportNameEndToEndTests: DashboardSessionTestCase {
    func testAnASCIIExportWritesUnknownAsNAAndNamesViewPeriodAndFilter() throws {
        let tmux = session.tmux
        let words = [session.binary, "--data", Paths.data, "--themes", Paths.themes, "--ascii", "--filter", "type 2", "--view", "towns"]
        try tmux.typeLine("TOWNS_EXPORT_DIR=" + Paths.shellQuote(session.scratch.path) + " "
                          + words.map(Paths.shellQuote).joined(separator: " "))
        _ = try tmux.waitFor("towns")
        try tmux.send("e")
        _ = try tmux.waitFor("已导出")
        let files = try FileManager.default.contentsOfDirectory(atPath: session.scratch.path).filter { $0.hasSuffix(".csv") }
        XCTAssertEqual(files.count, 1, "\(files)")
        let name = try XCTUnwrap(files.first)
        XCTAssertTrue(name.hasPrefix("towns-towns-2015-09-type-2-"), name)
        let csv = try String(contentsOfFile: session.scratch.path + "/" + name, encoding: .utf8)
        let fields = csv.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" }).flatMap { $0.split(separator: ",") }
        XCTAssertFalse(fields.contains("-"), "no lone - (a spreadsheet reads zero): \(csv)")
        XCTAssertTrue(fields.contains("NA"), "unknown as NA: \(csv)")
        XCTAssertTrue(csv.hasPrefix("小镇,") || csv.hasPrefix("\u{FEFF}小镇,"), "one header row, then the table: \(csv)")
        // What the CSV has no room for, beside it: title, dataset, period, unit, filter, sort,
        // markers (unknown as NA), sources.
        let metaPath = session.scratch.path + "/" + name.dropLast(4) + ".meta.txt"
        let meta = try String(contentsOfFile: metaPath, encoding: .utf8)
        let lines = meta.components(separatedBy: "\n")
        // An ASCII export: the title's dash as `--` (never a lone `-`).
        XCTAssertEqual(lines[0], "小镇 -- 2015年1-9月", meta)
        XCTAssertTrue(lines[1].hasPrefix("数据集：嘉兴市首批省级特色小镇（2015）"), meta)
        XCTAssertEqual(Array(lines[2...5]), ["期间：2015年1-9月 (2015-09)", "单位：亿元", "筛选：类型 2", "排序：数据原顺序"])
        XCTAssertTrue(lines.contains("NA  未知：没有来源给出（不是 0）"), meta)
        XCTAssertTrue(lines.contains("来源："), meta)
        try tmux.send("q")
        _ = try session.waitForPrompt()
    }

    func testAMarkdownExportOpensWithItsFilterAndSort() throws {
        let tmux = session.tmux
        let words = [session.binary, "--data", Paths.data, "--themes", Paths.themes, "--filter", "type 1", "--view", "towns"]
        try tmux.typeLine(words.map(Paths.shellQuote).joined(separator: " "))
        _ = try tmux.waitFor("towns ·")
        try tmux.send(">")
        try tmux.send("8")
        _ = try tmux.waitFor("进度差↓")
        let out = session.scratch.appendingPathComponent("view.md").path
        try tmux.send(":")
        try tmux.typeLine("export md " + out)
        _ = try tmux.waitFor("已导出")
        let md = try String(contentsOfFile: out, encoding: .utf8)
        let lines = md.components(separatedBy: "\n")
        XCTAssertEqual(lines[0], "**小镇 — 2015年1-9月**", md)
        XCTAssertEqual(Array(lines[3...6]), ["- 期间：2015年1-9月 (2015-09)", "- 单位：亿元", "- 筛选：类型 1",
                                             "- 排序：进度差 从大到小"], md)
        // It ends with the markers it uses and the sources it cites.
        let end = lines.drop { $0 != "**标记：**" }
        XCTAssertTrue(end.contains { $0.hasPrefix("- ▼  落后") }, md)
        XCTAssertTrue(end.contains("**来源：**"), md)
        XCTAssertTrue(end.contains { $0.hasPrefix("- paper: ") && $0.contains("figures.toml:") }, md)
        // A town's page exports too (`e`: text), named by the town.
        try tmux.send("Enter")
        _ = try tmux.waitFor("›")
        try tmux.send(":")
        let page = session.scratch.appendingPathComponent("page.txt").path
        try tmux.typeLine("export text " + page)
        _ = try tmux.waitFor("已导出")
        let text = try String(contentsOfFile: page, encoding: .utf8)
        // (The first row sorted by schedule variance, largest first: Tongxiang, +17.7.)
        XCTAssertTrue(text.hasPrefix("桐乡毛衫时尚小镇 — 2015年1-9月\n数据集："), text)
        XCTAssertTrue(text.contains("\n来源\n") && text.contains("\n标记：\n"), text)
        try tmux.send("q")
        _ = try session.waitForPrompt()
    }

    func testReportWritesATownsPageAndACSVsFrameBesideIt() throws {
        let binary = session.binary
        let out = session.scratch.appendingPathComponent("t.csv").path
        let r = try runProcess(binary, ["report", "--data", Paths.data, "--format", "csv", "--output", out, "--meta"])
        XCTAssertEqual(r.status, 0, r.summary)
        let csv = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("小镇,县市区,"), csv)
        let metaPath = session.scratch.appendingPathComponent("t.meta.txt").path
        let meta = try String(contentsOfFile: metaPath, encoding: .utf8)
        XCTAssertTrue(meta.hasPrefix("小镇 — 2015年1-9月\n数据集："), meta)
        let again = try runProcess(binary, ["report", "--data", Paths.data, "--format", "csv", "--meta"])
        XCTAssertEqual(again.status, 2, "--meta needs --output: \(again.summary)")
        let page = try runProcess(binary, ["report", "--data", Paths.data, "--town", "haining", "--lang", "en"])
        XCTAssertEqual(page.status, 0, page.summary)
        XCTAssertTrue(page.stdout.hasPrefix("Haining Leather Fashion Town — 2015 Jan-Sep\nDataset: "), page.stdout)
        XCTAssertTrue(page.stdout.contains("\nMarkers:\n"), page.stdout)
        let none = try runProcess(binary, ["report", "--data", Paths.data, "--town", "nowhere", "--lang", "en"])
        XCTAssertNotEqual(none.status, 0, none.summary)
        XCTAssertTrue(none.stderr.contains("no town 'nowhere'"), none.summary)
    }
}
