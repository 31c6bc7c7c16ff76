import Foundation
import TownsTestSupport
import XCTest

/// Wave 35 (session 28): `towns snapshot --if-idle` (the dashboard's background rebuild) leaves a
/// snapshot another towns is writing to that one (exit 0, nothing written); without the flag it
/// waits for it; the dashboard's own start on a dataset with no snapshot runs the idle form.
final class W35SnapshotIfIdleTests: XCTestCase {
    func testIfIdleLeavesTheSnapshotToTheTownsWritingIt() throws {
        let binary = try Paths.townsBinary()
        let cache = try TemporaryFiles.folder("w35-if-idle-cache")
        // Where the snapshot and its lock go: as `towns snapshot --verbose` names the snapshot.
        let first = try runUnconfigured(binary, ["snapshot", "--data", Paths.data, "--verbose"], locale: "C.UTF-8",
                                        name: "w35-if-idle", more: ["TOWNS_CACHE": cache])
        XCTAssertEqual(first.status, 0, first.summary)
        let snapshot = try XCTUnwrap(first.stdout.split(separator: " ").first.map(String.init), first.summary)
        XCTAssertTrue(snapshot.hasSuffix(".snapshot"), first.stdout)
        let lock = String(snapshot.dropLast(".snapshot".count)) + ".lock"
        XCTAssertTrue(FileManager.default.fileExists(atPath: lock), "the lock file beside the snapshot")
        XCTAssertEqual(unlink(snapshot), 0)
        // Another towns writing: this test holds the lock.
        let fd = open(lock, O_RDWR)
        XCTAssertGreaterThanOrEqual(fd, 0)
        XCTAssertEqual(flock(fd, LOCK_EX | LOCK_NB), 0)
        let idle = try runUnconfigured(binary, ["snapshot", "--data", Paths.data, "--if-idle", "--verbose"],
                                       locale: "C.UTF-8", name: "w35-if-idle", more: ["TOWNS_CACHE": cache])
        XCTAssertEqual(idle.status, 0, idle.summary)
        XCTAssertTrue(idle.stdout.contains("另一个 towns 正在写这份快照") || idle.stdout.contains("another towns is writing this snapshot"),
                      idle.summary)
        XCTAssertFalse(FileManager.default.fileExists(atPath: snapshot), "nothing written")
        close(fd)
        let free = try runUnconfigured(binary, ["snapshot", "--data", Paths.data, "--if-idle", "--verbose"],
                                       locale: "C.UTF-8", name: "w35-if-idle", more: ["TOWNS_CACHE": cache])
        XCTAssertEqual(free.status, 0, free.summary)
        XCTAssertTrue(FileManager.default.fileExists(atPath: snapshot), free.summary)
    }
}
