import Foundation
import TownsCore
import XCTest

/// Every figure the paper prints (and the public notice's 2015 totals), reproduced by the
/// core from Data/: reported ones as read, derived ones by the metrics.
final class PaperFiguresTests: XCTestCase {
    var dataset: Dataset!
    var metrics: Metrics!

    override func setUpWithError() throws {
        dataset = try loadBundled()
        metrics = Metrics(dataset: dataset)
    }

    func value(_ townID: String?, _ measure: Measure, _ period: String? = nil) -> Decimal? {
        let key = FigureKey(measure, period)
        if let townID { return metrics.figure(dataset.town(townID)!, key)?.quantity.exactValue }
        return metrics.total(key)?.quantity.exactValue
    }

    func testFiveTownsOfTheFirstCreationList() {
        XCTAssertEqual(dataset.towns.map(\.id), ["haining", "tongxiang", "jiashan", "nanhu", "haiyan"])
        XCTAssertEqual(dataset.towns.map(\.type), [1, 1, 2, 3, 4])
        XCTAssertTrue(dataset.towns.allSatisfy { $0.list == .creation && $0.listDate == "2015-06-04" })
        XCTAssertEqual(dataset.types.count, 4)
        XCTAssertEqual(dataset.town("nanhu")!.entityIDs, [], "the paper names no operating entity for Nanhu")
        XCTAssertNil(dataset.town("nanhu")!.mode)
        XCTAssertEqual(dataset.town("tongxiang")!.entityIDs.count, 4)
        XCTAssertEqual(dataset.town("haiyan")!.mode, .groupLed)
    }

    func testThreeYearPlans() {
        XCTAssertEqual(value("haiyan", .planTotal), 140)
        XCTAssertEqual(value("jiashan", .planTotal), dec("51.2"))
        XCTAssertEqual(value(nil, .planTotal), dec("360.2"))
        // Haining, Tongxiang, Nanhu: only "above 50" is printed.
        for id in ["haining", "tongxiang", "nanhu"] {
            XCTAssertNil(value(id, .planTotal), "\(id)'s 3-year plan is unknown, not 0")
            XCTAssertEqual(metrics.figure(dataset.town(id)!, FigureKey(.planTotal))?.quantity, .moreThan(50))
        }
        // 360.2 - 140 - 51.2 = 169.0 for the three together (derived).
        let s = metrics.knownSum(FigureKey(.planTotal), over: dataset.towns)
        XCTAssertEqual(s.sum, dec("191.2"))
        XCTAssertEqual(dec("360.2") - s.sum, dec("169.0"))
        XCTAssertEqual(s.bounded.map(\.id), ["haining", "tongxiang", "nanhu"])
    }

    func testYearPlanShare() {
        XCTAssertEqual(value(nil, .planYear, "2015"), dec("106.8"))
        XCTAssertEqual(value(nil, .planShare, "2015"), dec("29.7"))
        XCTAssertEqual(DecimalMath.rounded(dec("106.8") / dec("360.2") * 100, scale: 1), dec("29.7"))
    }

    func testJanuaryToAugust() {
        XCTAssertEqual(value(nil, .completed, "2015-08"), dec("32.5"))
        XCTAssertEqual(value(nil, .completionRate, "2015-08"), dec("30.4"))
        XCTAssertEqual(DecimalMath.rounded(dec("32.5") / dec("106.8") * 100, scale: 1), dec("30.4"))
        XCTAssertEqual(value("haining", .completed, "2015-08"), dec("9.3"))
        XCTAssertEqual(value("haining", .completionRate, "2015-08"), 50)
        XCTAssertEqual(value("tongxiang", .completionRate, "2015-08"), 72)
        XCTAssertNil(value("tongxiang", .completed, "2015-08"), "Tongxiang's amount is not printed")
    }

    func testHainingYearPlanIsDerived() throws {
        let plan = try XCTUnwrap(metrics.figure(dataset.town("haining")!, FigureKey(.planYear, "2015")))
        XCTAssertTrue(plan.isDerived)
        XCTAssertEqual(plan.quantity.exactValue, dec("18.6"))
        guard case let .derived(formula) = plan.provenance else { return XCTFail() }
        XCTAssertTrue(formula.contains("9.3 / completion 50% = 18.60"), formula)
        XCTAssertTrue(formula.contains("confirmed by") && formula.contains("13.56 / completion 72.9% = 18.60"), formula)
    }

    func testJanuaryToSeptember() {
        XCTAssertEqual(value(nil, .completed, "2015-09"), dec("45.06"))
        XCTAssertEqual(value(nil, .completionRate, "2015-09"), dec("42.5"), "kept as printed")
        XCTAssertEqual(value("haining", .completed, "2015-09"), dec("13.56"))
        XCTAssertEqual(value("haining", .completionRate, "2015-09"), dec("72.9"))
        // Haining 13.56 / 18.6 = 72.9%.
        XCTAssertEqual(DecimalMath.rounded(dec("13.56") / value("haining", .planYear, "2015")! * 100, scale: 1), dec("72.9"))
        XCTAssertEqual(value("nanhu", .completed, "2015-09"), dec("3.52"))
        XCTAssertEqual(value("nanhu", .completionRate, "2015-09"), dec("23.5"))
        XCTAssertEqual(value("tongxiang", .completionRate, "2015-09"), dec("92.7"))
        XCTAssertEqual(value("haiyan", .completionRate, "2015-09"), dec("20.7"))
    }

