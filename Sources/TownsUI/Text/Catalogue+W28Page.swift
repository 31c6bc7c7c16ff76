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
}
