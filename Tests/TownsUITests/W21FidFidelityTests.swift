import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 20's and wave 14's fresh users' data-fidelity findings (wave 21, fid): each figure the
/// dashboard shows says what the text holds, the same way wherever it is shown.
final class W21FidFidelityTests: XCTestCase {
    /// A month imported after Jan-Sep 2015, as `towns import` writes it (`monthly/2015-10.toml`):
    /// Haiyan's completed 11.30 and completion rate 23.9%, which together give its 2015 plan (≈47).
    static let haiyanOctober = october2015Month(
        sourceTitle: "月报 monthly sheet 2015-10: w21.csv",
        figures: [("haiyan", "completed", "\"11.30\"", "line 2"), ("haiyan", "completion_rate", "23.9", "line 2")])

    /// Data/ copied, with `monthly` files (name: text) added, loaded, shown at `period`.
    func copiedData(
        monthly: [String: String] = [:], figures edit: (String) -> String = { $0 }, language: Language = .zh,
        period: String = "2015-09", width: Int = 160, height: Int = 50
    ) throws -> AppState {
        try editedBundledState("w21fid", monthly: monthly, view: .overview, period: period, width: width, height: height,
                               language: language, edit)
    }

    // MARK: 1. A later month keeps the earlier periods' projections from their rates

    func testALaterMonthKeepsAnEarlierPeriodsRateProjection() throws {
        let before = try bundledState(width: 160, height: 50, period: "2015-09")
        let after = try copiedData(monthly: ["2015-10.toml": Self.haiyanOctober])
        XCTAssertNotNil(after.dataset.periods.first { $0.id == "2015-10" })
        for s in [before, after] {
            let period = try XCTUnwrap(s.dataset.periods.first { $0.id == "2015-09" })
            let haiyan = try XCTUnwrap(s.dataset.town("haiyan"))
            let p = s.metrics.progress(haiyan, period: period)
            XCTAssertNil(p.completed)  // its completed amount for Jan-Sep is unknown either way
            let proj = try XCTUnwrap(p.rateProjection)
            XCTAssertEqual(proj.quantity.exactValue.map { DecimalMath.text($0, scale: 1) }, "27.6")
            XCTAssertTrue(proj.isProjection)
            XCTAssertEqual(p.missing, [])
        }
        // The plan worked out from October's figures (≈47) gives the expected amount, so the
        // expected share of the plan is not said twice.
        let period = try XCTUnwrap(after.dataset.periods.first { $0.id == "2015-09" })
        let p = after.metrics.progress(try XCTUnwrap(after.dataset.town("haiyan")), period: period)
        XCTAssertNotNil(p.expected)
        XCTAssertNil(p.expectedRate)
        // On screen: the overview's row and the town's page keep 预测 →27.6%.
        let overview = screen(after)
        let row = try XCTUnwrap(overview.first { $0.contains("海盐核电小镇") && $0.contains("进度差") },
                                overview.joined(separator: "\n"))
        XCTAssertTrue(row.contains("预测 →27.6%"), row)
        var page = after
        page.stack = [Screen(.townPage("haiyan"))]
        let lines = screen(page)
        XCTAssertTrue(lines.contains { $0.contains("全年预测 占计划") && $0.contains("→27.6%") }, lines.joined(separator: "\n"))
        XCTAssertFalse(lines.contains { $0.contains("无法推算全年预测") }, lines.joined(separator: "\n"))
    }

    // MARK: 2. Worked out from an interpretation: both marks

    /// Haiyan's 14 projects started by October, over the paper's "共计30个项目" read as 30 each (`†30`).
    static let haiyanStarted = haiyanOctober + """

        [[figure]]
        town = "haiyan"
        measure = "projects_started"
        period = "2015-10"
        value = 14
        source = "import-2015-10"
        at = "line 2"

        """

