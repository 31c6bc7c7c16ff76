import TownsCore

/// The command line (`:`): what each command does, completion and history.
///
/// Commands (words separated by spaces; Chinese view names work too):
/// - `view towns|types|entities|assessment|province` (or `1`-`5`, 小镇 类型 运营主体 考核 全省)
/// - `town NAME` opens a town's page (id, Chinese or English name, pinyin, initials)
/// - `period ID|next|prev`, `theme NAME|next`, `lang zh|en`
/// - `filter county NAME | type N | stage cultivation|creation|named | behind | problem ID | clear`
/// - `sort COLUMN [asc|desc]` (a column title or its number, 1-based; `sort none`)
/// - `search TEXT`, `export [text|csv|md|json] [PATH] [bom] [--force]`, `help`, `quit`
public enum Commands {
    /// Command names, for completion and the help.
    public static let names = ["view", "town", "period", "theme", "lang", "filter", "sort", "search", "export", "help", "quit"]

    static let views: [(names: [String], kind: Screen.Kind)] = [
        (["towns", "1", "小镇"], .towns), (["types", "2", "类型"], .types), (["entities", "3", "运营主体"], .entities),
        (["assessment", "4", "考核"], .assessment), (["province", "5", "全省"], .province),
    ]

    /// Candidates for the word being typed: command names, then each command's arguments.
    static func candidates(_ state: AppState, words: [String]) -> [String] {
        if words.count <= 1 { return names }
        switch words[0] {
        case "view": return views.map { $0.names[0] }
        case "town": return state.dataset.towns.flatMap { [$0.id, $0.nameZH] }
        case "period": return state.dataset.periods.map(\.id) + ["next", "prev"]
        case "theme": return state.themeNames + ["next"]
        case "lang": return Language.allCases.map(\.rawValue)
        case "filter":
            if words.count == 2 { return ["county", "type", "stage", "behind", "problem", "clear"] }
            switch words[1] {
            case "county": return Array(Set(state.dataset.towns.map(\.countyZH))).sorted()
            case "type": return state.dataset.types.map { String($0.number) }
            case "stage": return ListStage.allCases.map(\.rawValue)
            case "problem": return state.dataset.problems?.problems.map(\.id) ?? []
            default: return []
            }
        case "sort":
            if words.count == 2 { return (state.listContent(state.screen.kind)?.columns.map(\.title).filter { !$0.isEmpty } ?? []) + ["none"] }
            return ["asc", "desc"]
        case "export":
            return words.count == 2 ? ExportRequest.Format.allCases.map(\.rawValue) : ["bom"]
        default: return []
        }
    }
}

/// A key typed into the command line.
func commandKey(_ state: AppState, _ key: Key) -> AppState {
    var s = state
    guard var line = s.commandLine else { return s }
    switch key {
    case let .char(c):
        line.text.append(c)
        line.historyIndex = nil
        s.completion = nil
    case .backspace, .delete:
        if line.text.isEmpty { s.commandLine = nil; return s }
        line.text.removeLast()
        s.completion = nil
    case .escape:
        s.commandLine = nil
        s.completion = nil
        return s
    case .enter:
        s.commandLine = nil
        s.completion = nil
        let text = line.text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return s }
        if s.history.last != text { s.history.append(text) }
        return runCommand(s, text)
    case .up:
        guard !s.history.isEmpty else { break }
        let i = max(0, (line.historyIndex ?? s.history.count) - 1)
        line.historyIndex = i
        line.text = s.history[i]
    case .down:
        guard let i = line.historyIndex else { break }
        if i + 1 < s.history.count {
            line.historyIndex = i + 1
            line.text = s.history[i + 1]
        } else {
            line.historyIndex = nil
            line.text = ""
        }
    case .tab:
        // Complete the last word; repeated Tab cycles through the candidates.
        var words = line.text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if words.isEmpty { words = [""] }
        let seed = s.completion?.seed ?? words[words.count - 1]
        let options = Commands.candidates(s, words: words).filter { $0.lowercased().hasPrefix(seed.lowercased()) }
        guard !options.isEmpty else { s.message = s.tr("没有补全", "no completion"); break }
        let index = s.completion.map { ($0.index + 1) % options.count } ?? 0
        words[words.count - 1] = options[index]
        line.text = words.joined(separator: " ")
        s.completion = (seed, index)
        s.commandLine = line
        s.message = options.count > 1 ? options.prefix(8).joined(separator: "  ") + (options.count > 8 ? " …" : "") : nil
        return s
    default:
        break
    }
    s.commandLine = line
    return s
}

