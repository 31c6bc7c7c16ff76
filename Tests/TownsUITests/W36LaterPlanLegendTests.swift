import Foundation
@testable import TownsCore
@testable import TownsUI
import XCTest

/// The screen's legend says why a `?` is there when it stands for a year's plan taken from a
/// later period (Nanhu's Jan-Aug plan `≈15.0?`, from Jan-Sep's 3.52 / 23.5%): wave 35's fresh user
/// read `? 不能判定` alone there, where the page, the overview's row and the exports say
/// `计划据以后期间` / `plan from a later period`. At 80 columns in both languages, and at 60 where
/// the words fit without a mark giving way.
final class W36LaterPlanLegendTests: XCTestCase {
    /// The legend line (the last but one) of `kind` at `period`, `width` x `height`, in `language`.
    func legend(_ kind: Screen.Kind, period: String, width: Int, height: Int, _ language: Language) throws -> String {
        var s = try bundledState(width: width, height: height, period: period)
        s.language = language
        s = update(s, .showView(kind))
        let lines = screen(s)
        return lines[lines.count - 2]
    }

    /// The towns view at Jan-Aug (Nanhu's plan `≈15.0?` its only `?`): the legend says the plan is
    /// from a later period, at 80 and 100 columns, in Chinese and English, every mark still listed.
    func testTheTownsLegendSaysThePlanIsFromALaterPeriod() throws {
        for width in [80, 100] {
            let zh = try legend(.townList, period: "2015-08", width: width, height: 24, .zh)
            XCTAssertTrue(zh.contains("不能判定（计划据以后期间）"), zh)
            for mark in ["≈", "—", "▼", "│", "单位"] { XCTAssertTrue(zh.contains(mark), "\(mark): \(zh)") }
            let en = try legend(.townList, period: "2015-08", width: width, height: 24, .en)
            XCTAssertTrue(en.contains("?unclear (later plan)"), en)
            for mark in ["≈", "—", "▼", "│", "unit"] { XCTAssertTrue(en.contains(mark), "\(mark): \(en)") }
        }
        // At 60x14 the words fit in Chinese, and in English in their shortest form (`?later plan`),
        // never at the cost of another mark.
        let zh = try legend(.townList, period: "2015-08", width: 60, height: 14, .zh)
        XCTAssertTrue(zh.contains("计划据以后期间") || zh.contains("据后期计划"), zh)
        XCTAssertTrue(zh.contains("▼") && zh.contains("│") && zh.contains("—"), zh)
        let en = try legend(.townList, period: "2015-08", width: 60, height: 14, .en)
        XCTAssertTrue(en.contains("?later plan") || en.contains("?unclear"), en)
        XCTAssertTrue(en.contains("▼") && en.contains("│") && en.contains("—") && en.contains("unit"), en)
        XCTAssertLessThanOrEqual(DisplayWidth.of(en), 60)
    }

    /// No later plan on screen (Jan-Sep: Nanhu's plan is its own period's): the usual words.
    func testNoLaterPlanNoReason() throws {
        for language in [Language.zh, .en] {
            let line = try legend(.townList, period: "2015-09", width: 100, height: 30, language)
            XCTAssertFalse(line.contains("以后期间") || line.contains("later"), line)
        }
        // The assessment at Jan-Aug draws `?` for rules not judged, no plan from a later period.
        let assessment = try legend(.assessment, period: "2015-08", width: 100, height: 30, .zh)
        XCTAssertFalse(assessment.contains("以后期间"), assessment)
    }

    /// The legend's words (`Renderer.legend(laterPlan:)`): every `?` a plan from a later period, or
    /// some beside other `?` (`含`, `incl.`); a line too short for them with every mark keeps the marks.
    func testTheLegendWords() {
        let shown: Set<Int> = [0, 4, 7, 13]  // ≈ — ▼ ?
        func line(_ width: Int, _ language: Language, _ later: Renderer.LaterPlanMarks) -> String {
            Renderer.legend(width: width, glyphs: .unicode, unit: "亿元", language: language, shown: shown,
                            laterPlan: later)
        }
        XCTAssertEqual(line(100, .zh, .only), "≈ 推算  — 未知  ▼ 落后  ? 不能判定（计划据以后期间）  单位 亿元")
        XCTAssertEqual(line(100, .zh, .among), "≈ 推算  — 未知  ▼ 落后  ? 不能判定（含计划据以后期间）  单位 亿元")
        XCTAssertEqual(line(120, .en, .only),
                       "≈ derived  — unknown  ▼ behind schedule  ? cannot be judged (plan from a later period)  unit 100M yuan")
        XCTAssertEqual(line(100, .zh, .none), "≈ 推算  — 未知  ▼ 落后  ? 不能判定  单位 亿元")
        // Too short for the reason: every mark kept, the usual words.
        XCTAssertEqual(line(52, .en, .among), line(52, .en, .none))
        XCTAssertEqual(line(52, .en, .none), "≈derived —unknown ▼behind ?unclear unit 100M yuan")
    }
}
