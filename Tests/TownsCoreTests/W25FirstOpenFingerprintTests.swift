import Foundation
import TownsCore
import TownsSynthetic
import TownsTestSupport
import XCTest

/// `SnapshotStore.open` takes the files' stat fingerprint (`DatasetFingerprint`, what the
/// dashboard's watcher compares at each poll) on the hashing thread, before it hashes the files'
/// contents, and again after: what it returns is the files as they are when the snapshot is
/// opened, not as they were when it was written, and a snapshot of other contents stays stale.
final class W25FirstOpenFingerprintTests: XCTestCase {
    func testTheStatFingerprintIsTheFilesAsOpenedAndChangedContentsStayStale() throws {
        let dir = try TemporaryFiles.folder("w25-first-data")
        try SyntheticDataset(towns: 12, months: 3, seed: 7).write(to: dir, rules: nil)
        let store = SnapshotStore(folder: try TemporaryFiles.folder("w25-first-cache"))
        try store.write(directory: dir)
        let opened = try store.open(directory: dir)
        XCTAssertEqual(opened.fingerprint, DatasetFingerprint(directory: dir))
        XCTAssertFalse(opened.fingerprint.files.isEmpty)
        XCTAssertTrue(opened.fingerprint.files.contains(where: \.exists))

        // The same contents written again (a new inode and time): the snapshot still matches the
        // text, and the fingerprint given is the new files', taken at this open.
        let towns = dir + "/towns.toml"
        let contents = try Data(contentsOf: URL(fileURLWithPath: towns))
        try FileManager.default.removeItem(atPath: towns)
        try contents.write(to: URL(fileURLWithPath: towns))
        let changed = DatasetFingerprint(directory: dir)
        XCTAssertNotEqual(changed, opened.fingerprint, "a new inode")
        let reopened = try store.open(directory: dir)
        XCTAssertEqual(reopened.fingerprint, changed)
        XCTAssertEqual(reopened.dataset.towns.map(\.id), opened.dataset.towns.map(\.id))

        // Other contents: stale, and the text still loads.
        try (String(decoding: contents, as: UTF8.self) + "\n# changed\n").write(toFile: towns, atomically: true,
                                                                                 encoding: .utf8)
        XCTAssertThrowsError(try store.open(directory: dir)) { error in
            guard case .stale = error as? SnapshotRejection else { return XCTFail("\(error)") }
        }
        XCTAssertNoThrow(try DatasetLoader.load(directory: dir))
    }
}
