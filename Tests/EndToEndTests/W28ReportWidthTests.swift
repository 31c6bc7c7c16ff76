import Foundation
import XCTest

/// Wave 28 (a fresh user): `towns report`'s warning that it is wider than `--width` gave the width
/// of the table alone, while the heading's lines are not wrapped: at `--width 60` in English the
/// changes view's table was said to be 62 columns wide under a dataset line of 63, and at `--width
/// 62` nothing was said. The figure is the widest printed line's display width (海 two columns, ≈
/// one), and a report with a line wider than `--width` says so, in its language.
final class W28ReportWidthTests: XCTestCase {
    func testTheWarningsWidthIsTheWidestPrintedLine() throws {
        let binary = try Paths.townsBinary()
        // Since wave 31 a report at 60 columns or more fits its width (names cut, the heading wrapped:
        // `W31PrintEndToEndTests`); below the table's least (60) it is wider, and says so.
        let cases: [[String]] = [
            ["--view", "changes", "--period", "2015-12", "--width", "50", "--lang", "en"],
            ["--view", "province", "--width", "40", "--lang", "en"],
            ["--view", "types", "--period", "2015-08", "--width", "45", "--lang", "en"],
            ["--view", "overview", "--width", "30", "--lang", "zh"],
        ]
        for arguments in cases {
            let r = try runProcess(binary, ["report", "--data", Paths.data] + arguments)
            XCTAssertEqual(r.status, 0, r.summary)
            let widest = r.stdout.components(separatedBy: "\n").map(DisplayColumns.width).max() ?? 0
            let width = Int(arguments[arguments.firstIndex(of: "--width")! + 1])!
            XCTAssertGreaterThan(widest, width, "\(arguments): \(r.summary)")
            XCTAssertEqual(warnedWidth(r.stderr), widest, "\(arguments): \(r.summary)")
            // In the report's language (it was English under a Chinese interface).
            let chinese = arguments.last == "zh"
            XCTAssertTrue(r.stderr.contains(chinese ? "最宽的一行有 \(widest) 列，超过 --width \(width)"
                                                    : "the widest line is \(widest) columns wide, more than --width \(width)"),
                          "\(arguments): \(r.summary)")
            XCTAssertEqual(r.stderr.contains("columns"), !chinese, "\(arguments): \(r.summary)")
        }
        // A report whose every line fits says nothing.
        let fits = try runProcess(binary, ["report", "--data", Paths.data, "--lang", "en", "--width", "120"])
        XCTAssertEqual(fits.status, 0, fits.summary)
        XCTAssertLessThanOrEqual(fits.stdout.components(separatedBy: "\n").map(DisplayColumns.width).max() ?? 0, 120)
        XCTAssertFalse(fits.stderr.contains("--width"), fits.summary)
    }

    /// The width the warning gives (`… 63 columns wide, more than --width 60 …`, `… 63 列，超过
    /// --width 60…`), nil without one.
    private func warnedWidth(_ stderr: String) -> Int? {
        guard let line = stderr.components(separatedBy: "\n").first(where: { $0.contains("--width") }),
              let figure = line.range(of: #"\d+(?= columns wide| 列，)"#, options: .regularExpression)
        else { return nil }
        return Int(line[figure])
    }
}
