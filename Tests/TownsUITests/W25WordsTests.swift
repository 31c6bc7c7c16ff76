import Foundation
import TownsCore
import XCTest

@testable import TownsUI

/// Wave 24's fresh user's findings left open, fixed in wave 25: a CSV (and every export of a
/// list) names the unit of each figure column in its title (F10); `towns check` flags a
/// completion rate below an earlier one's of its year (F5); a place resting on a derived rate is
/// marked `≈` (F3).
final class W25WordsTests: XCTestCase {
    // MARK: F10: the unit in an export's column titles

    /// The bundled data at Jan-Sep in `view` and `language`.
    func bundled(_ view: Screen.Kind, _ language: Language) throws -> AppState {
        var s = try bundledState(width: 120, height: 40, period: "2015-09")
        s.language = language
        s.stack = [Screen(view)]
        return s
    }

    /// The first line of a CSV export of the view shown: its column titles.
    func csvHeader(_ s: AppState) throws -> [String] {
        let out = try XCTUnwrap(s.exportOutput(.csv, glyphs: .unicode))
        let first = try XCTUnwrap(out.text.components(separatedBy: "\r\n").first)
        return first.components(separatedBy: ",")
    }

    /// F10: `e` on the towns view wrote `年计划,完成,…,进度差,…,Δ完成` with no unit: 13.56 forwarded
    /// alone could be 万元. Every figure column whose cells write no unit names it, as the
    /// statistics office's sheets (and `towns import`'s input) do; the rates keep their `%` in the cells.
    func testTheTownsViewsCSVNamesEachFigureColumnsUnit() throws {
        let zh = try csvHeader(try bundled(.townList, .zh))
        XCTAssertEqual(zh, ["小镇", "县市区", "类型", "年计划（亿元）", "完成（亿元）", "完成率", "进度差（百分点）", "项目",
                            "开工率", "Δ完成（亿元）", "Δ完成率（百分点）", "名次"])
        let en = try csvHeader(try bundled(.townList, .en))
        XCTAssertEqual(en[3], "Plan (100M yuan)")
        XCTAssertEqual(en[4], "Done (100M yuan)")
        XCTAssertEqual(en[6], "Sched. (points)")
        XCTAssertEqual(en[9], "ΔDone (100M yuan)")
        XCTAssertEqual(en[10], "ΔRate (points)")
        // The screen keeps its short titles: the legend names the unit there.
        let shown = screen(try bundled(.townList, .zh)).joined(separator: "\n")
        XCTAssertFalse(shown.contains("年计划（亿元）"), shown)
    }

    /// Every other form of a list's export (Markdown, JSON, the clipboard's `y`) and the other views
    /// with amounts (types, overview) carry the units too; the changes view, one unit a row, names it
    /// with each row's measure.
    func testEveryExportOfAListNamesItsUnits() throws {
        for language in Language.allCases {
            let amount = language == .zh ? "（亿元）" : " (100M yuan)"
            let towns = try bundled(.townList, language)
            let md = try XCTUnwrap(towns.exportOutput(.md, glyphs: .unicode)).text
            XCTAssertTrue(md.contains((language == .zh ? "年计划" : "Plan") + amount + " |"), md)
            let json = try XCTUnwrap(towns.exportOutput(.json, glyphs: .unicode)).text
            XCTAssertTrue(json.contains("\"" + (language == .zh ? "完成" : "Done") + amount + "\""), json)
            let copy = try XCTUnwrap(ClipboardText.of(towns)).text
            XCTAssertTrue(copy.contains((language == .zh ? "完成" : "Done") + amount + "\t"), copy)

            let types = try csvHeader(try bundled(.typeList, language))
            XCTAssertEqual(types[3], (language == .zh ? "计划" : "Plan") + amount, "\(types)")
            XCTAssertEqual(types[4], (language == .zh ? "完成" : "Done") + amount, "\(types)")

            let overview = try csvHeader(try bundled(.overview, language))
            XCTAssertEqual(overview.last, language == .zh ? "数字（金额：亿元，进度差与完成率变化：百分点）"
                : "Figures (amounts in 100M yuan; variances and changes of rate in points)", "\(overview)")

            let changes = try XCTUnwrap(try bundled(.changes, language).exportOutput(.csv, glyphs: .unicode)).text
            XCTAssertTrue(changes.contains(language == .zh ? ",完成投资（亿元）," : ",completed (100M yuan),"), changes)
            XCTAssertTrue(changes.contains(language == .zh ? ",完成率（Δ：百分点）," : "(Δ in points),"), changes)
            // On screen the measure is its name alone.
            let shown = screen(try bundled(.changes, language)).joined(separator: "\n")
            XCTAssertFalse(shown.contains(amount), shown)
        }
    }

