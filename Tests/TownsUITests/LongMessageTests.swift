import TownsCore
import XCTest

@testable import TownsUI

/// A status message longer than the line takes one line (wave 20; it took up to three, over the
/// list's last rows): cut at a word with `…` and a pointer to `:messages`, which lists it whole.
final class LongMessageTests: XCTestCase {
    func testALongMessageTakesOneLineAndPointsToTheLogThatHoldsItWhole() throws {
        let messages = [
            "数据已更新，但有记录消失 reloaded, records gone: figures.toml: 12 record(s) gone since the last load "
                + "(towns check lists them)",
            "导出失败：/proc/version 不能写入（不是普通文件或无权限），没有写出任何文件；请换一个路径再导出，不能存",
            "exported 5 rows to /home/someone/exports/towns-2015-09.csv (another file beside it: towns-2015-09.meta.txt, its frame)",
            String(repeating: "很长的消息 ", count: 60),
        ]
        for (width, height) in [(80, 24), (100, 30), (60, 14)] {
            for language in Language.allCases {
                for text in messages {
                    var s = try bundledState(width: width, height: height, period: "2015-09")
                    s.language = language
                    let quiet = screen(s)
                    s = update(s, .resize(width: width, height: height))
                    s.session.flash = Flash(text, level: .warning)
                    let lines = screen(s)
                    let shown = lines[height - 2]
                    let pointer = s.tr(Catalogue.wholeInMessages)
                    XCTAssertGreaterThan(DisplayWidth.of(text), width - 2, "the message is longer than the line")
                    // Since wave 21 a path's directories may be cut in the middle (`/home/…/x.csv`)
                    // and a message naming a file may keep the name rather than the pointer.
                    let forms = [text] + (1...8).compactMap { Renderer.pathsShortened(text, level: $0, cut: "…")?.0 }
                    let pointed = shown.hasSuffix(pointer)
                    XCTAssertTrue(pointed || forms.count > 1, "\(width)x\(height) \(language): \(shown)")
                    var head = Substring(pointed ? String(shown.dropFirst().dropLast(pointer.count)) : String(shown.dropFirst()))
                    while head.hasSuffix(" ") { head = head.dropLast() }
                    XCTAssertTrue(head.hasSuffix("…"), shown)
                    let form = try XCTUnwrap(forms.first { $0.hasPrefix(head.dropLast()) },
                                             "cut, not changed but for its paths: \(shown)")
                    // Cut at a word: what follows the cut in the message is a blank, or the cut
                    // falls between CJK characters.
                    let next = form.dropFirst(head.count - 1).first
                    XCTAssertTrue(next == " " || next.map { DisplayWidth.of($0) == 2 } == true
                                  || head.dropLast().last.map { DisplayWidth.of($0) == 2 } == true, shown)
                    // One line: the rows above are the list's, as without the message.
                    XCTAssertEqual(Array(lines[..<(height - 2)]), Array(quiet[..<(height - 2)]), "\(width)x\(height)")
                    // The key hints stay on the last line.
                    XCTAssertFalse(lines[height - 1].trimmingCharacters(in: .whitespaces).isEmpty)
                }
            }
        }
    }

    /// A long message made by a command (`:columns` at 60x14) is cut on the status line and
    /// whole in the log `:messages` shows.
    func testACutMessageIsWholeInTheLog() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 60, height: 14, period: "2015-09")
            s.language = language
            s = update(s, .runCommand("columns"))
            let whole = try XCTUnwrap(s.messageLog.entries.last?.text)
            XCTAssertGreaterThan(DisplayWidth.of(whole), 58)
            XCTAssertTrue(screen(s)[12].hasSuffix(s.tr(Catalogue.wholeInMessages)), screen(s)[12])
            s = update(s, .showMessages)
            let page = screen(s).joined(separator: " ").filter { $0 != " " }
            XCTAssertTrue(page.contains(String(whole.filter { $0 != " " }.suffix(12))), "the end of it on the log's page")
        }
    }

    func testAShortMessageIsShownWholeWithoutThePointer() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 80, height: 24, period: "2015-09")
            s.language = language
            s = update(s, .nextPeriod)
            let line = screen(s)[22]
            XCTAssertFalse(line.contains(":messages"), line)
            XCTAssertTrue(line.contains(s.tr(Catalogue.period("2015年全年", "2015 full year"))), line)
        }
    }
}
