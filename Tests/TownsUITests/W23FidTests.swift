import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 23 (fid): a verdict never more certain than its sources for the period shown.
final class W23FidTests: XCTestCase {
    /// A month file for `towns import`'s output format, `figures` as (town, measure, TOML value).
    static func month(_ id: String, through: Int, _ figures: [(String, String, String)]) -> String {
        importedMonth(id, through: through, sourceTitle: "月报 monthly sheet \(id): w23.csv",
                      figures: figures.map { ($0.0, $0.1, $0.2, "line 2") })
    }

    /// Data/ copied with monthly files added, loaded.
    func dataset(_ months: [String: String]) throws -> Dataset {
        try DatasetLoader.load(directory: try bundledCopy("w23fid", monthly: months)).dataset
    }

    /// December 2015's figures (no period of their own: the bundled full year's) from a sheet
    /// imported as dec.csv.
    static func december(_ figures: [(town: String, measure: String, value: String, at: String)]) -> String {
        importedMonth("2015-12", through: nil, sourceTitle: "月报 monthly sheet 2015-12: dec.csv", figures: figures)
    }

    func state(_ dataset: Dataset, period: String, _ kind: Screen.Kind = .townList, language: Language = .en) throws
        -> AppState
    {
        var s = AppState(dataset: dataset, width: 160, height: 40)
        s.stack = [Screen(kind)]
        s.language = language
        s.periodIndex = try XCTUnwrap(dataset.periods.firstIndex { $0.id == period })
        return s
    }

    /// Nanhu's Jan-Jul 2.05 with no rate: its plan ≈15.0 is first derivable from Jan-Sep (3.52 / 23.5%).
    static let julyNanhu = ["2015-07.toml": month("2015-07", through: 7, [("nanhu", "completed", "\"2.05\"")])]

    // MARK: Item 1: a verdict resting on a plan from a later period is undecided as of the period

    func testAVerdictOnAPlanFromALaterPeriodIsUndecidedEverywhere() throws {
        let d = try dataset(Self.julyNanhu)
        let nanhu = try XCTUnwrap(d.town("nanhu"))
        let july = try XCTUnwrap(d.period("2015-07")), september = try XCTUnwrap(d.period("2015-09"))
        let checker = Checker(dataset: d)
        XCTAssertEqual(checker.laterPlanPeriod(nanhu, period: july), "2015-09")
        XCTAssertNil(checker.laterPlanPeriod(nanhu, period: september))
        XCTAssertTrue(checker.isVerdictUndecided(nanhu, period: july))
        XCTAssertFalse(checker.isVerdictUndecided(nanhu, period: september))
        for language in Language.allCases {
            let zh = language == .zh
            // The towns view: `?` in the place of ▼, no `!` (no check fails).
            let towns = try state(d, period: "2015-07", language: language)
            let row = try XCTUnwrap(screen(towns).first { $0.contains(zh ? "南湖基金小镇" : "Nanhu") })
            XCTAssertTrue(row.contains("≈-44.6? "), row)
            XCTAssertFalse(row.contains("▼"), row)
            // The overview: counted apart (`?1`), the reason said on its row.
            var overview = try state(d, period: "2015-07", .overview, language: language)
            overview.width = 120
            let lines = screen(overview).joined(separator: "\n")
            XCTAssertTrue(lines.contains(zh ? "落后 0 镇 ?1" : "?1"), lines)
            XCTAssertTrue(lines.contains(zh ? "计划据以后期间" : "plan from a later period"), lines)
            XCTAssertFalse(lines.contains(zh ? "差 ≈6.7" : "short ≈6.7"), lines)
            // The page: the readings, and which later period the plan comes from.
            var page = towns
            page.height = 80
            page.stack = [Screen(.townList), Screen(.townPage("nanhu"))]
            let text = screen(page).joined(separator: "\n")
            XCTAssertTrue(text.contains(zh ? "年计划最早据2015年1-9月（以后的期间）推出" : "first derivable from 2015 Jan-Sep, a later period"),
                          text)
            XCTAssertTrue(text.contains("-44.6?"), text)
            // At Jan-Sep, the plan's own period: behind, as before.
            let sep = try state(d, period: "2015-09", language: language)
            let sepRow = try XCTUnwrap(screen(sep).first { $0.contains(zh ? "南湖基金小镇" : "Nanhu") })
            XCTAssertTrue(sepRow.contains("-51.5▼"), sepRow)
        }
        // The `b` filter keeps it (it may be behind), with its `?`.
        var behind = try state(d, period: "2015-07")
        behind = update(behind, .toggleBehindFilter)
        let kept = screen(behind).joined(separator: "\n")
        XCTAssertTrue(kept.contains("Nanhu") && kept.contains("≈-44.6?"), kept)
        // The export says it the same way.
        let csv = Export.render(try XCTUnwrap(behind.content(for: behind.screen)), format: .csv, title: "t", legend: "l")
        let line = try XCTUnwrap(csv.components(separatedBy: "\r\n").first { $0.contains("Nanhu") }, csv)
        XCTAssertTrue(line.contains("-44.6?"), line)
        XCTAssertFalse(line.contains("▼"), line)
    }

