import TownsCore

/// Renders application state into a grid: the whole screen is a function of state and size.
///
/// Layout (rows): 0 title and period; 1 tabs of the top views; 2 breadcrumb; 3..h-3 the
/// view (a table, or a detail page); h-2 legend or message; h-1 key hints.
public struct Renderer: Sendable {
    public var theme: Theme
    public var glyphs: Glyphs
    public var keyMap: KeyMap

    /// Smallest screen the dashboard draws, in columns and rows; below it a message says so.
    public static let minimumWidth = 60
    public static let minimumHeight = 14

    public init(theme: Theme, glyphs: Glyphs = .unicode, keyMap: KeyMap = .standard) {
        self.theme = theme
        self.glyphs = glyphs
        self.keyMap = keyMap
    }

    /// Rows available to a view's body (table header included).
    public static func bodyRect(width: Int, height: Int) -> Rect {
        Rect(x: 1, y: 3, width: max(0, width - 2), height: max(0, height - 5))
    }

    /// Body rows of a list that fit on screen (without header and summary).
    public static func visibleRows(_ state: AppState) -> Int {
        let body = bodyRect(width: state.width, height: state.height)
        let summary = state.listContent(state.screen.kind)?.summary.count ?? 0
        return max(1, body.height - 1 - (summary > 0 ? summary + 1 : 0))
    }

    /// Lines of a detail page that fit on screen.
    public static func visibleLines(_ state: AppState) -> Int {
        max(1, bodyRect(width: state.width, height: state.height).height)
    }

