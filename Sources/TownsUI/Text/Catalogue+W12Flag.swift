import Foundation
import TownsCore

/// Wave 12 (w12-flag): words of a fresh user's findings on data fidelity (a town ahead of its plan).
extension Catalogue {
    /// The shortfall field (`shortfallField`) where the completed amount is above the amount
    /// expected by now (应完成 − 已完成 < 0): shown as how far ahead, in 亿元, the formula kept.
    static let aheadField = Bilingual("超前", "Ahead by")
    /// The gap-to-plan field (`gapField`) where the year's projection is above the plan
    /// (年计划 − 预测 < 0): shown as how far above, in 亿元, the formula kept.
    static let abovePlanField = Bilingual("超出计划", "Above plan by")
}
