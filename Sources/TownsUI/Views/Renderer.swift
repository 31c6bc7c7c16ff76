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
    public static func visibleRows(_ state: AppState) -> Int {
        let body = bodyRect(width: state.width, height: state.height)
        let summary = state.content(for: state.screen)?.summary.count ?? 0
        return max(1, body.height - 1 - (summary > 0 ? summary + 1 : 0))
    }

    /// Lines of a detail page that fit on screen.
    public static func visibleLines(_ state: AppState) -> Int {
        max(1, bodyRect(width: state.width, height: state.height).height)
    }

    public func render(_ state: AppState) -> Grid {
        var frame = self
        frame.theme = themes[min(max(0, state.themeIndex), themes.count - 1)]
        return frame.draw(state)
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
        drawBreadcrumb(into: &grid, state)
        let body = Renderer.bodyRect(width: state.width, height: state.height)
        if state.screen.kind.isPage {
            let lines = state.pageLines(state.screen.kind, width: body.width, glyphs: glyphs)
            for (i, line) in lines.dropFirst(state.screen.scroll).prefix(body.height).enumerated() {
                var x = body.x
                for (text, role) in line.runs {
                    x += grid.put(text, x: x, y: body.y + i, style: theme.style(role ?? .row), maxWidth: body.maxX - x)
                }
            }
            if lines.count > body.height {
                let shown =
                    "\(state.screen.scroll + 1)-\(min(lines.count, state.screen.scroll + body.height))/\(lines.count)"
                grid.put(shown, x: state.width - DisplayWidth.of(shown) - 1, y: 2, style: theme.style(.legend))
            }
        } else if let list = state.list(for: state.screen, glyphs: glyphs) {
            let content = list.content
            let table = TableRenderer(theme: theme, glyphs: glyphs)
            let onScreen = state.screen.scroll..<(state.screen.scroll + Renderer.visibleRows(state))
            let layout = TableLayout(
                columns: content.columns, naturalWidths: state.cache.naturalWidths(list, visible: onScreen),
                width: body.width)
            // Matches are in list order: only those on screen are highlighted.
            let matches = state.searchMatches(glyphs: glyphs)
            let firstShown = matches.partitioningIndex { $0 >= onScreen.lowerBound }
            let highlighted = Set(matches[firstShown...].prefix { onScreen.contains($0) })
            table.draw(
                into: &grid, rect: body, columns: content.columns, layout: layout, rows: content.rows,
                selection: content.rows.isEmpty ? nil : state.screen.selection, scroll: state.screen.scroll,
                summary: content.summary, highlighted: highlighted)
            if !content.notes.isEmpty {
                let used =
                    1 + min(content.rows.count, Renderer.visibleRows(state))
                    + (content.summary.isEmpty ? 0 : content.summary.count + 1)
                var y = body.y + used + 1
                for note in content.notes {
                    for line in TextWrap.wrap(note, width: body.width) where y < body.maxY {
                        grid.put(line, x: body.x, y: y, style: theme.style(.legend), maxWidth: body.width)
                        y += 1
                    }
                }
            }
            if content.rows.isEmpty {
                grid.put(
                    content.emptyText, x: body.x, y: body.y + 1, style: theme.style(.unknown), maxWidth: body.width)
            }
            let visible = Renderer.visibleRows(state)
            if content.rows.count > visible {
                let last = min(content.rows.count, state.screen.scroll + visible)
                let shown = "\(state.screen.scroll + 1)-\(last)/\(content.rows.count)"
                grid.put(shown, x: state.width - DisplayWidth.of(shown) - 1, y: 2, style: theme.style(.legend))
            }
        }
        drawLegend(into: &grid, state)
        drawHints(into: &grid, state)
        if state.showHelp { drawHelp(into: &grid, state) }
        return grid
    }

    func drawTooSmall(into grid: inout Grid, _ state: AppState) {
        let lines = [
            state.tr("终端太小 terminal too small", "terminal too small"),
            "\(state.width)x\(state.height), " + state.tr("至少需要 need", "need")
                + " \(Renderer.minimumWidth)x\(Renderer.minimumHeight)",
            state.tr("\(state.keyName(.quit)) 退出 quit", "\(state.keyName(.quit)) quits"),
        ]
        for (i, l) in lines.enumerated() {
            let w = DisplayWidth.of(l)
            let y = max(0, state.height / 2 - 1) + i
            grid.put(l, x: max(0, (state.width - w) / 2), y: y, style: theme.style(i == 0 ? .warning : .row))
        }
    }

    func drawTitle(into grid: inout Grid, _ state: AppState) {
        let style = theme.style(.title)
        grid.fill(Rect(x: 0, y: 0, width: state.width, height: 1), with: Cell(text: " ", style: style))
        // A synthetic dataset says so before its name: a narrow terminal cuts the name, never
        // the mark (invented figures must not pass for real ones).
        let mark = state.dataset.synthetic ? state.tr("[合成数据 SYNTHETIC] ", "[SYNTHETIC DATA] ") : ""
        let title = " towns · " + mark + state.tr(state.dataset.nameZH, state.dataset.nameEN)
        let periodText: String
        if let p = state.period {
            periodText =
                state.tr("期间", "period")
                + " [ \(state.label(p)) ] \(state.periodIndex + 1)/\(state.dataset.periods.count) "
        } else {
            periodText = state.tr("期间", "period") + " \(glyphs.unknown) "
        }
        let pw = DisplayWidth.of(periodText)
        grid.put(title, x: 0, y: 0, style: style, maxWidth: max(0, state.width - pw - 1))
        grid.put(periodText, x: state.width - pw, y: 0, style: style)
    }

    static func topIndex(_ kind: Screen.Kind) -> Int {
        switch kind {
        case .townList: return 0
        case .typeList, .townsOfType: return 1
        case .entityList, .townsOfEntity: return 2
        case .assessment: return 3
        case .province, .city: return 4
        case .townPage, .cityTotals: return -1
        }
    }

    /// The tab labels on row 1 and the columns each covers, as drawn at this width.
    public static func tabs(_ state: AppState) -> [(label: String, columns: Range<Int>)] {
        let long =
            state.language == .zh
            ? ["1 小镇 Towns", "2 类型 Types", "3 运营主体 Entities", "4 考核 Assessment", "5 全省 Province"]
            : ["1 Towns", "2 Types", "3 Entities", "4 Assessment", "5 Province"]
        let short =
            state.language == .zh
            ? ["1 小镇", "2 类型", "3 运营主体", "4 考核", "5 全省"]
            : ["1 Towns", "2 Types", "3 Entities", "4 Rules", "5 Province"]
        let fits = long.reduce(1) { $0 + DisplayWidth.of($1) + 3 } <= state.width
        var x = 1
        return (fits ? long : short).map { name in
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
        case .townList: return state.tr("小镇 Towns", "Towns")
        case .typeList: return state.tr("类型 Types", "Types")
        case let .townsOfType(n): return "\(n) " + (state.dataset.type(n).map { state.tr($0.nameZH, $0.nameEN) } ?? "?")
        case .entityList: return state.tr("运营主体 Entities", "Operating entities")
        case let .townsOfEntity(id):
            return id.flatMap { state.dataset.entity($0).map { state.tr($0.nameZH, $0.nameEN) } }
                ?? state.tr("未载明运营主体", "entity not named")
        case let .townPage(id): return state.town(id).map(state.name) ?? id
        case .assessment: return state.tr("考核 Assessment", "Assessment")
        case .cityTotals: return state.tr("全市报告 \(state.dataset.regionZH)", "\(state.dataset.regionEN) totals")
        case .province: return state.tr("全省 Province", "Province")
        case let .city(name): return name
        }
    }

    func drawBreadcrumb(into grid: inout Grid, _ state: AppState) {
        let path = state.stack.map { Renderer.crumb($0.kind, state) }.joined(separator: glyphs.breadcrumbSeparator)
        var status: [String] = []
        if !state.filter.isEmpty {
            status.append(
                state.tr("筛选", "filter") + ": " + state.filter.summary(state.tr) + " (\(state.keyName(.clearFilter)) "
                    + state.tr("清除", "clears") + ")")
        }
        if let q = state.search?.query, !q.isEmpty, state.search?.editing == false {
            status.append("/" + q + " (\(state.keyName(.nextMatch))/\(state.keyName(.previousMatch)))")
        }
        // When the data last changed (live reload), if it fits beside the path.
        let pathWidth = DisplayWidth.of(path) + 2
        if let changed = state.dataChangedAt {
            let text = state.tr("数据更新 ", "data changed ") + changed
            let candidate = (status + [text]).joined(separator: "  ")
            if pathWidth + DisplayWidth.of(candidate) + positionReserve(state) + 2 <= state.width {
                status.append(text)
            }
        }
        let right = status.joined(separator: "  ")
        let rw = DisplayWidth.of(right)
        // The right end is kept for the scroll position ("101-125/129", "9981-10000/10000")
        // and a gap before it.
        let reserve = positionReserve(state)
        grid.put(
            " " + path, x: 0, y: 2, style: theme.style(.breadcrumb), maxWidth: max(0, state.width - rw - reserve - 2))
        if rw > 0 {
            let onlyTime = state.filter.isEmpty && !(state.search.map { !$0.editing && !$0.query.isEmpty } ?? false)
            grid.put(
                right, x: max(0, state.width - rw - reserve), y: 2, style: theme.style(onlyTime ? .legend : .warning),
                maxWidth: rw)
        }
    }

    /// Columns at the right of the breadcrumb line kept for the scroll position: its widest
    /// form for the list shown ("9981-10000/10000": three numbers of the row count's digits),
    /// a gap before it and the margin after; at least 16 (pages, short lists).
    func positionReserve(_ state: AppState) -> Int {
        guard !state.screen.kind.isPage, let rows = state.list(for: state.screen, glyphs: glyphs)?.content.rows.count
        else { return 16 }
        return max(16, 3 * String(max(rows, 1)).count + 2 + 2)
    }

    func drawLegend(into grid: inout Grid, _ state: AppState) {
        let y = state.height - 2
        if let line = state.commandLine {
            grid.fill(Rect(x: 0, y: y, width: state.width, height: 1), with: Cell(text: " ", style: theme.style(.row)))
            let x = 1 + grid.put(":" + line.text, x: 1, y: y, style: theme.style(.message), maxWidth: state.width - 2)
            grid.put(glyphs.eighths[0], x: x, y: y, style: theme.style(.message))
            if let m = state.message {
                grid.put(m, x: x + 3, y: y, style: theme.style(.legend), maxWidth: max(0, state.width - x - 3))
            }
            return
        }
        if let search = state.search, search.editing {
            grid.fill(Rect(x: 0, y: y, width: state.width, height: 1), with: Cell(text: " ", style: theme.style(.row)))
            let x =
                1 + grid.put("/" + search.query, x: 1, y: y, style: theme.style(.message), maxWidth: state.width - 2)
            grid.put(glyphs.eighths[0], x: x, y: y, style: theme.style(.message))
            let hint =
                (state.message.map { $0 + "  " } ?? "")
                + state.tr("Enter 确定  Esc 取消  ↑↓ 上/下一个", "Enter keeps  Esc cancels  ↑↓ previous/next")
            grid.put(hint, x: x + 3, y: y, style: theme.style(.legend), maxWidth: max(0, state.width - x - 3))
            return
        }
        if let flash = state.session.flash {
            grid.put(
                " " + flash.text, x: 0, y: y, style: theme.style(flash.level == .warning ? .warning : .message),
                maxWidth: state.width)
            return
        }
        if let problem = state.reloadProblem {
            grid.put(" " + problem, x: 0, y: y, style: theme.style(.warning), maxWidth: state.width)
            return
        }
        grid.put(
            " "
                + Renderer.legend(
                    width: state.width - 1, glyphs: glyphs, unit: state.dataset.unit, language: state.language),
            x: 0, y: y, style: theme.style(.legend), maxWidth: state.width)
    }

    /// The markers' legend, bilingual when `width` allows, else Chinese only.
    public static func legend(width: Int, glyphs: Glyphs, unit: String, language: Language = .zh) -> String {
        let items: [(String, String, String)] = [
            (glyphs.derived, "推算", "derived"), (glyphs.unknown, "未知", "unknown"), (">14", "下限", "lower bound"),
            ("!", "核对不符", "fails a check"), (glyphs.behind, "落后", "behind schedule"),
            (glyphs.marker, "应完成", "expected by now"),
        ]
        if language == .en {
            return items.map { "\($0.0) \($0.2)" }.joined(separator: "  ")
                + "  unit \(unit == "亿元" ? "100M yuan" : unit)"
        }
        let long = items.map { "\($0.0) \($0.1) \($0.2)" }.joined(separator: "  ") + "  单位 \(unit)"
        if DisplayWidth.of(long) <= width { return long }
        return items.map { "\($0.0)\($0.1)" }.joined(separator: " ") + " 单位\(unit)"
    }

    func drawHints(into grid: inout Grid, _ state: AppState) {
        let y = state.height - 1
        grid.fill(Rect(x: 0, y: y, width: state.width, height: 1), with: Cell(text: " ", style: theme.style(.keyHint)))
        // Each hint names the first key the key map binds to its action, so a rebinding in the
        // configuration shows here too.
        func key(_ action: Action, _ fallback: String) -> String {
            state.keyMap.bindings.first { $0.action == action }?.keys.first.map(KeyMap.name) ?? fallback
        }
        let zh = state.language == .zh
        let hints: [(String, String)] =
            state.showHelp
            ? [
                ("Esc/" + key(.toggleHelp, "?"), state.tr("关闭帮助 close help", "close help")),
                (key(.quit, "q"), state.tr("退出 quit", "quit")),
            ]
            : [
                (key(.moveUp, "↑") + key(.moveDown, "↓"), zh ? "移动" : "move"),
                (key(.open, "Enter"), zh ? "打开" : "open"),
                (key(.back, "Esc"), zh ? "返回" : "back"), (key(.nextView, "Tab"), zh ? "视图" : "view"),
                (key(.previousPeriod, "[") + " " + key(.nextPeriod, "]"), zh ? "期间" : "period"),
                (key(.startSearch, "/"), zh ? "搜索" : "search"), (key(.startCommand, ":"), zh ? "命令" : "command"),
                (key(.toggleHelp, "?"), zh ? "帮助" : "help"), (key(.quit, "q"), zh ? "退出" : "quit"),
            ]
        // Drop whole hints from the right until they fit, but keep help and quit.
        var shown = hints
        func width(_ h: [(String, String)]) -> Int {
            h.reduce(1) { $0 + DisplayWidth.of($1.0) + DisplayWidth.of($1.1) + 3 }
        }
        while width(shown) > state.width, shown.count > 2 {
            shown.remove(at: shown.count - 3)
        }
        var x = 1
        for (key, label) in shown {
            if x >= state.width { break }
            x += grid.put(key, x: x, y: y, style: theme.style(.key), maxWidth: state.width - x)
            x += grid.put(" " + label + "  ", x: x, y: y, style: theme.style(.keyHint), maxWidth: state.width - x)
        }
    }

    /// The help's lines: every binding (keys, what they do), then the markers.
    public static func helpLines(_ state: AppState, glyphs: Glyphs) -> [(String, String)] {
        var lines: [(String, String)] = state.keyMap.bindings.map { b in
            (b.keys.map(KeyMap.name).joined(separator: " "), state.language == .zh ? b.label : KeyMap.english(b.label))
        }
        lines.append(("Ctrl-L", state.tr("重绘屏幕 redraw the screen", "redraw the screen")))
        lines.append(("", ""))
        lines.append(
            (
                glyphs.derived,
                state.tr(
                    "推算 derived from reported figures (formula on the town's page)",
                    "derived from reported figures (formula on the town's page)")
            ))
        lines.append(
            (
                glyphs.unknown,
                state.tr("未知 unknown: no source gives it (never 0)", "unknown: no source gives it (never 0)")
            ))
        lines.append((">14", state.tr("下限 the source gives only a lower bound", "the source gives only a lower bound")))
        lines.append(
            ("!", state.tr("核对不符 a consistency check fails (towns check)", "a consistency check fails (towns check)")))
        lines.append(
            (
                glyphs.behind,
                state.tr(
                    "落后 behind schedule: completion below the share of the year elapsed",
                    "behind schedule: completion below the share of the year elapsed")
            ))
        lines.append(
            (
                glyphs.marker,
                state.tr(
                    "应完成 expected by now: the share of the year elapsed (Jan-Sep: 75%)",
                    "expected by now: the share of the year elapsed (Jan-Sep: 75%)")
            ))
        lines.append((state.tr("进度差", "Sched."), "schedule variance, percentage points (completion − elapsed)"))
        lines.append((state.tr("项目", "Projects"), "projects started / planned (3 years)"))
        return lines
    }

    /// How many lines the help has (for scrolling it).
    public static func helpLineCount(_ state: AppState) -> Int {
        helpLines(state, glyphs: .unicode).count
    }

    func drawHelp(into grid: inout Grid, _ state: AppState) {
        let lines = Renderer.helpLines(state, glyphs: glyphs)
        let keyWidth = lines.map { DisplayWidth.of($0.0) }.max() ?? 0
        let textWidth = lines.map { DisplayWidth.of($0.1) }.max() ?? 0
        let w = min(state.width - 2, keyWidth + textWidth + 5)
        let h = min(state.height - 2, lines.count + 2)
        let x0 = max(0, (state.width - w) / 2), y0 = max(0, (state.height - h) / 2)
        let box = theme.style(.border)
        grid.fill(Rect(x: x0, y: y0, width: w, height: h), with: Cell(text: " ", style: theme.style(.row)))
        grid.put(String(repeating: glyphs.horizontal, count: w), x: x0, y: y0, style: box)
        grid.put(state.tr(" 帮助 Help: keys ", " Help: keys "), x: x0 + 2, y: y0, style: theme.style(.header))
        grid.put(String(repeating: glyphs.horizontal, count: w), x: x0, y: y0 + h - 1, style: box)
        let visible = h - 2
        let start = min(max(0, state.helpScroll), max(0, lines.count - visible))
        if lines.count > visible {
            let more = "\(start + 1)-\(start + visible)/\(lines.count) ↑↓"
            grid.put(
                " " + more + " ", x: x0 + w - DisplayWidth.of(more) - 4, y: y0 + h - 1, style: theme.style(.legend))
        }
        for (i, l) in lines.dropFirst(start).prefix(visible).enumerated() {
            let y = y0 + 1 + i
            grid.put(glyphs.vertical, x: x0, y: y, style: box)
            grid.put(l.0, x: x0 + 2, y: y, style: theme.style(.key), maxWidth: keyWidth)
            grid.put(l.1, x: x0 + 3 + keyWidth, y: y, style: theme.style(.row), maxWidth: max(0, w - keyWidth - 5))
            grid.put(glyphs.vertical, x: x0 + w - 1, y: y, style: box)
        }
    }
}
