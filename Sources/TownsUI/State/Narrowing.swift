import TownsCore

/// The narrowing search (`&`, or Ctrl-F while typing `/`): the list keeps only the rows that
/// match, as k9s's `/`; a chip on the breadcrumb line names the search and how many rows
/// it keeps, and Esc (or `c`) brings every row back.
extension AppState {
    /// The list `screen` shows narrowed to the rows matching `screen.narrow` (in the sorted
    /// list's order), without the sums (they are of every row) and the notes that describe them
    /// (`ListContent.sumNotes`); the city's reported totals row stays where the query finds it,
    /// as `/` finds it (`cityRowMatches`: `&jx`, `&嘉兴`). nil when not narrowed.
    func narrowedList(_ screen: Screen) -> ViewCache.List? {
        guard let query = screen.narrow, !query.isEmpty, screen.kind.narrows else { return nil }
        var key = listKey(screen.kind)
        key.sortColumn = screen.sortColumn
        key.sortDescending = screen.sortDescending
        key.narrow = query
        var kept: Int?
        let narrowed = cache.list(key) {
            guard let full = sortedList(screen) else { return nil }
            var content = full.content
            let matches = cache.searchMatches(full, query: query, endings: searchIndex.endings,
                                              haystack: haystackMaker(content))
            kept = matches.count
            content.rows = content.rows.reordered(matches)
            content.targets = content.targets.reordered(matches)
            // The city's row is the first summary row (what `summaryTarget` opens).
            let cityKept = content.summaryTarget == .cityTotals && !content.summary.isEmpty && cityRowMatches(query)
            content.summary = cityKept ? [content.summary[0]] : []
            if !cityKept { content.summaryTarget = nil }
            if !content.sumNotes.isEmpty {
                let kept = content.notes.indices.filter { !content.sumNotes.contains($0) }
                content.noteColumns = Dictionary(uniqueKeysWithValues: kept.enumerated().compactMap { new, old in
                    content.noteColumns[old].map { (new, $0) } })
                content.notes = kept.map { content.notes[$0] }
                content.sumNotes = []
            }
            // No town matches but the city's row does: said so, not "no match" above a row shown.
            // A list the filter had emptied before the query says so as it did, not that nothing
            // matched (wave 42's fresh user: `&hai` under `b` at the full year read `没有匹配「hai」`
            // beside Haining and Haiyan, where no town could be judged behind).
            if full.content.rows.isEmpty && !cityKept {
                content.emptyText = full.content.emptyText
            } else {
                content.emptyText = tr(cityKept ? Catalogue.noTownMatchesButTheCityDoes(query) : Catalogue.noMatchFor(query))
            }
            return content
        }
        // Every row kept matches the query (they are its matches, in order): the search of the
        // narrowed list (`searchMatches`, the frame's highlight and `n`) is answered without
        // looking through the towns' texts a second time (the cold `&` did: half its time).
        if let narrowed, let kept { cache.rememberSearch(narrowed, query: query, matches: Array(0..<kept)) }
        return narrowed
    }
}

/// A key typed while a search takes input: Ctrl-F switches between jumping to matches and
/// keeping only them; while narrowing, each key narrows the list anew (the selection on its
/// first row), Esc shows every row again with the selection where the search began.
func narrowingSearchKey(_ state: AppState, _ key: Key) -> AppState {
    var s = state
    if key == .ctrl("f") {
        // Not on the overview (`Screen.Kind.narrows`): the search goes on finding rows, and says so.
        if s.screen.narrow == nil, !s.screen.kind.narrows {
            s.say(Catalogue.overviewDoesNotNarrow)
            return s
        }
        if s.screen.narrow == nil {
            s.screen.narrow = s.search?.query ?? ""
            s.screen = s.selecting(s.screen, row: 0)
            s.screen.scroll = 0
            s.screen = clamped(s.screen, in: s)
            return narrowingSaid(s)
        }
        s.screen.narrow = nil
        s.screen = returnedToOrigin(s)
        return jumpToMatch(s, forward: true, includeCurrent: true)
    }
    guard s.screen.narrow != nil, var search = s.search else { return searchKey(s, key) }
    switch key {
    case let .char(c):
        guard search.query.count < SearchState.maximumLength else { return searchKey(s, key) }
        search.query.append(c)
    case .backspace, .delete:
        guard !search.query.isEmpty else {
            s.screen.narrow = nil
            return searchKey(s, key)
        }
        search.query.removeLast()
    case .escape:
        s.screen.narrow = nil
        return searchKey(s, key)
    case .enter:
        s = searchKey(s, key)
        if s.search == nil { s.screen.narrow = nil }
        s.screen = clamped(s.screen, in: s)
        return s
    default:
        return searchKey(s, key)
    }
    s.search = search
    s.screen.narrow = search.query
    s.screen = s.selecting(s.screen, row: 0)
    s.screen.scroll = 0
    s.screen = clamped(s.screen, in: s)
    return narrowingSaid(s)
}

/// The rows a narrowed list shows: the towns that match and the city's reported row where the
/// query finds it (`&jx` showed the city's row under a chip of `0 rows`).
func narrowedRowCount(_ state: AppState) -> Int {
    guard let content = state.content(for: state.screen) else { return 0 }
    return content.rows.count + (state.screen.narrow == nil ? 0 : content.summary.count)
}

/// The status line saying how many rows the narrowing keeps.
private func narrowingSaid(_ state: AppState) -> AppState {
    var s = state
    guard let q = s.screen.narrow, !q.isEmpty else { return s }
    // The first row's county or operating entity, where that and not its names matched (wave 36).
    s.message = s.withMatchReason(s.tr(Catalogue.rowsKept("\(narrowedRowCount(s))", q)), query: q)
    return s
}

/// Every row shown again (Esc on a narrowed list), the selection kept on the row it was on.
func withoutNarrowing(_ state: AppState) -> AppState {
    var s = state
    // The selection is the row's identity: every row shown again, it is on the same row.
    s.screen.narrow = nil
    s.search = nil
    s.screen = clamped(s.screen, in: s)
    s.say(Catalogue.everyRowAgain)
    return s
}

extension Renderer {
    /// The chip of a narrowed list: `/海宁 2 行 (Esc 清除)`.
    static func narrowChip(_ state: AppState, query: String) -> String {
        let n = narrowedRowCount(state)
        return "/" + query + " " + state.tr(Catalogue.narrowChip("\(n)", state.keyName(.back)))
    }
}

extension Renderer {
    /// The chip of a kept search (after Enter): `/海宁 (n/N)`, the keys that move between its
    /// matches; `/zzz 无匹配` (`no match`) where it matches no row of the list shown, offering no
    /// key (wave 43), unless on the overview the window folds the matching towns away (`n` says
    /// where they are, wave 34); `/海宁` alone while following (`n` `N` are the presenter's).
    static func searchChip(_ state: AppState, query: String) -> String {
        if state.isFollowingPresenter { return "/" + query }
        if state.list(for: state.screen) != nil, state.searchMatches().isEmpty,
           state.screen.kind != .overview || state.searchMatches(Screen(.townList)).isEmpty {
            return "/" + query + " " + state.tr(Catalogue.searchChipNoMatch)
        }
        return "/" + query + " (\(state.keyName(.nextMatch))/\(state.keyName(.previousMatch)))"
    }
}
