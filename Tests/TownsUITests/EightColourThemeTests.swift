import Foundation
import TownsUI
import XCTest

/// A theme's `[roles8]`: styles for a terminal of 8 (or 16) colours, where palette colours
/// become the nearest of the 8 (the light theme's brown derived would come out red, as behind).
final class EightColourThemeTests: XCTestCase {
    func testTheLightThemesDerivedHasAColourOfItsOwnOnEightColours() throws {
        let base = try Theme.parse(
            try String(contentsOfFile: repositoryRoot + "/Themes/default.toml", encoding: .utf8), file: "default.toml").0
        let path = repositoryRoot + "/Themes/light.toml"
        let (light, warnings) = try Theme.parse(try String(contentsOfFile: path, encoding: .utf8), file: path,
                                                fallback: base)
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(light.style(.derived).foreground, .indexed(130), "256 colours: as before")
        let eight = light.onEightColours
        XCTAssertEqual(eight.style(.derived).foreground, .ansi(4), "blue, not red")
        XCTAssertEqual(eight.style(.derived).background, .indexed(231), "on the page")
        XCTAssertEqual(eight.style(.behind), light.style(.behind), "the other roles as they were")
        XCTAssertNotEqual(eight.style(.derived).foreground, eight.style(.behind).foreground)
        XCTAssertNotEqual(eight.style(.derived).foreground, eight.style(.warning).foreground)
        XCTAssertTrue(base.eightColourStyles.isEmpty && light.eightColourStyles.count == 2,
                      "not inherited from the fallback")
    }

    func testABadRoleInRolesEightIsAWarningWithItsLine() throws {
        let text = "[roles]\nderived = { fg = 130 }\n[roles8]\nderived = { fg = \"blue\" }\nnosuch = { fg = \"red\" }\n"
        let (theme, warnings) = try Theme.parse(text, file: "t.toml")
        XCTAssertEqual(warnings.count, 1, "\(warnings)")
        XCTAssertTrue(warnings[0].hasPrefix("t.toml:5: roles8.nosuch: unknown role"), warnings[0])
        XCTAssertEqual(theme.onEightColours.style(.derived).foreground, .ansi(4))
    }
}
