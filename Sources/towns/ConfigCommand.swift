import ArgumentParser
import Foundation
import TownsCore
import TownsTerminal
import TownsUI

/// `towns config`: where the configuration is, what it sets, and every problem in it.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the configuration file and print what it sets (exit 1 if it has problems).",
        discussion: """
            The file is $XDG_CONFIG_HOME/towns/config.toml, else ~/.config/towns/config.toml, or --config PATH. \
            Settings: view (overview|towns|types|entities|assessment|province|reference|changes), period \
            (an id such as 2015-09), theme (a name in Themes/ or a path), language (zh|en), mouse (true|false), \
            cycle (the wall screen's playlist for towns present --cycle and :cycle, a list of \
            \(CycleStop.allCases.map(\.rawValue).joined(separator: "|")); default \
            [\(CycleStop.standard.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))]), and a [keys] table: action = ["key", ...] replaces that action's keys. \
            Actions: \(KeyNames.actions.map(\.name).joined(separator: " ")). \
            Keys: a character, or Up Down Left Right PgUp PgDn Home End Enter Esc Backspace Tab Shift-Tab Del Space \
            F1-F12 Ctrl-A..Ctrl-Z. \
            --theme NAME|PATH checks that theme instead of the config's (every problem with its file, line \
            and field: the dashboard shows the first). \
            --example prints a commented example to start from. \
            Worded in the language chosen (--lang, else the file's `language`, else zh; en under a locale \
            that is not UTF-8, such as LANG=C), as towns check. A theme file with bad lines is used: those \
            roles are drawn as the default theme's, and each problem is listed (exit 1).
            """)

    @Option(name: .long, help: ArgumentHelp("Configuration file to check.", valueName: "PATH"))
    var config: String?
    @OptionGroup var data: DataOptions
    /// `--lang`: the language of what is printed (else the config's `language`, else zh; en under
    /// a locale that is not UTF-8), as `towns check`'s.
    @OptionGroup var language: LanguageOption
    /// `--themes`: the folder to check the theme against; `--theme NAME|PATH`: the theme to check
    /// in place of the config's, as the dashboard would use it (before or after `config`).
    @OptionGroup var themeOptions: ThemeOptions
    /// `towns` itself, which parses these options before or after `config` and whose `--ascii`
    /// this command refuses.
    @ParentCommand var root: Towns
    var themes: String? { themeOptions.themes }
    @Flag(name: .long, help: "Print an example configuration.")
    var example = false

    /// `word` as one word for a POSIX shell: as it is when made only of letters, digits and
    /// `-_./,:=@+` (`light`, `my-themes/bad.toml`), else in single quotes.
    static func shellWord(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "-_./,:=@+".unicodeScalars.contains($0)
        }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    func validate() throws { try root.display.refuse(for: "config", except: ["--lang", "--themes", "--theme"]) }

    func run() throws {
        if example {
            printOut(
                """
                # towns configuration: ~/.config/towns/config.toml (or $XDG_CONFIG_HOME/towns/config.toml)
                view = "overview"     # overview towns types entities assessment province reference changes
                # period = "2015-09"  # a period id of the dataset (towns report --period list)
                theme = "default"     # default | light | high-contrast | monochrome, or a path
                language = "zh"       # zh | en
                mouse = false         # click selects, double-click opens, wheel scrolls
                # cycle = ["towns", "behind", "types", "assessment"]  # towns present --cycle 30s, :cycle

                [keys]                # action = [keys]; replaces that action's default keys
                # moveDown = ["j", "Down", "Ctrl-N"]
                # moveUp = ["k", "Up", "Ctrl-P"]
                """)
            return
        }
        let settings = Config(path: config)
        // `--lang`, else the file's `language`, else the locale's: as `towns check` (wave 25's G2).
        let zh = root.display.wordsLanguage(config: settings.language) == .zh
        func say(_ chinese: String, _ english: String) -> String { zh ? chinese : english }
        let (keyMap, keyWords) = KeyMap.standard.applyingWithWords(settings.rebindings)
        let keyProblems = keyWords.map { zh ? $0.zh : $0.en }
        printOut("config: "
            + (settings.path ?? settings.requestedPath + say("（无此文件；用默认设置）", " (none; defaults in use)")))
        var unused: [String: String] = [:]
        var more: [String] = []
        // The period and the theme are checked against the data and the themes folder found.
        if let p = settings.period, let dir = try? data.directory(),
            let loaded = try? DatasetLoader.load(directory: dir),
            !loaded.dataset.periods.contains(where: { $0.id == p })
        {
            unused["period"] = say("未使用：不是数据中的期间", "not used: not a period of the data")
            let ids = loaded.dataset.periods.map(\.id).joined(separator: " ")
            more.append(
                "\(settings.path ?? settings.requestedPath):\(settings.lines["period"] ?? 0): period"
                    + say("：「\(p)」不是 \(dir) 中的期间（\(ids)）", ": '\(p)' is not a period of \(dir) (\(ids))"))
        }
        // What the theme's line says of the theme drawn (wave 25's G4: a file with bad lines is
        // used, its good roles drawn, not "no such theme").
        func themeStatus(_ files: ThemeFiles, _ choice: String) -> String? {
            if !files.choiceUsed {
                return choice.contains("/") || choice.hasSuffix(".toml")
                    ? say("未使用：读不出主题（见下）；用默认主题",
                          "not used: cannot be read as a theme, below; default in use")
                    : say("未使用：没有这个主题；用默认主题", "not used: no such theme; default in use")
            }
            let n = files.selectedProblems
            guard n > 0 else { return nil }
            return say("已使用，有 \(n) 处问题（见下）：这些角色按默认主题绘制",
                     "used, with \(n) problem\(n == 1 ? "" : "s") below: those roles drawn as the default theme's")
        }
        let language: Language = zh ? .zh : .en
        // --theme (the dashboard's pointer "+3 more: towns config --theme X") replaces the config's
        // theme, as in the dashboard: every problem of that theme is listed, each with its file, line
        // and field, after the config's own.
        var givenStatus: String?
        if let t = themeOptions.theme {
            let files = ThemeFiles(
                folder: try? Locations.find("Themes", flag: themes, environment: "TOWNS_THEMES"), choice: t,
                language: language)
            givenStatus = themeStatus(files, t)
            more += files.notices.map {
                "--theme \(t): " + String($0.dropFirst(files.label.count))  // where, as `FILE:LINE: `
            }
        } else if let t = settings.theme {
            let files = ThemeFiles(
                folder: try? Locations.find("Themes", flag: themes, environment: "TOWNS_THEMES"), choice: t,
                language: language)
            unused["theme"] = themeStatus(files, t)
            // `theme：` in Chinese, as the other problems' fields (`view：`; wave 34's fresh user).
            more += files.notices.map {
                "\(settings.path ?? settings.requestedPath):\(settings.lines["theme"] ?? 0): " + $0
            }
        }
        let byDefault = say("（默认）", "(default) ")
        // The theme given with --theme, as the dashboard would draw it: said with or without a
        // config file (a wave 33 fresh user got no `theme:` line without one).
        let givenThemeLine = themeOptions.theme.map {
            "theme: " + TerminalText.sanitize($0) + say("（--theme", " (--theme")
                + (givenStatus.map { say("；", "; ") + $0 } ?? "") + say("）", ")")
        }
        // The dashboard's language without the file's: zh, en under a locale that is not UTF-8
        // (LANG=C), where the dashboard stays in English whatever the file says.
        let utf8 = Terminal.environmentIsUTF8
        if settings.path == nil, let givenThemeLine { printOut(givenThemeLine) }
        if settings.path != nil {
            printOut("view: \(settings.view ?? byDefault + "overview")")
            // A value the data or the themes folder refuses, or a theme with problems, says so.
            func shown(_ key: String, _ value: String?, default fallback: String) -> String {
                guard let value else { return byDefault + fallback }
                let text = TerminalText.sanitize(value)
                return unused[key].map { text + say("（\($0)）", " (\($0))") } ?? text
            }
            printOut("period: " + shown("period", settings.period,
                                        default: say("有完成数的最近一期", "the latest with completed figures")))
            printOut(givenThemeLine ?? "theme: " + shown("theme", settings.theme, default: "default"))
            printOut("language: " + (settings.language.map {
                $0 == .zh && !utf8
                    ? "zh" + say("（未使用：区域设置不是 UTF-8，用 en）", " (not used: the locale is not UTF-8; en in use)")
                    : $0.rawValue
            } ?? byDefault + (utf8 ? "zh" : "en")))
            printOut("mouse: \(settings.mouse.map { String($0) } ?? byDefault + "false")")
            let cycle = settings.cycle.map { $0.map(\.rawValue).joined(separator: " ") }
            printOut("cycle: \(cycle ?? byDefault + "towns behind types assessment")")
            for r in settings.rebindings where KeyNames.action(named: r.action) != nil {  // unknown: a problem below
                let keys =
                    keyMap.bindings.first { $0.action == KeyNames.action(named: r.action) }?.keys.map(KeyMap.name) ?? []
                printOut("keys.\(r.action): \(keys.joined(separator: " "))")
            }
        }
        // In the order of their lines in the file.
        func line(_ p: String) -> Int { Int(p.split(separator: ":").dropFirst().first ?? "") ?? 0 }
        let problems = (settings.problems(in: zh ? .zh : .en) + keyProblems + more).enumerated().sorted {
            (line($0.1), $0.0) < (line($1.1), $1.0)
        }.map(\.1)
        for p in problems { printError(TerminalText.sanitize(p)) }
        if !problems.isEmpty { throw ExitCode(1) }
    }
}
