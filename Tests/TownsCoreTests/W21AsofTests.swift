import Foundation
@testable import TownsCore
import XCTest

/// Wave 21 (asof): a later month whose derived year's plan disagrees with the earlier periods'
/// must not put `!` on the earlier periods' figures nor change their verdicts (README: evidence
/// dated up to the period shown). The later month's figures are the ones flagged, and `towns
/// check` still reports the year's disagreement, naming every period.
final class W21AsofTests: XCTestCase {
    /// The bundled data with a November sheet for Haining: 15.50 at 95% gives a plan of
    /// [16.225, 16.407], against [18.3, 18.9] from Jan-Aug and Jan-Sep.
    func withDisagreeingNovember() throws -> Dataset {
        let dir = try brokenCopy("dataset.toml") { $0 }
        try FileManager.default.createDirectory(atPath: dir + "/monthly", withIntermediateDirectories: true)
        let november = """
            [[period]]
            id = "2015-11"
            label_zh = "2015年1-11月"
            label_en = "2015 Jan-Nov"
            year = 2015
            through = 11

            [[source]]
            id = "import-2015-11"
            title = "月报 monthly sheet 2015-11"
            note = "test: a disagreeing later month"

            [[figure]]
            town = "haining"
            measure = "completed"
            period = "2015-11"
            value = "15.50"
            source = "import-2015-11"
            at = "line 2"

            [[figure]]
            town = "haining"
            measure = "completion_rate"
            period = "2015-11"
            value = 95
            source = "import-2015-11"
            at = "line 2"

            """
        try november.write(toFile: dir + "/monthly/2015-11.toml", atomically: true, encoding: .utf8)
        return try DatasetLoader.load(directory: dir).dataset
    }

    func testALaterDisagreeingMonthFlagsItselfNotTheEarlierPeriods() throws {
        let bundled = try loadBundled()
        let d = try withDisagreeingNovember()
        XCTAssertNotNil(d.period("2015-11"))
        let haining = try XCTUnwrap(d.town("haining"))
        for checker in [Checker(dataset: d), Checker(dataset: d).remembering(haining)] {
            for p in ["2015-08", "2015-09"] {
                XCTAssertFalse(checker.isFlagged(FigureKey(.completed, p), town: haining), p)
                XCTAssertFalse(checker.isFlagged(FigureKey(.completionRate, p), town: haining), p)
                XCTAssertFalse(checker.isFlagged(FigureKey(.planYear, "2015"), town: haining, asOf: d.period(p)), p)
                XCTAssertFalse(checker.isFlagged(workedFrom: [.planYear, .completed], town: haining,
                                                 period: try XCTUnwrap(d.period(p))), p)
            }
            XCTAssertTrue(checker.isFlagged(FigureKey(.completed, "2015-11"), town: haining))
            XCTAssertTrue(checker.isFlagged(FigureKey(.completionRate, "2015-11"), town: haining))
            XCTAssertTrue(checker.isFlagged(FigureKey(.planYear, "2015"), town: haining, asOf: d.period("2015-11")))
            // Asked by its year alone, the plan is judged on the whole year in the data.
            XCTAssertTrue(checker.isFlagged(FigureKey(.planYear, "2015"), town: haining))
        }
        // The year's plan stands on Jan-Aug and Jan-Sep (the interval the bundled data gives),
        // its formula naming November's disagreement.
        let plan = try XCTUnwrap(Metrics(dataset: d).figure(haining, FigureKey(.planYear, "2015")))
        let bundledPlan = try XCTUnwrap(Metrics(dataset: bundled).figure(bundled.town("haining")!,
                                                                           FigureKey(.planYear, "2015")))
        XCTAssertEqual(plan.interval, bundledPlan.interval)
        guard case .derived(let formula) = plan.provenance else { return XCTFail("derived") }
        XCTAssertTrue(formula.contains("Jan-Nov"), formula)
        XCTAssertTrue(formula.contains("disagrees"), formula)

        // towns check still reports the year's disagreement, naming every period, flagging November's figures.
        let reported = Checker(dataset: d).run().filter { $0.kind == .inconsistency && $0.townID == "haining" }
        XCTAssertEqual(reported.count, 1, "\(reported)")
        let finding = try XCTUnwrap(reported.first)
        guard case let .planAgreement(year, derivations) = finding.detail else { return XCTFail("\(finding)") }
        XCTAssertEqual(year, 2015)
        XCTAssertEqual(derivations.map(\.period), ["2015-08", "2015-09", "2015-11"])
        XCTAssertEqual(Set(finding.flaggedKeys),
                       [FigureKey(.completed, "2015-11"), FigureKey(.completionRate, "2015-11")])
    }

    func testEarlierVerdictsAreUnchangedByALaterDisagreeingMonth() throws {
        let bundled = try loadBundled()
        let d = try withDisagreeingNovember()
        let before = Assessment(metrics: Metrics(dataset: bundled))
        let after = Assessment(metrics: Metrics(dataset: d))
        for id in ["2015-08", "2015-09"] {
            for rule in bundled.rules {
                let was = before.evaluate(rule, bundled.town("haining")!, asOf: bundled.period(id))
                let now = after.evaluate(rule, d.town("haining")!, asOf: d.period(id))
                XCTAssertEqual(now.status, was.status, "\(rule.kind) at \(id): \(now.finding) was \(was.finding)")
            }
        }
        let yearOne = try XCTUnwrap(d.rules.first { $0.kind == .yearOneMinimum })
        // w23-fid: 13.56 ≥ 10 under every tier on the paper's completed investment, not in doubt; the
        // rule's basis (excluding commercial housing) is not the paper's stated one: `?`, as before November.
        let r = after.evaluate(yearOne, d.town("haining")!, asOf: d.period("2015-09"))
        XCTAssertEqual(r.status, .unknown, "13.56 ≥ 10 on the paper's basis, not settled on the rule's")
        guard case .basisNotStated(_, .clearsHigherTier) = r.finding else { return XCTFail("\(r.finding)") }
    }
}
