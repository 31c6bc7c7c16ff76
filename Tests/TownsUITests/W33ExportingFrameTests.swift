import TownsCore
import TownsTestSupport
@testable import TownsUI
import XCTest

/// Wave 33's fresh user (F9): `e` on a large dataset froze the screen for seconds with no word (keys
/// waited; 24-44 s of a debug build at 3,000 towns). The dashboard now draws `exportingFrame` first
/// (at `Renderer.workingFrameTowns` towns and more): the screen as it is, its status line saying the
/// export is being written and that keys wait, in the language shown; the state is not changed.
final class W33ExportingFrameTests: XCTestCase {
    func testTheExportingFrameSaysSoInTheLanguageShownAndKeepsTheScreen() throws {
        for (language, words) in [(Language.zh, "正在导出…"), (.en, "exporting…")] {
            var s = try bundledState(width: 100, height: 30, period: "2015-09")
            s.stack = [Screen(.townList)]
            s.language = language
            let before = plainRenderer.render(s).lines()
            let frame = plainRenderer.exportingFrame(s).lines()
            XCTAssertTrue(frame.contains { $0.contains(words) }, frame.joined(separator: "\n"))
            XCTAssertFalse(before.contains { $0.contains(words) })
            // The table is the screen's: only the status line differs.
            XCTAssertEqual(Array(frame.prefix(5)), Array(before.prefix(5)))
            XCTAssertNil(s.message)
        }
        XCTAssertEqual(Renderer.workingFrameTowns, 1_000)
    }
}
