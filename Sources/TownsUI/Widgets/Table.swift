/// A column of a table widget.
public struct Column: Sendable {
    public enum Alignment: Sendable { case left, right }
    public var title: String
    public var alignment: Alignment
    /// Lower numbers are dropped first when the pane is too narrow; 100 is never dropped.
    public var priority: Int
    /// A flexible column (a bar) takes the columns left over, at least `minWidth`.
    public var flexible: Bool
    public var minWidth: Int
    /// Widest a fixed column may be, in cells; longer text is cut with `…`.
    public var maxWidth: Int
    /// The names give up to a quarter of their width before this column gives way, as before a
    /// column of priority `TableLayout.shrinkNamesBefore` or more (the towns view's Δ完成).
    public var namesGiveWayFirst = false
    /// The column holds names (a town's, an entity's, a list of towns): in print
    /// (`TableLayout(wholeNames:)`) it is never cut; on screen it widens past `maxWidth` into
    /// room the other columns leave. By default a fixed left-aligned column never dropped
    /// (priority 100).
    public var names: Bool
    /// The column's cells are lists of names joined by a separator (a type's towns): where one
    /// does not fit, it ends with the whole names that fit and `… 另 N 个` / `… and N more`
    /// (`TableRenderer.fitItems`), a name cut only with the count after it. nil: cut with `…` as any text.
    public var items: ItemList? = nil
    /// A flexible column (a bar) narrower than `minWidth` rather than dropped: it shrinks to no
    /// fewer than this many cells before it gives way (the towns view's bar at 60x14: 5 cells,
    /// `TownsView`). nil: it gives way at `minWidth`.
    public var narrowestWidth: Int? = nil
    /// The names are cut down to their `minWidth`, not only a quarter, before this column gives
    /// way (the towns view's rate in the presentation layout: at 60x14 in English its `▼` stays
    /// beside the bar, as in Chinese, the names cut with `…`).
    public var namesGiveWayWhole = false
    /// Which of the column's cells are cut in the middle where they do not fit, their end kept
    /// (`TableRenderer.fitMiddle`): the changes view's source cells naming an imported sheet keep
    /// its month and extension (`line 3 jiax…2015-10.csv`). nil: every cell is cut at its end.
    public var cutInMiddle: (@Sendable (String) -> Bool)? = nil
    /// Never shown, whatever the width (the towns view's 进度差 in the presentation layout,
    /// whose rate carries the `▼` instead: at 100 columns both showed it, wave 21).
    public var leftOut = false
    /// A left-aligned column of figures as text (the overview's `数字`): never the names that give
    /// up a quarter of their width before a column goes (`TableLayout`), so its figures are not cut
    /// (wave 22: `2/2镇 落后 1▼` was cut to `落后…` at 60x14 in Chinese).
    public var figures = false
    /// What the screen calls an untitled column where the width leaves it out (the types view's
    /// bars: `进度` / `Progress`, as the towns view titles its bar): named with the titled columns
    /// left out on the breadcrumb line and by `:columns`, never a header, a sort or an export
    /// column (those take `title`). nil: `title`.
    public var leftOutName: String? = nil
    /// The header's title where the column is narrower than `title` (the towns view's bar at
    /// 60x14 in English, 7 cells: `Prog.`, not `Progre…`; the help names it). nil: `title`, cut.
    public var shortTitle: String? = nil

    public init(
        _ title: String, _ alignment: Alignment = .left, priority: Int = 100,
        flexible: Bool = false, minWidth: Int = 1, maxWidth: Int = 40, namesGiveWayFirst: Bool = false,
        names: Bool? = nil
    ) {
        self.title = title; self.alignment = alignment; self.priority = priority
        self.flexible = flexible; self.minWidth = minWidth; self.maxWidth = maxWidth
        self.namesGiveWayFirst = namesGiveWayFirst
        self.names = names ?? (!flexible && alignment == .left && priority >= 100)
    }
}

extension Column {
    /// This column, shrinking to `cells` (`narrowestWidth`) before it gives way.
    public func narrowest(_ cells: Int?) -> Column {
        var c = self
        c.narrowestWidth = cells
        return c
    }

    /// This column, never shown when `on` (`leftOut`).
    public func leftOut(_ on: Bool) -> Column {
        var c = self
        c.leftOut = on
        return c
    }

    /// This column, called `name` where the width leaves it out (`leftOutName`).
    public func named(whenLeftOut name: String) -> Column {
        var c = self
        c.leftOutName = name
        return c
    }

