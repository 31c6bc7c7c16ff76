import Foundation
import XCTest

/// The `towns` executable without a terminal: the dashboard's refusal, `report` and `check`.
final class CommandLineTests: XCTestCase {
    var binary: String!

    override func setUpWithError() throws {
        binary = try Paths.townsBinary()
    }

    func testDashboardWithoutATerminalPointsAtReport() throws {
        let r = try runProcess(binary, ["--data", Paths.data, "--themes", Paths.themes], timeout: 10)
        XCTAssertFalse(r.timedOut, "the dashboard waited for a terminal instead of exiting:\n\(r.summary)")
        XCTAssertNil(r.signal, r.summary)
        XCTAssertEqual(r.status, 2, "exit status when stdout is not a terminal:\n\(r.summary)")
        XCTAssertTrue(r.stderr.contains("towns report"), "stderr should point at `towns report`:\n\(r.summary)")
        XCTAssertFalse(r.stdout.contains("\u{1B}"), "no escape sequences written to a pipe:\n\(r.summary)")
    }

    /// A deep link to what the data lacks is a usage error before any terminal opens (exit 2,
    /// as `towns report` gives), each option named; it opened elsewhere with a notice before.
    func testADeepLinkToWhatTheDataLacksIsRefused() throws {
        for (args, says) in [(["--period", "2015-13"], "--period 2015-13: not a period of the data (2015-08"),
                             (["--town", "zzz"], "--town zzz: "), (["--filter", "county 北京"], "--filter county 北京: ")] {
            // English asked for: under a UTF-8 locale the refusal is in Chinese (W12LanguageTests).
            let r = try runProcess(binary, ["--data", Paths.data, "--themes", Paths.themes, "--lang", "en"] + args,
                                   timeout: 10)
            XCTAssertEqual(r.status, 2, r.summary)
            XCTAssertTrue(r.stderr.contains("towns: " + says), r.summary)
            XCTAssertFalse(r.stderr.contains("not a terminal"), "refused before the terminal is looked at: \(r.summary)")
        }
        // Good values pass on to the terminal check.
        for (lang, words) in [("en", "standard output is not a terminal"), ("zh", "标准输出不是终端")] {
            let good = try runProcess(binary, ["--data", Paths.data, "--themes", Paths.themes, "--period", "2015-08",
                                               "--town", "haiyan", "--filter", "behind", "--lang", lang], timeout: 10)
            XCTAssertEqual(good.status, 2, good.summary)
            // In the interface's language (w23-fid), `towns report` named in both.
            XCTAssertTrue(good.stderr.contains(words) && good.stderr.contains("towns report"), good.summary)
        }
    }

    func testReportForSeptember() throws {
        let r = try runProcess(binary, ["report", "--period", "2015-09", "--data", Paths.data])
        XCTAssertEqual(r.status, 0, r.summary)
        for value in ["13.56", "72.9%", "45.06", "42.5%!"] {
            XCTAssertTrue(r.stdout.contains(value), "report lacks \(value):\n\(r.summary)")
        }
        let lines = r.stdout.components(separatedBy: "\n")
        XCTAssertTrue(lines.contains { $0.contains("海宁皮革时尚小镇") && $0.contains("13.56") && $0.contains("72.9%") }, r.summary)
        XCTAssertTrue(lines.contains { $0.contains("全市报告") && $0.contains("45.06") && $0.contains("42.5%!") }, r.summary)
        XCTAssertTrue(lines.first?.contains("2015年1-9月") ?? false, "the heading names the period:\n\(r.summary)")
        XCTAssertFalse(r.stdout.contains("\u{1B}"), "no escape sequences in the report")
        // Aligned by display width as on screen: every town's county starts at the same column.
        let starts = Set(zip(DashboardTests.towns, DashboardTests.counties).compactMap { town, county in
            lines.first { $0.contains(town) }.flatMap { DisplayColumns.column(of: county, in: $0) }
        })
        XCTAssertEqual(starts.count, 1, "county column ragged in the report:\n\(r.stdout)")
    }

