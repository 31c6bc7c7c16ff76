import Foundation
import XCTest

/// Wave 21's fresh user, at the command line: an import's summary in the problems' language, an
/// import into a data folder that is not there, a command's help, a correction's hint.
final class W21MineEndToEndTests: XCTestCase {
    var binary: String!
    var example: String { Paths.repositoryRoot.appendingPathComponent("Examples/monthly-2015-10.csv").path }

    override func setUpWithError() throws {
        binary = try Paths.townsBinary()
    }

    func dataCopy() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("towns-w21-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Paths.data, toPath: dir)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    /// The summary was English whatever `--lang` said (the problems above it Chinese).
    func testTheImportSummaryFollowsTheLanguage() throws {
        let data = try dataCopy()
        let zh = try runProcess(binary, ["import", "--lang", "zh", "--dry-run", "--data", data, example])
        XCTAssertEqual(zh.status, 0, zh.summary)
        XCTAssertTrue(zh.stdout.contains("表头在第 2 行"), zh.stdout)
        XCTAssertTrue(zh.stdout.contains("（新期间）"), zh.stdout)
        XCTAssertTrue(zh.stdout.contains("已完成 15.21 亿元"), zh.stdout)
        XCTAssertTrue(zh.stdout.contains("试导入：将写入"), zh.stdout)
        XCTAssertFalse(zh.stdout.contains("header on line"), zh.stdout)
        XCTAssertFalse(zh.stdout.contains("completed 15.21"), zh.stdout)
        let en = try runProcess(binary, ["import", "--lang", "en", "--dry-run", "--data", data, example])
        XCTAssertEqual(en.status, 0, en.summary)
        XCTAssertTrue(en.stdout.contains("header on line 2"), en.stdout)
        XCTAssertTrue(en.stdout.contains("completed 15.21 亿元"), en.stdout)
        XCTAssertTrue(en.stdout.contains("dry run: would write"), en.stdout)
    }

    /// An import into a folder that is not there exited 3 ("cannot write …/.import.lock"), its dry
    /// run 20 ("not found"): both now say not found, exit 20, and create nothing.
    func testAnImportIntoAMissingFolderIsNotFound() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("towns-w21-none-\(UUID().uuidString)").path
        for extra in [[], ["--dry-run"]] {
            let r = try runProcess(binary, ["import", "--lang", "en", "--data", missing] + extra + [example])
            XCTAssertEqual(r.status, 20, "\(extra): \(r.summary)")
            XCTAssertFalse(r.stderr.contains(".import.lock"), r.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: missing), "nothing created")
        }
    }

    /// `towns present --help` said "USAGE: towns dashboard present"; `towns help present` said
    /// "towns present". Each command's `--help` is now its `help`.
    func testACommandsHelpNamesItAsTyped() throws {
        for name in ["present", "follow", "report", "import"] {
            let flag = try runProcess(binary, [name, "--help"])
            let help = try runProcess(binary, ["help", name])
            XCTAssertEqual(flag.status, 0, flag.summary)
            XCTAssertTrue(flag.stdout.contains("USAGE: towns \(name) "), "\(name): \(flag.stdout)")
            XCTAssertFalse(flag.stdout.contains("towns dashboard \(name)"), flag.stdout)
            XCTAssertEqual(flag.stdout, help.stdout, name)
        }
        // An argument `--help` after `--` is not a request for help.
        let r = try runProcess(binary, ["report", "--data", Paths.data, "--", "--help"])
        XCTAssertFalse(r.stdout.contains("USAGE:"), r.summary)
    }

    /// `towns edit --help` held a run of blanks inside a sentence (a line continuation lost).
    func testEditHelpHasNoHoleInASentence() throws {
        let r = try runProcess(binary, ["edit", "--help"])
        XCTAssertEqual(r.status, 0, r.summary)
        XCTAssertTrue(r.stdout.contains("Messages are in --lang's language"), r.stdout)
        let joined = r.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertTrue(joined.contains("--lang's language (else the config's"), joined)
    }

    /// A completed amount lower than an earlier month's is refused, and the refusal says how to
    /// correct the earlier figure when that is the wrong one.
    func testAFallingAmountSaysHowToCorrect() throws {
        let data = try dataCopy()
        let sheet = FileManager.default.temporaryDirectory.appendingPathComponent("w21-fall-\(UUID().uuidString).csv")
        addTeardownBlock { try? FileManager.default.removeItem(at: sheet) }
        try "town,period,completed (亿元)\nhaining,2015-10,1.00\n".write(to: sheet, atomically: true, encoding: .utf8)
        let en = try runProcess(binary, ["import", "--lang", "en", "--data", data, sheet.path])
        XCTAssertEqual(en.status, 1, en.summary)
        XCTAssertTrue(en.stderr.contains("so it cannot fall; if the earlier figure is the wrong one"), en.stderr)
        XCTAssertTrue(en.stderr.contains("towns edit"), en.stderr)
        let zh = try runProcess(binary, ["import", "--lang", "zh", "--data", data, sheet.path])
        XCTAssertEqual(zh.status, 1, zh.summary)
        XCTAssertTrue(zh.stderr.contains("若先前的数字有误，请先更正它"), zh.stderr)
    }

    /// `towns check --lang en` named the towns twice when every known figure was derived ("(A,
    /// B, derived for A, B)"); a page's interpretation ending its sentence took "。；" before the
    /// readings.
    func testWordsSaidOnce() throws {
        let check = try runProcess(binary, ["check", "--lang", "en", "--data", Paths.data])
        XCTAssertTrue(check.stdout.contains("(Haining Leather Fashion Town, Nanhu Fund Town, all derived)"), check.stdout)
        XCTAssertFalse(check.stdout.contains("derived for Haining Leather Fashion Town, Nanhu Fund Town)"), check.stdout)
        let page = try runProcess(binary, ["report", "--town", "nanhu", "--lang", "zh", "--width", "200",
                                           "--data", Paths.data])
        XCTAssertEqual(page.status, 0, page.summary)
        XCTAssertTrue(page.stdout.contains("各种读法："), page.stdout)
        XCTAssertFalse(page.stdout.contains("。；各种读法"), page.stdout)
    }

    /// An English page showed the data's ids (`relationships`, `key-works`, `high-end-equipment`)
    /// and the problems' causes in Chinese; a Chinese page the industry's id (`fashion`).
    func testAPageNamesInItsLanguage() throws {
        let en = try runProcess(binary, ["report", "--town", "haiyan", "--lang", "en", "--width", "120",
                                         "--data", Paths.data])
        XCTAssertEqual(en.status, 0, en.summary)
        for words in ["Three relationships", "Four ecosystems", "Five key works", "high-end equipment",
                      "cause: too much administrative intervention"] {
            XCTAssertTrue(en.stdout.contains(words), "\(words): \(en.stdout)")
        }
        XCTAssertFalse(en.stdout.contains("key-works"), en.stdout)
        XCTAssertFalse(en.stdout.contains("行政干预过当"), en.stdout)
        let zh = try runProcess(binary, ["report", "--town", "haining", "--lang", "zh", "--width", "120",
                                         "--data", Paths.data])
        XCTAssertTrue(zh.stdout.contains("时尚"), zh.stdout)
        XCTAssertTrue(zh.stdout.contains("五项重点工作"), zh.stdout)
        XCTAssertTrue(zh.stdout.contains("原因：行政干预过当"), zh.stdout)
    }
}
