import Foundation
import TownsCore

/// Wave 11 (w11-fixa): words of a fresh user's findings on data fidelity, marks and legends
/// (the land reward's column key from the rule's numbers, the copy's notes).
extension Catalogue {
    /// The land-reward rule's column key (the assessment view's and notes page's "Columns:"
    /// line), from the rule's own numbers (rules.toml `percent`, `higher_percent`; %), not its
    /// title: the key said 50% where Haiyan's row, a higher-share industry, is 60%.
    static func landRewardColumn(percent: String, higher: String) -> Bilingual {
        guard percent != higher else {
            return Bilingual("完成年度计划目标，按实际用地指标\(percent)%奖励",
                             "Land reward: annual plan completed, \(percent)% of the quota used")
        }
        return Bilingual(
            "完成年度计划目标，按实际用地指标\(percent)%奖励（部分产业\(higher)%，见各镇）",
            "Land reward: annual plan completed, \(percent)% of the quota used (\(higher)% for some industries: "
                + "see each town)")
    }

    /// What the towns table's columns mean, under its table in a report, an export and a copy
    /// (`AppState.columnNotes`).
    static let townsColumnsKey = Bilingual(
        "进度差 = 完成率 − 应完成（全年已过比例，百分点）；项目 = 已开工/计划；! 见 towns check",
        "Sched. = completion − share of the year elapsed (pp); Projects = started/planned; ! see `towns check`")

    /// Before the overview's key of its assessment line's short names (`Land+`, `Land-`, ...),
    /// under it in a report, an export and a copy.
    static let overviewRulesKey = Bilingual("考核各项：", "Assessment items: ")
}
