import TownsCore

/// The frame around a view: the title, the tabs of the top views and the breadcrumb.
extension Renderer {
    func drawTitle(into grid: inout Grid, _ state: AppState) {
        let style = theme.style(.title)
        grid.fill(Rect(x: 0, y: 0, width: state.width, height: 1), with: Cell(text: " ", style: style))
        // A synthetic dataset says so before its name: a narrow terminal cuts the name, never
        // the mark (invented figures must not pass for real ones).
        let mark = state.dataset.synthetic ? state.tr(Catalogue.syntheticData) : ""
        let title = " towns" + glyphs.separator + mark + state.tr(state.dataset.nameZH, state.dataset.nameEN)
        let periodText: String
        if let p = state.period {
            periodText =
                state.tr(Catalogue.period2)
                + " [ \(state.label(p)) ] \(state.periodIndex + 1)/\(state.dataset.periods.count) "
        } else {
            periodText = state.tr(Catalogue.period2) + " \(glyphs.unknown) "
        }
        let pw = DisplayWidth.of(periodText)
        let room = max(0, state.width - pw - 1)  // a name too long is cut with …
        grid.put(TableRenderer(theme: theme, glyphs: glyphs).fit(title, width: room), x: 0, y: 0, style: style,
                 maxWidth: room)
        grid.put(periodText, x: state.width - pw, y: 0, style: style)
    }

    static func topIndex(_ kind: Screen.Kind) -> Int {
        switch kind {
        case .overview: return 0
        case .townList: return 1
        case .typeList, .townsOfType: return 2
        case .entityList, .townsOfEntity: return 3
        case .assessment, .assessmentNotes: return 4
        case .province, .city: return 5
        case .reference, .referencePage: return 6
        case .changes: return 7
        case .townPage, .cityTotals, .messages: return -1
        }
    }

    /// The tab labels on row 1 and the columns each covers, as drawn at this width: the long
    /// labels, else the short ones, else the active tab's short label among the others'
    /// numbers (`0  1  2 … 7 变化`), so the active tab is always shown whole.
    public static func tabs(_ state: AppState) -> [(label: String, columns: Range<Int>)] {
        let long = Catalogue.tabs.enumerated().map { "\($0.offset) " + state.tr($0.element.long) }
        let short = Catalogue.tabs.enumerated().map { "\($0.offset) " + state.tr($0.element.short) }
        let active = topIndex(state.stack[0].kind)
        let numbers = short.indices.map { $0 == active ? short[$0] : "\($0)" }
        // A space each side of a label and one between tabs, from column 1.
        func fits(_ labels: [String]) -> Bool {
            labels.reduce(1) { $0 + DisplayWidth.of($1) + 2 } + labels.count - 1 <= state.width
        }
        var x = 1
        return (fits(long) ? long : fits(short) ? short : numbers).map { name in
            let label = " \(name) "
            let w = DisplayWidth.of(label)
            defer { x += w + 1 }
            return (label, x..<(x + w))
        }
    }

    func drawTabs(into grid: inout Grid, _ state: AppState) {
        let active = Renderer.topIndex(state.stack[0].kind)
        for (i, tab) in Renderer.tabs(state).enumerated() {
            grid.put(
                tab.label, x: tab.columns.lowerBound, y: 1, style: theme.style(i == active ? .tabActive : .tab),
                maxWidth: max(0, state.width - tab.columns.lowerBound))
        }
    }

    /// The path from the top view to the current screen.
    public static func crumb(_ kind: Screen.Kind, _ state: AppState) -> String {
        switch kind {
        case .townList: return state.tr(Catalogue.towns3)
        case .typeList: return state.tr(Catalogue.types)
        case let .townsOfType(n): return "\(n) " + (state.dataset.type(n).map { state.tr($0.nameZH, $0.nameEN) } ?? "?")
        case .entityList: return state.tr(Catalogue.operatingEntities)
        case let .townsOfEntity(id):
            return id.flatMap { state.dataset.entity($0).map { state.tr($0.nameZH, $0.nameEN) } }
                ?? state.tr(Catalogue.entityNotNamed)
        case let .townPage(id): return state.town(id).map(state.name) ?? id
        case .assessment: return state.tr(Catalogue.assessment)
        case .assessmentNotes: return state.tr(Catalogue.assessmentNotes)
        case .messages: return state.tr(Catalogue.messagesTitle)
        case .cityTotals:
            // Not 全市报告 in a period the city reported nothing (`Metrics.cityReportedNothing`).
            let (zh, en) = ("\(state.dataset.regionZH)", "\(state.dataset.regionEN)")
            return state.tr(state.period.map { state.metrics.cityReportedNothing($0.id) } == true
                                ? Catalogue.cityTotalsCrumbTownsSum(zh, en) : Catalogue.totals(zh, en))
        case .province: return state.tr(Catalogue.province)
        // A city by its English name in English where the data gives one (wave 23's F8: `Province › 杭州`).
        case let .city(name):
            return state.dataset.province?.cities.first { $0.nameZH == name }.map { state.tr($0.nameZH, $0.nameEN) } ?? name
        case .reference: return state.tr(Catalogue.referenceHeading)
        case .changes: return state.tr(Catalogue.changesHeading)
        case .overview: return state.tr(Catalogue.overview)
        case let .referencePage(topic): return state.referenceTopicTitle(topic)
        }
    }

