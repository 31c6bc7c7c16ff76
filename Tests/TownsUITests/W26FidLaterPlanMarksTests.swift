import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// A year's plan derived from a later period than the one shown (wave 24's fresh F1), or from a
/// flagged figure of one (wave 25b's G3), and what is worked out over it (G5's remainder): as of the
/// period shown the plan is marked `?` in the towns list, its exports and the page's history (as its
/// undecided verdict is), carries the later figure's `!`, and a rate or place worked out over it is
/// marked `?` too; at the period that gives the plan, none is. Both languages.
final class W26FidLaterPlanMarksTests: XCTestCase {
    /// Data/ with Haiyan's Jan-Oct 10.00 at 19% (below Jan-Sep's 20.7%: `towns check` flags the 19%),
    /// so its plan ≈53 (10.00 ÷ 19%) is first derivable from October.
    static let haiyanOctober = ["2015-10.toml": W23FidTests.month("2015-10", through: 10, [
        ("haiyan", "completed", "\"10.00\""), ("haiyan", "completion_rate", "19"),
    ])]
    /// Data/ with Nanhu's Jan-Aug 2.0 and no rate: its rate ≈13% is worked out over the plan ≈15.0
    /// first derivable from Jan-Sep (3.52 / 23.5%).
    static let nanhuAugust = ["2015-08.toml": importedMonth(
        "2015-08", through: nil, sourceTitle: "月报 monthly sheet 2015-08: n8.csv",
        figures: [("nanhu", "completed", "\"2.0\"", "line 2")])]

    func load(_ months: [String: String]) throws -> Dataset {
        try DatasetLoader.load(directory: try bundledCopy("w26fid", monthly: months)).dataset
    }

    func state(_ d: Dataset, _ period: String, _ language: Language, width: Int = 200) throws -> AppState {
        var s = AppState(dataset: d, width: width, height: 60)
        s.stack = [Screen(.townList)]
        s.language = language
        s.periodIndex = try XCTUnwrap(d.periods.firstIndex { $0.id == period })
        return s
    }

    func row(_ s: AppState, _ town: Town) throws -> String {
        let name = s.language == .zh ? town.nameZH : town.nameEN
        return try XCTUnwrap(screen(s).first { $0.contains(name) }, screen(s).joined(separator: "\n"))
    }

    // MARK: G3: the flagged quotient keeps its `!` at every period it is shown

    func testAPlanFromALaterFlaggedRateIsFlaggedAndMarkedAtEarlierPeriods() throws {
        let d = try load(Self.haiyanOctober)
        let haiyan = try XCTUnwrap(d.town("haiyan"))
        let checker = Checker(dataset: d)
        let plan = FigureKey(.planYear, "2015")
        for id in ["2015-08", "2015-09", "2015-10"] {
            let p = try XCTUnwrap(d.period(id))
            XCTAssertTrue(checker.isFlagged(plan, town: haiyan, asOf: p), id)
            XCTAssertEqual(checker.metrics.planFromLaterPeriod(haiyan, asOf: p), id == "2015-10" ? nil : "2015-10", id)
        }
        for language in Language.allCases {
            for id in ["2015-08", "2015-09"] {
                let line = try row(try state(d, id, language), haiyan)
                XCTAssertTrue(line.contains("≈53?!"), "\(id) \(line)")
                // Its Jan-Sep rate is that period's own (reported): no mark of the later plan.
                if id == "2015-09" { XCTAssertTrue(line.contains(" 20.7% "), line) }
            }
            let october = try row(try state(d, "2015-10", language), haiyan)
            XCTAssertTrue(october.contains("≈53!"), october)
            XCTAssertFalse(october.contains("≈53?"), october)
            // The export writes the cells as shown.
            let s = try state(d, "2015-09", language)
            let csv = Export.render(try XCTUnwrap(s.content(for: s.screen)), format: .csv, title: "t", legend: "l")
            let line = try XCTUnwrap(csv.components(separatedBy: "\r\n").first { $0.contains(s.name(haiyan)) }, csv)
            XCTAssertTrue(line.contains("≈53?!"), line)
        }
    }

    // MARK: G5: a rate, a place and a plan resting on a later period's plan say so

