import TownsCore

/// Wave 6 (the town and city pages): what a page says where it refuses to set a figure against the plan.
extension Catalogue {
    /// Why nothing is worked out against the plan in `progress` (`TownProgress.comparesWithPlan`
    /// false), in one line: the completed figure is on another basis (◇) than the plan, or comes
    /// from another source that may define the measure differently; nil when it may be compared.
    /// The overview and both pages say it with these words.
    static func notAgainstPlan(_ progress: TownProgress) -> Bilingual? {
        guard !progress.comparesWithPlan else { return nil }
        return progress.completed?.basis != progress.plan?.basis ? notAgainstPlan : otherSourceNotAgainstPlan
    }

    /// `notAgainstPlan` in a word, beside the figure where the line does not fit: "口径不同" /
    /// "other basis", "来源不同" / "other source".
    static func notAgainstPlanShort(_ progress: TownProgress) -> Bilingual {
        progress.completed?.basis != progress.plan?.basis ? kind(.otherBasis) : Bilingual("来源不同", "other source")
    }

    /// A completed figure and a plan reported by two sources, on no stated basis (`Metrics.comparable`).
    static let otherSourceNotAgainstPlan = Bilingual(
        "来源不同（口径可能不同），不与计划相比，不推算应完成和全年",
        "another source (perhaps another definition): no plan comparison, expectation or projection")

    /// Beside an unknown completion rate that is unknown because the completed figure may not be
    /// divided by the plan (`TownProgress.comparesWithPlan` false).
    static let rateNotAgainstPlan = Bilingual(
        "未知：完成数与计划口径不同",
        "unknown: not on the plan's basis")
}