    /// A table that cannot be as narrow as --width is printed at the width it needs, and
    /// standard error says so; a width it fits in gets no such line.
    /// Issue 14 point 2 in the report: the changes view in every format, the towns view's Δ
    /// columns with their marks (≈ derived, ✦ new; ASCII n, which no spreadsheet reads as a
    /// formula), the legend naming ✦.
    func testReportCarriesTheChangesAndTheDeltaColumns() throws {
        for format in ["text", "csv", "md"] {
            let r = try runProcess(binary, ["report", "--view", "changes", "--format", format, "--data", Paths.data])
            XCTAssertEqual(r.status, 0, r.summary)
            let lines = r.stdout.components(separatedBy: "\n")
            XCTAssertTrue(
                lines.contains { $0.contains("海宁皮革时尚小镇") && $0.contains("9.3") && $0.contains("13.56")
                    && $0.contains("≈+4.26") && $0.contains("三(五)") }, "\(format):\n\(r.stdout)")
            XCTAssertTrue(lines.contains { $0.contains("南湖基金小镇") && $0.contains("✦ 新增") }, "\(format):\n\(r.stdout)")
        }
        let json = try runProcess(binary, ["report", "--view", "changes", "--format", "json", "--data", Paths.data])
        XCTAssertTrue(json.stdout.contains("\"≈+4.26\"") && json.stdout.contains("\"✦ 新增\""), json.stdout)
        let text = try runProcess(binary, ["report", "--view", "changes", "--data", Paths.data])
        XCTAssertTrue(text.stdout.contains("从 2015年1-8月 到 2015年1-9月") && text.stdout.contains("✦ 新"), text.stdout)
        let towns = try runProcess(binary, ["report", "--format", "csv", "--ascii", "--lang", "en", "--data", Paths.data])
        XCTAssertEqual(towns.status, 0, towns.summary)
        let rows = towns.stdout.components(separatedBy: "\r\n")
        // --ascii writes Δ as the screen draws it in ASCII (`d`).
        XCTAssertTrue(rows.contains { $0.contains("DDone (100M yuan),DRate (points),Rank") }, towns.stdout)
        XCTAssertTrue(rows.contains { $0.hasPrefix("Haining") && $0.hasSuffix("~+4.26,~+22.9,2") }, towns.stdout)
        XCTAssertTrue(rows.contains { $0.hasPrefix("Nanhu") && $0.hasSuffix("n,n,3 n") }, towns.stdout)
    }

