/// The texts of the frame around the views: the key map's labels, the tabs, the legend,
/// the filter's summary on the breadcrumb line.
extension Catalogue {
    // The key map's bindings (`KeyMap.standard`), as the help lists them.
    static let keyMoveUp = Bilingual("上移", "move up")
    static let keyMoveDown = Bilingual("下移", "move down")
    static let keyPageUp = Bilingual("上一页", "page up")
    static let keyPageDown = Bilingual("下一页", "page down")
    static let keyFirstRow = Bilingual("第一行", "first row")
    static let keyLastRow = Bilingual("最后一行", "last row")
    static let keyOpen = Bilingual("打开（下钻）", "open (drill down)")
    static let keyBack = Bilingual("返回", "back")
    static let keyNextView = Bilingual("下一视图", "next view")
    static let keyPreviousView = Bilingual("上一视图", "previous view")
    static let keyOverview = Bilingual("概览", "overview")
    static let keyTownsView = Bilingual("小镇视图", "towns view")
    static let keyTypesView = Bilingual("类型视图", "types view")
    static let keyEntitiesView = Bilingual("运营主体视图", "entities view")
    static let keyAssessmentView = Bilingual("考核视图", "assessment view")
    static let keyProvinceView = Bilingual("全省视图", "province view")
    static let keyReference = Bilingual("参考（论文段落）", "reference (the paper's passages)")
    static let keyNextPeriod = Bilingual("下一期", "next period")
    static let keyPreviousPeriod = Bilingual("上一期", "previous period")
    static let keySearch = Bilingual(
        "搜索（名称、拼音、首字母、英文名）",
        "search (name, pinyin, initials, English)")
    static let keyNarrow = Bilingual(
        "只留匹配的行（Esc 清除）",
        "keep only matching rows (Esc clears)")
    static let keyNextMatch = Bilingual("下一个匹配", "next match")
    static let keyPreviousMatch = Bilingual("上一个匹配", "previous match")
    static let keySortLargestFirst = Bilingual(
        "按列排序 大→小",
        "sort by a column, largest first")
    static let keySortSmallestFirst = Bilingual(
        "按列排序 小→大",
        "sort by a column, smallest first")
    static let keySortByNextColumn = Bilingual("按下一列排序", "sort by next column")
    static let keyReverseSort = Bilingual("反向排序", "reverse sort")
    static let keyBehind = Bilingual("只看落后", "behind schedule only")
    static let keyClearFilter = Bilingual("清除筛选和搜索", "clear filter and search")
    static let keyCommandLine = Bilingual("命令行", "command line")
    static let keyExport = Bilingual("导出当前视图（CSV）", "export view (CSV)")
    static let keyPresentationLayout = Bilingual("演示版式", "presentation layout")
    static let keyFollow = Bilingual("独自浏览/跟随", "browse alone / follow again")
    static let keyCopy = Bilingual(
        "复制到剪贴板（制表符分隔）",
        "copy to the clipboard (tab-separated)")
    static let keyNextTheme = Bilingual("切换主题", "next theme")
    static let keyHelp = Bilingual("帮助", "help")
    static let keyQuit = Bilingual("退出（也可 Ctrl-C）", "quit (also Ctrl-C)")


    /// The tabs of the top views on row 1, in order (0-7): when the width allows, and shorter.
    static let tabs: [(long: Bilingual, short: Bilingual)] = [
        (Bilingual("概览", "Overview"), Bilingual("概览", "Overview")),
        (Bilingual("小镇", "Towns"), Bilingual("小镇", "Towns")),
        (Bilingual("类型", "Types"), Bilingual("类型", "Types")),
        // "Entity" and "Chg": the English short labels fill 80 columns exactly; "Δ" alone was unreadable.
        (Bilingual("运营主体", "Entities"), Bilingual("运营主体", "Entity")),
        (Bilingual("考核", "Assessment"), Bilingual("考核", "Assess")),  // the view's name, cut
        (Bilingual("全省", "Province"), Bilingual("全省", "Prov")),
        (Bilingual("参考", "Reference"), Bilingual("参考", "Ref")),
        (Bilingual("变化", "Changes"), Bilingual("变化", "Chg")),
    ]

    /// A marker's word in the legend: in both languages, and English shortened twice for
    /// narrow screens (the help spells them out).
    struct LegendWord {
        let text: Bilingual
        let short: String
        let shortest: String
        /// The Chinese word at its shortest (`口径` for 口径不同), for the narrowest screens.
        var shortestZH: String { Catalogue.legendShortestZH[text.zh] ?? text.zh }
    }

