import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Fresh-user findings (w9-rules): figures worked out from flagged ones, counts of towns left out
/// of a filter, the same-towns rate, stakes and projections at the year's end, the data time.
final class W9RulesTests: XCTestCase {
    /// A dataset folder copied from Data/ with one file edited, shown at `period` on the overview.
    func editedState(_ file: String, period: String, _ edit: (String) -> String) throws -> AppState {
        try editedBundledState("w9", file: file, period: period, width: 100, height: 30, edit)
    }

    // MARK: 3. A figure worked out from a flagged one carries `!`

    /// The city's schedule variance comes from its flagged 42.5%!: `-32.5▼!` on the overview and
    /// in the towns view's city row; a town whose figures agree carries none.
    func testScheduleVarianceFromAFlaggedRateIsFlagged() throws {
        let s = try bundledState(period: "2015-09")
        let towns = screen(s)
        let cityRow = try XCTUnwrap(towns.first { $0.contains("全市报告") })
        XCTAssertTrue(cityRow.contains("42.5%!") && cityRow.contains("-32.5▼!"), cityRow)
        let haining = try XCTUnwrap(towns.first { $0.contains("海宁皮革") })
        XCTAssertTrue(haining.contains("-2.1▼") && !haining.contains("-2.1▼!"), haining)
        let overview = screen(update(s, .showView(.overview)))
        let city = try XCTUnwrap(overview.first { $0.contains("45.06 / 106.8") })
        XCTAssertTrue(city.contains("-32.5▼!"), city)
        let checker = s.facts.checker
        let sep = try XCTUnwrap(s.period)
        XCTAssertTrue(checker.isFlagged(workedFrom: [.completionRate], town: nil, period: sep))
        XCTAssertFalse(checker.isFlagged(workedFrom: [.planYear, .completed], town: s.dataset.town("haining"),
                                         period: sep))
    }

    /// Haining's Jan-Sep completed edited so that its plans disagree (12.0 / 72.9% ≈ 16.5 against
    /// 9.3 / 50% = 18.6): its shortfall and projection on the overview carry the `!` as its figures do.
    func testShortfallAndProjectionFromFlaggedFiguresAreFlagged() throws {
        let s = try editedState("figures.toml", period: "2015-09") {
            $0.replacingOccurrences(of: "value = 13.56\n", with: "value = 12.0\n")
        }
        let haining = try XCTUnwrap(s.dataset.town("haining"))
        XCTAssertTrue(s.facts.checker.isFlagged(FigureKey(.completed, "2015-09"), town: haining), "the edit disagrees")
        func behindRow(_ state: AppState) throws -> String {
            let lines = screen(update(state, .showView(.overview)))
            return try XCTUnwrap(lines.first { $0.contains("海宁皮革") && $0.contains("差 ≈") },
                                 lines.joined(separator: "\n"))
        }
        let row = try behindRow(s)
        XCTAssertEqual(row.filter { $0 == "!" }.count, 2, "shortfall and projection: \(row)")
        XCTAssertTrue(row.contains("→"), row)
        XCTAssertFalse(try behindRow(try bundledState(period: "2015-09")).contains("!"), "agreeing figures: no `!`")
    }
    // MARK: 6. At the year's end: no projection, the stake in the past tense

    /// Haining's full-year figure made exact (20, replacing ◇>14): at 2015年全年 there is nothing to
    /// project (a projection equal to the figure read as a forecast); in September there is.
    func testNoProjectionAtTheYearsEnd() throws {
        let s = try editedState("figures.toml", period: "2015-12") {
            $0.replacingOccurrences(of: "more_than = 14\n", with: "value = 20\n")
        }
        let haining = try XCTUnwrap(s.dataset.town("haining"))
        let dec = try XCTUnwrap(s.period)
        XCTAssertEqual(dec.through, 12)
        let p = s.metrics.progress(haining, period: dec)
        XCTAssertNotNil(p.completed?.quantity.exactValue, "the edit gives an exact full-year figure")
        XCTAssertNil(p.projection)
        XCTAssertNil(p.recentProjection)
        XCTAssertNil(p.projectedGap)
        XCTAssertTrue(p.missing.isEmpty, "nothing is missing for a projection there is no need of: \(p.missing)")
        let sep = try XCTUnwrap(s.dataset.period("2015-09"))
        XCTAssertNotNil(s.metrics.progress(haining, period: sep).projection, "September still projects")
        XCTAssertNil(s.metrics.progress(s.dataset.town("haiyan"), period: dec).rateProjection)
    }

