import Foundation
import XCTest

/// The command line as a user reads it: options that mean the same everywhere go before the
/// command's name or after it (or the error says where they go), and a printed report is
/// written for paper: no keys, every town, notes wrapped at `--width`, an empty list explained.
final class ReportOptionsTests: XCTestCase {
    var binary: String!

    override func setUpWithError() throws {
        binary = try Paths.townsBinary()
    }

    func testSharedOptionsGoBeforeOrAfterTheCommand() throws {
        let report = ["report", "--view", "types", "--period", "2015-09"]
        let options: [[String]] = [
            ["--data", Paths.data], ["--lang", "en"], ["--ascii"],
            ["--themes", Paths.themes, "--theme", "light"],
        ]
        let plain = try runProcess(binary, report + ["--data", Paths.data])
        XCTAssertEqual(plain.status, 0, plain.summary)
        for option in options {
            let before = try runProcess(binary, option + ["--data", Paths.data] + report)
            let after = try runProcess(binary, report + ["--data", Paths.data] + option)
            XCTAssertEqual(before.status, 0, "\(option) before report: \(before.summary)")
            XCTAssertEqual(after.status, 0, "\(option) after report: \(after.summary)")
            XCTAssertEqual(before.stdout, after.stdout, "\(option)")
            if option[0] == "--lang" { XCTAssertTrue(before.stdout.hasPrefix("Types — 2015 Jan-Sep"), before.stdout) }
            // Type 1, Haining alone in its sums: its town's digits (wave 31, W31FidGroupDigitsTests).
            if option[0] == "--ascii" { XCTAssertTrue(before.stdout.contains("~72.9%"), before.stdout) }
            // A report has no colours: the theme changes nothing in it.
            if option[0] == "--themes" { XCTAssertEqual(before.stdout, plain.stdout) }
        }
        // `towns --data DIR check` as `towns check --data DIR`.
        let check = try runProcess(binary, ["--data", Paths.data, "check"])
        XCTAssertEqual(check.status, 0, check.summary)
    }

    /// `--town` takes the city too (id-like English name or Chinese name): the city's totals page,
    /// which could only be exported from the dashboard; a town's name works as its id does.
    func testTownTakesTheCityAndPrintsItsTotalsPage() throws {
        var pages: [String] = []
        for name in ["jiaxing", "嘉兴市", "Jiaxing"] {
            let r = try runProcess(binary, ["report", "--town", name, "--lang", "en", "--data", Paths.data])
            XCTAssertEqual(r.status, 0, "\(name): \(r.summary)")
            XCTAssertTrue(r.stdout.hasPrefix("Jiaxing totals — 2015 Jan-Sep\nDataset: "), r.stdout)
            pages.append(r.stdout)
        }
        XCTAssertEqual(Set(pages).count, 1, "every name of the city gives the same page")
        let json = try runProcess(binary, ["report", "--town", "jiaxing", "--format", "json", "--data", Paths.data])
        XCTAssertEqual(json.status, 0, json.summary)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertFalse((object["sources"] as? [String] ?? []).isEmpty, "the city's sources: \(json.stdout)")
        let byName = try runProcess(binary, ["report", "--town", "海宁皮革时尚小镇", "--data", Paths.data])
        let byID = try runProcess(binary, ["report", "--town", "haining", "--data", Paths.data])
        XCTAssertEqual(byName.status, 0, byName.summary)
        XCTAssertEqual(byName.stdout, byID.stdout)
        // English words, whatever the locale (a refusal follows the interface's language, wave 24).
        let none = try runProcess(binary, ["report", "--town", "嘉", "--data", Paths.data, "--lang", "en"])
        XCTAssertEqual(none.status, 2, none.summary)
        XCTAssertTrue(none.stderr.contains("no town '嘉', nor a city of that name") && none.stderr.contains("jiaxing"),
                      none.summary)
    }

