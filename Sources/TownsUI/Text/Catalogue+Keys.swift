import TownsCore

/// The texts of the keyboard's helpers: the sort chooser, `:sort`'s answers, the command
/// line's list of commands, the key-hint line's labels, the narrowing search.
extension Catalogue {
    static func sortChooser(_ arrow: String) -> Bilingual {
        Bilingual("排序\(arrow) 按：", "sort\(arrow) by: ")
    }
    static let sortChooserEnd = Bilingual("0 原顺序  >< 换方向  Esc 取消", "0 data order  >< direction  Esc cancels")
    /// `0`'s name in the hint line under the sort chooser, as the chooser's line names it (`sortChooserEnd`).
    static let sortChooserDataOrder = Bilingual("原顺序", "data order")
    static func columnIsAmbiguous(_ word: String, _ titles: String) -> Bilingual {
        Bilingual("「\(word)」可指多列：\(titles)", "\"\(word)\" starts several columns: \(titles)")
    }
    static let commandsTabCompletes = Bilingual("命令（Tab 补全）：", "commands (Tab completes): ")
    static let commandLineCommands = Bilingual("命令行（按 : 打开）", "command line (press :)")

    /// Each command of the command line (`Commands.names`) as the help shows it: how it is
    /// written, and what it does.
    static let commandUsage: [(String, Bilingual)] = [
        ("view NAME|0-7", Bilingual(
            "切换视图：概览 小镇 类型 运营主体 考核 全省 参考 变化",
            "go to a view: overview towns types entities assessment province reference changes")),
        ("town NAME", Bilingual("打开小镇页（名称、拼音、首字母、编号）", "open a town's page (name, pinyin, initials, id)")),
        ("period ID|next", Bilingual("选择期间（2015-09、next、prev）", "choose the period (2015-09, next, prev)")),
        ("filter WHAT VAL", Bilingual(
            "筛选：county type stage behind problem clear", "filter: county type stage behind problem clear")),
        ("sort COL [desc]", Bilingual(
            "按列排序：中英文列名、开头几个字或列号", "sort by a column: title in either language, its start, its number")),
        ("search TEXT", Bilingual("搜索", "search")),
        ("export FMT PATH", Bilingual(
            "导出当前视图：text csv md json，路径可省", "export the view: text csv md json, path optional")),
        ("theme NAME|next", Bilingual("主题", "theme")),
        ("lang zh|en", Bilingual("界面语言", "interface language")),
        ("help", Bilingual("帮助", "this help")),
        ("quit", Bilingual("退出", "quit")),
        ("present [NAME|off]", Bilingual("开始/结束演示会议，他人可跟随", "present a meeting others can follow, or stop")),
        ("follow [NAME|off]", Bilingual("跟随演示者的画面（f 独自浏览）", "follow a presenter's screen (f browses alone)")),
        ("cycle 30s|off", Bilingual("轮播视图（大屏）", "step through views on a wall screen")),
    ]

    /// The commands the help lists after `commandUsage`, each once (wave 23, F6: `:ref TOPIC` was
    /// also in `commandUsage`, in other words).
    static let helpCommands: [(String, Bilingual)] = [
        ("ref TOPIC", helpReference), ("changes FROM", helpChanges), ("messages", helpMessages),
        ("columns", helpColumns),
    ]

    // The key-hint line's labels.
    static let hintMove = Bilingual("移动", "move")
    static let hintOpen = Bilingual("打开", "open")
    static let hintBack = Bilingual("返回", "back")
    static let hintScroll = Bilingual("滚动", "scroll")
    static let hintFilter = Bilingual("落后", "behind")
    static let hintSort = Bilingual("排序", "sort")
    static let hintReverse = Bilingual("反序", "reverse")
    static let hintSearch = Bilingual("搜索", "search")
    static let hintExport = Bilingual("导出", "export")
    static let hintCopy = Bilingual("复制", "copy")
    static let hintView = Bilingual("视图", "view")
    static let hintPeriod = Bilingual("期间", "period")
    static let hintCommand = Bilingual("命令", "command")
    static let hintHelp = Bilingual("帮助", "help")
    static let hintQuit = Bilingual("退出", "quit")
    static let hintClear = Bilingual("清除", "clear")
    static let hintNextMatch = Bilingual("下一个", "next")
    /// While a search is typed (`/`, `&`): Enter keeps it, the arrows go to the previous or next
    /// match, Esc cancels it, Ctrl-F keeps only the matches (`/`) or jumps to them again (`&`).
    static let hintKeepSearch = Bilingual("确定", "keep")
    static let hintPreviousNext = Bilingual("上/下一个", "prev/next")
    static let hintCancelSearch = Bilingual("取消", "cancel")
    /// The command line's hints: Enter runs what is typed, Tab completes it, ↑↓ recall earlier
    /// commands (wave 26's fresh user, F11: it showed the list's `Enter open  Tab command  ↑↓ move`).
    static let hintRunCommand = Bilingual("执行", "run")
    static let hintComplete = Bilingual("补全", "complete")
    static let hintHistory = Bilingual("历史", "history")
    static let hintKeepOnlyMatches = Bilingual("只留匹配", "only matches")
    static let hintJumpInstead = Bilingual("改为跳转", "jump instead")
    static let hintLanguage = Bilingual("English", "中文")
}

extension Catalogue {
    static func rowsKept(_ n: String, _ query: String) -> Bilingual {
        Bilingual("只留匹配「\(query)」的 \(n) 行（Esc 全部显示）", EnglishCount.of(n, "row matches", "rows match") + " \"\(query)\" (Esc shows all)")
    }
    static func narrowChip(_ n: String, _ back: String) -> Bilingual {
        Bilingual("\(n) 行 (\(back) 清除)", EnglishCount.of(n, "row") + " (\(back) clears)")
    }
    /// A narrowing no town matches while the city's reported row does (`&jx`).
    static func noTownMatchesButTheCityDoes(_ query: String) -> Bilingual {
        Bilingual("没有小镇匹配「\(query)」（全市一行匹配）", "no town matches \"\(query)\" (the city's row does)")
    }
    static let everyRowAgain = Bilingual("显示全部行", "every row shown again")
}
