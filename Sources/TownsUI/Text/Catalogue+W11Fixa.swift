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
}
