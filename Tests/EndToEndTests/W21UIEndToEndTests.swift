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
