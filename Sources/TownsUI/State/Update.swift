import TownsCore

/// The one place state changes: `step(state, action)` returns the next state and the
/// effects the front end is to perform (write an export, quit), which report back as
/// actions (`Action.exportFinished`). Keys, resize, the start-up settings, a reload and the
/// result of an export are all actions, so each is a unit test: state in, action, state out.
///
/// Lists keep the selection in view; detail pages scroll; Enter pushes the selected row's
/// screen, Esc pops it; Tab replaces the stack with the next top view; a resize keeps the
/// selection and scroll valid for the new size.
///
/// ```swift
/// let (next, effects) = step(state, .quit)   // effects == [.quit]
/// ```
public func step(_ state: AppState, _ action: Action) -> (state: AppState, effects: [Effect]) {
    var s = state
    s.outbox = []
    s = advance(s, action)
    s = withSelectionNamed(s, before: state)
    s = withMessageLogged(s, before: state)
    let effects = s.outbox
    s.outbox = []
    return (s, effects)
}

/// `state` with its status message logged (`MessageLog`) when it is new since `before`; while
/// a search is typed (`/`, `&`) none is: each key's "N rows match" would be an entry a character
/// (wave 21). Enter settles the search, and the message shown then is logged once; Esc
/// cancels it, and only a message of its own is logged.
func withMessageLogged(_ state: AppState, before: AppState) -> AppState {
    var s = state
    if s.search?.editing == true { return s }
    // Settled: the last message typed ("2 rows match …"), which Enter's key took off the line.
    if before.search?.editing == true, s.search != nil, let typed = before.session.flash,
       s.messageLog.entries.last?.text != typed.text
    {
        s.messageLog.append(typed)
    }
    if let flash = s.session.flash, flash != before.session.flash { s.messageLog.append(flash) }
    return s
}

/// `step` without the effects: the next state (tests, and callers that perform none).
public func update(_ state: AppState, _ action: Action) -> AppState {
    step(state, action).state
}

/// Each list screen's selection named by its row's identity (`Screen.selected`, else its
/// `plainRow`): the top screen's after every action, every screen's when the rows may have
/// changed (period, filter, data). A row whose identity is no longer in its list (a filter
/// left it out) gives way to the row at its old position, clamped to the list.
func withSelectionNamed(_ state: AppState, before: AppState) -> AppState {
    var s = state
    let all = s.facts !== before.facts || s.periodIndex != before.periodIndex || s.filter != before.filter
    for i in s.stack.indices where i == s.stack.count - 1 || all {
        guard !s.stack[i].kind.isPage else {
            (s.stack[i].selected, s.stack[i].plainRow, s.stack[i].occurrence) = (nil, nil, nil)
            continue
        }
        var top = s
        top.stack = Array(s.stack[...i])
        guard let list = top.list(for: s.stack[i]) else { continue }
        var moved = all
        if let row = top.selectionRow(s.stack[i], in: list) {
            // Named already, or a plain row that may now open something.
            if s.stack[i].selected == nil { s.stack[i] = top.selecting(s.stack[i], row: row) }
        } else {
            let old = before.stack.indices.contains(i) ? before.selectionRow(s.stack[i]) : 0
            s.stack[i] = top.selecting(s.stack[i], row: old)
            moved = true
        }
        // The rows changed: the selected row, wherever it now is, in view.
        if moved { s.stack[i] = clamped(s.stack[i], in: top) }
    }
    return s
}