    /// The breadcrumb line (row 2) laid out for `state`: the path, then at the right the chips
    /// (filter, search, narrowing) and when the data last changed, if it fits beside the path.
    /// The table's columns left out are placed on it later (`BreadcrumbLayout.placeColumnsLeftOut`).
    func breadcrumbLayout(_ state: AppState) -> BreadcrumbLayout {
        let path = state.stack.map { Renderer.crumb($0.kind, state) }.joined(separator: glyphs.breadcrumbSeparator)
        var status: [String] = []
        if !state.filter.isEmpty {
            status.append(state.filterChip(clearKey: state.isFollowingPresenter ? nil : state.keyName(.clearFilter),
                                           separator: glyphs.separator))
        }
        if let q = state.screen.narrow, !q.isEmpty, state.screen.kind.narrows, state.search?.editing != true {
            status.append(state.isFollowingPresenter ? "/" + q : Renderer.narrowChip(state, query: q))
        } else if let q = state.search?.query, !q.isEmpty, state.search?.editing == false {
            status.append(Renderer.searchChip(state, query: q))
        }
        // When the data last changed (live reload), if it fits beside the path.
        let pathWidth = DisplayWidth.of(path) + 2
        var time: String?
        if let changed = state.dataChangedAt {
            let text = state.tr(Catalogue.dataChanged) + changed
            let candidate = (status + [text]).joined(separator: "  ")
            if pathWidth + DisplayWidth.of(candidate) + positionReserve(state) + 2 <= state.width { time = text }
        }
        // The right end is kept for the scroll position ("101-125/129", "9981-10000/10000")
        // and a gap before it.
        let reserve = positionReserve(state)
        // Chips wider than the line leaves beside the position: the filter's without its clear key's
        // hint (the key line and help name `c`), then cut with `…`. At 60x14 in English `b` drew
        // `filter: behind schedule · city row as reported (c cle1-8/21`, into the position (wave 34's
        // second fresh user).
        let chipRoom = max(1, state.width - reserve - 2)
        if DisplayWidth.of(status.joined(separator: "  ")) > chipRoom, !state.filter.isEmpty, !status.isEmpty {
            status[0] = state.filterChip(clearKey: nil, separator: glyphs.separator)
        }
        if DisplayWidth.of(status.joined(separator: "  ")) > chipRoom {
            status = [TableRenderer(theme: theme, glyphs: glyphs).fit(status.joined(separator: "  "), width: chipRoom)]
            time = nil
        }
        let chips = status.joined(separator: "  ")
        let right = (status + (time.map { [$0] } ?? [])).joined(separator: "  ")
        let rw = DisplayWidth.of(right)
        let room = max(0, state.width - rw - reserve - 2)  // a path too long is cut with …
        let x = max(0, state.width - rw - reserve)
        let cw = DisplayWidth.of(chips)
        return BreadcrumbLayout(
            width: state.width, path: TableRenderer(theme: theme, glyphs: glyphs).fit(" " + path, width: room),
            pathRoom: room, chips: chips, chipsX: x, time: time, timeX: x + (cw > 0 ? cw + 2 : 0))
    }

    /// Draws the breadcrumb line as `layout` placed it.
    func drawBreadcrumb(_ layout: BreadcrumbLayout, into grid: inout Grid) {
        grid.put(layout.path, x: 0, y: 2, style: theme.style(.breadcrumb), maxWidth: layout.pathRoom)
        // The chips (filter, search, narrowing) in the warning's colour, what needs attention; the
        // load time after them in the legend's, as when no chip shows (it took the chip's red:
        // wave 26's fresh user, F6).
        let cw = DisplayWidth.of(layout.chips)
        if cw > 0 { grid.put(layout.chips, x: layout.chipsX, y: 2, style: theme.style(.warning), maxWidth: cw) }
        if let time = layout.shownTime {
            grid.put(time, x: layout.timeX, y: 2, style: theme.style(.legend), maxWidth: DisplayWidth.of(time))
        }
        if let note = layout.columnsNote {
            grid.put(note.text, x: note.x, y: 2, style: theme.style(.legend), maxWidth: DisplayWidth.of(note.text))
        }
    }

