import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// What a fresh user found on the merged build in wave 7 (list qb), as the screens show it.
final class W7PresentTests: XCTestCase {
    /// The full year's ◇63.06 (the 2016 notice, another basis) is shown alone in the overview,
    /// not over the paper's plan 106.8 (`◇63.06 / 106.8` read as 59% of the plan), with the
    /// reason, on screen and in every export; Jan-Sep's 45.06 on the plan's basis keeps `/ 106.8`.
    func testTheOverviewSetsNoFigureOnAnotherBasisAgainstThePlan() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 100, height: 30, period: "2015-12")
            s.language = language
            s = update(s, .showView(.overview))
            XCTAssertFalse(s.metrics.progress(nil, period: try XCTUnwrap(s.period)).comparesWithPlan, "precondition")
            let text = screen(s).joined(separator: "\n")
            XCTAssertTrue(text.contains("◇63.06"), text)
            XCTAssertFalse(text.contains("63.06 /"), text)
            XCTAssertFalse(text.contains("/ 106.8"), text)
            // The reason, cut to the column where it does not fit whole.
            XCTAssertTrue(text.contains(language == .zh ? "◇ 口径不同" : "◇ another basis"), text)
            // And in a word on the row itself, shown at 80x24 too, where the line below is only counted.
            let small = screen(update(s, .resize(width: 80, height: 24))).joined(separator: "\n")
            XCTAssertTrue(small.contains(language == .zh ? "◇63.06  口径不同" : "◇63.06  other basis"), small)
            for format in ExportRequest.Format.allCases {
                let out = try XCTUnwrap(s.exportOutput(format, glyphs: .unicode), "\(format)")
                XCTAssertFalse(out.text.contains("63.06 /"), "\(language) \(format)\n\(out.text)")
                XCTAssertTrue(out.text.contains("63.06"), "\(language) \(format)")
            }
            var september = try bundledState(width: 100, height: 30, period: "2015-09")
            september.language = language
            let before = screen(update(september, .showView(.overview))).joined(separator: "\n")
            XCTAssertTrue(before.contains("45.06 / 106.8"), before)
        }
    }

    /// `b` inside a type counts the towns the list shows (type 1: one), not the city's (three).
    func testTheBehindFilterInsideATypeCountsTheListShown() throws {
        for language in Language.allCases {
            var s = try bundledState()
            s.language = language
            s = apply(s, .showView(.typeList), .open, .toggleBehindFilter)
            XCTAssertEqual(s.screen.kind, .townsOfType(1))
            let listed = try XCTUnwrap(s.listedTowns(s.screen.kind))
            let all = s.filtered(Array(s.dataset.towns.indices))
            XCTAssertEqual(listed.count, 1)
            XCTAssertGreaterThan(all.count, listed.count, "precondition: the city has more towns behind")
            let message = try XCTUnwrap(s.message)
            XCTAssertTrue(message.hasSuffix(" — " + s.tr(Catalogue.towns("1"))), message)
        }
    }

    /// A province's own row is named as the overview names it (全省 浙江省 / Zhejiang) in the
    /// changes view too, and in the assessment's first-year line (was 全市 浙江省 there).
    func testAProvinceIsNamedByTheOverviewsRuleInTheChangesView() throws {
        var dataset = try DatasetLoader.load(directory: repositoryRoot + "/Data").dataset
        dataset.regionZH = "浙江省"
        dataset.regionEN = "Zhejiang"
        var s = AppState(dataset: dataset, width: 120, height: 40)
        s.periodIndex = try XCTUnwrap(dataset.periods.firstIndex { $0.id == "2015-09" })
        s = update(s, .showView(.changes))
        let zh = screen(s).joined(separator: "\n")
        XCTAssertTrue(zh.contains("全省 浙江省"), zh)
        XCTAssertFalse(zh.contains("全市"), zh)
        s.language = .en
        let en = screen(s).joined(separator: "\n")
        XCTAssertTrue(en.contains("Zhejiang"), en)
        XCTAssertFalse(en.contains("City Zhejiang"), en)
        XCTAssertEqual(Catalogue.cityFirstYear("2015", "浙江省", "Zhejiang").zh, "全省 2015 首年最低投资：")
    }

    /// The changes view's footer: nothing said of 0 unchanged figures, and the English plural right.
    func testTheUnchangedCountIsLeftOutAtZeroAndPluralisedRight() throws {
        XCTAssertNil(Catalogue.unchangedCount(0))
        XCTAssertEqual(Catalogue.unchangedCount(1)?.en, "1 more figure unchanged")
        XCTAssertEqual(Catalogue.unchangedCount(3)?.en, "3 more figures unchanged")
        XCTAssertEqual(Catalogue.unchangedCount(3)?.zh, "另有 3 个数字未变")
        for language in Language.allCases {
            var s = try bundledState(period: "2015-09")
            s.language = language
            let text = screen(update(s, .showView(.changes))).joined(separator: "\n")
            XCTAssertFalse(text.contains("另有 0") || text.contains("0 more"), text)
            XCTAssertFalse(text.contains("figure(s)"), text)
        }
    }

    /// The legend's lower bound is a neutral `>N` (Haining's full-year page draws `>14`, a
    /// generated town `>50`), and the unit is named only where an amount can be drawn: not on
    /// the `:messages` page nor in the reference view.
    func testTheLegendShowsANeutralBoundAndTheUnitOnlyWhereAmountsAre() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 120, height: 80, period: "2015-12")
            s.language = language
            let unit = language == .zh ? "单位" : "unit"
            /// The legend line (above the key hints) of `view` as shown, with no message over it.
            func legendLine(_ action: Action) -> (legend: String, screen: String) {
                var v = update(s, action)
                v.message = nil
                let lines = screen(v)
                return (lines[lines.count - 2], lines.joined(separator: "\n"))
            }
            let page = legendLine(.showView(.townPage("haining")))
            XCTAssertTrue(page.screen.contains(">14"), "precondition: the page draws the bound")
            XCTAssertFalse(page.legend.contains(">14"), page.legend)
            XCTAssertTrue(page.legend.contains(">N"), page.legend)
            XCTAssertTrue(page.legend.contains(unit), page.legend)
            for action in [Action.showView(.reference), .showMessages] {
                let shown = legendLine(action)
                XCTAssertFalse(shown.legend.contains(unit), "\(action): \(shown.legend)")
            }
            XCTAssertEqual(ExportMarker.bound.glyph(.unicode), ">N")
        }
    }
}