/// Applies one action; what it asks the front end to do goes into `outbox`.
func advance(_ state: AppState, _ action: Action) -> AppState {
    var s = state
    // A message stands until the user's next action: the live reload's poll finding the files
    // as they were is not one (it comes every second, and would wipe "records gone" unread).
    if case .dataUnchanged = action {} else { s.message = nil }
    if followerRefuses(s, action) { return refusedWhileFollowing(s) }
    switch action {
    case let .meeting(m):
        s = meetingStep(s, m, before: state)
    case .quit:
        s.outbox.append(.quit)
    case let .configure(settings):
        s = configured(s, settings)
    case let .dataReloaded(facts, changedAt, warnings, lost, lostChinese):
        let shownBefore = s.period
        s = reloaded(s, with: facts)
        s.dataChangedAt = changedAt
        s.message =
            s.tr(Catalogue.dataReloaded)
            + (warnings == 0 ? "" : s.tr(Catalogue.reloadWarnings("\(warnings)")))
        // The period shown is gone from the data (its monthly file removed): say so, as a warning.
        if let gone = shownBefore, s.period?.id != gone.id {
            // In both languages, each with the periods' labels in it (`L` rewords it, wave 29).
            var words: [String] = []
            for language in [Language.zh, .en] {
                var t = s
                t.language = language
                words.append(t.tr(Catalogue.dataReloaded)
                             + t.tr(Catalogue.periodGone(t.label(gone), t.period.map(t.label) ?? "—")))
            }
            s.session.flash = Flash(Bilingual(words[0], words[1]), in: s.language, level: .warning)
        }
        // A file that shrank and lost records the data shown had: say what went missing.
        // It stays on the status line (`recordsLost`) until a reload loses nothing more, worded
        // when drawn (wave 29: it kept the reload's language after `L`).
        s.recordsLostWords = lost.map {
            Bilingual(Catalogue.reloadedRecordsGone.zh + (lostChinese ?? $0), Catalogue.reloadedRecordsGone.en + $0)
        }
        if let lost = s.recordsLostWords { s.session.flash = Flash(lost, in: s.language, level: .warning) }
    case let .reloadFailed(problem, more, chinese, brief):
        // Kept as data: worded when drawn, in the language of that moment (wave 11).
        s.reloadFailure = ReloadFailure(english: problem, chinese: chinese ?? problem, more: more)
        s.reloadFailure?.brief = brief
        // Logged too (`:messages`), once per new problem: the poll repeats it every second.
        if s.reloadFailure != state.reloadFailure, let failure = s.reloadFailure {
            s.messageLog.append(Flash(failure.words(s), level: .warning))
        }
        // The problem is news: no earlier message ("data reloaded") may stand over it.
        s.message = nil
    case .reloading:
        s.say(Catalogue.dataReloading)
    case .dataUnchanged:
        s.reloadProblem = nil  // the files are back as they were when shown
        // A poll that found nothing is not news: the message stands (start-up notices too).
        s.session.flash = state.session.flash
    case let .exportFinished(text, failed):
        s.session.flash = Flash(text, level: failed ? .warning : .info)
    case let .snapshotDamaged(blocks):
        s.session.flash = Flash(Catalogue.snapshotBlocksDamaged(blocks), in: s.language, level: .warning)
    case let .snapshotNotRebuilt(status, command):
        s.session.flash = Flash(Catalogue.snapshotNotRebuilt(status: status, command: command), in: s.language,
                                level: .warning)
    case let .unboundKey(key):
        // Below the smallest screen every key but quit is refused (`route`): bound or not, it
        // did nothing because the terminal was too small, which is what is said once it is not.
        // Every key refused is named (each once), not only the last: a meeting must know that
        // none of them acted.
        if s.width < Renderer.minimumWidth || s.height < Renderer.minimumHeight {
            let name = KeyMap.name(key)
            if !s.keysRefusedWhileTooSmall.contains(name) { s.keysRefusedWhileTooSmall.append(name) }
            s.say(Catalogue.keysRefusedWhileTooSmall(s.keysRefusedWhileTooSmall))
        } else if key == .ctrl("z") {
            // Ctrl-Z reaches the keys only where it could not suspend (no job-control shell:
            // `Signals`), or where the terminal sends it as a key: said why (wave 30's fresh user).
            s.keysRefusedWhileTooSmall = []
            s.say(Catalogue.suspendUnavailable(s.keyName(.quit)))
        } else {
            s.keysRefusedWhileTooSmall = []
            s.say(Catalogue.keyDoesNothingForHelp("\(KeyMap.name(key))", "\(s.keyName(.toggleHelp))"))
        }
    case .showMessages:
        s = showingMessages(s)
    case .toggleHelp:
        s.showHelp.toggle()
        s.helpScroll = 0
    case .cycleTheme:
        let n = max(1, s.themeNames.count)
        s.themeIndex = (s.themeIndex + 1) % n
        s.message =
            n > 1
            ? s.tr(Catalogue.theme2) + "\(s.themeNames[s.themeIndex]) (\(s.themeIndex + 1)/\(n))"
                + s.builtInWords(s.themeNames[s.themeIndex])
            : s.defaultThemeBuiltIn && s.themeNames == ["default"] ? s.tr(Catalogue.onlyBuiltInTheme)
            : s.tr(Catalogue.onlyTheme(s.themeNames.first ?? "monochrome"))
    case let .resize(width, height):
        // A resize is not the user's answer to the message: "match 2/5" and the like stay.
        s.session.flash = state.session.flash
        s.width = max(0, width)
        s.height = max(0, height)
        s.screen = clamped(s.screen, in: s)
        // Large enough again: the refusals stay named (the message stands) and the next small
        // spell names its own keys.
        if s.width >= Renderer.minimumWidth && s.height >= Renderer.minimumHeight { s.keysRefusedWhileTooSmall = [] }
    case .back:
        if s.showHelp {
            s.showHelp = false
        } else if s.screen.narrow != nil {
            s = withoutNarrowing(s)
        } else if s.stack.count > 1 {
            s.stack.removeLast()
            s.screen = clamped(s.screen, in: s)
        } else {
            s.say(Catalogue.atTheTopQuits("\(s.keyName(.quit))"))
        }
    case .nextView, .previousView:
        let tops = AppState.topViews
        let current = Renderer.topIndex(s.stack[0].kind)
        let step = action == .nextView ? 1 : tops.count - 1
        s = showingTopView(s, tops[(max(0, current) + step) % tops.count])
        s.showHelp = false
    case let .showView(kind):
        s = showingTopView(s, kind)
        s.showHelp = false
    case .nextPeriod, .previousPeriod:
        let n = s.dataset.periods.count
        guard n > 0 else { s.say(Catalogue.noPeriodsInTheData); break }
        let before = s.periodIndex
        s.periodIndex = (s.periodIndex + (action == .nextPeriod ? 1 : n - 1)) % n
        let p = s.dataset.periods[s.periodIndex]
        s.say(Catalogue.period("\(p.labelZH)", "\(p.labelEN)"))
        // Past either end the periods wrap round: say so, or a held ] would cycle unnoticed.
        if n > 1, action == .nextPeriod ? s.periodIndex < before : s.periodIndex > before {
            s.message! +=
                action == .nextPeriod
                ? s.tr(Catalogue.wrappedToTheFirst)
                : s.tr(Catalogue.wrappedToTheLast)
        }
        // The filter's count for the new period follows the period said, never replaces it
        // (wave 42's fresh user: with `b` on, `[` said only `filter: behind schedule — 0 towns`,
        // not the period nor its wrap to the last).
        if !s.filter.isEmpty {
            let said = s.message
            s = refiltered(s)
            if let said, let counted = s.message { s.message = said + (s.language == .zh ? "；" : "; ") + counted }
        }
    case .moveUp, .moveDown, .pageUp, .pageDown, .first, .last:
        if s.showHelp {
            let lines = Renderer.helpLineCount(s)
            let visible = max(1, min(s.height - 2, lines + 2) - 2)
            s.helpScroll = scrolled(
                s.helpScroll, action, page: max(1, s.height - 4), maxScroll: max(0, lines - visible))
            break
        }
        s.screen = moved(s.screen, action, in: s)
        // On a list narrowed by `&`, or with a search's matches shown, a row matched by its county
        // or operating entity says so as the selection reaches it (wave 36: nothing on the row did).
        if let query = s.screen.narrow ?? s.search?.query, !query.isEmpty,
           let reason = s.matchReason(row: s.selection, query: query) {
            s.message = reason
        }
    case .open:
        if s.showHelp { s.showHelp = false; break }
        guard let content = s.content(for: s.screen), s.selection < content.selectableCount else { break }
        guard let target = content.target(at: s.selection) else {
            s.say(Catalogue.noFiguresForThisTown)
            break
        }
        let withBehind = content.opensWithBehindFilter.contains(s.selection) && !s.filter.behindSchedule
        let scroll = content.opensAtChecks.contains(s.selection)
            ? s.checksScroll() : s.openingScroll(target, from: s.screen.kind)
        s.stack.append(Screen(target, scroll: scroll))
        if withBehind {
            s.filter.behindSchedule = true
            s = refiltered(s)
        }
    case .toggleLanguage:
        if s.language == .en && s.chineseUnavailable {
            s.say(Catalogue.chineseNeedsUTF8(s.localeVariable))
        } else {
            s.language = s.language == .zh ? .en : .zh
            s.say(Catalogue.languageSwitched(toEnglish: s.language == .en))
            // A warning worded in both languages stays, in the new one (wave 29: it was covered by
            // the language's message, then came back in the old language, or was lost unread).
            if let warning = state.session.flash, warning.level == .warning, warning.words != nil {
                s.session.flash = warning
            }
        }
    case .startSearch, .startNarrowing:
        // A prompt is drawn over the view, not under the help: the help closes first (a fresh user
        // typed `/` in the help and saw nothing while the keys went to a hidden search).
        s.showHelp = false
        // From a page, the search is in the list the page was opened from.
        if s.screen.kind.isPage, s.stack.count > 1, s.content(for: s.stack[s.stack.count - 2]) != nil {
            s.stack.removeLast()
        }
        guard s.content(for: s.screen) != nil else {
            s.say(Catalogue.nothingToSearchOnThis); break
        }
        if action == .startNarrowing, !s.screen.kind.narrows {
            s.say(Catalogue.overviewDoesNotNarrow); break
        }
        s.search = SearchState(query: "", editing: true)
        s.searchOrigin = s.screen
        if action == .startNarrowing { s.screen.narrow = "" }
    case let .searchKey(key):
        s = narrowingSearchKey(s, key)
    case .nextMatch, .previousMatch:
        s = jumpToMatch(s, forward: action == .nextMatch, includeCurrent: false)
    case .sortNextColumn, .sortReverse:
        if let refused = sortRefused(s) { s = refused; break }
        guard let content = s.listContent(s.screen.kind) else {
            s.say(Catalogue.nothingToSortOnThis); break
        }
        var column = s.screen.sortColumn
        var descending = s.screen.sortDescending
        if action == .sortReverse {
            if column == nil { column = 0 }
            descending.toggle()
        } else {
            // Next column with a title (bars and blank columns are skipped); after the last, the data's order.
            let titled = content.columns.indices.filter { !content.columns[$0].title.isEmpty }
            if let current = column, let i = titled.firstIndex(of: current) {
                column = i + 1 < titled.count ? titled[i + 1] : nil
            } else {
                column = titled.first
            }
        }
        s = sorted(s, column: column, descending: descending)
    case let .chooseSort(descending):
        s = openSortChooser(s, descending: descending)
    case let .sortChooserKey(key):
        s = sortChooserKey(s, key)
    case .toggleBehindFilter:
        s.filter.behindSchedule.toggle()
        s = refiltered(s)
        if !s.filter.behindSchedule {
            // Cleared as it was set: logged (`:messages`), with what the list keeps now.
            let n = (s.listedTowns(s.screen.kind) ?? s.filtered(Array(s.dataset.townIndices))).count
            let now = s.filter.isEmpty ? s.tr(Catalogue.noFilter) + " — " + s.tr(Catalogue.towns("\(n)")) : s.message
            s.message = s.tr(Catalogue.behindFilterOff) + " — " + (now ?? "")
        }
    case .clearFilter:
        let had = !s.filter.isEmpty || s.search != nil || s.screen.narrow != nil
        s.filter = TownFilter()
        s.search = nil
        for i in s.stack.indices { s.stack[i].narrow = nil }
        s = refiltered(s)
        s.say(had ? Catalogue.filterAndSearchCleared : Catalogue.noFilter)
    case .startCommand:
        s.showHelp = false  // the command line shows over the view, as a search's prompt does
        s.commandLine = CommandLineState()
    case let .commandKey(key):
        s = commandKey(s, key)
    case let .runCommand(text):
        s = runCommand(s, text)
    case let .mouse(event):
        s = mouse(s, event)
    case let .paste(text):
        s = pasted(s, text)
    case .copy:
        guard let clip = ClipboardText.of(s) else { s.say(Catalogue.nothingToCopy); break }
        s.outbox.append(.copy(clip))
    case let .copied(rows, refusal, saved, notSaved):
        s = copied(s, rows: rows, refusal: refusal, saved: saved, notSaved: notSaved)
    case .export:
        let format: ExportRequest.Format = s.screen.kind.isPage ? .text : .csv  // a page as text
        if let refusal = s.exportRefusal(format) { s.say(refusal); break }
        s.outbox.append(.export(ExportRequest(format: format, path: nil, byteOrderMark: format == .csv)))
    }
    // The help covers the status line: a warning that came while it was open (the meeting ended,
    // the data's period went) is shown once it closes, not cleared unseen by the key that closed
    // it (wave 25, F4: a follower reading the help never saw "meeting ended").
    if state.showHelp, !s.showHelp, s.session.flash == nil, let warning = state.session.flash,
       warning.level == .warning
    {
        s.session.flash = warning
    }
    // A follower's page is scrolled to the presenter's content (`PageAnchor`), which its own
    // resize or language puts on other lines: the anchor is applied again (wave 25, F8: after a
    // resize the follower showed the full year's section while the presenter read Jan-Sep's).
    if s.isFollowingPresenter, s.width != state.width || s.height != state.height || s.language != state.language {
        s = anchored(s)
    }
    return s
}

