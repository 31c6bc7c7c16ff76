import TownsCore

/// The catalogue's texts of wave 8's keyboard work (w8-keys): the hidden columns named on the
/// breadcrumb line and `:columns`; kept apart so helpers can merge.
extension Catalogue {
    /// The table's columns left out for width, the first few by title, then how many in all
    /// (Chinese: `未显示列: 县市区 类型 等 7 列`) or how many more (English: `hidden: County Type +5 more`),
    /// where not all titles fit.
    static func columnsLeftOutSome(_ titles: String, all: String, more: String) -> Bilingual {
        Bilingual("未显示列: \(titles) 等 \(all) 列", "hidden: \(titles) +\(more) more")
    }

    /// The help's line for the command `:columns`.
    static let helpColumns = Bilingual("列出列表的各列：哪些因窗口宽度未显示、从多宽起显示；排序的列总显示",
                                       "list the list's columns: which the width hides, from what width each shows; "
                                           + "the sorted column always shows")
    /// `:columns` on a screen that is not a list.
    static let noColumnsHere = Bilingual("此页没有列（:columns 用于列表）", "no columns on this page (:columns is for lists)")
    /// `:columns` when every column is shown: how many, their titles.
    static func allColumnsShown(_ n: String, _ titles: String) -> Bilingual {
        Bilingual("\(n) 列全部显示：\(titles)", "all \(n) columns shown: \(titles)")
    }
    /// `:columns` when some are hidden: how many, why, each hidden one with the width that
    /// shows it, then how to show one anyway and the columns shown.
    static func columnsHidden(_ n: String, _ hidden: String, _ list: String, _ shown: String) -> Bilingual {
        Bilingual(
            "共 \(n) 列，\(hidden) 列因窗口宽度未显示（次要的列先让位）：\(list)；"
                + "排序的列总会显示（> 或 :sort 列名）。显示中：\(shown)",
            "\(n) columns, \(hidden) hidden for the window's width (the least needed give way first): \(list); "
                + "the sorted column always shows (> or :sort NAME). Shown: \(shown)")
    }
    /// `:columns`' shorter forms on the status line (whole in `:messages`, wave 30): all shown.
    static func allColumnsShownShort(_ n: String) -> Bilingual {
        Bilingual("\(n) 列全部显示", "all \(n) columns shown")
    }
    /// Some hidden, with `list` (their titles, with or without the widths that show them).
    static func columnsHiddenShort(_ n: String, _ hidden: String, _ list: String) -> Bilingual {
        Bilingual("共 \(n) 列，\(hidden) 列未显示：\(list)", "\(hidden) of \(n) columns hidden: \(list)")
    }
    /// Some hidden, how many only.
    static func columnsHiddenCount(_ n: String, _ hidden: String) -> Bilingual {
        Bilingual("共 \(n) 列，\(hidden) 列因窗口宽度未显示", "\(n) columns, \(hidden) hidden for the window's width")
    }
    /// A hidden column in `:columns`'s list, with the terminal width from which it shows.
    static func hiddenFromWidth(_ title: String, _ width: String) -> Bilingual {
        Bilingual("\(title)（宽 \(width) 起显示）", "\(title) (from \(width) cols)")
    }
    /// A hidden column in `:columns`'s list that no width up to `ColumnsList.widest` shows.
    static func hiddenAtAnyWidth(_ title: String) -> Bilingual {
        Bilingual("\(title)（需排序才显示）", "\(title) (only when sorted)")
    }
}
