import Foundation
@testable import TownsCore
import TownsSynthetic
@testable import TownsUI
import XCTest

/// The sums' flags of every town (`suspectFlags`: the `!` on the plan and completed sums and the
/// `?N` count), read from the snapshot's stored rows (`storedSuspectFlags`, wave 24: the overview's
/// first frame at 10,000 x 60 spent half its `configure` working them out), are the ones worked
/// out from the text, in every period, for every town and for each type's towns.
final class W24FirstSumPartsTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    func testStoredSumPartsAreTheOnesWorkedOutFromTheText() throws {
        let (text, loaded) = try writtenWithSnapshot(towns: 80, months: 26, seed: 11, folders: folders,
                                                     name: "w24sumparts") { dir in
            // An inconsistency (t00002's 2016 plan from 2016-03 and 2016-06 disagree), so a named
            // town's `!` parts are stored beside the later-plan towns' `?` parts.
            let figures = dir + "/figures.toml"
            let added = "\n[[figure]]\ntown = \"t00002\"\nmeasure = \"completion_rate\"\nperiod = \"2016-03\"\n"
                + "value = 50.0\nsource = \"gen\"\n"
            try (String(contentsOfFile: figures, encoding: .utf8) + added).write(toFile: figures, atomically: true,
                                                                                encoding: .utf8)
        }
        let derived = try XCTUnwrap(loaded.derived)
        var fromText = AppState(dataset: text, width: 120, height: 40)
        var fromSnapshot = AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 120, height: 40)
        var stored = 0, flagged = 0, undecided = 0
        for p in text.periods.indices {
            fromText.periodIndex = p
            fromSnapshot.periodIndex = p
            let id = text.periods[p].id
            XCTAssertNil(fromText.storedSuspectFlags(), "nothing stored when read from the text")
            let read = try XCTUnwrap(fromSnapshot.storedSuspectFlags(), "\(id): stored")
            stored += 1
            let worked = fromText.suspectFlags()
            let every = Array(text.towns.indices)
            for i in every {
                XCTAssertEqual(worked[i] ?? SumFlags(), read[i] ?? SumFlags(), "\(id) \(text.towns[i].id)")
                XCTAssertEqual(fromSnapshot.suspectFlags()[i] ?? SumFlags(), read[i] ?? SumFlags())
            }
            // Only towns with a part are stored: a town with none adds nothing to a sum's flags.
            XCTAssertFalse(read.values.contains(SumFlags()), id)
            XCTAssertEqual(fromText.sumFlags(every), fromSnapshot.sumFlags(every), id)
            for type in text.types {
                let positions = fromText.facts.townsByType[type.number] ?? []
                XCTAssertEqual(fromText.sumFlags(positions), fromSnapshot.sumFlags(positions), "\(id) type \(type.number)")
            }
            flagged += read.values.filter { $0.plan || $0.done }.count
            undecided += read.values.filter { $0.undecided > 0 }.count
        }
        XCTAssertEqual(stored, text.periods.count, "every period's parts are stored")
        XCTAssertGreaterThan(flagged, 0, "some stored part carries `!` (the inconsistency added)")
        XCTAssertGreaterThan(undecided, 0, "some stored part is undecided (`?N`)")
    }

    /// A stored set naming a position past the last town, or a town behind by its rate that is not
    /// undecided, is not used: the parts are worked out instead.
    func testStoredSumPartsOutOfRangeAreNotUsed() throws {
        let (text, _) = try writtenWithSnapshot(towns: 12, months: 14, seed: 3, folders: folders,
                                                name: "w24sumpartsbad")
        let period = try XCTUnwrap(text.periods.last)
        let source = AppState.derivedTables(for: text)
        func state(_ sets: [String: [Int]]) throws -> AppState {
            var changed = source
            changed.rowSets.merge(sets) { _, new in new }
            let bytes = DatasetSnapshot.encode(text, warnings: [], fingerprint: 1, derived: changed)
            let decoded = try bytes.withUnsafeBytes { raw in
                try DatasetSnapshot.decode(SnapshotMemory(copying: raw), directory: text.directory)
            }
            var s = AppState(facts: Facts(dataset: decoded.dataset, derived: try XCTUnwrap(decoded.derived)),
                             width: 120, height: 40)
            s.periodIndex = text.periods.count - 1
            return s
        }
        XCTAssertNotNil(try state([:]).storedSuspectFlags())
        let past = try state([AppState.sumPartsName("plan", period.id): [text.towns.count]])
        XCTAssertNil(past.storedSuspectFlags())
        let behindOnly = try state([AppState.sumPartsName("undecided", period.id): [],
                                    AppState.sumPartsName("undecided-behind-by-rate", period.id): [0]])
        XCTAssertNil(behindOnly.storedSuspectFlags())
        // Worked out instead: the same as the text's.
        var fromText = AppState(dataset: text, width: 120, height: 40)
        fromText.periodIndex = text.periods.count - 1
        XCTAssertEqual(past.sumFlags(Array(text.towns.indices)), fromText.sumFlags(Array(text.towns.indices)))
    }
}