/// What a key asks for: the command line or the search take it while they take input, else
/// the state's key map (`AppState.keyMap`, the one the hint line and the help name) says.
public func route(_ key: Key, in state: AppState) -> Action {
    // Below the smallest screen only the "terminal too small" message is drawn: a key that did
    // something there (opened a page, wrote an export) would act unseen, so only the quit key
    // the message names acts (even while a command line or search was open).
    if state.width < Renderer.minimumWidth || state.height < Renderer.minimumHeight {
        return state.keyMap.action(for: key) == .quit ? .quit : .unboundKey(key)
    }
    if case let .mouse(event) = key { return .mouse(event) }
    if case let .paste(text) = key { return .paste(text) }
    if state.commandLine != nil { return .commandKey(key) }
    if state.search?.editing == true { return .searchKey(key) }
    if state.session.sortChooser != nil { return .sortChooserKey(key) }
    return state.keyMap.action(for: key) ?? .unboundKey(key)
}

/// `update` with the action a key asks for (`route`).
public func handle(_ state: AppState, _ key: Key) -> AppState {
    update(state, route(key, in: state))
}

/// After the filter changes: keep the selection valid and say what is shown.
func refiltered(_ state: AppState) -> AppState {
    var s = state
    for i in s.stack.indices {
        s.stack[i] = clamped(s.stack[i], in: s)
    }
    if !s.filter.isEmpty {
        // The towns of the list shown (a type's: 1 of its own, not 3 of the city's), else all.
        let listed = s.listedTowns(s.screen.kind) ?? s.filtered(Array(s.dataset.townIndices))
        let n = listed.count
        s.message = s.tr(Catalogue.filter) + ": " + s.filter.summary(s.tr, countyName: s.countyShown, problemName: s.problemShown) + " — " + s.tr(Catalogue.towns("\(n)"))
        // The behind filter keeps the undecided towns too (`?`): said with their count, as the
        // overview's `落后 2 镇 ?2` does (wave 31's fresh user: `落后 — 4 个小镇` read as 4 behind).
        if s.filter.behindSchedule {
            let undecided = undecidedCount(s, among: listed)
            if undecided > 0 { s.message = (s.message ?? "") + s.tr(Catalogue.ofWhichUndecided(undecided)) }
        }
    }
    return s
}

