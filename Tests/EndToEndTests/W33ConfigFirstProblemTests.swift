import Foundation
import TownsTestSupport
import XCTest

/// Wave 33's fresh user (F7, F8): the dashboard's first frame showed a configuration's period
/// problem (line 2, no line number) before the file's first problem (line 1), which it counted in
/// "+9 more"; `towns config --theme FILE` printed no `theme:` line without a config file; under
/// LANG=C `towns config` named zh as the default language, where the dashboard opens in English.
final class W33ConfigFirstProblemTests: DashboardSessionTestCase {
    func testTheFirstFrameShowsTheFilesFirstProblemWithItsLine() throws {
        let folder = try TemporaryFiles.folder("w33-config-first")
        let file = folder + "/c1.toml"
        try "view = \"nosuch\"\nperiod = \"2099-01\"\nmouse = \"yes\"\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let screen = try session.start(["--config", file], towns: false)
        XCTAssertTrue(screen.joined(separator: "\n").contains("c1.toml:1:"), TmuxSession.show(screen))
        XCTAssertFalse(screen.joined(separator: "\n").contains("c1.toml: period"), TmuxSession.show(screen))
        // The status line is cut at 100 columns: the messages view holds it whole.
        try tmux.send("M")
        let messages = try tmux.waitUntil("the messages") { $0.contains { $0.contains(".toml）") } }
        // The message wraps: its lines read as one.
        let words = messages.map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        XCTAssertTrue(words.contains("c1.toml:1:view：'nosuch' 不是视图"), TmuxSession.show(messages))
        // Since wave 34 the pointer names the file given (W34UiConfigEndToEndTests).
        XCTAssertTrue(words.replacingOccurrences(of: " ", with: "").contains("（另2项：townsconfig--config\(file)）"),
                      TmuxSession.show(messages))
        try tmux.send("q")
    }

    func testTownsConfigSaysTheGivenThemeWithoutAConfigFileAndTheLocalesDefaultLanguage() throws {
        let binary = try Paths.townsBinary()
        let folder = try TemporaryFiles.folder("w33-config-theme")
        let theme = folder + "/th3.toml"
        try "[roles]\nnosuchrole = { fg = \"red\" }\n".write(toFile: theme, atomically: true, encoding: .utf8)
        for (lang, words) in [("zh", "theme: \(theme)（--theme；已使用，有 1 处问题"),
                              ("en", "theme: \(theme) (--theme; used, with 1 problem below")] {
            let r = try runUnconfigured(binary, ["config", "--theme", theme, "--themes", Paths.themes, "--lang", lang],
                                        locale: "C.UTF-8", name: "w33-config-theme")
            XCTAssertEqual(r.status, 1, r.summary)
            XCTAssertTrue(r.stdout.contains(words), r.summary)
        }
        let file = folder + "/c4.toml"
        try "mouse = true\n".write(toFile: file, atomically: true, encoding: .utf8)
        let c = try runUnconfigured(binary, ["config", "--config", file], locale: "C", name: "w33-config-theme")
        XCTAssertEqual(c.status, 0, c.summary)
        XCTAssertTrue(c.stdout.contains("language: (default) en"), c.summary)
        let u = try runUnconfigured(binary, ["config", "--config", file], locale: "C.UTF-8", name: "w33-config-theme")
        XCTAssertTrue(u.stdout.contains("language: （默认）zh"), u.summary)
        try "language = \"zh\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        let z = try runUnconfigured(binary, ["config", "--config", file], locale: "C", name: "w33-config-theme")
        // The file's language words `towns config` (as `towns check`), and it says the dashboard will not use it.
        XCTAssertTrue(z.stdout.contains("language: zh（未使用：区域设置不是 UTF-8，用 en）"), z.summary)
    }
}
