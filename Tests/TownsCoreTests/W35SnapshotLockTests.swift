import Foundation
import XCTest

@testable import TownsCore

/// Wave 35 (session 28): each start of the dashboard on a dataset whose snapshot is missing or
/// stale began a background rebuild; at 10,000 x 60 a rebuild takes a minute, so restarts in that
/// minute ran several at once (five were seen), each reading the whole text. A writer now holds
/// the snapshot's lock file; the background rebuild (`writeUnlessBusy`) does nothing while
/// another holds it, and `towns snapshot` (`write`) waits for it.
final class W35SnapshotLockTests: XCTestCase {
    var scratch = ""

    override func setUpWithError() throws {
        scratch = NSTemporaryDirectory() + "w35lock-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: scratch) }

    /// Holds `store`'s lock of `directory` as another process would (a lock on its own open file).
    func hold(_ store: SnapshotStore, _ directory: String) throws -> Int32 {
        try FileManager.default.createDirectory(atPath: store.folder, withIntermediateDirectories: true)
        let fd = open(store.lockPath(for: directory), O_RDWR | O_CREAT, 0o600)
        XCTAssertGreaterThanOrEqual(fd, 0)
        XCTAssertEqual(flock(fd, LOCK_EX | LOCK_NB), 0)
        return fd
    }

    func testABackgroundRebuildDoesNothingWhileAnotherWrites() throws {
        let data = repositoryRoot + "/Data"
        let store = SnapshotStore(folder: scratch + "/cache")
        XCTAssertTrue(store.lockPath(for: data).hasSuffix(".lock"))
        XCTAssertNotEqual(store.lockPath(for: data), store.path(for: data))
        let fd = try hold(store, data)
        XCTAssertFalse(try store.writeUnlessBusy(directory: data), "another holds the lock")
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.path(for: data)), "nothing written")
        close(fd)
        XCTAssertTrue(try store.writeUnlessBusy(directory: data))
        XCTAssertNoThrow(try store.open(directory: data), "written and trusted")
        // The lock is let go when the write ends: another write takes it at once.
        XCTAssertTrue(try store.writeUnlessBusy(directory: data))
    }

    func testAWriteWaitsForTheWriteBeforeIt() throws {
        let data = repositoryRoot + "/Data"
        let store = SnapshotStore(folder: scratch + "/cache")
        let fd = try hold(store, data)
        let done = expectation(description: "written")
        final class Outcome: @unchecked Sendable { var error: Error? }
        let outcome = Outcome()
        DispatchQueue.global().async {
            do { try store.write(directory: data) } catch { outcome.error = error }
            done.fulfill()
        }
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.path(for: data)), "waiting for the lock")
        close(fd)
        wait(for: [done], timeout: 60)
        XCTAssertNil(outcome.error)
        XCTAssertNoThrow(try store.open(directory: data))
    }

    /// A cache folder that cannot hold a lock file (a file stands where it should be): the write
    /// goes on to fail in its own words, not on the lock.
    func testNoLockFileLeavesTheWritesOwnFailure() throws {
        let data = repositoryRoot + "/Data"
        let cache = scratch + "/file"
        XCTAssertTrue(FileManager.default.createFile(atPath: cache, contents: Data("x".utf8)))
        let store = SnapshotStore(folder: cache)
        XCTAssertThrowsError(try store.writeUnlessBusy(directory: data)) { error in
            XCTAssertTrue("\(error)".contains("is a file"), "\(error)")
        }
    }
}
