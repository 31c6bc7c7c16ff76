import Foundation
import TownsSynthetic
import XCTest

@testable import TownsCore

/// Wave 29 (issue 17, cold keys): the city's first-year minimum worked out in one pass over the
/// towns, each read in place, its sum as each tier's minimum times its count. It must say what
/// the earlier way (every town's tier, then their sum) said, for every mix of industries,
/// accelerated counties, unknowns and fitted values, with the lower tier for accelerated
/// counties and without.
final class W29CityYearOneTests: XCTestCase {
    /// What `cityYearOne` said before wave 29, kept here to compare with (its fields but `towns`).
    private func earlier(_ a: Assessment) -> (year: Int, tiers: [Decimal?], required: Decimal?, formula: String,
                                               margin: Decimal?, fitted: [Int])? {
        let dataset = a.dataset
        let towns = dataset.towns, start = dataset.periods.first?.year
        guard let rule = dataset.rules.first(where: { $0.kind == .yearOneMinimum }),
              let year = towns.indices.compactMap({ towns[$0].listDate.flatMap(Assessment.leadingYear) ?? start }).min()
                ?? start else { return nil }
        let lower = Array(Set(rule.industries["lower_industries"] ?? []))
        let (lowerMinimum, minimum) = (rule.number("lower_minimum"), rule.number("minimum"))
        let byCounty = rule.lowerInAcceleratedCounties
        enum Tier { case lower, standard }
        func tier(_ i: Int) -> Tier? {
            if let industry = towns[i].industry, lower.contains(industry) { return .lower }
            if byCounty {
                guard let accelerated = towns[i].acceleratedCounty else { return nil }
                if accelerated { return .lower }
            }
            return towns[i].industry == nil ? nil : .standard
        }
        func fitted(_ i: Int) -> Bool {
            if let industry = towns[i].industry, lower.contains(industry) { return towns[i].industryFitted }
            if byCounty && towns[i].acceleratedCountyFitted { return true }
            return towns[i].industryFitted
        }
        let kinds = towns.indices.map(tier)
        let tiers: [Decimal?] = kinds.map { $0.map { $0 == .lower ? lowerMinimum : minimum } }
        let known = tiers.compactMap { $0 }
        let required: Decimal? = known.count == tiers.count ? known.reduce(0, +) : nil
        var groups: [(Decimal, Int)] = []
        var counted: [(Tier, Int)] = []
        for k in kinds {
            guard let k else { continue }
            if let i = counted.firstIndex(where: { $0.0 == k }) { counted[i].1 += 1 } else { counted.append((k, 1)) }
        }
        for (k, n) in counted {
            let m = k == .lower ? lowerMinimum : minimum
            if let i = groups.firstIndex(where: { $0.0 == m }) { groups[i].1 += n } else { groups.append((m, n)) }
        }
        groups.sort { $0.0 > $1.0 }
        var formula = groups.map { "\($0.1) x \(a.text($0.0))" }.joined(separator: " + ")
        if known.count < tiers.count { formula += " + \(tiers.count - known.count) unknown" }
        let fullYear = dataset.periods.last { $0.year == year && $0.through == 12 }
        let completed = fullYear.flatMap { a.metrics.total(FigureKey(.completed, $0.id)) }
        var margin: Decimal?
        if let required, let c = completed?.quantity.exactValue { margin = c - required }
        return (year, tiers, required, formula, margin, towns.indices.filter { tiers[$0] != nil && fitted($0) })
    }

    private func assertSame(_ data: Dataset, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        let a = Assessment(metrics: Metrics(dataset: data))
        let now = a.cityYearOne(), before = earlier(a)
        XCTAssertEqual(now == nil, before == nil, label, file: file, line: line)
        guard let now, let before else { return }
        XCTAssertEqual(now.year, before.year, label, file: file, line: line)
        XCTAssertEqual(now.tiers, before.tiers, label, file: file, line: line)
        XCTAssertEqual(now.required, before.required, label, file: file, line: line)
        XCTAssertEqual(now.required.map { DecimalMath.text($0, scale: 2) },
                       before.required.map { DecimalMath.text($0, scale: 2) }, label, file: file, line: line)
        XCTAssertEqual(now.formula, before.formula, label, file: file, line: line)
        XCTAssertEqual(now.margin, before.margin, label, file: file, line: line)
        XCTAssertEqual(now.fittedPositions, before.fitted, label, file: file, line: line)
        XCTAssertEqual(now.towns.count, data.towns.count, label, file: file, line: line)
    }

    func testTheBundledCitysFirstYearIsAsBefore() throws {
        let data = try loadBundled()
        let city = try XCTUnwrap(Assessment(metrics: Metrics(dataset: data)).cityYearOne())
        // The paper's: 3 x 10 + 2 x 6 = 42 (rules.toml's tiers over the five towns).
        XCTAssertEqual(city.required, 42)
        XCTAssertEqual(city.formula, "3 x 10 + 2 x 6")
        assertSame(data, "bundled")
    }

    /// Every town's industry, accelerated county and fitted marks drawn at random (seeded), with
    /// the rule's lower tier for accelerated counties on and off, and with the two minimums equal
    /// (one group): the same year, tiers, sum, formula, margin and fitted towns as before.
    func testEveryMixOfTiersSaysWhatItSaidBefore() throws {
        let dir = NSTemporaryDirectory() + "w29-city-year-one-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SyntheticDataset(towns: 60, months: 12, seed: 11).write(to: dir, rules: nil)
        var generator = Seeded(state: 29)
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
                    if round % 4 == 0 { data.towns[i].listDate = ["2014-09", "2016-01", nil].randomElement(using: &generator)! }
                    // Some rounds with every tier known (the sum given), some with unknowns.
                    if round % 3 == 0, data.towns[i].industry == nil { data.towns[i].industry = "manufacturing" }
                    if round % 3 == 0, data.towns[i].acceleratedCounty == nil { data.towns[i].acceleratedCounty = false }
                }
                if let r = data.rules.firstIndex(where: { $0.kind == .yearOneMinimum }) {
                    data.rules[r].lowerInAcceleratedCounties = round % 2 == 0
                    if round % 5 == 0 { data.rules[r].numbers["lower_minimum"] = data.rules[r].numbers["minimum"] }
                    if round % 7 == 0 { data.rules[r].numbers["lower_minimum"] = Decimal(string: "6.5")! }
                }
                assertSame(data, "\(base.towns.count) towns, round \(round)")
            }
        }
    }
}