/// How many of `towns` (positions in the dataset) have an undecided verdict in the period shown
/// (`ScheduleReadings.isUndecided`): of the period's undecided towns (`AppState.undecidedTowns`:
/// the snapshot's stored overview's where it is stored, else worked out once per period and kept
/// for the overview's and the sums' `?N`).
func undecidedCount(_ s: AppState, among towns: [Int]) -> Int {
    guard s.period != nil else { return 0 }
    let set = Set(s.undecidedTowns())
    return towns.reduce(0) { $0 + (set.contains($1) ? 1 : 0) }
}

/// A key typed while the search takes input.
func searchKey(_ state: AppState, _ key: Key) -> AppState {
    var s = state
    guard var search = s.search else { return s }
    switch key {
    case let .char(c):
        // Past the longest query a key changes nothing (a paste of a page costs no search).
        guard search.query.count < SearchState.maximumLength else {
            s.say(Catalogue.aSearchHoldsAtMost("\(SearchState.maximumLength)"))
            return s
        }
        search.query.append(c)
    case .backspace, .delete:
        if search.query.isEmpty { s.search = nil; return s }
        search.query.removeLast()
    case .enter:
        search.editing = false
        s.search = search.query.isEmpty ? nil : search
        // A query that matches nothing says so at once, not only at the next `n` (wave 43's fresh
        // user: `/zzz` Enter showed the chip `/zzz (n/N)` as if there were matches); the chip says
        // it too (`Renderer.searchChip`).
        if !search.query.isEmpty, s.list(for: s.screen) != nil, s.searchMatches().isEmpty {
            s.message = jumpToMatch(s, forward: true, includeCurrent: true).message
        }
        return s
    case .escape:
        s.search = nil
        s.screen = clamped(returnedToOrigin(s), in: s)
        return s
    case .down, .tab:
        s.search = search
        return jumpToMatch(s, forward: true, includeCurrent: false)
    case .up, .backTab:
        s.search = search
        return jumpToMatch(s, forward: false, includeCurrent: false)
    case .resize:
        return s
    default:
        break
    }
    s.search = search
    var from = s
    from.screen = returnedToOrigin(s)
    let moved = jumpToMatch(from, forward: true, includeCurrent: true)
    s.screen = moved.screen
    s.message = moved.message
    return s
}