    func testAStartRateOverAnInterpretedPlanCarriesBothMarksEverywhere() throws {
        for language in [Language.zh, .en] {
            var s = try copiedData(monthly: ["2015-10.toml": Self.haiyanStarted], language: language, period: "2015-10")
            let haiyan = try XCTUnwrap(s.dataset.town("haiyan"))
            let rate = try XCTUnwrap(s.metrics.figure(haiyan, FigureKey(.startRate, "2015-10")))
            XCTAssertTrue(rate.isInterpreted)  // never summed as known
            XCTAssertTrue(rate.isWorkedFromInterpretation)
            // The reading itself stays `†30`: an interpretation, not worked out.
            let planned = try XCTUnwrap(s.metrics.figure(haiyan, FigureKey(.projectsPlanned)))
            XCTAssertTrue(planned.isInterpreted)
            XCTAssertFalse(planned.isWorkedFromInterpretation)
            XCTAssertEqual(FigureText().percent(rate).text(.unicode), "≈†46.7%")
            XCTAssertEqual(FigureText().percent(rate).text(.ascii), "~*46.7%")
            XCTAssertEqual(FigureText().value(planned).text(.unicode), "†30")
            // The towns list, from the table as stored (`ShownFigure`) and as worked out.
            s.stack = [Screen(.townList)]
            let list = screen(s)
            let name = language == .zh ? "海盐核电小镇" : "Haiyan"
            let row = try XCTUnwrap(list.first { $0.contains(name) }, list.joined(separator: "\n"))
            XCTAssertTrue(row.contains("14/†30 ≈†46.7%"), row)
            XCTAssertFalse(row.contains(" †46.7%"), row)
            // The CSV export and its legend: both marks, each explained.
            let csv = try XCTUnwrap(s.exportOutput(.csv, glyphs: .unicode))
            XCTAssertTrue(csv.text.contains(",≈†46.7%,"), csv.text)
            let meta = try XCTUnwrap(csv.meta)
            XCTAssertTrue(meta.contains(language == .zh ? "≈  推算" : "≈  derived"), meta)
            XCTAssertTrue(meta.contains(language == .zh ? "（≈† 由解读值推算）" : "(≈†: worked out from one)"), meta)
            // The page: both marks, the arithmetic and the readings it rests on.
            s.stack = [Screen(.townPage("haiyan"))]
            let page = try XCTUnwrap(s.exportOutput(.text, glyphs: .unicode)).text  // the whole page
            XCTAssertTrue(page.contains("≈†46.7%"), page)
            // Wrapped lines joined again: "rests on an" may end a line.
            let joined = page.split(whereSeparator: \.isWhitespace).joined(separator: language == .zh ? "" : " ")
            XCTAssertTrue(joined.contains(language == .zh ? "所用数字为解读" : "rests on an interpretation"), page)
        }
    }

    // MARK: 3. A small derived figure keeps its first significant digit