    /// This column, headed `short` where it is narrower than its title (`shortTitle`).
    public func titled(short: String?) -> Column {
        var c = self
        c.shortTitle = short
        return c
    }

    /// The header's text in `width` cells: the title, or its short form (with the title's sort
    /// mark) where the title does not fit and the short form does.
    public func headerTitle(width: Int?) -> String {
        guard let short = shortTitle, let width, DisplayWidth.of(title) > width else { return title }
        let marked = SortMark.ends(title) ? short + String(title.last!) : short
        return DisplayWidth.of(marked) <= width ? marked : title
    }

    /// The name the screen gives this column left out: `leftOutName`, else its title ("" for none).
    public var nameWhenLeftOut: String { leftOutName ?? title }

    /// This column, kept while the names can be cut to their `minWidth` (`namesGiveWayWhole`).
    public func namesGivingWayWhole(_ on: Bool = true) -> Column {
        var c = self
        c.namesGiveWayWhole = on
        return c
    }
}

/// How a column's cells list names (`Column.items`): the separator between them (`、` or `, `)
/// and the words for the ones left out (`n` of them), which start with the cut mark (`… 另 2 个`);
/// `count`: the words for all `n` when not one name fits (`共 2 个`, no `…` after nothing).
///
/// `listed`: for a cell whose text holds only the first names of a longer list (more than any
/// screen shows: `AppState.screenListCells`), how many the whole list has, by the cell's text;
/// nil (or nil for a text): the text holds every name. A type of 2,500 towns was joined and
/// measured whole for its 36-column cell (half the types view's first visit at 10,000 towns).
public struct ItemList: Sendable {
    public var separator: String
    public var more: @Sendable (_ n: Int) -> String
    public var count: (@Sendable (_ n: Int) -> String)?
    public var listed: (@Sendable (_ text: String) -> Int?)?
    public init(separator: String, more: @escaping @Sendable (_ n: Int) -> String,
                count: (@Sendable (_ n: Int) -> String)? = nil, listed: (@Sendable (_ text: String) -> Int?)? = nil) {
        self.separator = separator
        self.more = more
        self.count = count
        self.listed = listed
    }
}

/// What one cell of a table shows: text (with marks the glyph set draws) in a role, or a
/// progress bar. A cell says what it is; the glyphs are chosen when it is drawn.
public enum TableCell: Sendable {
    case text(CellText, Role?)
    /// A bar `fraction` full (0...1, clipped), drawn in `role`; nil fraction draws nothing.
    /// `marker` puts the expected-by-now mark at that fraction.
    case bar(fraction: Double?, role: Role, marker: Double?)

    public static func plain(_ s: String) -> TableCell { .text(CellText(s), nil) }

    /// A mark alone in its role (`—` unknown, `✓` met, ...).
    public static func mark(_ mark: Mark, _ role: Role?) -> TableCell { .text(CellText(mark), role) }

    /// Where the cell's last number stands, in cells: up to and including the units digit
    /// (`head`), and after it (`tail`: decimals, `%`, `▼`; not a check's `!`); nil when the text
    /// has no number, or is a count of a count ("2/5"), or a bar. "42.5%!" -> (2, 3).
    var unitsSplit: (head: Int, tail: Int)? {
        guard case let .text(t, _) = self else { return nil }
        let chars = Array(TerminalText.sanitize(t.text(.unicode)))
        guard let last = chars.lastIndex(where: { $0.isASCII && $0.isNumber }) else { return nil }
        var start = last
        while start > 0, chars[start - 1].isASCII, chars[start - 1].isNumber { start -= 1 }
        var units = last
        if start >= 2, chars[start - 1] == ".", chars[start - 2].isASCII, chars[start - 2].isNumber {
            units = start - 2
        }
        // A count of a count ("2/5", "39/89", "—/†30") is drawn whole at the column's edge.
        if chars[..<start].contains("/") { return nil }
        let width = { (part: ArraySlice<Character>) in part.reduce(0) { $0 + max(0, DisplayWidth.of($1)) } }
        // A check's `!` after the figure stands outside, as the column's edge allows (42.5%! beside 72.9%).
        let end = chars.last == "!" ? chars.count - 1 : chars.count
        return (width(chars[...units]), width(chars[(units + 1)..<max(units + 1, end)]))
    }

    /// The cell's text with its marks ("" for a bar).
    public var cellText: CellText {
        if case let .text(t, _) = self { return t }
        return ""
    }

