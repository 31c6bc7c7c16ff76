import Foundation
import TownsTestSupport
import XCTest

/// Wave 32's fresh user: `towns config --config FILE --lang zh` said the `view`, `mouse` and `keys.*`
/// problems in English. Now every problem is in the language chosen; the exit status is 1 as before.
final class W32ConfigWordsEndToEndTests: XCTestCase {
    func testTownsConfigSaysEveryProblemInTheLanguageChosen() throws {
        let binary = try Paths.townsBinary()
        let folder = try TemporaryFiles.folder("w32-config-words")
        let file = folder + "/c2.toml"
        try "view = \"nosuch\"\nmouse = \"yes\"\n[keys]\nbogus = [\"z\"]\nquit = [\"q\", \"e\"]\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let zh = try runProcess(binary, ["config", "--config", file, "--data", Paths.data, "--lang", "zh"])
        XCTAssertEqual(zh.status, 1, zh.summary)
        for expected in ["\(file):1: view：'nosuch' 不是视图", "\(file):2: mouse：应为 true 或 false",
                         "\(file):4: keys.bogus：未知操作", "\(file):5: keys.quit：'e' 已绑定到 export"] {
            XCTAssertTrue(zh.stderr.contains(expected), "\(expected): \(zh.summary)")
        }
        XCTAssertFalse(zh.stderr.contains("is not a view") || zh.stderr.contains("expected true"), zh.summary)
        let en = try runProcess(binary, ["config", "--config", file, "--data", Paths.data, "--lang", "en"])
        XCTAssertEqual(en.status, 1, en.summary)
        XCTAssertTrue(en.stderr.contains("\(file):1: view: 'nosuch' is not a view"), en.summary)
        XCTAssertTrue(en.stderr.contains("\(file):2: mouse: expected true or false"), en.summary)
    }
}
