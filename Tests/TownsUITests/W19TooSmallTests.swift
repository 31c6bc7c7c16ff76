import TownsCore
import TownsUI
import XCTest

/// Below the smallest screen (60x14) only "terminal too small" is drawn: keys must not act
/// unseen (a fresh user at 40x12 opened a town's page with `j Enter` and wrote an export with
/// `e`, seen only after resizing back). Only the quit key acts.
final class W19TooSmallTests: XCTestCase {
    func testKeysDoNothingWhileTheTerminalIsTooSmallButQuit() throws {
        let wide = try bundledState()
        let small = update(wide, .resize(width: 40, height: 12))
        XCTAssertTrue(screen(small).joined().contains("terminal too small") || screen(small).joined().contains("终端太小"))
        var s = small
        for key: Key in [.char("j"), .enter, .char("e"), .char("2"), .char(">"), .char("/"), .char(":")] {
            s = handle(s, key)
        }
        XCTAssertEqual(s.stack.map(\.kind), small.stack.map(\.kind), "no page opened, no view changed")
        XCTAssertNil(s.commandLine)
        XCTAssertNil(s.search)
        XCTAssertTrue(step(s, route(.char("e"), in: s)).effects.isEmpty, "no export asked for")
        XCTAssertEqual(route(.char("q"), in: s), .quit, "q quits, as the message says")
        // Back at a usable size the same keys act again.
        let back = update(s, .resize(width: 100, height: 30))
        XCTAssertEqual(route(.char("2"), in: back), .showView(.typeList))
        XCTAssertEqual(screen(back).count, 30)
        XCTAssertFalse(screen(back).joined().contains("too small"))
    }

    /// A reload that fails is logged (`:messages`) as well as shown, once per new problem (the
    /// poll says it again every second).
    func testAFailedReloadIsInTheMessageLogOnce() throws {
        var s = try bundledState()
        let before = s.messageLog.entries.count
        s = update(s, .reloadFailed("figures.toml:3: figure[0].value: not a number", more: 1))
        s = update(s, .reloadFailed("figures.toml:3: figure[0].value: not a number", more: 1))
        XCTAssertEqual(s.messageLog.entries.count, before + 1)
        XCTAssertTrue(s.messageLog.entries.last?.text.contains("figures.toml:3") == true)
        s = update(s, .reloadFailed("towns.toml:9: town[2].id: missing", more: 0))
        XCTAssertEqual(s.messageLog.entries.count, before + 2)
    }
}
