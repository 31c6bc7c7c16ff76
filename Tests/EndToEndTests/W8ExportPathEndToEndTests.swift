import Foundation
import XCTest

/// Fresh users (w8 point 7): `e` wrote into the current folder and the user could not tell
/// where that was. The status line (where it fits; else it points to `:messages`), and
/// `:messages` after it, give the file's absolute path,
/// also when `$TOWNS_EXPORT_DIR` is a relative one.
final class W8ExportPathEndToEndTests: DashboardSessionTestCase {
    func testTheExportsMessageGivesTheAbsolutePathAndStaysInTheMessages() throws {
        let tmux = session.tmux
        let folder = session.scratch.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let words = [session.binary, "--data", Paths.data, "--themes", Paths.themes, "--view", "towns"]
        // From the scratch folder, with a relative export folder.
        try tmux.typeLine("cd " + Paths.shellQuote(session.scratch.path) + " && TOWNS_EXPORT_DIR=out "
                          + words.map(Paths.shellQuote).joined(separator: " "))
        _ = try tmux.waitFor("towns ·")
        try tmux.send("e")
        let shown = try tmux.waitFor("已导出")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }
        let name = try XCTUnwrap(files.first, "written into out/")
        let absolute = folder.path + "/" + name
        XCTAssertTrue(absolute.hasPrefix("/"))
        // The message takes one line (wave 20): the path where it fits, else the pointer to
        // `:messages`, which holds it whole.
        let line = try XCTUnwrap(shown.first { $0.contains("已导出") })
        XCTAssertTrue(line.contains(absolute) || line.trimmingCharacters(in: .whitespaces).hasSuffix("（全文见 :messages）"),
                      "the absolute path \(absolute), or where it is:\n" + TmuxSession.show(shown))
        try tmux.send("M")
        // The log's page wraps the path where the line ends: read its lines joined.
        let log = try tmux.waitFor("本次会话的状态消息")
        XCTAssertTrue(log.map { $0.trimmingCharacters(in: .whitespaces) }.joined().contains(absolute),
                      TmuxSession.show(log))
        try tmux.send("q")
    }
}
