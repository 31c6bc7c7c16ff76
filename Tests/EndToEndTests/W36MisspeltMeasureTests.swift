import Foundation
import TownsTestSupport
import XCTest

/// A misspelt measure (`measure = "complted"` in figures.toml) is a data error of exit 14's class,
/// "a word not in the list" (README, Exit codes), not a usage error: `towns check`, `towns report`
/// and the dashboard name the word and the measures there are, and the summary's class names
/// the misspelt word among 14's reasons in the language chosen (wave 35's fresh user read
/// "a value that cannot be (a share above 100%, a month 13, ...)" for a typing slip).
final class W36MisspeltMeasureTests: XCTestCase {
    func testAMisspeltMeasureIsNamedWithTheMeasuresAndItsClass() throws {
        let binary = try Paths.townsBinary()
        let data = try copyOfData()
        let figures = data.appendingPathComponent("figures.toml").path
        var text = try String(contentsOfFile: figures, encoding: .utf8)
        let range = try XCTUnwrap(text.range(of: "measure = \"completed\""))
        text.replaceSubrange(range, with: "measure = \"complted\"")
        try text.write(toFile: figures, atomically: true, encoding: .utf8)
        for (command, language) in [("check", "en"), ("report", "en"), ("check", "zh"), ("report", "zh")] {
            let r = try runUnconfigured(binary, [command, "--data", data.path, "--lang", language], locale: "C.UTF-8",
                                        name: "w36-measure")
            XCTAssertEqual(r.status, 14, r.summary)
            XCTAssertTrue(r.stderr.contains("complted"), r.summary)
            XCTAssertTrue(r.stderr.contains("completed, completion_rate") || r.stderr.contains("completed、completion_rate"),
                          r.summary)
            XCTAssertTrue(r.stderr.contains(language == "en" ? "(exit 14: a value that cannot be (a share above 100%, "
                                                + "a month 13, a word not in the list, ...))"
                                            : "（退出码 14：不可能的值（占比超过 100%、13 月、不在所列之中的词等））"),
                          r.summary)
        }
    }
}
