import Foundation
import TownsTestSupport
import XCTest

/// Wave 30's small gaps on the command line.
final class W30SmallEndToEndTests: XCTestCase {
    /// `towns check` of a dataset without rules.toml said nothing of it (wave 29's fresh user): it
    /// notes, in the findings' language, that no rule is judged, and still exits 0.
    func testCheckNotesADatasetWithoutRules() throws {
        let binary = try Paths.townsBinary()
        let fm = FileManager.default
        let folder = try TemporaryFiles.folder("w30-check-norules")
        let data = folder + "/g"
        let g = try runUnconfigured(binary, ["generate", "--towns", "20", "--months", "3", "--data", Paths.data, data],
                                    locale: "C.UTF-8", name: "w30-check")
        XCTAssertEqual(g.status, 0, g.summary)
        // With rules: nothing said of them.
        for lang in ["zh", "en"] {
            let r = try runUnconfigured(binary, ["check", "--data", data, "--lang", lang], locale: "C.UTF-8", name: "w30-check")
            XCTAssertEqual(r.status, 0, r.summary)
            XCTAssertFalse(r.stdout.contains("rules.toml"), r.summary)
        }
        try fm.removeItem(atPath: data + "/rules.toml")
        for (lang, words) in [("zh", "\(data)：注意：此数据集没有规则（无 rules.toml）：不考核任何规则"),
                              ("en", "\(data): note: this dataset has no rules (no rules.toml): no rule is judged")] {
            let r = try runUnconfigured(binary, ["check", "--data", data, "--lang", lang], locale: "C.UTF-8", name: "w30-check")
            XCTAssertEqual(r.status, 0, r.summary)
            XCTAssertTrue(r.stdout.split(separator: "\n").contains { $0 == words }, "\(lang): \(r.summary)")
            XCTAssertEqual(r.stderr, "", r.summary)
        }
        // Under LANG=C without --lang: English (and ASCII).
        let c = try runUnconfigured(binary, ["check", "--data", data], locale: "C", name: "w30-check")
        XCTAssertEqual(c.status, 0, c.summary)
        XCTAssertTrue(c.stdout.contains("note: this dataset has no rules (no rules.toml): no rule is judged"), c.summary)
    }

    /// `towns meetings` had no `--config` (`towns present` and `towns follow` have): it reads the named
    /// file's `language` as they do, `--lang` still first; a named file with problems is said on
    /// standard error, and the list follows (exit 0).
    func testMeetingsReadsTheLanguageOfConfig() throws {
        let binary = try Paths.townsBinary()
        let folder = try TemporaryFiles.folder("w30-meetings-config")
        let empty = folder + "/empty", english = folder + "/en.toml", bad = folder + "/bad.toml"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        try "language = \"en\"\n".write(toFile: english, atomically: true, encoding: .utf8)
        try "language = \"fr\"\n".write(toFile: bad, atomically: true, encoding: .utf8)
        func meetings(_ more: [String]) throws -> ProcessResult {
            try runUnconfigured(binary, ["meetings", "--folder", empty] + more, locale: "C.UTF-8", name: "w30-meetings")
        }
        let plain = try meetings([])
        XCTAssertEqual(plain.status, 0, plain.summary)
        XCTAssertTrue(plain.stdout.hasPrefix("没有进行中的会议"), plain.summary)
        let configured = try meetings(["--config", english])
        XCTAssertEqual(configured.status, 0, configured.summary)
        XCTAssertTrue(configured.stdout.hasPrefix("no open meetings (looked in: \(empty))"), configured.summary)
        XCTAssertEqual(configured.stderr, "", configured.summary)
        let chosen = try meetings(["--config", english, "--lang", "zh"])
        XCTAssertTrue(chosen.stdout.hasPrefix("没有进行中的会议"), chosen.summary)
        for (more, words) in [([String](), "towns meetings：--config \(bad)：有 1 个问题（towns config --config \(bad) 列出）"),
                              (["--lang", "en"], "towns meetings: --config \(bad): 1 problem (towns config --config \(bad) lists them)")] {
            let r = try meetings(["--config", bad] + more)
            XCTAssertEqual(r.status, 0, r.summary)
            XCTAssertEqual(r.stderr, words + "\n", r.summary)
        }
    }
}