    // MARK: F5: a falling completion rate in the checks

    /// The bundled data with a Jan-Oct month giving Haiyan's completion rate `rate` alone (its
    /// Jan-Sep rate is 20.7%), as the fresh user's sheet `haiyan,2015-10,100000,19%` without the amount.
    func haiyanOctober(_ rate: String, name: String) throws -> Dataset {
        let dir = try bundledCopy(name, monthly: [
            "2015-10.toml": october2015Month(sourceTitle: "月报 2015-10",
                                             figures: [("haiyan", "completion_rate", rate, "line 2")])])
        return try DatasetLoader.load(directory: dir).dataset
    }

    /// F5: 19% in October after 20.7% in September passed `towns check` without a word. The check
    /// is the import's rule (`Checker.rateFalls`): beyond the rounding of both.
    func testTheRuleIsBeyondTheRoundingOfBoth() {
        func d(_ s: String) -> Decimal { Decimal(string: s)! }
        XCTAssertTrue(Checker.rateFalls(earlier: (d("20.7"), 1), later: (d("19"), 0)))
        XCTAssertFalse(Checker.rateFalls(earlier: (d("20.7"), 1), later: (d("20.66"), 2)), "within rounding")
        XCTAssertFalse(Checker.rateFalls(earlier: (d("20.7"), 1), later: (d("21"), 0)), "rising")
        XCTAssertFalse(Checker.rateFalls(earlier: (d("21"), 0), later: (d("20.6"), 1)), "21 may be 20.5")
    }

    /// F5: the check finds the falling rate, names both figures' lines, flags the later one only
    /// (a later report never puts `!` on an earlier period's figure), in both languages.
    func testAFallingRateIsAnInconsistencyFlaggingTheLaterRate() throws {
        let dataset = try haiyanOctober("19.0", name: "w25-words-fall")
        let checker = Checker(metrics: Metrics(dataset: dataset))
        let findings = checker.run().filter {
            if case .rateFalls = $0.detail { return true } else { return false }
        }
        XCTAssertEqual(findings.count, 1, "\(findings)")
        let f = try XCTUnwrap(findings.first)
        XCTAssertEqual(f.kind, .inconsistency)
        XCTAssertEqual(f.townID, "haiyan")
        guard case let .rateFalls(earlier, earlierRate, earlierAt, later, laterRate) = f.detail else { return XCTFail("\(f)") }
        XCTAssertEqual([earlier, earlierRate, later, laterRate], ["2015-09", "20.7", "2015-10", "19.0"])
        XCTAssertEqual(earlierAt.map { dataset.dataPath($0.file) }, "figures.toml")
        XCTAssertEqual(f.flaggedFigures, [FigureKey(.completionRate, "2015-10")])
        XCTAssertEqual(Set(f.locations.map { dataset.dataPath($0.file) }), ["monthly/2015-10.toml", "figures.toml"])
        let haiyan = try XCTUnwrap(dataset.town("haiyan"))
        XCTAssertTrue(checker.isFlagged(FigureKey(.completionRate, "2015-10"), town: haiyan))
        XCTAssertFalse(checker.isFlagged(FigureKey(.completionRate, "2015-09"), town: haiyan))
        XCTAssertEqual(checker.findings(flagging: FigureKey(.completionRate, "2015-10"), town: haiyan).count, 1)

        let zh = FindingWords(dataset: dataset, language: .zh)
        XCTAssertTrue(zh.line(f).contains("不一致: 海盐核电小镇: 2015年1-10月完成率 19.0% 低于2015年1-9月的 20.7%（figures.toml:"), zh.line(f))
        XCTAssertEqual(zh.sources(f).count, 2, "\(zh.sources(f))")
        let en = FindingWords(dataset: dataset, language: .en)
        XCTAssertTrue(en.line(f).contains("inconsistency: Haiyan Nuclear Power Town: 2015 Jan-Oct completion 19.0% is below "
                                          + "2015 Jan-Sep's 20.7% (figures.toml:"), en.line(f))

        // The towns view's rate carries the check's `!`, as the other checks' figures do.
        var s = AppState(dataset: dataset, width: 140, height: 30)
        s.periodIndex = try XCTUnwrap(dataset.periods.firstIndex { $0.id == "2015-10" })
        s.stack = [Screen(.townList)]
        let table = Export.table(try XCTUnwrap(s.content(for: s.screen)), glyphs: .unicode)
        let row = try XCTUnwrap(table.rows.first { $0[0] == "海盐核电小镇" })
        XCTAssertEqual(row[5], "19.0%!", "\(row)")
    }

