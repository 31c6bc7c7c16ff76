import Foundation
import XCTest

/// Figures a fresh user could not trust (wave 6): as the command line prints them.
final class W6FiguresEndToEndTests: XCTestCase {
    var binary: String!

    override func setUpWithError() throws {
        binary = try Paths.townsBinary()
    }

    /// A copy of the bundled data in a fresh folder.
    func dataCopy() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("towns-w6-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Paths.data, toPath: dir)
        return dir
    }

    /// The example sheet's five amounts (15.21 + 12.40 + 6.85 + 4.10 + 11.30) sum to 49.86 in
    /// the report's CSV, written with their two decimals (was 49.9: the sum's digits narrowed by
    /// the rounding of printed figures, as if 12.40's trailing zero were not significant).
    func testImportedAmountsSumWithTheirDigits() throws {
        let data = try dataCopy()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let example = URL(fileURLWithPath: Paths.data).deletingLastPathComponent()
            .appendingPathComponent("Examples/monthly-2015-10.csv").path
        let imported = try runProcess(binary, ["import", example, "--data", data])
        XCTAssertEqual(imported.status, 0, imported.summary)
        let file = try String(contentsOfFile: data + "/monthly/2015-10.toml", encoding: .utf8)
        XCTAssertTrue(file.contains("value = \"12.40\""), "the trailing zero is written: \(file)")
        let csv = try runProcess(
            binary, ["report", "--data", data, "--format", "csv", "--period", "2015-10", "--lang", "zh"])
        XCTAssertEqual(csv.status, 0, csv.summary)
        let sumRow = try XCTUnwrap(csv.stdout.split(whereSeparator: \.isNewline).first { $0.hasPrefix("已知小镇合计,") })
        // Over the towns with a plan too (wave 8: plan and completed over the same towns), Jiashan's 6.85
        // (no plan) left out: 15.21 + 12.40 + 4.10 + 11.30, written as its inputs are (43.01, two digits).
        XCTAssertEqual(sumRow.split(separator: ",", omittingEmptySubsequences: false)[4], "43.01", String(sumRow))
    }
}
