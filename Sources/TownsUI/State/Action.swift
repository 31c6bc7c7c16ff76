/// What the user asked for, independent of the key that asked. `KeyMap` maps keys to
/// actions; `update` applies them.
public enum Action: Equatable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, first, last
    /// Open the selected row (drill down).
    case open
    /// Go back one level (Esc, Backspace).
    case back
    /// Next / previous top view (Tab, Shift-Tab).
    case nextView, previousView
    /// Go straight to a top view.
    case showView(Screen.Kind)
    /// Next / previous reporting period.
    case nextPeriod, previousPeriod
    case toggleHelp
    /// Next theme (`t`).
    case cycleTheme
    /// Switch the interface language zh <-> en (`L`).
    case toggleLanguage
    /// Start an incremental search (`/`); next / previous match (`n`, `N`).
    case startSearch, nextMatch, previousMatch
    /// Start a search that keeps only the matching rows (`&`, as `less`; Ctrl-F while typing
    /// a search switches between the two); Esc clears it.
    case startNarrowing
    /// Sort by the next column (`s`); reverse the order (`S`).
    case sortNextColumn, sortReverse
    /// Open the sort chooser: the next key names the column, sorted largest first (`>`) or
    /// smallest first (`<`); a key typed while it is open.
    case chooseSort(descending: Bool), sortChooserKey(Key)
    /// Show only towns behind schedule, or all again (`b`).
    case toggleBehindFilter
    /// Clear the filter and the search (`c`).
    case clearFilter
    /// Open the command line (`:`).
    case startCommand
    /// Export the current view as CSV (`e`); `:export` chooses the format and path.
    case export
    /// Copy the view or page to the clipboard as tab-separated text (`y`).
    case copy
    /// A copy (`Effect.copy`) went to the terminal (`refusal` nil), or could not: why.
    case copied(rows: Int, refusal: String?)
    /// A key typed into the search or the command line.
    case searchKey(Key), commandKey(Key)
    /// Run a command line (as typed after `:`).
    case runCommand(String)
    /// A mouse event: a click selects the row under it, a double-click opens it, the wheel scrolls.
    case mouse(MouseEvent)
    case quit
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// Start-up settings from the command line and the configuration file.
    case configure(Settings)
    /// The data files changed and loaded: the new facts, when the files last changed (as
    /// `AppState.dataChangedAt` shows it) and how many warnings the load gave. The session
    /// is kept whole (`reloaded`).
    /// `lost`: a file shrank and lost records the data shown had (which, for the status line).
    case dataReloaded(Facts, changedAt: String?, warnings: Int, lost: String? = nil)
    /// The data files changed and do not load: the first problem (`FILE:LINE: field:
    /// problem`, relative to the data folder) and how many more; the data shown stays.
    case reloadFailed(String, more: Int)
    /// The data files are as they were when the data shown loaded (a failed change undone).
    case dataUnchanged
    /// A key bound to nothing (says so, and which key opens the help).
    case unboundKey(Key)
    /// An export (`Effect.export`) finished: what to say (where it went, or why it was not
    /// written), and whether it failed.
    case exportFinished(String, failed: Bool)
    /// Presenting or following a meeting, and its keys (`Follow.swift`).
    case meeting(MeetingAction)
}

/// Key bindings: which key does what. Every binding is listed in the help screen
/// (`bindings`), so the help can never disagree with the keys.
public struct KeyMap: Equatable, Sendable {
    /// A row of the help screen: the keys, and what they do.
    public struct Binding: Equatable, Sendable {
        public var keys: [Key]
        public var label: String
        public var action: Action
    }

    public var bindings: [Binding]

