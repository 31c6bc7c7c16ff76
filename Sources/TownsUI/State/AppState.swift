import TownsCore

/// Everything a frame is drawn from: what the user did (`session`, a plain value), what the
/// dataset implies (`facts`, shared by reference, one per dataset), what has been worked out
/// from both (`cache`, the memo of lists and pages), the screen size and the data's status.
/// Only `update(_:_:)` changes it, so every key press is a unit test: state in, action,
/// state out (and the effects the front end performs, `step`).
public struct AppState: Sendable {
    /// What the dataset implies; replaced as a whole when the data reloads.
    public private(set) var facts: Facts
    /// Lists, pages and tables worked out so far for `facts`; shared by the states `update`
    /// makes, made anew with new facts.
    var cache = ViewCache()
    /// What the user did.
    public var session: Session {
        didSet { if session.periodID != oldValue.periodID { periodPosition = facts.position(of: session.periodID) } }
    }
    /// The position in `dataset.periods` of `session.periodID`, kept in step with it (the
    /// views ask for the period many times a frame, and once a town when filtering).
    private var periodPosition: Int?
    /// Screen size in cells (columns, rows).
    public var width: Int
    public var height: Int
    /// When the dashboard loaded the data shown, as the clock shows it (`14:02:11`, or a date and
    /// time when not today): not a file's modification time (removing the newest monthly file
    /// would show an older file's time); shown in the title as `数据载入 14:02:11`. Set by whoever
    /// loads the data (the view reads no files); nil: not shown.
    public var dataChangedAt: String?
    /// Why changed data files were not reloaded (the first error, `FILE:LINE: field: problem`);
    /// shown on the status line, as a warning, until a reload succeeds. The data shown is
    /// the last that loaded. Worded in the session's language when read (`reloadFailure` holds
    /// both); set to a text, it is shown as it is in either language.
    public var reloadProblem: String? {
        get { reloadFailure.map { $0.words(self) } }
        set { reloadFailure = newValue.map { ReloadFailure(whole: $0) } }
    }
    /// Why changed data files were not reloaded, in both languages (`reloadProblem` words it).
    public var reloadFailure: ReloadFailure?
    /// What the last reload lost against the data shown before it (records gone from a file
    /// that shrank, an optional file removed: `数据已更新，但有记录消失：…`), as the status line's
    /// warning until the next reload: a meeting must not read a shorter list as the whole (a
    /// fresh user's half-written `figures.toml` took two towns off the overview's behind list
    /// with a flash the next key cleared). A reload that loses nothing more clears it; the
    /// message log (`:messages`) keeps every one. Worded in the session's language when read
    /// (`recordsLostWords` holds both, wave 29: it kept the reload's language after `L`); set to a
    /// text, it is shown as it is in either language.
    public var recordsLost: String? {
        get { recordsLostWords.map { language == .zh ? $0.zh : $0.en } }
        set { recordsLostWords = newValue.map { Bilingual($0, $0) } }
    }
    /// What the last reload lost, in both languages (`recordsLost` words it).
    public var recordsLostWords: Bilingual?
    /// The themes the front end can draw, by name (`Renderer.themes`, in the same order).
    public var themeNames: [String] = ["default"]
    /// The theme named `default` is the one compiled in (`Theme.builtInDefault`: no
    /// `Themes/default.toml` was found); `t` and `:theme` say so.
    public var defaultThemeBuiltIn = false
    /// The key bindings: what `handle` maps keys with, and what the hint line and the help name.
    public var keyMap: KeyMap = .standard
    /// The terminal's locale is not UTF-8 (LANG=C, POSIX): Chinese would be drawn as `??`, so `L`
    /// and `:lang zh` refuse to switch to it, saying why (wave 12; `Settings.chineseUnavailable`).
    public var chineseUnavailable = false
    /// The variable that chose the locale (`Settings.localeVariable`): what the refusal names
    /// (wave 23, F20: `L` said LANG where LC_ALL, which overrides it, was set).
    public var localeVariable = "LANG"
    /// Presenting, following, or a meeting ended (issue 16, `Follow.swift`); nil: none.
    public var meeting: MeetingRole?
    /// The wall screen's playlist (`--cycle`, `:cycle`); empty: `CycleStop.standard`.
    public var cycleStops: [CycleStop] = []
    /// What the playlist did to the towns filter, given back at `:cycle off` (`uncycled`); nil
    /// while it has not stepped. This terminal's own, never sent.
    var cycleOrigin: CycleOrigin?
    /// Whether lists are made to be read away from the screen (exports, `towns report`, the
    /// clipboard): notes name no keys (`Enter 打开…`, `[ ] 换期间对`), lists of towns name every
    /// town (no `… 另 2 个`), and the overview holds every panel in full (`AppState.forPrint`).
    public var printed = false
    /// The keys pressed while the terminal was below the smallest screen (60x14), in the order
    /// first pressed, each once: every one was refused, and the status line names them all once
    /// the screen is large enough again (`Catalogue.keysRefusedWhileTooSmall`). Emptied when the
    /// terminal is resized back to at least the smallest screen and a key acts.
    public var keysRefusedWhileTooSmall: [String] = []
    /// Effects asked for by the action being applied; `step` hands them out.
    var outbox: [Effect] = []
    /// This session's status messages, oldest first, each with the time it was shown
    /// (`step` logs a message or warning as it appears); `:messages` lists them (`MessageLog`).
    public var messageLog = MessageLog()

