import Foundation
@testable import TownsCore
import XCTest

/// Wave 23's fresh user, F19 and F22: a group's rate as rounded stays inside what its inputs
/// allow; a first-year figure at the minimum says it is judged as reported, and a derived one
/// whose inputs allow a value under the minimum is undecided.
final class W23MineVerdictTests: XCTestCase {
    // MARK: F19

    /// Type 1 at Jan-Oct (a sheet's 15.00 over Haining's ≈18.60 and 13.0 over Tongxiang's 13.0 ÷ 96%):
    /// 28.00 / ≈32 is 87.5%, printed with no decimals 88%, outside the [86.6%, 87.6%] the inputs allow.
    func testAGroupsRateAsRoundedStaysInsideWhatItsInputsAllow() throws {
        var g = GroupProgress()
        g.add(plan: (.exact(18.60, decimals: 2), true, Interval(Decimal(string: "18.588")!, Decimal(string: "18.613")!), false),
              completed: (.exact(15.00, decimals: 2), false, nil, false), comparable: true, variance: nil)
        g.add(plan: (.exact(Decimal(string: "13.54")!, decimals: 2), true,
                     Interval(Decimal(string: "13.42")!, Decimal(string: "13.66")!), false),
              completed: (.exact(13.0, decimals: 1), false, nil, false), comparable: true, variance: nil)
        let allowed = try XCTUnwrap(g.rateInterval)
        let printed = try XCTUnwrap(g.printedRate(atMost: 1))
        XCTAssertEqual(printed.decimals, 0)
        XCTAssertGreaterThanOrEqual(printed.value, allowed.lower, "\(printed.value) outside \(allowed)")
        XCTAssertLessThanOrEqual(printed.value, allowed.upper, "\(printed.value) outside \(allowed)")
        XCTAssertEqual(printed.value, 87)
    }

    // MARK: F22

    func yearOne(_ town: String, _ figures: String, asOf: String = "2015-12") throws -> RuleResult {
        let dir = try brokenCopy("figures.toml") { $0 + figures }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d = try DatasetLoader.load(directory: dir).dataset
        let rule = d.rules.first { $0.kind == .yearOneMinimum }!
        return Assessment(metrics: Metrics(dataset: d)).evaluate(rule, d.town(town)!, asOf: d.period(asOf))
    }

    func completed(_ town: String, _ value: String, _ period: String = "2015-12") -> String {
        "\n[[figure]]\ntown = \"\(town)\"\nmeasure = \"completed\"\nperiod = \"\(period)\"\nvalue = \(value)\nsource = \"paper\"\n"
    }

    /// Jiashan (tourism: the lower tier, 6): a reported 6.0 stands for 5.95-6.05. It is judged as
    /// reported, and the finding says so; 6.1 without the words. Both are plain amounts (the paper's
    /// basis not stated) against a rule on the declared basis, so not settled (wave 23's `fid`).
    func testAReportedFigureAtTheMinimumIsJudgedAsReportedAndSaysSo() throws {
        let at = try yearOne("jiashan", completed("jiashan", "6.0"))
        XCTAssertEqual(at.status, .unknown, at.detail)
        XCTAssertTrue(at.detail.contains("judged on the figure as reported"), at.detail)
        XCTAssertTrue(at.detail.contains("5.95-6.05"), at.detail)
        XCTAssertTrue(at.detail.contains("whose basis it does not state"), at.detail)
        let above = try yearOne("jiashan", completed("jiashan", "6.1"))
        XCTAssertEqual(above.status, .unknown, above.detail)
        XCTAssertFalse(above.detail.contains("as reported"), above.detail)
        let below = try yearOne("jiashan", completed("jiashan", "5.9"))
        XCTAssertEqual(below.status, .notMet, below.detail)
    }
}
