import Foundation
import TownsCore
import XCTest

/// The dashboard's watcher: nothing while the files stay, new data when they change and
/// load, a failure (once) when they do not.
final class DatasetWatcherTests: XCTestCase {
    let good = """
    [[period]]
    id = "2015-10"
    label_zh = "2015年1-10月"
    year = 2015
    through = 10

    [[source]]
    id = "import-2015-10"
    title = "sheet"

    [[figure]]
    town = "haining"
    measure = "completed"
    period = "2015-10"
    value = 15.21
    source = "import-2015-10"

    """

    func testPollReloadsOnlyWhatLoads() throws {
        let dir = try brokenCopy("dataset.toml") { $0 }
        let fingerprint = DatasetFingerprint(directory: dir)
        var watcher = DatasetWatcher(directory: dir, fingerprint: fingerprint)
        guard case .unchanged = watcher.poll() else { return XCTFail("nothing changed") }

        try FileManager.default.createDirectory(atPath: dir + "/monthly", withIntermediateDirectories: true)
        try good.write(toFile: dir + "/monthly/2015-10.toml", atomically: true, encoding: .utf8)
        guard case let .reloaded(dataset, warnings, lastChange, _) = watcher.poll() else {
            return XCTFail("a new month")
        }
        XCTAssertEqual(dataset.periods.map(\.id), ["2015-08", "2015-09", "2015-10", "2015-12"])
        XCTAssertEqual(warnings, [])
        XCTAssertNotNil(lastChange)
        guard case .unchanged = watcher.poll() else { return XCTFail("shown now") }

        // Half a file (a writer that does not rename, caught in the middle).
        try String(good.prefix(good.count - 40)).write(toFile: dir + "/monthly/2015-10.toml", atomically: false, encoding: .utf8)
        guard case let .failed(failure) = watcher.poll() else { return XCTFail("does not load") }
        XCTAssertEqual(failure.errors.first?.file, dir + "/monthly/2015-10.toml")
        XCTAssertNotNil(failure.errors.first?.line)
        guard case .pending = watcher.poll() else { return XCTFail("the same failure is not reported again") }

        // The writer finishes: the data loads.
        try good.replacingOccurrences(of: "15.21", with: "15.30").write(toFile: dir + "/monthly/2015-10.toml", atomically: false, encoding: .utf8)
        guard case let .reloaded(fixed, _, _, _) = watcher.poll() else { return XCTFail("loads again") }
        XCTAssertEqual(fixed.town("haining")?.figures[FigureKey(.completed, "2015-10")]?.quantity, .exact(dec("15.30"), decimals: 2), "a bare 15.30 is read as written, two decimals (wave 43)")

        // The month removed: back to three periods.
        try FileManager.default.removeItem(atPath: dir + "/monthly/2015-10.toml")
        guard case let .reloaded(without, _, _, _) = watcher.poll() else {
            return XCTFail("a file removed is a change")
        }
        XCTAssertEqual(without.periods.count, 3)
    }
    /// The time shown beside the data is when it was loaded: after the newest monthly file is
    /// removed, the files' newest modification time is an older file's, earlier than the reload.
    func testLoadedAtIsWhenTheDataLoadedNotAFilesTime() throws {
        let dir = try brokenCopy("dataset.toml") { $0 }
        let started = Date(timeIntervalSince1970: 1_000)
        var watcher = DatasetWatcher(directory: dir, fingerprint: DatasetFingerprint(directory: dir), loadedAt: started)
        XCTAssertEqual(watcher.loadedAt, started, "the start-up load's time, as given")
        // Every file dated in the past, then a new month written now and removed again.
        let past = Date(timeIntervalSinceNow: -3_600)
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: dir + "/" + name)
        }
        try FileManager.default.createDirectory(atPath: dir + "/monthly", withIntermediateDirectories: true)
        try good.write(toFile: dir + "/monthly/2015-10.toml", atomically: true, encoding: .utf8)
        guard case .reloaded = watcher.poll() else { return XCTFail("a new month") }
        try FileManager.default.removeItem(atPath: dir + "/monthly/2015-10.toml")
        let beforeReload = Date()
        guard case let .reloaded(_, _, lastChange, _) = watcher.poll() else { return XCTFail("a removal loads") }
        XCTAssertGreaterThanOrEqual(watcher.loadedAt, beforeReload, "when the data shown was loaded")
        let newestFile = try XCTUnwrap(lastChange)
        XCTAssertLessThan(newestFile, beforeReload, "the newest file's time is older than the reload")
    }
}
