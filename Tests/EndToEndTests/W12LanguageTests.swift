import Foundation
import XCTest

/// Wave 12: the dashboard's refusals of a deep link are in the one language its rule gives
/// (`--lang`, the config, the locale: English under LANG=C, Chinese under a UTF-8 locale).
final class W12LanguageTests: XCTestCase {
    /// The dashboard (or `command`, such as `report`) on the bundled data under locale `lang`.
    func run(_ lang: String, _ args: [String], command: [String] = []) throws -> ProcessResult {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = lang
        env["LC_ALL"] = nil
        env["LC_MESSAGES"] = nil
        env["LC_CTYPE"] = nil
        let themes = command.isEmpty ? ["--themes", Paths.themes] : []
        return try runProcess(try Paths.townsBinary(), command + ["--data", Paths.data] + themes + args,
                              environment: env, timeout: 10)
    }

    func testDeepLinkRefusalsFollowTheLanguageRule() throws {
        let english = try run("C", ["--town", "nosuch"])
        XCTAssertEqual(english.status, 2, english.summary)
        XCTAssertTrue(english.stderr.contains("--town nosuch: no town \"nosuch\""), english.summary)
        let county = try run("C", ["--filter", "county 北京"])
        XCTAssertTrue(county.stderr.contains("no county"), county.summary)
        XCTAssertFalse(county.stderr.contains("没有"), county.summary)
        let chinese = try run("C.UTF-8", ["--period", "2099-01"])
        XCTAssertEqual(chinese.status, 2, chinese.summary)
        XCTAssertTrue(chinese.stderr.contains("--period 2099-01：数据中没有这一期"), chinese.summary)
        XCTAssertFalse(chinese.stderr.contains("not a period"), chinese.summary)
        let asked = try run("C.UTF-8", ["--period", "2099-01", "--lang", "en"])
        XCTAssertTrue(asked.stderr.contains("--period 2099-01: not a period of the data"), asked.summary)
    }
}

extension W12LanguageTests {
    /// `towns report --period` the data lacks: in the report's language, exit 2.
    func testReportsUnknownPeriodFollowsTheLanguageRule() throws {
        let zh = try run("C.UTF-8", ["--period", "2015-13"], command: ["report"])
        XCTAssertEqual(zh.status, 2, zh.summary)
        XCTAssertTrue(zh.stderr.contains("--period 2015-13：数据中没有这一期"), zh.summary)
        XCTAssertFalse(zh.stderr.contains("Error"), zh.summary)
        let en = try run("C.UTF-8", ["--period", "2015-13", "--lang", "en"], command: ["report"])
        XCTAssertTrue(en.stderr.contains("--period 2015-13: not a period of the data (2015-08"), en.summary)
    }
}

extension W12LanguageTests {
    /// A bad meeting name's usage line names the command typed (it said `towns dashboard present`).
    func testMeetingUsageNamesTheCommandTyped() throws {
        for command in ["present", "follow"] {
            // A tab: a control character (since wave 21 `bad/name` is a name, its files encoded).
            let r = try runProcess(try Paths.townsBinary(), [command, "bad\tname", "--data", Paths.data])
            XCTAssertEqual(r.status, 2, r.summary)
            // In the message's language (wave 21): `用法：` under Chinese words.
            XCTAssertTrue(r.stderr.contains("Usage: towns \(command) ") || r.stderr.contains("用法：towns \(command) "),
                          r.summary)
            XCTAssertFalse(r.stderr.contains("dashboard"), r.summary)
        }
    }
}

extension W12LanguageTests {
    /// `towns report --filter` that does not apply: worded as the dashboard (`towns report:`, in the
    /// report's language), not ArgumentParser's English `Error:` before Chinese words; exit 2
    /// (fresh user, wave 13).
    func testReportsFilterRefusalFollowsTheLanguageRule() throws {
        let zh = try run("C.UTF-8", ["--filter", "county 杭州"], command: ["report"])
        XCTAssertEqual(zh.status, 2, zh.summary)
        XCTAssertTrue(zh.stderr.hasPrefix("towns report: --filter county 杭州: 没有县「杭州」"), zh.summary)
        XCTAssertFalse(zh.stderr.contains("Error"), zh.summary)
        let en = try run("C.UTF-8", ["--filter", "county 杭州", "--lang", "en"], command: ["report"])
        XCTAssertEqual(en.status, 2, en.summary)
        XCTAssertTrue(en.stderr.hasPrefix("towns report: --filter county 杭州: no county"), en.summary)
        XCTAssertFalse(en.stderr.contains("没有") || en.stderr.contains("Error"), en.summary)
    }
}
