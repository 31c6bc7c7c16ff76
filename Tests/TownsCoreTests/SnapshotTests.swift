import Foundation
import TownsCore
import TownsSynthetic
import XCTest

/// The snapshot (a binary form of `Data/` in the user's cache) gives exactly the dataset the
/// text gives, and is never trusted when missing, unreadable, foreign, truncated, corrupt or
/// of other contents; a cache that cannot be written is never fatal.
final class SnapshotTests: XCTestCase {
    var temporaries: [String] = []

    override func tearDown() {
        for dir in temporaries {
            chmod(dir, 0o700)
            try? FileManager.default.removeItem(atPath: dir)
        }
    }

    func temporary(_ name: String) -> String {
        let dir = NSTemporaryDirectory() + "towns-\(name)-\(UUID().uuidString)"
        temporaries.append(dir)
        return dir
    }

    /// Every stored property, by Mirror, with dictionaries and sets in a fixed order: two values
    /// print the same exactly when every field of every nested value is the same.
    func canonical(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { "some(" + canonical($0.value) + ")" } ?? "nil"
        case .dictionary, .set:
            return "[" + mirror.children.map { canonical($0.value) }.sorted().joined(separator: ", ") + "]"
        case .enum where mirror.children.isEmpty:
            return String(reflecting: value)
        case .some:
            let fields = mirror.children.map { ($0.label ?? "_") + ": " + canonical($0.value) }
            return "\(type(of: value))(" + fields.joined(separator: ", ") + ")"
        case nil:
            return String(reflecting: value)
        }
    }

    func roundTrip(_ directory: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try DatasetLoader.load(directory: directory)
        let store = SnapshotStore(folder: temporary("cache"))
        let written = try store.write(directory: directory)
        let read = try store.load(directory: directory)
        // Not XCTAssertEqual: a difference would print both datasets whole.
        XCTAssertTrue(canonical(read.dataset) == canonical(text.dataset), "snapshot differs", file: file, line: line)
        XCTAssertTrue(canonical(written.dataset) == canonical(text.dataset), "write differs", file: file, line: line)
        XCTAssertEqual(read.warnings, text.warnings, file: file, line: line)
        XCTAssertEqual(read.dataset.directory, directory, file: file, line: line)
        XCTAssertEqual(read.fingerprint, DatasetFingerprint(directory: directory), file: file, line: line)
    }

    func testCanonicalFormTellsDifferences() throws {
        var dataset = try loadBundled()
        let before = canonical(dataset)
        XCTAssertEqual(canonical(try loadBundled()), before)
        let key = try XCTUnwrap(dataset.towns[2].figures.keys.first)
        dataset.towns[2].figures[key]?.asOf = "2099"
        XCTAssertTrue(canonical(dataset) != before, "a changed date not seen")
    }

    func testBundledDataRoundTrips() throws { try roundTrip(bundledData) }

    /// 1,100 towns: three sections of towns, decoded on several threads.
    func testGeneratedDataRoundTrips() throws {
        for (towns, months, seed) in [(50, 24, 3), (400, 13, 11), (1100, 3, 5)] as [(Int, Int, UInt64)] {
            let dir = temporary("generated")
            try SyntheticDataset(towns: towns, months: months, seed: seed).write(to: dir, rules: nil)
            try roundTrip(dir)
        }
    }

    func testWarningsRoundTrip() throws {
        let dir = try brokenCopy("towns.toml") {
            $0.replacingOccurrences(of: "[[town]]\n", with: "[[town]]\nmystery = 1\n")
        }
        temporaries.append(dir)
        XCTAssertFalse(try DatasetLoader.load(directory: dir).warnings.isEmpty)
        try roundTrip(dir)
    }

    /// A field added to the model must be written to snapshots too: counts every type's
    /// stored properties, as SnapshotCodec.swift writes them.
    func testEveryFieldIsWritten() throws {
        let dataset = try loadBundled()
        let town = try XCTUnwrap(dataset.towns.first)
        let figure = try XCTUnwrap(town.figures.values.first)
        let counts: [(Any, Int)] = [
            // Figure's 8th, 9th and 10th fields, `isWorkedFromInterpretation`, `leastDecimals` and
            // `explanation`, are set only on figures Metrics derives, never on one the loader reads
            // (checked below), so the snapshot has nothing of them to write.
            (dataset, 19), (town, 26), (figure, 10), (try XCTUnwrap(dataset.periods.first), 5),
            (try XCTUnwrap(dataset.sources.values.first), 10), (try XCTUnwrap(dataset.types.first), 4),
            (try XCTUnwrap(dataset.entities.first), 6), (try XCTUnwrap(dataset.rules.first), 11),
            (try XCTUnwrap(dataset.province), 9), (try XCTUnwrap(dataset.province?.cities.first), 6),
            (try XCTUnwrap(dataset.province?.listed.first), 11), (try XCTUnwrap(dataset.problems), 4),
            (try XCTUnwrap(dataset.problems?.problems.first), 7),
            (try XCTUnwrap(dataset.problems?.countermeasures.first), 6),
            (try XCTUnwrap(dataset.reference?.passages.first), 11), (try XCTUnwrap(dataset.reference), 1),
            (try XCTUnwrap(dataset.bases.values.first), 4), (FigureKey(.completed), 2),
            (LoadIssue(.warning, .unknownField, file: "f", problem: "p"), 8),
            (Interval(0, 1), 2), (SourceLocation(file: "f", line: 1), 2),
        ]
        XCTAssertTrue(dataset.towns.allSatisfy { $0.figures.values.allSatisfy { $0.explanation == nil } })
        XCTAssertFalse(dataset.towns.contains { $0.figures.values.contains { $0.isWorkedFromInterpretation } })
        XCTAssertTrue(dataset.totals.values.allSatisfy { $0.explanation == nil })
        XCTAssertTrue(dataset.towns.allSatisfy { $0.figures.values.allSatisfy { $0.leastDecimals == 0 } })
        XCTAssertTrue(dataset.totals.values.allSatisfy { $0.leastDecimals == 0 })
        for (value, written) in counts {
            XCTAssertEqual(Mirror(reflecting: value).children.count, written,
                           "\(type(of: value)) has fields the snapshot does not write (SnapshotCodec.swift)")
        }
    }

    /// A snapshot written for the bundled data in a fresh copy, and its store.
    func writtenCopy() throws -> (directory: String, store: SnapshotStore, file: String) {
        let dir = try brokenCopy("dataset.toml") { $0 }
        temporaries.append(dir)
        let store = SnapshotStore(folder: temporary("cache"))
        try store.write(directory: dir)
        XCTAssertNoThrow(try store.load(directory: dir))
        return (dir, store, store.path(for: dir))
    }

    func assertRejected(_ store: SnapshotStore, _ dir: String, _ expected: (SnapshotRejection) -> Bool,
                        file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try store.load(directory: dir)
            XCTFail("a damaged snapshot was used", file: file, line: line)
        } catch {
            XCTAssertTrue(expected(error), "\(error)", file: file, line: line)
        }
        // Never fatal: the text still loads.
        XCTAssertNoThrow(try DatasetLoader.load(directory: dir), file: file, line: line)
    }

    func edit(_ file: String, _ change: (inout [UInt8]) -> Void) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        change(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
    }

    func testMissingSnapshotIsNotUsed() throws {
        let (dir, store, file) = try writtenCopy()
        try FileManager.default.removeItem(atPath: file)
        assertRejected(store, dir) { if case .missing = $0 { return true } else { return false } }
    }

    func testUnreadableSnapshotIsNotUsed() throws {
        try XCTSkipIf(getuid() == 0, "root reads a file of mode 000")
        let (dir, store, file) = try writtenCopy()
        chmod(file, 0)
        assertRejected(store, dir) { if case .missing = $0 { return true } else { return false } }
    }

    func testSnapshotThatIsAFolderIsNotUsed() throws {
        let (dir, store, file) = try writtenCopy()
        try FileManager.default.removeItem(atPath: file)
        try FileManager.default.createDirectory(atPath: file, withIntermediateDirectories: false)
        assertRejected(store, dir) { if case .missing = $0 { return true } else { return false } }
    }

    func testCorruptSnapshotIsNotUsed() throws {
        let (dir, store, file) = try writtenCopy()
        // One bit flipped in the middle of the payload: the checksum does not match.
        try edit(file) { $0[$0.count / 2] ^= 0x10 }
        assertRejected(store, dir) { if case .corrupt = $0 { return true } else { return false } }
    }

    func testTruncatedSnapshotIsNotUsed() throws {
        let (dir, store, file) = try writtenCopy()
        for keep in [1000, 41, 20, 0] {
            try edit(file) { $0 = Array($0.prefix(keep)) }
            // Cut inside the magic, or empty, is truncated too (wave 42: an empty file was `foreign`).
            assertRejected(store, dir) { if case .truncated = $0 { return true } else { return false } }
        }
    }

    func testForeignSnapshotIsNotUsed() throws {
        let (dir, store, file) = try writtenCopy()
        try edit(file) { $0[8] &+= 1 }  // another format version
        assertRejected(store, dir) { if case .foreign = $0 { return true } else { return false } }
        try edit(file) { $0[8] &-= 1; $0[12] &+= 4 }  // decimals of another layout
        assertRejected(store, dir) { if case .foreign = $0 { return true } else { return false } }
        try "not a snapshot at all".write(toFile: file, atomically: true, encoding: .utf8)
        assertRejected(store, dir) { if case .foreign = $0 { return true } else { return false } }
        // Another folder's valid snapshot copied over this one's.
        let other = try writtenCopy()
        try FileManager.default.removeItem(atPath: file)
        try FileManager.default.copyItem(atPath: other.file, toPath: file)
        assertRejected(store, dir) { if case .stale = $0 { return true } else { return false } }
    }

    /// The derived tables' tests' case: a copy of the bundled data, read; every town's planned
    /// projects, a derived plan of 12.5 for each, and the first period's table of them with town 1's
    /// completed `>3` and town 2's plan left out.
    func derivedTablesCase() throws -> (dir: String, dataset: Dataset, planned: [ShownFigure?], plans: [ShownFigure],
                                        table: [TownPeriod], period: Period) {
        let dir = try brokenCopy("dataset.toml") { $0 }
        temporaries.append(dir)
        let dataset = try DatasetLoader.load(directory: dir).dataset
        let planned = dataset.towns.map { ShownFigure($0.figures[FigureKey(.projectsPlanned)]) }
        let plans = dataset.towns.map { _ in ShownFigure(quantity: .exact(12.5, decimals: 1), isDerived: true) }
        var table = dataset.towns.indices.map { TownPeriod(planYear: plans[$0], projectsPlanned: planned[$0]) }
        table[1].completed = ShownFigure(quantity: .moreThan(3), isDerived: false)
        table[2].planYear = nil
        return (dir, dataset, planned, plans, table, try XCTUnwrap(dataset.periods.first))
    }

    /// Tables derived from the dataset (`DerivedTables`) are stored in the checksummed payload:
    /// read back as written, damaged bytes in them refuse the whole snapshot, and changed text
    /// makes them stale with it.
    func testDerivedTablesAreTrustedOnlyWithTheirSnapshot() throws {
        let (dir, dataset, planned, plans, shared, period) = try derivedTablesCase()
        var table = shared
        table[1].completed?.interval = Interval(2.95, 3.05)
        var tally = Metrics.Tally()
        for row in table { tally.add(row.completed?.quantity, derived: false, interval: row.completed?.interval) }
        tally.add(.exact(1.25, decimals: 2), derived: true)
        let source = DerivedTables.Source(planned: planned, yearPlans: [String(period.year): plans],
                                          periods: [.init(id: period.id, year: String(period.year), table: PeriodTable(table),
                                                          sums: [tally], extremes: [2, 1],
                                                          ranks: dataset.towns.indices.map { $0 == 0 ? nil : $0 })])
        let store = SnapshotStore(folder: temporary("cache"))
        try store.write(directory: dir) { _ in source }
        let derived = try XCTUnwrap(try store.open(directory: dir).derived)
        XCTAssertEqual(derived.periodTable(period.id), PeriodTable(table))
        XCTAssertEqual(derived.plannedProjects(), planned)
        XCTAssertEqual(derived.sums(period.id), [tally])
        XCTAssertEqual(derived.extremeRows(period.id), [2, 1])
        XCTAssertEqual(derived.ranks(period.id), dataset.towns.indices.map { $0 == 0 ? nil : $0 })
        XCTAssertNil(derived.periodTable("1999-01"))
        // The last bytes of the payload are the period's table: one flipped, the checksum tells.
        let file = store.path(for: dir)
        try edit(file) { $0[$0.count - 3] ^= 0x40 }
        assertRejected(store, dir) { if case .corrupt = $0 { return true } else { return false } }
        try store.write(directory: dir) { _ in source }
        try edit(dir + "/towns.toml") { $0 += Array("\n# changed\n".utf8) }
        assertRejected(store, dir) { if case .stale = $0 { return true } else { return false } }
    }

    /// A period given as the rows a snapshot writes (`DerivedTables.Period.rows`: what `towns
    /// snapshot` keeps of each period, not every town's row) is written byte for byte as the same
    /// period given whole, and reads back as the whole table.
    func testAPeriodGivenAsItsWrittenRowsIsWrittenAsTheWholeTable() throws {
        let (dir, dataset, planned, plans, table, period) = try derivedTablesCase()
        let rows = DerivedTables.Period.rows(of: PeriodTable(table), plans: plans, planned: planned)
        XCTAssertEqual(rows.map(\.position), [1, 2], "only the rows that are not the plans alone")
        func source(_ p: DerivedTables.Period) -> DerivedTables.Source {
            DerivedTables.Source(planned: planned, yearPlans: [String(period.year): plans], periods: [p])
        }
        func bytes(_ p: DerivedTables.Period) -> [UInt8] {
            DatasetSnapshot.encode(dataset, warnings: [], fingerprint: 1, derived: source(p))
        }
        let places = dataset.towns.indices.map { $0 == 0 ? nil : $0 }
        let whole = DerivedTables.Period(id: period.id, year: String(period.year), table: PeriodTable(table), sums: [],
                                         extremes: [2], ranks: places)
        let kept = DerivedTables.Period(id: period.id, year: String(period.year), rows: rows, sums: [],
                                        extremes: [2], ranks: places)
        XCTAssertTrue(kept.table.isEmpty)
        XCTAssertEqual(bytes(kept), bytes(whole))
        let fewer = DerivedTables.Period(id: period.id, year: String(period.year), rows: Array(rows.dropFirst()),
                                         sums: [], extremes: [2], ranks: places)
        XCTAssertNotEqual(bytes(fewer), bytes(whole), "a row left out is not the same table")
        let store = SnapshotStore(folder: temporary("cache"))
        try store.write(directory: dir) { _ in source(kept) }
        XCTAssertEqual(try XCTUnwrap(try store.open(directory: dir).derived).periodTable(period.id), PeriodTable(table))
    }

    func testChangedTextMakesSnapshotStale() throws {
        let (dir, store, _) = try writtenCopy()
        // The same size and the same modification time: only the contents tell.
        let path = dir + "/towns.toml"
        var info = stat()
        stat(path, &info)
        try edit(path) { bytes in
            let i = bytes.firstIndex(of: UInt8(ascii: "1"))!
            bytes[i] = UInt8(ascii: "2")
        }
        var times = [info.st_atim, info.st_mtim]
        utimensat(AT_FDCWD, path, &times, 0)
        assertRejected(store, dir) { if case .stale = $0 { return true } else { return false } }
        try store.write(directory: dir)
        XCTAssertTrue(canonical(try store.load(directory: dir).dataset)
                      == canonical(try DatasetLoader.load(directory: dir).dataset))
    }

    func testAnotherBuildsSnapshotIsStale() throws {
        let (dir, store, _) = try writtenCopy()
        var other = store
        other.producer = "towns of another build"
        assertRejected(other, dir) { if case .stale = $0 { return true } else { return false } }
    }

    func testReadOnlyCacheIsNotFatal() throws {
        try XCTSkipIf(getuid() == 0, "root writes into a folder of mode 555")
        let dir = try brokenCopy("dataset.toml") { $0 }
        temporaries.append(dir)
        let folder = temporary("cache")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, 0o555)
        let store = SnapshotStore(folder: folder)
        XCTAssertThrowsError(try store.write(directory: dir)) {
            XCTAssertTrue($0 is SnapshotStore.WriteFailure, "\($0)")
        }
        assertRejected(store, dir) { if case .missing = $0 { return true } else { return false } }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
    }

    /// Also as root: a cache folder nobody can create (in /proc) and one where a file is.
    func testUnwritableCacheIsNotFatal() throws {
        let dir = try brokenCopy("dataset.toml") { $0 }
        temporaries.append(dir)
        let file = temporary("cache-file")
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        for folder in ["/proc/towns-snapshots", file + "/snapshots"] {
            let store = SnapshotStore(folder: folder)
            XCTAssertThrowsError(try store.write(directory: dir), folder) {
                XCTAssertTrue($0 is SnapshotStore.WriteFailure, "\($0)")
            }
            assertRejected(store, dir) { if case .missing = $0 { return true } else { return false } }
        }
    }

    func testNeverWrittenInsideTheDataFolder() throws {
        let dir = try brokenCopy("dataset.toml") { $0 }
        temporaries.append(dir)
        let store = SnapshotStore(folder: dir + "/cache")
        XCTAssertThrowsError(try store.write(directory: dir)) {
            XCTAssertTrue($0 is SnapshotStore.WriteFailure, "\($0)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/cache"))
    }

    func testDefaultFolderFollowsXDG() {
        XCTAssertEqual(SnapshotStore.defaultFolder(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]),
                       "/c/towns/snapshots")
        XCTAssertEqual(SnapshotStore.defaultFolder(environment: ["XDG_CACHE_HOME": "rel", "HOME": "/h"]),
                       "/h/.cache/towns/snapshots")
        XCTAssertNil(SnapshotStore.defaultFolder(environment: [:]))
    }
}
