import Foundation
import TownsCore
import XCTest

/// The smaller bad values of issue 13 (point 6): each refused with its file, line and field.
final class SmallBadValueTests: XCTestCase {
    private func firstError(_ dir: String) -> LoadIssue? { loadErrors(dir).first }

    /// A copy of the data with the first town's `list_date` written as `date`.
    private func withListDate(_ date: String) throws -> String {
        try brokenCopy("towns.toml") {
            $0.replacingOccurrences(of: "list_date = \"2015-06-04\"", with: "list_date = \"\(date)\"")
        }
    }

    /// A copy of the data with the figure `value = 140` written as `value = <written>`.
    private func withValue(_ written: String) throws -> String {
        try brokenCopy("figures.toml") { $0.replacingOccurrences(of: "value = 140\n", with: "value = \(written)\n") }
    }

    /// A completion rate of 720% (72 with a slipped digit) loaded without a word; more than
    /// twice the plan is a warning naming file, line and field (above 100% is possible, so it
    /// is not refused).
    func testACompletionRateAboveTwiceThePlanIsAWarning() throws {
        let dir = try brokenCopy("figures.toml") {
            $0.replacingOccurrences(of: "measure = \"completion_rate\"\nperiod = \"2015-08\"\nvalue = 72\n",
                                    with: "measure = \"completion_rate\"\nperiod = \"2015-08\"\nvalue = 720\n")
        }
        let (_, warnings) = try DatasetLoader.load(directory: dir)
        let warning = try XCTUnwrap(warnings.first { $0.problem.contains("720") }, warnings.map(\.description).joined())
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(warning.line, try lineNumber(in: dir + "/figures.toml", of: "value = 720"), warning.description)
        XCTAssertEqual(warning.field?.hasSuffix(".value"), true, warning.description)
        let (_, bundled) = try DatasetLoader.load(directory: bundledData)
        XCTAssertFalse(bundled.contains { $0.problem.contains("twice the plan") }, "the bundled rates are not")
    }

    /// `list_date = "2015-02-30"` was accepted; a day that does not exist is refused.
    func testAListDateThatIsNoDayIsRefused() throws {
        for (bad, words) in [("2015-02-30", "2015-02 has 28 days"), ("2015-13-01", "not a month"),
                             ("2015-6-4", "YYYY-MM-DD"),
                             ("2016-02-30", "has 29 days"), ("9999-01-01", "not a year")] {
            let dir = try withListDate(bad)
            let error = try XCTUnwrap(firstError(dir), bad)
            XCTAssertTrue(error.file.hasSuffix("/towns.toml"), error.description)
            let line = try lineNumber(in: dir + "/towns.toml", of: "list_date = \"\(bad)\"")
            XCTAssertEqual(error.line, line, error.description)
            XCTAssertEqual(error.field?.hasSuffix(".list_date"), true, error.description)
            XCTAssertEqual(error.kind, .impossible, error.description)
            XCTAssertTrue(error.problem.contains(bad) && error.problem.contains(words), error.description)
        }
        // 2016 is a leap year: 2016-02-29 is a day.
        let leap = try withListDate("2016-02-29")
        XCTAssertTrue(loadErrors(leap).isEmpty, loadErrors(leap).map(\.description).joined(separator: "\n"))
    }

    /// A 41-digit amount was shown with a wrong last digit (a Decimal holds 38); it is refused
    /// with the range, as written in TOML text or as a TOML string.
    func testAnAmountWithMoreDigitsThanADecimalHoldsIsRefused() throws {
        let digits41 = "12345678901234567890123456789012345678901"
        for written in ["\"\(digits41)\"", "\"\(digits41).5\"", "\"1234567890123456\"", "\"0.1234567890123456\""] {
            let dir = try withValue(written)
            let error = try XCTUnwrap(firstError(dir), written)
            XCTAssertEqual(error.kind, .badAmount, error.description)
            let line = try lineNumber(in: dir + "/figures.toml", of: "value = \(written)")
            XCTAssertEqual(error.line, line, error.description)
            XCTAssertTrue(error.problem.contains("at most 15"), error.description)
        }
        // 15 digits before the point are within what a decimal holds; since wave 43 such an amount
        // is refused as beyond any town's (`FigureBounds`, `W43FigureBoundsTests`), not for its length.
        let dir = try withValue("\"000999999999999999.5\"")
        let errors = loadErrors(dir)
        XCTAssertEqual(errors.count, 1, errors.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(errors.first?.problem.contains("at most 10000 亿元") ?? false, errors.map(\.description).joined())
        // Leading zeros are fine.
        let zeros = try withValue("\"0009.5\"")
        XCTAssertTrue(loadErrors(zeros).isEmpty, loadErrors(zeros).map(\.description).joined(separator: "\n"))
    }

    /// A period's year far outside the data's (which later arithmetic on months would overflow).
    func testAPeriodYearOutOfRangeIsRefused() throws {
        let dir = try brokenCopy("dataset.toml") { text in
            var once = false
            return text.components(separatedBy: "\n").map { line in
                if !once && line == "year = 2015" { once = true; return "year = 9223372036854775807" }
                return line
            }.joined(separator: "\n")
        }
        let errors = loadErrors(dir)
        XCTAssertTrue(errors.contains { $0.field?.hasSuffix(".year") == true
                                        && $0.problem.contains("not a year of the data") },
                      errors.map(\.description).joined(separator: "\n"))
    }
}