    /// A reported rate for the period is the period's own reading: the verdict stands on it.
    func testAReportedRateKeepsItsVerdictWhateverThePlansPeriod() throws {
        let d = try dataset(["2015-07.toml": Self.month("2015-07", through: 7, [("nanhu", "completion_rate", "13.0")])])
        let nanhu = try XCTUnwrap(d.town("nanhu"))
        let july = try XCTUnwrap(d.period("2015-07"))
        let checker = Checker(dataset: d)
        XCTAssertNil(checker.laterPlanPeriod(nanhu, period: july))
        XCTAssertFalse(checker.isVerdictUndecided(nanhu, period: july))
        let row = try XCTUnwrap(screen(try state(d, period: "2015-07")).first { $0.contains("Nanhu") })
        XCTAssertTrue(row.contains("▼"), row)
    }
}

extension W23FidTests {
    // MARK: Item 2: the first-year rule on the paper's plain amount, its basis not stated

    func testTheFirstYearRuleOnThePapersAmountIsNotSettledAndSaysWhichBasis() throws {
        let d = try DatasetLoader.load(directory: repositoryRoot + "/Data").dataset
        let a = Assessment(metrics: Metrics(dataset: d))
        let rule = try XCTUnwrap(d.rules.first { $0.kind == .yearOneMinimum })
        let haining = try XCTUnwrap(d.town("haining"))
        // Jan-Sep: 13.56 (the paper's 完成投资额) ≥ 10, the rule counts fixed-asset investment
        // excluding commercial housing: `?`, not ✓.
        let sep = a.evaluate(rule, haining, asOf: d.period("2015-09"))
        XCTAssertEqual(sep.status, .unknown)
        guard case .basisNotStated("fai-excl-housing", .clearsHigherTier) = sep.finding else {
            return XCTFail("\(sep.finding)")
        }
        for language in Language.allCases {
            let words = RuleWords(dataset: d, language: language).text(sep.finding)
            XCTAssertTrue(words.contains(language == .zh ? "其口径论文未说明" : "whose basis it does not state"), words)
            XCTAssertTrue(words.contains(language == .zh ? "不含商品住宅" : "excluding commercial housing"), words)
            XCTAssertTrue(words.contains(language == .zh ? "不能判定" : "not settled"), words)
        }
        // The full year: the notice's ◇>14 is on the rule's basis: met.
        XCTAssertEqual(a.evaluate(rule, haining, asOf: d.period("2015-12")).status, .met)
        // A plain amount below the minimum is below on the rule's basis too: unchanged (not yet due).
        let nanhu = try XCTUnwrap(d.town("nanhu"))
        XCTAssertEqual(a.evaluate(rule, nanhu, asOf: d.period("2015-09")).status, .notYetDue)
        // The assessment's screen: `?` in the first-year column, the overview's count with it.
        var s = try bundledState(width: 100, height: 30, period: "2015-09")
        s.stack = [Screen(.assessment)]
        let row = try XCTUnwrap(screen(s).first { $0.contains("海宁皮革时尚小镇") })
        XCTAssertTrue(row.contains("海宁皮革时尚小镇   ?"), row)
    }
}

