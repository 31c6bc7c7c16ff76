import TownsCore

/// The key-hint line: the keys that act in the view and state shown, each named by the key
/// the key map binds (a rebinding in the configuration shows here), as many as the width
/// holds: the least needed give way first, the rest keep their order.
extension Renderer {
    /// One hint: the key(s), what they do, and how much it is needed (higher stays longer);
    /// `short`: the label in fewer columns where the line is tight (English: "find", "cmd").
    struct KeyHint {
        var keys: String
        var label: Bilingual
        var priority: Int
        var short: Bilingual? = nil
        /// Known to all (the arrows, Enter; Esc presenting): the keys alone, without their word, in the tightest
        /// form, where that keeps every key a meeting needs (80 columns with a filter on).
        var bare = false
        /// The label in the tightest form (with the arrows and Enter bare), where it is shorter than
        /// `short`: English `late` for `behind`, so `b` stays at 60 columns (wave 43).
        var tightest: Bilingual? = nil
    }

    /// The hints a meeting needs most (priority at least this): the line tries shorter words,
    /// then one space between hints, before any of them gives way (the rest: `?`, the help).
    static let meetingPriority = 85

    /// The hints that fit in `width` columns, in order: (keys, label in the interface language),
    /// the arrow keys named as `glyphs` names them (`↑↓`, or `U/D` with `--ascii`).
    public static func keyHints(_ state: AppState, width: Int, glyphs: Glyphs = .unicode) -> [(String, String)] {
        keyHintLine(state, width: width, glyphs: glyphs).hints
    }

    /// The hint line for `width` columns: the hints (as `keyHints`), the gap between them
    /// (2 spaces, 1 where the line is tight) and whether the keys without their words are drawn
    /// without the space after them (`compact`). Forms, in turn: the full words 2 apart, the short
    /// words 2 apart, the short words 1 apart, then the arrows and Enter without their words
    /// (`KeyHint.bare`), then those keys compact and the tightest words (`KeyHint.tightest`: at 60
    /// columns in English `b late`); the bare forms only where they keep more of the keys a meeting
    /// needs than the forms before (wave 43: at 60x14 the towns view's line kept the arrows' and
    /// Enter's words and left out `/`, `b` and `y`; before, only presenting; the compact form only
    /// outside a meeting, whose chip takes that room). The first form that
    /// keeps every hint a meeting needs (`meetingPriority`) is drawn, the least needed hints giving
    /// way first in each; else the one that keeps most of them, as far as it goes. The line is 1
    /// column of margin, then each hint (keys, a space, label) with the gap between: `lineWidth`.
    public static func keyHintLine(_ state: AppState, width: Int, glyphs: Glyphs = .unicode)
        -> (hints: [(String, String)], gap: Int, compact: Bool)
    {
        let candidates = keyHintCandidates(state, glyphs: glyphs)
        // Presenting, the arrows and q (`meetingPriority - 1`) are kept too where a tighter form keeps them.
        let needed = candidates.filter { $0.priority >= meetingPriority - 1 }.count
        var best: [(String, String)] = []
        var bestGap = 2, bestKept = -1, bestCompact = false
        // The bare forms, the keys known to all without their words, where they keep them all, or
        // more of them than the forms before (presenting: an entity's towns at 80 columns kept
        // `Enter open` and dropped `/` and `y`).
        let forms = [(false, 2, false, false), (true, 2, false, false), (true, 1, false, false),
                     (true, 1, true, false), (true, 1, true, true)]
        // In a meeting the chip takes the room the compact form would free (its forms are chosen
        // with the hint line's: `meetingBadge`): the compact form is the lone reader's.
        let lone = !state.meetingHintsLikePresenting
        for (short, gap, bare, tightest) in forms where lone || !tightest {
            var hints = candidates
            func label(_ h: KeyHint) -> String {
                if bare && h.bare { return "" }
                if tightest, let t = h.tightest { return state.tr(t) }
                return state.tr(short ? h.short ?? h.label : h.label)
            }
            func used(_ h: [KeyHint]) -> Int {
                lineWidth(h.map { ($0.keys, label($0)) }, gap: gap, compact: tightest)
            }
            while used(hints) > width, hints.count > 1,
                let i = hints.indices.min(by: { hints[$0].priority < hints[$1].priority })
            {
                hints.remove(at: i)
            }
            let kept = hints.filter({ $0.priority >= meetingPriority - 1 }).count
            let keepsAll = kept >= needed
            if bare && !keepsAll && kept <= bestKept { continue }
            (best, bestGap, bestKept, bestCompact) = (hints.map { ($0.keys, label($0)) }, gap, kept, tightest)
            if keepsAll { break }
        }
        return (best, bestGap, bestCompact)
    }

