import Foundation
import TownsUI
import XCTest

final class ThemeTests: XCTestCase {
    func testDefaultThemeFileParsesCleanly() throws {
        let path = repositoryRoot + "/Themes/default.toml"
        let (theme, warnings) = try Theme.parse(try String(contentsOfFile: path, encoding: .utf8), file: path)
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(theme.name, "default")
        XCTAssertEqual(theme.style(.title).background, .ansi(4))
        XCTAssertEqual(theme.style(.unknown).foreground, .indexed(245))
        XCTAssertEqual(Set(theme.styles.keys), Set(Role.allCases), "the default theme gives every role")
    }

    func testBadValuesAreWarningsWithLines() throws {
        let text = "[theme]\nname = \"x\"\n[roles]\ntitle = { fg = \"purple\" }\nnosuch = { fg = \"red\" }\nheader = { bold = \"yes\" }\n"
        let fallback = Theme(name: "base", styles: [.row: Style(foreground: .ansi(2)), .title: Style(bold: true)])
        let (theme, warnings) = try Theme.parse(text, file: "x.toml", fallback: fallback)
        XCTAssertEqual(warnings.count, 3, warnings.joined(separator: "\n"))
        XCTAssertTrue(warnings[0].hasPrefix("x.toml:6: roles.header.bold"), warnings[0])
        XCTAssertTrue(warnings[1].hasPrefix("x.toml:5: roles.nosuch: unknown role"), warnings[1])
        XCTAssertTrue(warnings[2].hasPrefix("x.toml:4: roles.title.fg: 'purple' is not a colour"), warnings[2])
        XCTAssertEqual(theme.style(.row).foreground, .ansi(2), "a role not given falls back")
    }

    func testSyntaxErrorThrows() {
        XCTAssertThrowsError(try Theme.parse("[roles\n", file: "bad.toml"))
    }
}
