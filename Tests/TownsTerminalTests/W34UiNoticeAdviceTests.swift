import TownsTerminal
@testable import TownsUI
import XCTest

/// Wave 34's fresh user (F9): the LANG=C notice and the COLORTERM notice were cut on the status line
/// at 80 columns before their advice (what to set), once a pointer to the rest followed them
/// (`(+3 more: towns config --config …)`). The advice comes first, in both languages, so the
/// status line's one line at 80 columns (78 cells, ` (whole in :messages)` after the cut) keeps it.
final class W34UiNoticeAdviceTests: XCTestCase {
    let pointer = " (+3 more: towns config --config /home/someone/.config/towns/config.toml)"

    func testTheLocaleNoticesAdviceIsOnTheStatusLineAt80Columns() {
        for (variable, value, codeset) in [("LANG", "C", "ANSI_X3.4-1968"), ("LC_ALL", "POSIX", "ANSI_X3.4-1968"),
                                           ("LANG", "zh_CN.GB18030", "GB18030")] {
            let notice = Terminal.nonUTF8Notice(variable: variable, value: value, codeset: codeset)
            let shown = Renderer.messageFitting(notice + pointer, width: 78, pointer: " (whole in :messages)", cut: "$")
            XCTAssertNotNil(shown.range(of: "for Chinese set \(variable)=[a-zA-Z_]+\\.UTF-8", options: .regularExpression),
                            shown)
            // Alone it is whole, in ASCII.
            XCTAssertLessThanOrEqual(notice.count, 78, notice)
            XCTAssertTrue(notice.unicodeScalars.allSatisfy(\.isASCII), notice)
        }
    }

    func testTheColortermNoticesAdviceIsOnTheStatusLineAt80Columns() {
        let notice = Catalogue.colortermButEightColours("truecolor", term: "xterm")
        for (words, whole) in [(notice.zh, "（全文见 :messages）"), (notice.en, " (whole in :messages)")] {
            let shown = Renderer.messageFitting(words + pointer, width: 78, pointer: whole, cut: "…")
            XCTAssertTrue(shown.contains("TERM=xterm-256color"), shown)
            XCTAssertTrue(words.contains("COLORTERM=truecolor") && words.contains("TERM=xterm "), words)
        }
    }
}
