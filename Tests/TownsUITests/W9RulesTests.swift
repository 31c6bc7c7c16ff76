import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Fresh-user findings (w9-rules): figures worked out from flagged ones, counts of towns left out
/// of a filter, the same-towns rate, stakes and projections at the year's end, the data time.
final class W9RulesTests: XCTestCase {
    /// A dataset folder copied from Data/ with one file edited, shown at `period` on the overview.
    func editedState(_ file: String, period: String, _ edit: (String) -> String) throws -> AppState {
        let dir = NSTemporaryDirectory() + "towns-w9-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in DatasetLoader.fileNames + DatasetLoader.optionalFileNames {
            try FileManager.default.copyItem(atPath: repositoryRoot + "/Data/" + name, toPath: dir + "/" + name)
        }
        let text = try String(contentsOfFile: dir + "/" + file, encoding: .utf8)
        try edit(text).write(toFile: dir + "/" + file, atomically: true, encoding: .utf8)
        let dataset = try DatasetLoader.load(directory: dir).dataset
        var state = AppState(dataset: dataset, width: 100, height: 30)
        state.stack = [Screen(.townList)]
        state.periodIndex = dataset.periods.firstIndex { $0.id == period }!
        return state
    }

    // MARK: 3. A figure worked out from a flagged one carries `!`

    /// The city's schedule variance comes from its flagged 42.5%!: `-32.5▼!` on the overview and
    /// in the towns view's city row; a town whose figures agree carries none.
    func testScheduleVarianceFromAFlaggedRateIsFlagged() throws {
        let s = try bundledState(period: "2015-09")
        let towns = screen(s)
        let cityRow = try XCTUnwrap(towns.first { $0.contains("全市报告") })
        XCTAssertTrue(cityRow.contains("42.5%!") && cityRow.contains("-32.5▼!"), cityRow)
        let haining = try XCTUnwrap(towns.first { $0.contains("海宁皮革") })
        XCTAssertTrue(haining.contains("-2.1▼") && !haining.contains("-2.1▼!"), haining)
        let overview = screen(update(s, .showView(.overview)))
        let city = try XCTUnwrap(overview.first { $0.contains("45.06 / 106.8") })
        XCTAssertTrue(city.contains("-32.5▼!"), city)
        let checker = s.facts.checker
        let sep = try XCTUnwrap(s.period)
        XCTAssertTrue(checker.isFlagged(workedFrom: [.completionRate], town: nil, period: sep))
        XCTAssertFalse(checker.isFlagged(workedFrom: [.planYear, .completed], town: s.dataset.town("haining"),
                                         period: sep))
    }

    /// Haining's Jan-Sep completed edited so that its plans disagree (12.0 / 72.9% ≈ 16.5 against
    /// 9.3 / 50% = 18.6): its shortfall and projection on the overview carry the `!` as its figures do.
    func testShortfallAndProjectionFromFlaggedFiguresAreFlagged() throws {
        let s = try editedState("figures.toml", period: "2015-09") {
            $0.replacingOccurrences(of: "value = 13.56\n", with: "value = 12.0\n")
        }
        let haining = try XCTUnwrap(s.dataset.town("haining"))
        XCTAssertTrue(s.facts.checker.isFlagged(FigureKey(.completed, "2015-09"), town: haining), "the edit disagrees")
        func behindRow(_ state: AppState) throws -> String {
            let lines = screen(update(state, .showView(.overview)))
            return try XCTUnwrap(lines.first { $0.contains("海宁皮革") && $0.contains("差 ≈") }, lines.joined(separator: "\n"))
        }
        let row = try behindRow(s)
        XCTAssertEqual(row.filter { $0 == "!" }.count, 2, "shortfall and projection: \(row)")
        XCTAssertTrue(row.contains("→"), row)
        XCTAssertFalse(try behindRow(try bundledState(period: "2015-09")).contains("!"), "agreeing figures: no `!`")
    }
}
