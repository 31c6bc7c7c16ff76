import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// The frame drawn before a large dataset's first frame says what is being worked out, in the
/// language shown, and in ASCII where the glyphs are ASCII.
final class WorkingFrameTests: XCTestCase {
    func testItNamesTheWorkAndTheTownsInTheLanguageShown() throws {
        var state = AppState(dataset: try DatasetLoader.load(directory: repositoryRoot + "/Data").dataset, width: 80,
                             height: 24)
        state.language = .zh
        let zh = Renderer(theme: .monochrome).workingFrame(state).lines()
        XCTAssertEqual(zh.count, 24)
        XCTAssertTrue(zh[0].hasPrefix("towns · 正在计算第一屏（5 个小镇）…"), zh[0])
        XCTAssertTrue(zh.dropFirst().allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty })
        state.language = .en
        let en = Renderer(theme: .monochrome, glyphs: .ascii).workingFrame(state).lines()
        XCTAssertTrue(en[0].hasPrefix("towns - working out the first screen (5 towns)."), en[0])
        XCTAssertTrue(en[0].unicodeScalars.allSatisfy(\.isASCII), en[0])
    }
}
