import Foundation
import TownsCore
import XCTest

/// Issue 14 point 6: what follows from a ✗ or ? under the province's rules.
final class StakesTests: XCTestCase {
    func testTheLandRulesStakesOnTheBundledData() throws {
        let dataset = try loadBundled()
        let assessment = Assessment(metrics: Metrics(dataset: dataset))
        let sep = try XCTUnwrap(dataset.period("2015-09"))
        let reward = try XCTUnwrap(dataset.rules.first { $0.kind == .landReward })
        let deduction = try XCTUnwrap(dataset.rules.first { $0.kind == .landDeduction })
        // Haining (fashion): 50%, decided by the 2015 plan; the quota used is not in the data.
        let haining = try XCTUnwrap(dataset.town("haining"))
        let r = try XCTUnwrap(assessment.stake(reward, haining, asOf: sep))
        XCTAssertEqual(r.consequence, .rewardForgone)
        XCTAssertFalse(r.notMet)
        XCTAssertEqual(r.year, 2015)
        XCTAssertEqual(r.percents, [50])
        XCTAssertNil(r.quotaUsed)
        XCTAssertNil(r.amount)
        // Haiyan (high-end equipment, named by the rule): 60%.
        let haiyan = try XCTUnwrap(dataset.town("haiyan"))
        XCTAssertEqual(assessment.stake(reward, haiyan, asOf: sep)?.percents, [60])
        // The deduction: twice, by the end of 2017 (3 years from 2015; the county's tier is fitted).
        let d = try XCTUnwrap(assessment.stake(deduction, haining, asOf: sep))
        XCTAssertEqual(d.consequence, .deductionMultiplied)
        XCTAssertEqual(d.times, 2)
        XCTAssertEqual(d.lastYears, [2017])
        XCTAssertTrue(d.lastYearsFitted)
        // Jiashan: whether its county is one of the 26 is not known: 2017 or 2019.
        XCTAssertEqual(assessment.stake(deduction, try XCTUnwrap(dataset.town("jiashan")), asOf: sep)?.lastYears,
                       [2017, 2019])
        XCTAssertTrue(r.notYetDue, "the 2015 plan is judged at the end of 2015")
        // A rule not settled states no consequence of its own (w23-fid: 13.56 ≥ 10 on the paper's
        // completed investment, whose basis is not stated: the first-year rule is `?`, not met).
        let first = try XCTUnwrap(dataset.rules.first { $0.kind == .yearOneMinimum })
        XCTAssertEqual(assessment.stake(first, haining, asOf: sep)?.consequence, .noneStated, "13.56 ≥ 10, basis not stated")
        let three = try XCTUnwrap(dataset.rules.first { $0.kind == .creationMinimum })
        XCTAssertEqual(assessment.stake(three, haining, asOf: sep)?.notYetDue, true, "a plan is not a completion")
        let visitors = try XCTUnwrap(dataset.rules.first { $0.kind == .visitors })
        XCTAssertEqual(assessment.stake(visitors, haining, asOf: sep)?.consequence, .noneStated)
    }

    func testAnAmountWhereTheDataHoldsTheQuotaUsed() throws {
        let dir = try brokenCopy("figures.toml") { text in
            text + """

                [[figure]]
                town = "haiyan"
                measure = "land_quota_used"
                period = "2015"
                value = 120
                source = "paper"
                at = "一"
                note = "invented for a test"

                """
        }
        let dataset = try DatasetLoader.load(directory: dir).dataset
        let assessment = Assessment(metrics: Metrics(dataset: dataset))
        let sep = try XCTUnwrap(dataset.period("2015-09"))
        let reward = try XCTUnwrap(dataset.rules.first { $0.kind == .landReward })
        let deduction = try XCTUnwrap(dataset.rules.first { $0.kind == .landDeduction })
        let haiyan = try XCTUnwrap(dataset.town("haiyan"))
        XCTAssertEqual(assessment.stake(reward, haiyan, asOf: sep)?.amount, 72)       // 120 x 60%
        XCTAssertEqual(assessment.stake(deduction, haiyan, asOf: sep)?.amount, 144)   // twice that
    }
}
