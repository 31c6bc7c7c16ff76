import TownsCore

/// Renders application state into a grid: the whole screen is a function of state and size.
///
/// Layout (rows): 0 title, when the data last changed, and period; 1 tabs of the top views;
/// 2 breadcrumb; 3..h-3 the view (a table, or a detail page); h-2 message, else a reload
/// problem, else the legend; h-1 key hints.
public struct Renderer: Sendable {
    /// The themes `t` cycles through; `AppState.themeIndex` picks one.
    public var themes: [Theme]
    /// The theme of the frame being drawn.
    public var theme: Theme
    public var glyphs: Glyphs

    /// Smallest screen the dashboard draws, in columns and rows; below it a message says so.
    public static let minimumWidth = 60
    public static let minimumHeight = 14

    public init(theme: Theme, glyphs: Glyphs = .unicode) {
        self.init(themes: [theme], glyphs: glyphs)
    }

    /// A renderer with several themes; the state's `themeIndex` chooses the one drawn.
    /// Keys are named as the state's key map (`AppState.keyMap`) binds them.
    public init(themes: [Theme], glyphs: Glyphs = .unicode) {
        self.themes = themes.isEmpty ? [.monochrome] : themes
        self.theme = self.themes[0]
        self.glyphs = glyphs
    }

    /// Rows available to a view's body (table header included).
    public static func bodyRect(width: Int, height: Int) -> Rect {
        Rect(x: 1, y: 3, width: max(0, width - 2), height: max(0, height - 5))
    }

    /// Body rows of a list that fit on screen (without header and summary).
    /// A list longer than the screen keeps up to `notesKept` lines under its sums for its notes
    /// (the towns table's "left out of the sums" had no line: exports have it), when at least
    /// `rowsBeforeNotes` rows stay; the notes' last line says what more there is.
    public static func visibleRows(_ state: AppState) -> Int {
        let body = bodyRect(width: state.width, height: state.height)
        let content = state.content(for: state.screen)
        let summary = content.map { summaryLines(state, $0) } ?? 0
        let lines = body.height - 1 - (summary > 0 ? summary + 1 : 0) - notesReserved(state, content)
        return max(1, TableRenderer.rowsIn(lines: lines, pitch: rowPitch(state)))
    }

    /// How many of `content`'s summary rows are drawn: all, unless leaving out the last ones
    /// (never the first: the city's reported row, which Enter opens) lets every row of the list
    /// show (wave 21: at 60x14 the towns view showed 4 of 5 towns, Haiyan, the furthest behind,
    /// off screen, under the count of towns in the sums). Where even that leaves rows off
    /// screen, all are drawn: the sort decides which rows show.
    static func summaryShown(_ state: AppState, _ content: ListContent) -> Int {
        let all = content.summary.count
        guard all > 1 else { return all }
        let body = bodyRect(width: state.width, height: state.height)
        let pitch = rowPitch(state)
        func fits(_ summary: Int) -> Bool {
            content.rows.count <= TableRenderer.rowsIn(lines: body.height - 1 - (summary + 1), pitch: pitch)
        }
        if fits(all) { return all }
        for kept in stride(from: all - 1, through: 1, by: -1) where fits(kept) { return kept }
        return all
    }

    /// The lines under a long list's table kept for its notes (`visibleRows`): 0 for a list that
    /// fits (its notes follow it), or that would keep fewer than `rowsBeforeNotes` rows.
    static func notesReserved(_ state: AppState, _ content: ListContent?) -> Int {
        guard let content, !content.notes.isEmpty else { return 0 }
        let body = bodyRect(width: state.width, height: state.height)
        let summary = summaryLines(state, content)
        let lines = body.height - 1 - (summary > 0 ? summary + 1 : 0)
        let pitch = rowPitch(state)
        guard content.rows.count > TableRenderer.rowsIn(lines: lines, pitch: pitch) else { return 0 }
        // The notes' first `notesKept` lines, counted note by note: each note wrapped once, and
        // those after the lines kept not at all (a lazy flatMap's prefix wrapped each note again
        // for every line it stepped over: a third of a cold key at 10,000 towns, issue 17).
        var kept = 0
        for note in content.notes where kept < notesKept {
            // Only the lines still to count are worked out (a note's later lines are not), each
            // count once per list memo (`ViewCache.noteLineCount`: asked several times a frame).
            kept = min(notesKept, kept + state.cache.noteLineCount(note.text(.unicode), width: body.width,
                                                                   maxLines: notesKept - kept))
        }
        return TableRenderer.rowsIn(lines: lines - kept, pitch: pitch) >= rowsBeforeNotes ? kept : 0
    }

