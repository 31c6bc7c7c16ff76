import Foundation
import XCTest

/// Wave 21's interface findings seen from the command line: a usage error worded in Chinese
/// has its frame in Chinese too (`错误：`, `用法：`; it read `Error: 会议名称无效…`).
final class W21UIEndToEndTests: XCTestCase {
    func testAChineseUsageErrorHasAChineseFrame() throws {
        let binary = try Paths.townsBinary()
        let zh = try runProcess(binary, ["present", "bad\tname", "--data", Paths.data, "--lang", "zh"])
        XCTAssertEqual(zh.status, 2, zh.summary)
        XCTAssertTrue(zh.stderr.hasPrefix("错误：会议名称无效"), zh.summary)
        XCTAssertTrue(zh.stderr.contains("用法：towns present"), zh.summary)
        XCTAssertTrue(zh.stderr.contains("详见 'towns present --help'。"), zh.summary)
        for english in ["Error:", "Usage:", "for more information"] {
            XCTAssertFalse(zh.stderr.contains(english), "\(english) in Chinese: \(zh.summary)")
        }
        // In English, as before.
        let en = try runProcess(binary, ["present", "bad\tname", "--data", Paths.data, "--lang", "en"])
        XCTAssertTrue(en.stderr.hasPrefix("Error: invalid meeting name"), en.summary)
        XCTAssertTrue(en.stderr.contains("Usage: towns present"), en.summary)
    }
}

/// Item 9: under LANG=C a CSV report kept `—`, `▼`, `≈` while the screen, a text report and the
/// dashboard's own export there write the ASCII set: every format follows the screen now.
final class W21AsciiReportTests: XCTestCase {
    func testUnderACLocaleEveryReportFormatWritesTheASCIIMarks() throws {
        let binary = try Paths.townsBinary()
        let home = NSTemporaryDirectory() + "w21-ascii-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let base = ["PATH": "/usr/bin:/bin", "HOME": home]
        for format in ["csv", "md", "text"] {
            let c = try runProcess(binary, ["report", "--format", format, "--period", "2015-09", "--data", Paths.data],
                                   environment: base.merging(["LANG": "C"]) { $1 }, timeout: 30)
            XCTAssertEqual(c.status, 0, c.summary)
            for mark in ["—", "▼", "≈"] { XCTAssertFalse(c.stdout.contains(mark), "\(format): \(mark)") }
            XCTAssertTrue(c.stdout.contains("~18.6"), "\(format): derived as ~: \(c.stdout.prefix(600))")
            // Under a UTF-8 locale the marks stay; `--lang zh` under LANG=C keeps them too.
            let utf8 = try runProcess(binary, ["report", "--format", format, "--period", "2015-09", "--data", Paths.data,
                                               "--lang", "en"],
                                      environment: base.merging(["LANG": "C.UTF-8"]) { $1 }, timeout: 30)
            XCTAssertTrue(utf8.stdout.contains("≈18.6"), format)
            let zh = try runProcess(binary, ["report", "--format", format, "--period", "2015-09", "--data", Paths.data,
                                             "--lang", "zh"],
                                    environment: base.merging(["LANG": "C"]) { $1 }, timeout: 30)
            XCTAssertTrue(zh.stdout.contains("≈18.6"), format)
        }
    }
}
