import Foundation
@testable import TownsCore
@testable import TownsUI
import TownsSynthetic
import TownsTestSupport
import XCTest

/// Issue 17, wave 40: a dataset read from a snapshot (`SnapshotStore.open`) keeps its towns in
/// the snapshot's sections (`LazyTowns`, format 23) until a view asks: the overview's first frame
/// decodes the sections of the towns it shows, not every town; asking for every town, or for one,
/// gives exactly what the text gives.
final class W40LazyTownsTests: XCTestCase {
    /// A synthetic dataset of `towns` towns (the bundled rules), its snapshot with derived tables
    /// written, and the dataset read back from the text.
    func written(towns: Int, months: Int) throws -> (dir: String, store: SnapshotStore, text: Dataset) {
        let dir = TemporaryFiles.path("lazy")
        let bundled = { try String(contentsOfFile: repositoryRoot + "/Data/" + $0, encoding: .utf8) }
        try SyntheticDataset(towns: towns, months: months, seed: 7)
            .write(to: dir, rules: .init(rulesText: bundled("rules.toml"), sourcesText: bundled("sources.toml")))
        let store = SnapshotStore(folder: TemporaryFiles.path("cache"))
        try store.write(directory: dir, derive: AppState.derivedTables)
        return (dir, store, try DatasetLoader.load(directory: dir).dataset)
    }

    /// Every field of `town` but its figures, and its figures of every key, as text.
    func fields(_ town: Town) -> String {
        var copy = town
        copy.figures = Figures()
        let figures = town.figures.all.sorted { FigureKey.snapshotOrder($0.key, $1.key) }.map { "\($0.key): \($0.value)" }
        return "\(copy) \(figures)"
    }

    func testTheOverviewsFirstFrameDecodesOnlyTheTownsItShows() throws {
        let (dir, store, _) = try written(towns: 1500, months: 14)
        let loaded = try store.open(directory: dir)
        let lazy = try XCTUnwrap(loaded.dataset.townStore.lazy, "a snapshot's towns are left in their sections")
        XCTAssertEqual(loaded.dataset.townCount, 1500)
        XCTAssertEqual(lazy.sectionsDecoded, 0, "opening decodes no town")
        let state = AppState(facts: Facts(dataset: loaded.dataset, derived: loaded.derived), width: 80, height: 24)
        XCTAssertEqual(state.screen.kind, .overview)
        let grid = Renderer(theme: .monochrome).render(state)
        XCTAssertTrue(grid.lines().joined().contains("1500"), "the overview drew its frame")
        XCTAssertFalse(lazy.isWhole, "the overview's first frame decoded every town")
        // The behind panel's rows and the changes panel's (each a section of 64), the first town.
        XCTAssertLessThanOrEqual(lazy.sectionsDecoded, 12, "of \((1500 + 63) / 64) sections")
        XCTAssertGreaterThan(lazy.sectionsDecoded, 0)
        // A view of every town decodes them all, once.
        var towns = state
        towns.stack = [Screen(.townList)]
        _ = Renderer(theme: .monochrome).render(towns)
        XCTAssertTrue(lazy.isWhole)
    }

    func testEveryTownReadFromItsSectionIsTheTextsTown() throws {
        let (dir, store, text) = try written(towns: 200, months: 6)
        let one = try store.open(directory: dir).dataset
        let all = try store.open(directory: dir).dataset
        XCTAssertEqual(one.townTypes, text.towns.map(\.type))
        XCTAssertEqual(one.townIndices, text.towns.indices)
        // Town by town (each section decoded alone, in reverse, out of order), then all at once.
        for i in text.towns.indices.reversed() {
            XCTAssertEqual(fields(one.town(at: i)), fields(text.towns[i]), "town \(i)")
        }
        XCTAssertEqual(one.townStore.lazy?.isWhole, false, "town(at:) decodes sections, not the whole")
        XCTAssertEqual(one.towns.map(fields), text.towns.map(fields), "every town, some sections decoded before")
        XCTAssertEqual(all.towns.map(fields), text.towns.map(fields), "every town at once")
        XCTAssertEqual(fields(all.town(at: 150)), fields(text.towns[150]), "by position once whole")
    }