    public static let standard = KeyMap(bindings: [
        Binding(keys: [.up, .char("k")], label: "上移 move up", action: .moveUp),
        Binding(keys: [.down, .char("j")], label: "下移 move down", action: .moveDown),
        Binding(keys: [.pageUp, .ctrl("b")], label: "上一页 page up", action: .pageUp),
        Binding(keys: [.pageDown, .ctrl("f"), .char(" ")], label: "下一页 page down", action: .pageDown),
        Binding(keys: [.home, .char("g")], label: "第一行 first row", action: .first),
        Binding(keys: [.end, .char("G")], label: "最后一行 last row", action: .last),
        Binding(keys: [.enter, .right, .char("l")], label: "打开 open (drill down)", action: .open),
        Binding(keys: [.escape, .backspace, .left, .char("h")], label: "返回 back", action: .back),
        Binding(keys: [.tab], label: "下一视图 next view", action: .nextView),
        Binding(keys: [.backTab], label: "上一视图 previous view", action: .previousView),
        Binding(keys: [.char("0")], label: "概览 overview", action: .showView(.overview)),
        Binding(keys: [.char("1")], label: "小镇 towns view", action: .showView(.townList)),
        Binding(keys: [.char("2")], label: "类型 types view", action: .showView(.typeList)),
        Binding(keys: [.char("3")], label: "运营主体 entities view", action: .showView(.entityList)),
        Binding(keys: [.char("4")], label: "考核 assessment view", action: .showView(.assessment)),
        Binding(keys: [.char("5")], label: "全省 province view", action: .showView(.province)),
        Binding(keys: [.char("6")], label: "参考 reference (the paper's passages)", action: .showView(.reference)),
        Binding(keys: [.char("7")], label: "变化 changes since the previous period", action: .showView(.changes)),
        Binding(keys: [.char("]"), .char("p")], label: "下一期 next period", action: .nextPeriod),
        Binding(keys: [.char("[")], label: "上一期 previous period", action: .previousPeriod),
        Binding(keys: [.char("/")], label: "搜索 search (name, pinyin, initials, English)", action: .startSearch),
        Binding(keys: [.char("&")], label: "只留匹配的行 keep only matching rows (Esc clears)", action: .startNarrowing),
        Binding(keys: [.char("n")], label: "下一个匹配 next match", action: .nextMatch),
        Binding(keys: [.char("N")], label: "上一个匹配 previous match", action: .previousMatch),
        Binding(keys: [.char(">")], label: "按列排序 大→小 sort by a column, largest first",
                action: .chooseSort(descending: true)),
        Binding(keys: [.char("<")], label: "按列排序 小→大 sort by a column, smallest first",
                action: .chooseSort(descending: false)),
        Binding(keys: [.char("s")], label: "按下一列排序 sort by next column", action: .sortNextColumn),
        Binding(keys: [.char("S")], label: "反向排序 reverse sort", action: .sortReverse),
        Binding(keys: [.char("b")], label: "只看落后 behind schedule only", action: .toggleBehindFilter),
        Binding(keys: [.char("c")], label: "清除筛选 clear filter and search", action: .clearFilter),
        Binding(keys: [.char(":")], label: "命令 command line", action: .startCommand),
        Binding(keys: [.char("e")], label: "导出 export view (CSV)", action: .export),
        Binding(keys: [.char("P")], label: "演示版式 presentation layout", action: .meeting(.togglePresentation)),
        Binding(keys: [.char("f")], label: "独自浏览/跟随 browse alone / follow again", action: .meeting(.toggleFollow)),
        Binding(keys: [.char("y")], label: "复制到剪贴板 copy to the clipboard (tab-separated)", action: .copy),
        Binding(keys: [.char("t")], label: "切换主题 next theme", action: .cycleTheme),
        Binding(keys: [.char("L")], label: "中文/English language", action: .toggleLanguage),
        Binding(keys: [.char("?"), .function(1)], label: "帮助 help", action: .toggleHelp),
        Binding(keys: [.char("q")], label: "退出 quit (also Ctrl-C)", action: .quit),
    ])

    /// The action bound to `key`, if any.
    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The English half of a bilingual label ("上移 move up" -> "move up"): the text after
    /// the first space that follows Chinese.
    public static func english(_ label: String) -> String {
        guard let i = label.firstIndex(where: { $0.isASCII && $0.isLetter }) else { return label }
        return String(label[i...])
    }

    /// How a key is written in the help and the key-hint line.
    public static func name(_ key: Key) -> String {
        switch key {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-\(c.uppercased())"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .delete: return "Del"
        case .function(let n): return "F\(n)"
        case .resize: return "resize"
        case .mouse: return "mouse"
        }
    }
}