    func testACommandThatDoesNotUseThemSaysWhereTheyGo() throws {
        for args in [["check", "--theme", "light"], ["--ascii", "check"], ["meetings", "--theme", "light"],
                     ["config", "--ascii"]] {
            // English under a locale that is not UTF-8; in Chinese under a UTF-8 one unless `--lang en`
            // (a refusal follows the interface's language, wave 24).
            let arguments = args + ["--data", Paths.data].filter { _ in args[0] != "meetings" }
            var env = ProcessInfo.processInfo.environment
            (env["LANG"], env["LC_ALL"]) = ("C", "C")
            let r = try runProcess(binary, arguments, environment: env)
            XCTAssertEqual(r.status, 2, "\(args): \(r.summary)")
            XCTAssertTrue(r.stderr.contains("go with towns (the dashboard), towns report"), r.summary)
            XCTAssertTrue(r.stderr.contains("before or after the command's name"), r.summary)
            (env["LANG"], env["LC_ALL"]) = ("C.UTF-8", "C.UTF-8")
            env["XDG_CONFIG_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("towns-w24-noconfig").path
            let zh = try runProcess(binary, arguments, environment: env)
            XCTAssertEqual(zh.status, 2, "\(args): \(zh.summary)")
            let english = args.contains("--lang")
            XCTAssertEqual(zh.stderr.contains("用于 towns（仪表盘）、towns report"), !english, zh.summary)
            XCTAssertEqual(zh.stderr.contains("before or after the command's name"), english, zh.summary)
        }
    }

    func testAPrintedReportIsWrittenForPaper() throws {
        let views = ["overview", "towns", "types", "entities", "assessment", "province", "reference", "changes"]
        for view in views {
            for lang in ["zh", "en"] {
                for format in ["text", "md", "csv", "json"] {
                    let r = try runProcess(binary, ["report", "--view", view, "--lang", lang, "--format", format,
                                                    "--width", "80", "--data", Paths.data])
                    XCTAssertEqual(r.status, 0, r.summary)
                    for hint in ["Enter", "[ ]", ":changes", "… 另", " more)"] {
                        XCTAssertFalse(r.stdout.contains(hint), "\(view) \(lang) \(format): \(hint)\n\(r.stdout)")
                    }
                }
            }
        }
        // The assessment's notes wrap at --width (they ran to 150 columns and more).
        let assessment = try runProcess(binary, ["report", "--view", "assessment", "--width", "80",
                                                 "--data", Paths.data])
        let notes = assessment.stdout.components(separatedBy: "\n").drop { !$0.hasPrefix("全市 2015") }
        XCTAssertFalse(notes.isEmpty, assessment.stdout)
        for line in notes { XCTAssertLessThanOrEqual(DisplayColumns.width(Substring(line)), 80, line) }
        XCTAssertTrue(assessment.stdout.contains("海宁皮革时尚小镇、桐乡毛衫时尚小镇、海盐核电小镇"))
        // The year's first period: why nothing is listed.
        let changes = try runProcess(binary, ["report", "--view", "changes", "--period", "2015-08",
                                              "--data", Paths.data])
        XCTAssertTrue(changes.stdout.contains("2015年1-8月 是该年数据中的第一个期间：没有可比的上一期间"), changes.stdout)
    }

    /// A verdict resting on a figure of another basis keeps its ◇ (the 2016 notice's ">14" is
    /// fixed-asset investment; the towns view marks it ◇>14): the first-year rule's words for
    /// Haiyan in 2015-12, in both languages, and `&` under --ascii (before wave 19 plain ">14").
    func testAVerdictOnAFigureOfAnotherBasisKeepsItsMark() throws {
        let binary = try Paths.townsBinary()
        for (lang, words) in [("en", "completed 2015 full year ◇>14 ≥ 10"), ("zh", "◇>14 ≥ 10")] {
            let r = try runProcess(binary, ["report", "--town", "haiyan", "--period", "2015-12", "--lang", lang,
                                            "--data", Paths.data])
            XCTAssertEqual(r.status, 0, r.summary)
            let joined = r.stdout.replacingOccurrences(of: "\n", with: " ")
                .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            XCTAssertTrue(joined.contains(words), "\(lang): \(r.stdout)")
        }
        let ascii = try runProcess(binary, ["report", "--town", "haiyan", "--period", "2015-12", "--lang", "en",
                                            "--ascii", "--data", Paths.data])
        XCTAssertEqual(ascii.status, 0, ascii.summary)
        let joined = ascii.stdout.replacingOccurrences(of: "\n", with: " ")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        XCTAssertTrue(joined.contains("completed 2015 full year &>14"), ascii.stdout)
    }
}
