import Foundation
import TownsImport
import TownsTestSupport
import XCTest

/// An import (or an edit, or `towns generate`) killed between writing its temporary
/// `.NAME.XXXXXX` and renaming it leaves the temporary in the dataset folder; the next write of
/// that file removes it. A pending write's own temporary is locked, so no other write removes it.
final class W24MineAtomicFileTemporariesTests: XCTestCase {
    func left(_ folder: String, name: String, age: TimeInterval) throws -> String {
        let path = folder + "/" + name
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("half".utf8)))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -age)], ofItemAtPath: path)
        return path
    }

    func locked(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return flock(fd, LOCK_EX | LOCK_NB) != 0
    }

    func testAKilledImportsTemporaryGoesWithTheNextWriteOfThatFile() throws {
        let folder = try TemporaryFiles.folder("w24-atomic")
        let killed = try left(folder, name: ".2015-10.toml.Ab3dE9", age: 3600)
        let otherMonth = try left(folder, name: ".2015-11.toml.Ab3dE9", age: 3600)
        let fresh = try left(folder, name: ".2015-10.toml.Fr35h1", age: 0)
        let file = try AtomicFile(path: folder + "/2015-10.toml", bytes: Array("x = 1\n".utf8))
        XCTAssertFalse(FileManager.default.fileExists(atPath: killed), "nobody holds it, an hour old")
        XCTAssertTrue(FileManager.default.fileExists(atPath: otherMonth), "another file's: its own write removes it")
        XCTAssertTrue(FileManager.default.fileExists(atPath: fresh), "made a moment ago: perhaps a write starting")
        let pending = try XCTUnwrap(file.temporaryPath)
        XCTAssertTrue(locked(pending), "a pending write holds its temporary")
        try file.commit()
        XCTAssertEqual(try String(contentsOfFile: folder + "/2015-10.toml", encoding: .utf8), "x = 1\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: pending))
        XCTAssertFalse(locked(folder + "/2015-10.toml"), "the lock goes with the commit")
    }

    func testAPendingWriteIsNotTakenForAbandoned() throws {
        let folder = try TemporaryFiles.folder("w24-atomic")
        let first = try AtomicFile(path: folder + "/figures.toml", bytes: Array("a = 1\n".utf8))
        let pending = try XCTUnwrap(first.temporaryPath)
        // As if an hour had passed with the first write still checking its dataset.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: pending)
        let second = try AtomicFile(path: folder + "/figures.toml", bytes: Array("b = 2\n".utf8))
        XCTAssertTrue(FileManager.default.fileExists(atPath: pending), "still held by the first write")
        second.discard()
        try first.commit()
        XCTAssertEqual(try String(contentsOfFile: folder + "/figures.toml", encoding: .utf8), "a = 1\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["figures.toml"], "nothing left")
    }
}
