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
        // In the file's order (wave 25's fresh user, F7: the first one listed is the first line).
        XCTAssertTrue(warnings[0].hasPrefix("x.toml:4: roles.title.fg: 'purple' is not a colour"), warnings[0])
        XCTAssertTrue(warnings[1].hasPrefix("x.toml:5: roles.nosuch: unknown role"), warnings[1])
        XCTAssertTrue(warnings[2].hasPrefix("x.toml:6: roles.header.bold"), warnings[2])
        // Two attributes on one line: in their order on it.
        let two = try Theme.parse("[roles]\nrow = { fg = \"chartreuse\", bold = \"yes\" }\n", file: "y.toml").1
        XCTAssertEqual(two.map { String($0.prefix(19)) }, ["y.toml:2: roles.row", "y.toml:2: roles.row"])
        XCTAssertTrue(two[0].contains("row.fg") && two[1].contains("row.bold"), two.joined(separator: "\n"))
        XCTAssertEqual(theme.style(.row).foreground, .ansi(2), "a role not given falls back")
    }

    func testSyntaxErrorThrows() {
        XCTAssertThrowsError(try Theme.parse("[roles\n", file: "bad.toml"))
    }
}

final class ThemeFilesTests: XCTestCase {
    func load(_ name: String) throws -> Theme {
        let base = try Theme.parse(try String(contentsOfFile: repositoryRoot + "/Themes/default.toml", encoding: .utf8), file: "default.toml").0
        let path = repositoryRoot + "/Themes/\(name).toml"
        let (theme, warnings) = try Theme.parse(try String(contentsOfFile: path, encoding: .utf8), file: path, fallback: base)
        XCTAssertEqual(warnings, [], name)
        return theme
    }

    func testEveryThemeFileParsesCleanly() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/Themes").filter { $0.hasSuffix(".toml") }
        XCTAssertEqual(Set(files), ["default.toml", "light.toml", "high-contrast.toml", "monochrome.toml"])
        for f in files where f != "default.toml" { _ = try load(String(f.dropLast(5))) }
    }

    func testLightThemeSetsThePageColourOnce() throws {
        let light = try load("light")
        XCTAssertEqual(light.style(.row).background, .indexed(231), "rows take the page colour")
        XCTAssertEqual(light.style(.row).foreground, .ansi(0))
        XCTAssertEqual(light.style(.title).background, .indexed(25), "a role's own colour wins")
    }

    func testMonochromeFileHasNoColourAndMatchesTheBuiltIn() throws {
        let mono = try load("monochrome")
        for role in Role.allCases {
            XCTAssertEqual(mono.style(role).foreground, .default, "\(role)")
            XCTAssertEqual(mono.style(role).background, .default, "\(role)")
            XCTAssertEqual(mono.style(role), Theme.monochrome.style(role), "the file and the no-colour fallback agree on \(role)")
        }
        XCTAssertTrue(mono.style(.selection).reverse)
    }
}

final class ThemedRenderTests: XCTestCase {
    func testLightThemeColoursEveryCell() throws {
        let base = try Theme.parse(try String(contentsOfFile: repositoryRoot + "/Themes/default.toml", encoding: .utf8), file: "d").0
        let light = try Theme.parse(try String(contentsOfFile: repositoryRoot + "/Themes/light.toml", encoding: .utf8), file: "l", fallback: base).0
        let state = try bundledState()
        let grid = Renderer(theme: light).render(state)
        XCTAssertEqual(grid[2, 3].style.background, .indexed(231), "table header on the page colour")
        XCTAssertEqual(grid[2, 6].style.background, .indexed(231), "a row on the page colour")
        XCTAssertEqual(grid[50, 20].style.background, .indexed(231), "empty space on the page colour")
    }
}
