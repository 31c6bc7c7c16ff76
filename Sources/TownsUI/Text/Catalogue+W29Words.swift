/// Texts of wave 29's findings (the meeting's words, the status line's language).
extension Catalogue {
    /// `:follow off`: this follower left meeting `name` and browses alone; how to join again. Said
    /// as information (wave 29: `left the meeting` was filed as a warning, and the chip said the
    /// meeting had ended).
    static func leftMeeting(_ name: String) -> Bilingual {
        Bilingual("已离开会议 \(name)，独自浏览（:follow \(name) 重新加入）",
                  "left meeting \(name): browsing alone (:follow \(name) rejoins)")
    }

    /// The hint line's chip once this follower left its meeting (`:follow off`), where it costs no
    /// key hint: not `会议结束` / `ended`, which said the presenter had ended it.
    static let badgeLeft = Bilingual("已离开会议", "left meeting")
    /// `badgeLeft` where the whole chip would cost a key the hint line keeps first (the towns view
    /// at 80 columns in English), as the ended meeting's chip is short (`ended`).
    static let badgeLeftShort = Bilingual("已离会", "left")

    /// `f` to rejoin while the presenter's data differs from this follower's: it cannot follow, why
    /// and what to do, as `meetingDataDiffers` says, whole at 80 columns (wave 29: it said `following alice
    /// again`).
    static func cannotRejoinDataDiffers(_ presenter: String) -> Bilingual {
        Bilingual("还不能跟随 \(presenter)：其数据与本机不同；用相同的 --data 即可跟随",
                  "cannot follow \(presenter): their data differs; use the same --data to follow")
    }
}
