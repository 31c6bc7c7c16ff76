import TownsTerminal
@testable import TownsUI
import XCTest

/// Wave 29, finding 5: under LANG=C the start-up notice's advice (Chinese needs a UTF-8 locale,
/// what to set) was cut at 80 columns (`…; for Chinese set LANG=zh_CN.UTF-8 or C.UTF-8`, 101 cells):
/// it is whole on the status line at 80 columns, in ASCII.
final class W29LayLocaleNoticeTests: XCTestCase {
    func testTheNoticeIsWholeAt80ColumnsInASCII() {
        let settings: [(String, String?, String)] = [
            ("LANG", "C", "ANSI_X3.4-1968"), ("LANG", "POSIX", "ANSI_X3.4-1968"), ("LC_ALL", "C", "ANSI_X3.4-1968"),
            ("LC_CTYPE", "C", "ANSI_X3.4-1968"), ("LANG", nil, "ANSI_X3.4-1968"),
            ("LANG", "zh_CN.GB18030", "ANSI_X3.4-1968"), ("LANG", "zh_CN.GB18030", "GB18030"),
        ]
        for (variable, value, codeset) in settings {
            let notice = Terminal.nonUTF8Notice(variable: variable, value: value, codeset: codeset)
            XCTAssertLessThanOrEqual(notice.count, 78, notice)
            XCTAssertTrue(notice.unicodeScalars.allSatisfy(\.isASCII), notice)
            // Since wave 34 the advice first (W34UiNoticeAdviceTests).
            XCTAssertTrue(notice.contains("(" + (value.map { "\(variable)=\($0)" } ?? "\(variable) unset")), notice)
            XCTAssertTrue(notice.contains("is not UTF-8: ASCII") && notice.hasPrefix("for Chinese set \(variable)="),
                          notice)
            XCTAssertTrue(notice.hasSuffix("English)"), notice)
            // The status line at 80 columns (78 cells) shows it whole, with no pointer to :messages.
            XCTAssertEqual(Renderer.messageFitting(notice, width: 78, pointer: " (whole in :messages)", cut: "$"),
                           notice)
        }
        XCTAssertEqual(Terminal.nonUTF8Notice(variable: "LANG", value: "C", codeset: "ANSI_X3.4-1968"),
                       "for Chinese set LANG=zh_CN.UTF-8 (LANG=C is not UTF-8: ASCII and English)")
        // An encoding the setting does not name gives way where it does not fit (86 cells).
        XCTAssertEqual(Terminal.nonUTF8Notice(variable: "LANG", value: "de", codeset: "ISO-8859-1"),
                       "for Chinese set LANG=zh_CN.UTF-8 (LANG=de is not UTF-8: ASCII and English)")
    }
}
