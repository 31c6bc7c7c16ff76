import Foundation
import XCTest

/// `towns snapshot` run twice on the same text by the same build writes the same bytes: each
/// process hashes with its own random seed, so nothing written may follow a dictionary's or a
/// set's iteration order (the city's totals did: 1,605 bytes of the bundled data's snapshot
/// differed between two runs, the totals and the string table's numbering).
final class W23WriteReproducibleTests: XCTestCase {
    func temporaryDirectory() -> String {
        let dir = NSTemporaryDirectory() + "towns-w23-write-\(UUID().uuidString)"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    /// Writes `data`'s snapshot with `towns snapshot` into a cache folder of its own.
    /// - Returns: the bytes of the one snapshot file written.
    func written(_ data: String) throws -> Data {
        let cache = temporaryDirectory()
        var environment = ProcessInfo.processInfo.environment
        // Each process its own hash seed, as two users' starts (or a start and a reload) have.
        environment["SWIFT_DETERMINISTIC_HASHING"] = nil
        environment["TOWNS_CACHE"] = cache
        environment["TOWNS_SNAPSHOT"] = nil
        let result = try runProcess(try Paths.townsBinary(), ["snapshot", "--data", data],
                                    environment: environment, timeout: 120)
        XCTAssertEqual(result.status, 0, result.summary)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".snapshot") }
        XCTAssertEqual(files.count, 1, "\(files)")
        return try XCTUnwrap(FileManager.default.contents(atPath: cache + "/" + XCTUnwrap(files.first)))
    }

    func testTwoWritesOfTheSameTextAreTheSameBytes() throws {
        let first = try written(Paths.data), second = try written(Paths.data)
        XCTAssertGreaterThan(first.count, 1_000)
        XCTAssertEqual(first.count, second.count)
        let differing = zip(first, second).filter { $0 != $1 }.count
        XCTAssertEqual(differing, 0, "two snapshots of the same text differ in \(differing) bytes")
    }
}
