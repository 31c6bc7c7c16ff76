import TownsCore

/// Start-up's `--filter` and `--town` (`Settings.filters`, `Settings.town`), applied as the
/// command line's `:filter` and `:town` would; one that fails becomes a notice naming it.
func opened(_ state: AppState, _ settings: Settings, notices: inout [String]) -> AppState {
    var s = state
    for f in settings.filters {
        let t = runCommand(s, "filter " + f)
        if t.filter == s.filter && !f.hasPrefix("clear") {
            notices.append("--filter \(f): \(t.message ?? "no change")")
        } else {
            s = t
        }
    }
    if let town = settings.town {
        let t = runCommand(s, "town " + town)
        if t.screen.kind.isPage { s = t } else { notices.append("--town \(town): \(t.message ?? "no town")") }
    }
    s.message = nil
    return s
}
