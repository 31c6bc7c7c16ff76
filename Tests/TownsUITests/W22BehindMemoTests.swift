import Foundation
import TownsCore
@testable import TownsUI
import XCTest
import TownsSynthetic

/// The towns behind schedule of a whole list (`AppState.storedFilter`) are tried once per
/// period and kept in the memo (`ViewCache.behindTowns`): what `filtered` gives from the memo
/// is what trying each town gives (`FilterTest.passes`, the per-town path `filtered(_: [Town])`
/// takes), for every period, in any order of the positions, and after another period's.
final class W22BehindMemoTests: XCTestCase {
    /// The positions `filter` keeps of `positions`, each town tried on its own (no memo).
    func triedOneByOne(_ state: AppState, _ positions: [Int]) -> [Int] {
        let kept = Set(state.filtered(state.dataset.towns).map(\.id))
        return positions.filter { kept.contains(state.dataset.towns[$0].id) }
    }

    func testTheMemoKeepsWhatTryingEachTownKeeps() throws {
        let dir = NSTemporaryDirectory() + "towns-w22-behind-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SyntheticDataset(towns: 300, months: 14, seed: 11).write(to: dir, rules: nil)
        let dataset = try DatasetLoader.load(directory: dir).dataset
        var state = AppState(dataset: dataset)
        state.filter = AppState.storedFilter
        let every = Array(dataset.towns.indices)
        let shuffled = every.reversed().map { $0 }
        var behind = 0, periodsWithout = 0
        // Forwards then backwards: the second pass reads what the first kept (4 periods kept).
        for i in Array(dataset.periods.indices) + dataset.periods.indices.reversed() {
            state.periodIndex = i
            let expected = triedOneByOne(state, every)
            XCTAssertEqual(state.filtered(every), expected, "period \(dataset.periods[i].id)")
            XCTAssertEqual(state.filtered(every), expected, "period \(dataset.periods[i].id), from the memo")
            XCTAssertEqual(state.filtered(shuffled), triedOneByOne(state, shuffled),
                           "period \(dataset.periods[i].id), positions in another order")
            // A part of the list is tried town by town, as before (the memo is of whole lists).
            let some = Array(every.prefix(50))
            XCTAssertEqual(state.filtered(some), triedOneByOne(state, some))
            behind += expected.count
            if expected.count == every.count || expected.isEmpty { periodsWithout += 1 }
        }
        XCTAssertGreaterThan(behind, 0, "generated data has towns behind schedule")
        XCTAssertLessThan(periodsWithout, 2 * dataset.periods.count, "some period keeps some towns, not all")
    }

    /// An undecided town (one reading behind, the other not: W15BehindTests) is kept from the
    /// memo as when tried on its own.
    func testTheMemoKeepsAnUndecidedTown() throws {
        let dir = try bundledCopy("w22-undecided")
        let figures = dir + "/figures.toml"
        let text = try String(contentsOfFile: figures, encoding: .utf8)
        try (text + W15BehindTests.tongxiangFigures).write(toFile: figures, atomically: true, encoding: .utf8)
        let dataset = try DatasetLoader.load(directory: dir).dataset
        var state = AppState(dataset: dataset)
        state.periodIndex = try XCTUnwrap(dataset.periods.firstIndex { $0.id == "2015-09" })
        state.filter = AppState.storedFilter
        let every = Array(state.dataset.towns.indices)
        let kept = state.filtered(every).map { state.dataset.towns[$0].id }
        XCTAssertTrue(kept.contains("tongxiang"), "\(kept)")
        XCTAssertEqual(state.filtered(every), triedOneByOne(state, every))
    }

    /// A snapshot written with the memo stores, per period, the towns behind schedule that
    /// trying each town from the text gives.
    func testTheSnapshotStoresTheTownsTriedOneByOne() throws {
        let dir = NSTemporaryDirectory() + "towns-w22-behind-\(UUID().uuidString)"
        let cache = dir + "-cache"
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: cache)
        }
        try SyntheticDataset(towns: 200, months: 13, seed: 4).write(to: dir, rules: nil)
        let store = SnapshotStore(folder: cache)
        try store.write(directory: dir, derive: AppState.derivedTables)
        let derived = try XCTUnwrap(try store.open(directory: dir).derived)
        let text = try DatasetLoader.load(directory: dir).dataset
        var state = AppState(dataset: text)
        state.filter = AppState.storedFilter
        for i in text.periods.indices {
            state.periodIndex = i
            let name = try XCTUnwrap(state.storedFilterName())
            XCTAssertEqual(derived.rowSet(name), triedOneByOne(state, Array(text.towns.indices)),
                           "period \(text.periods[i].id)")
        }
    }
}
