import Foundation
import XCTest

/// Wave 27: `towns follow` took `--view`, `--period`, `--town`, `--filter` and `--resume` and then
/// showed the presenter's choice instead, silently. Each is refused as a usage error (exit 2) in
/// the interface's language, naming the option and `f` (browse alone), before any meeting is looked
/// for (so the refusal holds with no meeting open).
final class W27FollowOptionsTests: XCTestCase {
    func testFollowRefusesWhatThePresenterChooses() throws {
        let cases: [(String, [String])] = [
            ("--view", ["--view", "towns"]), ("--period", ["--period", "2015-09"]), ("--town", ["--town", "haiyan"]),
            ("--filter", ["--filter", "behind"]), ("--resume", ["--resume"]),
        ]
        for (option, arguments) in cases {
            for (lang, words) in [("zh", "跟随时显示主持人选择的"), ("en", "a follower is shown the presenter's")] {
                let r = try runProcess(try Paths.townsBinary(),
                                       ["follow", "weekly"] + arguments + ["--data", Paths.data, "--lang", lang])
                XCTAssertEqual(r.status, 2, r.summary)
                XCTAssertTrue(r.stderr.contains(option + (lang == "zh" ? "：" : ":")), r.summary)
                XCTAssertTrue(r.stderr.contains(words), r.summary)
                XCTAssertTrue(r.stderr.contains("towns follow [<options>]"), r.summary)
            }
        }
        // The options the follower does choose stay accepted: no meeting is open, so it is exit 4.
        let r = try runProcess(try Paths.townsBinary(),
                               ["follow", "weekly", "--theme", "light", "--lang", "en", "--data", Paths.data])
        XCTAssertEqual(r.status, 4, r.summary)
    }

    func testFollowsHelpSaysWhichOptionsAreRefused() throws {
        let r = try runProcess(try Paths.townsBinary(), ["follow", "--help"])
        XCTAssertEqual(r.status, 0, r.summary)
        let flat = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(flat.contains("--view, --period, --town, --filter and --resume are refused"), r.summary)
    }
}

/// Wave 27: `towns present --help` said a meeting's name was "letters, digits, - _ ." where any
/// text a person types is taken since wave 21 (`周例会 第3次`); it says the rule `MeetingFolder`
/// applies.
final class W27PresentNameHelpTests: XCTestCase {
    func testPresentsHelpStatesTheNameRuleItApplies() throws {
        let r = try runProcess(try Paths.townsBinary(), ["present", "--help"])
        XCTAssertEqual(r.status, 0, r.summary)
        let flat = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertFalse(flat.contains("letters, digits, - _ ."), r.summary)
        XCTAssertTrue(flat.contains("周例会 第3次"), r.summary)
        XCTAssertTrue(flat.contains("without control characters or blanks at its ends"), r.summary)
    }
}

/// Wave 27: `cycle` (the wall screen's playlist) was a setting `towns config` read and checked but
/// its help and the dashboard's never named; both name it, the config's help with every stop.
final class W27ConfigHelpCycleTests: XCTestCase {
    func testConfigsHelpNamesTheCycleSettingAndItsStops() throws {
        let r = try runProcess(try Paths.townsBinary(), ["config", "--help"])
        XCTAssertEqual(r.status, 0, r.summary)
        let flat = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(flat.contains("cycle (the wall screen's playlist"), r.summary)
        XCTAssertTrue(flat.contains("towns|behind|types|entities|assessment|province"), r.summary)
        XCTAssertTrue(flat.contains("default [\"towns\", \"behind\", \"types\", \"assessment\"]"), r.summary)
        let dashboard = try runProcess(try Paths.townsBinary(), ["dashboard", "--help"])
        let words = dashboard.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(words.contains("mouse, cycle, and [keys]"), dashboard.summary)
    }
}