    /// The legend's words, in the order of its markers (the shortest English forms keep the words
    /// the rest of the screen uses, `—unknown ▼behind`: `n/k` and `late` were jargon, wave 22) (derived, interpreted, other basis,
    /// projected, unknown, lower bound, fails a check, behind schedule, expected by now, new since).
    static let legend: [LegendWord] = [
        // `derived` and `expected` at their shortest too, as every other screen says them (the
        // overview at 80x24 said `calc` and `due`: wave 30's fresh user).
        LegendWord(text: Bilingual("推算", "derived"), short: "derived", shortest: "derived"),
        LegendWord(text: Bilingual("解读", "interpreted"), short: "interp.", shortest: "reading"),
        LegendWord(text: Bilingual("口径不同", "other basis"), short: "basis", shortest: "basis"),
        LegendWord(text: Bilingual("预测", "projected"), short: "projected", shortest: "proj"),
        LegendWord(text: Bilingual("未知", "unknown"), short: "unknown", shortest: "unknown"),
        LegendWord(text: Bilingual("下限", "lower bound"), short: "bound", shortest: "min"),
        LegendWord(text: Bilingual("核对不符", "fails a check"), short: "check", shortest: "check"),
        LegendWord(text: Bilingual("落后", "behind schedule"), short: "behind", shortest: "behind"),
        LegendWord(text: Bilingual("应完成", "expected by now"), short: "expected", shortest: "expected"),
        LegendWord(text: Bilingual("新", "new"), short: "new", shortest: "new"),
    ]

    /// The help's last lines: the towns table's columns that need saying.
    static let helpScheduleVariance = Bilingual(
        "进度差，百分点（完成率 − 全年已过比例）",
        "schedule variance, percentage points (completion − elapsed)")
    /// The towns table's bar column, headed `Prog.` where it is narrower than `Progress`.
    static let progressShort = Bilingual("进度", "Prog.")
    static let helpProgressShort = Bilingual(
        "进度：完成率的进度条", "Progress (narrow: Prog.), the completion rate as a bar")
    static let helpProjects = Bilingual(
        "已开工项目 / 计划项目（3年）", "projects started / planned (3 years)")

    static let filterCounty = Bilingual("县", "county")
    static let filterType = Bilingual("类型", "type")
    static let filterList = Bilingual("名单", "list")
    static let filterBehind = Bilingual("落后", "behind schedule")
    static let filterProblem = Bilingual("问题", "problem")
}

extension TownFilter {
    /// "县 海宁市 · 类型 1 · 落后": what the status line shows, in the language of `t`
    /// (`ShownFacts.tr(_:)`), its parts between `separator` (`Glyphs.separator`).
    /// `countyName`: the county as shown (the session's language: `AppState.countyShown`; the
    /// filter keeps the name as typed, Chinese or English). `problemName`: the problem as shown
    /// (`AppState.problemShown`: its number and name; the filter keeps its id).
    public func summary(_ t: (Bilingual) -> String, separator: String = Glyphs.unicode.separator,
                        countyName: (String) -> String = { $0 },
                        problemName: (String) -> String = { $0 }) -> String {
        var parts: [String] = []
        if let county { parts.append(t(Catalogue.filterCounty) + " " + countyName(county)) }
        if let type { parts.append(t(Catalogue.filterType) + " \(type)") }
        if let stage { parts.append(t(Catalogue.filterList) + " " + stage.rawValue) }
        if behindSchedule { parts.append(t(Catalogue.filterBehind)) }
        if let problem { parts.append(t(Catalogue.filterProblem) + " " + problemName(problem)) }
        return parts.joined(separator: separator)
    }
}

extension AppState {
    /// A county named by a filter (`:filter county 海宁市` or `haining`), in the session's
    /// language: a town's `countyZH` or `countyEN` for it, else the name as typed.
    public func countyShown(_ name: String) -> String {
        let lower = name.lowercased()
        guard let town = dataset.towns.first(where: { $0.countyZH == name || $0.countyEN.lowercased() == lower })
        else { return name }
        let shown = language == .zh ? town.countyZH : town.countyEN
        return shown.isEmpty ? name : shown
    }

    /// A problem named by a filter (`:filter problem 1` keeps its id, `weak-identity`), as the
    /// status line, `:filter`'s message and an export's heading show it: its number and name in
    /// the session's language (problems.toml's `number`, `name_zh` / `name_en` up to its first
    /// parenthesis: `1 特色元素不突出`, `1 Featured elements not prominent`); the id where the data
    /// has no such problem (a wave 32 fresh user read `问题 weak-identity` in Chinese).
    public func problemShown(_ id: String) -> String {
        guard let problem = dataset.problems?.problems.first(where: { $0.id == id }) else { return id }
        var name = language == .zh ? problem.nameZH : problem.nameEN
        if let cut = name.range(of: " (") { name = String(name[..<cut.lowerBound]) }
        return name.isEmpty ? "\(problem.number)" : "\(problem.number) " + name
    }
}
