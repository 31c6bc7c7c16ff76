import Foundation
import TownsSynthetic
import XCTest

@testable import TownsCore

/// Wave 27's fresh user: Nanhu alone in type 3 at Jan-Sep 2015 read `≈23%` beside its own 23.5%.
/// The group's rate lies in its town's rate's interval, [23.45%, 23.55%], which `≈23%` and `≈24%`
/// each hold half of: where what a group's inputs allow (`rateInterval`) straddles two printed
/// values' roundings at the supported digits and fits in one's at more (up to two more), the rate
/// takes those digits (`GroupProgress.printedRate`).
final class W28GroupRateDigitsTests: XCTestCase {
    /// Nanhu at Jan-Sep 2015: 3.52 reported, 23.5% reported, its plan 3.52 / 23.5% derived (≈15.0).
    func testOneTownsGroupPrintsItsRateWithTheDigitsThatLieInIt() throws {
        var g = GroupProgress()
        let plan = Interval(dec("3.515") / dec("0.2355"), dec("3.525") / dec("0.2345"))
        g.add(plan: (.exact(dec("15.0"), decimals: 1), true, plan, false),
              completed: (.exact(dec("3.52"), decimals: 2), false, nil, false),
              rate: Interval(printed: dec("23.5"), decimals: 1), comparable: true, variance: dec("-51.5"))
        let printed = try XCTUnwrap(g.printedRate(atMost: 1))
        XCTAssertEqual(printed.value, dec("23.5"))
        XCTAssertEqual(printed.decimals, 1)
    }

    /// Type 1 at Jan-Sep, Haining alone in its sums (72.85-72.95%, its own 72.9%): `≈72.9%`, its town's
    /// digits, as Nanhu's type 3 is `≈23.5%` (wave 31, `W31FidGroupDigitsTests`; it stayed `≈73%`,
    /// which holds it, beside type 3's one digit: wave 30's fresh user).
    func testAGroupOfOneTownTakesItsTownsDigits() throws {
        var g = GroupProgress()
        let plan = Interval(dec("13.55") / dec("0.7295"), dec("13.57") / dec("0.7285"))
        g.add(plan: (.exact(dec("18.6"), decimals: 1), true, plan, false),
              completed: (.exact(dec("13.56"), decimals: 2), false, nil, false),
              rate: Interval(printed: dec("72.9"), decimals: 1), comparable: true, variance: dec("-2.1"))
        let printed = try XCTUnwrap(g.printedRate(atMost: 1))
        XCTAssertEqual(printed.value, dec("72.9"))
        XCTAssertEqual(printed.decimals, 1)
    }

    /// Every type's and every town's rate in every period, of the bundled data and of generated
    /// data: printed with digits where one value's rounding holds what its inputs allow, or no more
    /// digits (up to two more) would make one hold it.
    func testEveryGroupsPrintedRateHoldsWhatItsInputsAllowWhereDigitsCan() throws {
        let dir = NSTemporaryDirectory() + "w28-group-digits-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SyntheticDataset(towns: 200, months: 14, seed: 7).write(to: dir, rules: nil)
        func holds(_ allowed: Interval, _ value: Decimal, _ digits: Int) -> Bool {
            let half = DecimalMath.halfUnit(decimals: digits)
            return value - half <= allowed.lower && allowed.upper <= value + half
        }
        func someHolds(_ allowed: Interval, _ digits: Int) -> Bool {
            let centre = DecimalMath.rounded((allowed.lower + allowed.upper) / 2, scale: digits)
            return holds(allowed, centre, digits)
        }
        var checked = 0, moreDigits = 0
        for data in [try loadBundled(), try DatasetLoader.load(directory: dir).dataset] {
            let metrics = Metrics(dataset: data)
            for period in data.periods {
                var groups = data.types.map { type in data.towns.filter { $0.type == type.number } }
                groups += data.towns.map { [$0] }  // each town alone, as a one-town type or filter
                for towns in groups where !towns.isEmpty {
                    let g = metrics.groupProgress(towns, period: period)
                    guard let printed = g.printedRate(atMost: 1), let allowed = g.rateInterval else { continue }
                    checked += 1
                    if printed.decimals >= 1 && !someHolds(allowed, printed.decimals - 1) { moreDigits += 1 }
                    let label = "\(towns.map(\.id).prefix(3)) \(period.id): \(printed.value) at \(printed.decimals), "
                        + "[\(allowed.lower), \(allowed.upper)]"
                    if holds(allowed, printed.value, printed.decimals) || printed.decimals == 3 { continue }
                    for more in (printed.decimals + 1)...3 {
                        XCTAssertFalse(someHolds(allowed, more), "\(label): \(more) digits would hold it")
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 100)
        XCTAssertGreaterThan(moreDigits, 0, "some group's allowed rates straddle two values at fewer digits")
    }
}