extension W23FidTests {
    // MARK: Item 4: a follower browsing alone at 80 columns keeps `/` and `y`

    func testAFollowerBrowsingAloneKeepsSearchAndCopyAt80Columns() throws {
        for kind in [Screen.Kind.townList, .overview, .townsOfEntity("haining-leather-city"), .townPage("haining")] {
            for language in Language.allCases {
                var s = try bundledState(width: 80, height: 24)
                s.language = language
                s.stack = kind.isPage ? [Screen(.townList), Screen(kind)] : [Screen(kind)]
                var f = Following(meeting: "周例会 第3次", presenter: "wang")
                f.detached = true
                s.meeting = .following(f)
                XCTAssertFalse(s.isFollowingPresenter)
                let line = try XCTUnwrap(screen(s).last)
                XCTAssertTrue(line.contains(" / ") || line.hasPrefix(" / "), "\(kind) \(language): \(line)")
                XCTAssertTrue(line.contains(" y "), "\(kind) \(language): \(line)")
                // As presenting keeps them.
                var p = s
                p.meeting = .presenting(name: "周例会 第3次", followers: 2)
                let presented = try XCTUnwrap(screen(p).last)
                XCTAssertTrue(presented.contains(" / ") && presented.contains(" y "), "\(kind) \(language): \(presented)")
            }
        }
    }
}

extension W23FidTests {
    // MARK: Fresh user's F9, F12, F15

    /// F9: the full year's 63.06 (fixed-asset investment excluding housing, ◇) is never set against
    /// the towns' plain completed amounts (Nanhu's 14.98, Jiashan's 7.50 imported for December).
    func testTheFullYearsTotalOnAnotherBasisIsNotCheckedAgainstPlainAmounts() throws {
        let december = Self.december([("nanhu", "completed", "\"14.98\"", "line 2"),
                                      ("jiashan", "completed", "\"7.50\"", "line 3")])
        let d = try dataset(["2015-12.toml": december])
        let key = FigureKey(.completed, "2015-12")
        let findings = Checker(dataset: d).run().filter { $0.kind == .inconsistency && $0.townID == nil }
        for f in findings {
            switch f.detail {
            case let .totalGap(g): XCTAssertNotEqual(g.key, key, "\(f.detail)")
            case let .knownExceedTotal(k, _, _), let .totalOfAll(k, _, _): XCTAssertNotEqual(k, key, "\(f.detail)")
            default: continue
            }
        }
        // The bundled data alone: the same (the three ◇>14 against 63.06 fit).
        let bundled = try DatasetLoader.load(directory: repositoryRoot + "/Data").dataset
        XCTAssertEqual(Checker(dataset: bundled).run().filter { $0.kind == .inconsistency }.count,
                       Checker(dataset: d).run().filter { $0.kind == .inconsistency }.count)
    }

    /// F12: the gap to the plan at the year's end is worked out from the projection: marked →.
    /// F15: nothing is needed a month once the completed amount reaches the plan (no negative amount).
    func testTheGapToPlanIsAProjectionAndNoNegativeAmountIsNeeded() throws {
        let s = try bundledState(width: 120, height: 80, period: "2015-09")
        let haining = try XCTUnwrap(s.dataset.town("haining"))
        let p = s.metrics.progress(haining, period: try XCTUnwrap(s.dataset.period("2015-09"))).againstPlan
        XCTAssertEqual(try XCTUnwrap(p.projectedGap).isProjection, true)
        var page = s
        page.stack = [Screen(.townList), Screen(.townPage("haining"))]
        for language in Language.allCases {
            page.language = language
            let line = try XCTUnwrap(screen(page).first { $0.contains(language == .zh ? "与计划差" : "Gap to plan") })
            XCTAssertTrue(line.contains("→0.5"), line)
        }
        let d = try dataset(["2015-11.toml": Self.month("2015-11", through: 11, [
            ("nanhu", "completed", "\"15.50\""), ("nanhu", "completion_rate", "103.5")])])
        let nanhu = try XCTUnwrap(d.town("nanhu"))
        let nov = Metrics(dataset: d).progress(nanhu, period: try XCTUnwrap(d.period("2015-11"))).againstPlan
        XCTAssertNil(nov.neededPerMonth, "15.50 is above the plan ≈15.0: \(String(describing: nov.neededPerMonth))")
        XCTAssertNotNil(nov.projectedGap)
    }
}

