import TownsCore

/// The state with the start-up settings applied (`Action.configure`): language, theme,
/// first view, period and key map; the first problem found reading them shown as a warning
/// (with how many more), a period the data lacks among them.
func configured(_ state: AppState, _ settings: Settings) -> AppState {
    var s = state
    var notices = settings.notices
    s.keyMap = settings.keyMap
    s.chineseUnavailable = settings.chineseUnavailable
    s.localeVariable = settings.localeVariable
    if let stops = settings.cycleStops { s.cycleStops = stops }
    if let saved = settings.resume {
        s.session = saved
        s = reloaded(s, with: s.facts)  // screens whose subject is gone left, selections clamped
    }
    if let language = settings.language { s.language = language }
    if let name = settings.themeName, s.themeNames.contains(name) { s.session.themeName = name }
    if let view = settings.view { s.stack = [Screen(view)] }
    if let id = settings.periodID {
        if s.facts.periodPositions[id] != nil {
            s.session.periodID = id
        } else {
            let ids = s.dataset.periods.map(\.id).joined(separator: " ")
            let at = settings.source + (settings.periodLine.map { ":\($0)" } ?? "")
            notices.insert(s.language == .zh
                ? "\(at): period：「\(id)」不是数据中的期间（\(ids)）"
                : "\(at): period: '\(id)' is not a period of the data (\(ids))",
                at: min(max(settings.periodNoticeIndex, 0), notices.count))
        }
    }
    s.screen = clamped(s.screen, in: s)
    s = opened(s, settings, notices: &notices)
    // The data's warnings first; the rest are listed by `towns check` (the data's) and the
    // notices' own command (the settings'). Notices worded in both languages last: with one
    // among them the warning is worded in each language (`L` rewords it while it stands).
    // The pointer counts only what its commands list (wave 34's fresh user: `+7 more: towns config`
    // counted the COLORTERM notice, which no command lists): the load warnings (`towns check`) and
    // the settings' problems (`towns config`); not the locale notice nor the worded ones.
    let loadWarnings = settings.loadWarnings
    let locale = settings.localeNotice.map { [$0] } ?? []
    func unlisted(_ language: Language) -> [String] {
        settings.wordedNotices.map { language == .zh ? $0.zh : $0.en }
    }
    func warning(_ language: Language) -> String? {
        let all = locale + loadWarnings + notices + unlisted(language)
        guard let first = all.first else { return nil }
        // Those after the first that a command lists.
        let shownListed = locale.isEmpty && !(loadWarnings + notices).isEmpty ? 1 : 0
        let loadMore = loadWarnings.count - (locale.isEmpty ? min(1, loadWarnings.count) : 0)
        let settingsMore = notices.count - (locale.isEmpty && loadWarnings.isEmpty ? min(1, notices.count) : 0)
        let more = loadWarnings.count + notices.count - shownListed
        var commands: [String] = []
        if loadMore > 0 { commands.append(settings.loadWarningsCommand) }
        if settingsMore > 0 { commands.append(settings.allNoticesCommand) }
        let listed = commands.joined(separator: language == .zh ? "；" : "; ")
        // With more to come, a long first notice (a theme's unknown role lists every role) is cut so
        // the pointer to the rest fits in the status message's three lines at 80 columns.
        return more > 0
            ? cutNotice(first) + (language == .zh
                ? "（另 \(more) 项：\(listed)）"
                : " (+\(more) more: \(listed))")
            : first
    }
    // Logged on their own, before the warning, so `:messages` names each: with the locale notice
    // first, the first problem a command lists (under LANG=C a fresh user saw none named); a worded
    // notice not shown first (no command lists it).
    func logged(_ language: Language) -> [String] {
        let listed = loadWarnings + notices
        let firstListed = locale.isEmpty ? [] : Array(listed.prefix(1))
        let worded = locale.isEmpty && listed.isEmpty ? Array(unlisted(language).dropFirst()) : unlisted(language)
        return firstListed + worded
    }
    // In both languages (`L` rewords `:messages` too), each where the notice has its words in both.
    let loggedZH = logged(.zh), loggedEN = logged(.en)
    if loggedZH.count == loggedEN.count {
        for (zh, en) in zip(loggedZH, loggedEN) {
            s.messageLog.append(Flash(Bilingual(zh, en), in: s.language, level: .warning))
        }
    } else {
        for text in logged(s.language) { s.messageLog.append(Flash(text, level: .warning)) }
    }
    if settings.wordedNotices.isEmpty {
        if let text = warning(s.language) { s.session.flash = Flash(text, level: .warning) }
    } else if let zh = warning(.zh), let en = warning(.en) {
        s.session.flash = Flash(Bilingual(zh, en), in: s.language, level: .warning)
    }
    return s
}

/// The most cells of a first notice shown before "(+N more: …)": with a pointer of up to 60 cells
/// it fits the message log (`:messages`), which holds it whole; the status line shows one line.
let noticeCells = 140

/// `notice` cut to `noticeCells` cells, ending with `…` when cut.
func cutNotice(_ notice: String) -> String {
    guard DisplayWidth.of(notice) > noticeCells else { return notice }
    var out = "", used = 0
    for c in notice {
        let w = DisplayWidth.of(c)
        if used + w > noticeCells - 1 { break }
        out.append(c)
        used += w
    }
    return out + "…"
}

extension AppState {
    /// How the key map names the first key of `action` ("?", or "F1" when rebound), for
    /// messages and hints; "?" marks an action with no key.
    public func keyName(_ action: Action) -> String {
        keyMap.bindings.first { $0.action == action }?.keys.first.map(KeyMap.name) ?? "?"
    }
}

extension AppState {
    /// What is wrong with the command line's `--period`, `--town` and `--filter` for this data,
    /// one message each naming the option ("--period 2015-13: not a period of the data
    /// (2015-08 2015-09 2015-12)"); empty when all apply. The dashboard refuses them before
    /// the terminal opens (exit 2, as `towns report` does), rather than opening elsewhere;
    /// a config's period or a resumed session whose town is gone are notices, not refusals.
    /// `language`: the messages' (the dashboard's language rule: `--lang`, config, locale); the
    /// state's own when nil.
    public func commandLineProblems(periodID: String?, town: String?, filters: [String],
                                    language: Language? = nil) -> [String] {
        var notices: [String] = []
        var s = self
        if let language { s.language = language }
        if let id = periodID {
            if s.facts.periodPositions[id] != nil {
                s.session.periodID = id
            } else {
                let ids = s.dataset.periods.map(\.id).joined(separator: " ")
                notices.append(s.tr(Catalogue.notAPeriodOption(id, ids)))
            }
        }
        var settings = Settings(source: "command line")
        settings.town = town
        settings.filters = filters
        _ = opened(s, settings, notices: &notices)
        return notices
    }
}
