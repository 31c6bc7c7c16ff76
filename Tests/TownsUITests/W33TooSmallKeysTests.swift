import TownsCore
import TownsUI
import XCTest

/// Below 60x14 only the quit key acts (`route`). The too-small screen says so, and a key
/// refused there is named at once on that screen, in the language chosen (wave 32's fresh user:
/// the refused keys were named only once the window was large enough again).
final class W33TooSmallKeysTests: XCTestCase {
    /// `lines` centred in a `width`-column row each, from row `top`, blank elsewhere.
    func centred(_ lines: [String], width: Int, height: Int, top: Int) -> [String] {
        (0..<height).map { y in
            guard lines.indices.contains(y - top) else { return String(repeating: " ", count: width) }
            let text = lines[y - top], w = DisplayWidth.of(text), x = (width - w) / 2
            return String(repeating: " ", count: x) + text + String(repeating: " ", count: width - x - w)
        }
    }

    func padded(_ s: AppState) -> [String] {
        screen(s).map { line in line + String(repeating: " ", count: max(0, s.width - DisplayWidth.of(line))) }
    }

    /// At 40x12 the whole screen, in each language: what acts before a key, which keys were
    /// refused after them (each once, first pressed first), at once.
    func testTheTooSmallScreenSaysWhatActsAndNamesARefusedKeyAtOnce() throws {
        let cases: [(Language, [String], String, String)] = [
            (.zh, ["终端太小", "40x12，至少需要 60x14"], "此时只有 q（退出）可用", "按键 j Enter 均未执行；只有 q（退出）可用"),
            (.en, ["terminal too small", "40x12, need 60x14"], "only q (quit) acts here",
             "keys j Enter not acted on; only q (quit) acts"),
        ]
        for (language, head, acts, refused) in cases {
            var s = try bundledState()
            s.language = language
            s = update(s, .resize(width: 40, height: 12))
            XCTAssertEqual(padded(s), centred(head + [acts], width: 40, height: 12, top: 5), "\(language)")
            s = handle(s, .char("j"))
            let one = language == .zh ? "按键 j 未执行；只有 q（退出）可用" : "key j not acted on; only q (quit) acts"
            XCTAssertEqual(padded(s), centred(head + [one], width: 40, height: 12, top: 5), "\(language)")
            s = handle(s, .enter)
            s = handle(s, .char("j"))
            let drawn = padded(s)
            if DisplayWidth.of(refused) <= 40 {
                XCTAssertEqual(drawn, centred(head + [refused], width: 40, height: 12, top: 5), "\(language)")
            } else {
                let wrapped = TextWrap.wrapAtWords(refused, width: 40)
                XCTAssertEqual(drawn, centred(head + wrapped, width: 40, height: 12, top: 5), "\(language)")
            }
            XCTAssertEqual(s.stack.map(\.kind), [.townList], "nothing opened")
        }
    }

    /// At 30x8 the lines break at words, nothing cut; the refusal is on the screen.
    func testAt30x8TheRefusalIsWholeOnTheScreen() throws {
        for language in [Language.zh, .en] {
            var s = try bundledState()
            s.language = language
            s = update(s, .resize(width: 30, height: 8))
            for key: Key in [.char("j"), .char("?"), .char("e")] { s = handle(s, key) }
            let words = screen(s).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            XCTAssertTrue(screen(s).allSatisfy { DisplayWidth.of($0) <= 30 })
            let said = words.joined(separator: " ")
            if language == .zh {
                XCTAssertEqual(words.first, "终端太小")
                XCTAssertTrue(said.contains("30x8，至少需要 60x14"), said)
                XCTAssertTrue(said.replacingOccurrences(of: " ", with: "").contains("按键j?e均未执行；只有q（退出）可用"), said)
                XCTAssertFalse(said.contains("terminal"), said)
            } else {
                XCTAssertEqual(words, ["terminal too small", "30x8, need 60x14", "keys j ? e not acted on; only",
                                       "q (quit) acts"], said)
            }
            XCTAssertFalse(s.showHelp, "? did not open the help")
            XCTAssertEqual(route(.char("q"), in: s), .quit)
        }
    }

    /// At tiny sizes the refusal and what acts stay to the last row (the size, then the heading
    /// give way); nothing is drawn outside the grid.
    func testAtTinySizesTheRefusalIsWhatStays() throws {
        for (w, h) in [(24, 4), (20, 3), (16, 2), (12, 1), (1, 1)] {
            for language in [Language.zh, .en] {
                var s = try bundledState()
                s.language = language
                s = update(s, .resize(width: w, height: h))
                s = handle(s, .char("j"))
                let lines = screen(s)
                XCTAssertEqual(lines.count, h)
                XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= w }, "\(w)x\(h) \(lines)")
                let first = lines.map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? ""
                let start = language == .zh ? "按键" : "key"
                if w >= 4 {
                    XCTAssertTrue(lines.joined().contains(start), "\(w)x\(h) \(language): \(lines)")
                }
                if h <= 2 { XCTAssertTrue(first.hasPrefix(String(start.prefix(w / 2))), "\(w)x\(h): \(lines)") }
            }
        }
    }
}
