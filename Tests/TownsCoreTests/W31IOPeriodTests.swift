import Foundation
import TownsCore
import XCTest

/// Wave 30's fresh user: a figure's `period = "2015-13"` exited 16 (a reference to nothing), while
/// README's exit-code table gives a month 13 as 14 (a value that cannot be). A month outside
/// 1-12 is no period of any dataset: exit 14, naming the month; a well-formed period the data
/// lacks stays 16.
final class W31IOPeriodTests: XCTestCase {
    /// A copy of the data with Haining's first Jan-Sep figure's period written as `period`.
    private func withPeriod(_ period: String) throws -> String {
        try brokenCopy("figures.toml") {
            var text = $0
            let range = try! XCTUnwrap(text.range(of: "period = \"2015-09\""))
            text.replaceSubrange(range, with: "period = \"\(period)\"")
            return text
        }
    }

    func testAMonthThirteenIsAnImpossibleValueExit14() throws {
        for (period, month) in [("2015-13", "13"), ("2015-00", "0")] {
            let dir = try withPeriod(period)
            let error = try XCTUnwrap(loadErrors(dir).first, period)
            XCTAssertEqual(error.kind, .impossible, error.description)
            XCTAssertEqual(error.kind.exitCode, 14, error.description)
            XCTAssertTrue(error.file.hasSuffix("/figures.toml"), error.description)
            XCTAssertEqual(error.line, try lineNumber(in: dir + "/figures.toml", of: "period = \"\(period)\""))
            XCTAssertEqual(error.field?.hasSuffix(".period"), true, error.description)
            XCTAssertTrue(error.problem.contains("'\(period)': \(month) is not a month"), error.description)
        }
    }

    func testAPeriodTheDataLacksIsStillAReferenceToNothingExit16() throws {
        for period in ["2015-10", "2015-9", "Q3"] {
            let error = try XCTUnwrap(loadErrors(try withPeriod(period)).first, period)
            XCTAssertEqual(error.kind, .unknownReference, error.description)
            XCTAssertEqual(error.kind.exitCode, 16, error.description)
            XCTAssertTrue(error.problem.contains("is not a period in dataset.toml"), error.description)
        }
    }
}
