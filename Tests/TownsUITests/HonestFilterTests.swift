import Foundation
import TownsCore
import TownsUI
import XCTest

/// Issue 14 points 4 and 5: types told straight, and a filter that every view of towns obeys
/// (its sums following), with the chip saying where it does not apply.
final class HonestFilterTests: XCTestCase {
    /// Behind schedule in Jan-Sep 2015: Haining (-2.1), Nanhu (-51.5), Haiyan (-54.3); not
    /// Tongxiang (+17.7) nor Jiashan (no rate).
    func behindState(_ kind: Screen.Kind, language: Language = .en) throws -> AppState {
        var s = try bundledState(period: "2015-09")
        s.language = language
        s = apply(s, .showView(kind), .toggleBehindFilter)
        XCTAssertTrue(s.filter.behindSchedule)
        return s
    }

    func testTypesSumTheSameTownsWithRateBarCountsAndBehind() throws {
        var s = try bundledState(period: "2015-09")
        s.language = .en
        s = apply(s, .showView(.typeList))
        let lines = screen(s)
        let header = try XCTUnwrap(lines.first { $0.contains("Type") && $0.contains("Name") })
        for title in ["Plan", "Done", "Rate", "Both", "Behind"] { XCTAssertTrue(header.contains(title), header) }
        let one = try XCTUnwrap(lines.first { $0.contains("Creative design") })
        // Haining alone has both: ≈18.6 and 13.56, ≈72.9% over 1 of 2 towns (≈18.6 lies in
        // [18.581, 18.620], the rate in its own 72.85%-72.95%: its digits, wave 31); Haining is behind.
        XCTAssertTrue(one.contains("≈18.6 13.56 ≈72.9%"), one)
        XCTAssertTrue(one.contains("1/2") && one.contains("1▼"), one)
        XCTAssertTrue(one.contains("│"), "a bar with the expected-by-now mark: \(one)")
        // Haiyan has a rate (20.7%, behind) but neither figure: nothing summed, still counted behind.
        let four = try XCTUnwrap(lines.first { $0.contains("Design and R&D") })
        XCTAssertTrue(four.contains("—") && four.contains("0/1") && four.contains("1▼"), four)
        XCTAssertTrue(lines.contains { $0.contains("count only towns with both") })
        // The drill-down: its subtotal row is over the same towns (wave 8), and says how many.
        s = apply(s, .open)
        let same = try XCTUnwrap(screen(s).first { $0.contains("Subtotal (known)") })
        XCTAssertTrue(same.contains("≈18.6") && same.contains("13.56") && same.contains("≈72.9%"), same)
        XCTAssertTrue(try XCTUnwrap(screen(s).first { $0.contains("towns in the sums") }).contains("1/2"))
    }

    func testTypesFollowTheFilter() throws {
        let s = try behindState(.typeList)
        let lines = screen(s)
        // Type 1 keeps Haining only (Tongxiang is ahead); type 2 (Jiashan, no rate) has no matching town.
        let one = try XCTUnwrap(lines.first { $0.contains("Creative design") })
        XCTAssertTrue(one.contains(" 1 ≈18.6 13.56 ≈72.9%") && one.contains("1/1"), one)
        XCTAssertFalse(lines.contains { $0.contains("Rural leisure") })
        XCTAssertTrue(lines.contains { $0.contains("1 type with no matching town left out") })
        XCTAssertEqual(s.content(for: s.screen)?.rows.count, 3)
        // Its drill-down lists only Haining.
        let d = apply(s, .open)
        XCTAssertEqual(d.content(for: d.screen)?.rows.count, 1)
        XCTAssertTrue(lines[2].contains("filter: behind schedule (c clears)"), lines[2])
    }

    func testEntitiesFollowTheFilter() throws {
        let s = try behindState(.entityList)
        let lines = screen(s)
        XCTAssertFalse(lines.contains { $0.contains("Tongxiang") }, "Tongxiang is ahead of schedule")
        XCTAssertTrue(lines.contains { $0.contains("Haiyan Nuclear Power Town") })
        // Nanhu, whose source names no entity, is behind: the last row keeps it.
        XCTAssertTrue(lines.contains { $0.contains("Nanhu Fund Town") })
        let all = apply(try bundledState(period: "2015-09"), .showView(.entityList))
        let unfiltered = try XCTUnwrap(all.content(for: all.screen)?.rows.count)
        let kept = try XCTUnwrap(s.content(for: s.screen)?.rows.count)
        // Haining's 2 + Haiyan's 3 entities, and the row of towns with none named.
        XCTAssertEqual(kept, 6)
        XCTAssertTrue(lines.contains { $0.contains("\(unfiltered - kept) entity(ies) with no matching town left out") })
    }

    func testProvinceAndCityFollowTheFilterAndSayWhatCannotBeTested() throws {
        let s = try behindState(.province)
        let lines = screen(s)
        let rows = try XCTUnwrap(s.content(for: s.screen))
        XCTAssertEqual(rows.rows.count, 1, "only Jiaxing has towns behind schedule")
        let jiaxing = try XCTUnwrap(lines.first { $0.contains("Jiaxing") && $0.contains(" 3 ") })
        XCTAssertTrue(jiaxing.contains(" 5 "), "the reported count stays the whole list's: \(jiaxing)")
        XCTAssertTrue(lines.contains { $0.contains("cannot be tested and are left out") })
        XCTAssertTrue(lines[2].contains("towns without figures left out"), lines[2])
        let city = apply(s, .open)
        XCTAssertEqual(city.content(for: city.screen)?.rows.count, 3)
        // A county filter can test every listed town: the chip says it applies in full.
        var county = apply(try bundledState(period: "2015-09"), .showView(.province))
        county.language = .en
        county = apply(county, .runCommand("filter county 海宁市"))
        XCTAssertEqual(county.content(for: county.screen)?.rows.count, 1)
        XCTAssertFalse(screen(county)[2].contains("left out"), screen(county)[2])
    }

    func testTheChipSaysWhereTheFilterIsNotApplied() throws {
        var s = try behindState(.townList)
        s = apply(s, .open)
        XCTAssertTrue(s.screen.kind.isPage)
        XCTAssertTrue(screen(s)[2].contains("behind schedule · not applied here"), screen(s)[2])
        let zh = try behindState(.reference, language: .zh)
        XCTAssertTrue(screen(zh)[2].contains("落后 · 此页不适用"), screen(zh)[2])
        let overview = try behindState(.overview)
        XCTAssertTrue(screen(overview)[2].contains("city row as reported"), screen(overview)[2])
        let assessment = try behindState(.assessment)
        XCTAssertEqual(assessment.content(for: assessment.screen)?.rows.count, 3)
        XCTAssertFalse(screen(assessment)[2].contains("·"), screen(assessment)[2])
    }
}