    func testASmallGapIsNotRoundedToAnotherFigure() throws {
        // The inputs leave Haining's shortfall in [-0.83, -0.39]: no digit is supported, but
        // written to none, -0.61 would read ≈1 (and 0.4 ≈0).
        var f = Figure.derived(Decimal(string: "-0.61")!, decimals: 2, formula: "",
                               interval: Interval(Decimal(string: "-0.83")!, Decimal(string: "-0.39")!))
        XCTAssertEqual(f.supportedText, "-0.6")
        f.quantity = .exact(Decimal(string: "0.04")!, decimals: 2)
        XCTAssertEqual(f.supportedText, "0.04")
        f.quantity = .exact(Decimal(string: "1.61")!, decimals: 2)
        XCTAssertEqual(f.supportedText, "2")  // a figure of one unit or more keeps the interval's rule
        f.quantity = .exact(0, decimals: 2)
        XCTAssertEqual(f.supportedText, "0")
        // Haining's Jan-Sep completed printed 14.56 for 13.56 (README): its plans disagree (≈19!),
        // ahead ≈0.61 by the amount and ≈0.81 above the plan at its pace.
        for language in [Language.zh, .en] {
            var s = try copiedData(figures: { Self.replacingOnce($0, "value = 13.56", "value = 14.56") },
                                   language: language)
            let overview = screen(s).joined(separator: "\n")
            XCTAssertTrue(overview.contains(language == .zh ? "金额 超前 ≈0.6!" : "≈0.6!"), overview)
            XCTAssertFalse(overview.contains("≈1!"), overview)
            s.stack = [Screen(.townPage("haining"))]
            let page = try XCTUnwrap(s.exportOutput(.text, glyphs: .unicode)).text
            XCTAssertTrue(page.contains("≈19!"), page)  // the plan itself: the interval's digits
            XCTAssertTrue(page.contains(language == .zh ? "超前 ≈0.6 亿元!" : "ahead by ≈0.6"), page)
            XCTAssertTrue(page.contains("→0.8!"), page)  // above the plan at the pace so far: a projection (w23: →)
            XCTAssertFalse(page.contains("≈1!"), page)
        }
    }

    static func replacingOnce(_ text: String, _ old: String, _ new: String) -> String {
        let parts = text.components(separatedBy: old)
        XCTAssertEqual(parts.count, 2, old)
        return parts.joined(separator: new)
    }

    // MARK: 4. Ahead by its rate alone: its page says so, naming the reading

    func testAPageSaysTheListsVerdictByRate() throws {
        for language in [Language.zh, .en] {
            var s = try bundledState(width: 160, height: 50, period: "2015-09")
            s.language = language
            s.stack = [Screen(.townList)]
            let list = screen(s)
            let tongxiang = try XCTUnwrap(list.first { $0.contains(language == .zh ? "桐乡毛衫时尚小镇" : "Tongxiang") })
            XCTAssertTrue(tongxiang.contains("+17.7"), tongxiang)
            func page(_ id: String) throws -> String {
                var p = s
                p.stack = [Screen(.townPage(id))]
                return try XCTUnwrap(p.exportOutput(.text, glyphs: .unicode)).text
            }
            let ahead = try page("tongxiang"), behind = try page("haiyan")
            XCTAssertTrue(ahead.contains(language == .zh ? "进度差 +17.7：按完成率 超前 17.7 个百分点"
                                                         : "Schedule variance +17.7: by rate ahead by 17.7 points"), ahead)
            XCTAssertTrue(behind.contains(language == .zh ? "进度差 -54.3：按完成率 落后 54.3 个百分点"
                                                          : "Schedule variance -54.3: by rate behind by 54.3 points"), behind)
            // The city's, from its flagged 42.5%, carries the `!` as the list's -32.5▼! does.
            var city = s
            city.stack = [Screen(.cityTotals)]
            let totals = try XCTUnwrap(city.exportOutput(.text, glyphs: .unicode)).text
            XCTAssertTrue(totals.contains(language == .zh ? "进度差 -32.5!：按完成率 落后 32.5 个百分点"
                                                          : "Schedule variance -32.5!: by rate behind by 32.5 points"), totals)
        }
        // An undecided town says both readings instead (W15), not the rate's alone.
        var s = try copiedData(figures: { Self.replacingOnce($0, "value = 13.56", "value = 14.56") })
        s.stack = [Screen(.townPage("haining"))]
        let page = try XCTUnwrap(s.exportOutput(.text, glyphs: .unicode)).text
        XCTAssertTrue(page.contains("落后/超前 ?"), page)
        XCTAssertFalse(page.contains("进度差 -2.1"), page)
    }

    // MARK: 5. A check on sums flags the sums

