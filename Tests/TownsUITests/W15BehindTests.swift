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
        try copiedData(language: language) { $0 + Self.tongxiangFigures }
    }

    static let tongxiangFigures = """

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

    /// Data/ copied with figures.toml's text changed by `edit`, shown at Jan-Sep 2015.
    func copiedData(language: Language, _ edit: (String) -> String) throws -> AppState {
        try editedBundledState("w15", period: "2015-09", width: 160, height: 40, language: language) { text in
            let edited = edit(text)
            XCTAssertNotEqual(edited, text)
            return edited
        }
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

    func testAnUndecidedTownsBarIsDrawnNeutralNotOnTrack() throws {
        let s = try undecidedTongxiang()
        let period = try XCTUnwrap(s.period)
        let table = s.periodTable()
        func role(_ id: String) throws -> Role? {
            let i = try XCTUnwrap(s.dataset.towns.firstIndex { $0.id == id })
            if case let .bar(_, role, _) = s.bar(table[i].completionRate, town: s.dataset.towns[i]) { return role }
            return nil
        }
        XCTAssertEqual(try role("tongxiang"), .unknown)  // the towns list
        XCTAssertEqual(try role("haiyan"), .behind)  // a town behind keeps its colour
        // The town page's history: the undecided period's bar neutral too.
        let town = try XCTUnwrap(s.dataset.town("tongxiang"))
        let label = try XCTUnwrap(s.history(town, width: 200).first { line in
            line.pieces.contains { if case .bar = $0 { return true } else { return false } }
                && line.runs(.unicode).map(\.0).joined().contains("+17.7?!")
        })
        let roles = label.pieces.compactMap { piece -> Role? in
            if case let .bar(_, _, _, role) = piece { return role } else { return nil }
        }
        XCTAssertEqual(roles, [.unknown])
        // The bundled data's bars are as before (no town undecided): not neutral.
        let clean = try bundledState(width: 160, height: 40, period: period.id)
        let cleanTable = clean.periodTable()
        for (i, t) in clean.dataset.towns.enumerated() {
            if case let .bar(_, role, _) = clean.bar(cleanTable[i].completionRate, town: t) {
                XCTAssertNotEqual(role, .unknown, t.id)
            }
        }
    }

    func testTheHistoryTableMarksFlaggedFigures() throws {
        // Haining's Jan-Sep 13.56 printed as 14.56 (W14FindTests): its Jan-Sep 14.56 and 72.9% fail a
        // check, as they contradict Jan-Aug's 9.3 and 50% reported before them (w21-asof: the
        // earlier figures were flagged too, `9.3!`, until a later month no longer reached back).
        for language in [Language.zh, .en] {
            let s = try copiedData(language: language) {
                $0.replacingOccurrences(of: "value = 13.56\n", with: "value = 14.56\n")
            }
            let town = try XCTUnwrap(s.dataset.town("haining"))
            let lines = s.history(town, width: 200).map { $0.runs(.unicode).map(\.0).joined() }
            var checked = 0
            XCTAssertEqual(lines.count, s.dataset.periods.count + 1)  // the header, then a row a period
            for (k, p) in s.dataset.periods.enumerated() {
                let row = lines[k + 1]
                for measure in [Measure.completed, .completionRate] {
                    guard let f = s.metrics.figure(town, FigureKey(measure, p.id)),
                          case let .exact(v, decimals) = f.quantity else { continue }
                    let text = DecimalMath.text(v, scale: decimals)
                    let flagged = s.checker.isFlagged(FigureKey(measure, p.id), town: town)
                    let marked = row.contains(text + (measure == .completionRate ? "%!" : "!"))
                    XCTAssertEqual(marked, flagged, "\(measure) \(p.id): \(row)")
                    if flagged { checked += 1 }
                }
            }
            XCTAssertGreaterThan(checked, 0)
            let aug = try XCTUnwrap(lines.first { $0.contains("9.3") })
            XCTAssertFalse(aug.contains("9.3!") || aug.contains("50%!"), aug)
            let sep = try XCTUnwrap(lines.first { $0.contains("14.56") })
            XCTAssertTrue(sep.contains("14.56!") && sep.contains("72.9%!"), sep)
        }
    }
}
