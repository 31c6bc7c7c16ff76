import Foundation
@testable import TownsUI
import XCTest

/// `TextWrap.wrap` takes text that fits whole without its per-character loop (a town page's
/// notes): the lines are the same as the loop's (`Reference.wrap`, the loop as it was before).
final class W21TextWrapFitsTests: XCTestCase {
    enum Reference {
        static func wrap(_ text: String, width: Int) -> [String] {
            let safe = TerminalText.sanitize(text)
            guard width > 0 else { return [] }
            var lines: [String] = []
            var line = ""
            var lineWidth = 0
            // The last place the line may break: after a space (the space is dropped) or before a
            // wide (CJK) character.
            var lastBreak: (at: String.Index, space: Bool)?
            for i in safe.indices {
                let ch = safe[i]
                // A space between a number and the wide unit after it (`30 个`) is no break (wave 30).
                let glued = ch == " " && (line.last.map { $0.isASCII && $0.isNumber } ?? false)
                    && safe.index(after: i) < safe.endIndex && DisplayWidth.of(safe[safe.index(after: i)]) == 2
                let w = max(0, DisplayWidth.of(ch))
                if lineWidth + w > width {
                    if ch == " ", !glued {
                        lines.append(line)
                        line = ""
                        lineWidth = 0
                        lastBreak = nil
                        continue
                    }
                    if w < 2 || !TextWrap.breakable(before: ch, after: line), let cut = lastBreak {
                        let head = String(line[..<cut.at])
                        let tail = String(line[(cut.space ? line.index(after: cut.at) : cut.at)...])
                        lines.append(head)
                        line = tail
                        lineWidth = DisplayWidth.of(tail)
                    } else {
                        lines.append(line)
                        line = ""
                        lineWidth = 0
                    }
                    lastBreak = nil
                    if lineWidth + w > width {
                        lines.append(line)
                        line = ""
                        lineWidth = 0
                    }
                    if glued, line.isEmpty { continue }  // no line starts with the space
                }
                if ch == " " {
                    if !glued { lastBreak = (line.endIndex, true) }
                } else if w == 2, !line.isEmpty, TextWrap.breakable(before: ch, after: line) {
                    lastBreak = (line.endIndex, false)
                }
                line.append(ch)
                lineWidth += w
            }
            if !line.isEmpty || lines.isEmpty { lines.append(line) }
            // (A line that is all closing punctuation and wider than `width` still breaks where it must.)
            // A line broken before a CJK character may end in the space before it.
            return lines.enumerated().map { i, l in
                guard i < lines.count - 1 else { return l }
                var l = l
                while l.hasSuffix(" ") { l.removeLast() }
                return l
            }
        }
    }

    func testTheSameLinesAsTheLoopAlone() {
        let texts = [
            "", " ", "a", "海", "海宁皮革时尚小镇", "one two three", "报告 reported: paper 二(三)",
            "e\u{301}e\u{301}e\u{301}", "👍🏽👍🏽", "🇨🇳🇨🇳", "a\u{200D}b", "（开始）结束。", "ab  ", "  ab",
            "来源：嘉兴市统计局《2015年1-9月特色小镇建设情况》 figures.toml:1234", "x\u{7}y", "ｆｕｌｌ",
            "한국어 텍스트", "\u{1100}\u{1161}\u{11A8}", "tab\there", "trailing space ", "末尾 ",
        ]
        for text in texts {
            for width in 0...24 {
                XCTAssertEqual(TextWrap.wrap(text, width: width), Reference.wrap(text, width: width),
                               "\(text.debugDescription) at \(width)")
            }
        }
    }

    /// `sanitize` gives text with nothing to replace back as it is, and still replaces the rest.
    func testSanitizeKeepsCleanTextAndReplacesTheRest() {
        XCTAssertEqual(TerminalText.sanitize("海宁皮革时尚小镇（嘉兴）"), "海宁皮革时尚小镇（嘉兴）")
        XCTAssertEqual(TerminalText.sanitize("海\u{200B}宁"), "海\u{FFFD}宁")
        XCTAssertEqual(TerminalText.sanitize("海\u{85}宁"), "海\u{FFFD}宁")
        XCTAssertEqual(TerminalText.sanitize("海\u{1B}[2J"), "海^[[2J")
        XCTAssertEqual(TerminalText.sanitize("🇨🇳 海"), "🇨🇳 海")
        XCTAssertEqual(TerminalText.sanitize("🇨 海"), "\u{FFFD} 海")
    }

    func testFittingTextIsOneLineAsSanitised() {
        XCTAssertEqual(TextWrap.wrap("核实 x\u{1B}", width: 9), ["核实 x^["])
        XCTAssertEqual(TextWrap.wrap("e\u{301}e\u{301}", width: 2), ["e\u{301}e\u{301}"])
    }
}
