import Foundation
import XCTest

/// Wave 38 through the real binary: an unquoted typo in a figure (`value = 51.2x6`) is a syntax
/// error that names its field, in Chinese words by default; a whole number beyond 64 bits
/// (`value = 99999999999999999999`) or `1e400` is the amount's error, exit 13, as with `.0`.
final class W38TOMLSyntaxEndToEndTests: XCTestCase {
    var binary: String!

    override func setUpWithError() throws {
        binary = try Paths.townsBinary()
    }

    /// `towns check` on a copy of Data/ whose figures.toml has `value = 51.2` replaced by `value`:
    /// its result in Chinese and English, and the line edited.
    private func check(value: String) throws -> (zh: ProcessResult, en: ProcessResult, line: Int, data: String) {
        let data = try copyOfData()
        let url = data.appendingPathComponent("figures.toml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let parts = text.components(separatedBy: "value = 51.2\n")
        XCTAssertEqual(parts.count, 2)
        try (parts[0] + "value = \(value)\n" + parts[1]).write(to: url, atomically: true, encoding: .utf8)
        let line = parts[0].filter { $0 == "\n" }.count + 1
        let zh = try runProcess(binary, ["check", "--data", data.path, "--lang", "zh"], timeout: 20)
        let en = try runProcess(binary, ["check", "--data", data.path, "--lang", "en"], timeout: 20)
        return (zh, en, line, data.path)
    }

    func testAnUnquotedTypoNamesItsFieldInChinese() throws {
        let r = try check(value: "51.2x6")
        XCTAssertEqual(r.zh.status, 10, r.zh.summary)
        XCTAssertEqual(r.en.status, 10, r.en.summary)
        let prefix = "\(r.data)/figures.toml:\(r.line):13: figure["
        XCTAssertTrue(r.zh.stderr.contains(prefix), r.zh.summary)
        XCTAssertTrue(r.zh.stderr.contains("].value: TOML 语法错误：浮点数写错了（解析器原话：expected decimal digit, saw 'x'）；文字须加引号"),
                      r.zh.summary)
        XCTAssertFalse(r.zh.stderr.contains("Error while parsing"), r.zh.summary)
        XCTAssertTrue(r.en.stderr.contains(prefix), r.en.summary)
        XCTAssertTrue(r.en.stderr.contains("].value: TOML syntax: Error while parsing floating-point: expected decimal digit, saw 'x'"),
                      r.en.summary)
    }

    func testAWholeNumberBeyond64BitsExitsAsTheAmountWithAPointDoes() throws {
        let pointed = try check(value: "99999999999999999999.0")
        let whole = try check(value: "99999999999999999999")
        XCTAssertEqual(pointed.en.status, 13, pointed.en.summary)
        XCTAssertEqual(whole.en.status, 13, whole.en.summary)
        XCTAssertEqual(whole.zh.status, 13, whole.zh.summary)
        XCTAssertTrue(whole.en.stderr.contains("/figures.toml:\(whole.line): figure["), whole.en.summary)
        XCTAssertTrue(whole.en.stderr.contains("].value: 99999999999999999999 has 20 digits before the point"), whole.en.summary)
        XCTAssertTrue(whole.zh.stderr.contains("].value: 99999999999999999999 小数点前 20 位"), whole.zh.summary)
        XCTAssertFalse(whole.zh.stderr.contains("TOML"), whole.zh.summary)
        let huge = try check(value: "1e400")
        XCTAssertEqual(huge.en.status, 13, huge.en.summary)
        XCTAssertTrue(huge.en.stderr.contains("].value: 1e400 is too large or too small for an amount"), huge.en.summary)
    }
}
