/// Work `update` asks the front end to do, outside the state: the executable performs it and
/// reports the result back as an action (`Action.exportFinished`), so every change still
/// passes through `update` (bubbletea's `Cmd`).
public enum Effect: Equatable, Sendable {
    /// Write the current view to a file as `ExportRequest` says; report with `.exportFinished`.
    case export(ExportRequest)
    /// Put this text on the clipboard of the user's computer through the terminal (OSC 52);
    /// report with `.copied`.
    case copy(ClipboardText)
    /// Leave the dashboard (restore the terminal, exit 0).
    case quit
    /// Start or stop presenting, following or the playlist; reported with `Action.meeting`.
    case meeting(MeetingRequest)
}

/// Start-up settings from the command line and the configuration file, applied by `update`
/// (`Action.configure`) like any other change.
public struct Settings: Equatable, Sendable {
    /// Interface language (`--lang`, else the config's `language`).
    public var language: Language?
    /// Theme by name (`--theme`, else the config's `theme`); one not among the themes is ignored.
    public var themeName: String?
    /// The top view to open on (the config's `view`).
    public var view: Screen.Kind?
    /// The period to open on, by id (the config's `period`); one the data lacks is reported.
    public var periodID: String?
    /// The line of `period` in `source` (the config file), named in the problem of a period the
    /// data lacks (`FILE:LINE: period：…`); nil: no line known.
    public var periodLine: Int? = nil
    /// Where among `notices` that problem goes, so they stay in the file's line order (the
    /// notices before it: a locale notice, the config's problems on earlier lines). A wave 33
    /// fresh user saw line 2's period shown first, line 1's problem counted in "+9 more".
    public var periodNoticeIndex = 0
    /// Where the settings came from, for messages ("~/.config/towns/config.toml").
    public var source: String
    /// Problems found reading the settings, each "FILE:LINE: field: problem"; the first is
    /// shown as a warning, with how many more there are.
    public var notices: [String]
    /// The locale is not UTF-8 (`LANG=C is not UTF-8: ...`): shown first, before `notices`, and, as the
    /// COLORTERM notice (`wordedNotices`), not counted in the pointer to `allNoticesCommand`, which
    /// does not list it (wave 34's fresh user counted 7 where `towns config` listed 6). With it
    /// first, the first of the others is logged on its own (`:messages`), so it is named.
    public var localeNotice: String? = nil
    /// Problems worded in both languages (the terminal's colours: `Catalogue.colortermButEightColours`),
    /// listed after `notices`: the first frame's warning is worded in the language shown, and `L`
    /// rewords it while it stands (`Flash.words`).
    public var wordedNotices: [Bilingual] = []
    /// The key bindings (the standard ones with the config's `[keys]` applied).
    public var keyMap: KeyMap
    /// The wall screen's playlist (the config's `cycle`); nil: `CycleStop.standard`.
    public var cycleStops: [CycleStop]? = nil
    /// A saved session to reopen (`towns --resume`), applied first; the rest apply over it.
    public var resume: Session?
    /// A town's page to open (`--town`: id, name, pinyin, as `:town`).
    public var town: String?
    /// The command that lists every notice, named after "(+N more: ...)" in the warning: `towns
    /// config`, or `towns config --theme X` when the theme came from the command line (the
    /// config's own check would not read it).
    public var allNoticesCommand = "towns config"
    /// The first load's warnings, each "FILE:LINE: field: problem" in the interface's language
    /// (wave 31: a figures.toml with no `[[figure]]` record; an unknown field): shown before the
    /// other notices, as `towns check` prints them, since the lines printed before the terminal
    /// opened are hidden by it.
    public var loadWarnings: [String] = []
    /// The command that lists every load warning (`towns check --data DIR`), named after "(+N
    /// more: ...)" when more of them follow the first notice.
    public var loadWarningsCommand = "towns check"
    /// Filters to apply, each as `:filter` takes it ("county 海宁市", `--filter`).
    public var filters: [String] = []
    /// The locale is not UTF-8: the dashboard stays in English (`AppState.chineseUnavailable`).
    public var chineseUnavailable = false
    /// The environment variable that chose the locale (LC_ALL, LC_CTYPE or LANG, as the start-up
    /// notice names it): what `L` tells the user to set (`AppState.localeVariable`).
    public var localeVariable = "LANG"

    public init(
        language: Language? = nil, themeName: String? = nil, view: Screen.Kind? = nil, periodID: String? = nil,
        source: String = "config", notices: [String] = [], keyMap: KeyMap = .standard
    ) {
        self.language = language; self.themeName = themeName; self.view = view; self.periodID = periodID
        self.source = source; self.notices = notices; self.keyMap = keyMap
    }
}
