import Foundation
import TownsTestSupport
import XCTest

/// Wave 24's fresh user's findings left open, fixed in wave 25, through the command line:
/// `generate --force`'s refusal of a real dataset in the interface's language; a report's CSV
/// names its columns' units, with and without `--meta`; `towns check` names a falling rate.
final class W25WordsEndToEndTests: XCTestCase {
    var binary: String!

    override func setUpWithError() throws {
        binary = try Paths.townsBinary()
    }

    /// A UTF-8 locale with no configuration: the words are Chinese unless `--lang en` (or, for
    /// `towns generate`, which takes no `--lang`, a locale that is not UTF-8).
    func run(_ arguments: [String], locale: String = "C.UTF-8") throws -> ProcessResult {
        try runFresh(binary, arguments, locale: locale, name: "w25")
    }

    /// Wave 24: `towns generate --force` into a real dataset said why in English whatever the
    /// interface's language (`TownsSynthetic`'s reason). Now in both, as every other refusal.
    func testGenerateForcesRefusalOfRealDataIsInTheInterfacesLanguage() throws {
        let real = try copyOfData().path
        let zh = try run(["generate", "--force", "--towns", "5", "--months", "2", real])
        XCTAssertEqual(zh.status, 2, zh.summary)
        XCTAssertTrue(zh.stderr.contains("未写入：其 dataset.toml 未写 synthetic = true：这是真实数据；--force 只替换合成数据集"),
                      zh.stderr)
        XCTAssertFalse(zh.stderr.contains("not written") || zh.stderr.contains("real data"), zh.stderr)
        let en = try run(["generate", "--force", "--towns", "5", "--months", "2", real], locale: "C")
        XCTAssertEqual(en.status, 2, en.summary)
        XCTAssertTrue(en.stderr.contains("not written: its dataset.toml does not say synthetic = true: it is real data"),
                      en.stderr)
    }

    /// F10: `towns report --format csv` (with `--meta` or not) wrote `年计划,完成` with no unit.
    func testAReportsCSVNamesTheUnitsWithAndWithoutMeta() throws {
        let data = ["--data", Paths.data, "--period", "2015-09"]
        let plain = try run(["report", "--format", "csv"] + data)
        XCTAssertEqual(plain.status, 0, plain.summary)
        XCTAssertTrue(plain.stdout.hasPrefix("小镇,县市区,类型,年计划（亿元）,完成（亿元）,完成率,进度差（百分点）,"), plain.stdout)
        let folder = try TemporaryFiles.folder("w25-words-csv")
        let out = folder + "/t.csv"
        let meta = try run(["report", "--format", "csv", "--output", out, "--meta", "--lang", "en"] + data)
        XCTAssertEqual(meta.status, 0, meta.summary)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(text.contains("Plan (100M yuan),Done (100M yuan),Done%,Sched. (points)"), text)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/t.meta.txt"))
    }

    /// F5: `towns check` said nothing of Haiyan's October 19% after September's 20.7%. It is an
    /// inconsistency naming both figures' files and lines; the exit status is the other findings'.
    func testCheckNamesAFallingRateWithBothLines() throws {
        let data = try copyOfData()
        let monthly = data.appendingPathComponent("monthly")
        try FileManager.default.createDirectory(at: monthly, withIntermediateDirectories: true)
        try """
            [[period]]
            id = "2015-10"
            label_zh = "2015年1-10月"
            label_en = "2015 Jan-Oct"
            year = 2015
            through = 10

            [[source]]
            id = "import-2015-10"
            title = "月报 2015-10"

            [[figure]]
            town = "haiyan"
            measure = "completion_rate"
            period = "2015-10"
            value = 19.0
            source = "import-2015-10"
            at = "line 2"

            """.write(to: monthly.appendingPathComponent("2015-10.toml"), atomically: true, encoding: .utf8)
        let check = try run(["check", "--lang", "en", "--data", data.path])
        XCTAssertEqual(check.status, 0, check.summary)
        let line = try XCTUnwrap(check.stdout.components(separatedBy: "\n").first {
            $0.contains("2015 Jan-Oct completion 19.0% is below 2015 Jan-Sep's 20.7% (figures.toml:")
        }, check.stdout)
        // FILE:LINE first is the later rate's (the one flagged); the earlier one's line in the words.
        XCTAssertTrue(line.hasPrefix(data.path + "/monthly/2015-10.toml:12: inconsistency: Haiyan"), line)
        XCTAssertTrue(line.hasSuffix("[flags completion rate, 2015 Jan-Oct]"), line)
        let zh = try run(["check", "--data", data.path])
        XCTAssertTrue(zh.stdout.contains("2015年1-10月完成率 19.0% 低于2015年1-9月的 20.7%（figures.toml:"), zh.stdout)
    }
}
