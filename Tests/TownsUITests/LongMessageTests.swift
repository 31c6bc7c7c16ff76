import TownsCore
import XCTest

@testable import TownsUI

/// A status message longer than the line wraps onto the lines above (up to three), so its end
/// is not lost at the screen's edge.
final class LongMessageTests: XCTestCase {
    func squeezed(_ s: String) -> String { s.filter { $0 != " " } }

    func testALongMessageTakesMoreLinesAndIsReadWhole() throws {
        let messages = [
            "数据已更新，但有记录消失 reloaded, records gone: figures.toml: 12 record(s) gone since the last load "
                + "(towns check lists them)",
            "导出失败：/proc/version 不能写入（不是普通文件或无权限），没有写出任何文件；请换一个路径再导出，不能存",
            "exported 5 rows to towns-2015-09.csv (another file beside it: towns-2015-09.meta.txt, its frame)",
        ]
        for (width, height) in [(80, 24), (60, 14)] {
            for text in messages {
                var s = try bundledState(width: width, height: height, period: "2015-09")
                s.session.flash = Flash(text, level: .warning)
                let lines = screen(s)
                let bottom = lines[(height - 2 - (Renderer.messageLines - 1))...(height - 2)].joined()
                XCTAssertTrue(squeezed(bottom).contains(squeezed(text)), "\(width)x\(height):\n"
                              + lines.joined(separator: "\n"))
                XCTAssertGreaterThan(DisplayWidth.of(text), width - 2, "the message is longer than the line")
                // The key hints stay on the last line.
                XCTAssertFalse(lines[height - 1].trimmingCharacters(in: .whitespaces).isEmpty)
            }
        }
        // Longer than three lines: cut at the end of the third, with the cut mark.
        var s = try bundledState(width: 60, height: 14, period: "2015-09")
        s.session.flash = Flash(String(repeating: "很长的消息 ", count: 60))
        let lines = screen(s)
        XCTAssertTrue(lines[12].trimmingCharacters(in: .whitespaces).hasSuffix("…"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines[10].contains("很长的消息"), lines.joined(separator: "\n"))
    }
}
