@testable import TownsUI
import XCTest

/// Wave 34's second fresh user: under `[keys]` a line that names no action and whose value is no key
/// (`colour = 3`) was told `expected a key or a list of keys`, while `foo = ["x"]` was told `unknown
/// action`. Both are told the action is unknown (with the actions), in both languages; a known
/// action's bad value keeps its own words.
final class W34ConfigKeysTests: XCTestCase {
    func testAnUnknownActionIsSaidWhateverItsValue() {
        let config = ConfigText("[keys]\ncolour = 3\nfoo = [\"x\"]\nhelp = 7\n", path: "k.toml")
        let (_, keyWords) = KeyMap.standard.applyingWithWords(config.rebindings)
        for (language, unknown, badValue) in [(Language.en, ": unknown action; actions:", ": expected a key or a list of keys"),
                                              (.zh, "：未知操作；操作有：", "：应为一个键或键的列表")] {
            let all = config.problems(in: language) + keyWords.map { language == .zh ? $0.zh : $0.en }
            XCTAssertEqual(all.count, 3, all.joined(separator: "\n"))
            XCTAssertTrue(all.contains { $0.hasPrefix("k.toml:2: keys.colour" + unknown) }, all.joined(separator: "\n"))
            XCTAssertTrue(all.contains { $0.hasPrefix("k.toml:3: keys.foo" + unknown) }, all.joined(separator: "\n"))
            XCTAssertTrue(all.contains { $0 == "k.toml:4: keys.help" + badValue }, all.joined(separator: "\n"))
        }
    }
}
