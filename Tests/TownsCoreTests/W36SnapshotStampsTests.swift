import Foundation
import XCTest

@testable import TownsCore

/// Wave 36 (session 29): a start no longer reads and hashes every text file (18 MB at 10,000 x
/// 60) when the files' stamps (size, modification and status-change times, inode, device) are
/// those kept beside the snapshot when these contents were hashed, and every file had settled
/// (`DatasetStamps`, git's "racy" rule). Anything else reads and hashes the contents as before,
/// so a snapshot of other text is still never used.
final class W36SnapshotStampsTests: XCTestCase {
    var scratch = ""

    override func setUpWithError() throws {
        scratch = NSTemporaryDirectory() + "w36stamps-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: scratch) }

    /// A fresh copy of the bundled data, and a store (margin 0: files just made count as settled).
    func copy(margin: Int64 = 0) throws -> (data: String, store: SnapshotStore) {
        let data = scratch + "/data-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: repositoryRoot + "/Data", toPath: data)
        var store = SnapshotStore(folder: scratch + "/cache", producer: "w36 test")
        store.racyMargin = margin
        // The copy's times are this moment's; a margin of 0 still needs them strictly earlier.
        Thread.sleep(forTimeInterval: 0.01)
        return (data, store)
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    func assertStale(_ store: SnapshotStore, _ data: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try store.open(directory: data), file: file, line: line) { error in
            guard case .stale = error as? SnapshotRejection else {
                return XCTFail("\(error) is not stale", file: file, line: line)
            }
        }
    }

    func testSettledFilesAreVouchedForByTheirStamps() throws {
        let (data, store) = try copy()
        try store.write(directory: data)
        XCTAssertTrue(exists(store.stampsPath(for: data)), "the write keeps the stamps it hashed between")
        let loaded = try store.open(directory: data)
        XCTAssertTrue(loaded.vouchedByStamps, "the files were not read")
        XCTAssertEqual(loaded.dataset.towns.map(\.id), try DatasetLoader.load(directory: data).dataset.towns.map(\.id))
    }

    func testFilesJustWrittenAreReadAndHashed() throws {
        let (data, store) = try copy(margin: 3_000_000_000)
        try store.write(directory: data)
        XCTAssertFalse(exists(store.stampsPath(for: data)), "files changed within the margin: no stamps kept")
        let loaded = try store.open(directory: data)
        XCTAssertFalse(loaded.vouchedByStamps)
        XCTAssertFalse(exists(store.stampsPath(for: data)), "still within the margin at the open: none kept")
    }

    /// The same size, the same modification time put back (as `testChangedTextMakesSnapshotStale`
    /// does): the status-change time tells, and the contents are read and found other.
    func testAnEditWithItsOldModificationTimeIsNotVouchedFor() throws {
        let (data, store) = try copy()
        try store.write(directory: data)
        let path = data + "/towns.toml"
        var info = stat()
        XCTAssertEqual(stat(path, &info), 0)
        Thread.sleep(forTimeInterval: 0.02)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let i = bytes.firstIndex(of: UInt8(ascii: "1"))!
        bytes[i] = UInt8(ascii: "2")
        let fd = open(path, O_WRONLY)  // in place: the same inode
        XCTAssertGreaterThanOrEqual(fd, 0)
        XCTAssertEqual(bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }, bytes.count)
        close(fd)
        var times = [info.st_atim, info.st_mtim]
        XCTAssertEqual(utimensat(AT_FDCWD, path, &times, 0), 0)
        var after = stat()
        stat(path, &after)
        XCTAssertEqual(after.st_ino, info.st_ino)
        XCTAssertEqual(after.st_size, info.st_size)
        XCTAssertEqual(after.st_mtim.tv_nsec, info.st_mtim.tv_nsec)
        assertStale(store, data)
    }

