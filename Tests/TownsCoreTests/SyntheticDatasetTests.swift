import Foundation
import TownsCore
import XCTest
import TownsSynthetic

/// `towns generate`'s generator: deterministic for a seed, loadable, and shaped like the
/// real reports (cumulative figures rising within each year, gaps, derived figures).
final class SyntheticDatasetTests: XCTestCase {
    func bundledRules() throws -> SyntheticDataset.Rules {
        SyntheticDataset.Rules(rulesText: try String(contentsOfFile: bundledData + "/rules.toml", encoding: .utf8),
                               sourcesText: try String(contentsOfFile: bundledData + "/sources.toml", encoding: .utf8))
    }

    func testSameSeedGivesByteIdenticalFiles() throws {
        let a = try SyntheticDataset(towns: 60, months: 15, seed: 42).files(rules: try bundledRules())
        let b = try SyntheticDataset(towns: 60, months: 15, seed: 42).files(rules: try bundledRules())
        XCTAssertEqual(a.map(\.name), b.map(\.name))
        XCTAssertEqual(a.map(\.name), DatasetLoader.fileNames + ["rules.toml"])
        for (x, y) in zip(a, b) { XCTAssertEqual(Data(x.text.utf8), Data(y.text.utf8), x.name) }
    }

    func testAnotherSeedGivesOtherFiles() throws {
        let a = try SyntheticDataset(towns: 60, months: 15, seed: 42).files(rules: nil)
        let b = try SyntheticDataset(towns: 60, months: 15, seed: 43).files(rules: nil)
        for name in ["towns.toml", "figures.toml", "totals.toml", "entities.toml"] {
            XCTAssertNotEqual(a.first { $0.name == name }?.text, b.first { $0.name == name }?.text, name)
        }
    }

    func testTheLoaderReadsItWithoutProblems() throws {
        let dir = NSTemporaryDirectory() + "towns-synthetic-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SyntheticDataset(towns: 200, months: 30, seed: 7).write(to: dir, rules: try bundledRules())
        let (dataset, warnings) = try DatasetLoader.load(directory: dir)
        XCTAssertEqual(warnings.map(\.description), [])
        XCTAssertTrue(dataset.synthetic)
        XCTAssertEqual(dataset.towns.count, 200)
        XCTAssertEqual(dataset.periods.count, 30)
        XCTAssertEqual(dataset.periods.first?.id, "2015-01")
        XCTAssertEqual(dataset.periods.last?.id, "2017-06")
        XCTAssertEqual(dataset.rules.count, 10, "the province's rules are copied")
        XCTAssertNil(dataset.province)
        XCTAssertTrue(dataset.sources["gen"]?.title.contains("--seed 7") == true, "the source names the seed")
        XCTAssertEqual(Set(dataset.types.map(\.number)), [1, 2, 3, 4])
        XCTAssertEqual(Set(dataset.towns.map(\.type)), [1, 2, 3, 4], "towns of every type")
        XCTAssertGreaterThan(Set(dataset.towns.map(\.countyZH)).count, 10, "spread over counties")
        XCTAssertTrue(dataset.towns.contains { $0.entityIDs.isEmpty }, "some towns name no entity")
        let operated = dataset.entities.map { e in dataset.towns(operatedBy: e.id).count }
        XCTAssertGreaterThan(operated.max() ?? 0, 3, "some entities are shared by several towns")

        // Completed investment is cumulative: it never falls within a year.
        var completedFigures = 0
        for town in dataset.towns {
            for year in Set(dataset.periods.map(\.year)) {
                let values = dataset.periods.filter { $0.year == year }
                    .compactMap { town.figures[FigureKey(.completed, $0.id)]?.quantity.exactValue }
                completedFigures += values.count
                XCTAssertEqual(values, values.sorted(), "\(town.id) \(year)")
            }
        }
        XCTAssertGreaterThan(completedFigures, 200)
        // Some figures are unknown, some written as derived, some derived by `towns`.
        let metrics = Metrics(dataset: dataset)
        let last = try XCTUnwrap(dataset.periods.last)
        XCTAssertTrue(dataset.towns.contains { metrics.figure($0, FigureKey(.completed, last.id)) == nil })
        XCTAssertTrue(dataset.towns.contains { $0.figures.values.contains { $0.isDerived } })
        XCTAssertTrue(dataset.towns.contains { t in
            t.figures[FigureKey(.planYear, "2016")] == nil && metrics.figure(t, FigureKey(.planYear, "2016"))?.isDerived == true
        }, "a year's plan derived from completed / completion rate")
        XCTAssertTrue(dataset.towns.contains { $0.figures.values.contains { if case .moreThan = $0.quantity { return true }; return false } })
        // The totals are the sums of the true values, so the known towns never exceed them.
        let findings = Checker(dataset: dataset).run()
        XCTAssertTrue(findings.contains { $0.kind == .shortfall })
        XCTAssertFalse(findings.contains { $0.kind == .inconsistency && $0.townID == nil },
                       findings.filter { $0.kind == .inconsistency }.map(\.description).joined(separator: "\n"))
    }

    func testSplitMix64ReferenceSequence() {
        XCTAssertEqual(SyntheticDataset(towns: 1, months: 1, seed: 0).command, "towns generate --towns 1 --months 1 --seed 0")
        var rng = SplitMix64(seed: 0)
        // The reference sequence of SplitMix64 for seed 0.
        XCTAssertEqual(rng.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(rng.next(), 0x6E78_9E6A_A1B9_65F4)
    }

    func testRefusesWhatTheLoaderCouldNotRead() {
        XCTAssertThrowsError(try SyntheticDataset(towns: 0, months: 12, seed: 1).files(rules: nil))
        XCTAssertThrowsError(try SyntheticDataset(towns: 10, months: 0, seed: 1).files(rules: nil))
    }
}
