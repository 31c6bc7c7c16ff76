import Foundation
import XCTest

/// Wave 21's fresh user: ArgumentParser's own errors were English under a Chinese interface
/// (`Error: Unknown option '--x'`). They follow the words' language now (`--lang`, the config's,
/// the locale's), exit 2 as before, and name what was typed as it was typed.
final class W22MineEndToEndTests: XCTestCase {
    var binary: String!

    override func setUpWithError() throws {
        binary = try Paths.townsBinary()
    }

    /// A UTF-8 locale with no configuration: the words are Chinese unless `--lang en`.
    func run(_ arguments: [String]) throws -> ProcessResult {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        env["XDG_CONFIG_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("towns-w22-noconfig").path
        return try runProcess(binary, arguments, environment: env)
    }

    func testTheParsersOwnErrorsAreInTheWordsLanguage() throws {
        let cases: [([String], zh: String, en: String)] = [
            (["--x"], "错误：未知选项 '--x'", "Error: Unknown option '--x'"),
            (["report", "--format", "xls", "--data", Paths.data], "错误：值 'xls' 对 '--format <format>' 无效。请给出其一：",
             "Error: The value 'xls' is invalid for '--format <format>'"),
            (["report", "--data", Paths.data, "--period"], "错误：'--period <ID>' 缺少值", "Error: Missing value for '--period <ID>'"),
            (["report", "--data", Paths.data, "extra"], "错误：多余的参数 'extra'", "Error: Unexpected argument 'extra'"),
        ]
        for (arguments, zh, en) in cases {
            let chinese = try run(arguments)
            XCTAssertEqual(chinese.status, 2, chinese.summary)
            XCTAssertTrue(chinese.stderr.hasPrefix(zh), "\(arguments): \(chinese.stderr)")
            XCTAssertTrue(chinese.stderr.contains("用法："), chinese.stderr)
            XCTAssertFalse(chinese.stderr.contains("Error:"), chinese.stderr)
            let english = try run(arguments + ["--lang", "en"])
            XCTAssertEqual(english.status, 2, english.summary)
            XCTAssertTrue(english.stderr.hasPrefix(en), "\(arguments): \(english.stderr)")
            XCTAssertFalse(english.stderr.contains("错误"), english.stderr)
        }
    }
}
