/// The one place state changes: `update(state, action)` returns the next state.
///
/// Lists keep the selection in view; detail pages scroll; Enter pushes the selected row's
/// screen, Esc pops it; Tab replaces the stack with the next top view; a resize keeps the
/// selection and scroll valid for the new size.
public func update(_ state: AppState, _ action: Action) -> AppState {
    var s = state
    s.message = nil
    switch action {
    case .quit:
        s.quit = true
    case .toggleHelp:
        s.showHelp.toggle()
    case .cycleTheme:
        let n = max(1, s.themeNames.count)
        s.themeIndex = (s.themeIndex + 1) % n
        s.message = n > 1 ? "主题 theme: \(s.themeNames[s.themeIndex]) (\(s.themeIndex + 1)/\(n))"
                          : "主题 theme: only \(s.themeNames.first ?? "one") (no colour on this terminal, or one theme)"
    case let .resize(width, height):
        s.width = max(0, width)
        s.height = max(0, height)
        s.screen = clamped(s.screen, in: s)
    case .back:
        if s.showHelp {
            s.showHelp = false
        } else if s.stack.count > 1 {
            s.stack.removeLast()
            s.screen = clamped(s.screen, in: s)
        } else {
            s.message = "已在顶层 at the top — q 退出 quit"
        }
    case .nextView, .previousView:
        let tops = AppState.topViews
        let current = Renderer.topIndex(s.stack[0].kind)
        let step = action == .nextView ? 1 : tops.count - 1
        s.stack = [Screen(tops[(max(0, current) + step) % tops.count])]
        s.showHelp = false
    case let .showView(kind):
        s.stack = [Screen(kind)]
        s.showHelp = false
    case .nextPeriod, .previousPeriod:
        let n = s.dataset.periods.count
        guard n > 0 else { s.message = "没有期间 no periods in the data"; break }
        s.periodIndex = (s.periodIndex + (action == .nextPeriod ? 1 : n - 1)) % n
        s.message = "期间 period: \(s.dataset.periods[s.periodIndex].labelZH) \(s.dataset.periods[s.periodIndex].labelEN)"
    case .moveUp, .moveDown, .pageUp, .pageDown, .first, .last:
        if s.showHelp { break }
        s.screen = moved(s.screen, action, in: s)
    case .open:
        if s.showHelp { s.showHelp = false; break }
        guard let content = s.listContent(s.screen.kind), content.targets.indices.contains(s.screen.selection) else { break }
        guard let target = content.targets[s.screen.selection] else {
            s.message = "没有该小镇的数据 no figures for this town in the dataset"
            break
        }
        s.stack.append(Screen(target))
    }
    return s
}

/// Moves the selection of a list, or the scroll of a detail page.
func moved(_ screen: Screen, _ action: Action, in state: AppState) -> Screen {
    var sc = screen
    if case let .town(id) = screen.kind {
        let page = Renderer.visibleLines(state)
        let total = state.townDetail(id, width: Renderer.bodyRect(width: state.width, height: state.height).width).count
        let maxScroll = max(0, total - page)
        switch action {
        case .moveUp: sc.scroll -= 1
        case .moveDown: sc.scroll += 1
        case .pageUp: sc.scroll -= page
        case .pageDown: sc.scroll += page
        case .first: sc.scroll = 0
        case .last: sc.scroll = maxScroll
        default: break
        }
        sc.scroll = min(max(0, sc.scroll), maxScroll)
        return sc
    }
    let count = state.listContent(screen.kind)?.rows.count ?? 0
    let page = Renderer.visibleRows(state)
    switch action {
    case .moveUp: sc.selection -= 1
    case .moveDown: sc.selection += 1
    case .pageUp: sc.selection -= page
    case .pageDown: sc.selection += page
    case .first: sc.selection = 0
    case .last: sc.selection = count - 1
    default: break
    }
    sc.selection = min(max(0, sc.selection), max(0, count - 1))
    return clamped(sc, in: state)
}

/// Keeps the selection inside the list and the list scrolled so the selection is visible.
func clamped(_ screen: Screen, in state: AppState) -> Screen {
    var sc = screen
    if case .town = screen.kind {
        sc.scroll = max(0, sc.scroll)
        return sc
    }
    let count = state.listContent(screen.kind)?.rows.count ?? 0
    let page = Renderer.visibleRows(state)
    sc.selection = min(max(0, sc.selection), max(0, count - 1))
    if sc.selection < sc.scroll { sc.scroll = sc.selection }
    if sc.selection >= sc.scroll + page { sc.scroll = sc.selection - page + 1 }
    sc.scroll = min(max(0, sc.scroll), max(0, count - page))
    return sc
}
