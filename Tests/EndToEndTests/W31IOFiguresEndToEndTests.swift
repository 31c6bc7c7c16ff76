import Foundation
import TownsTestSupport
import XCTest

/// Wave 30's fresh user: a figures.toml cut down to its comments loaded without a word. `towns
/// check` now refuses it (exit 12) naming the file and what is missing; where monthly/ gives the
/// figures it warns (exit 0), and the dashboard shows that warning on its first frame (it was
/// printed before the terminal opened, hidden by it).
final class W31IOFiguresEndToEndTests: XCTestCase {
    func testCheckAndTheDashboardSayFiguresTomlHoldsNoRecord() throws {
        let binary = try Paths.townsBinary()
        let data = try TemporaryFiles.copy(of: Paths.data, name: "w31-figures-data")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let figures = data + "/figures.toml"
        let text = try String(contentsOfFile: figures, encoding: .utf8)
        try text.components(separatedBy: "\n").filter { $0.hasPrefix("#") }.joined(separator: "\n")
            .write(toFile: figures, atomically: true, encoding: .utf8)

        let cut = try runUnconfigured(binary, ["check", "--data", data, "--lang", "en"], locale: "C.UTF-8",
                                      name: "w31-figures")
        XCTAssertEqual(cut.status, 12, cut.summary)
        XCTAssertTrue((cut.stdout + cut.stderr).contains("\(figures): figure: no [[figure]] records, though towns.toml lists 5 "
            + "towns: every figure would be unknown (—)"), cut.summary)
        let zh = try runUnconfigured(binary, ["check", "--data", data], locale: "C.UTF-8", name: "w31-figures")
        XCTAssertEqual(zh.status, 12, zh.summary)
        XCTAssertTrue((zh.stdout + zh.stderr).contains("\(figures): figure: 没有 [[figure]] 记录，但 towns.toml 列有 5 个小镇"),
                      zh.summary)

        try MonthlyFixtures.writeHainingSeptember2015(into: data)
        let monthly = try runUnconfigured(binary, ["check", "--data", data, "--lang", "en"], locale: "C.UTF-8",
                                          name: "w31-figures")
        XCTAssertEqual(monthly.status, 0, monthly.summary)
        XCTAssertTrue((monthly.stdout + monthly.stderr).contains("\(figures): warning: figure: no [[figure]] records: the figures of "
            + "towns.toml's 5 towns come only from monthly/"), monthly.summary)

        let session = try DashboardSession(label: "w31-figures")
        defer { session.kill() }
        try session.tmux.typeLine("env TOWNS_SNAPSHOT=0 " + [binary, "--data", data, "--themes", Paths.themes,
                                                             "--lang", "en"].map(Paths.shellQuote).joined(separator: " "))
        let screen = try session.tmux.waitFor("no [[figure]] records", timeout: 20)
        // Named within the data folder, so the long temporary folder leaves room for the problem.
        XCTAssertTrue(screen.contains { $0.hasPrefix(" figures.toml: warning: figure: no [[figure]] records") },
                      TmuxSession.show(screen))
        try session.tmux.send("q")
        try session.waitForPrompt()
    }
}
