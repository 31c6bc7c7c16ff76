import TownsCore
import TownsUI
import XCTest

/// A message on the status line stands until the user's next action, not until the next poll
/// of the data files (a tester saw "records gone" vanish after a second, unread).
final class FlashTests: XCTestCase {
    func testAMessageOutlivesThePollsThatFindNothingNew() throws {
        var s = try bundledState(period: "2015-09")
        s.session.flash = Flash("数据已更新，但有记录消失 reloaded, records gone: figures.toml: 12 record(s)", level: .warning)
        for _ in 0..<5 { s = update(s, .dataUnchanged) }
        XCTAssertEqual(s.session.flash?.level, .warning)
        XCTAssertEqual(s.message?.hasSuffix("12 record(s)"), true)
        s = update(s, .moveDown)
        XCTAssertNil(s.message, "a key clears it")
    }

    func testAFailedReloadStillReplacesAnEarlierMessage() throws {
        var s = try bundledState(period: "2015-09")
        s.session.flash = Flash("数据已更新 data reloaded")
        s = update(s, .reloadFailed("figures.toml:3: completed: not a number", more: 0))
        XCTAssertNil(s.message)
        XCTAssertNotNil(s.reloadProblem)
    }
}

/// A reload that takes away the period shown says so (a tester saw Jan-Oct turn into Jan-Sep
/// under a plain "data reloaded").
final class PeriodGoneTests: XCTestCase {
    func testAReloadWithoutThePeriodShownSaysWhichItShowsNow() throws {
        let s = try bundledState(period: "2015-09")
        var d = try DatasetLoader.load(directory: repositoryRoot + "/Data").dataset
        d.periods.removeAll { $0.id == "2015-09" }
        let r = update(s, .dataReloaded(Facts(dataset: d), changedAt: nil, warnings: 0))
        XCTAssertEqual(r.period?.id, "2015-08")
        XCTAssertEqual(r.session.flash?.level, .warning)
        XCTAssertTrue(r.message?.contains("2015年1-9月") == true && r.message?.contains("2015年1-8月") == true,
                      r.message ?? "no message")
        let same = update(s, .dataReloaded(Facts(dataset: try DatasetLoader.load(directory: repositoryRoot + "/Data").dataset),
                                           changedAt: nil, warnings: 0))
        XCTAssertEqual(same.session.flash?.level, .info, "the period still there: a plain message")
    }
}
