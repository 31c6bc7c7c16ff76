import TownsUI
import XCTest

final class GridTests: XCTestCase {
    func testDisplayWidthMatchesTheCLibrary() {
        XCTAssertEqual(DisplayWidth.of("海"), 2)
        XCTAssertEqual(DisplayWidth.of("海宁皮革时尚小镇"), 16)
        XCTAssertEqual(DisplayWidth.of("（2015）"), 8, "full-width brackets are wide")
        XCTAssertEqual(DisplayWidth.of("▏▎▍▌▋▊▉█─│"), 10, "block and box characters: one cell (ambiguous width counted narrow)")
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1, "a combining accent takes no cell")
        XCTAssertEqual(DisplayWidth.of("—≈"), 2)
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x1b)!), -1)
    }

    func testWideCharactersTakeTwoCells() {
        var g = Grid(width: 6, height: 1)
        XCTAssertEqual(g.put("海a宁", x: 0, y: 0), 5)
        XCTAssertEqual(g[0, 0].text, "海")
        XCTAssertTrue(g[1, 0].isContinuation)
        XCTAssertEqual(g[2, 0].text, "a")
        XCTAssertEqual(g.lines(), ["海a宁"])
    }

    func testWideCharacterNeverStraddlesTheClip() {
        var g = Grid(width: 5, height: 1)
        g.put("ab海宁", x: 0, y: 0, maxWidth: 5)
        XCTAssertEqual(g.line(0), "ab海 ", "宁 would need cells 4-5; it is replaced by a blank")
        var h = Grid(width: 3, height: 1)
        h.put("海宁", x: 0, y: 0)
        XCTAssertEqual(h.line(0), "海 ")
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var g = Grid(width: 4, height: 1)
        g.put("海宁", x: 0, y: 0)
        g.put("x", x: 1, y: 0)
        XCTAssertEqual(g.line(0), " x宁")
    }

    func testControlCharactersNeverReachTheGrid() {
        var g = Grid(width: 40, height: 1)
        g.put("A\u{1b}]0;pwned\u{07}B\u{1b}[31mC\u{202e}D\u{200b}E\u{9b}F", x: 0, y: 0)
        let line = g.line(0)
        XCTAssertFalse(line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7f || (0x80...0x9f).contains($0.value) })
        XCTAssertTrue(line.hasPrefix("A^[]0;pwned^GB^[[31mC�D�E�F"), line)
    }

    /// Every Unicode scalar, in every context: what `sanitize` returns holds no C0 or C1
    /// control, no DEL, no bidi control, no zero-width or invisible format character, and
    /// nothing `wcwidth` calls non-printable; and sanitising again changes nothing.
    func testSanitizeLeavesNoControlForAnyScalar() {
        let forbidden: (UInt32) -> Bool = { v in
            v < 0x20 || v == 0x7f || (0x80...0x9f).contains(v) || (0x200b...0x200f).contains(v) || (0x202a...0x202e).contains(v)
                || (0x2060...0x2069).contains(v) || v == 0x061c || v == 0xfeff || v == 0x2028 || v == 0x2029 || (0xe0000...0xe007f).contains(v)
        }
        var start: UInt32 = 0
        var checked = 0
        while start <= 0x10FFFF {
            var chunk = String.UnicodeScalarView()
            for v in start..<min(start + 4096, 0x110000) {
                if let scalar = Unicode.Scalar(v) { chunk.append(scalar); chunk.append("a") }
            }
            let text = String(chunk)
            let safe = TerminalText.sanitize(text)
            for scalar in safe.unicodeScalars {
                XCTAssertFalse(forbidden(scalar.value), String(format: "U+%04X survives sanitize", scalar.value))
                XCTAssertGreaterThanOrEqual(DisplayWidth.of(scalar), 0, String(format: "U+%04X is not printable", scalar.value))
                checked += 1
            }
            XCTAssertEqual(TerminalText.sanitize(safe), safe, "sanitize is idempotent")
            XCTAssertEqual(TerminalText.sanitizeLines(safe), safe, "sanitizeLines leaves sanitised text alone")
            start += 4096
        }
        XCTAssertGreaterThan(checked, 1_000_000)
    }

    /// `sanitizedWidth` (a table cell's width without the sanitised copy) gives what sanitising
    /// and measuring give, for every scalar of the basic plane alone and beside the characters
    /// its fast path takes, and beside a combining accent and a variation selector (which join
    /// the scalar before them: the slow path).
    func testSanitizedWidthIsTheWidthOfTheSanitisedText() {
        var wrong: [String] = []
        for v in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let s = String(Character(scalar))
            for text in [s, "a" + s, s + "海", "…" + s, s + "、", s + "\u{301}", s + "\u{FE0F}", s + s] {
                if TerminalText.sanitizedWidth(text) != DisplayWidth.of(TerminalText.sanitize(text)) {
                    wrong.append("\(text.unicodeScalars.map { String($0.value, radix: 16) })")
                }
            }
        }
        XCTAssertEqual(wrong, [])
        XCTAssertEqual(TerminalText.sanitizedWidth("海宁皮革时尚小镇、南湖基金小镇（2015）…"), 39)
        XCTAssertEqual(TerminalText.sanitizedWidth("a\u{1b}[31m"), 7, "ESC becomes ^[")
    }

    func testSanitizeLinesKeepsLineEndsTabsAndALeadingBOM() {
        let text = "\u{FEFF}a,b\r\n\u{1b}]0;x\u{07}\tc\n\u{9b}31m\u{FEFF}\n"
        XCTAssertEqual(TerminalText.sanitizeLines(text), "\u{FEFF}a,b\r\n^[]0;x^G\tc\n�31m�\n")
        XCTAssertEqual(TerminalText.sanitizeLines("a\rb\r"), "a^Mb\r", "a CR is kept only before LF or at the end")
        XCTAssertEqual(TerminalText.sanitizeLines("plain ascii"), "plain ascii")
    }

    /// Half a flag is one column to wcwidth and two to some terminals: it is replaced; whole
    /// flags (pairs) are kept, also two in a row, and a third indicator after a pair is lone.
    func testSanitizeReplacesALoneRegionalIndicatorAndKeepsFlags() {
        XCTAssertEqual(TerminalText.sanitize("海宁\u{1F1E8}"), "海宁\u{FFFD}")
        XCTAssertEqual(TerminalText.sanitize("\u{1F1E8}\u{1F1F3}镇"), "\u{1F1E8}\u{1F1F3}镇")
        XCTAssertEqual(TerminalText.sanitize("\u{1F1E8}\u{1F1F3}\u{1F1EF}\u{1F1F5}"),
                       "\u{1F1E8}\u{1F1F3}\u{1F1EF}\u{1F1F5}")
        XCTAssertEqual(TerminalText.sanitize("\u{1F1E8}\u{1F1F3}\u{1F1EF}x"), "\u{1F1E8}\u{1F1F3}\u{FFFD}x")
        XCTAssertEqual(TerminalText.sanitize("a\u{1F1E8}b\u{1F1F3}"), "a\u{FFFD}b\u{FFFD}")
    }

    func testSanitizeKeepsChineseAndPunctuation() {
        XCTAssertEqual(TerminalText.sanitize("海宁皮革时尚小镇（2015）—≈"), "海宁皮革时尚小镇（2015）—≈")
        XCTAssertEqual(TerminalText.sanitize("a\tb\nc"), "a^Ib^Jc")
    }

    func testWrapByDisplayWidth() {
        XCTAssertEqual(TextWrap.wrap("海宁皮革时尚小镇", width: 6), ["海宁皮", "革时尚", "小镇"])
        XCTAssertEqual(TextWrap.wrap("one two three", width: 7), ["one two", "three"])
        for line in TextWrap.wrap("报告 reported: paper 二(三) “嘉兴市五个特色小镇计划投资额度均高于50亿元”", width: 20) {
            XCTAssertLessThanOrEqual(DisplayWidth.of(line), 20)
        }
    }
}

final class GridFillTests: XCTestCase {
    func testFillCuttingAWideCharacterBlanksItsOtherHalf() {
        var g = Grid(width: 6, height: 1)
        g.put("海宁市", x: 0, y: 0)
        g.fill(Rect(x: 1, y: 0, width: 2, height: 1), with: Cell(text: "x"))
        XCTAssertEqual(g.line(0), " xx 市", "海 lost its right half, 宁 its left: both blanked")
        for x in 0..<6 where g[x, 0].isContinuation { XCTAssertEqual(DisplayWidth.of(g[x - 1, 0].text), 2) }
    }
}