    func testNanhuYearPlanWithinRoundingRange() throws {
        let plan = try XCTUnwrap(value("nanhu", .planYear, "2015"))
        XCTAssertEqual(plan, dec("14.98"))
        // 3.52 / 23.5% lies in [14.95, 15.01] given the rounding of 23.5%.
        let range = Interval(printed: dec("3.52"), decimals: 2).divided(by: Interval(printed: dec("23.5"), decimals: 1), scale: 100)!
        XCTAssertGreaterThanOrEqual(plan, range.lower)
        XCTAssertLessThanOrEqual(plan, range.upper)
        XCTAssertEqual(DecimalMath.rounded(range.lower, scale: 2), dec("14.93"))
        XCTAssertEqual(DecimalMath.rounded(range.upper, scale: 2), dec("15.03"))
    }

    func testProjects() {
        XCTAssertEqual(value(nil, .projectsPlanned), 89)
        XCTAssertEqual(value(nil, .projectsStarted, "2015-08"), 39)
        XCTAssertEqual(value(nil, .startRate, "2015-08"), dec("43.8"))
        XCTAssertEqual(DecimalMath.rounded(dec("39") / dec("89") * 100, scale: 1), dec("43.8"))
        XCTAssertEqual(value("jiashan", .startRate, "2015-08"), 90)
        XCTAssertNil(value("jiashan", .projectsStarted, "2015-08"))
        // Nanhu and Haiyan 30 each, derived by reasoning; the other three 29 together.
        for id in ["nanhu", "haiyan"] {
            let f = metrics.figure(dataset.town(id)!, FigureKey(.projectsPlanned))!
            XCTAssertEqual(f.quantity.exactValue, 30)
            XCTAssertTrue(f.isDerived)
        }
        let s = metrics.knownSum(FigureKey(.projectsPlanned), over: dataset.towns)
        XCTAssertEqual(89 - s.sum, 29)
    }

    func testFullYearFromTheProvincialNotice() {
        XCTAssertEqual(value(nil, .completed, "2015-12"), dec("63.06"))
        XCTAssertEqual(value(nil, .featuredInvestment, "2015-12"), dec("45.76"))
        XCTAssertEqual(value(nil, .featuredShare, "2015-12"), dec("72.57"))
        XCTAssertEqual(DecimalMath.rounded(dec("45.76") / dec("63.06") * 100, scale: 2), dec("72.57"))
        XCTAssertEqual(value(nil, .revenue, "2015-12"), dec("268.24"))
        for id in ["haiyan", "haining", "tongxiang"] {
            XCTAssertEqual(metrics.figure(dataset.town(id)!, FigureKey(.completed, "2015-12"))?.quantity, .moreThan(14))
        }
        if case let .reported(source, _, _, _) = dataset.totals[FigureKey(.completed, "2015-12")]!.provenance {
            XCTAssertEqual(source, "ndrc-2016")
        } else { XCTFail("63.06 must be reported with its source") }
    }

    func testFiguresFromDifferentSourcesAreNotCombined() {
        // 63.06 (the 2016 notice: fixed-asset investment without commercial housing) over the
        // paper's 106.8 plan would be a rate of two different measures: left unknown.
        XCTAssertNil(metrics.total(FigureKey(.completionRate, "2015-12")))
        // Figures of one source still combine: 45.76 / 63.06 both from the notice.
        XCTAssertEqual(value(nil, .featuredShare, "2015-12"), dec("72.57"))
    }

    func testUnknownStaysUnknown() {
        XCTAssertNil(value("jiashan", .completed, "2015-09"))
        XCTAssertNil(value("jiashan", .completionRate, "2015-09"))
        XCTAssertNil(value("haiyan", .planYear, "2015"))
        XCTAssertNil(value("tongxiang", .planYear, "2015"))
        XCTAssertNil(value("haining", .projectsStarted, "2015-08"))
    }

    func testEveryFigureHasProvenance() {
        for town in dataset.towns {
            for (key, figure) in town.figures {
                switch figure.provenance {
                case let .reported(source, _, _, _):
                    XCTAssertNotNil(dataset.sources[source], "\(town.id) \(key)")
                case let .derived(formula):
                    XCTAssertFalse(formula.isEmpty, "\(town.id) \(key)")
                case let .interpreted(reasoning, readings):
                    XCTAssertFalse(reasoning.isEmpty, "\(town.id) \(key)")
                    XCTAssertGreaterThanOrEqual(readings.count, 2,
                                                "an interpretation keeps every reading: \(town.id) \(key)")
                }
                XCTAssertNotNil(figure.origin, "\(town.id) \(key) names its file and line")
            }
        }
    }

    func testAmountsAreDecimal() {
        XCTAssertEqual(DecimalMath.text(value(nil, .completed, "2015-09")!, scale: 2), "45.06")
        XCTAssertEqual(DecimalMath.text(dec("18.6"), scale: 2), "18.60")
        XCTAssertEqual(DecimalMath.text(dec("29.65"), scale: 1), "29.7")
        XCTAssertEqual(DecimalMath.text(140, scale: 0), "140")
    }
}
