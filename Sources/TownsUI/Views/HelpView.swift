import TownsCore

/// The help over the view: every binding of the key map, then the markers.
extension Renderer {
    /// The help's lines: every binding (keys, what they do), then the markers. A follower
    /// following its presenter is shown first the keys and commands it can use, then, under
    /// their own heading, those the presenter drives (`followerRefuses`: they are refused until
    /// `f` browses alone).
    public static func helpLines(_ state: AppState, glyphs: Glyphs) -> [(String, String)] {
        // Whether a follower refuses it as the view stands (with the help closed: with it open,
        // moving keys scroll the help).
        var probe = state
        probe.showHelp = false
        let following = state.isFollowingPresenter
        func refused(_ action: Action) -> Bool { following && followerRefuses(probe, action) }
        var lines: [(String, String)] = []
        var presenters: [(String, String)] = []
        for b in state.keyMap.bindings {
            // Under a locale that is not UTF-8 the `L` label's 中文 would draw as `????` (wave 23, F6).
            let label = b.action == .toggleLanguage && state.chineseUnavailable
                ? Catalogue.keyLanguageNeedsUTF8 : b.label
            let line = (b.keys.map(glyphs.name).joined(separator: " "), state.tr(label))
            if refused(b.action) { presenters.append(line) } else { lines.append(line) }
        }
        lines.append(("Ctrl-L", state.tr(Catalogue.redrawTheScreen)))
        lines.append(("", ""))
        lines.append((":", state.tr(Catalogue.commandLineCommands)))
        // Each command once (wave 23, F6: `:ref TOPIC` was listed here and among the keys, in two wordings).
        for (usage, label) in Catalogue.commandUsage + Catalogue.helpCommands {
            let line = (":" + usage, state.tr(label))
            if refused(.runCommand(usage)) { presenters.append(line) } else { lines.append(line) }
        }
        lines.append(("", ""))
        if !presenters.isEmpty {
            lines.append(("", state.tr(Catalogue.helpPresentersKeys(state.keyName(.meeting(.toggleFollow))))))
            lines += presenters
            lines.append(("", ""))
        }
        let markers: [(String, Bilingual)] = [
            (glyphs.derived, Catalogue.derivedFromReportedFiguresFormula),
            (glyphs.unknown, Catalogue.unknownNoSourceGivesIt),
            (glyphs.interpreted, Catalogue.helpInterpreted), (glyphs.basis, Catalogue.helpBasis),
            (glyphs.projected, Catalogue.helpProjected), (Glyphs.boundExample, Catalogue.theSourceGivesOnlyA),
            ("!", Catalogue.aConsistencyCheckFailsTowns), (glyphs.behind, Catalogue.behindScheduleCompletionBelowThe),
            (glyphs.marker, Catalogue.expectedByNowTheShare),
            (state.tr(Catalogue.sched), Catalogue.helpScheduleVariance),
            (state.tr(Catalogue.projects), Catalogue.helpProjects),
            (glyphs.newSince, Catalogue.helpNewSince),
            (glyphs.rankUp + "2 " + glyphs.rankDown + "1", Catalogue.helpRankMove),
            (glyphs.met, Catalogue.helpMet), (glyphs.notMet, Catalogue.helpNotMet),
            (glyphs.undetermined, Catalogue.helpUndetermined), (glyphs.notYetDue, Catalogue.helpNotYetDue),
        ]
        lines += markers.map { ($0.0, state.tr($0.1)) }
        // The bar's short title (English only: `进度` always fits), after Sched. and Projects.
        if state.tr(Catalogue.progressShort) != state.tr(Catalogue.progress),
           let at = lines.firstIndex(where: { $0.0 == state.tr(Catalogue.projects) }) {
            lines.insert((state.tr(Catalogue.progressShort), state.tr(Catalogue.helpProgressShort)), at: at + 1)
        }
        return lines
    }

    /// How many lines the help has at the state's width, its explanations wrapped (for scrolling it).
    public static func helpLineCount(_ state: AppState) -> Int {
        helpLayout(state, glyphs: .unicode).rows.count
    }

    /// The help as drawn at the state's width: the box's width `w`, the key column's `keyWidth`,
    /// and its rows: a key (the first row of its entry; a key wider than the column stands alone
    /// above its text) and a part of its explanation, wrapped under the explanation's column
    /// (`TextWrap`), so that no line is cut.
    static func helpLayout(_ state: AppState, glyphs: Glyphs)
        -> (w: Int, keyWidth: Int, rows: [(key: String, text: String, keyAlone: Bool)])
    {
        let lines = helpLines(state, glyphs: glyphs)
        let widestKey = lines.map { DisplayWidth.of($0.0) }.max() ?? 0
        let textWidth = lines.map { DisplayWidth.of($0.1) }.max() ?? 0
        let w = min(state.width - 2, widestKey + textWidth + 5)
        // The key column gives way to the explanations on a narrow screen: at most a third of the box.
        let keyWidth = min(widestKey, max(4, (w - 5) / 3))
        let textRoom = max(1, w - keyWidth - 5)
        var rows: [(key: String, text: String, keyAlone: Bool)] = []
        for (key, text) in lines {
            let alone = DisplayWidth.of(key) > keyWidth
            if alone { rows.append((key, "", true)) }
            for (i, part) in TextWrap.wrap(text, width: textRoom).enumerated() {
                rows.append((i == 0 && !alone ? key : "", part, false))
            }
        }
        return (w, keyWidth, rows)
    }

    func drawHelp(into grid: inout Grid, _ state: AppState) {
        let (w, keyWidth, lines) = Renderer.helpLayout(state, glyphs: glyphs)
        let h = min(state.height - 2, lines.count + 2)
        let x0 = max(0, (state.width - w) / 2), y0 = max(0, (state.height - h) / 2)
        let box = theme.style(.border)
        grid.fill(Rect(x: x0, y: y0, width: w, height: h), with: Cell(text: " ", style: theme.style(.row)))
        grid.put(String(repeating: glyphs.horizontal, count: w), x: x0, y: y0, style: box)
        grid.put(state.tr(Catalogue.helpKeys), x: x0 + 2, y: y0, style: theme.style(.header))
        grid.put(String(repeating: glyphs.horizontal, count: w), x: x0, y: y0 + h - 1, style: box)
        let visible = h - 2
        let start = min(max(0, state.helpScroll), max(0, lines.count - visible))
        if lines.count > visible {
            let more = "\(start + 1)-\(start + visible)/\(lines.count) " + glyphs.upDown
            grid.put(
                " " + more + " ", x: x0 + w - DisplayWidth.of(more) - 4, y: y0 + h - 1, style: theme.style(.legend))
        }
        for (i, l) in lines.dropFirst(start).prefix(visible).enumerated() {
            let y = y0 + 1 + i
            grid.put(glyphs.vertical, x: x0, y: y, style: box)
            grid.put(l.key, x: x0 + 2, y: y, style: theme.style(.key), maxWidth: l.keyAlone ? w - 4 : keyWidth)
            grid.put(l.text, x: x0 + 3 + keyWidth, y: y, style: theme.style(.row), maxWidth: max(0, w - keyWidth - 5))
            grid.put(glyphs.vertical, x: x0 + w - 1, y: y, style: box)
        }
    }
}
