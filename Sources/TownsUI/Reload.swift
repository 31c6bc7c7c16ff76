import TownsCore

/// The state for a dataset that was reloaded while the dashboard runs (another user
/// imported a month): the same view, navigation stack, period, selections and scroll,
/// carried over to the new data.
///
/// - The period is kept by its id; if the new data lacks it, the latest period not after
///   it (else the first).
/// - The stack is kept down to the first screen whose subject is gone (a town, type, entity
///   or city no longer in the data); a stack with nothing left is the towns view.
/// - Each screen's selection is clamped to its rows and its scroll keeps it visible; a
///   town's page keeps its scroll, clamped to the page's length.
/// - Size, help, the message and the quit flag are kept; `reloadProblem` is cleared (this
///   data loaded) and `dataChangedAt` is left for the caller to set.
///
/// Findings and metrics are computed anew for the new dataset (as `AppState.init` does).
public func reloaded(_ old: AppState, with dataset: Dataset) -> AppState {
    var s = AppState(dataset: dataset, width: old.width, height: old.height)
    if let period = old.period {
        if let same = dataset.periods.firstIndex(where: { $0.id == period.id }) {
            s.periodIndex = same
        } else {
            s.periodIndex = dataset.periods.lastIndex { ($0.year, $0.through) <= (period.year, period.through) } ?? 0
        }
    }
    var stack: [Screen] = []
    for screen in old.stack {
        guard stillThere(screen.kind, in: dataset) else { break }
        stack.append(screen)
    }
    s.stack = stack.isEmpty ? [Screen(AppState.topViews[0])] : stack
    // Clamp each screen as it would be with it on top (the visible rows depend on it).
    for i in s.stack.indices {
        var top = s
        top.stack = Array(s.stack[...i])
        s.stack[i] = clampedForReload(top.screen, in: top)
    }
    s.showHelp = old.showHelp
    s.message = old.message
    s.quit = old.quit
    s.dataChangedAt = old.dataChangedAt
    s.reloadProblem = nil
    return s
}

/// Whether the subject of a screen is still in `dataset`.
func stillThere(_ kind: Screen.Kind, in dataset: Dataset) -> Bool {
    switch kind {
    case .towns, .types, .entities, .assessment, .province, .cityTotals: return true
    case let .type(n): return dataset.type(n) != nil
    case let .entity(id): return id.map { dataset.entity($0) != nil } ?? true
    case let .town(id): return dataset.town(id) != nil
    case let .city(name): return dataset.province?.cities.contains { $0.nameZH == name } ?? false
    }
}

/// `clamped`, and for a town's page the scroll limited to the page's length.
func clampedForReload(_ screen: Screen, in state: AppState) -> Screen {
    var sc = screen
    // A selection past the new list's end goes to its last row (not on to the totals row).
    if !screen.kind.isPage, let rows = state.content(for: screen)?.rows.count, sc.selection >= rows {
        sc.selection = max(0, rows - 1)
    }
    sc = clamped(sc, in: state)
    if screen.kind.isPage {
        let total = state.pageLines(screen.kind, width: Renderer.bodyRect(width: state.width, height: state.height).width).count
        sc.scroll = min(sc.scroll, max(0, total - Renderer.visibleLines(state)))
    }
    return sc
}
