import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Figures a fresh user could not trust (wave 6), as the views and their exports show them.
final class W6FiguresTests: XCTestCase {
    /// Every `+12.1` in `text` is followed by `!` (and there is at least one).
    func assertFlagged(_ text: String, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        let all = text.components(separatedBy: "+12.1").count - 1
        let flagged = text.components(separatedBy: "+12.1!").count - 1
        XCTAssertGreaterThan(all, 0, "\(context): the city's Δ rate is not shown\n\(text)", file: file, line: line)
        XCTAssertEqual(flagged, all, "\(context): ≈+12.1 without its `!`\n\(text)", file: file, line: line)
    }

    /// The city's Jan-Sep rate 42.5% is flagged (45.06 / 106.8 = 42.19%): its Δ since Jan-Aug,
    /// ≈+12.1, carries the `!` in every view that shows it and in every export of those views
    /// (was: in the changes view only; the towns view's city row and the overview's changes
    /// panel showed ≈+12.1 bare).
    func testTheCitysRateChangeCarriesItsFlagInEveryViewAndExport() throws {
        let s = try bundledState(width: 160, height: 60, period: "2015-09")
        XCTAssertTrue(s.checker.isFlagged(FigureKey(.completionRate, "2015-09"), town: nil), "precondition")
        for view in [Screen.Kind.townList, .changes, .overview] {
            for language in Language.allCases {
                var v = update(s, .showView(view))
                v.language = language
                assertFlagged(screen(v).joined(separator: "\n"), "\(view) \(language) on screen")
                for format in ExportRequest.Format.allCases {
                    let out = try XCTUnwrap(v.exportOutput(format, glyphs: .unicode), "\(view) \(format)")
                    assertFlagged(out.text, "\(view) \(language) as \(format)")
                }
            }
        }
        // A town's page: its Δ fields carry `!` exactly when the one place says so.
        let sep = try XCTUnwrap(s.dataset.period("2015-09")), aug = try XCTUnwrap(s.dataset.period("2015-08"))
        for town in s.dataset.towns {
            let fields = s.changeFields(town, period: sep).figures
            for (name, _, _, flagged) in fields {
                let measure: Measure = name == s.tr(Catalogue.deltaDoneField) ? .completed : .completionRate
                XCTAssertEqual(flagged, s.checker.isFlagged(change: measure, town: town, from: aug, to: sep), name)
            }
        }
    }

    /// A rate-only town's page (the page `towns report --town` prints): expected by now and the
    /// projection in % of plan, marked derived and projected, with their formulas; a town with
    /// nothing to work from says which figures are missing; the overview's behind panel gives
    /// Haiyan's projection.
    func testARateOnlyTownGetsItsProjectionOnItsPageAndTheOverview() throws {
        var s = try bundledState(width: 120, height: 200, period: "2015-09")
        s.language = .en
        /// Whether a line of `text` starts (after the margin) with `label` and shows `value` next.
        func field(_ text: String, _ label: String, _ value: String) -> Bool {
            text.split(separator: "\n").contains {
                let words = $0.trimmingCharacters(in: .whitespaces)
                guard words.hasPrefix(label) else { return false }
                return words.dropFirst(label.count).trimmingCharacters(in: .whitespaces).hasPrefix(value)
            }
        }
        let page = screen(update(s, .showView(.townPage("tongxiang")))).joined(separator: "\n")
        XCTAssertTrue(field(page, "Expected, of plan", "≈75.0%"), page)
        XCTAssertTrue(field(page, "Year end, of plan", "→123.6%"), page)
        XCTAssertTrue(page.contains("completion 92.7% / 9 months x 12 = →123.6% of the plan"), page)
        let jiashan = screen(update(s, .showView(.townPage("jiashan")))).joined(separator: "\n")
        XCTAssertTrue(jiashan.contains("No expected-by-now or projection can be worked out; no exact year's plan,"),
                      jiashan)
        // Haining's full year: the completed is only ◇>14, on another basis than the plan, so the
        // page says that nothing is set against the plan (the pages' rule), not a missing figure.
        var december = s
        december.periodIndex = try XCTUnwrap(s.dataset.periods.firstIndex { $0.id == "2015-12" })
        let haining = screen(update(december, .showView(.townPage("haining")))).joined(separator: "\n")
        XCTAssertTrue(haining.contains("◇ another basis: no plan comparison, expectation or projection"), haining)
        XCTAssertFalse(haining.contains("No projection can be worked out"), haining)
        var zh = update(s, .showView(.townPage("haiyan")))
        zh.language = .zh
        let haiyan = screen(zh).joined(separator: "\n")
        XCTAssertTrue(field(haiyan, "全年预测 占计划", "→27.6%"), haiyan)
        let overview = screen(update(s, .showView(.overview))).joined(separator: "\n")
        XCTAssertTrue(overview.contains("Sched. -54.3▼  proj. →27.6%"), overview)
    }

    /// Haining's term: the assessment table's `≈3年` (its county's status fitted to a total) is
    /// what its page shows too (was `期限 ·`, a mark no legend lists), with the fitted reading
    /// explained beside it as in the assessment's notes.
    func testTheFittedTermReadsTheSameOnThePageAndInTheTable() throws {
        let s = try bundledState(width: 120, height: 200, period: "2015-09")
        let table = screen(update(s, .showView(.assessment)))
        let row = try XCTUnwrap(table.first { $0.contains("海宁皮革时尚小镇") }, table.joined(separator: "\n"))
        XCTAssertTrue(row.contains("≈3年"), row)
        let page = screen(update(s, .showView(.townPage("haining"))))
        let term = try XCTUnwrap(page.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("期限") },
                                 page.joined(separator: "\n"))
        XCTAssertTrue(term.contains("期限 ≈3年"), term)
        XCTAssertFalse(term.contains("期限 ·"), term)
        XCTAssertTrue(page.joined().contains("≈ 依拟合值"), page.joined(separator: "\n"))
        var en = update(s, .showView(.townPage("haining")))
        en.language = .en
        XCTAssertTrue(screen(en).contains { $0.contains("Term ≈3y") }, screen(en).joined(separator: "\n"))
    }
}
