import Foundation
import XCTest

/// Wave 22: a fresh user's findings about the command line's words (/tmp/fresh22 F7, F15).
final class W22WordsEndToEndTests: XCTestCase {
    /// F7: `towns report --town X --format csv` told a shell user to use `:export`, the dashboard's
    /// command: it names `--format`, in the report's language; exit 2 as before.
    func testReportsPageAsCSVNamesFormat() throws {
        for (lang, words) in [("zh", "用 --format text、md 或 json"), ("en", "--format text, md or json")] {
            let r = try runProcess(try Paths.townsBinary(),
                                   ["report", "--data", Paths.data, "--town", "haiyan", "--period", "2015-09",
                                    "--format", "csv", "--lang", lang])
            XCTAssertEqual(r.status, 2, r.summary)
            XCTAssertTrue(r.stderr.contains(words), r.summary)
            XCTAssertFalse(r.stderr.contains(":export"), r.summary)
        }
    }

    /// F15: `towns follow a b` said `Usage: towns dashboard follow` and pointed at
    /// `towns dashboard follow --help`, the dashboard's help: it names the command typed.
    func testMeetingCommandsUsageNamesTheCommandTyped() throws {
        for command in ["present", "follow"] {
            let r = try runProcess(try Paths.townsBinary(), [command, "a", "b", "--data", Paths.data])
            XCTAssertEqual(r.status, 2, r.summary)
            XCTAssertTrue(r.stderr.contains("towns \(command) [<options>]"), r.summary)
            XCTAssertTrue(r.stderr.contains("towns \(command) --help"), r.summary)
            XCTAssertFalse(r.stderr.contains("dashboard"), r.summary)
        }
    }
}