    /// The cell's text as `glyphs` draws it ("" for a bar).
    public func text(_ glyphs: Glyphs) -> String {
        if case let .text(t, _) = self { return t.text(glyphs) }
        return ""
    }

    var naturalWidth: Int {
        switch self {
        // Every mark is one cell in every glyph set (tested), so Unicode measures for all.
        case let .text(s, _): return TerminalText.sanitizedWidth(s.text(.unicode))
        case .bar: return 0
        }
    }
}

/// A row of a table; `role` styles the whole row (e.g. totals).
public struct TableRow: Sendable {
    public var cells: [TableCell]
    public var role: Role?
    /// Names a search (`/`) matches this row by: the town, its county and entities, ...
    /// Given, or made when first read (`init(_:role:searchTermsMadeBy:)`).
    public var searchTerms: [String] {
        get { terms ?? termsMaker?() ?? [] }
        set { terms = newValue; termsMaker = nil }
    }
    private var terms: [String]?
    private var termsMaker: (@Sendable () -> [String])?
    /// Parts of a text cell drawn in their own role, each where it first occurs in the cell as
    /// drawn (the overview's checks line: `不符 1` in `warning`, `拟合一致 1` not): a line of
    /// counts is not all one colour. Not drawn on the selected row. Empty for most rows.
    public var tints: [Tint] = []
    /// A part of a row's text (`text`, as drawn) in `role`.
    public struct Tint: Sendable {
        public var text: String
        public var role: Role
        public init(_ text: String, _ role: Role) { self.text = text; self.role = role }
    }
    public init(_ cells: [TableCell], role: Role? = nil, searchTerms: [String] = []) {
        self.cells = cells; self.role = role; self.terms = searchTerms
    }

    /// A row whose `searchTerms` are made by `terms` each time they are read, not when the row
    /// is made: a list whose search reads its own texts (`ListContent.searchText`) rarely reads
    /// them (issue 17: the towns view's first visit made the entities' index for them alone).
    public init(_ cells: [TableCell], role: Role? = nil, searchTermsMadeBy terms: @escaping @Sendable () -> [String]) {
        self.cells = cells; self.role = role; self.termsMaker = terms
    }
}

/// Lays out and draws a table: columns sized by display width, dropped by priority when the
/// pane is narrow, a flexible bar column taking the rest; a header, body rows with one
/// selected, and summary rows pinned below the body.
public struct TableLayout: Sendable {
    /// Width of each column in cells; nil for a dropped column.
    public let widths: [Int?]
    /// Blank columns between two columns: `gap`, or wider (`Renderer.columnGap`, the
    /// presentation layout).
    public let columnGap: Int
    /// The usual blank columns between two columns.
    public static let gap = 1
    /// Columns of this priority or more are dropped for width only after the names gave way
    /// (a quarter of their width at most).
    public static let shrinkNamesBefore = 60
    /// Columns of this priority or more are dropped for width only after the names gave way a third
    /// of their width (a quarter for the others of `shrinkNamesBefore` or more).
    public static let shrinkNamesMoreBefore = 80
    /// A dropped column with a `minWidth` of this many cells or more comes back when that much
    /// is left over (cut to what is left).
    public static let comeBackWidth = 8

    /// Sizes `columns` for `rows` within `width` cells.
    /// `wholeNames`: in print, name columns (`Column.names`) take the width they need, even past `width`.
    public init(columns: [Column], rows: [TableRow], width: Int, wholeNames: Bool = false) {
        self.init(
            columns: columns, naturalWidths: TableLayout.naturalWidths(columns: columns, rows: [rows]), width: width,
            wholeNames: wholeNames)
    }

    /// The width each column's title and cells need, over every row of `rows` (groups of
    /// rows, e.g. the body and the summary, measured without joining them).
    public static func naturalWidths(columns: [Column], rows: [[TableRow]]) -> [Int] {
        // A sorted column's mark (↓ ↑) is measured with its title: drawn in the gap after a title
        // that filled its column, it was glued to the next title (`年计划↓完成`, `Plan↓Done`) and
        // read as either's. Sorting may widen the column by that one cell. A right-aligned
        // column's numbers are drawn with their units digits in one column
        // (`TableRenderer.drawRow`): room for the widest part before it and the widest after
        // (`TableMeasure.swift`).
        naturalWidths(columns: columns, rows: rows, measured: [])
    }