    /// The notes under `content`'s table laid out as `layout`: a note on one column's figures only
    /// while the column is shown, worded without the clauses on columns the width hides where the
    /// list says how.
    static func notesShown(_ content: ListContent, _ layout: TableLayout) -> [CellText] {
        content.notes.indices.filter { note in
            content.noteColumns[note].map { column in layout.widths[column] != nil } ?? true
        }.map { note in
            content.noteWhileHidden[note]?.first { variant in
                variant.hidden.allSatisfy { !layout.widths.indices.contains($0) || layout.widths[$0] == nil }
            }?.note ?? content.notes[note]
        }
    }

    /// Lines a long list keeps for its notes (`visibleRows`).
    static let notesKept = 3
    /// Rows a long list keeps before it gives lines to its notes (`visibleRows`): at 60x14 the rows stay.
    static let rowsBeforeNotes = 8

    /// The row of a panel heading that would stand alone on the body's last line, its rows all
    /// below the screen (`ListContent.headingsKeepTheirRows`; not the row selected); nil: none.
    static func orphanedHeading(_ state: AppState, _ content: ListContent) -> Int? {
        guard content.headingsKeepTheirRows else { return nil }
        let last = state.screen.scroll + visibleRows(state) - 1
        guard last + 1 < content.rows.count, content.rows[last].role == .legend, state.selection != last else {
            return nil
        }
        return last
    }

    /// Lines of a detail page that fit on screen.
    public static func visibleLines(_ state: AppState) -> Int {
        max(1, bodyRect(width: state.width, height: state.height).height)
    }

    public func render(_ state: AppState) -> Grid {
        var frame = self
        frame.theme = themes[min(max(0, state.themeIndex), themes.count - 1)]
        var grid = frame.draw(state)
        if glyphs == .ascii { grid.foldPunctuationToASCII() }
        return grid
    }

