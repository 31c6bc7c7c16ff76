import Foundation
import TownsTestSupport
import XCTest

/// Wave 39's fresh user broke `Themes/light.toml` and asked for it: `towns config --theme light` said
/// "no theme 'light'", though the file is there. Now the theme's file error is named, then that
/// the theme could not be used, in either language; a theme that is not in the folder is still "no theme".
final class W39ThemeFileErrorsEndToEndTests: XCTestCase {
    func testABrokenThemeIsSaidToHaveErrorsNotToBeMissing() throws {
        let binary = try Paths.townsBinary()
        let themes = try TemporaryFiles.folder("w39-themes")
        for name in ["default.toml", "light.toml"] {
            try FileManager.default.copyItem(atPath: Paths.themes + "/" + name, toPath: themes + "/" + name)
        }
        try "name = \"light\"\n[roles\ntitle = { fg = \"red\" }\n".write(toFile: themes + "/light.toml", atomically: true,
                                                                           encoding: .utf8)
        let en = try runProcess(binary, ["config", "--themes", themes, "--theme", "light", "--data", Paths.data,
                                         "--lang", "en"])
        XCTAssertTrue((en.stdout + en.stderr).contains("theme 'light' could not be used: its file has errors"), en.summary)
        XCTAssertTrue((en.stdout + en.stderr).contains("light.toml:2"), "the file's error, with its line: \(en.summary)")
        XCTAssertFalse((en.stdout + en.stderr).contains("no theme 'light'"), en.summary)
        let zh = try runProcess(binary, ["config", "--themes", themes, "--theme", "light", "--data", Paths.data,
                                         "--lang", "zh"])
        XCTAssertTrue((zh.stdout + zh.stderr).contains("主题“light”的文件有错（见上一条），未能使用"), zh.summary)
        XCTAssertFalse((zh.stdout + zh.stderr).contains("没有主题“light”"), zh.summary)
        // Not in the folder at all: still "no theme".
        let missing = try runProcess(binary, ["config", "--themes", themes, "--theme", "nosuch", "--data", Paths.data,
                                              "--lang", "en"])
        XCTAssertTrue((missing.stdout + missing.stderr).contains("no theme 'nosuch'"), missing.summary)
    }
}