    /// An imported month's changes name the sheet and the import's date as their source.
    func testTheChangesOfAnImportedMonthNameItsSheet() throws {
        let data = try copyOfData()
        defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }
        let sheet = data.deletingLastPathComponent().appendingPathComponent("jiaxing-oct.csv")
        try """
            小镇,期间,累计完成投资（亿元）,完成率（%）,已开工项目（个）
            海宁皮革时尚小镇,2015-10,15.21,81.8%,
            南湖基金小镇,2015-10,4.10,27.4%,12

            """.write(to: sheet, atomically: true, encoding: .utf8)
        let imported = try runProcess(binary, ["import", sheet.path, "--data", data.path])
        XCTAssertEqual(imported.status, 0, imported.summary)
        let r = try runProcess(
            binary, ["report", "--view", "changes", "--period", "2015-10", "--format", "csv", "--data", data.path])
        XCTAssertEqual(r.status, 0, r.summary)
        let rows = r.stdout.components(separatedBy: "\r\n")
        let haining = try XCTUnwrap(rows.first { $0.hasPrefix("海宁皮革时尚小镇,完成投资（亿元）,") }, r.stdout)
        XCTAssertTrue(
            haining.contains(",上升,13.56,15.21,≈+1.65,\"line 2 月报 monthly sheet 2015-10: jiaxing-oct.csv, imported "),
            haining)
        XCTAssertTrue(rows.contains { $0.hasPrefix("南湖基金小镇,开工项目,✦ 新增,—,12,—,\"line 3 月报") }, r.stdout)
        XCTAssertTrue(rows.contains { $0.hasPrefix("桐乡毛衫时尚小镇,完成率（Δ：百分点）,不再报告,92.7%,—,—,三(五)") }, r.stdout)
    }

    func testReportSaysWhenTheTableIsWiderThanAsked() throws {
        let narrow = try runProcess(binary, ["report", "--width", "40", "--lang", "en", "--data", Paths.data])
        XCTAssertEqual(narrow.status, 0, narrow.summary)
        XCTAssertTrue(narrow.stderr.contains("more than --width 40"), narrow.summary)
        let fits = try runProcess(binary, ["report", "--width", "120", "--data", Paths.data])
        XCTAssertEqual(fits.status, 0, fits.summary)
        XCTAssertFalse(fits.stderr.contains("--width"), fits.summary)
    }

    func testCheckFindsTheCompletionRateInconsistency() throws {
        let r = try runProcess(binary, ["check", "--lang", "en", "--data", Paths.data])
        XCTAssertEqual(r.status, 0, r.summary)
        let line = r.stdout.components(separatedBy: "\n").first { $0.contains("42.5%") && $0.contains("42.19%") }
        XCTAssertNotNil(line, "check should print the 42.5% vs 42.19% finding:\n\(r.summary)")
        XCTAssertTrue(line?.contains("inconsistency") ?? false, line ?? "")
        XCTAssertNotNil(line?.range(of: #"totals\.toml:\d+:"#, options: .regularExpression), "the finding names its file and line: \(line ?? "")")
    }

    /// Issue 14 point 7: `towns check` in the dashboard's language by default (zh, under a UTF-8 locale), every finding
    /// worded in Chinese, with the same findings, file:line and exit status as in English.
    func testCheckInChinese() throws {
        let zh = try runProcess(binary, ["check", "-v", "--data", Paths.data],
                                environment: ["HOME": "/nonexistent", "LANG": "C.UTF-8"])
        let en = try runProcess(binary, ["check", "-v", "--lang", "en", "--data", Paths.data])
        XCTAssertEqual(zh.status, 0, zh.summary)
        let line = zh.stdout.components(separatedBy: "\n").first { $0.contains("42.5%") && $0.contains("42.19%") }
        XCTAssertTrue(line?.contains(": 不一致: 嘉兴市: 2015年1-9月完成率印为 42.5%，但 45.06 ÷ 106.8 = 42.19%") ?? false,
                      zh.summary)
        XCTAssertNotNil(line?.range(of: #"totals\.toml:\d+: "#, options: .regularExpression), line ?? "")
        XCTAssertTrue(zh.stdout.contains("已载入 5 个小镇、3 个期间；不一致 1 项"), zh.stdout)
        XCTAssertEqual(zh.stdout.components(separatedBy: "\n").count, en.stdout.components(separatedBy: "\n").count,
                       "the same findings, one a line")
        let english = try NSRegularExpression(pattern: "[A-Za-z]+(?: [A-Za-z]+){2,}")
        for l in zh.stdout.components(separatedBy: "\n") where !l.contains(": 有歧义: ") {
            XCTAssertNil(english.firstMatch(in: l, range: NSRange(l.startIndex..., in: l)), "English in: \(l)")
        }
    }

    func testCheckReportsABadTypeWithItsLine() throws {
        let data = try copyOfData()
        defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }
        // Haiyan's `type = 4` becomes `type = 9`: there is no type 9.
        let edited = try edit(data.appendingPathComponent("towns.toml"), replacing: "type = 4", with: "type = 9")
        let r = try runProcess(binary, ["check", "--data", data.path])
        XCTAssertEqual(r.status, 16, "a reference to nothing (exit 16):\n\(r.summary)")
        let errorLine = r.stderr.components(separatedBy: "\n").first { $0.contains("towns.toml:\(edited):") }
        XCTAssertNotNil(errorLine, "check should name towns.toml:\(edited): (the edited line):\n\(r.summary)")
        XCTAssertTrue(errorLine?.contains("type") ?? false, "the error names the field: \(errorLine ?? "")")
        XCTAssertTrue(errorLine?.contains("9") ?? false, "the error shows the value: \(errorLine ?? "")")
        // The dashboard and report refuse the same dataset the same way.
        let report = try runProcess(binary, ["report", "--data", data.path])
        XCTAssertEqual(report.status, 16, report.summary)
        XCTAssertTrue(report.stderr.contains("towns.toml:\(edited):"), report.summary)
    }

    func testCheckReportsASyntaxErrorWithItsLine() throws {
        let data = try copyOfData()
        defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }
        // An unterminated string: `name_zh = "海宁皮革时尚小镇` with no closing quote.
        let edited = try edit(data.appendingPathComponent("towns.toml"),
                              replacing: #"name_zh = "海宁皮革时尚小镇""#, with: #"name_zh = "海宁皮革时尚小镇"#)
        let r = try runProcess(binary, ["check", "--data", data.path])
        XCTAssertEqual(r.status, 10, "a syntax error (exit 10):\n\(r.summary)")
        XCTAssertTrue(r.stderr.contains("towns.toml:\(edited):"), "check should name towns.toml:\(edited):\n\(r.summary)")
    }

    // MARK: helpers

    /// Replaces the one line of `file` that is exactly `old` by `new`; returns its line number (1-based).
    func edit(_ file: URL, replacing old: String, with new: String) throws -> Int {
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        let matches = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces) == old }
        guard matches.count == 1, let i = matches.first else {
            throw E2EError("expected exactly one line `\(old)` in \(file.path), found \(matches.count)")
        }
        lines[i] = new
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return i + 1
    }
}

/// The README's install recipe: the binary in <prefix>/bin, Data/ and Themes/ in
/// <prefix>/share/towns, run through PATH from another directory.
final class InstallTests: XCTestCase {
    func testInstalledBinaryFindsItsDataThroughPATH() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("towns-install-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let bin = prefix.appendingPathComponent("bin"), share = prefix.appendingPathComponent("share/towns")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: try Paths.townsBinary(), toPath: bin.appendingPathComponent("towns").path)
        try FileManager.default.copyItem(atPath: Paths.data, toPath: share.appendingPathComponent("Data").path)
        try FileManager.default.copyItem(atPath: Paths.themes, toPath: share.appendingPathComponent("Themes").path)
        // From / (no Package.swift above), found through PATH: argv[0] is just "towns".
        let r = try runProcess("/bin/sh", ["-c", "cd / && towns check --lang en"],
                               environment: ["PATH": bin.path + ":/usr/bin:/bin", "HOME": "/tmp"])
        XCTAssertEqual(r.status, 0, r.summary)
        XCTAssertTrue(r.stdout.contains(share.appendingPathComponent("Data").path + ": 5 towns"), r.summary)
    }
}