/// Runs one command line; an unknown command or argument says so on the status line.
func runCommand(_ state: AppState, _ text: String) -> AppState {
    var s = state
    let words = text.split(separator: " ").map(String.init)
    guard let name = words.first?.lowercased() else { return s }
    let args = Array(words.dropFirst())
    let rest = args.joined(separator: " ")
    func fail(_ zh: String, _ en: String) -> AppState { var t = s; t.message = t.tr(zh, en); return t }

    if let view = Commands.views.first(where: { $0.names.contains(name) }) {
        return update(s, .showView(view.kind))
    }
    switch name {
    case "view":
        guard let v = Commands.views.first(where: { $0.names.contains(rest) }) else {
            return fail("没有视图「\(rest)」：towns types entities assessment province", "no view \"\(rest)\": towns types entities assessment province")
        }
        return update(s, .showView(v.kind))
    case "town":
        guard !rest.isEmpty else { return fail("用法：town 名称", "usage: town NAME") }
        let exact = s.dataset.towns.first { [$0.id, $0.nameZH, $0.nameEN].contains { $0.lowercased() == rest.lowercased() } }
        guard let town = exact ?? s.dataset.towns.first(where: { s.searchIndex.matches(rest, [$0.nameZH, $0.nameEN, $0.id]) }) else {
            return fail("没有小镇「\(rest)」", "no town \"\(rest)\"")
        }
        s.stack = [Screen(.towns), Screen(.town(town.id))]
        if let i = s.content(for: s.stack[0])?.targets.firstIndex(where: { $0 == .town(town.id) }) {
            s.stack[0].selection = i
            s.stack[0] = clamped(s.stack[0], in: s)
        }
        return s
    case "period":
        if rest == "next" { return update(s, .nextPeriod) }
        if rest == "prev" { return update(s, .previousPeriod) }
        // "2015-9" is 2015-09.
        var wanted = rest
        let parts = rest.split(separator: "-")
        if parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]) { wanted = String(format: "%04d-%02d", y, m) }
        guard let i = s.dataset.periods.firstIndex(where: { $0.id == wanted || $0.labelZH == rest || $0.labelEN == rest }) else {
            return fail("没有期间「\(rest)」：\(s.dataset.periods.map(\.id).joined(separator: " "))",
                        "no period \"\(rest)\": \(s.dataset.periods.map(\.id).joined(separator: " "))")
        }
        s.periodIndex = i
        return refiltered(s)
    case "theme":
        if rest == "next" || rest.isEmpty { return update(s, .cycleTheme) }
        guard let i = s.themeNames.firstIndex(of: rest) else {
            return fail("没有主题「\(rest)」：\(s.themeNames.joined(separator: " "))", "no theme \"\(rest)\": \(s.themeNames.joined(separator: " "))")
        }
        s.themeIndex = i
        s.message = s.tr("主题：", "theme: ") + rest
        return s
    case "lang", "language":
        guard let l = Language(rawValue: rest) else { return fail("用法：lang zh|en", "usage: lang zh|en") }
        s.language = l
        return s
    case "filter":
        return filterCommand(s, args)
    case "sort":
        return sortCommand(s, args)
    case "search":
        guard !rest.isEmpty else { return update(s, .startSearch) }
        s.search = SearchState(query: rest, editing: false)
        return jumpToMatch(s, forward: true, includeCurrent: true)
    case "export":
        guard s.content(for: s.screen) != nil else { return fail("此页不能导出", "nothing to export on this page") }
        var request = ExportRequest(format: .csv, path: nil, byteOrderMark: false)
        for a in args {
            if let f = ExportRequest.Format(rawValue: a.lowercased()) { request.format = f }
            else if a == "bom" { request.byteOrderMark = true }
            else if a == "--force" { request.force = true }
            else if !a.contains("/") && !a.contains(".") {
                // A bare word is a format asked for, not a file name: say which exist.
                return fail("没有导出格式「\(a)」：text csv md json", "no export format \"\(a)\": text csv md json")
            }
            else { request.path = a }
        }
        s.pendingExport = request
        return s
    case "help", "?":
        s.showHelp = true
        return s
    case "quit", "q":
        s.quit = true
        return s
    default:
        return fail("未知命令「\(name)」；命令：\(Commands.names.joined(separator: " "))",
                    "unknown command \"\(name)\"; commands: \(Commands.names.joined(separator: " "))")
    }
}

