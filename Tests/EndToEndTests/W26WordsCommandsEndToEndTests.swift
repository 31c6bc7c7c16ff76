import Foundation
import TownsTestSupport
import XCTest

/// Wave 25's second fresh user's G2 and G4, fixed in wave 26, through the command line: every
/// command's help lists exactly the shared options it takes; `towns config` speaks the
/// interface's language and says a theme file with bad lines is used, with its problems.
final class W26WordsCommandsEndToEndTests: XCTestCase {
    /// `arguments` under `locale` with no configuration and a cache of its own (`runFresh`).
    func run(_ arguments: [String], locale: String = "C.UTF-8") throws -> ProcessResult {
        try runFresh(try Paths.townsBinary(), arguments, locale: locale, name: "w26words-commands")
    }

    /// The options of `towns` every command may be given (before or after its name), with a value.
    static let shared: [(name: String, arguments: [String])] = [
        ("--lang", ["--lang", "en"]), ("--ascii", ["--ascii"]), ("--themes", ["--themes", Paths.themes]),
        ("--theme", ["--theme", "default"]),
    ]

    /// The positional arguments of a usage line (`<FILE.csv>` outside any `[...]`), one word each.
    static func positionals(_ usage: String) -> [String] {
        var depth = 0, out: [String] = [], word = ""
        for c in usage + " " {
            if c == "[" { depth += 1 } else if c == "]" { depth -= 1 }
            if c == " " {
                if depth == 0, word.hasPrefix("<") { out.append("w26-arg") }
                word = ""
            } else {
                word.append(c)
            }
        }
        return out
    }