/// The screen shown with the selection where the search began (`Session.searchOrigin`).
func returnedToOrigin(_ state: AppState) -> Screen {
    var sc = state.screen
    if let origin = state.searchOrigin {
        (sc.selected, sc.plainRow, sc.occurrence) = (origin.selected, origin.plainRow, origin.occurrence)
    }
    return sc
}

/// Moves the selection to the next (or previous) row matching the search, wrapping.
func jumpToMatch(_ state: AppState, forward: Bool, includeCurrent: Bool) -> AppState {
    var s = state
    guard let search = s.search, !search.query.isEmpty else {
        if state.search == nil {
            s.say(Catalogue.noSearchToSearch("\(s.keyName(.startSearch))"))
        }
        return s
    }
    guard s.content(for: s.screen) != nil else { return s }
    let matches = s.searchMatches()
    guard !matches.isEmpty else {
        // The overview shows its panels folded to the window: a town it folds away is said to be
        // there, with where the towns view finds it, not "no match" (wave 34, session 27's S: the
        // answer differed by window size).
        if s.screen.kind == .overview, case let found = s.searchMatches(Screen(.townList)).count, found > 0 {
            s.say(Catalogue.overviewMatchFolded("\(search.query)", found, key: s.keyName(.showView(.townList))))
            return s
        }
        s.say(Catalogue.noMatchFor("\(search.query)"))
        return s
    }
    let current = s.selection
    let next: Int
    if forward {
        next = matches.first { includeCurrent ? $0 >= current : $0 > current } ?? matches[0]
    } else {
        next = matches.last { $0 < current } ?? matches[matches.count - 1]
    }
    s.screen = clamped(s.selecting(s.screen, row: next), in: s)
    let n = matches.partitioningIndex { $0 >= next } + 1
    // The row's county or operating entity, where that and not its names matched (wave 36).
    s.message = s.withMatchReason(s.tr(Catalogue.match("\(n)", "\(matches.count)", "\(search.query)")),
                                  query: search.query)
    return s
}

