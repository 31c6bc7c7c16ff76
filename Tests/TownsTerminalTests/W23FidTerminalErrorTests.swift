import XCTest

@testable import TownsTerminal

/// Wave 23 (fid): the start-up refusals follow the interface's language.
final class W23FidTerminalErrorTests: XCTestCase {
    func testEveryRefusalIsInChineseUnderAChineseInterfaceAndKeepsWhatToSet() {
        let cases: [(TerminalError, [String])] = [
            (.notATerminal, ["交互式终端"]),
            (.termNotSet, ["未设置 TERM", "TERM=xterm-256color"]),
            (.unknownTerminal(term: "xterm-kitty"), ["TERM=xterm-kitty", "terminfo 条目", "ncurses-term"]),
            (.cannotAddressCursor(term: "dumb"), ["TERM=dumb", "不能移动光标", "TERM=xterm-256color"]),
            (.localeNotUTF8(current: "C", variable: "LANG", value: nil), ["UTF-8 语言环境", "未设置 LANG", "LANG=C.UTF-8"]),
        ]
        for (error, words) in cases {
            XCTAssertEqual(error.text(chinese: false), error.description)
            let zh = error.text(chinese: true)
            for w in words { XCTAssertTrue(zh.contains(w), "\(error): \(zh)") }
            // No English sentence left in it (the settings' names and values are as typed).
            for english in ["needs", "not set", "cannot", "install", "run it", "entry"] {
                XCTAssertFalse(zh.contains(english), "\(error): \(zh)")
            }
        }
    }
}