    /// Columns a hint line takes: 1 of margin, each hint's keys, a space and its label, `gap`
    /// between hints; `compact`: a hint without a label takes its keys alone (no space after them).
    public static func lineWidth(_ hints: [(String, String)], gap: Int, compact: Bool = false) -> Int {
        hints.reduce(1) { $0 + DisplayWidth.of($1.0) + (compact && $1.1.isEmpty ? 0 : 1 + DisplayWidth.of($1.1)) }
            + gap * max(0, hints.count - 1)
    }

    /// Every hint that applies now, before any gives way.
    static func keyHintCandidates(_ state: AppState, glyphs: Glyphs) -> [KeyHint] {
        func key(_ action: Action) -> String? {
            // Under a locale that is not UTF-8, `L` only says Chinese cannot be shown, and its
            // hint's 中文 would draw as `????` (wave 23, F6): not offered (the help says why).
            if action == .toggleLanguage, state.chineseUnavailable, state.language == .en { return nil }
            return state.keyMap.bindings.first { $0.action == action }?.keys.first.map(glyphs.name)
        }
        func hint(_ label: Bilingual, _ priority: Int, _ actions: Action...) -> KeyHint? {
            let keys = actions.compactMap(key)
            guard keys.count == actions.count else { return nil }  // unbound: nothing to show
            return KeyHint(keys: glyphs.names(keys), label: label, priority: priority)
        }
        let upDown = glyphs.upDown
        func fixed(_ keys: String, _ label: Bilingual, _ priority: Int) -> KeyHint {
            KeyHint(keys: keys, label: label, priority: priority)
        }
        let help = hint(Catalogue.hintHelp, 99, .toggleHelp)
        func keep(_ h: KeyHint?) -> KeyHint? { h.map { KeyHint(keys: $0.keys, label: $0.label, priority: 100) } }
        let quit = hint(Catalogue.hintQuit, 98, .quit)
        if state.commandLine != nil {
            return [
                fixed("Enter", Catalogue.hintRunCommand, 90), fixed("Tab", Catalogue.hintComplete, 80),
                fixed(upDown, Catalogue.hintHistory, 60), fixed("Esc", Catalogue.hintCancelSearch, 100),
            ]
        }
        if state.showHelp {
            return [
                fixed(upDown, Catalogue.hintScroll, 90),
                fixed("Esc/" + state.keyName(.toggleHelp), Catalogue.closeHelp, 100),
                hint(Catalogue.quit, 98, .quit),  // in the session's language only (wave 8)
            ].compactMap { $0 }
        }
        if state.session.sortChooser != nil {
            // The keys the list's columns have: `1-9 a-d` for the towns view's 13.
            let n = state.sortableColumns(state.screen.kind).count
            let keys = n <= 9 ? "1-\(max(1, n))" : "1-9 a-\(SortChooser.keys[min(n, SortChooser.keys.count) - 1])"
            // `0` and Esc named as the chooser's own line names them, just above (wave 43's fresh
            // user: `0 原顺序 … Esc 取消` over `0 原始顺序  Esc 返回`).
            return [fixed(keys, Catalogue.hintSort, 100), fixed("0", Catalogue.sortChooserDataOrder, 80),
                    fixed("Esc", Catalogue.hintCancelSearch, 90)]
        }
        if state.search?.editing == true {
            // The keys that work while typing (wave 21: `Enter open`, though Enter keeps the search
            // and opens nothing, and no Ctrl-F): Ctrl-F switches between jumping and keeping only the matches.
            // Not on the overview, which does not narrow (`Screen.Kind.narrows`; Ctrl-F is refused there).
            let narrowing = state.screen.narrow != nil
            return [fixed("Enter", Catalogue.hintKeepSearch, 90), fixed(upDown, Catalogue.hintPreviousNext, 80),
                    fixed("Esc", Catalogue.hintCancelSearch, 100)]
                + (state.screen.kind.narrows
                    ? [fixed("Ctrl-F", narrowing ? Catalogue.hintJumpInstead : Catalogue.hintKeepOnlyMatches, 85)] : [])
        }
        // A follower's keys that move around are refused (`followerRefuses`): only those that act.
        if state.isFollowingPresenter { return followerHints(key) }
        let hints: [KeyHint?]
        if state.screen.kind.isPage {
            // Presenting, a page's `/` and `y` are a meeting's keys as on lists (wave 21: at 80
            // columns they gave way to `meeting q4: 2 following`), the arrows and q known to all.
            let presenting: Bool
            presenting = state.meetingHintsLikePresenting
            // Browsing alone the arrows and q are a lone reader's essentials: they stay (wave 31).
            let alone = state.browsingAloneInMeeting
            let plain = presenting && !alone ? meetingPriority - 1 : nil
            // Browsing alone, `/` and `y` stay too (wave 23, F4: a follower browsing alone keeps
            // search and copy at 80 columns): Esc then goes bare (its key, no word) before either
            // gives way.
            hints = [
                hint(Catalogue.hintScroll, plain ?? 97, .moveUp, .moveDown),
                hint(Catalogue.hintBack, alone ? 94 : 96, .back).map { h in var h = h; h.bare = alone; return h },
                // The short words (`find`, `cmd`) where the line is tight, as on lists: presenting at 80
                // columns they leave the arrows and q beside the chip (wave 34).
                hint(Catalogue.hintSearch, presenting ? (alone ? 95 : 87) : 70, .startSearch).map { h in
                    var h = h; h.short = Catalogue.hintSearchShort; return h },
                hint(Catalogue.hintCopy, presenting ? (alone ? 95 : 86) : 75, .copy),
                // e exports the page: kept whatever else gives way, as on lists (README).
                hint(Catalogue.hintExport, 100, .export),
                hint(Catalogue.hintPeriod, 60, .previousPeriod, .nextPeriod),
                hint(Catalogue.hintView, 50, .nextView),
                hint(Catalogue.hintCommand, 100, .startCommand).map { h in
                    var h = h; h.short = Catalogue.hintCommandShort; return h },
                hint(Catalogue.hintLanguage, 30, .toggleLanguage), keep(help),
                plain.map { p in quit.map { KeyHint(keys: $0.keys, label: $0.label, priority: p) } } ?? quit,
            ]
        } else {
            let searching = state.search.map { !$0.query.isEmpty } ?? false
            // The behind-schedule filter acts on lists of towns.
            let ofTowns: Bool
            switch state.screen.kind {
            case .townList, .townsOfType, .townsOfEntity: ofTowns = true
            default: ofTowns = false
            }
            // Presenting, the arrows and q (known to all) give way to the meeting chip before
            // the meeting's keys (`/ b y`, at 80 columns; `meetingBadge`).
            let presenting: Bool
            presenting = state.meetingHintsLikePresenting
            // Browsing alone in a meeting (`f`), the arrows and q are the lone reader's essentials and
            // stay; the sort and the behind filter give way before them, and before `/` and `y` (wave
            // 30's fresh user: at 80x24 in Chinese the line dropped `q 退出` and `↑↓`).
            let alone = state.browsingAloneInMeeting
            let plain = presenting && !alone ? meetingPriority - 1 : nil
            // The overview's panels do not sort (`Screen.Kind.sorts`): no `><` or `S` offered there.
            let sorts = state.screen.kind.sorts
            hints = [
                hint(Catalogue.hintMove, plain ?? 97, .moveUp, .moveDown).map { h in
                    var h = h; h.bare = true; return h },
                hint(Catalogue.hintOpen, 96, .open).map { h in var h = h; h.bare = true; return h },
                // Presenting, Esc too loses its word in the tightest form (an entity's towns at 80 columns).
                state.stack.count > 1 ? hint(Catalogue.hintBack, 94, .back).map { h in
                    var h = h; h.bare = presenting; return h } : nil,
                // Presenting, `><` loses its word in the tightest form too, so the arrows and q stay beside
                // the chip with a filter on (wave 34's fresh user, 80 columns).
                // Not in a meeting, `><` gives way before `/`, `b` and `y` where the line is tight (60 columns,
                // wave 43's fresh user): the help and `:sort` name it; at 80 columns every one stays.
                sorts ? hint(Catalogue.hintSort, alone ? 80 : presenting ? 92 : meetingPriority - 1,
                             .chooseSort(descending: true),
                             .chooseSort(descending: false)).map { h in var h = h; h.bare = presenting; return h }
                    : nil,
                hint(Catalogue.hintSearch, 91, .startSearch).map { h in
                    var h = h; h.short = Catalogue.hintSearchShort; return h },
                searching ? hint(Catalogue.hintNextMatch, 75, .nextMatch) : nil,
                ofTowns ? hint(Catalogue.hintFilter, alone ? 79 : 85, .toggleBehindFilter).map { h in
                    var h = h; h.tightest = Catalogue.hintFilterTightest; return h } : nil,
                (!state.filter.isEmpty || searching) ? hint(Catalogue.hintClear, 88, .clearFilter) : nil,
                // e, : and ? are kept whatever else gives way (100: never before them).
                // y copies the table into the minutes: a meeting needs it (`meetingPriority`).
                hint(Catalogue.hintExport, 100, .export), hint(Catalogue.hintCopy, 86, .copy),
                sorts ? hint(Catalogue.hintReverse, 40, .sortReverse) : nil,
                hint(Catalogue.hintView, 60, .nextView),
                hint(Catalogue.hintPeriod, 65, .previousPeriod, .nextPeriod),
                hint(Catalogue.hintCommand, 100, .startCommand).map { h in
                    var h = h; h.short = Catalogue.hintCommandShort; return h },
                hint(Catalogue.hintLanguage, 30, .toggleLanguage), keep(help),
                plain.map { p in quit.map { KeyHint(keys: $0.keys, label: $0.label, priority: p) } } ?? quit,
            ]
        }
        return hints.compactMap { $0 }
    }
}

extension AppState {
    /// Whether the hint line keeps a meeting's keys (`/`, `b`, `y`) before the arrows' and q's
    /// words, as presenting does: presenting, or following and browsing alone (wave 23: in
    /// English at 80 columns the follower's chip took `/` and `y` off the line).
    /// Whether this dashboard follows a meeting but browses alone (`f`): its own keys act.
    /// A follower whose data differs from the presenter's browses alone too (its own keys act): at
    /// 60x14 its line gave `↑↓` and `q` to the meeting's keys and its chip (wave 34's fresh user).
    var browsingAloneInMeeting: Bool {
        if case .following(let f)? = meeting { return f.detached || f.dataDiffers }
        return false
    }

    var meetingHintsLikePresenting: Bool {
        switch meeting {
        case .presenting?, .following?: return true
        default: return false
        }
    }
}
