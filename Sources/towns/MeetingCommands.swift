import ArgumentParser
import Foundation
import TownsMeeting
import TownsUI

/// `towns present [NAME]`: the dashboard, presenting a meeting others follow (issue 16).
struct PresentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: "Open the dashboard and present it: others follow with towns follow NAME. / 主持会议。",
        discussion: """
            After each change the session (view, period, filter, sort, search, selected rows) is \
            sent to the followers, at most 30 times a second; the command line, the help and a search \
            being typed are not. Only your user and the meeting's group (your effective group, or \
            --group) may follow; see README, Meetings. The key-hint line shows the meeting and how \
            many follow. --cycle 30s steps through the towns view, the towns behind schedule, the \
            types and the assessment every 30 s while no key is pressed (for a wall screen; \
            :cycle off stops it). Exit status as towns dashboard; 4 the meeting cannot start (its \
            name is taken, the folder is refused).
            """)

    @Argument(help: ArgumentHelp("The meeting's name: any text you would type (周例会 第3次), without control "
                                 + "characters or blanks at its ends, up to about 21 Chinese characters (default: "
                                 + "your user name)."))
    var name: String?
    @Option(name: .long, help: ArgumentHelp("Who may follow: this group (default: your effective group).",
                                            valueName: "GROUP"))
    var group: String?
    @Option(name: .long, help: ArgumentHelp("Step through the views every so often, e.g. 30s or 2m.",
                                            valueName: "INTERVAL"))
    var cycle: String?
    @OptionGroup var dashboard: DashboardCommand

    func validate() throws {
        // A name that could never be a meeting's is a usage error (exit 2), said before the terminal opens.
        try usageChecked("present") {
            if let name { try validName(name, chinese: dashboard.wordsChinese) }
            if let cycle, cycleSeconds(cycle) == nil {
                throw ValidationError(refusal("--cycle：'\(cycle)' 不是 30s 或 2m 这样的间隔（1 秒到 1 天）",
                                              "--cycle: '\(cycle)' is not an interval such as 30s or 2m (1 s to 1 day)"))
            }
        }
    }

    func run() throws {
        do {
            let gid = try group.map { try MeetingAccess.group(named: $0) }
            try dashboard.run(meeting: .present(name), group: gid, cycle: cycle.flatMap(cycleSeconds))
        } catch let error as MeetingError {
            printError("towns present: \(error.words(chinese: dashboard.wordsChinese))")
            throw ExitCode(4)
        }
    }
}

/// `towns follow [NAME]`: the dashboard, following a presenter's meeting (issue 16).
struct FollowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow",
        abstract: "Open the dashboard following a meeting (towns meetings lists them). / 跟随会议。",
        // As `present`'s, and as `usageChecked` writes it: with the options listed, the parser's
        // synopsis would run far past a line.
        usage: "towns follow [<options>] [<name>]",
        discussion: """
            Shows the presenter's view, period, filter, sort, search and selected town, drawn at \
            your terminal's size, in your language and theme. f browses alone, f again rejoins at \
            the presenter's place. Data that differs from the presenter's (another --data, or a \
            reload not yet done) is said: you browse alone on your own data until it is the same \
            (use the same --data; it follows again by itself once the files agree). When the \
            presenter quits the status line says so and the dashboard stays open. --view, --period, --town, --filter \
            and --resume are refused (exit 2): the presenter chooses what is shown; press f to \
            browse alone. Exit status as towns dashboard; 4 no such meeting, several open and none \
            named, or this user may not follow it.
            """)

    @Argument(help: "The meeting's name (default: the only open one).")
    var name: String?
    // The dashboard's options but those that choose what is shown (`OpeningOptions`), which the
    // presenter chooses: its help lists only what a follower chooses (wave 28).
    @OptionGroup var data: DataOptions
    @OptionGroup var display: FollowDisplayOptions
    @OptionGroup var screen: ScreenOptions
    @OptionGroup var presenterChoices: PresenterChoices

    /// Whether its messages are in Chinese: the dashboard's rule, `--config`'s language too (wave 29).
    var wordsChinese: Bool { display.wordsChinese(config: screen.config) }

    /// The option the presenter chooses given on `arguments` (a command line, without the
    /// program's name) without a value: `towns follow x --view` (none follows, or an option does),
    /// which the parser refuses as a missing value before `validate` (wave 29); nil when there is
    /// none, or `arguments` are not `towns follow`'s.
    static func valuelessPresenterChoice(_ arguments: [String]) -> String? {
        // `follow` as the command: the first word that is neither an option nor an option's value.
        let valued: Set<String> = ["--data", "--lang", "--themes", "--theme", "--config"]
        var i = 0
        while i < arguments.count, arguments[i].hasPrefix("-"), arguments[i] != "--" {
            i += valued.contains(arguments[i]) ? 2 : 1
        }
        guard i < arguments.count, arguments[i] == "follow" else { return nil }
        let options = ["--view", "--period", "--town", "--filter"]
        for j in (i + 1)..<arguments.count {
            if arguments[j] == "--" { return nil }
            if options.contains(arguments[j]), j + 1 == arguments.count || arguments[j + 1].hasPrefix("-") {
                return arguments[j]
            }
        }
        return nil
    }

    func validate() throws {
        try usageChecked("follow") {
            if let name { try validName(name, chinese: wordsChinese) }
            // A follower is shown the presenter's view, period, filter and town: an option choosing
            // one of them would be silently overridden at the first frame, so it is refused.
            if let option = presenterChosenOption {
                let words = Catalogue.followRefusesPresenterChoice(option)
                throw ValidationError(refusal(words.zh, words.en))
            }
        }
    }

    /// The first of `--view`, `--period`, `--town`, `--filter`, `--resume` given, as typed; nil
    /// when none is.
    var presenterChosenOption: String? { presenterChoices.first }

    func run() throws {
        do {
            try DashboardStart(data: data, display: display, screen: screen).run(meeting: .follow(name), cycle: nil)
        } catch let error as MeetingError {
            printError("towns follow: \(error.words(chinese: wordsChinese))")
            throw ExitCode(4)
        } catch let error as MeetingFailure {
            printError("towns follow: \(error)")
            throw ExitCode(4)
        }
    }
}