    /// Columns at the right of the breadcrumb line kept for the scroll position: its widest
    /// form for the list shown ("9981-10000/10000": three numbers of the row count's digits),
    /// a gap before it and the margin after; at least 16 (pages, short lists).
    func positionReserve(_ state: AppState) -> Int {
        guard !state.screen.kind.isPage, let rows = state.list(for: state.screen)?.content.rows.count
        else { return 16 }
        return max(16, 3 * String(max(rows, 1)).count + 2 + 2)
    }
}

/// The breadcrumb line (row 2) as laid out before it is drawn (`Renderer.breadcrumbLayout`): the
/// path, the chips and the load clock at the right, and the table's columns left out for width
/// (`placeColumnsLeftOut`). What gives way is decided here, from the texts and their columns:
/// where the columns' note fits nowhere else the load clock gives way to it (`clockGaveWay`,
/// wave 32: English at 60x14 with the scroll position), not read back from cells drawn.
struct BreadcrumbLayout: Equatable {
    /// The line's width in cells.
    var width: Int
    /// The path, fitted to `pathRoom` cells, starting with a blank.
    var path: String
    var pathRoom: Int
    /// The chips (filter, search, narrowing), two blanks apart, from column `chipsX`.
    var chips: String
    var chipsX: Int
    /// When the data last changed, from column `timeX`; nil: it does not fit beside the path.
    var time: String?
    var timeX: Int
    /// A text placed on the line from column `x`.
    struct Placed: Equatable {
        var text: String
        var x: Int
    }
    /// The columns left out's note and its column (`placeColumnsLeftOut`); nil: none placed.
    var columnsNote: Placed?
    /// The load clock gave way to the columns' note.
    var clockGaveWay = false

    /// The load clock as drawn: nil where it does not fit or gave way.
    var shownTime: String? { clockGaveWay ? nil : time }

    /// The runs of text on the line (words parted by single blanks; two blanks or more part runs),
    /// as columns: the path's, the chips', the clock's unless it gave way, the note's.
    func runs(withTime: Bool = true) -> [Range<Int>] {
        var texts = [(path, 0, pathRoom), (chips, chipsX, DisplayWidth.of(chips))]
        if withTime, let time = shownTime { texts.append((time, timeX, DisplayWidth.of(time))) }
        if let note = columnsNote { texts.append((note.text, note.x, DisplayWidth.of(note.text))) }
        return texts.flatMap { Self.runs($0.0, x: $0.1, limit: min(width, $0.1 + max(0, $0.2))) }
    }

    /// The runs of `text` drawn from column `x` up to `limit` (as `Grid.put` draws it there).
    static func runs(_ text: String, x: Int, limit: Int) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var col = x, start: Int?, end = x, blanks = 0
        for character in TerminalText.sanitize(text) {
            let w = DisplayWidth.of(character)
            guard w > 0 else { continue }
            if col + w > limit { break }
            if character == " " {
                blanks += 1
                if blanks == 2, let s = start { runs.append(s..<end); start = nil }
            } else {
                if start == nil { start = col }
                end = col + w
                blanks = 0
            }
            col += w
        }
        if let s = start { runs.append(s..<end) }
        return runs
    }

    /// Whether no text stands in `columns`.
    func isBlank(_ columns: Range<Int>, runs: [Range<Int>]) -> Bool {
        columns.lowerBound >= 0 && !runs.contains { $0.overlaps(columns) }
    }

    /// Places the first of `forms` (the note naming the columns left out, longest first) that
    /// fits, two blanks from any text: at the line's right end (before `end`), else left of the
    /// last run of text before it (the chips, the clock); where none fits, the clock, when it is
    /// that last run, gives way and the note takes the right end.
    mutating func placeColumnsLeftOut(_ forms: [String], end: Int) {
        var runs = runs()
        // The start of the last run of text before `end`: what the note may stand left of.
        let last = runs.filter { $0.lowerBound < end }.max { $0.lowerBound < $1.lowerBound }?.lowerBound ?? -1
        for text in forms {
            for limit in [end, last - 2] {  // two blanks before that text, as between the breadcrumb's parts
                let x = limit - DisplayWidth.of(text)
                guard x >= 2, isBlank(x - 2..<limit, runs: runs) else { continue }
                columnsNote = Placed(text: text, x: x)
                return
            }
        }
        // Nothing fits beside the load time (English at 60x14 with the scroll position: wave 32's
        // fresh user, F3): the columns left out matter more to the figures than when the data
        // loaded, so the time gives way and the note takes the line's right end.
        guard let time = shownTime, last >= 0, last == timeX, timeX + DisplayWidth.of(time) <= end else { return }
        runs = self.runs(withTime: false)
        for text in forms {
            let x = end - DisplayWidth.of(text)
            guard x >= 2, isBlank(x - 2..<end, runs: runs) else { continue }
            clockGaveWay = true
            columnsNote = Placed(text: text, x: x)
            return
        }
    }
}