func filterCommand(_ state: AppState, _ args: [String]) -> AppState {
    var s = state
    func fail(_ zh: String, _ en: String) -> AppState { var t = s; t.message = t.tr(zh, en); return t }
    guard let what = args.first else { return fail("用法：filter county|type|stage|behind|problem|clear …", "usage: filter county|type|stage|behind|problem|clear ...") }
    let value = args.dropFirst().joined(separator: " ")
    switch what {
    case "clear", "none":
        s.filter = TownFilter()
    case "county":
        guard !value.isEmpty else { return fail("用法：filter county 县名", "usage: filter county NAME") }
        let counties = Set(s.dataset.towns.flatMap { [$0.countyZH, $0.countyEN] })
        // The exact name, else the one county whose name starts with it (海宁 -> 海宁市).
        let starting = counties.filter { $0.lowercased().hasPrefix(value.lowercased()) }
        let match = counties.first { $0.lowercased() == value.lowercased() } ?? (Set(starting.map { c in
            s.dataset.towns.first { $0.countyZH == c || $0.countyEN == c }!.countyZH }).count == 1 ? starting.first : nil)
        guard let county = match else {
            return fail("没有县「\(value)」" + (starting.isEmpty ? "" : "：" + starting.sorted().joined(separator: " ")),
                        "no county \"\(value)\"" + (starting.isEmpty ? "" : ": " + starting.sorted().joined(separator: " ")))
        }
        s.filter.county = county
    case "type":
        guard let n = Int(value), s.dataset.type(n) != nil else { return fail("类型应为 1-4", "type must be 1-4") }
        s.filter.type = n
    case "stage":
        guard let stage = ListStage(rawValue: value) else { return fail("名单：cultivation creation named", "stage: cultivation creation named") }
        s.filter.stage = stage
    case "behind":
        s.filter.behindSchedule = true
    case "problem":
        guard s.dataset.problems?.problems.contains(where: { $0.id == value }) == true else {
            return fail("没有问题「\(value)」", "no problem \"\(value)\"")
        }
        s.filter.problem = value
    default:
        return fail("不能按「\(what)」筛选", "cannot filter by \"\(what)\"")
    }
    s = refiltered(s)
    if s.filter.isEmpty { s.message = s.tr("已清除筛选", "filter cleared") }
    return s
}

func sortCommand(_ state: AppState, _ args: [String]) -> AppState {
    var s = state
    guard let content = s.listContent(s.screen.kind) else { s.message = s.tr("此页不能排序", "nothing to sort on this page"); return s }
    guard let column = args.first else { s.message = s.tr("用法：sort 列 [asc|desc]", "usage: sort COLUMN [asc|desc]"); return s }
    var sc = s.screen
    if column == "none" {
        sc.sortColumn = nil
    } else if let n = Int(column), n >= 1, n <= content.columns.count {
        sc.sortColumn = n - 1
    } else if let i = content.columns.firstIndex(where: { $0.title == column }) {
        sc.sortColumn = i
    } else {
        s.message = s.tr("没有列「\(column)」", "no column \"\(column)\"")
        return s
    }
    sc.sortDescending = args.dropFirst().first == "desc"
    sc.selection = 0
    sc.scroll = 0
    s.screen = clamped(sc, in: s)
    return s
}