    func draw(_ state: AppState) -> Grid {
        var grid = Grid(
            width: state.width, height: state.height, fill: Cell(text: " ", style: theme.style(.background)))
        guard state.width >= Renderer.minimumWidth, state.height >= Renderer.minimumHeight else {
            drawTooSmall(into: &grid, state)
            return grid
        }
        drawTitle(into: &grid, state)
        drawTabs(into: &grid, state)
        // The breadcrumb line is laid out first and drawn once the table has said which columns
        // it leaves out (they may take the load clock's place: `BreadcrumbLayout`).
        var crumbs = breadcrumbLayout(state)
        // The scroll position at the breadcrumb line's right end, drawn over it.
        var position: String?
        let body = Renderer.bodyRect(width: state.width, height: state.height)
        // Whether an amount in the dataset's unit is drawn: the legend names the unit only then.
        var amountsDrawn = state.screen.kind.drawsAmounts
        if state.screen.kind.isPage {
            let lines = state.pageLines(state.screen.kind, width: body.width)
            for (i, line) in lines.dropFirst(state.screen.scroll).prefix(body.height).enumerated() {
                drawPageLine(line, into: &grid, x: body.x, y: body.y + i, maxX: body.maxX)
            }
            if lines.count > body.height {
                position =
                    "\(state.screen.scroll + 1)-\(min(lines.count, state.screen.scroll + body.height))/\(lines.count)"
            }
        } else if let list = state.list(for: state.screen) {
            let content = list.content
            let table = TableRenderer(theme: theme, glyphs: glyphs)
            let onScreen = state.screen.scroll..<(state.screen.scroll + Renderer.visibleRows(state))
            let layout = TableLayout(
                columns: content.columns, naturalWidths: Renderer.naturalWidths(state, list, visible: onScreen),
                width: body.width, columnGap: Renderer.columnGap(state))
            // Matches are in list order: only those on screen are highlighted.
            let matches = state.searchMatches()
            let firstShown = matches.partitioningIndex { $0 >= onScreen.lowerBound }
            let highlighted = Set(matches[firstShown...].prefix { onScreen.contains($0) })
            // A long list's table stops above the lines kept for its notes (`notesReserved`).
            var tableRect = body
            tableRect.height -= Renderer.notesReserved(state, content)
            table.draw(
                into: &grid, rect: tableRect, columns: content.columns, layout: layout, rows: content.rows,
                selection: content.rows.isEmpty ? nil : state.selection, scroll: state.screen.scroll,
                summary: Array(content.summary.prefix(Renderer.summaryShown(state, content))),
                highlighted: highlighted, rowPitch: Renderer.rowPitch(state),
                summaryOffsets: Renderer.summaryOffsets(state, content))
            // Summary rows left out for the list's rows (`summaryShown`: the towns view at 60x14 cut
            // `计入合计的小镇 2/5`, which qualifies `≈51%`) are never cut unsaid: the rule above the
            // summary says how many lines (those rows and the notes) a taller window shows (wave 32, F4).
            let summaryCut = content.summary.count - Renderer.summaryShown(state, content)
            if summaryCut > 0, !content.summary.isEmpty {
                let ruleY = body.y + 1 + TableRenderer.lines(
                    rows: min(content.rows.count, Renderer.visibleRows(state)), pitch: Renderer.rowPitch(state))
                // Each note's lines counted once per list memo (`ViewCache.noteLineCount`), as
                // `notesReserved` counts them: not wrapped again on every frame.
                let noteLines = content.notes.reduce(0) {
                    $0 + state.cache.noteLineCount($1.text(glyphs), width: body.width, maxLines: .max)
                }
                if ruleY < body.maxY {
                    grid.fill(Rect(x: body.x, y: ruleY, width: body.width, height: 1),
                              with: Cell(text: " ", style: theme.style(.background)))
                    grid.put(state.tr(Catalogue.summaryMoreTaller("\(summaryCut + noteLines)")), x: body.x, y: ruleY,
                             style: theme.style(.legend), maxWidth: body.width)
                }
            }
            if let orphan = Renderer.orphanedHeading(state, content) {
                let y = body.y + 1 + (orphan - state.screen.scroll) * Renderer.rowPitch(state)
                grid.fill(Rect(x: body.x, y: y, width: body.width, height: 1),
                          with: Cell(text: " ", style: theme.style(.background)))
            }
            if let amounts = content.amountColumns {
                let kept = { (i: Int) in layout.widths.indices.contains(i) && layout.widths[i] != nil }
                amountsDrawn = amountsDrawn && amounts.contains(where: kept)
            }
            // The scroll position takes the line's right end where it is shown.
            let countShown = content.rows.count > Renderer.visibleRows(state)
            crumbs.placeColumnsLeftOut(columnsLeftOutForms(content.columns, layout, state),
                                       end: state.width - (countShown ? positionReserve(state) : 1))
            let notes = Renderer.notesShown(content, layout)
            if !notes.isEmpty {
                let used =
                    1
                    + TableRenderer.lines(
                        rows: min(content.rows.count, Renderer.visibleRows(state)), pitch: Renderer.rowPitch(state))
                    + (content.summary.isEmpty ? 0 : Renderer.summaryLines(state, content) + 1)
                // Broken at a blank or a clause's mark, not inside a Chinese word (`wrapAtWords`).
                var lines = notes.flatMap { TextWrap.wrapAtWords($0.text(glyphs), width: body.width) }
                // The blank line before the notes, unless it takes one of the few lines left for
                // them (60x14; a long list's lines kept for its notes, `visibleRows`).
                let roomNoBlank = body.maxY - (body.y + used)
                let blank = roomNoBlank > 1 && roomNoBlank - 1 >= min(lines.count, Renderer.notesKept)
                let start = body.y + used + (blank ? 1 : 0)
                let room = max(0, body.maxY - start)
                if lines.count > room, room > 0 {
                    // Never a sentence cut with no mark: the last line says what is left and where to read it.
                    let left = lines.count - (room - 1)
                    lines = Array(lines.prefix(room - 1)) + [state.tr(content.summaryTarget == nil
                        ? Catalogue.notesMoreTaller("\(left)") : Catalogue.notesMoreOnLastRow("\(left)"))]
                }
                for (i, line) in lines.prefix(room).enumerated() {
                    grid.put(
                        line, x: body.x, y: start + i, style: theme.style(.legend), maxWidth: body.width)
                }
            }
            if content.rows.isEmpty {
                grid.put(
                    content.emptyText, x: body.x, y: body.y + 1, style: theme.style(.unknown), maxWidth: body.width)
            }
            let visible = Renderer.visibleRows(state)
            if content.rows.count > visible {
                let last = min(content.rows.count, state.screen.scroll + visible)
                    - (Renderer.orphanedHeading(state, content) == nil ? 0 : 1)
                position = "\(state.screen.scroll + 1)-\(last)/\(content.rows.count)"
            }
        }
        drawBreadcrumb(crumbs, into: &grid)
        if let position {
            grid.put(position, x: state.width - DisplayWidth.of(position) - 1, y: 2, style: theme.style(.legend))
        }
        drawLegend(into: &grid, state, amounts: amountsDrawn)
        drawHints(into: &grid, state)
        drawMeetingBadge(into: &grid, state)
        if state.showHelp { drawHelp(into: &grid, state) }
        return grid
    }