    /// Sizes `columns` within `width` cells from their `naturalWidths` (`naturalWidths(columns:rows:)`),
    /// so a list's rows are measured once, not for every frame; `columnGap` blank cells between columns.
    /// `wholeNames` (print): the columns the screen keeps at `width`, the name columns
    /// (`Column.names`) whole, so the table may be wider than `width`; else (screen) a name
    /// column longer than its `maxWidth` takes the room left before the flexible columns share it.
    public init(
        columns: [Column], naturalWidths: [Int], width: Int, columnGap: Int = TableLayout.gap, wholeNames: Bool = false
    ) {
        self.columnGap = columnGap
        var natural = naturalWidths
        for (i, c) in columns.enumerated() {
            natural[i] = c.flexible ? c.minWidth : min(max(natural[i], c.minWidth), c.maxWidth)
        }
        var kept = columns.map { !$0.leftOut }
        func total() -> Int {
            let cols = columns.indices.filter { kept[$0] }
            return cols.reduce(0) { $0 + natural[$1] } + max(0, cols.count - 1) * columnGap
        }
        // Drop the lowest-priority columns until the rest fit.
        let order = columns.indices.filter { columns[$0].priority < 100 && kept[$0] }.sorted {
            columns[$0].priority < columns[$1].priority
        }
        // Before a column of priority `shrinkNamesBefore` or more goes, the widest text column
        // never dropped (names) gives up to a quarter of its width if that is enough for the rest
        // to fit (cut with `…`, never below its minWidth):
        // at 80 columns the towns' bar keeps its 15 cells and the schedule column stays.
        // Not a column of figures (`Column.figures`, the overview's: its `落后 1▼` was cut to
        // `落后…` at 60x14 in Chinese, wave 22).
        let names = columns.indices.filter {
            !columns[$0].flexible && columns[$0].alignment == .left && columns[$0].priority >= 100
                && !columns[$0].figures
        }.max { natural[$0] < natural[$1] }
        let shrinkable = names.map { max(0, min(natural[$0] / 4, natural[$0] - columns[$0].minWidth)) } ?? 0
        // Before a figure a meeting asks for goes (priority `shrinkNamesMoreBefore` or more: the
        // types' rate, both and behind), the names give up to a third: presenting the types view at
        // 80 columns in English, `≈23.5%` (wave 28) would have cost the Behind column.
        let shrinkableMore = names.map { max(0, min(natural[$0] / 3, natural[$0] - columns[$0].minWidth)) } ?? 0
        var next = 0
        while total() > width && next < order.count {
            let giving = columns[order[next]].priority >= TableLayout.shrinkNamesMoreBefore ? shrinkableMore : shrinkable
            if columns[order[next]].priority >= TableLayout.shrinkNamesBefore || columns[order[next]].namesGiveWayFirst,
                let n = names,
                total() - width <= giving
            {
                natural[n] -= total() - width
                break
            }
            if columns[order[next]].namesGiveWayWhole, let n = names,
                total() - width <= natural[n] - columns[n].minWidth
            {
                natural[n] -= total() - width
                break
            }
            // A bar that may be narrower (`narrowestWidth`) shrinks rather than go, if that is enough,
            // the names giving up to a quarter of their width first (60x14 in English).
            let i = order[next]
            if columns[i].flexible, let narrowest = columns[i].narrowestWidth, natural[i] > narrowest,
                total() - width <= natural[i] - narrowest + (names == nil ? 0 : shrinkable)
            {
                if let n = names { natural[n] -= min(shrinkable, total() - width) }
                natural[i] -= max(0, total() - width)
                break
            }
            kept[i] = false
            next += 1
        }
        // Still too wide: shrink the widest text column (names), never below 4 cells; in print
        // the table is wider instead (`towns report` says so).
        // A column of figures (`Column.figures`) gives way only after the others (wave 22: the
        // overview's `3/115 towns, behind 12▼` was cut to `behind…` at 60x14 beside a long name).
        // Beside a column of figures the names keep their `minWidth` (the overview's 10 cells), the
        // figures' words giving way after them (cut at their end): at 80x24 an undecided town's long
        // reading cut the names to `Hai…` for two towns (wave 31's fresh user). Then, where even
        // that does not fit, the names down to 4 cells.
        let holdsFigures = columns.indices.contains { kept[$0] && columns[$0].figures }
        for (figuresToo, floorAtMin) in holdsFigures ? [(false, true), (true, false), (false, false)] : [(true, false)] {
            if total() > width, !wholeNames,
                let widest = columns.indices.filter({
                    kept[$0] && !columns[$0].flexible && (figuresToo || !columns[$0].figures)
                }).max(by: { natural[$0] < natural[$1] })
            {
                let floor = floorAtMin && !columns[widest].figures ? max(4, columns[widest].minWidth) : 4
                natural[widest] = max(min(floor, natural[widest]), natural[widest] - (total() - width))
            }
        }
        // A dropped text column that wants at least `comeBackWidth` cells (a list of names) comes
        // back, cut to the space left, when that much is left: at 100 columns the types view
        // shows its towns rather than 22 empty columns.
        for i in order where !kept[i] && !columns[i].flexible && columns[i].minWidth >= TableLayout.comeBackWidth {
            let spare = width - total() - columnGap
            guard spare >= columns[i].minWidth else { continue }
            kept[i] = true
            natural[i] = min(natural[i], spare)
            // Cut, beside names already cut: they give it what they can spare of the cells it lacks,
            // up to the 2 a rate's extra digit takes (`≈23.5%` beside `≈73%`, wave 28), so the types
            // view at 100 columns in English still names a town (`Hainin… and 1 more`, not `2 in
            // all`: wave 20's F3); whole names (the Chinese types') are not cut for it.
            if columns[i].names, let n = names, n != i, natural[i] < naturalWidths[i], natural[n] < naturalWidths[n] {
                let given = min(2, naturalWidths[i] - natural[i], max(0, natural[n] - columns[n].minWidth))
                natural[n] -= given
                natural[i] += given
            }
        }
        // A name column cut (at its maxWidth, or to fit) takes the room it needs in print (the
        // table is wider: `towns report` says so), on screen the room left (the changes view's
        // towns at 160 columns), before the flexible columns share it.
        for i in columns.indices where kept[i] && columns[i].names && naturalWidths[i] > natural[i] {
            let spare = wholeNames ? Int.max : width - total()
            guard spare > 0 else { break }
            natural[i] += min(spare, naturalWidths[i] - natural[i])
        }
        // Flexible columns share what is left.
        let flex = columns.indices.filter { kept[$0] && columns[$0].flexible }
        if !flex.isEmpty {
            let spare = max(0, width - total())
            for (n, i) in flex.enumerated() {
                natural[i] += spare / flex.count + (n < spare % flex.count ? 1 : 0)
            }
        }
        widths = columns.indices.map { kept[$0] ? natural[$0] : nil }
    }

