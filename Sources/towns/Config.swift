import Foundation
import TownsCore
import TownsUI

/// The user's configuration: `$XDG_CONFIG_HOME/towns/config.toml` (default
/// `~/.config/towns/config.toml`), or `--config PATH`.
///
/// ```toml
/// view = "overview"     # overview | towns | types | entities | assessment | province | reference | changes
/// period = "2015-09"    # a period id of the dataset
/// theme = "light"       # a theme in Themes/, or a path
/// language = "zh"       # zh | en
/// mouse = false         # click selects, double-click opens, wheel scrolls
/// cycle = ["towns", "behind", "types", "assessment"]   # the wall screen's views (present --cycle)
///
/// [keys]                # action = [keys]; replaces that action's keys
/// moveDown = ["j", "Down", "Ctrl-N"]
/// quit = ["q", "Q"]
/// ```
/// Problems (a bad value, an unknown field, an unknown action or key, a key bound twice)
/// are reported with the file and line and the defaults stay; the dashboard still opens.
struct Config {
    var view: String?
    var period: String?
    var theme: String?
    var language: Language?
    var mouse: Bool?
    var cycle: [CycleStop]?
    var rebindings: [KeyMap.Rebinding] = []
    /// What is wrong (`ConfigText.problemWords`), in both languages.
    var problemWords: [Bilingual] = []
    /// `problemWords` in English.
    var problems: [String] { problemWords.map(\.en) }
    /// `problemWords` in `language` (the dashboard's and `towns config`'s words).
    func problems(in language: Language) -> [String] { problemWords.map { language == .zh ? $0.zh : $0.en } }
    /// The line of each top-level setting in the file (`ConfigText.lines`).
    var lines: [String: Int] = [:]
    /// The file asked for (--config), or the default path.
    var requestedPath: String = ""
    /// The file read, or nil when there is none.
    var path: String?

    /// Where the configuration is looked for.
    static func defaultPath() -> String {
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/towns/config.toml" }
        return (env["HOME"] ?? NSHomeDirectory()) + "/.config/towns/config.toml"
    }

    /// Reads `path` (nil: the default path). A missing default file is no configuration; a
    /// missing file given with --config is a problem.
    init(path explicit: String?) {
        let path = explicit ?? Config.defaultPath()
        requestedPath = path
        guard FileManager.default.fileExists(atPath: path) else {
            if explicit != nil { problemWords.append(Bilingual("\(path)：没有这个文件", "\(path): no such file")) }
            return
        }
        self.path = path
        let text: String
        do {
            text = try GuardedTOML.readSmallFile(path)  // a FIFO, a device or a huge file: refused unread
        } catch {
            let issue = error as? LoadIssue
            problemWords.append(Bilingual(issue?.description(chinese: true) ?? "\(error)",
                                          issue?.description(chinese: false) ?? "\(error)"))
            return
        }
        let parsed = ConfigText(text, path: path)
        (view, period, theme, language, mouse) = (parsed.view, parsed.period, parsed.theme, parsed.language,
            parsed.mouse)
        rebindings = parsed.rebindings
        cycle = parsed.cycle
        lines = parsed.lines
        // In the order of their lines in the file (a stable sort: the parser checks the settings
        // one kind after another), so the dashboard's first notice is the file's first problem.
        problemWords = (problemWords + parsed.problemWords).enumerated().sorted {
            (Config.line(of: $0.1.en, in: path), $0.0) < (Config.line(of: $1.1.en, in: path), $1.0)
        }.map(\.1)
    }

    /// The line a problem names (`PATH:LINE: …`), 0 when it names none (a file that cannot be read).
    static func line(of problem: String, in path: String) -> Int {
        guard problem.hasPrefix(path + ":") else { return 0 }
        return Int(problem.dropFirst(path.count + 1).prefix { $0.isNumber }) ?? 0
    }

    /// How many problems name a line before `line`: where a problem found later on that line (a
    /// period the data lacks) goes among them.
    func problemCount(before line: Int) -> Int {
        guard let path else { return 0 }
        return problemWords.filter { Config.line(of: $0.en, in: path) < line }.count
    }
}
