import Foundation
@testable import TownsCore
import TownsSynthetic
@testable import TownsUI
import XCTest

/// Wave 36 (session 29): a town's page names the towns within its rate's rounding
/// (`placeWithinRoundingWords`) by comparing every close town's range with its own. The ends are
/// compared as `Double`s with an error bound first (`RoughDecimal`), exactly
/// (`DecimalMath.less`) only where the bounds cannot settle it, and the close towns are marked
/// by position, not sorted (`RoundingNeighbours`). The towns named and counted must be
/// those the exact comparison in position order gives, for every town and period.
final class W36PageRoundingScanTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    /// The exact answer, as the page worked it out before wave 36: every placed town of `close`
    /// in position order whose range meets `own` by `DecimalMath.less`.
    private func exactlyMeeting(_ own: Interval, close: [Int], except position: Int, places: [Int?],
                                table: PeriodTable) -> [Int] {
        close.sorted().filter { i in
            guard i != position, places[i] != nil, let r = table[i].completionRate?.possible else { return false }
            return DecimalMath.less(r.lower, own.upper) && DecimalMath.less(own.lower, r.upper)
        }
    }

    /// Every town of every period of generated data (a derived plan's rates with 38-digit ends
    /// among them), from the text and from a snapshot: against every other placed town (not only
    /// those within rounding, so every pair of ranges in a period is compared), the towns named
    /// and counted are the exact answer's; some comparisons are left to the exact values (ranges
    /// that touch), and some towns meet.
    func testTheTownsMeetingARangeAreTheExactComparisonsForEveryTownAndPeriod() throws {
        let (text, loaded) = try writtenWithSnapshot(towns: 150, months: 26, seed: 9, folders: folders,
                                                     name: "w36scan", edit: addDisagreeing2016Plan)
        let derived = try XCTUnwrap(loaded.derived)
        var fromText = AppState(dataset: text, width: 120, height: 40)
        var fromSnapshot = AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 120, height: 40)
        var exact = 0, met = 0, long = 0, compared = 0
        for p in text.periods.indices {
            fromText.periodIndex = p
            fromSnapshot.periodIndex = p
            let period = text.periods[p]
            for state in [fromText, fromSnapshot] {
                let table = state.periodTable(), places = state.townPlaces(period)
                let placed = places.indices.filter { places[$0] != nil }
                for position in placed {
                    guard let own = table[position].completionRate?.possible else { continue }
                    if table[position].completionRate?.interval != nil { long += 1 }
                    let expected = exactlyMeeting(own, close: placed, except: position, places: places, table: table)
                    var neighbours = RoundingNeighbours(own: own)
                    let got = neighbours.towns(in: Set(placed), except: position, places: places, table: table)
                    XCTAssertEqual(got.first, Array(expected.prefix(3)), "\(period.id) town \(position)")
                    XCTAssertEqual(got.count, expected.count, "\(period.id) town \(position)")
                    exact += neighbours.exactComparisons
                    met += expected.count
                    compared += placed.count - 1
                }
            }
        }
        XCTAssertGreaterThan(long, 0, "some rate has a derived interval")
        XCTAssertGreaterThan(met, 0, "some ranges meet")
        XCTAssertGreaterThan(exact, 0, "some comparisons are left to the exact values")
        XCTAssertLessThan(exact * 10, compared, "most comparisons are settled roughly")
    }

    /// `RoughDecimal.less`, where it settles a comparison, says what `DecimalMath.less` says:
    /// printed values' range ends with 0-3 decimals, quotients with 38-digit mantissas (as a
    /// derived rate's interval has) and their neighbours one unit of the last digit away, zero,
    /// negative values; equal values and values 10^-30 apart are left unsettled.
    func testRoughLessSettlesOnlyWhatItGetsRight() throws {
        var values: [Decimal] = [0, -0.05, 0.05, 100, 99.95, 100.05]
        for d in 0...3 {
            for v in stride(from: -20, through: 1200, by: 37) {
                let printed = Decimal(v) / 10 + Decimal(d) / 1000
                let range = Interval(printed: printed, decimals: d)
                values += [printed, range.lower, range.upper]
            }
        }
        // Mantissas of 1 to 8 words: 7 x 10^k for k up to 37.
        values += (0...37).map {
            Decimal(sign: .plus, exponent: -20, significand: Decimal(sign: .plus, exponent: $0, significand: 7))
        }
        for (n, q) in [(1, 3), (2, 3), (83, 7), (20_035, 20_040), (1_000_001, 999_999)] {
            let x = Decimal(n) / Decimal(q) * 100
            let unit = Decimal(sign: .plus, exponent: x.exponent, significand: 1)
            values += [x, x + unit, x - unit, -x]
        }
        // Each read within its error of Foundation's `Double` (1 to 8 words of mantissa).
        for a in values {
            let rough = try XCTUnwrap(DecimalMath.rough(a))
            XCTAssertLessThanOrEqual(abs(rough.value - DecimalMath.double(a)), rough.error + abs(rough.value) * 1e-15,
                                     "\(a)")
        }
        var settled = 0
        for a in values {
            for b in values {
                let (ra, rb) = (try XCTUnwrap(DecimalMath.rough(a)), try XCTUnwrap(DecimalMath.rough(b)))
                guard let rough = RoughDecimal.less(ra, rb) else { continue }
                settled += 1
                XCTAssertEqual(rough, DecimalMath.less(a, b), "\(a) < \(b)")
                XCTAssertNotEqual(a, b, "equal values are never settled roughly")
            }
        }
        XCTAssertGreaterThan(settled, values.count * values.count / 2, "most are settled")
        let x = Decimal(2) / Decimal(3) * 100, tiny = Decimal(sign: .plus, exponent: -30, significand: 1)
        XCTAssertNil(RoughDecimal.less(try XCTUnwrap(DecimalMath.rough(x)), try XCTUnwrap(DecimalMath.rough(x + tiny))))
        XCTAssertNil(DecimalMath.rough(Decimal.nan))
    }
}
