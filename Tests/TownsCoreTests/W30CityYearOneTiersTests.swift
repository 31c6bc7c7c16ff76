import Foundation
import TownsSynthetic
import XCTest

@testable import TownsCore

/// Wave 30 (issue 17, cold keys): the city's first-year minimum worked out from each town's
/// tier as a snapshot stores it (`Assessment.CityYearOneTiers`), no town read. An equivalence
/// guard: from the stored tiers (after their stored form is read back) it says what reading
/// every town says, for every mix of industries, accelerated counties, unknowns and fitted
/// marks; stored tiers of another number of towns are not used.
final class W30CityYearOneTiersTests: XCTestCase {
    private func assertSame(_ data: Dataset, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        let a = Assessment(metrics: Metrics(dataset: data))
        guard let tiers = a.cityYearOneTiers() else {
            XCTAssertNil(a.cityYearOne(), label, file: file, line: line)
            return
        }
        let read = Assessment.CityYearOneTiers(numbers: tiers.numbers, towns: data.towns.count)
        XCTAssertEqual(read, tiers, label, file: file, line: line)
        let now = a.cityYearOne(tiers: read), before = a.cityYearOne()
        XCTAssertEqual(now == nil, before == nil, label, file: file, line: line)
        guard let now, let before else { return }
        XCTAssertEqual(now.year, before.year, label, file: file, line: line)
        XCTAssertEqual(now.tiers, before.tiers, label, file: file, line: line)
        XCTAssertEqual(now.required, before.required, label, file: file, line: line)
        XCTAssertEqual(now.formula, before.formula, label, file: file, line: line)
        XCTAssertEqual(now.margin, before.margin, label, file: file, line: line)
        XCTAssertEqual(now.fittedPositions, before.fittedPositions, label, file: file, line: line)
        XCTAssertEqual(now.reported, before.reported, label, file: file, line: line)
        XCTAssertEqual(now.completed, before.completed, label, file: file, line: line)
        XCTAssertEqual(now.towns.count, data.towns.count, label, file: file, line: line)
    }

    func testTheBundledCitysFirstYearFromStoredTiers() throws {
        let data = try loadBundled()
        let a = Assessment(metrics: Metrics(dataset: data))
        let tiers = try XCTUnwrap(a.cityYearOneTiers())
        let city = try XCTUnwrap(a.cityYearOne(tiers: tiers))
        XCTAssertEqual(city.required, 42)
        XCTAssertEqual(city.formula, "3 x 10 + 2 x 6")
        assertSame(data, "bundled")
    }

    /// Every town's industry, accelerated county, list date and fitted marks drawn at random
    /// (seeded), the lower tier for accelerated counties on and off, the two minimums equal.
    func testEveryMixOfTiersSaysTheSameFromStoredTiers() throws {
        let dir = NSTemporaryDirectory() + "w30-city-year-one-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SyntheticDataset(towns: 60, months: 12, seed: 11).write(to: dir, rules: nil)
        var generator = Seeded(state: 30)
        let industries: [String?] = [nil, "information", "tourism", "manufacturing", "classic", "finance", "health"]
        let accelerated: [Bool?] = [nil, true, false]
        for base in [try loadBundled(), try DatasetLoader.load(directory: dir).dataset] {
            for round in 0..<40 {
                var data = base
                for i in data.towns.indices {
                    data.towns[i].industry = industries.randomElement(using: &generator)!
                    data.towns[i].acceleratedCounty = accelerated.randomElement(using: &generator)!
                    data.towns[i].industryFitted = Bool.random(using: &generator)
                    data.towns[i].acceleratedCountyFitted = Bool.random(using: &generator)
                    if round % 4 == 0 {
                        data.towns[i].listDate = ["2014-09", "2016-01", nil, "x"].randomElement(using: &generator)!
                    }
                    if round % 3 == 0, data.towns[i].industry == nil { data.towns[i].industry = "manufacturing" }
                    if round % 3 == 0, data.towns[i].acceleratedCounty == nil { data.towns[i].acceleratedCounty = false }
                }
                if let r = data.rules.firstIndex(where: { $0.kind == .yearOneMinimum }) {
                    data.rules[r].lowerInAcceleratedCounties = round % 2 == 0
                    if round % 5 == 0 { data.rules[r].numbers["lower_minimum"] = data.rules[r].numbers["minimum"] }
                }
                if round == 39 { data.rules.removeAll { $0.kind == .yearOneMinimum } }
                assertSame(data, "\(base.towns.count) towns, round \(round)")
            }
        }
    }

    /// Stored tiers not of the towns' shape are not read: nil, or (given anyway) not used.
    func testStoredTiersOfAnotherShapeAreNotUsed() throws {
        let data = try loadBundled()
        let a = Assessment(metrics: Metrics(dataset: data))
        let tiers = try XCTUnwrap(a.cityYearOneTiers())
        let n = data.towns.count
        XCTAssertNil(Assessment.CityYearOneTiers(numbers: tiers.numbers + [1], towns: n))
        XCTAssertNil(Assessment.CityYearOneTiers(numbers: [0] + Array(repeating: 3, count: n), towns: n))
        XCTAssertNil(Assessment.CityYearOneTiers(numbers: [-1] + Array(repeating: 1, count: n), towns: n))
        let short = Assessment.CityYearOneTiers(firstYear: 1990, codes: [Assessment.CityYearOneTiers.lower])
        XCTAssertEqual(a.cityYearOne(tiers: short)?.formula, a.cityYearOne()?.formula)
        XCTAssertEqual(a.cityYearOne(tiers: short)?.year, a.cityYearOne()?.year)
    }
}