extension W23FidTests {
    // MARK: Item 5: the changes view's Δ sorts within each unit

    func testTheChangesDeltaSortsWithinEachUnit() throws {
        for descending in [false, true] {
            for language in Language.allCases {
                var s = try bundledState(width: 120, height: 40, period: "2015-09")
                s.language = language
                s = update(s, .showView(.changes))
                s = update(s, .chooseSort(descending: descending))
                s = update(s, .sortChooserKey(.char("6")))
                let lines = screen(s)
                let rows = lines.filter { $0.contains(language == .zh ? "完成率" : "completion rate") || $0.contains(language == .zh ? "完成投资" : "completed") }
                    .filter { $0.contains("≈+") }
                // The amounts (亿元: +12.56, +4.26) together and the rates (points: +12.1, +22.9, +20.7) together.
                let kinds = rows.map { $0.contains("%") }
                XCTAssertEqual(kinds.count, 5, lines.joined(separator: "\n"))
                let changesOfKind = zip(kinds, kinds.dropFirst()).filter { $0 != $1 }.count
                XCTAssertEqual(changesOfKind, 1, "\(descending) \(language): \(rows.joined(separator: "\n"))")
                let note = lines.joined().replacingOccurrences(of: " ", with: "")
                XCTAssertTrue(note.contains(language == .zh ? "按Δ排序时按单位分组" : "Δsortsbyunitfirst"), lines.joined(separator: "\n"))
            }
        }
    }
}

extension W23FidTests {
    /// F11: the land reward within the plan's rounding names what would settle it (the plan's
    /// exact amount), not the full year's figure it has just quoted.
    func testTheLandRewardWithinThePlansRoundingAsksForTheExactPlan() throws {
        let december = Self.december([("nanhu", "completed", "\"14.98\"", "line 2")])
        let d = try dataset(["2015-12.toml": december])
        let a = Assessment(metrics: Metrics(dataset: d))
        let rule = try XCTUnwrap(d.rules.first { $0.kind == .landReward })
        let r = a.evaluate(rule, try XCTUnwrap(d.town("nanhu")), asOf: d.period("2015-12"))
        XCTAssertEqual(r.status, .unknown)
        XCTAssertEqual(r.missingItems, [.exactPlanOfYear(2015)])
    }
}

extension W23FidTests {
    // MARK: Item 6: entities carry their file and line, cited by the entities' export

    func testEntitiesCarryTheirLineAndTheExportCitesIt() throws {
        let d = try DatasetLoader.load(directory: repositoryRoot + "/Data").dataset
        let text = try String(contentsOfFile: repositoryRoot + "/Data/entities.toml", encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        for e in d.entities {
            let origin = try XCTUnwrap(e.origin, e.id)
            XCTAssertTrue(origin.file.hasSuffix("entities.toml"), "\(origin)")
            // The record's header line, or within the record: its id follows before the next record.
            let record = lines[(origin.line - 1)...].prefix { !$0.hasPrefix("[[entity]]") || $0 == lines[origin.line - 1] }
            XCTAssertTrue(record.contains("id = \"\(e.id)\""), "\(e.id) at \(origin): \(record)")
        }
        var s = try bundledState(width: 120, height: 40)
        s.stack = [Screen(.entityList)]
        let export = try XCTUnwrap(s.exportOutput(.text, glyphs: .unicode)).text
        let cited = d.entities.compactMap { $0.origin?.line }.map { "\($0)" }
        XCTAssertTrue(export.contains("entities.toml:"), export)
        for line in cited { XCTAssertTrue(export.contains(line), "entities.toml:\(line) not cited: \(export)") }
    }
}
