import Foundation
import TownsTestSupport
import XCTest

/// Wave 29 (fresh users' findings on the meeting's words): `towns follow --help` described
/// `--themes` in the report's words; `towns follow x --view` got the parser's "missing value";
/// `towns report --view bogus` and `towns present x --view bogus` ended with an English `Help:` line
/// under a Chinese interface; the meeting's messages read the default configuration file's language
/// whatever `--config` named.
final class W29WordsCommandLineTests: XCTestCase {
    func testFollowsHelpDescribesThemesInItsOwnWordsInBothLanguages() throws {
        let help = try helpWords(["follow", "--help"])
        XCTAssertFalse(help.words.contains("A report"), help.summary)
        XCTAssertTrue(help.words.contains("the presenter's theme is not sent"), help.summary)
        XCTAssertTrue(help.words.contains("主持人的主题不会发来"), help.summary)
        XCTAssertTrue(help.words.contains("跟随时也可按 t 更换"), help.summary)
        // The report keeps its own words.
        XCTAssertTrue(try helpWords(["report", "--help"]).words.contains("A report has no colours"))
    }

    func testFollowRefusesAPresenterChoiceWithoutAValueAsWithOne() throws {
        let binary = try Paths.townsBinary()
        for (locale, lang, chinese) in [("C.UTF-8", [String](), true), ("C.UTF-8", ["--lang", "en"], false),
                                        ("C", [], false)] {
            for option in ["--view", "--period", "--town", "--filter"] {
                let known = try runUnconfigured(binary, ["follow", "weekly", option, "x"] + lang,
                                                locale: locale, name: "w29-follow")
                for bare in [["follow", "weekly"] + lang + [option], ["follow", "weekly", option] + lang] {
                    let r = try runUnconfigured(binary, bare, locale: locale, name: "w29-follow")
                    let context = "LANG=\(locale) \(bare): \(r.summary)"
                    XCTAssertEqual(r.status, 2, context)
                    XCTAssertEqual(r.stderr, known.stderr, context)
                    XCTAssertTrue(r.stderr.contains(chinese ? "\(option)：跟随时显示主持人选择的" : "\(option): a follower is"),
                                  context)
                    XCTAssertFalse(r.stderr.contains("缺少值") || r.stderr.contains("Missing value"), context)
                }
            }
        }
    }

    func testABadValuesHelpLineFollowsTheInterfacesLanguage() throws {
        let binary = try Paths.townsBinary()
        for arguments in [["report", "--view", "bogus"], ["present", "x", "--view", "bogus"],
                          ["report", "--format", "bogus"], ["report", "--width", "x"]] {
            let zh = try runUnconfigured(binary, arguments + ["--data", Paths.data], locale: "C.UTF-8", name: "w29-help")
            XCTAssertEqual(zh.status, 2, zh.summary)
            XCTAssertFalse(zh.stderr.contains("Help:"), zh.summary)
            let option = arguments[arguments.count - 2]
            let line = try XCTUnwrap(zh.stderr.split(separator: "\n").first { $0.hasPrefix("帮助：") }, zh.summary)
            XCTAssertTrue(line.hasPrefix("帮助：\(option) <"), zh.summary)
            // The option's help in Chinese, no English sentence.
            XCTAssertFalse(line.contains("What to print") || line.contains("Open on") || line.contains("Output format")
                               || line.contains("Width of"), zh.summary)
            let en = try runUnconfigured(binary, arguments + ["--data", Paths.data, "--lang", "en"], locale: "C.UTF-8",
                                         name: "w29-help")
            XCTAssertTrue(en.stderr.contains("Help:  \(option) <"), en.summary)
        }
        let view = try runUnconfigured(binary, ["report", "--view", "bogus"], locale: "C.UTF-8", name: "w29-help")
        XCTAssertTrue(view.stderr.contains("帮助：--view <view>  要输出的视图：overview、towns、"), view.summary)
    }

    func testMeetingMessagesFollowTheConfigurationFileNamed() throws {
        let binary = try Paths.townsBinary()
        let folder = try TemporaryFiles.folder("w29-meetings")
        let configs = try TemporaryFiles.folder("w29-config")
        for (language, english) in [("en", true), ("zh", false)] {
            let config = configs + "/\(language).toml"
            try "language = \"\(language)\"\n".write(toFile: config, atomically: true, encoding: .utf8)
            // The locale alone would say the other language.
            let locale = english ? "C.UTF-8" : "C"
            for arguments in [["follow", "nosuch"], ["follow"]] {
                let r = try runUnconfigured(binary, arguments + ["--data", Paths.data, "--config", config],
                                            locale: locale, name: "w29-config", more: ["TOWNS_MEETINGS": folder])
                let context = "\(language) \(arguments): \(r.summary)"
                XCTAssertEqual(r.status, 4, context)
                let chinese = r.stderr.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
                XCTAssertEqual(chinese, !english, context)
            }
        }
    }
}

/// Wave 29: after `:follow off` the help's hint line said `会议结束` (meeting ended), and
/// `:messages` filed the leave as a warning; it says the follower left and browses alone, as
/// information, in the interface's language.
final class W29WordsFollowOffEndToEndTests: XCTestCase {
    func testLeavingSaysSoAsInformationInTheInterfacesLanguage() throws {
        let folder = try TemporaryFiles.folder("w29-follow-off")
        chmod(folder, 0o755)
        let presenter = try DashboardSession(label: "w29present", width: 120, height: 30)
        defer { presenter.kill() }
        let follower = try DashboardSession(label: "w29follow", width: 120, height: 30)
        defer { follower.kill() }
        try startTowns(presenter, ["present", "weekly"], meetingsIn: folder)
        try presenter.tmux.waitFor("会议 weekly：0 人跟随")
        try startTowns(follower, ["follow", "weekly"], meetingsIn: folder)
        try follower.tmux.waitFor("跟随 ")
        try follower.tmux.send(":")
        try follower.tmux.typeLine("follow off")
        var screen = try follower.tmux.waitFor("已离开会议 weekly")
        XCTAssertTrue(screen[28].contains("已离开会议 weekly，独自浏览（:follow weekly 重新加入）"),
                      TmuxSession.show(screen))
        try follower.tmux.send("?")
        screen = try follower.tmux.waitFor("关闭帮助")
        XCTAssertFalse(screen[29].contains("会议结束"), TmuxSession.show(screen))
        XCTAssertTrue(screen[29].trimmingCharacters(in: .whitespaces).hasSuffix(" 已离开会议"), TmuxSession.show(screen))
        try follower.tmux.send("?")
        try follower.tmux.send("M")
        screen = try follower.tmux.waitFor("已离开会议 weekly，独自浏览")
        let entry = try XCTUnwrap(screen.first { $0.contains("已离开会议 weekly") }, TmuxSession.show(screen))
        XCTAssertFalse(entry.contains("警告"), entry)
        XCTAssertFalse(screen.joined().contains("left the meeting"), TmuxSession.show(screen))
        // The presenter goes on: its count falls back.
        try presenter.tmux.waitFor("会议 weekly：0 人跟随")
    }
}
