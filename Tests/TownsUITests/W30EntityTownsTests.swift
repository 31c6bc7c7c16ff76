import Foundation
@testable import TownsCore
import TownsSynthetic
@testable import TownsUI
import XCTest

/// Wave 30 (issue 17, cold keys): each operating entity's towns are kept by the entity's
/// position (`Facts.entityTowns`) and stored in the snapshot (`Facts.entityTownsName`), no longer
/// a dictionary made by hashing every town's entity ids at the entities view's first visit (two
/// fifths of it at 10,000 towns). An equivalence guard: the towns are those each town's ids
/// name (`Dataset.towns(operatedBy:)`), from the text and from the snapshot, and the entities view
/// and an entity's list draw the same either way.
final class W30EntityTownsTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    /// What the entity `id` operates as `Dataset.towns(operatedBy:)` says, by position.
    private func expected(_ data: Dataset, _ id: String?) -> [Int] {
        data.towns.indices.filter { id.map(data.towns[$0].entityIDs.contains) ?? data.towns[$0].entityIDs.isEmpty }
    }

    private func assertSame(_ facts: Facts, _ data: Dataset, _ label: String,
                            file: StaticString = #filePath, line: UInt = #line) {
        let index = facts.entityTowns
        XCTAssertEqual(index.entityCount, data.entities.count, label, file: file, line: line)
        for k in data.entities.indices {
            let id = data.entities[k].id
            XCTAssertEqual(index.towns(ofEntityAt: k), expected(data, id), "\(label) \(id)", file: file, line: line)
            XCTAssertEqual(index.count(ofEntityAt: k), expected(data, id).count, label, file: file, line: line)
            XCTAssertEqual(facts.townPositions(operatedBy: id), expected(data, id), label, file: file, line: line)
            XCTAssertEqual(data.towns(operatedBy: id).map(\.id), expected(data, id).map { data.towns[$0].id },
                           label, file: file, line: line)
        }
        XCTAssertEqual(index.unnamed, expected(data, nil), label, file: file, line: line)
        XCTAssertEqual(facts.townPositions(operatedBy: nil), expected(data, nil), label, file: file, line: line)
        XCTAssertEqual(facts.townPositions(operatedBy: "no such entity"), [], label, file: file, line: line)
        // The stored form reads back as itself.
        XCTAssertEqual(EntityTowns(numbers: index.numbers, entities: data.entities.count, towns: data.towns.count),
                       index, label, file: file, line: line)
    }

    func testStoredEntityTownsAreTheOnesEachTownsIDsName() throws {
        let (text, loaded) = try writtenWithSnapshot(towns: 300, months: 14, seed: 7, folders: folders,
                                                     name: "w30entities")
        let derived = try XCTUnwrap(loaded.derived)
        XCTAssertNotNil(derived.keys.measure(Facts.entityTownsName), "stored")
        let fromSnapshot = Facts(dataset: loaded.dataset, derived: derived)
        assertSame(Facts(dataset: text), text, "text")
        assertSame(fromSnapshot, loaded.dataset, "snapshot")
        XCTAssertEqual(fromSnapshot.entityTowns, Facts(dataset: text).measuredEntityTowns())
        XCTAssertGreaterThan(text.towns.filter { $0.entityIDs.count > 1 }.count, 0, "towns of several entities")
    }

    /// Every town's entity ids drawn at random (seeded): none, one, several, repeated, an id no
    /// entity has, and entities sharing an id: the towns each town's ids name, every time.
    func testEveryMixOfEntityIDsGivesTheTownsTheirIDsName() throws {
        let (text, _) = try writtenWithSnapshot(towns: 60, months: 3, seed: 5, folders: folders, name: "w30mix")
        var generator = Seeded(state: 30)
        let ids = text.entities.map(\.id) + ["unknown-entity"]
        for round in 0..<40 {
            var data = text
            for i in data.towns.indices {
                let n = [0, 1, 1, 2, 3].randomElement(using: &generator)!
                data.towns[i].entityIDs = (0..<n).map { _ in ids.randomElement(using: &generator)! }
            }
            if round % 3 == 0, data.entities.count > 2 { data.entities.append(data.entities[1]) }
            if round % 5 == 0 { data.entities.shuffle(using: &generator) }
            assertSame(Facts(dataset: data), data, "round \(round)")
        }
    }

    /// The entities view (every entity, then filtered with `b`) and an entity's list draw the same
    /// from the snapshot as from the text, in both languages.
    func testEntityScreensAreTheSameFromTheSnapshot() throws {
        let (text, loaded) = try writtenWithSnapshot(towns: 300, months: 14, seed: 7, folders: folders,
                                                     name: "w30screens")
        let derived = try XCTUnwrap(loaded.derived)
        for language in Language.allCases {
            func states() -> [AppState] {
                [AppState(dataset: text, width: 120, height: 40),
                 AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 120, height: 40)]
                    .map { s in
                        var s = s
                        s.language = language
                        s.periodIndex = text.periods.count - 1
                        return s
                    }
            }
            let listed = states().map { screen(apply($0, .showView(.entityList))) }
            XCTAssertEqual(listed[0], listed[1], "\(language) entities")
            let filtered = states().map { screen(apply($0, .showView(.entityList), .toggleBehindFilter)) }
            XCTAssertEqual(filtered[0], filtered[1], "\(language) entities, b")
            XCTAssertNotEqual(filtered[0], listed[0])
            for id in text.entities.prefix(5).map(\.id) + [nil] {
                let one = states().map { s -> [String] in
                    var s = s
                    s.stack = [Screen(.townsOfEntity(id))]
                    return screen(s)
                }
                XCTAssertEqual(one[0], one[1], "\(language) \(id ?? "none")'s list")
            }
        }
    }

    /// Stored numbers of another shape are not used (nil): then the towns are worked out.
    func testDamagedStoredEntityTownsAreNotUsed() {
        let good = EntityTowns(lists: [[0, 2], [], [1]], unnamed: [3])
        XCTAssertEqual(good.numbers, [2, 0, 2, 0, 1, 1, 1, 3])
        XCTAssertEqual(EntityTowns(numbers: good.numbers, entities: 3, towns: 4), good)
        for bad in [[2, 0, 2, 0, 1, 1, 1], [2, 0, 2, 0, 1, 1, 1, 3, 0], [2, 2, 0, 0, 1, 1, 1, 3],
                    [2, 0, 0, 0, 1, 1, 1, 3], [2, 0, 2, 0, 1, 1, 1, 4], [-1, 0, 0, 0], []] {
            XCTAssertNil(EntityTowns(numbers: bad, entities: 3, towns: 4), "\(bad)")
        }
        XCTAssertNil(EntityTowns(numbers: good.numbers, entities: 2, towns: 4))
    }
}

/// A seeded generator (splitmix64), so the drawn ids are the same every run.
private struct Seeded: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
