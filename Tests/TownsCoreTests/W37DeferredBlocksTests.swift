import Foundation
import XCTest

@testable import TownsCore
import TownsSynthetic

/// Wave 37 (session 30), issue 17's first screen: a snapshot's derived tables read when first
/// asked for lie in a deferred part (format 21), each 64 KiB block checked when first read
/// (`SnapshotMemory.verify`); a start checks the eager part alone.
final class W37DeferredBlocksTests: XCTestCase {
    var temporaries: [String] = []

    override func tearDown() {
        for dir in temporaries { try? FileManager.default.removeItem(atPath: dir) }
    }

    /// A snapshot whose deferred part holds a list of three parts of `size` bytes each (as
    /// `SnapshotWriter.derived` writes a list of names), with `damage` applied to its bytes
    /// (offsets in the deferred part); its memory, the list's range and the parts' ranges.
    func snapshot(partSize size: Int, damage: (inout [UInt8]) -> Void = { _ in })
        -> (memory: SnapshotMemory, list: Range<Int>, parts: [Range<Int>], eager: Int)
    {
        var w = SnapshotWriter()
        w.deferredSection { w in
            w.uint(3)
            for name in ["p0", "p1", "p2"] {
                w.string(name)
                w.deferredSection { w in w.raw([UInt8](repeating: UInt8(name.utf8.last!), count: size)) }
            }
        }
        var deferred = w.deferred
        let good = DatasetSnapshot.file(eager: w.body, deferred: deferred, fingerprint: 7)
        damage(&deferred)
        // The block table of the undamaged part: the damage is what a reader finds.
        var bytes = good
        let start = DatasetSnapshot.headerSize + w.body.count
        bytes.replaceSubrange(start..<start + deferred.count, with: deferred)
        let memory = bytes.withUnsafeBytes { SnapshotMemory(copying: $0) }
        XCTAssertNoThrow(try memory.adopt(try bytes.withUnsafeBytes { try DatasetSnapshot.header($0) }))
        var r = SnapshotReader(memory.payload, from: 0, to: w.body.count)
        r.deferredStart = w.body.count
        let list = try! r.deferredRange()
        let lazy = LazyRanges(section: list, memory: memory, strings: w.strings)
        return (memory, list, ["p0", "p1", "p2"].compactMap { lazy[$0] }, w.body.count)
    }

    func read(_ memory: SnapshotMemory, _ range: Range<Int>) -> [UInt8]? {
        try? memory.read(range, strings: []) { try $0.block(count: range.count) }
    }

    /// Each part is checked when it is read, and only its blocks: a damaged byte inside the
    /// second part refuses that part alone (the others lie in other blocks).
    func testEachPartIsCheckedWhenFirstReadAndAlone() {
        let size = 200_000  // over three blocks each, so the middle of p1 shares no block
        let whole = snapshot(partSize: size)
        XCTAssertEqual(whole.parts.count, 3)
        XCTAssertEqual(whole.memory.checkedBlocks.checked, 1, "the list's block only")
        for (i, part) in whole.parts.enumerated() {
            XCTAssertEqual(read(whole.memory, part), [UInt8](repeating: UInt8(48 + i), count: size))
        }
        XCTAssertEqual(whole.memory.checkedBlocks.checked, whole.memory.checkedBlocks.of)
        let damaged = snapshot(partSize: size) { deferred in deferred[size + size / 2] ^= 0x01 }
        XCTAssertEqual(damaged.parts.count, 3, "the list is whole")
        XCTAssertEqual(read(damaged.memory, damaged.parts[0])?.count, size)
        XCTAssertNil(read(damaged.memory, damaged.parts[1]), "the damaged part refused")
        XCTAssertNil(read(damaged.memory, damaged.parts[1]), "and again")
        XCTAssertEqual(read(damaged.memory, damaged.parts[2])?.count, size)
        XCTAssertThrowsError(try damaged.memory.verify(damaged.parts[1])) {
            XCTAssertEqual($0 as? SnapshotRejection, .corrupt("a block of its derived tables does not match its checksum"))
        }
        // Checked ahead (the warm-up's) before any read: the damaged part is refused all the same.
        let ahead = snapshot(partSize: size) { deferred in deferred[size + size / 2] ^= 0x01 }
        ahead.memory.verifyAhead()
        XCTAssertEqual(ahead.memory.checkedBlocks.checked, ahead.memory.checkedBlocks.of)
        XCTAssertNil(read(ahead.memory, ahead.parts[1]))
        XCTAssertEqual(read(ahead.memory, ahead.parts[0])?.count, size)
    }

    /// Wave 38: the damaged blocks are counted (`damagedBlocks`, what the dashboard says and
    /// rebuilds the snapshot for), each once, whether found by a read or by the warm-up's check;
    /// none in a whole snapshot.
    func testDamagedBlocksAreCountedOnce() {
        let size = 200_000
        let whole = snapshot(partSize: size)
        whole.memory.verifyAhead()
        XCTAssertEqual(whole.memory.damagedBlocks, 0)
        let damaged = snapshot(partSize: size) { deferred in
            deferred[size / 2] ^= 0x01  // in p0
            deferred[size + size / 2] ^= 0x01  // in p1, another block
        }
        XCTAssertEqual(damaged.memory.damagedBlocks, 0, "none found before a read")
        XCTAssertNil(read(damaged.memory, damaged.parts[1]))
        XCTAssertEqual(damaged.memory.damagedBlocks, 1, "found by the read")
        XCTAssertNil(read(damaged.memory, damaged.parts[1]))
        XCTAssertEqual(damaged.memory.damagedBlocks, 1, "counted once")
        damaged.memory.verifyAhead()
        XCTAssertEqual(damaged.memory.damagedBlocks, 2, "the other found by the warm-up's check")
    }

