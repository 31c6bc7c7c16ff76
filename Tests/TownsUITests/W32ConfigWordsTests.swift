import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 32's fresh user: `towns config --lang zh` (and the dashboard's first frame) said the
/// `view`, `mouse` and `keys.*` problems in English beside `period` and `theme` ones in Chinese.
/// Each problem of a configuration file is kept in both languages; the file, line and field are
/// the same in both.
final class W32ConfigWordsTests: XCTestCase {
    static let text = "view = \"nosuch\"\nmouse = \"yes\"\nlanguage = \"fr\"\nsize = 3\n[keys]\nbogus = [\"z\"]\n"
        + "quit = [\"q\", \"e\"]\nsearch = [\"Ctrl-C\", \"NoSuchKey\"]\nhelp = 7\n"

    func testEveryProblemIsSaidInTheLanguageChosen() {
        let config = ConfigText(Self.text, path: "c2.toml")
        let (_, keyWords) = KeyMap.standard.applyingWithWords(config.rebindings)
        let zh = config.problems(in: .zh) + keyWords.map(\.zh)
        let en = config.problems(in: .en) + keyWords.map(\.en)
        XCTAssertEqual(zh.count, 8, zh.joined(separator: "\n"))
        XCTAssertEqual(zh.count, en.count)
        for expected in ["c2.toml:1: view：'nosuch' 不是视图（overview", "c2.toml:2: mouse：应为 true 或 false",
                         "c2.toml:3: language：'fr' 不是 zh 或 en", "c2.toml:4: size：未知设置（view",
                         "c2.toml:9: keys.help：应为一个键或键的列表", "c2.toml:6: keys.bogus：未知操作；操作有：",
                         "c2.toml:7: keys.quit：'e' 已绑定到 export；quit 保留默认键",
                         "c2.toml:8: keys.search：'Ctrl-C' 属于终端（中断、挂起或流控），不能绑定；未知键 'NoSuchKey'"] {
            XCTAssertTrue(zh.contains { $0.hasPrefix(expected) }, "\(expected) in\n" + zh.joined(separator: "\n"))
        }
        for expected in ["c2.toml:1: view: 'nosuch' is not a view (overview", "c2.toml:2: mouse: expected true or false",
                         "c2.toml:7: keys.quit: 'e' is already bound to export; keeping the defaults for quit"] {
            XCTAssertTrue(en.contains { $0.hasPrefix(expected) }, "\(expected) in\n" + en.joined(separator: "\n"))
        }
        // English stays what `problems` and `applying` gave before (tests and fuzz targets read them).
        XCTAssertEqual(config.problems, config.problems(in: .en))
        XCTAssertEqual(KeyMap.standard.applying(config.rebindings).1, keyWords.map(\.en))
        // No Chinese words left in an English problem, no English words in a Chinese one's wording.
        XCTAssertFalse(en.contains { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
        XCTAssertFalse(zh.contains { $0.contains("expected") || $0.contains("is not") || $0.contains("unknown") })
    }
}
