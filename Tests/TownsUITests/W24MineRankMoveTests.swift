import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Wave 24's fresh user, F3: a town "moved up" (`▲`) only because other towns reported no rate
/// that period (Nanhu 3rd of 4, then 2nd of 2: `2 ▲1`; Haiyan alone in October, `1 ▲3`
/// though its own rate fell). A move is counted among the towns placed in both periods.
final class W24MineRankMoveTests: XCTestCase {
    /// The bundled data with Tongxiang's Jan-Sep rate (92.7%, first in Jan-Aug and Jan-Sep) left out:
    /// Haining is then first of three in Jan-Sep, after second of two in Jan-Aug.
    func withoutTongxiangsSeptemberRate() throws -> Dataset {
        let dir = try bundledCopy("w24-rank")
        let path = dir + "/figures.toml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let entry = "[[figure]]\ntown = \"tongxiang\"\nmeasure = \"completion_rate\"\nperiod = \"2015-09\"\nvalue = 92.7\n"
        let start = try XCTUnwrap(text.range(of: entry))
        let end = try XCTUnwrap(text.range(of: "\n\n", range: start.upperBound..<text.endIndex))
        try (String(text[..<start.lowerBound]) + String(text[end.upperBound...]))
            .write(toFile: path, atomically: true, encoding: .utf8)
        return try DatasetLoader.load(directory: dir).dataset
    }

    func testAPlaceGainedOnlyByOthersNotReportingIsNoMove() throws {
        let dataset = try withoutTongxiangsSeptemberRate()
        let m = Metrics(dataset: dataset)
        let aug = try XCTUnwrap(dataset.periods.first { $0.id == "2015-08" })
        let sep = try XCTUnwrap(dataset.periods.first { $0.id == "2015-09" })
        XCTAssertEqual(m.ranks(period: aug)["haining"], 2)
        XCTAssertEqual(m.ranks(period: sep)["haining"], 1, "first of those with a rate: Tongxiang has none")
        let move = try XCTUnwrap(m.rankMoves(from: aug, to: sep)["haining"])
        XCTAssertEqual(move.before, 2)
        XCTAssertEqual(move.after, 1)
        XCTAssertEqual(move.places, 0, "among the towns placed in both (Haining alone) it has not moved")
        XCTAssertNil(m.rankMoves(from: aug, to: sep)["tongxiang"]?.places, "not placed now: no move")

        // The towns view's place column: `1`, not `1 ▲1`.
        var state = AppState(dataset: dataset, width: 140, height: 30)
        state.stack = [Screen(.townList)]
        state.periodIndex = try XCTUnwrap(dataset.periods.firstIndex { $0.id == "2015-09" })
        let row = try XCTUnwrap(screen(state).first { $0.contains("Haining") || $0.contains("海宁") })
        XCTAssertFalse(row.contains("▲"), row)
        XCTAssertTrue(row.hasSuffix(" 1"), row)

        // The page says the towns ranked differ, and the move among those in both.
        let place = try XCTUnwrap(state.changeFields(try XCTUnwrap(dataset.towns.first { $0.id == "haining" }),
                                                     period: sep).place)
        XCTAssertTrue(place.contains("第 1（上期 2），共 3 镇有完成率"), place)
        XCTAssertTrue(place.hasSuffix("；上期 2 镇有完成率，两期都有的 1 镇中名次未变"), place)
        state.language = .en
        let english = try XCTUnwrap(state.changeFields(try XCTUnwrap(dataset.towns.first { $0.id == "haining" }),
                                                       period: sep).place)
        XCTAssertTrue(english.hasSuffix("; 2 had a rate before; among the 1 with a rate in both: unchanged"), english)
    }

    func testAMoveAmongTheTownsPlacedInBoth() {
        // Five towns; then (1, 2, 3, -, 4), now (-, 3, 1, 2, 2): in both are towns 1, 2 and 4.
        let places = PlacesAmongBoth(before: [1, 2, 3, nil, 4], after: [nil, 3, 1, 2, 2])
        XCTAssertEqual(places.count, 3)
        // Among towns 1, 2 and 4: then 1st, 2nd, 3rd; now 3rd, 1st, 2nd.
        XCTAssertEqual(places.move(at: 1), RankMove(before: 2, after: 3, amongBothBefore: 1, amongBothAfter: 3))
        XCTAssertEqual(places.move(at: 1).places, -2)
        XCTAssertEqual(places.move(at: 2).places, 1, "2nd then, 1st now among the three: up one")
        XCTAssertEqual(places.move(at: 4).places, 1, "3rd then, 2nd now (town 3's shared 2nd is not among them)")
        XCTAssertNil(places.move(at: 0).places, "not placed now")
        XCTAssertEqual(places.move(at: 3).isNew, true)
        XCTAssertNil(places.move(at: 3).places)
        // Ties share a place among both as in the whole list.
        let tied = PlacesAmongBoth(before: [1, 1, 3], after: [2, 1, 2])
        XCTAssertEqual(tied.move(at: 0).places, -1)
        XCTAssertEqual(tied.move(at: 1).places, 0)
        XCTAssertEqual(tied.move(at: 2).places, 1)
    }
}