/// A scroll offset moved by a key (a line, a page, to either end), kept in 0...maxScroll.
func scrolled(_ offset: Int, _ action: Action, page: Int, maxScroll: Int) -> Int {
    var o = offset
    switch action {
    case .moveUp: o -= 1
    case .moveDown: o += 1
    case .pageUp: o -= page
    case .pageDown: o += page
    case .first: o = 0
    case .last: o = maxScroll
    default: break
    }
    return min(max(0, o), maxScroll)
}

/// Moves the selection of a list, or the scroll of a detail page.
func moved(_ screen: Screen, _ action: Action, in state: AppState) -> Screen {
    var sc = screen
    if screen.kind.isPage {
        let page = Renderer.visibleLines(state)
        let total = state.pageLines(
            screen.kind, width: Renderer.bodyRect(width: state.width, height: state.height).width
        ).count
        sc.scroll = scrolled(sc.scroll, action, page: page, maxScroll: max(0, total - page))
        return sc
    }
    let content = state.content(for: screen)
    let count = content?.selectableCount ?? 0
    let page = Renderer.visibleRows(state)
    var row = state.selectionRow(screen)
    switch action {
    case .moveUp: row -= 1
    case .moveDown: row += 1
    case .pageUp: row -= page
    case .pageDown: row += page
    case .first: row = 0
    case .last: row = count - 1  // the last row it can be on: the city's totals when they open, as ↓ reaches
    default: break
    }
    if let content {
        let up = [.moveUp, .pageUp, .last].contains(action)
        row = content.stop(near: min(max(0, row), max(0, count - 1)), step: up ? -1 : 1)
    }
    return clamped(state.selecting(sc, row: row), in: state)
}