    /// Whether a column title ends with the sort mark (`SortMark`).
    static func hasSortMark(_ title: String) -> Bool { SortMark.ends(title) }

    /// Total width of the kept columns and gaps.
    public var totalWidth: Int {
        let w = widths.compactMap { $0 }
        return w.reduce(0, +) + max(0, w.count - 1) * columnGap
    }
}

/// Draws tables into a grid.
public struct TableRenderer: Sendable {
    public var theme: Theme
    public var glyphs: Glyphs

    public init(theme: Theme, glyphs: Glyphs) { self.theme = theme; self.glyphs = glyphs }

    /// Draws the header at `rect.y`, body rows from `scroll` below it with row `selection`
    /// highlighted, one every `rowPitch` lines (2: a blank line between rows), and `summary`
    /// rows at the bottom of `rect` under a rule, each on the line `summaryOffsets` gives it below
    /// the rule's next (nil: one after another; the presentation layout spaces them where they fit).
    public func draw(
        into grid: inout Grid, rect: Rect, columns: [Column], layout: TableLayout,
        rows: Rows, selection: Int?, scroll: Int, summary: [TableRow], highlighted: Set<Int> = [], rowPitch: Int = 1,
        summaryOffsets: [Int]? = nil
    ) {
        let offsets = summaryOffsets.map { $0.count == summary.count ? $0 : Array(summary.indices) }
            ?? Array(summary.indices)
        let pitch = max(1, rowPitch)
        guard rect.height > 0, rect.width > 0 else { return }
        drawRow(
            into: &grid, x: rect.x, y: rect.y, width: rect.width,
            cells: columns.enumerated().map { i, c in
                .text(CellText(c.headerTitle(width: i < layout.widths.count ? layout.widths[i] : nil)), .header) },
            columns: columns, layout: layout, rowStyle: theme.style(.header), header: true)
        let summaryHeight = summary.isEmpty ? 0 : min(rect.height - 1, (offsets.last ?? 0) + 2)
        let bodyHeight = max(0, rect.height - 1 - summaryHeight)
        // Each right-aligned column's widest part after the units digit, over the rows drawn.
        var tails = columns.map { _ in 0 }
        let drawn = scroll..<min(rows.count, scroll + TableRenderer.rowsIn(lines: bodyHeight, pitch: pitch))
        for row in drawn.map({ rows[$0] }) + summary {
            for (i, cell) in row.cells.enumerated() where i < columns.count && columns[i].alignment == .right {
                if let split = cell.unitsSplit { tails[i] = max(tails[i], split.tail) }
            }
        }
        for i in 0..<TableRenderer.rowsIn(lines: bodyHeight, pitch: pitch) {
            let index = scroll + i
            guard index < rows.count else { break }
            let selected = index == selection
            let style = selected ? theme.style(.selection) : theme.style(rows[index].role ?? .row)
            var cells = rows[index].cells
            if highlighted.contains(index), case let .text(name, _)? = cells.first {
                cells[0] = .text(name, .match)
            }
            drawRow(
                into: &grid, x: rect.x, y: rect.y + 1 + i * pitch, width: rect.width, cells: cells,
                columns: columns, layout: layout, rowStyle: style, selected: selected, tails: tails,
                tints: rows[index].tints)
        }
        if summaryHeight > 0 {
            // Summary rows follow the body directly when the list is short, else pin to the bottom.
            // (One blank row when the list is empty, for the "no towns" line.)
            let usedBody =
                rows.isEmpty
                ? min(bodyHeight, 1)
                : min(bodyHeight, TableRenderer.lines(rows: max(0, rows.count - scroll), pitch: pitch))
            let ruleY = rect.y + 1 + usedBody
            let rule = String(repeating: glyphs.horizontal, count: max(0, min(rect.width, layout.totalWidth)))
            grid.put(rule, x: rect.x, y: ruleY, style: theme.style(.border), maxWidth: rect.width)
            for (i, row) in summary.enumerated() where offsets[i] < summaryHeight - 1 {
                // The selection one past the last row is on the first summary row (the city's totals).
                let selected = i == 0 && selection == rows.count
                drawRow(
                    into: &grid, x: rect.x, y: ruleY + 1 + offsets[i], width: rect.width, cells: row.cells,
                    columns: columns, layout: layout,
                    rowStyle: selected ? theme.style(.selection) : theme.style(row.role ?? .totals),
                    selected: selected, tails: tails)
            }
        }
    }

