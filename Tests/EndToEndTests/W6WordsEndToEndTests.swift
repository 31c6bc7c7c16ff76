import Foundation
import XCTest

/// Wave 6 (words): `towns check` and `towns report` choose their language as the dashboard does.
final class W6WordsEndToEndTests: XCTestCase {
    /// A bare environment with `LANG` (and a config folder, when given).
    private func run(_ arguments: [String], lang: String, config: String? = nil) throws -> ProcessResult {
        var environment = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "LANG": lang]
        if let config { environment["XDG_CONFIG_HOME"] = config }
        return try runProcess(try Paths.townsBinary(), arguments + ["--data", Paths.data], environment: environment)
    }

    /// Under LANG=C (no UTF-8 locale) the dashboard opens in ASCII and English; `towns check` and
    /// `towns report` print English there too, unless `--lang` or the config's `language` says
    /// otherwise. Under a UTF-8 locale they stay Chinese by default.
    func testCheckAndReportFollowTheLocaleAsTheDashboard() throws {
        let han = try NSRegularExpression(pattern: "\\p{Han}")
        func hasHan(_ s: String) -> Bool { han.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil }

        let check = try run(["check"], lang: "C")
        XCTAssertEqual(check.status, 0, check.summary)
        XCTAssertTrue(check.stdout.contains(": 5 towns, 3 periods loaded; 1 inconsistency"), check.stdout)
        XCTAssertTrue(check.stdout.contains(": inconsistency: Jiaxing: 2015 Jan-Sep completion is printed as 42.5%"),
                      check.stdout)
        let report = try run(["report"], lang: "C")
        XCTAssertEqual(report.status, 0, report.summary)
        XCTAssertTrue(report.stdout.hasPrefix("Towns -- 2015 Jan-Sep\n"), report.stdout)
        XCTAssertTrue(report.stdout.contains("Haining Leather Fashion Town"), report.stdout)
        // ASCII marks there, as the dashboard draws them: nothing but the data's own Chinese words
        // (the unit 亿元, the paper's title) is outside ASCII.
        let marks = report.stdout.unicodeScalars.filter { u in
            !u.isASCII && !hasHan(String(u)) && !(0x3000...0x303F).contains(u.value)
                && !(0xFF00...0xFFEF).contains(u.value)
        }
        XCTAssertTrue(marks.isEmpty, "marks outside ASCII: " + marks.map(String.init).joined())

        // --lang wins, and so does the config's language.
        XCTAssertTrue(try run(["check", "--lang", "zh"], lang: "C").stdout.contains("：已载入 5 个小镇、3 个期间"))
        XCTAssertTrue(hasHan(try run(["report", "--lang", "zh"], lang: "C").stdout))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("towns-w6-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("towns"),
                                                withIntermediateDirectories: true)
        try "language = \"zh\"\n".write(to: folder.appendingPathComponent("towns/config.toml"), atomically: true,
                                         encoding: .utf8)
        XCTAssertTrue(try run(["check"], lang: "C", config: folder.path).stdout.contains("：已载入 5 个小镇"))
        XCTAssertTrue(try run(["report"], lang: "C", config: folder.path).stdout.hasPrefix("小镇"))

        // A UTF-8 locale: Chinese by default, as before.
        XCTAssertTrue(try run(["check"], lang: "C.UTF-8").stdout.contains("：已载入 5 个小镇"))
        XCTAssertTrue(try run(["report"], lang: "C.UTF-8").stdout.hasPrefix("小镇"))
    }

    /// Wave 7: `towns check` under LANG=C, in English by default, writes ASCII as `report` does
    /// (a fresh user saw `≈` and `−` on 5 lines); `--lang zh` there keeps the marks.
    func testCheckUnderLangCWritesASCII() throws {
        let check = try run(["check"], lang: "C")
        XCTAssertEqual(check.status, 0, check.summary)
        let han = try NSRegularExpression(pattern: "\\p{Han}")
        let marks = check.stdout.unicodeScalars.filter { u in
            let text = String(u)
            return !u.isASCII && han.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) == nil
                && !(0x3000...0x303F).contains(u.value) && !(0xFF00...0xFFEF).contains(u.value)
        }
        XCTAssertTrue(marks.isEmpty, "marks outside ASCII: " + marks.map(String.init).joined() + "\n" + check.stdout)
        XCTAssertTrue(check.stdout.contains("~"), check.stdout)
        let zh = try run(["check", "--lang", "zh"], lang: "C")
        XCTAssertTrue(zh.stdout.contains("≈"), zh.stdout)
    }
}
