import Foundation
import TownsCore
import TownsTestSupport
import XCTest

/// A snapshot write killed before its rename leaves `<hash>.snapshot.XXXXXX` in the cache
/// folder; the next write of that dataset's snapshot removes it, and never a temporary another
/// write is still making (it holds a lock on it) or one made a moment ago.
final class W24MineSnapshotTemporariesTests: XCTestCase {
    var cache = ""
    var data = ""
    var store = SnapshotStore(folder: "")

    override func setUpWithError() throws {
        cache = try TemporaryFiles.folder("w24-cache")
        data = try TemporaryFiles.folder("w24-data")
        store = SnapshotStore(folder: cache)
    }

    /// A temporary of this dataset's snapshot, its contents `text`, last changed `age` seconds ago.
    func temporary(_ suffix: String, age: TimeInterval, for directory: String? = nil) throws -> String {
        let path = store.path(for: directory ?? data) + "." + suffix
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("half".utf8)))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -age)],
                                              ofItemAtPath: path)
        return path
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    func testAKilledWritesTemporaryIsRemovedByTheNextWrite() throws {
        let killed = try temporary("Ab3dE9", age: 3600)
        try store.write([1, 2, 3], for: data)
        XCTAssertFalse(exists(killed), "a temporary nobody holds, an hour old, is a killed write's")
        XCTAssertEqual(FileManager.default.contents(atPath: store.path(for: data)), Data([1, 2, 3]))
        let left = try FileManager.default.contentsOfDirectory(atPath: cache)
        XCTAssertEqual(left, [(store.path(for: data) as NSString).lastPathComponent], "only the snapshot is left")
    }

    func testATemporaryAnotherWriteHoldsIsKept() throws {
        let writing = try temporary("Zx81Qq", age: 3600)
        let fd = open(writing, O_RDWR)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        XCTAssertEqual(flock(fd, LOCK_EX), 0)
        try store.write([4], for: data)
        XCTAssertTrue(exists(writing), "a write in progress holds its temporary locked: never removed")
    }

    func testATemporaryMadeAMomentAgoIsKept() throws {
        // mkstemp makes the file before its writer locks it: a fresh one may be a write starting.
        let starting = try temporary("Qw12Er", age: 0)
        try store.write([5], for: data)
        XCTAssertTrue(exists(starting))
    }

    func testOtherFilesAreKept() throws {
        let other = try TemporaryFiles.folder("w24-other")
        let othersTemporary = try temporary("Ab3dE9", age: 3600, for: other)
        let longer = try temporary("notsix-chars", age: 3600)
        try store.write([6], for: data)
        XCTAssertTrue(exists(othersTemporary), "another dataset's temporary is its own write's to remove")
        XCTAssertTrue(exists(longer), "only names mkstemp makes (six characters) are temporaries")
    }

    func testAKilledTemporaryGoesAfterItsWriterEnds() throws {
        // A real writer in another process (flock(1)): it locks the temporary as `write` does, then is killed.
        let killed = try temporary("Kk7Lm2", age: 3600)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/flock")  // util-linux: on every Debian
        process.arguments = ["--exclusive", "--no-fork", killed, "sleep", "60"]  // sleep itself holds it
        try process.run()
        // Wait (up to 10 s) until it holds the lock: then ours cannot take it.
        let probe = open(killed, O_RDONLY)
        defer { close(probe) }
        var held = false
        for _ in 0..<1000 {
            if flock(probe, LOCK_EX | LOCK_NB) != 0 { held = true; break }
            flock(probe, LOCK_UN)
            usleep(10_000)
        }
        XCTAssertTrue(held, "flock(1) took the lock")
        try store.write([7], for: data)
        XCTAssertTrue(exists(killed), "held by a live process")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try store.write([8], for: data)
        XCTAssertFalse(exists(killed), "its writer killed, the lock is gone and the next write removes it")
    }
}