    /// How many rows, one every `pitch` lines, fit in `lines` lines.
    public static func rowsIn(lines: Int, pitch: Int) -> Int { lines <= 0 ? 0 : (lines - 1) / max(1, pitch) + 1 }

    /// Lines that `rows` rows take, one every `pitch` lines (no blank line after the last).
    public static func lines(rows: Int, pitch: Int) -> Int { rows <= 0 ? 0 : (rows - 1) * max(1, pitch) + 1 }

    func drawRow(
        into grid: inout Grid, x: Int, y: Int, width: Int, cells: [TableCell], columns: [Column],
        layout: TableLayout, rowStyle: Style, header: Bool = false, selected: Bool = false, tails: [Int] = [],
        tints: [TableRow.Tint] = []
    ) {
        grid.fill(Rect(x: x, y: y, width: width, height: 1), with: Cell(text: " ", style: rowStyle))
        var col = x
        for (i, w) in layout.widths.enumerated() {
            guard let w else { continue }
            if col >= x + width { break }
            let cell = i < cells.count ? cells[i] : .text("", nil)
            // A header's sort mark is measured with its title (see naturalWidths); where the column is
            // still narrower (its maxWidth, the last column cut), it takes the gap after it.
            // (Never when the title fits: a right-aligned title would end in the gap, glued to the next.)
            let mark = header && i < columns.count && TableLayout.hasSortMark(columns[i].title)
                && DisplayWidth.of(columns[i].title) > w ? TableLayout.gap : 0
            let avail = min(w + mark, x + width - col)
            switch cell {
            case let .text(cellText, role):
                let s = cellText.text(glyphs)
                var style = rowStyle
                if let role, !selected, !header {
                    style = theme.style(role)
                } else if let role, selected, role != .row {
                    style = merge(theme.style(.selection), emphasis: theme.style(role))
                }
                var text = fit(s, width: avail)
                if !header, i < columns.count, let list = columns[i].items, DisplayWidth.of(s) > avail {
                    text = fitItems(s, list, width: avail)
                }
                if !header, i < columns.count, let middle = columns[i].cutInMiddle, DisplayWidth.of(s) > avail,
                   middle(s) {
                    text = fitMiddle(s, width: avail)
                }
                if mark > 0, DisplayWidth.of(s) > avail, let last = s.last {
                    // No gap after the last column: the title gives way to its sort mark.
                    text = fit(String(s.dropLast()), width: max(0, avail - 1)) + String(last)
                }
                let tw = DisplayWidth.of(text)
                // Units digits in one column: a number with less after it (50% beside 30.4%,
                // 9.3 beside 13.56) is moved left by the difference, where the column has room.
                var pad = 0
                if i < tails.count, let split = cell.unitsSplit, tw == DisplayWidth.of(s) {
                    pad = tails[i] - split.tail
                    if pad < 0 || tw + pad > avail { pad = 0 }
                }
                let start = columns[i].alignment == .right ? col + max(0, avail - tw - pad) : col
                grid.put(text, x: start, y: y, style: style, maxWidth: avail)
                // A `?` for a plan from a later period, and any other, noted where it is drawn (not
                // cut away) for the legend (`Grid.marksNoted`).
                if !header, text.contains(glyphs.undetermined) {
                    let parts = cellText.parts
                    if parts.contains(.mark(.laterPlan)) { grid.marksNoted.insert(.laterPlan) }
                    if parts.contains(.mark(.undetermined)) { grid.marksNoted.insert(.undetermined) }
                }
                for tint in tints where !selected && !header && !tint.text.isEmpty {
                    guard let r = text.range(of: tint.text) else { continue }
                    let at = start + DisplayWidth.of(String(text[..<r.lowerBound]))
                    grid.put(tint.text, x: at, y: y, style: theme.style(tint.role), maxWidth: max(0, col + avail - at))
                }
            case let .bar(fraction, role, marker):
                drawBar(
                    into: &grid, x: col, y: y, width: avail, fraction: fraction, role: role, marker: marker,
                    rowStyle: rowStyle)
            }
            col += w + layout.columnGap
        }
    }

