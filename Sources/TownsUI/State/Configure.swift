import TownsCore

/// The state with the start-up settings applied (`Action.configure`): language, theme,
/// first view, period and key map; the first problem found reading them shown as a warning
/// (with how many more), a period the data lacks among them.
func configured(_ state: AppState, _ settings: Settings) -> AppState {
    var s = state
    var notices = settings.notices
    s.keyMap = settings.keyMap
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
            notices.insert("\(settings.source): period: '\(id)' is not a period of the data (\(ids))", at: 0)
        }
    }
    s.screen = clamped(s.screen, in: s)
    s = opened(s, settings, notices: &notices)
    if let first = notices.first {
        let text = notices.count > 1 ? "\(first) (+\(notices.count - 1) more: towns config)" : first
        s.session.flash = Flash(text, level: .warning)
    }
    return s
}

extension AppState {
    /// How the key map names the first key of `action` ("?", or "F1" when rebound), for
    /// messages and hints; "?" marks an action with no key.
    public func keyName(_ action: Action) -> String {
        keyMap.bindings.first { $0.action == action }?.keys.first.map(KeyMap.name) ?? "?"
    }
}
