import Foundation
@testable import TownsCore
import TownsSynthetic
@testable import TownsUI
import XCTest

/// A development type's towns table (`:filter type N` over every town, or a type's list from the
/// types view) reads its sums and measured rows from the snapshot (`storedTypeTable`, wave 25:
/// working them out was half of `:filter type 2` at 10,000 x 60): they are the ones worked out
/// from the text in every period for every type, the screens are the same, and a damaged or
/// foreign stored part is not used.
final class W25KeysTypeTableTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    func testStoredTypeTablesAreTheOnesWorkedOutFromTheText() throws {
        let (text, loaded) = try writtenWithSnapshot(towns: 80, months: 26, seed: 11, folders: folders,
                                                     name: "w25types", edit: addDisagreeing2016Plan)
        let derived = try XCTUnwrap(loaded.derived)
        var fromText = AppState(dataset: text, width: 120, height: 40)
        var fromSnapshot = AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 120, height: 40)
        var compared = 0
        for p in text.periods.indices {
            fromText.periodIndex = p
            fromSnapshot.periodIndex = p
            let id = text.periods[p].id
            let table = fromText.periodTable()
            for type in text.types {
                let positions = try XCTUnwrap(fromText.facts.townsByType[type.number])
                XCTAssertNil(fromText.storedTypeTable(positions), "nothing stored when read from the text")
                let stored = try XCTUnwrap(fromSnapshot.storedTypeTable(positions), "\(id) type \(type.number)")
                XCTAssertEqual(stored.sums, TownSums(table, positions: positions), "\(id) type \(type.number)")
                XCTAssertEqual(stored.extremes, AppState.extremeRows(table, positions: positions),
                               "\(id) type \(type.number)")
                // Not the type's towns (one left out): not stored, worked out.
                XCTAssertNil(fromSnapshot.storedTypeTable(Array(positions.dropLast())))
                compared += 1
            }
        }
        XCTAssertEqual(compared, text.periods.count * text.types.count)
    }

    /// The index of types (`Facts.townsByType`, gathered by a short list of types since wave 25)
    /// is the one a dictionary of every town gives, and a type's sums' flags (`sumFlags`, each part
    /// looked for among ascending towns) are the ones each town looked up among the parts gives
    /// (the same towns in another order take that path), with parts to count.
    func testTypesIndexAndSumFlagsAreTheSameEitherWay() throws {
        let (text, loaded) = try writtenWithSnapshot(towns: 80, months: 26, seed: 11, folders: folders,
                                                     name: "w25flags", edit: addDisagreeing2016Plan)
        var state = AppState(facts: Facts(dataset: loaded.dataset, derived: try XCTUnwrap(loaded.derived)),
                             width: 120, height: 40)
        var expected: [Int: [Int]] = [:]
        for i in text.towns.indices { expected[text.towns[i].type, default: []].append(i) }
        XCTAssertEqual(state.facts.townsByType, expected)
        XCTAssertGreaterThan(expected.count, 1)
        var withParts = 0
        for p in text.periods.indices {
            state.periodIndex = p
            for (type, positions) in expected {
                let ascending = state.sumFlags(positions), reversed = state.sumFlags(positions.reversed())
                XCTAssertEqual(ascending, reversed, "\(text.periods[p].id) type \(type)")
                if ascending != SumFlags() { withParts += 1 }
            }
            // Some of a type's towns (every other one): the same either way too.
            let some = stride(from: 0, to: text.towns.count, by: 2).map { $0 }
            XCTAssertEqual(state.sumFlags(some), state.sumFlags(some.reversed()))
        }
        XCTAssertGreaterThan(withParts, 0, "some type's sums carry a flag")
    }

    /// `:filter type N` keeps a type's towns as `Facts.townsByType` holds them: the towns that pass
    /// the filter's test one by one, for every type and for a type no town has.
    func testTypeFilterKeepsTheTownsTheTestKeeps() throws {
        let (text, _) = try writtenWithSnapshot(towns: 60, months: 14, seed: 5, folders: folders, name: "w25filter")
        var state = AppState(dataset: text, width: 120, height: 40)
        let every = Array(text.towns.indices)
        for type in text.types.map(\.number) + [9] {
            state.filter = AppState.typeAlone(type)
            let test = state.filterTest()
            let tried = every.filter { test.passes(text.towns, at: $0, rate: nil) }
            XCTAssertEqual(state.filtered(every), tried, "type \(type)")
            XCTAssertEqual(tried.isEmpty, type == 9)
        }
    }

    /// The towns view filtered to each type, and each type's list, draw the same from the snapshot
    /// as from the text, in both languages and in two periods.
    func testTypeScreensAreTheSameFromTheSnapshot() throws {
        let (text, loaded) = try writtenWithSnapshot(towns: 300, months: 14, seed: 7, folders: folders,
                                                     name: "w25screens")
        let derived = try XCTUnwrap(loaded.derived)
        for language in Language.allCases {
            for p in [0, text.periods.count - 1] {
                for type in text.types.map(\.number) {
                    func states() -> [AppState] {
                        [AppState(dataset: text, width: 100, height: 30),
                         AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 100, height: 30)]
                            .map { s in
                                var s = s
                                s.language = language
                                s.periodIndex = p
                                return s
                            }
                    }
                    let filtered = states().map {
                        screen(apply($0, .showView(.townList), .runCommand("filter type \(type)")))
                    }
                    XCTAssertEqual(filtered[0], filtered[1], "\(language) period \(p) :filter type \(type)")
                    XCTAssertTrue(filtered[1].joined().contains("\(type)"))
                    let listed = states().map { s -> [String] in
                        var s = s
                        s.stack = [Screen(.townsOfType(type))]
                        return screen(s)
                    }
                    XCTAssertEqual(listed[0], listed[1], "\(language) period \(p) type \(type)'s list")
                }
            }
        }
    }

    /// Stored sums of another length, or measured rows past the type's towns, are not used: the
    /// table works them out (and draws what the text gives).
    func testDamagedStoredTypePartsAreNotUsed() throws {
        let (text, _) = try writtenWithSnapshot(towns: 40, months: 14, seed: 3, folders: folders, name: "w25bad")
        let source = AppState.derivedTables(for: text)
        let last = try XCTUnwrap(text.periods.last)
        let type = try XCTUnwrap(text.types.first?.number)
        func state(tallies: [String: [Metrics.Tally]] = [:], rowSets: [String: [Int]] = [:]) throws -> AppState {
            var changed = source
            changed.tallies.merge(tallies) { _, new in new }
            changed.rowSets.merge(rowSets) { _, new in new }
            let bytes = DatasetSnapshot.encode(text, warnings: [], fingerprint: 1, derived: changed)
            let decoded = try bytes.withUnsafeBytes { raw in
                try DatasetSnapshot.decode(SnapshotMemory(copying: raw), directory: text.directory)
            }
            var s = AppState(facts: Facts(dataset: decoded.dataset, derived: try XCTUnwrap(decoded.derived)),
                             width: 120, height: 40)
            s.periodIndex = text.periods.count - 1
            return s
        }
        let positions = try XCTUnwrap(AppState(dataset: text, width: 120, height: 40).facts.townsByType[type])
        XCTAssertNotNil(try state().storedTypeTable(positions))
        let sumsName = "types.\(type).sums.\(last.id)", extremesName = "types.\(type).extremes.\(last.id)"
        XCTAssertEqual(try state().storedTypeName(type, "sums"), sumsName)
        XCTAssertNil(try state(tallies: [sumsName: [Metrics.Tally()]]).storedTypeTable(positions))
        XCTAssertNil(try state(rowSets: [extremesName: [positions.count]]).storedTypeTable(positions))
        // Drawn all the same, from the parts worked out.
        var fromText = AppState(dataset: text, width: 120, height: 40)
        fromText.periodIndex = text.periods.count - 1
        var damaged = try state(tallies: [sumsName: [Metrics.Tally()]])
        fromText.stack = [Screen(.townsOfType(type))]
        damaged.stack = [Screen(.townsOfType(type))]
        XCTAssertEqual(screen(fromText), screen(damaged))
    }
}