    /// A bar of `width` cells: full cells, then a partial eighth, then the empty track.
    public func drawBar(
        into grid: inout Grid, x: Int, y: Int, width: Int, fraction: Double?, role: Role,
        marker: Double?, rowStyle: Style
    ) {
        guard width > 0, let fraction, fraction.isFinite else { return }
        // In 8 colours, on the selection's band the bar and its mark are drawn in the band's own
        // foreground (black on cyan): the roles' green, red and white on cyan could hardly be told
        // from the band on a projector (wave 36's fresh user). 256 colours keep the roles' colours.
        // (The selection's band alone: a light theme's page colour is every row's background.)
        let onBand8 = theme.eightColours && rowStyle == theme.style(.selection) && rowStyle.background != .default
            && rowStyle.foreground != .default
        defer {
            if let marker, marker.isFinite {
                let at = Glyphs.markerColumn(marker, width: width)
                var style = theme.style(.barMarker)
                if rowStyle.reverse { style.reverse = true }
                // On a row with a background (the selection), the mark keeps the row's band.
                if rowStyle.background != .default { style.background = rowStyle.background }
                if onBand8 { style.foreground = rowStyle.foreground }
                grid.put(glyphs.marker, x: x + at, y: y, style: style, maxWidth: 1)
            }
        }
        var fill = theme.style(role)
        fill.background = rowStyle.background == .default ? fill.background : rowStyle.background
        if rowStyle.reverse { fill.reverse = true }
        if onBand8 { fill.foreground = rowStyle.foreground }
        // Block characters look the same bold or not, and turning bold off costs a full
        // attribute reset on the terminal (~23 bytes per bar, per frame that redraws the row).
        // On a monochrome terminal without colour, bold is what the role has: kept there.
        if fill.foreground != .default { fill.bold = false }
        let cells = glyphs.barFill(fraction: fraction, width: width)
        grid.put(cells.joined(), x: x, y: y, style: fill, maxWidth: width)
        let used = cells.count
        if used < width {
            var track = theme.style(.barEmpty)
            if rowStyle.reverse { track = rowStyle }
            if rowStyle.background != .default { track.background = rowStyle.background }
            if onBand8 { track.foreground = rowStyle.foreground }  // white dots on cyan, too
            grid.put(
                String(repeating: glyphs.barEmpty, count: width - used), x: x + used, y: y, style: track,
                maxWidth: width - used)
        }
    }

