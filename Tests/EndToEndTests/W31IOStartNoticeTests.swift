import Foundation
import TownsUI
import XCTest

@testable import towns

/// Wave 31: the first start's notice broken at words to the terminal's width (wave 30's fresh
/// user saw `builds a s|napshot`, the terminal's own wrap at 80 columns).
final class W31IOStartNoticeTests: XCTestCase {
    let folder = "/tmp/towns-slow-0B8E5D0C-5E8A-4C1B-9D55-0F6F0B0B7A11"

    func testTheFirstStartsNoticeBreaksAtWordsWithinTheTerminalsWidth() {
        let english = SlowStartNotice.line(directory: folder, utf8: false)
        XCTAssertFalse(english.contains("\n"), "no width: one line, as before")
        for width in [40, 60, 80, 100, 132] {
            for utf8 in [true, false] {
                let lines = SlowStartNotice.line(directory: folder, utf8: utf8, width: width)
                    .components(separatedBy: "\n")
                for line in lines {
                    XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "\(width): \(line)")
                }
                // Every English word whole on one line (`snapshot`, never `s` | `napshot`), but one
                // wider than the terminal (the folder at 40 columns).
                let words = Set(lines.flatMap { $0.split(separator: " ").map(String.init) })
                let sentence = utf8 ? english.replacingOccurrences(of: "...", with: "…") : english
                for word in sentence.split(separator: " ") where word.count <= width {
                    XCTAssertTrue(words.contains(String(word)), "\(width) utf8 \(utf8): '\(word)' broken: \(lines)")
                }
                if utf8 {
                    XCTAssertTrue(lines.contains { $0.hasPrefix("towns: 正在读取") }, "\(lines)")
                    XCTAssertTrue(lines.joined().contains("快照在后台生成"), "\(lines)")
                }
            }
        }
    }
}
