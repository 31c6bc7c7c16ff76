import TownsCore

/// Texts of wave 31's printed reports and meeting words (wave 30's fresh user).
extension Catalogue {
    /// Under a text report's table whose names were cut with `…` to fit `--width` (`width`): the
    /// screen's cut, said, with how to have them whole (a wider `--width`, `widest` columns, or
    /// CSV, which never cuts a cell). Wave 30's fresh user: `--view overview --width 80` printed
    /// 122 columns, its labels padded to the longest type name.
    public static func reportNamesCut(width: Int, widest: Int) -> Bilingual {
        Bilingual("名称以 … 截短以适合 --width \(width)；--width \(widest) 或 --format csv 可见全名",
                  "Names cut with … to fit --width \(width); --width \(widest) or --format csv prints them whole")
    }

    /// `f` (`key`) after the meeting `name` ended for this follower: nothing to rejoin, and how to
    /// join again (`:follow NAME` once it is presented again). Whole on the status line at 80 columns.
    public static func nothingToRejoinEnded(_ name: String, _ key: String) -> Bilingual {
        Bilingual("会议 \(name) 已结束，\(key) 无处可回；再次主持后 :follow \(name) 加入",
                  "meeting \(name) ended, \(key) has nothing to rejoin; :follow \(name) once presented again")
    }

    /// `f` (`key`) after this follower left the meeting `name` (`:follow off`): the meeting goes on,
    /// `:follow NAME` joins it again.
    public static func nothingToRejoinLeft(_ name: String, _ key: String) -> Bilingual {
        Bilingual("已离开会议 \(name)，\(key) 无处可回；:follow \(name) 重新加入",
                  "left meeting \(name): \(key) has nothing to rejoin; :follow \(name) joins it again")
    }

    /// The overview's figures column's unit, in its title (`数字（金额：亿元）`, `Figures (amounts in
    /// 100M yuan)`): `amount`, the dataset's unit (`amountUnit`).
    static func overviewAmounts(_ amount: Bilingual) -> Bilingual {
        Bilingual("金额：\(amount.zh)", "amounts in \(amount.en)")
    }

    /// Ctrl-Z where the dashboard cannot be suspended: no shell in its terminal's session could
    /// bring it back (`towns` run as tmux's or `exec`'s command), so it stays; `quit`, the key that quits.
    public static func suspendUnavailable(_ quit: String) -> Bilingual {
        Bilingual("Ctrl-Z 未挂起：此终端没有可返回的 shell（无作业控制）；\(quit) 退出",
                  "Ctrl-Z did not suspend: no shell to return to in this terminal (no job control); \(quit) quits")
    }
}