    /// The fewest cells of a name `fitItems` shows cut before a count (`海宁皮革… 另 1 个`), its
    /// cut mark not counted: fewer name no one reads.
    static let cutNameCells = 6

    /// `text` cut to `width` cells with the cut mark (`Glyphs.cut`: `…`, ASCII `$`) when longer.
    /// `text`, a list of names joined by `list.separator`, within `width` cells: the most whole
    /// names that fit with `list.more` of the rest after them; else the first name cut, with the
    /// rest's count (`cutNameCells`); else `list.count` of them all (no
    /// `…` with no name before it: a fresh user read `… 另 2 个` as a cut); else (one name, or too
    /// narrow even for that) `fit`'s cut.
    func fitItems(_ text: String, _ list: ItemList, width: Int) -> String {
        let names = TerminalText.sanitize(text).components(separatedBy: list.separator)
        // How many names the whole list has: more than the text holds where it holds the first only.
        let total = max(names.count, list.listed?(text) ?? names.count)
        guard total > 1 else { return fit(text, width: width) }
        var shown = "", best: String?
        for k in 1...min(total - 1, names.count) {
            shown += (k == 1 ? "" : list.separator) + names[k - 1]
            if DisplayWidth.of(shown) > width { break }
            let candidate = shown + list.more(total - k)
            if DisplayWidth.of(candidate) <= width { best = candidate }
        }
        if let best { return best }
        // Not one whole name with the rest's count: the first name cut (its own cut mark standing
        // for the `…` of the words after it) where at least `cutNameCells` of it show, so the cell
        // names a town (`海宁皮革… 另 1 个`, not `共 2 个` at 100 columns).
        let rest = list.more(total - 1)
        if rest.hasPrefix("…") {
            let tail = String(rest.dropFirst())
            let room = width - DisplayWidth.of(tail)
            if room > TableRenderer.cutNameCells {
                var name = fit(names[0], width: room)
                // Cut after a word: the mark right after it (`Haining…`, not `Haining …`).
                if name.hasSuffix(glyphs.cut) {
                    name.removeLast(glyphs.cut.count)
                    while name.hasSuffix(" ") { name.removeLast() }
                    name += glyphs.cut
                }
                return name + tail
            }
        }
        let all = list.count?(total) ?? list.more(total)
        return DisplayWidth.of(all) <= width ? all : fit(text, width: width)
    }

    /// `text` cut to `width` cells in the middle with the cut mark when longer: its start and
    /// its end (two thirds of the room: a file name's month and extension) kept.
    public func fitMiddle(_ text: String, width: Int) -> String {
        let safe = TerminalText.sanitize(text)
        if DisplayWidth.of(safe) <= width { return safe }
        guard width > 2 else { return fit(safe, width: width) }
        let tail = (width - 1) * 2 / 3, head = width - 1 - tail
        var start = "", end = "", used = 0
        for ch in safe {
            let w = max(0, DisplayWidth.of(ch))
            if used + w > head { break }
            start.append(ch)
            used += w
        }
        used = 0
        for ch in safe.reversed() {
            let w = max(0, DisplayWidth.of(ch))
            if used + w > tail { break }
            end = String(ch) + end
            used += w
        }
        return start + glyphs.cut + end
    }

    public func fit(_ text: String, width: Int) -> String {
        let safe = TerminalText.sanitize(text)
        if DisplayWidth.of(safe) <= width { return safe }
        guard width > 1 else { return width == 1 ? glyphs.cut : "" }
        var out = ""
        var w = 0
        for ch in safe {
            let cw = max(0, DisplayWidth.of(ch))
            if w + cw > width - 1 { break }
            out.append(ch)
            w += cw
        }
        return out + glyphs.cut
    }

    /// The selection's style with a role's emphasis, where the role has no colour of its own
    /// (a monochrome theme marks roles by attributes alone). A coloured role's bold is left
    /// out in the selection band: its markers (▼ ≈ — !) still say what it is, and each bold
    /// run costs the terminal a full attribute reset (~40 bytes per selection move).
    private func merge(_ base: Style, emphasis: Style) -> Style {
        guard emphasis.foreground == .default else { return base }
        var s = base
        s.bold = s.bold || emphasis.bold
        s.underline = s.underline || emphasis.underline
        return s
    }
}