/// Throws a usage error (exit 2) for a meeting name `MeetingFolder.validate(name:)` refuses, with
/// its words (which characters a name may hold), in Chinese (`chinese`) or English.
func validName(_ name: String, chinese: Bool) throws {
    do { try MeetingFolder.validate(name: name) } catch let error as MeetingError {
        throw ValidationError(error.words(chinese: chinese))
    }
}

/// `--view`, `--period`, `--town`, `--filter` and `--resume` as `towns follow` reads them: only
/// to refuse them (the presenter chooses what is shown; `FollowCommand.validate`), so they are
/// hidden from its help (`towns follow --help-hidden` shows them) and take any value: `--view
/// bogus` is refused for the option, as `--view towns` is, not for its value in the parser's
/// English (wave 28).
struct PresenterChoices: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Refused: the presenter chooses the view.", visibility: .hidden))
    var view: String?
    @Option(name: .long, help: ArgumentHelp("Refused: the presenter chooses the period.", visibility: .hidden))
    var period: String?
    @Option(name: .long, help: ArgumentHelp("Refused: the presenter chooses the town.", visibility: .hidden))
    var town: String?
    @Option(name: .long, help: ArgumentHelp("Refused: the presenter chooses the filter.", visibility: .hidden))
    var filter: [String] = []
    @Flag(name: .long, help: ArgumentHelp("Refused: the presenter chooses what is shown.", visibility: .hidden))
    var resume = false

    /// The first of them given, in the order above, as typed (`--view`); nil when none is.
    var first: String? {
        if view != nil { return "--view" }
        if period != nil { return "--period" }
        if town != nil { return "--town" }
        if !filter.isEmpty { return "--filter" }
        if resume { return "--resume" }
        return nil
    }
}

extension DisplayOptions {
    /// Whether a meeting command's messages are in Chinese: the dashboard's language rule (`--lang`,
    /// else the language of the configuration file `config` (`--config`; nil: the default one), else
    /// zh; en under a locale that is not UTF-8). Before wave 29 the default file's alone, whatever
    /// `--config` named.
    func wordsChinese(config: String?) -> Bool { wordsLanguage(config: Config(path: config).language) == .zh }
}

extension DashboardCommand {
    /// Whether a meeting command's messages are in Chinese (`DisplayOptions.wordsChinese(config:)`,
    /// with `--config`).
    var wordsChinese: Bool { display.wordsChinese(config: screen.config) }
}

/// `towns follow`'s `--lang`, `--ascii`, `--themes` and `--theme`: `DisplayOptions`' (the same
/// options, given before or after `follow`), with `--themes` and `--theme` described in follow's
/// own words: wave 29's fresh user read the report's ("a report has no colours") in its help.
struct FollowDisplayOptions: ParsableArguments {
    // Named as in `DisplayOptions`, so `towns --lang en follow` reads the value given before the
    // command's name (ArgumentParser matches them by name).
    @OptionGroup var language: LanguageOption
    @OptionGroup var asciiOption: ASCIIOption
    @OptionGroup var themeOptions: FollowThemeOptions

    /// `--lang`: nil when not given.
    var lang: Language? { language.lang }
    /// `--ascii`.
    var ascii: Bool { asciiOption.ascii }
    /// `--themes DIR`.
    var themes: String? { themeOptions.themes }
    /// `--theme NAME|PATH`.
    var theme: String? { themeOptions.theme }

    /// As `DisplayOptions.wordsChinese(config:)`.
    func wordsChinese(config: String?) -> Bool {
        DisplayOptions.wordsLanguage(lang: lang, config: Config(path: config).language) == .zh
    }
}

/// `--themes DIR` and `--theme NAME|PATH` as `towns follow` describes them: the follower's own
/// colours (the presenter's theme is not sent), in English and Chinese.
struct FollowThemeOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Themes folder (default: $TOWNS_THEMES, next to the executable, or the package's Themes/): your own "
                + "colours, the presenter's theme is not sent. / 主题文件夹（默认：$TOWNS_THEMES、可执行文件旁，或包的 "
                + "Themes/）：用你自己的配色，主持人的主题不会发来。",
            valueName: "DIR"))
    var themes: String?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Theme name in the themes folder, or a path to a theme file (default: the config's, else default), "
                + "drawn on your terminal whatever the presenter's; t changes it while following. / 主题文件夹中的"
                + "主题名，或主题文件的路径（默认：配置的，否则 default）；与主持人的无关，跟随时也可按 t 更换。",
            valueName: "NAME|PATH"))
    var theme: String?
}

/// Runs `check`; a usage error it throws is printed with the usage of `towns COMMAND` as the user
/// typed it (exit 2). ArgumentParser's own usage line named `towns dashboard present`, a command
/// path no one types (the dashboard is an option group of `present`, and was of `follow` until
/// wave 28; wave 12).
func usageChecked(_ command: String, _ check: () throws -> Void) throws {
    do {
        try check()
    } catch let error as ValidationError {
        printError(usageFrameInMessagesLanguage(
            "Error: \(error.message)\nUsage: towns \(command) [<options>] [<name>]\n"
                + "  See 'towns \(command) --help' for more information."))
        throw ExitCode(2)
    }
}