    /// A damaged list (its block) has no names; a range beyond the deferred blocks is refused.
    func testADamagedListHasNoNames() {
        let size = 100_000
        // The list is written after its parts: its bytes are the deferred part's last.
        let damaged = snapshot(partSize: size) { deferred in deferred[deferred.count - 2] ^= 0x80 }
        XCTAssertTrue(damaged.parts.isEmpty)
        XCTAssertThrowsError(try damaged.memory.verify(damaged.eager..<damaged.memory.payloadCount + 1))
    }

    /// A start checks the eager part only: no deferred block is hashed until a table is read,
    /// then the blocks of that table alone; the eager part is most of what a start decodes and
    /// the deferred part most of the snapshot.
    func testAStartChecksNoDeferredBlock() throws {
        let dir = NSTemporaryDirectory() + "towns-w37-\(UUID().uuidString)"
        temporaries += [dir, dir + "-cache"]
        try SyntheticDataset(towns: 300, months: 26, seed: 37).write(to: dir, rules: nil)
        let store = SnapshotStore(folder: dir + "-cache")
        try store.write(directory: dir, derive: { dataset in
            // The planned projects and a year's plans as the dashboard stores them.
            let planned = dataset.towns.map { _ in ShownFigure?.none }
            // Sort ranks of 200 columns: ~120 KB, so the deferred part spans several blocks.
            let ranks = Dictionary(uniqueKeysWithValues: (0..<200).map { ("c\($0)", Array(1...dataset.towns.count)) })
            return DerivedTables.Source(planned: planned, yearPlans: ["2015": planned], periods: [], sortRanks: ranks,
                                        groups: [:], rowSets: ["all": Array(dataset.towns.indices)], tallies: [:])
        })
        let loaded = try store.open(directory: dir)
        let derived = try XCTUnwrap(loaded.derived)
        XCTAssertEqual(derived.checkedBlocks.checked, 0, "none at the start")
        XCTAssertGreaterThan(derived.checkedBlocks.of, 0)
        XCTAssertEqual(derived.rowSet("all"), Array(0..<300))
        let afterOne = derived.checkedBlocks.checked
        XCTAssertGreaterThan(afterOne, 0)
        XCTAssertLessThan(afterOne, derived.checkedBlocks.of, "that table's blocks alone")
        XCTAssertEqual(derived.sortRanks("c7"), Array(1...300))
        derived.checkAhead()  // the warm-up's: every block checked, and each once
        XCTAssertEqual(derived.checkedBlocks.checked, derived.checkedBlocks.of)
        XCTAssertNoThrow(try derived.verifyDeferred())
        XCTAssertEqual(derived.checkedBlocks.checked, derived.checkedBlocks.of)
    }
}

/// Wave 37: a large string table is decoded in two halves at once (`SnapshotReader.stringTable`).
final class W37StringTableTests: XCTestCase {
    /// A table of `texts` as `DatasetSnapshot.encode` writes one (each length, then the bytes),
    /// followed by a marker byte.
    func table(_ texts: [[UInt8]]) -> [UInt8] {
        var w = SnapshotWriter()
        for t in texts { w.uint(UInt64(t.count)); w.raw(t) }
        w.raw([0xAB])
        return w.body
    }

    func texts(_ n: Int) -> [[UInt8]] {
        (0..<n).map { i in Array((i % 3 == 0 ? "镇\(i)号" : i % 3 == 1 ? "t\(i)" : "Town number \(i) of many").utf8) }
    }

    /// Both halves' strings in their places, at sizes either side of the two-thread threshold;
    /// the reader left just after the table.
    func testTheStringsAreTheOneByOnesAtEverySize() throws {
        let from = StringTableHalves.twoThreadsFrom
        for n in [0, 1, from - 1, from, from + 1, 3 * from + 7] {
            let all = texts(n)
            try table(all).withUnsafeBytes { bytes in
                var reader = SnapshotReader(bytes)
                let strings = try reader.stringTable(count: n)
                XCTAssertEqual(strings, all.map { String(decoding: $0, as: UTF8.self) }, "\(n) strings")
                XCTAssertEqual(try reader.byte(), 0xAB, "\(n): the reader just after the table")
            }
        }
    }

    /// A string that is not UTF-8 in either half, or a table cut short, is damage thrown, never a trap.
    func testDamageInEitherHalfIsThrown() throws {
        let n = 2 * StringTableHalves.twoThreadsFrom
        for bad in [3, n / 2 + 5, n - 1] {
            var all = texts(n)
            all[bad] = [0x61, 0xFF, 0x62]
            try table(all).withUnsafeBytes { bytes in
                var reader = SnapshotReader(bytes)
                XCTAssertThrowsError(try reader.stringTable(count: n), "string \(bad)") {
                    guard case .corrupt = $0 as? SnapshotRejection else { return XCTFail("\($0)") }
                }
            }
        }
        let cut = Array(table(texts(n)).dropLast(400))
        try cut.withUnsafeBytes { bytes in
            var reader = SnapshotReader(bytes)
            XCTAssertThrowsError(try reader.stringTable(count: n))
        }
        try table(texts(n)).withUnsafeBytes { bytes in
            var reader = SnapshotReader(bytes)
            XCTAssertThrowsError(try reader.stringTable(count: n + 10), "more strings than the table holds")
        }
    }
}
