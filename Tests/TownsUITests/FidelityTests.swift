import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Wave 5 (fidelity): a figure is shown no more certain than its source, for the period shown.
final class FidelityTests: XCTestCase {
    func state(_ period: String, _ kind: Screen.Kind, _ language: Language = .zh) throws -> AppState {
        var s = try bundledState(width: 200, height: 60, period: period)
        s.language = language
        s.stack = [Screen(kind)]
        return s
    }

    func notes(_ s: AppState) throws -> [String] {
        try XCTUnwrap(s.content(for: s.screen)).notes.map { $0.text(.unicode) }
    }

    /// Item 1: before the year is over the city's completed full-year figure is not known for the
    /// period shown: no ◇63.06, no margin, in the table's notes, the notes page and the report.
    func testCityFirstYearGivesNoFullYearFigureBeforeTheYearIsOver() throws {
        for period in ["2015-08", "2015-09"] {
            for language in Language.allCases {
                let s = try state(period, .assessment, language)
                let city = try XCTUnwrap(try notes(s).first { $0.contains("3 x 10 + 2 x 6") })
                XCTAssertFalse(city.contains("63.06"), city)
                XCTAssertFalse(city.contains("21.06"), city)
                XCTAssertTrue(city.contains(language == .zh ? "尚不可知（2015 年底判定）" : "not yet known at"), city)
                let page = s.pageLines(.assessmentNotes, width: 200).map { $0.text(.unicode) }.joined()
                XCTAssertFalse(page.contains("63.06"), page)
                let report = try XCTUnwrap(s.exportOutput(.text, glyphs: .unicode)).text
                XCTAssertFalse(report.contains("63.06"), report)
            }
        }
        // At the year's end the figure and its margin are there.
        let dec = try notes(try state("2015-12", .assessment)).first { $0.contains("3 x 10 + 2 x 6") } ?? ""
        XCTAssertTrue(dec.contains("◇63.06") && dec.contains("超出 21.06"), dec)
    }

    /// Item 2: the city's completion rate 42.5% fails a check: `!` on it and on its Δ, on screen
    /// and in every export format, also as no longer reported at 2015-12.
    func testChangesCarryTheCheckFlagToTheFigureAndItsDelta() throws {
        let sep = try state("2015-09", .changes)
        let row = try XCTUnwrap(screen(sep).first { $0.contains("完成率") && $0.contains("全市") })
        XCTAssertTrue(row.contains("42.5%!") && row.contains("≈+12.1!"), row)
        XCTAssertFalse(row.contains("30.4%!"), row)
        for format in [ExportRequest.Format.text, .md, .csv, .json] {
            let out = try XCTUnwrap(sep.exportOutput(format, glyphs: .unicode)).text
            XCTAssertTrue(out.contains("42.5%!") && out.contains("≈+12.1!"), "\(format): \(out)")
        }
        // Town rows whose figures pass stay unflagged.
        let haining = try XCTUnwrap(screen(sep).first { $0.contains("海宁") && $0.contains("完成投资") })
        XCTAssertFalse(haining.contains("!"), haining)
        let dec = try state("2015-12", .changes)
        let gone = try XCTUnwrap(screen(dec).first { $0.contains("完成率") && $0.contains("全市") })
        XCTAssertTrue(gone.contains("42.5%!"), gone)
    }

    /// Item 2: the changes report's sources name totals.toml (the city's rows) as well as figures.toml.
    func testChangesSourcesNameTheTotalsFile() throws {
        for period in ["2015-09", "2015-12"] {
            let out = try XCTUnwrap(try state(period, .changes).exportOutput(.md, glyphs: .unicode)).text
            XCTAssertTrue(out.contains("totals.toml:"), out)
            XCTAssertTrue(out.contains("figures.toml:"), out)
        }
        // With a filter the city's rows are left out, and so is their file.
        var filtered = try state("2015-09", .changes)
        filtered = apply(filtered, .toggleBehindFilter)
        let out = try XCTUnwrap(filtered.exportOutput(.md, glyphs: .unicode)).text
        XCTAssertFalse(out.contains("totals.toml:"), out)
    }

    /// Item 3: at 2015-12 the city's ◇ completed is not set against the plan, and nothing is
    /// worked out against the plan from it; the share of the ◇ figure is marked ◇.
    func testOverviewWorksNothingOutFromAFigureOnAnotherBasis() throws {
        for language in Language.allCases {
            let dec = try state("2015-12", .overview, language)
            // The legend's line names the bar's expected-by-now mark (│应完成): left out here.
            let text = screen(dec).filter { !$0.contains("✦") }.joined(separator: "\n")
            XCTAssertTrue(text.contains(language == .zh ? "不与计划相比" : "no plan comparison"), text)
            XCTAssertFalse(text.contains("≈106.8") || text.contains("→63.06"), text)
            for label in language == .zh ? ["应完成 ", "按目前进度"] : ["expected by now ", "at this pace"] {
                XCTAssertFalse(text.contains(label), "\(label): \(text)")
            }
        }
        // At 2015-09, on the plan's basis, the expected line is still there.
        let sep = screen(try state("2015-09", .overview)).joined(separator: "\n")
        XCTAssertTrue(sep.contains("应完成"), sep)
        let page = try state("2015-12", .overview).pageLines(.cityTotals, width: 200).map { $0.text(.unicode) }
        let share = try XCTUnwrap(page.first { $0.contains("72.57") })
        XCTAssertTrue(share.contains("◇72.57%"), share)
    }

    /// Item 4: the term of a town whose county's status was fitted to a total is marked fitted,
    /// and the notes explain the mark; a term not resting on a fitted value is plain.
    func testFittedTermIsMarkedAndExplained() throws {
        for language in Language.allCases {
            let s = try state("2015-09", .assessment, language)
            let lines = screen(s)
            let term = language == .zh ? "3年" : "3y"
            for town in language == .zh ? ["海宁", "桐乡", "海盐"] : ["Haining", "Tongxiang", "Haiyan"] {
                let row = try XCTUnwrap(lines.first { $0.contains(town) }, town)
                XCTAssertTrue(row.contains("≈" + term), row)
            }
            XCTAssertTrue(try notes(s).contains { $0.contains("≈" + term) && $0.contains(
                language == .zh ? "期限依拟合值" : "fitted value") })
            let ascii = try XCTUnwrap(s.exportOutput(.text, glyphs: .ascii)).text
            XCTAssertTrue(ascii.contains("~" + term), ascii)
        }
    }
}
