import Foundation
import TownsCore
import XCTest

/// Whole datasets or none (issue 13, point 2): the watcher loads only files that have stopped
/// changing, and a reload that loses records from a file that shrank names what went missing.
final class ReloadSafetyTests: XCTestCase {
    /// A file still being written when the watcher looks is not loaded at that poll.
    func testAFileStillChangingIsNotLoaded() throws {
        let dir = try brokenCopy("dataset.toml") { $0 }
        var watcher = DatasetWatcher(directory: dir, fingerprint: DatasetFingerprint(directory: dir))
        watcher.settle = .milliseconds(400)
        let path = dir + "/figures.toml"
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("\n# a writer's first line\n".utf8))
        // The writer goes on 100 ms later, while the watcher waits for the files to settle.
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(100)) {
            handle.write(Data("# and its second\n".utf8))
        }
        guard case .pending = watcher.poll() else { return XCTFail("files changing between two looks are not loaded") }
        try handle.close()
        guard case .reloaded = watcher.poll() else { return XCTFail("once settled, they load") }
    }

    /// The case: `head -c 3000 figures.full > figures.toml` leaves a prefix that is
    /// valid TOML; the reload says which records went missing (Haining's 2015-09 figure).
    func testAShrunkFileThatLostRecordsIsAWarningNamingThem() throws {
        let dir = try brokenCopy("dataset.toml") { $0 }
        let loaded = try DatasetLoader.load(directory: dir).dataset
        var watcher = DatasetWatcher(directory: dir, fingerprint: DatasetFingerprint(directory: dir), dataset: loaded)
        watcher.settle = .milliseconds(50)
        let full = try String(contentsOfFile: dir + "/figures.toml", encoding: .utf8)
        var prefix = String(decoding: Array(full.utf8.prefix(3000)), as: UTF8.self)
        prefix = String(prefix[..<prefix.range(of: "\n[[figure]]", options: .backwards)!.lowerBound]) + "\n"
        try prefix.write(toFile: dir + "/figures.toml", atomically: false, encoding: .utf8)
        guard case let .reloaded(dataset, warnings, _, _) = watcher.poll() else {
            return XCTFail("a valid prefix loads")
        }
        XCTAssertNil(dataset.town("haining")?.figures[FigureKey(.completed, "2015-09")], "the prefix lacks it")
        let lost = try XCTUnwrap(warnings.first, "a warning")
        XCTAssertEqual(lost.field, DatasetWatcher.lostRecordsField)
        XCTAssertTrue(lost.problem.contains("haining completed[2015-09]"), lost.description)
        XCTAssertTrue(lost.problem.contains("figures.toml ("), lost.description)
        // Written whole again: no such warning.
        try full.write(toFile: dir + "/figures.toml", atomically: true, encoding: .utf8)
        guard case let .reloaded(_, again, _, _) = watcher.poll() else { return XCTFail("the whole file loads") }
        XCTAssertFalse(again.contains { $0.field == DatasetWatcher.lostRecordsField })
    }

    /// An optional file removed between two polls (`rules.toml`: the assessment's rules) is
    /// named, in both languages, not passed over as "data reloaded" (a fresh user's finding, wave
    /// 19); put back, no such warning.
    func testAnOptionalFileRemovedIsNamed() throws {
        let dir = try brokenCopy("dataset.toml") { $0 }
        let loaded = try DatasetLoader.load(directory: dir).dataset
        XCTAssertFalse(loaded.rules.isEmpty)
        var watcher = DatasetWatcher(directory: dir, fingerprint: DatasetFingerprint(directory: dir), dataset: loaded)
        watcher.settle = .milliseconds(50)
        let rules = try String(contentsOfFile: dir + "/rules.toml", encoding: .utf8)
        try FileManager.default.removeItem(atPath: dir + "/rules.toml")
        guard case let .reloaded(dataset, warnings, _, _) = watcher.poll() else {
            return XCTFail("the data loads without its rules")
        }
        XCTAssertTrue(dataset.rules.isEmpty)
        let removed = try XCTUnwrap(warnings.first { $0.field == DatasetWatcher.removedFilesField }, "\(warnings)")
        XCTAssertEqual(removed.words(chinese: false), "rules.toml removed: what it held is no longer shown")
        XCTAssertTrue(removed.words(chinese: true).hasPrefix("rules.toml 已被移除"), removed.words(chinese: true))
        try rules.write(toFile: dir + "/rules.toml", atomically: true, encoding: .utf8)
        guard case let .reloaded(_, again, _, _) = watcher.poll() else { return XCTFail("put back, it loads") }
        XCTAssertFalse(again.contains { $0.field == DatasetWatcher.removedFilesField })
    }
}