    func testAMonthlyFileAddedIsNotVouchedFor() throws {
        let (data, store) = try copy()
        try store.write(directory: data)
        let monthly = data + "/" + DatasetLoader.monthlyFolderName
        try FileManager.default.createDirectory(atPath: monthly, withIntermediateDirectories: true)
        // An empty month: loads (or fails) as the loader says; either way not the snapshot's text.
        try "# nothing reported\n".write(toFile: monthly + "/2016-01.toml", atomically: true, encoding: .utf8)
        assertStale(store, data)
    }

    func testAFileRemovedIsNotVouchedFor() throws {
        let (data, store) = try copy()
        try store.write(directory: data)
        let optional = DatasetLoader.optionalFileNames.first { exists(data + "/" + $0) }!
        try FileManager.default.removeItem(atPath: data + "/" + optional)
        assertStale(store, data)
    }

    func testAnotherProducersStampsAreNotUsed() throws {
        let (data, store) = try copy()
        try store.write(directory: data)
        var other = store
        other.producer = "towns of another build"
        assertStale(other, data)
    }

    /// Stamps that do not decode (garbage, cut short, one byte changed) or that were kept for
    /// other contents are ignored: the contents are read, and the snapshot still used when they match.
    func testDamagedOrForeignStampsAreIgnored() throws {
        let (data, store) = try copy()
        try store.write(directory: data)
        let path = store.stampsPath(for: data)
        let good = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        XCTAssertNotNil(DatasetStamps.decode(good))
        var flipped = good
        flipped[good.count / 2] ^= 0x10
        let snapshot = try Data(contentsOf: URL(fileURLWithPath: store.path(for: data)))
        let fingerprint = try snapshot.withUnsafeBytes { try DatasetSnapshot.fingerprint(of: $0) }
        var other = DatasetStamps.decode(good)!.stamps
        other.takenAt -= 1
        let foreign = other.encoded(fingerprint: fingerprint &+ 1, producer: store.producer)
        for bad in [Array("not stamps".utf8), Array(good.prefix(good.count - 9)), flipped, foreign, []] {
            XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bad)))
            XCTAssertNil(store.keptStamps(for: data, fingerprint: fingerprint), "\(bad.count) bytes")
            let loaded = try store.open(directory: data)
            XCTAssertFalse(loaded.vouchedByStamps, "\(bad.count) bytes of stamps vouched for the files")
            // Hashed between two equal, settled stamps: good ones are kept again.
            XCTAssertNotNil(store.keptStamps(for: data, fingerprint: fingerprint))
        }
        XCTAssertTrue(try store.open(directory: data).vouchedByStamps)
    }

    /// A start that read and hashed settled files keeps their stamps, so the next start does not.
    func testAStartThatHashedKeepsTheStampsForTheNext() throws {
        let (data, store) = try copy()
        try store.write(directory: data)
        try FileManager.default.removeItem(atPath: store.stampsPath(for: data))
        XCTAssertFalse(try store.open(directory: data).vouchedByStamps)
        XCTAssertTrue(exists(store.stampsPath(for: data)))
        XCTAssertTrue(try store.open(directory: data).vouchedByStamps)
    }

    func testSettledNeedsEveryFileOlderThanTheMargin() {
        let file = DatasetStamps.File(name: "towns.toml", exists: true, size: 1, modified: 100, changed: 200, inode: 1,
                                      device: 1)
        let absent = DatasetStamps.File(name: "rules.toml", exists: false, size: 0, modified: 0, changed: 0, inode: 0,
                                        device: 0)
        XCTAssertTrue(DatasetStamps(files: [file, absent], takenAt: 201).settled(margin: 0))
        XCTAssertFalse(DatasetStamps(files: [file, absent], takenAt: 200).settled(margin: 0), "changed at the moment taken")
        XCTAssertFalse(DatasetStamps(files: [file], takenAt: 201).settled(margin: 1), "the status change counts")
        XCTAssertTrue(DatasetStamps(files: [file], takenAt: 202).settled(margin: 1))
    }
}
