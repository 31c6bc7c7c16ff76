import ArgumentParser
import TownsTerminal
import TownsUI

/// Options that mean the same to every command that shows the data (the dashboard, `report`,
/// `present`, `follow`, and `config`, which checks a theme): the language, ASCII, the themes
/// folder and the theme. Declared on `towns` itself and on those commands (`@OptionGroup`), so
/// they go before the command's name or after it: `towns --lang en report` and `towns report
/// --lang en` are the same. The other commands refuse them, saying where they go
/// (`refuse(for:)`).
struct DisplayOptions: ParsableArguments {
    /// The options in groups, so that a command declares in its own help exactly those it takes
    /// (`towns check`: `LanguageOption`; `towns config`: `LanguageOption` and `ThemeOptions`): a
    /// group of one type is parsed once, by `towns`, and shared with every command declaring it.
    @OptionGroup var language: LanguageOption
    @OptionGroup var asciiOption: ASCIIOption
    @OptionGroup var themeOptions: ThemeOptions

    /// `--lang`: nil when not given.
    var lang: Language? { language.lang }
    /// `--ascii`.
    var ascii: Bool { asciiOption.ascii }
    /// `--themes DIR`.
    var themes: String? { themeOptions.themes }
    /// `--theme NAME|PATH`.
    var theme: String? { themeOptions.theme }

    /// The language of `towns check`'s and `towns report`'s words, by the dashboard's rule: `--lang`,
    /// else the config's `language`, else zh under a UTF-8 locale and en under another (LANG=C, POSIX,
    /// GB18030), where the dashboard opens in English and ASCII.
    func wordsLanguage(config: Language?) -> Language {
        Self.wordsLanguage(lang: lang, config: config)
    }

    /// The rule of `wordsLanguage(config:)` for a `--lang` value `lang` (nil: not given), for a
    /// start that was not parsed (`DashboardStart`).
    static func wordsLanguage(lang: Language?, config: Language?) -> Language {
        lang ?? config ?? (Terminal.environmentIsUTF8 ? .zh : .en)
    }

    /// Whether text printed in `language` (`towns report`, `towns check`) is written in ASCII
    /// (`Grid.foldToASCII`) without `--ascii`: English by default (no `--lang`) under a locale that
    /// is not UTF-8 (LANG=C), where the dashboard draws ASCII too; `--lang zh` keeps the marks.
    func asciiByDefault(_ language: Language) -> Bool {
        language == .en && lang == nil && !Terminal.environmentIsUTF8
    }

    /// The options given, as typed (`--lang en`), for a message.
    var given: [String] {
        var out: [String] = []
        if let lang { out.append("--lang \(lang.rawValue)") }
        if ascii { out.append("--ascii") }
        if themes != nil { out.append("--themes") }
        if theme != nil { out.append("--theme") }
        return out
    }

    /// Throws a usage error (exit 2) when any of these options but `used` (`["--themes"]`) was
    /// given to `command`, which shows nothing they change: says which commands take them.
    func refuse(for command: String, except used: Set<String> = []) throws {
        let refused = given.filter { !used.contains(String($0.prefix { $0 != " " })) }
        guard !refused.isEmpty else { return }
        throw ValidationError(refusal(
            "towns \(command) 不用 \(refused.joined(separator: "、"))：--lang、--ascii、--themes 和 --theme 用于 towns"
                + "（仪表盘）、towns report、towns present 和 towns follow（towns check：--lang；towns meetings、"
                + "towns import 和 towns edit：--lang；towns config：--lang、--themes、--theme），放在命令名之前或之后均可",
            "towns \(command) does not use \(refused.joined(separator: ", ")): --lang, --ascii, --themes and "
                + "--theme go with towns (the dashboard), towns report, towns present and towns follow (towns check: "
                + "--lang; towns meetings, towns import and towns edit: --lang; towns config: --lang, --themes, "
                + "--theme), before or after the command's name"))
    }
}

/// `--lang`: the language of a command's words (see `DisplayOptions`).
struct LanguageOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Language of labels: zh or en (town names too, where the data has both). Default: the config's "
                + "language, else zh; under a locale that is not UTF-8 (LANG=C) en (the dashboard is then English "
                + "and ASCII whatever is chosen)."))
    var lang: Language?
}

/// `--ascii`: ASCII marks only (see `DisplayOptions`).
struct ASCIIOption: ParsableArguments {
    @Flag(
        name: .long,
        help: """
            ASCII only: ~ derived, * interpreted, & other basis, p projected, _ unknown (NA in reports and \
            exports), # bars, n new, uN dN places gained or lost; no mark a sign or an operator.
            """)
    var ascii = false
}

/// `--themes DIR` and `--theme NAME|PATH`: where the themes are and which is drawn (see `DisplayOptions`).
struct ThemeOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Themes folder (default: $TOWNS_THEMES, next to the executable, or the package's Themes/). A report has "
                + "no colours and leaves it unused.",
            valueName: "DIR"))
    var themes: String?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Theme name in the themes folder, or a path to a theme file (default: the config's, else default). A "
                + "report leaves it unused.",
            valueName: "NAME|PATH"))
    var theme: String?
}