/// Keeps the selection inside the list and the list scrolled so the selection is visible.
func clamped(_ screen: Screen, in state: AppState) -> Screen {
    var sc = screen
    if screen.kind.isPage {
        // Never past the page's end for this size (a page opened at its rules, then made taller).
        let body = Renderer.bodyRect(width: state.width, height: state.height)
        let total = state.pageLines(screen.kind, width: body.width)
        sc.scroll = min(max(0, sc.scroll), max(0, total.count - Renderer.visibleLines(state)))
        return sc
    }
    let content = state.content(for: screen)
    let count = content?.rows.count ?? 0
    let page = Renderer.visibleRows(state)
    // The summary row is always on screen: scroll as for the last row.
    let row = min(state.selectionRow(sc), max(0, count - 1))
    if row < sc.scroll { sc.scroll = row }
    if row >= sc.scroll + page { sc.scroll = row - page + 1 }
    sc.scroll = min(max(0, sc.scroll), max(0, count - page))
    return sc
}

/// A click selects the list row under it (a tab on row 1 switches view), a double-click
/// opens the row, the wheel moves three rows (or lines of a detail page).
func mouse(_ state: AppState, _ event: MouseEvent) -> AppState {
    var s = state
    switch event.kind {
    case .wheelUp, .wheelDown:
        for _ in 0..<3 { s = advance(s, event.kind == .wheelUp ? .moveUp : .moveDown) }
        return s
    case .click, .doubleClick:
        if event.y == 1 {
            guard let i = Renderer.tabs(s).firstIndex(where: { $0.columns.contains(event.x) }) else { return s }
            return advance(s, .showView(AppState.topViews[i]))
        }
        guard s.content(for: s.screen) != nil else { return s }
        let body = Renderer.bodyRect(width: s.width, height: s.height)
        let line = event.y - body.y - 1
        let row = line / Renderer.rowPitch(s)
        guard line >= 0, row < Renderer.visibleRows(s) else { return s }
        let index = s.screen.scroll + row
        guard let count = s.content(for: s.screen)?.rows.count, index < count else { return s }
        s.screen = clamped(s.selecting(s.screen, row: index), in: s)
        return event.kind == .doubleClick ? advance(s, .open) : s
    }
}

/// `state` showing top view `kind` (Tab, 1-7, `:view`): the view left keeps its sort in
/// `Session.viewSorts`, and `kind` comes back sorted as it was left (a fresh user's `>` `8`, `2`,
/// `1` found the towns in the data's order again, though the filter had stayed).
func showingTopView(_ state: AppState, _ kind: Screen.Kind) -> AppState {
    var s = state
    let left = s.stack[0]
    var sorts = s.session.viewSorts ?? []
    sorts.removeAll { $0.kind == left.kind }
    if left.sortColumn != nil || left.sortDescending {
        sorts.append(ViewSort(kind: left.kind, column: left.sortColumn, descending: left.sortDescending))
    }
    var screen = Screen(kind)
    if let kept = sorts.first(where: { $0.kind == kind }) {
        screen.sortColumn = kept.column
        screen.sortDescending = kept.descending
    }
    s.session.viewSorts = sorts.isEmpty ? nil : sorts
    s.stack = [screen]
    return s
}
