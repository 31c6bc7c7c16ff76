import ArgumentParser
import CTownsMemory
import Foundation
import TownsCore
import TownsUI

/// Options every command shares: where the dataset is.
struct DataOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Dataset folder (default: $TOWNS_DATA, next to the executable, or the package's Data/).", valueName: "DIR"))
    var data: String?

    func directory() throws -> String {
        try Locations.find("Data", flag: data, environment: "TOWNS_DATA")
    }
}

@main
struct Towns: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "towns",
        abstract: "A terminal dashboard for Zhejiang's characteristic towns (特色小镇).",
        discussion: """
            With no command, opens the dashboard on the dataset. Data is found by --data, then \
            $TOWNS_DATA, then <bin>/../share/towns/Data, <bin>/Data, then the package root's Data/. \
            --data, --lang, --ascii, --themes and --theme go before the command's name or after it \
            (towns --data DIR report = towns report --data DIR).
            """,
        subcommands: [
            DashboardCommand.self, ReportCommand.self, CheckCommand.self, ImportCommand.self, EditCommand.self,
            ConfigCommand.self,
            GenerateCommand.self, BenchCommand.self, MeetingsCommand.self, PresentCommand.self, FollowCommand.self,
            SnapshotCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self)

    /// Options that mean the same everywhere, accepted before the command's name too (`towns
    /// --data DIR report`): each command that uses them declares the same groups and reads the
    /// values given here (ArgumentParser shares an `@OptionGroup` of one type down the commands).
    @OptionGroup var data: DataOptions
    @OptionGroup var display: DisplayOptions

    /// Whether `arguments` ask for help: `--help` or `-h` before any `--`.
    static func asksForHelp(_ arguments: [String]) -> Bool {
        for argument in arguments {
            if argument == "--" { return false }
            if argument == "--help" || argument == "-h" { return true }
        }
        return false
    }

    /// Whether a command line's messages are in Chinese, by the dashboard's rule
    /// (`DisplayOptions.wordsLanguage`) read from `arguments` as typed (they may not parse):
    /// `--lang zh|en` (or `--lang=`), else `--config FILE`'s or the default config's `language`,
    /// else the locale's (zh under UTF-8).
    static func wordsChinese(_ arguments: [String]) -> Bool {
        var lang: Language?
        var config: String?
        var i = 0
        while i < arguments.count, arguments[i] != "--" {
            let a = arguments[i]
            let next: String? = i + 1 < arguments.count ? arguments[i + 1] : nil
            if a == "--lang" { lang = next.flatMap(Language.init(rawValue:)); i += 1 }
            else if a.hasPrefix("--lang=") { lang = Language(rawValue: String(a.dropFirst(7))) }
            else if a == "--config" { config = next; i += 1 }
            else if a.hasPrefix("--config=") { config = String(a.dropFirst(9)) }
            i += 1
        }
        return DisplayOptions.wordsLanguage(lang: lang, config: Config(path: config).language) == .zh
    }

    /// Parses and runs the command. A usage error (an unknown option, a missing argument, a
    /// `ValidationFailure` such as an unknown period or no Data/ folder found) exits with
    /// status 2, as the commands document, instead of ArgumentParser's 64 (or 1).
    static func main() {
        // The dynamic loader's relocation table is read once, before `main`: its pages go back
        // (~1.9 MiB of every command's resident set, the dashboard's peak included).
        _ = towns_release_relocations()
        CrashReports.install()
        do {
            // No arguments, or `--data DIR` alone: the dashboard, without the parser's start-up
            // cost (`DashboardStart.plain`); its errors are handled below as the parsed start's.
            if let start = DashboardStart.plain(Array(CommandLine.arguments.dropFirst())) {
                try start.run(meeting: nil, cycle: nil)
                return
            }
            // `towns present --help` (which holds the dashboard's options as a group, as `follow` did
            // until wave 28) printed "USAGE: towns dashboard present": a command's help is printed as
            // `towns help NAME` prints it, for every command alike.
            let arguments = Array(CommandLine.arguments.dropFirst())
            if let name = arguments.first, asksForHelp(arguments),
               let command = configuration.subcommands.first(where: { $0.configuration.commandName == name })
            {
                printOut(helpMessage(for: command))
                return
            }
            // `towns follow x --view`: refused for the option, as with a value (wave 29), not for
            // the value the parser finds missing.
            try usageChecked("follow") {
                if let option = FollowCommand.valuelessPresenterChoice(arguments) {
                    let words = Catalogue.followRefusesPresenterChoice(option)
                    throw ValidationError(refusal(words.zh, words.en))
                }
            }
            var command = try parseAsRoot()
            try command.run()
        } catch {
            // ArgumentParser's own words in the user's language (`--lang`, else the config's, else
            // the locale's: `DisplayOptions.wordsLanguage`), its frame with them.
            let chinese = wordsChinese(Array(CommandLine.arguments.dropFirst()))
            if exitCode(for: error) == .validationFailure || error is ValidationFailure {
                printError(usageMessage(typedCommandPath(fullMessage(for: error)), chinese: chinese))
                Foundation.exit(2)
            }
            if error is ExitCode { exit(withError: error) }
            // Help (exit 0, to standard output) or another error: the message may echo a value
            // typed on the command line; sanitised like every other output.
            let code = exitCode(for: error)
            let message = typedCommandPath(fullMessage(for: error))
            if code == .success {
                printOut(message)
            } else if !message.isEmpty {
                printError(usageMessage(message, chinese: chinese))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