    /// A page's line with this frame's glyph set: text runs in their roles, bars as tables draw them.
    func drawPageLine(_ line: DetailLine, into grid: inout Grid, x: Int, y: Int, maxX: Int) {
        var x = x
        for piece in line.pieces {
            switch piece {
            case let .text(text, role):
                // Cut with … where the text itself (not its padding) is wider than the room left.
                var s = text.text(glyphs)
                if DisplayWidth.of(s) > maxX - x, DisplayWidth.of(s.replacingOccurrences(
                    of: " +$", with: "", options: .regularExpression)) > maxX - x
                {
                    s = TableRenderer(theme: theme, glyphs: glyphs).fit(s, width: max(0, maxX - x))
                }
                x += grid.put(s, x: x, y: y, style: theme.style(role ?? .row), maxWidth: maxX - x)
            case let .bar(fraction, width, marker, role):
                let w = min(width, maxX - x)
                TableRenderer(theme: theme, glyphs: glyphs).drawBar(
                    into: &grid, x: x, y: y, width: w, fraction: fraction, role: role, marker: marker,
                    rowStyle: theme.style(.row))
                x += max(0, w)
            }
        }
    }

    /// Below 60x14 (`minimumWidth`, `minimumHeight`): the size, the size needed, and what still
    /// acts there (`route`: only the quit key), or, once keys were refused there, which ones, at
    /// once on this screen (wave 33: they were named only once the window was large enough again).
    /// Each paragraph is broken at words to the width; where the rows do not hold them all, the
    /// size goes first, then the heading: what acts and what was refused stay to the last row.
    func drawTooSmall(into grid: inout Grid, _ state: AppState) {
        let quit = state.keyName(.quit)
        let acts = state.keysRefusedWhileTooSmall.isEmpty
            ? Catalogue.onlyQuitActsHere(quit) : Catalogue.keysRefusedHere(state.keysRefusedWhileTooSmall, quit: quit)
        let heading = [state.tr(Catalogue.terminalTooSmall)]
        let size = TextWrap.wrapAtWords(state.tr(Catalogue.needAtLeast(
            "\(state.width)x\(state.height)", "\(Renderer.minimumWidth)x\(Renderer.minimumHeight)")), width: state.width)
        let last = TextWrap.wrapAtWords(state.tr(acts), width: state.width)
        var lines = heading + size + last
        if lines.count > state.height { lines = heading + last }
        if lines.count > state.height { lines = last }
        let top = min(max(0, state.height / 2 - 1), max(0, state.height - lines.count))
        for (i, l) in lines.enumerated() where top + i < state.height {
            let w = DisplayWidth.of(l)
            grid.put(l, x: max(0, (state.width - w) / 2), y: top + i,
                     style: theme.style(i == 0 && lines.count > last.count ? .warning : .row))
        }
    }
}

extension Renderer {
    /// The forms of the note naming the table's columns left out for width, longest first, untitled
    /// columns by `Column.leftOutName` (the types view's bars: `进度`) ("未显示列: 用地奖 倒扣", else
    /// the first that fit "未显示列: 县市区 等 4 列" (4 in all), else "另 2 列未显示"); none where no
    /// column is left out. Placed on the breadcrumb line by its layout
    /// (`BreadcrumbLayout.placeColumnsLeftOut`): a column with consequences is never dropped
    /// unsaid; `:columns` lists them all (`ColumnsList`).
    func columnsLeftOutForms(_ columns: [Column], _ layout: TableLayout, _ state: AppState) -> [String] {
        // An untitled column (the types view's bars) by the name it has left out (`Column.leftOutName`).
        let dropped = columns.indices.filter { layout.widths[$0] == nil && !columns[$0].nameWhenLeftOut.isEmpty }
        guard !dropped.isEmpty else { return [] }
        // Every title, else as many of the first as fit and how many more, else how many.
        let titles = dropped.map { columns[$0].nameWhenLeftOut }
        let some = (1..<max(1, titles.count)).reversed().map {
            Catalogue.columnsLeftOutSome(titles.prefix($0).joined(separator: " "), all: "\(titles.count)",
                                         more: "\(titles.count - $0)")
        }
        return ([Catalogue.columnsLeftOut(titles.joined(separator: " "))] + some
                + [Catalogue.columnsLeftOutCount("\(dropped.count)"),
                   Catalogue.columnsLeftOutShort("\(dropped.count)")]).map(state.tr)
    }
}
