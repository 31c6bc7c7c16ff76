import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// A fresh user's findings (wave 15) on undecided towns (`ScheduleReadings.isUndecided`): the
/// behind filter keeps them, with their `?`.
final class W15BehindTests: XCTestCase {
    /// Data/ copied with two Tongxiang figures added (plan for 2015: 100 亿元, completed Jan-Sep
    /// 2015: 5 亿元), so its checks fail: ahead by its rate 92.7%, behind by the amount.
    func undecidedTongxiang(language: Language = .zh) throws -> AppState {
        let dir = NSTemporaryDirectory() + "towns-w15-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in DatasetLoader.fileNames + DatasetLoader.optionalFileNames {
            try FileManager.default.copyItem(atPath: repositoryRoot + "/Data/" + name, toPath: dir + "/" + name)
        }
        let path = dir + "/figures.toml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let added = """

            [[figure]]
            town = "tongxiang"
            measure = "plan_year"
            period = "2015"
            value = 100
            source = "paper"

            [[figure]]
            town = "tongxiang"
            measure = "completed"
            period = "2015-09"
            value = 5
            source = "paper"

            """
        try (text + added).write(toFile: path, atomically: true, encoding: .utf8)
        let dataset = try DatasetLoader.load(directory: dir).dataset
        var state = AppState(dataset: dataset, width: 160, height: 40)
        state.stack = [Screen(.townList)]
        state.language = language
        state.periodIndex = try XCTUnwrap(dataset.periods.firstIndex { $0.id == "2015-09" })
        return state
    }

    func testTheBehindFilterKeepsAnUndecidedTownWithItsMark() throws {
        for language in [Language.zh, .en] {
            let s = try undecidedTongxiang(language: language)
            let period = try XCTUnwrap(s.period)
            let town = try XCTUnwrap(s.dataset.town("tongxiang"))
            let r = s.checker.scheduleReadings(town, period: period)
            XCTAssertTrue(r.isUndecided)
            XCTAssertGreaterThan(try XCTUnwrap(r.byRate), 0)  // ahead by its rate
            XCTAssertGreaterThan(try XCTUnwrap(r.byAmount), 0)  // behind by the amount
            let name = language == .zh ? "桐乡毛衫时尚小镇" : "Tongxiang"
            let unfiltered = screen(s)
            let row = try XCTUnwrap(unfiltered.first { $0.contains(name) }, unfiltered.joined(separator: "\n"))
            XCTAssertTrue(row.contains("+17.7?!"), row)
            var b = update(s, .toggleBehindFilter)
            XCTAssertTrue(b.filter.behindSchedule)
            let list = screen(b)
            let kept = try XCTUnwrap(list.first { $0.contains(name) }, list.joined(separator: "\n"))
            XCTAssertTrue(kept.contains("+17.7?!"), kept)
            XCTAssertFalse(kept.contains("▼"), kept)
            // The rest as with the bundled data (where no town is undecided): the towns behind by rate.
            var clean = try bundledState(width: 160, height: 40, period: "2015-09")
            clean.filter.behindSchedule = true
            let cleanKept = Set(clean.filtered(clean.dataset.towns).map(\.id))
            XCTAssertFalse(cleanKept.contains("tongxiang"))
            XCTAssertFalse(cleanKept.isEmpty)
            XCTAssertEqual(Set(b.filtered(b.dataset.towns).map(\.id)), cleanKept.union(["tongxiang"]))
            // The overview's count line keeps `?1`, as unfiltered.
            let before = screen(update(s, .showView(.overview))).joined(separator: "\n")
            b = update(b, .showView(.overview))
            let after = screen(b).joined(separator: "\n")
            XCTAssertTrue(before.contains("?1"), before)
            XCTAssertTrue(after.contains("?1"), after)
            XCTAssertTrue(after.contains(name), after)
        }
    }

    func testTheReportsBehindFilterKeepsTheUndecidedTown() throws {
        let s = try undecidedTongxiang(language: .en)
        let (filtered, failure) = s.applyingFilter("behind")
        XCTAssertNil(failure)
        XCTAssertTrue(filtered.filter.behindSchedule)
        let kept = filtered.filtered(filtered.dataset.towns).map(\.id)
        XCTAssertTrue(kept.contains("tongxiang"), "\(kept)")
        XCTAssertTrue(kept.contains("haiyan"), "\(kept)")
    }
}
