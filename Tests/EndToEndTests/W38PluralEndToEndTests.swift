import Foundation
import XCTest

/// Wave 38's fresh user (P3-2): `towns check` on a dataset with one error said `1 error(s) in bad1`;
/// an English count agrees with its noun (`1 error`, `2 errors`), never `(s)`.
final class W38PluralEndToEndTests: XCTestCase {
    func testTownsCheckSaysOneErrorNotErrorS() throws {
        let binary = try Paths.townsBinary()
        let data = try copyOfData()
        defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }
        try FileManager.default.removeItem(at: data.appendingPathComponent("totals.toml"))
        let r = try runProcess(binary, ["check", "--data", data.path, "--lang", "en"], timeout: 20)
        XCTAssertEqual(r.status, 20, r.summary)
        XCTAssertTrue(r.stderr.contains("towns: 1 error in \(data.path);"), r.summary)
        XCTAssertFalse(r.stderr.contains("(s)"), r.summary)
    }
}
