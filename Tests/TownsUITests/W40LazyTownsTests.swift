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
        // The towns view's first frame reads the figures, sort keys and widths the snapshot
        // stores and the towns of the rows it shows (wave 41: its period table and its rows'
        // targets read every town's record, a full decode at a first visit), not every town.
        let before = lazy.sectionsDecoded
        var towns = state
        towns.stack = [Screen(.townList)]
        XCTAssertTrue(Renderer(theme: .monochrome).render(towns).lines().joined().contains("1500"))
        XCTAssertFalse(lazy.isWhole, "the towns view's first frame decoded every town")
        XCTAssertLessThanOrEqual(lazy.sectionsDecoded, before + 2, "its first rows' sections")
        // Every town asked for at once (an export, a change) decodes them all, once.
        XCTAssertEqual(loaded.dataset.towns.count, 1500)
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

    // Wave 41: the cold keys at 10,000 x 60 a lazy dataset had made slower.

    func testReadingEveryTownByPositionDecodesThemAllAtOncePastAFewSections() throws {
        let (dir, store, text) = try written(towns: 1500, months: 3)
        let opened = try store.open(directory: dir).dataset
        let lazy = try XCTUnwrap(opened.townStore.lazy)
        let size = LazyTowns.sectionSize, alone = LazyTowns.sectionsAloneAtMost
        XCTAssertGreaterThan((1500 + size - 1) / size, alone + 1, "more sections than are decoded alone")
        // Every id, read from the sections' heads (format 24): no town decoded for them.
        let byID = try store.open(directory: dir).dataset
        XCTAssertEqual(byID.townIndices.map { byID.townID(at: $0) }, text.towns.map(\.id))
        XCTAssertEqual(byID.townStore.lazy?.sectionsDecoded, 0)
        XCTAssertEqual(byID.town(text.towns[1234].id).map(fields), fields(text.towns[1234]))
        XCTAssertEqual(byID.townStore.lazy?.sectionsDecoded, 1, "the one town looked up by id")
        XCTAssertNil(byID.town("no such town"))
        // A town of each of the first sections: each section decoded alone.
        for s in 0..<alone { XCTAssertEqual(fields(opened.town(at: s * size)), fields(text.towns[s * size])) }
        XCTAssertEqual(lazy.sectionsDecoded, alone)
        XCTAssertFalse(lazy.isWhole)
        // One more section asked: every town decoded at once (a loop over every position reads them so).
        XCTAssertEqual(fields(opened.town(at: alone * size + 5)), fields(text.towns[alone * size + 5]))
        XCTAssertTrue(lazy.isWhole)
        XCTAssertEqual(opened.townIndices.map { fields(opened.town(at: $0)) }, text.towns.map(fields))
        XCTAssertEqual(opened.townIndices.map { opened.townID(at: $0) }, text.towns.map(\.id))
    }

    func testTheTownsViewSortedByTypeFromASnapshotIsTheTextsOrderAndOpensEachRowsTown() throws {
        let (dir, store, text) = try written(towns: 1500, months: 3)
        let loaded = try store.open(directory: dir)
        for descending in [false, true] {
            var state = AppState(facts: Facts(dataset: loaded.dataset, derived: loaded.derived), width: 80, height: 24)
            state.stack = [Screen(.townList)]
            state = update(state, .chooseSort(descending: descending))
            state = update(state, .sortChooserKey(.char(SortChooser.keys[2])))
            let content = try XCTUnwrap(state.content(for: state.screen))
            XCTAssertTrue(content.columns[2].title.hasSuffix(SortMark.of(descending: descending)), content.columns[2].title)
            // Stable: by type, then in file order, both ways.
            let expected = text.towns.indices.sorted {
                let (a, b) = (text.towns[$0].type, text.towns[$1].type)
                return a != b ? (descending ? a > b : a < b) : $0 < $1
            }.map { Screen.Kind.townPage(text.towns[$0].id) }
            XCTAssertEqual((0..<content.targets.count).map { content.targets[$0] }, expected, "descending \(descending)")
        }
    }

    func testTheWarmUpDecodesEveryTownWhereThePeriodTableNoLongerDoes() throws {
        let (dir, store, _) = try written(towns: 300, months: 3)
        let loaded = try store.open(directory: dir)
        let lazy = try XCTUnwrap(loaded.dataset.townStore.lazy)
        let state = AppState(facts: Facts(dataset: loaded.dataset, derived: loaded.derived), width: 80, height: 24)
        _ = Renderer(theme: .monochrome).render(state)
        _ = state.periodTable()
        XCTAssertFalse(lazy.isWhole, "the first frame and the period's table (stored) decode no town whole")
        XCTAssertFalse(state.warmSkipped.contains("towns"), "TOWNS_WARM_SKIP is set for this test run")
        state.warm()
        XCTAssertTrue(lazy.isWhole, "the warm-up decodes every town, as the views of every town need them")
    }

    func testATownsPageHasItsHistoryMadeAlongsideInItsPlaceOnce() throws {
        let (dir, store, _) = try written(towns: 300, months: 14)
        let loaded = try store.open(directory: dir)
        var state = AppState(facts: Facts(dataset: loaded.dataset, derived: loaded.derived), width: 100, height: 30)
        let town = loaded.dataset.town(at: 150)
        state.stack = [Screen(.townList), Screen(.townPage(town.id))]
        func texts(_ lines: [DetailLine]) -> [String] { lines.map { $0.runs(.unicode).map(\.0).joined() } }
        let page = texts(state.pageLines(.townPage(town.id), width: 100))
        let history = texts(state.history(town, width: 100))
        XCTAssertEqual(history.count, 15, "its title and a row per period")
        let starts = page.indices.filter { page[$0...].starts(with: history) }
        XCTAssertEqual(starts.count, 1, "the history once, whole, in order")
        // After the year plans, before the period shown's progress (`所处进度` / its sections).
        let start = try XCTUnwrap(starts.first)
        XCTAssertTrue(page[..<start].contains { $0.contains("2016") && $0.contains("计划") }, page[..<start].joined(separator: "\n"))
        XCTAssertGreaterThan(page.count, start + history.count + 10, "the rest of the page after it")
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