    /// Jiashan given a 2015 plan of 100 and 5 completed by September: the known towns' plans
    /// (≈18.6 + ≈15.0 + 100) sum past the city's reported 106.8; its completed figures do not.
    static let jiashanPlan = """

        [[figure]]
        town = "jiashan"
        measure = "plan_year"
        period = "2015"
        value = 100
        source = "paper"

        [[figure]]
        town = "jiashan"
        measure = "completed"
        period = "2015-09"
        value = 5
        source = "paper"

        """

    func testAKnownSumPastTheTotalCarriesItsFlag() throws {
        let s = try copiedData(figures: { $0 + Self.jiashanPlan })
        let exceeding = s.facts.findings.filter {
            if case .knownExceedTotal = $0.detail { return true }
            return false
        }
        XCTAssertEqual(exceeding.count, 1)
        XCTAssertEqual(s.sumCheckedKeys(), [FigureKey(.planYear, "2015")])
        // No town's own check fails: the `!` comes from the check on sums alone.
        XCTAssertTrue(s.suspectTowns().isEmpty)
        for language in [Language.zh, .en] {
            var t = s
            t.language = language
            t.stack = [Screen(.townList)]
            let list = screen(t)
            let sums = try XCTUnwrap(list.first { $0.contains(language == .zh ? "已知小镇合计" : "Sum of known") },
                                     list.joined(separator: "\n"))
            // Jiashan's plan 100 and completed 5 have no decimals, so the sums have none (wave 27,
            // F3: ≈133.6 and 22.08 claimed digits those figures do not give).
            XCTAssertTrue(sums.contains("≈134!"), sums)
            XCTAssertTrue(sums.contains(" 22 "), sums)  // the completed figures' sum is not in doubt
            XCTAssertFalse(sums.contains("22!"), sums)
            t.stack = [Screen(.overview)]
            let overview = screen(t)
            let type2 = try XCTUnwrap(overview.first { $0.contains(language == .zh ? "2 乡村休闲" : "2 Rural") },
                                      overview.joined(separator: "\n"))
            // Type 2's subtotal is Jiashan's plan alone, whose own row carries no `!`: the check
            // compares the sum over every town, not a type's (wave 43, `W43SubtotalFlagTests`).
            XCTAssertTrue(type2.contains("5 / 100 "), type2)
            XCTAssertFalse(type2.contains("100!"), type2)
            // Enter on the sum row leads to the city's totals page, which names the check.
            t.stack = [Screen(.cityTotals)]
            let page = try XCTUnwrap(t.exportOutput(.text, glyphs: .unicode)).text
            XCTAssertTrue(page.contains(language == .zh ? "仅已知的小镇合计已达" : "the known towns alone sum to"), page)
        }
        // From a snapshot: the same, the keys stored (`sumCheckedTotalsName`).
        let folders = TemporaryFolders()
        let dir = folders.make("data")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for name in DatasetLoader.fileNames + DatasetLoader.optionalFileNames {
            try FileManager.default.copyItem(atPath: repositoryRoot + "/Data/" + name, toPath: dir + "/" + name)
        }
        let figures = try String(contentsOfFile: dir + "/figures.toml", encoding: .utf8)
        try (figures + Self.jiashanPlan).write(toFile: dir + "/figures.toml", atomically: true, encoding: .utf8)
        let store = SnapshotStore(folder: folders.make("cache"))
        try store.write(directory: dir, derive: AppState.derivedTables)
        let loaded = try store.open(directory: dir)
        let derived = try XCTUnwrap(loaded.derived)
        XCTAssertEqual(derived.rowSet(AppState.sumCheckedTotalsName)?.count, 1)
        var stored = AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 160, height: 50)
        stored.periodIndex = try XCTUnwrap(loaded.dataset.periods.firstIndex { $0.id == "2015-09" })
        XCTAssertEqual(stored.sumCheckedKeys(), [FigureKey(.planYear, "2015")])
        stored.stack = [Screen(.townList)]
        XCTAssertTrue(screen(stored).contains { $0.contains("已知小镇合计") && $0.contains("≈134!") })
    }
}
