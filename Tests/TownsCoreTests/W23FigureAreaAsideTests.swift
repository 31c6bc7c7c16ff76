import Foundation
@testable import TownsCore
import TownsSynthetic
import XCTest

/// Wave 23: `SnapshotStore.open` checks the figure area's structure on its other thread (after
/// the checksum), not on the decoding one. A damaged area whose checksum matches (the file
/// written again with its checksum made right) is still refused by `open`: nothing of it is
/// returned, and the dashboard reads the text.
final class W23FigureAreaAsideTests: XCTestCase {
    var temporaries: [String] = []

    override func tearDown() {
        for dir in temporaries { try? FileManager.default.removeItem(atPath: dir) }
    }

    /// A generated folder, its snapshot written in a cache of its own, and the snapshot's path.
    func written(towns: Int, months: Int) throws -> (store: SnapshotStore, dir: String, file: String) {
        let dir = NSTemporaryDirectory() + "towns-w23-aside-\(UUID().uuidString)"
        let cache = dir + "-cache"
        temporaries += [dir, cache]
        try SyntheticDataset(towns: towns, months: months, seed: 23).write(to: dir, rules: nil)
        let store = SnapshotStore(folder: cache)
        try store.write(directory: dir)
        return (store, dir, store.path(for: dir))
    }

    /// Writes `bytes` (a whole snapshot) with the eager part's checksum (format 21: the area lies
    /// in it) worked out again, so only the structure's checks can refuse it; through a rename,
    /// as the store writes.
    func writeWithChecksum(_ bytes: [UInt8], to file: String) throws {
        var bytes = bytes
        let h = DatasetSnapshot.headerSize
        let eager = Int(bytes[32..<40].withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) })
        let sum = bytes[h..<h + eager].withUnsafeBytes { WideHasher.hash($0) }
        withUnsafeBytes(of: sum.littleEndian) { bytes.replaceSubrange(40..<48, with: $0) }
        try Data(bytes).write(to: URL(fileURLWithPath: file), options: .atomic)
    }

    func testDamagedAreaWithAMatchingChecksumIsRefusedByOpen() throws {
        let (store, dir, file) = try written(towns: 40, months: 14)
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        // Where the area's records and offset table lie, as the snapshot read says.
        let (records, start, entries): (Int, Int, Int) = try {
            let loaded = try store.open(directory: dir)
            let area = try XCTUnwrap(loaded.dataset.towns.first?.figures.snapshotArea)
            return (area.recordsStart, area.offsetsStart, area.townCount * (area.slotCount + 1))
        }()
        XCTAssertGreaterThan(entries, 2)
        // The checksum worked out again on unchanged bytes: the snapshot is used.
        try writeWithChecksum(original, to: file)
        XCTAssertNoThrow(try store.open(directory: dir))
        // The last offset of the table (the end of the last town's figures) made 0: out of order.
        var damaged = original
        let last = DatasetSnapshot.headerSize + start + (entries - 1) * 4
        damaged.replaceSubrange(last..<last + 4, with: [0, 0, 0, 0])
        try writeWithChecksum(damaged, to: file)
        XCTAssertThrowsError(try store.open(directory: dir)) { error in
            guard case let .corrupt(why) = error as? SnapshotRejection else {
                return XCTFail("not refused as corrupt: \(error)")
            }
            XCTAssertTrue(why.contains("offset"), why)
        }
        // And the dashboard's door to it (`load`) alike.
        XCTAssertThrowsError(try store.load(directory: dir))
        // The first town's first record (the first part of the check) of an unknown measure.
        var unknown = original
        unknown[DatasetSnapshot.headerSize + records] = 0x7F
        try writeWithChecksum(unknown, to: file)
        XCTAssertThrowsError(try store.open(directory: dir)) { error in
            guard case let .corrupt(why) = error as? SnapshotRejection else {
                return XCTFail("not refused as corrupt: \(error)")
            }
            XCTAssertTrue(why.contains("measure"), why)
        }
        // A damaged checksum is refused as such, whatever the area (the area's check skipped).
        damaged[40] ^= 0xFF
        try Data(damaged).write(to: URL(fileURLWithPath: file), options: .atomic)
        XCTAssertThrowsError(try store.open(directory: dir)) { error in
            XCTAssertEqual(error as? SnapshotRejection, .corrupt("its checksum does not match"))
        }
    }

    /// An undamaged area checked in parts of towns passes whatever the split (a part's first row
    /// is not compared with the row before it), and the hand-over's `help` alone checks every part.
    /// (Damages in the first and the last part: `testDamagedAreaWithAMatchingChecksumIsRefusedByOpen`.)
    func testPartsOfTheCheckAgreeWithTheWhole() throws {
        let (store, dir, _) = try written(towns: 37, months: 14)
        let area = try XCTUnwrap(try store.open(directory: dir).dataset.towns.first?.figures.snapshotArea)
        for parts in [1, 2, 3, 16, 37] {
            for p in 0..<parts {
                XCTAssertNoThrow(try area.check(towns: p * 37 / parts..<(p + 1) * 37 / parts), "part \(p) of \(parts)")
            }
        }
        XCTAssertNoThrow(try area.check(towns: 5..<5))
        let handOver = FigureAreaHandOver()
        handOver.give(area)
        handOver.help()
        XCTAssertNil(handOver.failure)
    }

    /// A snapshot cut inside its towns (the decode stops before the area) is refused and never
    /// leaves the checking thread waiting for an area (the test would hang).
    func testADecodeStoppingBeforeTheAreaDoesNotWait() throws {
        let (store, dir, file) = try written(towns: 40, months: 14)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        // A payload of its first 200 bytes, all eager (no deferred part, an empty block table),
        // its header's lengths and checksums made to match.
        bytes = Array(bytes[0..<DatasetSnapshot.headerSize + 200])
        withUnsafeBytes(of: UInt64(200).littleEndian) { bytes.replaceSubrange(24..<32, with: $0) }
        withUnsafeBytes(of: UInt64(200).littleEndian) { bytes.replaceSubrange(32..<40, with: $0) }
        // Format 22: the header's first 40 bytes with the (empty) block table.
        let emptyTable = bytes.withUnsafeBytes { head in
            [UInt8]().withUnsafeBytes { DatasetSnapshot.headedTableChecksum(head: head, table: $0) }
        }
        withUnsafeBytes(of: emptyTable.littleEndian) { bytes.replaceSubrange(48..<56, with: $0) }
        try writeWithChecksum(bytes, to: file)
        XCTAssertThrowsError(try store.open(directory: dir)) { error in
            guard case .corrupt = error as? SnapshotRejection else { return XCTFail("\(error)") }
        }
    }
}
