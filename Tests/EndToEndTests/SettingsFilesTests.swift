import Foundation
import XCTest

/// `towns config` on a configuration or a theme the TOML parser would abort on (`[中]`, a
/// NUL) or that is not a file: a message naming the file and line, exit 1; never 134.
final class SettingsFilesTests: XCTestCase {
    func testHostileConfigurationAndThemeAreMessages() throws {
        let binary = try Paths.townsBinary()
        let folder = NSTemporaryDirectory() + "towns-settings-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/Themes", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in try FileManager.default.contentsOfDirectory(atPath: Paths.themes) {
            try FileManager.default.copyItem(atPath: Paths.themes + "/" + name, toPath: folder + "/Themes/" + name)
        }
        for (text, where_) in [("view = \"towns\"\n[中]\n", ":2:2:"), ("view = \"towns\"\n\u{0}\n", ":2:1:")] {
            let config = folder + "/config.toml"
            try text.write(toFile: config, atomically: true, encoding: .utf8)
            let r = try runProcess(binary, ["config", "--config", config, "--data", Paths.data,
                                            "--themes", folder + "/Themes"])
            XCTAssertNil(r.signal, r.summary)
            XCTAssertEqual(r.status, 1, r.summary)
            XCTAssertTrue(r.stderr.contains(config + where_), r.summary)
        }
        // A theme with `[中]`, chosen by the configuration.
        try "[中]\n".write(toFile: folder + "/Themes/bad.toml", atomically: true, encoding: .utf8)
        try "theme = \"bad\"\n".write(toFile: folder + "/config.toml", atomically: true, encoding: .utf8)
        let r = try runProcess(binary, ["config", "--config", folder + "/config.toml", "--data", Paths.data,
                                        "--themes", folder + "/Themes"])
        XCTAssertNil(r.signal, r.summary)
        XCTAssertEqual(r.status, 1, r.summary)
        XCTAssertTrue(r.stderr.contains("bad.toml:1:2:"), r.summary)
        // A FIFO as the configuration: refused unread, no wait for a writer.
        let fifo = folder + "/fifo.toml"
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        // In the language chosen (since wave 32 a file's problems are said in Chinese too).
        for (lang, words) in [("en", "not a regular file"), ("zh", "不是普通文件")] {
            let f = try runProcess(binary, ["config", "--config", fifo, "--data", Paths.data, "--lang", lang], timeout: 10)
            XCTAssertFalse(f.timedOut, f.summary)
            XCTAssertEqual(f.status, 1, f.summary)
            XCTAssertTrue(f.stderr.contains(words), f.summary)
        }
    }

    /// A period or theme the data or the themes folder refuses names its line (not line 0) and
    /// is shown as not used; every key of a rebinding that cannot be bound is named.
    func testRefusedSettingsNameTheirLinesAndAreShownAsNotUsed() throws {
        let binary = try Paths.townsBinary()
        let config = NSTemporaryDirectory() + "towns-config-\(UUID().uuidString).toml"
        defer { try? FileManager.default.removeItem(atPath: config) }
        try "view = \"towns\"\nperiod = \"2099-01\"\ntheme = \"nosuch\"\n[keys]\nmoveDown = [\"Ctrl-Q\", \"F13\"]\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        let r = try runProcess(binary, ["config", "--config", config, "--data", Paths.data, "--themes", Paths.themes,
                                        "--lang", "en"])
        XCTAssertEqual(r.status, 1, r.summary)
        XCTAssertTrue(r.stderr.contains(config + ":2: period: '2099-01'"), r.summary)
        XCTAssertTrue(r.stderr.contains(config + ":3: theme:"), r.summary)
        XCTAssertTrue(r.stderr.contains("'Ctrl-Q' belongs to the terminal") && r.stderr.contains("unknown key 'F13'"), r.summary)
        XCTAssertFalse(r.stderr.contains(":0:"), r.summary)
        XCTAssertTrue(r.stdout.contains("period: 2099-01 (not used:"), r.summary)
        XCTAssertTrue(r.stdout.contains("theme: nosuch (not used:"), r.summary)
    }

    /// The dashboard's "(+N more: towns config --theme X)" is a command that lists every problem of
    /// the theme given on the command line, each with its file, line and field (it was refused).
    func testConfigThemeListsEveryProblemOfThatTheme() throws {
        let binary = try Paths.townsBinary()
        let theme = NSTemporaryDirectory() + "towns-theme-\(UUID().uuidString).toml"
        defer { try? FileManager.default.removeItem(atPath: theme) }
        try "[roles]\nheader = { fg = \"nocolour\" }\nrow = { fg = \"red\", x = 1 }\nfoo = { fg = \"red\" }\n"
            .write(toFile: theme, atomically: true, encoding: .utf8)
        let none = NSTemporaryDirectory() + "towns-plain-config-\(UUID().uuidString).toml"
        defer { try? FileManager.default.removeItem(atPath: none) }
        try "view = \"overview\"\n".write(toFile: none, atomically: true, encoding: .utf8)
        for args in [["config", "--theme", theme], ["--theme", theme, "config"]] {
            let r = try runProcess(binary, args + ["--config", none, "--data", Paths.data, "--themes", Paths.themes])
            XCTAssertEqual(r.status, 1, "problems: exit 1, not a usage error: \(r.summary)")
            for (line, field) in [(2, "roles.header.fg"), (3, "roles.row.x"), (4, "roles.foo")] {
                XCTAssertTrue(r.stderr.contains("--theme \(theme): \(theme):\(line): \(field): "),
                              "\(field): \(r.summary)")
            }
        }
        let good = try runProcess(binary, ["config", "--theme", "light", "--config", none, "--themes", Paths.themes])
        XCTAssertEqual(good.status, 0, good.summary)
        XCTAssertEqual(good.stderr, "", good.summary)
    }
}