    /// The top views Tab cycles through.
    public static let topViews: [Screen.Kind] = [
        .overview, .townList, .typeList, .entityList, .assessment, .province, .reference, .changes,
    ]

    /// A state showing the towns view for the latest period in which some town has a
    /// completion rate or an exact completed amount (Jiaxing: Jan-Sep 2015, not the full year,
    /// for which only lower bounds are known), else the latest with any completed figure, else
    /// the latest period.
    public init(dataset: Dataset, width: Int = 80, height: Int = 24) {
        self.init(facts: Facts(dataset: dataset), width: width, height: height)
    }

    /// A state for `facts` (made once per dataset), opening as `init(dataset:)` says.
    public init(facts: Facts, width: Int = 80, height: Int = 24) {
        self.facts = facts
        self.width = width
        self.height = height
        let dataset = facts.dataset
        let withTownProgress = dataset.periods.indices.last { i in
            let id = dataset.periods[i].id
            // Town by town (`town(at:)`): a snapshot's towns are decoded a section at a time, and
            // the first town with figures usually answers.
            return dataset.townIndices.contains {
                let figures = dataset.town(at: $0).figures
                return figures[FigureKey(.completionRate, id)]?.quantity.exactValue != nil
                    || figures[FigureKey(.completed, id)]?.quantity.exactValue != nil
            }
        }
        let withCompletion =
            withTownProgress
            ?? dataset.periods.indices.last { i in
                let id = dataset.periods[i].id
                return dataset.totals[FigureKey(.completed, id)] != nil
                    || dataset.townIndices.contains {
                        let figures = dataset.town(at: $0).figures
                        return figures[FigureKey(.completed, id)] != nil || figures[FigureKey(.completionRate, id)] != nil
                    }
            }
        let index = withCompletion ?? max(0, dataset.periods.count - 1)
        self.session = Session(periodID: dataset.periods.indices.contains(index) ? dataset.periods[index].id : nil)
        self.periodPosition = facts.position(of: session.periodID)
    }

    /// This state with new facts (the data reloaded): the session kept whole, the memo new.
    func replacingFacts(_ facts: Facts) -> AppState {
        var s = self
        s.facts = facts
        s.cache = ViewCache()
        s.periodPosition = facts.position(of: s.session.periodID)
        return s
    }

    public var dataset: Dataset { facts.dataset }
    public var metrics: Metrics { facts.metrics }
    var checker: Checker { facts.checker }
    public var searchIndex: SearchIndex { facts.searchIndex }
    /// Consistency findings (`Checker`), computed once per dataset, the first time they are
    /// asked for (the views need only a few of them, found without running every check: `flagged`).
    public var findings: [Finding] { facts.findings }

    public var screen: Screen {
        get { session.stack[session.stack.count - 1] }
        set { session.stack[session.stack.count - 1] = newValue }
    }

    /// Index into `dataset.periods` of the period shown (0 when there is none).
    public var periodIndex: Int {
        get { periodPosition ?? 0 }
        set { if dataset.periods.indices.contains(newValue) { session.periodID = dataset.periods[newValue].id } }
    }

    /// The period shown, or nil for a dataset with no periods.
    public var period: Period? {
        periodPosition.map { dataset.periods[$0] }
    }

    /// Index of the theme drawn in `themeNames` (0 when its name is not among them).
    public var themeIndex: Int {
        get { themeNames.firstIndex(of: session.themeName) ?? 0 }
        set { if themeNames.indices.contains(newValue) { session.themeName = themeNames[newValue] } }
    }

    /// The status line's message (`session.flash`); set here, it is information.
    public var message: String? {
        get { session.flash?.text(in: language) }
        set { session.flash = newValue.map { Flash($0) } }
    }

    /// Shows `words` on the status line in the interface's language, keeping both: `L` rewords
    /// them while they stand, a follower draws them in its own language, and `:messages` shows
    /// them in the language of the moment (wave 39; `message = tr(...)` kept one language).
    public mutating func say(_ words: Bilingual, level: Flash.Level = .info) {
        session.flash = Flash(words, in: language, level: level)
    }

    // The session's parts, by their old names (the views and `update` read them so).
    public var stack: [Screen] {
        get { session.stack }
        set { session.stack = newValue }
    }
    public var showHelp: Bool {
        get { session.showHelp }
        set { session.showHelp = newValue }
    }
    public var helpScroll: Int {
        get { session.helpScroll }
        set { session.helpScroll = newValue }
    }
    public var filter: TownFilter {
        get { session.filter }
        set { session.filter = newValue }
    }
    public var search: SearchState? {
        get { session.search }
        set { session.search = newValue }
    }
    public var searchOrigin: Screen? {
        get { session.searchOrigin }
        set { session.searchOrigin = newValue }
    }
    public var commandLine: CommandLineState? {
        get { session.commandLine }
        set { session.commandLine = newValue }
    }
    public var history: [String] {
        get { session.history }
        set { session.history = newValue }
    }
    public var completion: Completion? {
        get { session.completion }
        set { session.completion = newValue }
    }
    public var language: Language {
        get { session.language }
        set { session.language = newValue }
    }
}

extension AppState {
    /// After a theme's name in `t`'s and `:theme`'s message: that it is the one compiled in
    /// (`defaultThemeBuiltIn`), else nothing.
    func builtInWords(_ themeName: String) -> String {
        defaultThemeBuiltIn && themeName == "default" ? tr(Catalogue.themeBuiltIn) : ""
    }
}
