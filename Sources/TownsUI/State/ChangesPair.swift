import TownsCore

/// `:changes FROM`: the changes view compares period `FROM` (an id of the same year, before
/// the period shown) with the period shown; `:changes prev` goes back to the previous period
/// of the same year, which `[` `]` then move with the period shown. The view is shown.
func compareFrom(_ state: AppState, _ word: String) -> AppState {
    var s = state
    if ["prev", "previous", "上期"].contains(word.lowercased()) {
        s.session.changesFrom = nil
    } else {
        guard let from = s.dataset.period(word) else {
            s.say(Catalogue.noSuchPeriodToCompare(word, s.dataset.periods.map(\.id).joined(separator: " ")))
            return s
        }
        s.session.changesFrom = from.id
    }
    s = advance(s, .showView(.changes))
    if let pair = s.changesPair, let to = s.period {
        // A period that does not fit says so on the message line, short enough for 80 columns
        // (the view's note below the list says it in full, first).
        s.message = pair.chosenIgnored
            ? s.tr(Catalogue.chosenIgnoredShort(word, s.label(pair.from), s.label(to)))
            : s.tr(Catalogue.changesBetween(s.label(pair.from), s.label(to)))
    }
    return s
}

extension AppState {
    /// The pair of periods the changes view compares: `Session.changesFrom` when it names a
    /// period of the same year before the one shown, else the previous period of that year;
    /// nil when there is none. `chosenIgnored`: a chosen period that does not fit (a later one,
    /// another year's: figures run from January, so they would not compare).
    var changesPair: (from: Period, chosenIgnored: Bool)? {
        guard let to = period else { return nil }
        if let id = session.changesFrom, let chosen = dataset.period(id) {
            if chosen.year == to.year && chosen.through < to.through { return (chosen, false) }
            return metrics.previousPeriod(to).map { ($0, true) }
        }
        return metrics.previousPeriod(to).map { ($0, false) }
    }
}

extension AppState {
    /// The period part of an export's file name: the changes view's pair of periods
    /// (`2015-08-to-2015-10`: two exports of different pairs are two names, wave 25's second fresh
    /// user, G7), else the period shown's id; nil when no period is shown.
    public var exportPeriodPart: String? {
        guard let period else { return nil }
        if screen.kind == .changes, let pair = changesPair { return "\(pair.from.id)-to-\(period.id)" }
        return period.id
    }
}
