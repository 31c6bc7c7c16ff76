import Foundation
import TownsTestSupport
import XCTest

/// Wave 25's second fresh user's G1, fixed in wave 26, through the command line: `towns import`
/// cites the file a finding will live in, never its temporary, and a dry run says a row would be
/// imported.
final class W26WordsImportEndToEndTests: XCTestCase {
    /// `arguments` under `locale` with no configuration and a cache of its own (`runFresh`).
    func run(_ arguments: [String], locale: String = "C.UTF-8") throws -> ProcessResult {
        try runFresh(try Paths.townsBinary(), arguments, locale: locale, name: "w26words-import")
    }

    /// A sheet `name` of one town's month, in 万元, written in `folder`: its path.
    func sheet(_ folder: String, _ name: String, town: String, period: String, wan: String, rate: String) throws
        -> String
    {
        let path = folder + "/" + name
        try "town,period,completed (万元),completion_rate\n\(town),\(period),\(wan),\(rate)\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// No temporary file of an import (`monthly/.2015-10.toml.XXXXXX`, `towns-import-PID-…`) in `text`.
    func assertNoTemporary(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(text.contains("towns-import-"), text, file: file, line: line)
        XCTAssertFalse(text.contains("monthly/."), text, file: file, line: line)
    }

    /// G1: the import's "new inconsistency" cited `D2/monthly/.2015-10.toml.EYXAxQ:28` (a dry run
    /// `towns-import-13033-2015-10.toml:27`), a file that is gone or in no folder of the user's; and
    /// a dry run's row warning said the row was "imported anyway". Now the finding names the file it
    /// will live in, as `towns check` then does, and a dry run says the row would be imported.
    func testImportCitesTheFileAFindingWillLiveInAndADryRunSaysWould() throws {
        let data = try copyOfData().path
        let folder = try TemporaryFiles.folder("w26-words-sheets")
        let low = try sheet(folder, "low.csv", town: "haiyan", period: "2015-10", wan: "100000", rate: "19%")
        let target = data + "/monthly/2015-10.toml:"
        for (lang, would, was) in [("zh", "试导入：正式导入时仍会导入，请核对", "仍已导入"),
                                   ("en", "dry run: it would be imported all the same; check it",
                                    "(imported all the same")] {
            let dry = try run(["import", low, "--data", data, "--dry-run", "--lang", lang])
            XCTAssertEqual(dry.status, 0, dry.summary)
            assertNoTemporary(dry.stderr + dry.stdout)
            XCTAssertTrue(dry.stderr.contains("  " + target), dry.summary)
            XCTAssertTrue(dry.stderr.contains(would), dry.summary)
            XCTAssertFalse(dry.stderr.contains(was), dry.summary)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: data + "/monthly/2015-10.toml"))
        let real = try run(["import", low, "--data", data, "--lang", "en"])
        XCTAssertEqual(real.status, 0, real.summary)
        assertNoTemporary(real.stderr + real.stdout)
        XCTAssertTrue(real.stderr.contains("(imported all the same; check it)"), real.summary)
        // The line the import cites is the one `towns check` names.
        let cited = try XCTUnwrap(real.stderr.split(separator: "\n").first { $0.hasPrefix("  " + target) })
        let location = String(cited.dropFirst(2).prefix { $0 != " " })
        let check = try run(["check", "--data", data, "--lang", "en"])
        XCTAssertTrue(check.stdout.contains(location) || check.stderr.contains(location),
                      location + "\n" + check.summary)
    }

    /// G1's addendum: a finding about ANOTHER file, where the import's month is the earlier figure,
    /// cited the temporary in its words (`（monthly/.2015-10.toml.bl4XuV:27）`), dry run or not.
    func testAFindingAboutAnotherFileCitesTheImportedMonthByItsName() throws {
        let data = try copyOfData().path
        let folder = try TemporaryFiles.folder("w26-words-sheets2")
        let november = try sheet(folder, "nov.csv", town: "haining", period: "2015-11", wan: "175000", rate: "80%")
        XCTAssertEqual(try run(["import", november, "--data", data]).status, 0)
        let october = try sheet(folder, "oct2.csv", town: "haining", period: "2015-10", wan: "158000", rate: "85%")
        for arguments in [["--dry-run", "--lang", "zh"], ["--dry-run", "--lang", "en"], ["--lang", "zh"]] {
            let r = try run(["import", october, "--data", data] + arguments)
            XCTAssertEqual(r.status, 0, r.summary)
            assertNoTemporary(r.stderr + r.stdout)
            XCTAssertTrue(r.stderr.contains(data + "/monthly/2015-11.toml:"), r.summary)
            XCTAssertTrue(r.stderr.contains("monthly/2015-10.toml:"), r.summary)
        }
    }
}
