import TownsCore

/// The key-hint line: the keys that act in the view and state shown, each named by the key
/// the key map binds (a rebinding in the configuration shows here), as many as the width
/// holds: the least needed give way first, the rest keep their order.
extension Renderer {
    /// One hint: the key(s), what they do, and how much it is needed (higher stays longer).
    struct KeyHint {
        var keys: String
        var label: Bilingual
        var priority: Int
    }

    /// The hints that fit in `width` columns, in order: (keys, label in the interface language),
    /// the arrow keys named as `glyphs` names them (`↑↓`, or `Up Down` with `--ascii`).
    public static func keyHints(_ state: AppState, width: Int, glyphs: Glyphs = .unicode) -> [(String, String)] {
        var hints = keyHintCandidates(state, glyphs: glyphs)
        func used(_ h: [KeyHint]) -> Int {
            h.reduce(1) { $0 + DisplayWidth.of($1.keys) + DisplayWidth.of(state.tr($1.label)) + 3 }
        }
        while used(hints) > width, hints.count > 1,
            let i = hints.indices.min(by: { hints[$0].priority < hints[$1].priority })
        {
            hints.remove(at: i)
        }
        return hints.map { ($0.keys, state.tr($0.label)) }
    }

    /// Every hint that applies now, before any gives way.
    static func keyHintCandidates(_ state: AppState, glyphs: Glyphs) -> [KeyHint] {
        func key(_ action: Action) -> String? {
            state.keyMap.bindings.first { $0.action == action }?.keys.first.map(glyphs.name)
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
                fixed("Enter", Catalogue.hintOpen, 90), fixed("Tab", Catalogue.hintCommand, 80),
                fixed(upDown, Catalogue.hintMove, 60), fixed("Esc", Catalogue.hintBack, 100),
            ]
        }
        if state.showHelp {
            return [
                fixed(upDown, Catalogue.hintScroll, 90),
                fixed("Esc/" + state.keyName(.toggleHelp), Catalogue.closeHelp, 100),
                hint(Catalogue.quit, 98, .quit),  // as the help's title, both languages
            ].compactMap { $0 }
        }
        if state.session.sortChooser != nil {
            return [fixed("1-9", Catalogue.hintSort, 100), fixed("0", Catalogue.dataOrder, 80),
                    fixed("Esc", Catalogue.hintBack, 90)]
        }
        if state.search?.editing == true {
            return [fixed("Enter", Catalogue.hintOpen, 90), fixed(upDown, Catalogue.hintNextMatch, 80),
                    fixed("Esc", Catalogue.hintBack, 100)]
        }
        // A follower's keys that move around are refused (`followerRefuses`): only those that act.
        if state.isFollowingPresenter { return followerHints(key) }
        let hints: [KeyHint?]
        if state.screen.kind.isPage {
            hints = [
                hint(Catalogue.hintScroll, 97, .moveUp, .moveDown), hint(Catalogue.hintBack, 96, .back),
                hint(Catalogue.hintSearch, 70, .startSearch), hint(Catalogue.hintCopy, 75, .copy),
                hint(Catalogue.hintPeriod, 60, .previousPeriod, .nextPeriod),
                hint(Catalogue.hintView, 50, .nextView), hint(Catalogue.hintCommand, 100, .startCommand),
                hint(Catalogue.hintLanguage, 30, .toggleLanguage), keep(help), quit,
            ]
        } else {
            let searching = state.search.map { !$0.query.isEmpty } ?? false
            // The behind-schedule filter acts on lists of towns.
            let ofTowns: Bool
            switch state.screen.kind {
            case .townList, .townsOfType, .townsOfEntity: ofTowns = true
            default: ofTowns = false
            }
            hints = [
                hint(Catalogue.hintMove, 97, .moveUp, .moveDown), hint(Catalogue.hintOpen, 96, .open),
                state.stack.count > 1 ? hint(Catalogue.hintBack, 94, .back) : nil,
                hint(Catalogue.hintSort, 92, .chooseSort(descending: true), .chooseSort(descending: false)),
                hint(Catalogue.hintSearch, 91, .startSearch),
                searching ? hint(Catalogue.hintNextMatch, 75, .nextMatch) : nil,
                ofTowns ? hint(Catalogue.hintFilter, 85, .toggleBehindFilter) : nil,
                (!state.filter.isEmpty || searching) ? hint(Catalogue.hintClear, 88, .clearFilter) : nil,
                // e, : and ? are kept whatever else gives way (100: never before them).
                hint(Catalogue.hintExport, 100, .export), hint(Catalogue.hintCopy, 82, .copy),
                hint(Catalogue.hintReverse, 40, .sortReverse),
                hint(Catalogue.hintView, 60, .nextView),
                hint(Catalogue.hintPeriod, 65, .previousPeriod, .nextPeriod),
                hint(Catalogue.hintCommand, 100, .startCommand),
                hint(Catalogue.hintLanguage, 30, .toggleLanguage), keep(help), quit,
            ]
        }
        return hints.compactMap { $0 }
    }
}
