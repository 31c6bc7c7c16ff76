import Foundation
import XCTest

@testable import TownsCore

/// A town with an error of its own (a missing name_zh) is still known by id to the other files:
/// only the true error is listed, not ten false "unknown town" errors after it (wave 12).
final class W12TownErrorTests: XCTestCase {
    func testATownWithAnErrorIsNotReportedUnknownElsewhere() throws {
        let dir = try brokenCopy("towns.toml") {
            $0.replacingOccurrences(of: "name_zh = \"海宁皮革时尚小镇\"\n", with: "")
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let errors = loadErrors(dir)
        XCTAssertEqual(errors.count, 1, errors.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(errors.first?.description.contains("name_zh") == true, "\(errors)")
        XCTAssertFalse(errors.contains { $0.kind == .unknownReference }, errors.map(\.description).joined(separator: "\n"))
    }

    func testATrulyUnknownTownIsStillReported() throws {
        let dir = try brokenCopy("figures.toml") {
            $0.replacingOccurrences(of: "town = \"haining\"", with: "town = \"haining-x\"")
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        XCTAssertTrue(loadErrors(dir).contains { $0.kind == .unknownReference && $0.description.contains("haining-x") })
    }
}
