import TownsCore

/// The catalogue's texts for wave 28's town page at many periods (issue 17 point 3).
extension Catalogue {
    /// Under a town page's periods, which list the shown period's year only: the other years
    /// (`years`, space-separated) are rows of the history above, and the keys that change the
    /// period shown (`previous`, `next`: their key names as bound) list a year's periods here.
    public static func otherYearsPeriods(_ years: String, previous: String, next: String) -> Bilingual {
        Bilingual("其他年份（\(years)）各期的完成数与完成率见上方进度表；按 \(previous) \(next) 换期间，所显示期间那一年的各期在此逐项列出",
                  "Other years (\(years)): their periods' completed amounts and rates are in the history above; "
                      + "\(previous) \(next) change the period shown, and its year's periods are listed here figure by figure")
    }

    /// `otherYearsPeriods` read away from the screen (a report, an export, a copy: `AppState.printed`),
    /// naming no key: another period's page is printed with `--period`.
    public static func otherYearsPeriodsPrinted(_ years: String) -> Bilingual {
        Bilingual("其他年份（\(years)）各期的完成数与完成率见上方进度表；某一年各期的逐项数字见该年一期的本页（towns report --period）",
                  "Other years (\(years)): their periods' completed amounts and rates are in the history above; a year's "
                      + "periods figure by figure are on this page for one of its periods (towns report --period)")
    }

    /// `towns follow` / `:follow` without a name while several meetings are open: their names as a
    /// shell takes each (`'weekly 3' m7`, not `weekly 3 m7`, which read as three; wave 28's fresh user).
    public static func severalMeetingsOpen(_ names: [String]) -> Bilingual {
        let typed = names.map(shellWord).joined(separator: " ")
        return Bilingual("多个会议，请指定名称：\(typed)", "several meetings open, name one: \(typed)")
    }

    /// Under a text report's table: the columns its width left out (`titles`, space-separated) and how to
    /// have them (a wider `--width`, or CSV, which holds every column).
    public static func reportColumnsLeftOut(_ titles: String, width: String) -> Bilingual {
        Bilingual("未列出的列（--width \(width) 放不下）：\(titles)；加大 --width 或用 --format csv 可见全部列",
                  "Columns left out at --width \(width): \(titles); a wider --width or --format csv shows every column")
    }
}