    /// The land reward's stake reads as decided at 2015年全年 and as still to come in September.
    func testTheStakeIsInThePastTenseAtTheYearsEnd() throws {
        func notes(_ period: String, _ language: Language) throws -> String {
            var s = try bundledState(width: 100, height: 50, period: period)
            s.language = language
            s = apply(s, .showView(.assessment))
            return try XCTUnwrap(s.content(for: s.screen)).notes.map { $0.text(.unicode) }.joined(separator: "\n")
        }
        let decZH = try notes("2015-12", .zh), sepZH = try notes("2015-09", .zh)
        XCTAssertTrue(decZH.contains("如未完成2015年度计划（2015年已过，是否完成未知）"), decZH)
        XCTAssertFalse(decZH.contains("2015年底见分晓"), decZH)
        XCTAssertTrue(sepZH.contains("若未完成2015年度计划（2015年底见分晓）"), sepZH)
        let decEN = try notes("2015-12", .en)
        XCTAssertTrue(decEN.contains("if the 2015 annual plan was missed (2015 is over; whether it was is not known)"),
                      decEN)
        XCTAssertFalse(decEN.contains("known at the end of 2015"), decEN)
    }
    // MARK: 4. The lower tier quoted says why it applies

    /// Nanhu (finance) is judged against 6 and 30, the lower tiers: its rule lines say so, and
    /// that its plan >50 meets the higher 50 too; Haiyan (standard tier 10 and 50) gets no such words.
    func testTheLowerTierQuotedSaysWhyItApplies() throws {
        func page(_ town: String, _ language: Language) throws -> String {
            var s = try bundledState(width: 120, height: 40, period: "2015-09")
            s.language = language
            s.stack.append(Screen(.townPage(town)))
            return s.pageLines(s.screen.kind, width: 400).map { $0.text(.unicode) }.joined(separator: "\n")
        }
        let en = try page("nanhu", .en)
        for words in ["3.52 so far, below 6; the year is not over; 6 is the lower tier, for finance towns (whether the "
                        + "county is one of the 26 is not known and does not matter); 10 otherwise",
                      "plan >50 meets the minimum 30; completion judged at the end of 2017 or 2019; 30 is the lower "
                        + "tier, for finance towns; 50 otherwise; it meets the higher tier 50 too"] {
            XCTAssertTrue(en.contains(words), "\(words) in\n\(en)")
        }
        let zh = try page("nanhu", .zh)
        for words in ["6 为较低一档，适用于金融类小镇（所在县是否属26个加快发展县未知，不影响），否则为 10",
                      "30 为较低一档，适用于金融类小镇，否则为 50；也达到较高一档 50"] {
            XCTAssertTrue(zh.contains(words), "\(words) in\n\(zh)")
        }
        XCTAssertFalse(try page("haiyan", .en).contains("is the lower tier"), "Haiyan is judged against 10 and 50")
    }
    // MARK: 5. A rate of sums has the digits its inputs support

    /// The known sums ≈33.6 and 17.08 (Nanhu's plan in [14.926, 15.032]) give ≈51%, not ≈50.9%: a
    /// reader's 17.08 / 33.6 = 50.8% agrees with it.
    func testTheRateOfSumsHasTheDigitsItsInputsSupport() throws {
        let s = try bundledState(period: "2015-09")
        let known = try XCTUnwrap(screen(s).first { $0.contains("已知小镇合计") })
        XCTAssertTrue(known.contains("≈33.6 17.08 ≈51%"), known)
        let both = s.groupProgress(Array(s.dataset.towns.indices))
        let interval = try XCTUnwrap(both.rateInterval)
        XCTAssertEqual(interval.supportedDecimals(atMost: 1), 0, "\(interval)")
        // The reader's check, from the sums as shown, rounds to the rate shown.
        XCTAssertEqual(DecimalMath.text(Decimal(string: "17.08")! / Decimal(string: "33.6")! * 100, scale: 0), "51")
        let haining = try XCTUnwrap(s.dataset.towns.firstIndex { $0.id == "haining" })
        // Haining alone: 13.56 / ≈18.6 (in [18.581, 18.620]), narrowed to its own 72.9% (72.85%-72.95%):
        // ≈72.9%, its town's digits (wave 31, one digits rule with type 3's ≈23.5%), as 13.56 / 18.6 reads.
        let one = s.groupCells(s.groupProgress([haining]))
        XCTAssertEqual(one.rate.text(.unicode), "≈72.9%")
        XCTAssertEqual(DecimalMath.text(Decimal(string: "13.56")! / Decimal(string: "18.6")! * 100, scale: 1), "72.9")
        // Behind only (b): the same-towns row says the same.
        let behind = screen(apply(s, .toggleBehindFilter))
        let same = try XCTUnwrap(behind.first { $0.contains("17.08") }, behind.joined(separator: "\n"))
        XCTAssertTrue(same.contains("≈51%") && !same.contains("50.9"), same)
    }
    // MARK: 2. A filter counts the towns it cannot test

