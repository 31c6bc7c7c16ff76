import TownsCore

/// The state for new facts (the data reloaded while the dashboard runs: another user
/// imported a month): the session kept whole (language, theme, filter, search, sorts, help,
/// command line, history) with the view stack, period and selections carried over.
///
/// - The period is kept by its id; if the new data lacks it, the latest period not after
///   it (else the first).
/// - The stack is kept down to the first screen whose subject is gone (a town, type, entity
///   or city no longer in the data); a stack with nothing left is the towns view.
/// - Each list's selection goes back to the row that opens what it opened (`Screen.selected`),
///   wherever that row now is; when it is gone, to the nearest row (the same position,
///   clamped to the list). Its scroll keeps it visible; a town's page keeps its scroll,
///   clamped to the page's length.
/// - `reloadProblem` is cleared (this data loaded); `dataChangedAt` is left to the caller.
public func reloaded(_ old: AppState, with facts: Facts) -> AppState {
    var s = old.replacingFacts(facts)
    let dataset = facts.dataset
    if let period = old.period {
        if dataset.periods.contains(where: { $0.id == period.id }) {
            s.session.periodID = period.id
        } else {
            let i = dataset.periods.lastIndex { ($0.year, $0.through) <= (period.year, period.through) } ?? 0
            s.session.periodID = dataset.periods.indices.contains(i) ? dataset.periods[i].id : nil
        }
    } else {
        s.session.periodID = AppState(facts: facts).session.periodID
    }
    var stack: [Screen] = []
    for screen in old.stack {
        guard stillThere(screen.kind, in: dataset) else { break }
        stack.append(screen)
    }
    s.stack = stack.isEmpty ? [Screen(AppState.topViews[0])] : stack
    s = reselected(s, before: old)
    s.reloadProblem = nil
    return s
}

/// Each list's selection on the row that opens what it opened (`Screen.selected`), wherever
/// that row now is; when it is gone, the nearest row: the position it had in `before` (the
/// state reloaded; none: the first row), clamped to the list's rows (not on to the totals
/// row). Then each screen clamped as it would be with it on top (the visible rows depend on
/// it). After a reload, and when a follower takes the presenter's place.
func reselected(_ state: AppState, before: AppState? = nil) -> AppState {
    var s = state
    for i in s.stack.indices {
        var top = s
        top.stack = Array(s.stack[...i])
        var sc = s.stack[i]
        if !sc.kind.isPage, let list = top.list(for: sc), top.selectionRow(sc, in: list) == nil {
            let old = before.map { $0.selectionRow(sc) } ?? 0
            sc = top.selecting(sc, row: min(old, max(0, list.content.rows.count - 1)))
        }
        top.stack[i] = sc
        s.stack[i] = clampedForReload(top.screen, in: top)
    }
    return s
}

/// A reload with a dataset (tests; the dashboard sends `Action.dataReloaded` with facts).
public func reloaded(_ old: AppState, with dataset: Dataset) -> AppState {
    reloaded(old, with: Facts(dataset: dataset))
}

/// Whether the subject of a screen is still in `dataset`.
func stillThere(_ kind: Screen.Kind, in dataset: Dataset) -> Bool {
    switch kind {
    case .townList, .typeList, .entityList, .assessment, .assessmentNotes, .province, .cityTotals: return true
    case let .townsOfType(n): return dataset.type(n) != nil
    case let .townsOfEntity(id): return id.map { dataset.entity($0) != nil } ?? true
    case let .townPage(id): return dataset.town(id) != nil
    case let .city(name): return dataset.province?.cities.contains { $0.nameZH == name } ?? false
    case .reference, .overview, .changes, .messages: return true
    case let .referencePage(topic): return dataset.reference?.topics.contains(topic) ?? false
    }
}

/// `clamped`, and for a town's page the scroll limited to the page's length.
func clampedForReload(_ screen: Screen, in state: AppState) -> Screen {
    var sc = clamped(screen, in: state)
    if screen.kind.isPage {
        let total = state.pageLines(
            screen.kind, width: Renderer.bodyRect(width: state.width, height: state.height).width
        ).count
        sc.scroll = min(sc.scroll, max(0, total - Renderer.visibleLines(state)))
    }
    return sc
}
