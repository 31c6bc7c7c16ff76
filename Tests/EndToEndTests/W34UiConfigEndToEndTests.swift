import Foundation
import TownsTestSupport
import XCTest

/// Wave 34's fresh user: the first notice's pointer named `towns config`, which without `--config
/// PATH` read the default file and listed none of the given file's problems (F8); Chinese `towns
/// config` wrote a theme's problem as `theme: 没有主题…` where the other problems read `view：…` (C).
final class W34UiConfigEndToEndTests: DashboardSessionTestCase {
    func testThePointerNamesTheGivenConfigFile() throws {
        let folder = try TemporaryFiles.folder("w34ui-config-pointer")
        let file = folder + "/c1.toml"
        try "view = \"nosuch\"\nmouse = \"yes\"\ncycle = [\"x\"]\n".write(toFile: file, atomically: true, encoding: .utf8)
        _ = try session.start(["--config", file], towns: false)
        try tmux.send("M")
        let messages = try tmux.waitUntil("the messages") { $0.contains { $0.contains("c1.toml") } && $0.contains { $0.contains("）") } }
        let words = messages.map { $0.trimmingCharacters(in: .whitespaces) }.joined().replacingOccurrences(of: " ", with: "")
        XCTAssertTrue(words.contains("（另2项：townsconfig--config\(file)）"), TmuxSession.show(messages))
        try tmux.send("q")
        // The command named lists those problems.
        let r = try runUnconfigured(try Paths.townsBinary(), ["config", "--config", file], locale: "C.UTF-8",
                                    name: "w34ui-config-pointer")
        XCTAssertEqual(r.status, 1, r.summary)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 3, r.summary)
    }

    func testChineseTownsConfigWritesTheThemesProblemAsTheOthers() throws {
        let folder = try TemporaryFiles.folder("w34ui-config-theme")
        let file = folder + "/c2.toml"
        try "view = \"nosuch\"\ntheme = \"nope\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try runUnconfigured(try Paths.townsBinary(), ["config", "--config", file, "--themes", Paths.themes,
                                                               "--lang", "zh"], locale: "C.UTF-8", name: "w34ui-config-theme")
        XCTAssertEqual(r.status, 1, r.summary)
        XCTAssertTrue(r.stderr.contains("c2.toml:1: view：'nosuch'"), r.summary)
        XCTAssertTrue(r.stderr.contains("c2.toml:2: theme：没有主题"), r.summary)
        XCTAssertFalse(r.stderr.contains("theme: "), r.summary)
        let en = try runUnconfigured(try Paths.townsBinary(), ["config", "--config", file, "--themes", Paths.themes,
                                                                "--lang", "en"], locale: "C.UTF-8", name: "w34ui-config-theme")
        XCTAssertTrue(en.stderr.contains("c2.toml:2: theme: no theme"), en.summary)
    }
}
