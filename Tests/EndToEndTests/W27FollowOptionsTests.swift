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
        let help = try helpWords(["follow", "--help"])
        XCTAssertTrue(help.words.contains("--view, --period, --town, --filter and --resume are refused"), help.summary)
    }
}

/// A command's help (`arguments`: `["follow", "--help"]`), which must exit 0: its words with every
/// run of blanks and line breaks as one space (ArgumentParser wraps them at any word), and the
/// run's summary for a failure's message.
func helpWords(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws
    -> (words: String, summary: String)
{
    let r = try runProcess(try Paths.townsBinary(), arguments)
    XCTAssertEqual(r.status, 0, r.summary, file: file, line: line)
    return (r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " "), r.summary)
}

/// Wave 27: `towns present --help` said a meeting's name was "letters, digits, - _ ." where any
/// text a person types is taken since wave 21 (`周例会 第3次`); it says the rule `MeetingFolder`
/// applies.
final class W27PresentNameHelpTests: XCTestCase {
    func testPresentsHelpStatesTheNameRuleItApplies() throws {
        let help = try helpWords(["present", "--help"])
        XCTAssertFalse(help.words.contains("letters, digits, - _ ."), help.summary)
        XCTAssertTrue(help.words.contains("周例会 第3次"), help.summary)
        XCTAssertTrue(help.words.contains("without control characters or blanks at its ends"), help.summary)
    }
}

/// Wave 27: `cycle` (the wall screen's playlist) was a setting `towns config` read and checked but
/// its help and the dashboard's never named; both name it, the config's help with every stop.
final class W27ConfigHelpCycleTests: XCTestCase {
    func testConfigsHelpNamesTheCycleSettingAndItsStops() throws {
        let config = try helpWords(["config", "--help"])
        XCTAssertTrue(config.words.contains("cycle (the wall screen's playlist"), config.summary)
        XCTAssertTrue(config.words.contains("towns|behind|types|entities|assessment|province"), config.summary)
        XCTAssertTrue(config.words.contains("default [\"towns\", \"behind\", \"types\", \"assessment\"]"),
                      config.summary)
        let dashboard = try helpWords(["dashboard", "--help"])
        XCTAssertTrue(dashboard.words.contains("mouse, cycle, and [keys]"), dashboard.summary)
    }
}
