import ArgumentParser
import Foundation
import TownsCore
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
            and a [keys] table: action = ["key", ...] replaces that action's keys. \
            Actions: \(KeyNames.actions.map(\.name).joined(separator: " ")). \
            Keys: a character, or Up Down Left Right PgUp PgDn Home End Enter Esc Backspace Tab Shift-Tab Del Space \
            F1-F12 Ctrl-A..Ctrl-Z. \
            --theme NAME|PATH checks that theme instead of the config's (every problem with its file, line \
            and field: the dashboard shows the first). \
            --example prints a commented example to start from.
            """)

    @Option(name: .long, help: ArgumentHelp("Configuration file to check.", valueName: "PATH"))
    var config: String?
    @OptionGroup var data: DataOptions
    /// `--themes`: the folder to check the theme against; `--theme NAME|PATH`: the theme to check
    /// in place of the config's, as the dashboard would use it (before or after `config`).
    @OptionGroup var display: DisplayOptions
    var themes: String? { display.themes }
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

    func validate() throws { try display.refuse(for: "config", except: ["--themes", "--theme"]) }

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
        let (keyMap, keyProblems) = KeyMap.standard.applying(settings.rebindings)
        printOut("config: \(settings.path ?? "\(settings.requestedPath) (none; defaults in use)")")
        var unused: [String: String] = [:]
        var more: [String] = []
        // The period and the theme are checked against the data and the themes folder found.
        if let p = settings.period, let dir = try? data.directory(),
            let loaded = try? DatasetLoader.load(directory: dir),
            !loaded.dataset.periods.contains(where: { $0.id == p })
        {
            unused["period"] = "not a period of the data"
            more.append(
                "\(settings.path ?? settings.requestedPath):\(settings.lines["period"] ?? 0): period: '\(p)'"
                    + " is not a period of \(dir) (\(loaded.dataset.periods.map(\.id).joined(separator: " ")))"
            )
        }
        // --theme (the dashboard's pointer "+3 more: towns config --theme X") replaces the config's
        // theme, as in the dashboard: every problem of that theme is listed, each with its file, line
        // and field, after the config's own.
        if let t = display.theme {
            let files = ThemeFiles(
                folder: try? Locations.find("Themes", flag: themes, environment: "TOWNS_THEMES"), choice: t)
            more += files.notices.map {
                "--theme \(t): " + $0.replacingOccurrences(of: "theme: ", with: "")
            }
        } else if let t = settings.theme {
            let files = ThemeFiles(
                folder: try? Locations.find("Themes", flag: themes, environment: "TOWNS_THEMES"), choice: t)
            if !files.notices.isEmpty { unused["theme"] = "no such theme; default in use" }
            more += files.notices.map {
                "\(settings.path ?? settings.requestedPath):\(settings.lines["theme"] ?? 0): theme: "
                    + $0.replacingOccurrences(of: "theme: ", with: "")
            }
        }
        if settings.path != nil {
            printOut("view: \(settings.view ?? "(default) overview")")
            // A value the data or the themes folder refuses is shown as not used.
            func shown(_ key: String, _ value: String?, default fallback: String) -> String {
                guard let value else { return "(default) \(fallback)" }
                let text = TerminalText.sanitize(value)
                return unused[key].map { "\(text) (not used: \($0))" } ?? text
            }
            printOut("period: " + shown("period", settings.period, default: "the latest with completed figures"))
            printOut("theme: " + (display.theme.map { "\(TerminalText.sanitize($0)) (--theme)" }
                ?? shown("theme", settings.theme, default: "default")))
            printOut("language: \(settings.language?.rawValue ?? "(default) zh")")
            printOut("mouse: \(settings.mouse.map { String($0) } ?? "(default) false")")
            let cycle = settings.cycle.map { $0.map(\.rawValue).joined(separator: " ") }
            printOut("cycle: \(cycle ?? "(default) towns behind types assessment")")
            for r in settings.rebindings where KeyNames.action(named: r.action) != nil {  // unknown: a problem below
                let keys =
                    keyMap.bindings.first { $0.action == KeyNames.action(named: r.action) }?.keys.map(KeyMap.name) ?? []
                printOut("keys.\(r.action): \(keys.joined(separator: " "))")
            }
        }
        // In the order of their lines in the file.
        func line(_ p: String) -> Int { Int(p.split(separator: ":").dropFirst().first ?? "") ?? 0 }
        let problems = (settings.problems + keyProblems + more).enumerated().sorted {
            (line($0.1), $0.0) < (line($1.1), $1.0)
        }.map(\.1)
        for p in problems { printError(TerminalText.sanitize(p)) }
        if !problems.isEmpty { throw ExitCode(1) }
    }
}
