import TownsCore

/// Wave 8 (w8-fid): words of the fidelity findings (the behind filter cleared, the city page's
/// legend, the sums over the same towns, a Δ that is not comparable).
extension Catalogue {
    /// The status line (and `:messages`) when `b` turns the behind filter off: what the list shows now.
    static let behindFilterOff = Bilingual("已关闭落后筛选", "behind-schedule filter off")

    /// The city's totals page's legend for ✓: there it marks a consistency check passed (a figure
    /// confirmed by another), not a rule met (`Renderer.legend`, `checksOnly`).
    static let legendCheckPassed = LegendWord(
        text: Bilingual("核对相符", "check passed"), short: "checked", shortest: "ok")

    /// The towns table's row under its sums: how many towns each sum is over (plan and completed
    /// over the same towns, projects started and planned over the same towns).
    static let townsInTheSums = Bilingual("  计入合计的小镇", "  towns in the sums")

    /// The note under the towns table when the same-towns rule leaves figures out of the plan and
    /// completed sums: `plans` towns' plans and `done` towns' completed amounts without the other
    /// (unknown, a lower bound, or not comparable: another basis or another source). A count of 0
    /// is left out of the note (at least one is above 0: the caller says nothing otherwise).
    static func leftOutOfTheSums(_ plans: Int, _ done: Int) -> Bilingual {
        let zh = [plans > 0 ? "\(plans) 个小镇的年计划" : nil, done > 0 ? "\(done) 个小镇的完成数" : nil]
            .compactMap { $0 }.joined(separator: "、")
        let en = [plans == 1 ? "1 town's plan" : plans > 0 ? "\(plans) towns' plans" : nil,
                  done == 1 ? "1 town's completed amount" : done > 0 ? "\(done) towns' completed amounts" : nil]
            .compactMap { $0 }.joined(separator: " and ")
        return Bilingual(
            "年计划与完成只合计两者都已知、可相比的同一批小镇；另有 \(zh)"
                + "缺少对应数字（未知、下限或口径来源不同），未计入",
            "Plan and completed are summed over the same towns, those with both known and comparable; "
                + "\(en) without the other (unknown, "
                + "a lower bound, another basis or source) " + (plans + done == 1 ? "is" : "are") + " left out")
    }
}