    /// A rate within the rounding of the earlier one, or above it, is no finding.
    func testARateWithinRoundingIsNoFinding() throws {
        for rate in ["20.66", "25"] {
            let dataset = try haiyanOctober(rate, name: "w25-words-nofall")
            let found = Checker(metrics: Metrics(dataset: dataset)).run().filter {
                if case .rateFalls = $0.detail { return true } else { return false }
            }
            XCTAssertEqual(found.count, 0, "\(rate): \(found)")
        }
    }

    // MARK: F3: a place resting on a derived rate

    /// The bundled data with a Jan-Oct month giving Nanhu's completed 4.5 (its rate then derived:
    /// 4.5 ÷ its plan ≈15.0, `≈30%`) and Haining's rate 80% (reported), at 2015-10.
    func octoberPlaces(_ view: Screen.Kind, _ language: Language) throws -> AppState {
        let dir = try bundledCopy("w25-words-place", monthly: [
            "2015-10.toml": october2015Month(sourceTitle: "月报 2015-10", figures: [
                ("nanhu", "completed", "4.5", "line 2"), ("haining", "completion_rate", "80", "line 3")])])
        let dataset = try DatasetLoader.load(directory: dir).dataset
        var s = AppState(dataset: dataset, width: 160, height: 40)
        s.language = language
        s.periodIndex = try XCTUnwrap(dataset.periods.firstIndex { $0.id == "2015-10" })
        s.stack = [Screen(view)]
        return s
    }

    /// F3: Nanhu's place `2` stood beside its derived rate `≈30%` unmarked. A place resting on a
    /// derived rate is `≈2` in the towns view and its exports; a reported rate's place stays `1`.
    func testAPlaceOnADerivedRateIsMarkedDerived() throws {
        for language in Language.allCases {
            let s = try octoberPlaces(.townList, language)
            let table = Export.table(try XCTUnwrap(s.content(for: s.screen)), glyphs: .unicode)
            let nanhu = try XCTUnwrap(table.rows.first { $0[0] == (language == .zh ? "南湖基金小镇" : "Nanhu Fund Town") },
                                      "\(table.rows)")
            XCTAssertTrue(nanhu[5].hasPrefix("≈"), "its rate is derived: \(nanhu)")
            XCTAssertEqual(nanhu[11], "≈2", "\(nanhu)")
            let haining = try XCTUnwrap(table.rows.first { $0[0].hasPrefix(language == .zh ? "海宁" : "Haining") })
            XCTAssertEqual(haining[11], "1", "\(haining)")
            let csv = try XCTUnwrap(s.exportOutput(.csv, glyphs: .unicode))
            XCTAssertTrue(csv.text.contains(",≈2\r\n"), csv.text)
            // The legend of the export explains `≈`.
            XCTAssertTrue(try XCTUnwrap(csv.meta).contains(language == .zh ? "推算" : "derived"))
        }
    }

    /// F3: Nanhu's page said `完成率名次 第 2（上期 3）…` of a place resting on its derived rate. It is
    /// `≈` there too, and says why.
    func testAPagesPlaceOnADerivedRateSaysWhy() throws {
        for language in Language.allCases {
            var s = try octoberPlaces(.townList, language)
            s = update(s, .runCommand("town nanhu"))
            XCTAssertEqual(s.screen.kind, .townPage("nanhu"))
            let page = s.pageLines(s.screen.kind, width: 200).map { $0.text() }
            let line = try XCTUnwrap(page.first { $0.contains(language == .zh ? "完成率名次" : "Place by rate") }, "\(page)")
            XCTAssertTrue(line.contains(language == .zh ? "≈第 2（上期 3）" : "≈2 (before: 3)"), line)
            XCTAssertTrue(line.contains(language == .zh ? "名次为推算：本镇完成率系推算" : "the place is derived: the town's rate is worked out"),
                          line)
            var h = try octoberPlaces(.townList, language)
            h = update(h, .runCommand("town haining"))
            let other = h.pageLines(h.screen.kind, width: 200).map { $0.text() }
                .first { $0.contains(language == .zh ? "完成率名次" : "Place by rate") } ?? ""
            XCTAssertFalse(other.contains("≈"), "Haining's 80% is reported: \(other)")
        }
    }
}