    /// `b` at 2015年全年: no town is known to be behind, and Nanhu, Haiyan (and the others with
    /// only a bound or nothing) have no rate: the note counts them instead of a bare "no towns".
    func testTheBehindFilterCountsTheTownsItCannotJudge() throws {
        for language in Language.allCases {
            var s = try bundledState(period: "2015-12")
            s.language = language
            s = apply(s, .toggleBehindFilter)
            let content = try XCTUnwrap(s.content(for: s.screen))
            let table = s.periodTable()
            let noRate = s.dataset.towns.indices.filter { table[$0].completionRate?.quantity.exactValue == nil }.count
            XCTAssertGreaterThanOrEqual(noRate, 2, "Nanhu and Haiyan at least")
            let note = s.tr(Catalogue.untestedNoProgress(noRate))
            XCTAssertTrue(content.notes.contains { $0.text(.unicode) == note }, "\(note) in \(content.notes)")
            XCTAssertTrue(screen(s).contains { $0.contains(note) }, screen(s).joined(separator: "\n"))
        }
        XCTAssertEqual(Catalogue.untestedNoProgress(3).zh, "另 3 镇无本期进度，不能判断")
        XCTAssertEqual(Catalogue.untestedNoProgress(3).en, "3 towns have no progress figure this period: not judged")
        XCTAssertEqual(Catalogue.untestedNoProgress(1).en, "1 town has no progress figure this period: not judged")
        // September: every town with a rate is judged; the one without (Jiashan) is counted.
        let sep = apply(try bundledState(period: "2015-09"), .toggleBehindFilter)
        XCTAssertTrue(try XCTUnwrap(sep.content(for: sep.screen)).notes.contains {
            $0.text(.unicode) == Catalogue.untestedNoProgress(1).zh
        })
    }

    /// `:filter problem weak-identity`: the paper names the problem for the towns as a group, so
    /// no town passes, and the note says why.
    func testTheProblemFilterSaysThePaperNamesItForTheGroup() throws {
        var s = try bundledState(period: "2015-09")
        s.language = .en
        s.filter.problem = "weak-identity"
        let content = try XCTUnwrap(s.content(for: s.screen))
        XCTAssertEqual(content.rows.count, 0)
        let attributed = (s.dataset.problems?.flags ?? []).filter { $0.problemID == "weak-identity" }
        XCTAssertTrue(attributed.isEmpty, "no source attributes it to a town in the bundled data")
        let note = s.tr(Catalogue.untestedNoAttribution(s.dataset.towns.count, anyAttributed: false))
        XCTAssertTrue(note.hasPrefix("the paper names this problem for the towns as a group"), note)
        XCTAssertTrue(content.notes.contains { $0.text(.unicode) == note }, "\(note) in \(content.notes)")
    }
    /// An English count of one is singular wherever counts of towns are worded.
    func testOneTownIsSingular() {
        XCTAssertEqual(Catalogue.towns("1").en, "1 town")
        XCTAssertEqual(Catalogue.towns("3").en, "3 towns")
        XCTAssertEqual(Catalogue.stakeTowns("1").en, "1 town")
        XCTAssertEqual(Catalogue.stakeTowns("2").en, "2 towns")
        XCTAssertTrue(Catalogue.typeCovered("1", "1").en.hasPrefix("1/1 town,"), Catalogue.typeCovered("1", "1").en)
        XCTAssertTrue(Catalogue.untestedNoAttribution(1, anyAttributed: true).en.hasPrefix("1 town: "))
    }
}