    func testChangingATownDecodesThemAllFirstAndChangesOnlyThatCopy() throws {
        let (dir, store, text) = try written(towns: 130, months: 3)
        let opened = try store.open(directory: dir).dataset
        var changed = opened
        changed.towns[70].nameEN = "Changed"
        XCTAssertNil(changed.townStore.lazy, "a change keeps the towns as an array")
        XCTAssertEqual(changed.towns[70].nameEN, "Changed")
        XCTAssertEqual(changed.town(at: 70).nameEN, "Changed")
        XCTAssertEqual(opened.town(at: 70).nameEN, text.towns[70].nameEN, "the dataset it was copied from is unchanged")
        XCTAssertEqual(changed.towns.count, 130)
        XCTAssertEqual(fields(changed.towns[129]), fields(text.towns[129]))
    }

    func testTownsReadFromEveryThreadAtOnceAreTheSame() throws {
        let (dir, store, text) = try written(towns: 640, months: 2)
        let opened = try store.open(directory: dir).dataset
        let expected = text.towns.map(\.id)
        let ids = ConcurrentIDs(count: expected.count)
        // Half the threads ask town by town, the others for every town, at once.
        DispatchQueue.concurrentPerform(iterations: 8) { k in
            if k % 2 == 0 {
                for i in stride(from: k, to: expected.count, by: 3) { ids.set(i, opened.town(at: i).id) }
            } else {
                let all = opened.towns
                for i in stride(from: k, to: expected.count, by: 5) { ids.set(i, all[i].id) }
            }
        }
        XCTAssertEqual(ids.values.enumerated().filter { !$0.element.isEmpty }.count, expected.count)
        XCTAssertEqual(ids.values, expected)
    }

    func testADecodeWithoutTheChecksumBesideDecodesEveryTownAndThrowsOnDamage() throws {
        let (dir, store, text) = try written(towns: 100, months: 2)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: store.path(for: dir))))
        let fingerprint = try bytes.withUnsafeBytes { try DatasetSnapshot.fingerprint(of: $0) }
        let decoded = try bytes.withUnsafeBytes {
            try DatasetSnapshot.decode($0, directory: dir, fingerprint: fingerprint)
        }
        XCTAssertNil(decoded.dataset.townStore.lazy, "decode (no checksum beside) decodes every town")
        XCTAssertEqual(decoded.dataset.towns.map(fields), text.towns.map(fields))
        // A town's name made not UTF-8 in its section, the checksums made to match: refused.
        let head = try bytes.withUnsafeBytes { try DatasetSnapshot.header($0) }
        let start = DatasetSnapshot.headerSize
        var eager = Array(bytes[start..<start + head.eager])
        let deferred = Array(bytes[start + head.eager..<start + head.length])
        let name = Array(text.towns[70].nameEN.utf8)
        let at = try XCTUnwrap((0...(eager.count - name.count)).first { eager[$0..<$0 + name.count].elementsEqual(name) })
        eager[at] = 0xFF
        let damaged = DatasetSnapshot.file(eager: eager, deferred: deferred, fingerprint: head.fingerprint)
        XCTAssertThrowsError(try damaged.withUnsafeBytes {
            try DatasetSnapshot.decode($0, directory: dir, fingerprint: head.fingerprint)
        }) { error in
            guard case let .corrupt(why)? = error as? SnapshotRejection else { return XCTFail("\(error)") }
            XCTAssertTrue(why.contains("UTF-8"), why)
        }
    }
}

/// Ids written by several threads, each into its own slot. `@unchecked Sendable`: under `lock`.
private final class ConcurrentIDs: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [String]
    init(count: Int) { slots = Array(repeating: "", count: count) }
    func set(_ i: Int, _ id: String) { lock.withLock { slots[i] = id } }
    var values: [String] { lock.withLock { slots } }
}