    public func render(_ state: AppState) -> Grid {
        var grid = Grid(width: state.width, height: state.height, fill: Cell(text: " ", style: theme.style(.background)))
        guard state.width >= Renderer.minimumWidth, state.height >= Renderer.minimumHeight else {
            drawTooSmall(into: &grid, state)
            return grid
        }
        drawTitle(into: &grid, state)
        drawTabs(into: &grid, state)
        drawBreadcrumb(into: &grid, state)
        let body = Renderer.bodyRect(width: state.width, height: state.height)
        if case let .town(id) = state.screen.kind {
            let lines = state.townDetail(id, width: body.width, glyphs: glyphs)
            for (i, line) in lines.dropFirst(state.screen.scroll).prefix(body.height).enumerated() {
                var x = body.x
                for (text, role) in line.runs {
                    x += grid.put(text, x: x, y: body.y + i, style: theme.style(role ?? .row), maxWidth: body.maxX - x)
                }
            }
            if lines.count > body.height {
                let shown = "\(state.screen.scroll + 1)-\(min(lines.count, state.screen.scroll + body.height))/\(lines.count)"
                grid.put(shown, x: state.width - DisplayWidth.of(shown) - 1, y: 2, style: theme.style(.legend))
            }
        } else if let list = state.cachedList(state.screen.kind, glyphs: glyphs) {
            let content = list.content
            let table = TableRenderer(theme: theme, glyphs: glyphs)
            let layout = TableLayout(columns: content.columns, naturalWidths: state.cache.naturalWidths(list), width: body.width)
            table.draw(into: &grid, rect: body, columns: content.columns, layout: layout, rows: content.rows,
                       selection: content.rows.isEmpty ? nil : state.screen.selection, scroll: state.screen.scroll,
                       summary: content.summary)
            if !content.notes.isEmpty {
                let used = 1 + min(content.rows.count, Renderer.visibleRows(state)) + (content.summary.isEmpty ? 0 : content.summary.count + 1)
                var y = body.y + used + 1
                for note in content.notes {
                    for line in TextWrap.wrap(note, width: body.width) where y < body.maxY {
                        grid.put(line, x: body.x, y: y, style: theme.style(.legend), maxWidth: body.width)
                        y += 1
                    }
                }
            }
            if content.rows.isEmpty {
                grid.put(content.emptyText, x: body.x, y: body.y + 1, style: theme.style(.unknown), maxWidth: body.width)
            }
            let visible = Renderer.visibleRows(state)
            if content.rows.count > visible {
                let shown = "\(state.screen.scroll + 1)-\(min(content.rows.count, state.screen.scroll + visible))/\(content.rows.count)"
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
            "终端太小 terminal too small",
            "\(state.width)x\(state.height), need \(Renderer.minimumWidth)x\(Renderer.minimumHeight)",
            "q 退出 quit",
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
        var title = " towns · \(state.dataset.nameZH)"
        if state.dataset.synthetic { title += " [合成数据 SYNTHETIC]" }
        let periodText: String
        if let p = state.period {
            periodText = "期间 [ \(p.labelZH) ] \(state.periodIndex + 1)/\(state.dataset.periods.count) "
        } else {
            periodText = "期间 \(glyphs.unknown) "
        }
        let pw = DisplayWidth.of(periodText)
        grid.put(title, x: 0, y: 0, style: style, maxWidth: max(0, state.width - pw - 1))
        grid.put(periodText, x: state.width - pw, y: 0, style: style)
    }

    static func topIndex(_ kind: Screen.Kind) -> Int {
        switch kind {
        case .towns: return 0
        case .types, .type: return 1
        case .entities, .entity: return 2
        case .assessment: return 3
        case .province, .city: return 4
        case .town: return -1
        }
    }

    func drawTabs(into grid: inout Grid, _ state: AppState) {
        let long = ["1 小镇 Towns", "2 类型 Types", "3 运营主体 Entities", "4 考核 Assessment", "5 全省 Province"]
        let short = ["1 小镇", "2 类型", "3 运营主体", "4 考核", "5 全省"]
        let fits = long.reduce(1) { $0 + DisplayWidth.of($1) + 3 } <= state.width
        let active = Renderer.topIndex(state.stack[0].kind)
        var x = 1
        for (i, n) in (fits ? long : short).enumerated() {
            x += grid.put(" \(n) ", x: x, y: 1, style: theme.style(i == active ? .tabActive : .tab), maxWidth: max(0, state.width - x))
            x += 1
        }
    }

    /// The path from the top view to the current screen.
    public static func crumb(_ kind: Screen.Kind, _ state: AppState) -> String {
        switch kind {
        case .towns: return "小镇 Towns"
        case .types: return "类型 Types"
        case let .type(n): return "\(n) \(state.dataset.type(n)?.nameZH ?? "?")"
        case .entities: return "运营主体 Entities"
        case let .entity(id): return id.flatMap { state.dataset.entity($0)?.nameZH } ?? "未载明运营主体"
        case let .town(id): return state.town(id)?.nameZH ?? id
        case .assessment: return "考核 Assessment"
        case .province: return "全省 Province"
        case let .city(name): return name
        }
    }

    func drawBreadcrumb(into grid: inout Grid, _ state: AppState) {
        let path = state.stack.map { Renderer.crumb($0.kind, state) }.joined(separator: glyphs.breadcrumbSeparator)
        grid.put(" " + path, x: 0, y: 2, style: theme.style(.breadcrumb), maxWidth: state.width - 12)
    }

    func drawLegend(into grid: inout Grid, _ state: AppState) {
        let y = state.height - 2
        if let message = state.message {
            grid.put(" " + message, x: 0, y: y, style: theme.style(.message), maxWidth: state.width)
            return
        }
        grid.put(" " + Renderer.legend(width: state.width - 1, glyphs: glyphs, unit: state.dataset.unit),
                 x: 0, y: y, style: theme.style(.legend), maxWidth: state.width)
    }

    /// The markers' legend, bilingual when `width` allows, else Chinese only.
    public static func legend(width: Int, glyphs: Glyphs, unit: String) -> String {
        let items: [(String, String, String)] = [
            (glyphs.derived, "推算", "derived"), (glyphs.unknown, "未知", "unknown"), (">14", "下限", "lower bound"),
            ("!", "核对不符", "fails a check"), (glyphs.behind, "落后", "behind schedule"),
            (glyphs.marker, "应完成", "expected by now"),
        ]
        let long = items.map { "\($0.0) \($0.1) \($0.2)" }.joined(separator: "  ") + "  单位 \(unit)"
        if DisplayWidth.of(long) <= width { return long }
        return items.map { "\($0.0)\($0.1)" }.joined(separator: " ") + " 单位\(unit)"
    }

    func drawHints(into grid: inout Grid, _ state: AppState) {
        let y = state.height - 1
        grid.fill(Rect(x: 0, y: y, width: state.width, height: 1), with: Cell(text: " ", style: theme.style(.keyHint)))
        let hints: [(String, String)] = state.showHelp
            ? [("Esc/?", "关闭帮助 close help"), ("q", "退出 quit")]
            : [("↑↓", "移动"), ("Enter", "打开"), ("Esc", "返回"), ("Tab", "视图"), ("[ ]", "期间"), ("?", "帮助"), ("q", "退出")]
        var x = 1
        for (key, label) in hints {
            if x >= state.width { break }
            x += grid.put(key, x: x, y: y, style: theme.style(.key), maxWidth: state.width - x)
            x += grid.put(" " + label + "  ", x: x, y: y, style: theme.style(.keyHint), maxWidth: state.width - x)
        }
    }

    func drawHelp(into grid: inout Grid, _ state: AppState) {
        var lines: [(String, String)] = keyMap.bindings.map { b in
            (b.keys.map(KeyMap.name).joined(separator: " "), b.label)
        }
        lines.append(("", ""))
        lines.append((glyphs.derived, "推算 derived from reported figures (formula on the town's page)"))
        lines.append((glyphs.unknown, "未知 unknown: no source gives it (never 0)"))
        lines.append((">14", "下限 the source gives only a lower bound"))
        lines.append(("!", "核对不符 a consistency check fails (towns check)"))
        lines.append((glyphs.behind, "落后 behind schedule: completion below the share of the year elapsed"))
        lines.append((glyphs.marker, "应完成 expected by now: the share of the year elapsed (Jan-Sep: 75%)"))
        lines.append(("进度差", "schedule variance, percentage points (completion − elapsed)"))
        lines.append(("项目", "projects started / planned (3 years)"))
        let keyWidth = lines.map { DisplayWidth.of($0.0) }.max() ?? 0
        let textWidth = lines.map { DisplayWidth.of($0.1) }.max() ?? 0
        let w = min(state.width - 2, keyWidth + textWidth + 5)
        let h = min(state.height - 2, lines.count + 2)
        let x0 = max(0, (state.width - w) / 2), y0 = max(0, (state.height - h) / 2)
        let box = theme.style(.border)
        grid.fill(Rect(x: x0, y: y0, width: w, height: h), with: Cell(text: " ", style: theme.style(.row)))
        grid.put(String(repeating: glyphs.horizontal, count: w), x: x0, y: y0, style: box)
        grid.put(" 帮助 Help: keys ", x: x0 + 2, y: y0, style: theme.style(.header))
        grid.put(String(repeating: glyphs.horizontal, count: w), x: x0, y: y0 + h - 1, style: box)
        for (i, l) in lines.prefix(h - 2).enumerated() {
            let y = y0 + 1 + i
            grid.put(glyphs.vertical, x: x0, y: y, style: box)
            grid.put(l.0, x: x0 + 2, y: y, style: theme.style(.key), maxWidth: keyWidth)
            grid.put(l.1, x: x0 + 3 + keyWidth, y: y, style: theme.style(.row), maxWidth: max(0, w - keyWidth - 5))
            grid.put(glyphs.vertical, x: x0 + w - 1, y: y, style: box)
        }
    }
}