    /// G2: `towns config --help` listed `--lang` and `--ascii`, which it refused (exit 2); `towns
    /// check --help` did not list `--lang`, which it takes. Every command listed by `towns --help`
    /// now lists in its usage and options exactly the shared options it accepts: each given with an
    /// unknown option after it is refused by name (exit 2, "does not use") or else only for the unknown.
    func testEveryCommandsHelpListsExactlyTheSharedOptionsItTakes() throws {
        let top = try run(["--help"], locale: "C")
        XCTAssertEqual(top.status, 0, top.summary)
        // The list ends at its first blank line (then "See 'towns help <subcommand>' …").
        let list = top.stdout.components(separatedBy: "SUBCOMMANDS:\n").last!.components(separatedBy: "\n\n")[0]
        let commands = list.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), let c = line.dropFirst(2).first, c.isLetter else { return nil }
            return String(line.dropFirst(2).prefix { $0 != " " })
        }
        XCTAssertTrue(commands.contains("config") && commands.contains("check") && commands.count >= 10, top.stdout)
        var seen: [String: [String]] = [:]
        for command in commands {
            let help = try run([command, "--help"], locale: "C")
            XCTAssertEqual(help.status, 0, help.summary)
            let usage = try XCTUnwrap(
                help.stdout.split(separator: "\n").first { $0.hasPrefix("USAGE: towns \(command)") }, help.stdout)
            let options = help.stdout.components(separatedBy: "OPTIONS:").last!
            // A long usage is shortened to `<options>`: the options' list says then.
            let shortened = usage.contains("<options>")
            for option in Self.shared {
                let inOptions = options.split(separator: "\n").contains { $0.hasPrefix("  \(option.name) ") }
                let inUsage = shortened ? inOptions
                    : usage.contains("[\(option.name) ") || usage.contains("[\(option.name)]")
                XCTAssertEqual(inUsage, inOptions, "\(command) \(option.name)\n" + help.stdout)
                let r = try run([command] + Self.positionals(String(usage)) + option.arguments + ["--w26-no-such"],
                                locale: "C")
                XCTAssertEqual(r.status, 2, "\(command) \(option.name)\n" + r.summary)
                let refused = r.stderr.contains("does not use \(option.name)")
                XCTAssertTrue(refused || r.stderr.contains("--w26-no-such"), "\(command) \(option.name)\n" + r.summary)
                XCTAssertEqual(inUsage, !refused, "\(command) \(option.name): listed \(inUsage)\n" + r.summary)
                if inUsage { seen[command, default: []].append(option.name) }
            }
        }
        // The findings' two commands, as README's command reference says.
        XCTAssertEqual(seen["check"], ["--lang"])
        XCTAssertEqual(seen["config"], ["--lang", "--themes", "--theme"])
        XCTAssertEqual(seen["report"], Self.shared.map(\.name))
    }

    /// A theme file with the title good and three bad lines, and a configuration choosing it
    /// (`more` added to the configuration): the configuration's path and the theme's.
    func configuredBadTheme(_ more: String = "") throws -> (config: String, theme: String) {
        let folder = try TemporaryFiles.folder("w26-words-config")
        let theme = folder + "/bad3.toml"
        try """
            [theme]
            name = "bad3"

            [roles]
            title = { fg = "bright-white", bg = "red", bold = true }
            row = { fg = 256 }
            legend = { underline = 1 }
            zzz = { fg = "red" }

            """.write(toFile: theme, atomically: true, encoding: .utf8)
        let config = folder + "/config.toml"
        try "theme = \"\(theme)\"\n\(more)".write(toFile: config, atomically: true, encoding: .utf8)
        return (config, theme)
    }

    /// G4: `towns config` said a configured theme file with bad lines was "not used: no such theme;
    /// default in use", while the dashboard draws with its good roles. It says the file is used, with
    /// how many problems (each listed), whose roles are drawn as the default theme's; exit 1.
    func testConfigSaysAThemeWithBadLinesIsUsedWithItsProblems() throws {
        let (config, theme) = try configuredBadTheme()
        let arguments = ["config", "--config", config, "--data", Paths.data, "--themes", Paths.themes]
        let en = try run(arguments + ["--lang", "en"])
        XCTAssertEqual(en.status, 1, en.summary)
        XCTAssertFalse(en.stdout.contains("no such theme") || en.stdout.contains("not used"), en.summary)
        let problems = en.stderr.split(separator: "\n").filter { $0.contains(config + ":1: theme: ") }
        XCTAssertGreaterThanOrEqual(problems.count, 2, en.summary)
        XCTAssertTrue(problems.allSatisfy { $0.contains(theme) }, en.summary)
        XCTAssertTrue(en.stdout.contains("theme: \(theme) (used, with \(problems.count) problems below: those roles "
                                         + "drawn as the default theme's)"), en.summary)
        let zh = try run(arguments + ["--lang", "zh"])
        XCTAssertEqual(zh.status, 1, zh.summary)
        XCTAssertTrue(zh.stdout.contains("theme: \(theme)（已使用，有 \(problems.count) 处问题（见下）：这些角色按默认主题绘制）"),
                      zh.summary)
        // The same file given with --theme says the same of it.
        let given = try run(["config", "--config", config, "--themes", Paths.themes, "--theme", theme, "--lang", "en"])
        XCTAssertEqual(given.status, 1, given.summary)
        XCTAssertTrue(given.stdout.contains("(--theme; used, with \(problems.count) problems below"), given.summary)
        // A theme that is not there is still "not used".
        try "theme = \"nosuch\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let missing = try run(arguments + ["--lang", "en"])
        XCTAssertEqual(missing.status, 1, missing.summary)
        XCTAssertTrue(missing.stdout.contains("theme: nosuch (not used: no such theme; default in use)"),
                      missing.summary)
    }

    /// G2 (README Known gaps: "`towns config` prints English only"): `towns config` takes `--lang`
    /// (it was refused, exit 2) and the config file's `language`, as the other commands: its own
    /// words and the theme's problems are in that language; `--ascii` is still refused.
    func testConfigSpeaksTheInterfacesLanguage() throws {
        let (config, _) = try configuredBadTheme("language = \"zh\"\n")
        let arguments = ["config", "--config", config, "--data", Paths.data, "--themes", Paths.themes]
        // Under LANG=C (English by default) the file's `language = "zh"` chooses Chinese.
        for r in [try run(arguments, locale: "C"), try run(arguments + ["--lang", "zh"], locale: "C")] {
            XCTAssertEqual(r.status, 1, r.summary)
            XCTAssertTrue(r.stdout.contains("view: （默认）overview"), r.summary)
            XCTAssertTrue(r.stdout.contains("处问题"), r.summary)
            XCTAssertTrue(r.stderr.contains("不是颜色"), r.summary)
            XCTAssertFalse(r.stdout.contains("(default)") || r.stdout.contains("problems below"), r.summary)
        }
        let en = try run(arguments + ["--lang", "en"])
        XCTAssertEqual(en.status, 1, en.summary)
        XCTAssertTrue(en.stdout.contains("view: (default) overview"), en.summary)
        XCTAssertFalse(en.stdout.contains("默认") || en.stderr.contains("不是颜色"), en.summary)
        let ascii = try run(arguments + ["--ascii"], locale: "C")
        XCTAssertEqual(ascii.status, 2, ascii.summary)
        // Refused in the file's language (`language = "zh"`), as every usage error.
        XCTAssertTrue(ascii.stderr.contains("towns config 不用 --ascii"), ascii.summary)
    }
}