    func testARateAndPlaceOverALaterPlanAreMarked() throws {
        let d = try load(Self.nanhuAugust)
        let nanhu = try XCTUnwrap(d.town("nanhu"))
        let august = try XCTUnwrap(d.period("2015-08")), september = try XCTUnwrap(d.period("2015-09"))
        let metrics = Metrics(dataset: d)
        XCTAssertEqual(metrics.planFromLaterPeriod(nanhu, asOf: august), "2015-09")
        XCTAssertNil(metrics.planFromLaterPeriod(nanhu, asOf: september))
        for language in Language.allCases {
            let zh = language == .zh
            let line = try row(try state(d, "2015-08", language), nanhu)
            XCTAssertTrue(line.contains("≈15.0? "), line)
            XCTAssertTrue(line.contains("≈13%? "), line)
            XCTAssertTrue(line.contains("≈-53? "), line)
            XCTAssertTrue(line.hasSuffix("≈3?"), line)
            // The known towns' sums hold that plan: `?` on the plan sum and its rate too.
            let sums = try XCTUnwrap(screen(try state(d, "2015-08", language)).first {
                $0.contains(zh ? "已知小镇合计" : "Sum of known") })
            // Haining's ≈18.6 (the year's one plan, wave 43) and Nanhu's ≈15.0: ≈33.6.
            XCTAssertTrue(sums.contains("≈33.6? ") && sums.contains("≈34%? "), sums)
            let sep = try row(try state(d, "2015-09", language), nanhu)
            XCTAssertTrue(sep.contains("≈15.0 "), sep)
            XCTAssertFalse(sep.contains("?"), sep)
            // The page: the history's rate and the place say so.
            var page = try state(d, "2015-08", language)
            page.height = 120
            page.stack = [Screen(.townList), Screen(.townPage("nanhu"))]
            let text = screen(page)
            let history = try XCTUnwrap(text.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(zh ? "2015年1-8月 " : "2015 Jan-Aug ") && $0.contains("2.0") },
                                        text.joined(separator: "\n"))
            XCTAssertTrue(history.contains("≈13%?"), history)
            // The page's lines joined, its wrapping undone.
            let all = text.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            XCTAssertTrue(all.contains(zh ? "其年计划据2015年1-9月（以后的期间）推出" : "over a plan from 2015 Jan-Sep (a later"),
                          all)
            // At Jan-Sep, the plan's own period, nothing of the kind.
            var sepPage = page
            sepPage.periodIndex = try XCTUnwrap(d.periods.firstIndex { $0.id == "2015-09" })
            let sepText = screen(sepPage)
            let sepHistory = try XCTUnwrap(sepText.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(zh ? "2015年1-8月 " : "2015 Jan-Aug ") && $0.contains("2.0") },
                                           sepText.joined(separator: "\n"))
            XCTAssertTrue(sepHistory.contains("≈13%?"), sepHistory)  // still Jan-Aug's row: as of Jan-Aug
            XCTAssertFalse(sepText.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ").contains(zh ? "（以后的期间）推出：按所示期间" : "(a later period): the reports"))
        }
    }

    // MARK: Wave 24's F1: the bundled data's Jan-Aug shows Nanhu's plan from Jan-Sep

    func testTheBundledJanAugPlanFromJanSepIsMarkedInTheListAndItsExports() throws {
        let d = try DatasetLoader.load(directory: repositoryRoot + "/Data").dataset
        let nanhu = try XCTUnwrap(d.town("nanhu")), haining = try XCTUnwrap(d.town("haining"))
        for language in Language.allCases {
            let s = try state(d, "2015-08", language)
            let nanhuRow = try row(s, nanhu), hainingRow = try row(s, haining)
            XCTAssertTrue(nanhuRow.contains("≈15.0? "), nanhuRow)
            // Haining's plan is derivable from Jan-Aug's own figures (9.3 / 50%): unmarked; its
            // digits are the year's one plan, ≈18.6, as at Jan-Sep (wave 43).
            XCTAssertTrue(hainingRow.contains("≈18.6 "), hainingRow)
            XCTAssertFalse(hainingRow.contains("?"), hainingRow)
            let content = try XCTUnwrap(s.content(for: s.screen))
            for format in [ExportRequest.Format.csv, .md, .json] {
                let out = Export.render(content, format: format, title: "t", legend: "l")
                XCTAssertTrue(out.contains("≈15.0?"), "\(format) \(out)")
            }
            // `y` copies the same cells.
            let clip = try XCTUnwrap(ClipboardText.of(s))
            XCTAssertTrue(clip.text.contains("≈15.0?"), clip.text)
            let later = try row(try state(d, "2015-09", language), nanhu)
            XCTAssertFalse(later.contains("?"), later)
        }
    }
}
