import Foundation
import XCTest

/// Wave 28 (a fresh user): `towns follow --help` listed `--view`, `--period`, `--town`, `--filter`
/// and `--resume` under OPTIONS, beside the paragraph saying follow refuses them (they came with the
/// dashboard's option group); and `towns follow x --view bogus` was refused for the value, in the
/// parser's words with an English `Help:` line under a Chinese interface, not for the option.
final class W28FollowHelpTests: XCTestCase {
    /// The five options the presenter chooses.
    static let presenterChosen = ["--view", "--period", "--town", "--filter", "--resume"]

    func testFollowsHelpListsNoOptionItRefuses() throws {
        let help = try helpWords(["follow", "--help"])
        let options = try XCTUnwrap(help.words.range(of: "OPTIONS:"), help.summary)
        let listed = help.words[options.upperBound...]
        for option in Self.presenterChosen {
            XCTAssertFalse(listed.contains(option), "\(option) is listed: \(help.summary)")
        }
        // What a follower does choose stays listed, and the paragraph saying the five are refused stays.
        for option in ["--data <DIR>", "--lang <lang>", "--theme <NAME|PATH>", "--no-color", "--mouse"] {
            XCTAssertTrue(listed.contains(option), "\(option) is not listed: \(help.summary)")
        }
        XCTAssertTrue(help.words.contains("--view, --period, --town, --filter and --resume are refused"), help.summary)
        // The dashboard's and the presenter's help still list them.
        for command in ["dashboard", "present"] {
            let other = try helpWords([command, "--help"])
            for option in Self.presenterChosen {
                XCTAssertTrue(other.words.contains(option), "\(command): \(option) is not listed: \(other.summary)")
            }
        }
    }

    func testFollowRefusesAnOptionsBadValueForTheOptionInTheInterfacesLanguage() throws {
        let binary = try Paths.townsBinary()
        // The locale alone (no configuration: zh under any UTF-8 locale, en under C), and --lang.
        let cases: [(locale: String, lang: [String], chinese: Bool)] = [
            ("zh_CN.UTF-8", [], true), ("en_US.UTF-8", [], true), ("C", [], false),
            ("en_US.UTF-8", ["--lang", "en"], false), ("zh_CN.UTF-8", ["--lang", "en"], false),
            ("C", ["--lang", "zh"], true),
        ]
        for c in cases {
            func follow(_ option: [String]) throws -> ProcessResult {
                try runUnconfigured(binary, ["follow", "weekly"] + option + ["--data", Paths.data] + c.lang,
                                    locale: c.locale, name: "w28-follow")
            }
            let known = try follow(["--view", "towns"])
            for bad in [["--view", "bogus"], ["--view=bogus"]] {
                let r = try follow(bad)
                let context = "LANG=\(c.locale) \(c.lang) \(bad): \(r.summary)"
                XCTAssertEqual(r.status, 2, context)
                // The refusal of the option, word for word as for a value the dashboard knows.
                XCTAssertEqual(r.stderr, known.stderr, context)
                XCTAssertFalse(r.stderr.contains("bogus"), context)
                XCTAssertFalse(r.stderr.contains("Help:"), context)
                XCTAssertTrue(r.stderr.contains(c.chinese ? "--view：跟随时显示主持人选择的" : "--view: a follower is shown"),
                              context)
                XCTAssertTrue(r.stderr.contains(c.chinese ? "进入后按 f" : "press f once following"), context)
            }
        }
    }
}
