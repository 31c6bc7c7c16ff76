import Foundation
import XCTest

/// Wave 5 (words): the command line's English in English.
final class W5WordsEndToEndTests: XCTestCase {
    /// `towns check --lang en` counts with each noun in the right number ("1 inconsistency").
    func testCheckSummaryCountsInTheRightNumber() throws {
        let r = try runProcess(try Paths.townsBinary(), ["check", "--lang", "en", "--data", Paths.data])
        let summary = try XCTUnwrap(r.stdout.split(separator: "\n").last.map(String.init), r.summary)
        XCTAssertTrue(summary.contains("; 1 inconsistency, 9 shortfalls, 1 ambiguity, "), summary)
        XCTAssertFalse(summary.contains("1 inconsistencies") || summary.contains("1 ambiguities"), summary)
    }

    /// `towns report --lang en`'s notes name the towns table's columns by their English titles.
    func testReportNotesInEnglish() throws {
        let r = try runProcess(try Paths.townsBinary(), ["report", "--lang", "en", "--data", Paths.data])
        XCTAssertEqual(r.status, 0, r.summary)
        XCTAssertTrue(r.stdout.contains("Sched. = completion − share of the year elapsed (pp); Projects = "),
                      r.stdout)
        XCTAssertFalse(r.stdout.contains("进度差") || r.stdout.contains("项目 ="), r.stdout)
    }
}
