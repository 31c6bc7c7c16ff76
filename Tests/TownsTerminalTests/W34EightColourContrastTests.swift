import Foundation
import XCTest

@testable import TownsTerminal
@testable import TownsUI

/// Wave 33's fresh user: under TERM=xterm (8 colours) the light theme's selection band was white
/// text on cyan (231 on 31, each the nearest of the 8), hard to read on a projector. On 8 colours
/// cyan, green, yellow and white are light: no role of a bundled theme draws white text on one.
final class W34EightColourContrastTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    func testNoBundledThemeDrawsWhiteOnALightColourOnEightColours() throws {
        let base = try Theme.parse(
            try String(contentsOfFile: Self.root + "/Themes/default.toml", encoding: .utf8), file: "default.toml").0
        let mapping = ColorMapping(capability: .eight, colorCount: 8, hasDefaultColors: true)
        var checked = 0
        for name in ["default", "light", "high-contrast", "monochrome"] {
            let path = Self.root + "/Themes/\(name).toml"
            let theme = try Theme.parse(try String(contentsOfFile: path, encoding: .utf8), file: path,
                                        fallback: base).0.onEightColours
            for role in Role.allCases {
                let cell = mapping.cell(theme.style(role))
                guard cell.background >= 0 else { continue }
                checked += 1
                XCTAssertFalse([2, 3, 6, 7].contains(cell.background) && cell.foreground == 7,
                               "\(name).\(role.rawValue): white on colour \(cell.background)")
            }
        }
        XCTAssertGreaterThan(checked, 20)
    }
}
