import Foundation
import TownsCore

/// Wave 32 (w32-fid): words of wave 31's fresh user's verdict and figure fidelity findings.
extension Catalogue {
    /// `&` (or Ctrl-F while typing `/`) on the overview, which does not narrow
    /// (`Screen.Kind.narrows`): where it works, and what `/` does here (wave 32's fresh user's F1).
    static let overviewDoesNotNarrow = Bilingual(
        "概览由分栏组成，不能用 & 只留匹配（视图 1–5、7 可用）；在概览用 / 查找小镇、类型和全市",
        "& (keep matches) works in views 1-5 and 7, not on the overview's panels; / finds towns, types and the city here")

    /// The ends of a shortfall's range (`ScheduleReadings.amountEitherWay`, 亿元, positive:
    /// behind) that holds both sides of 0, worded without a direction: how far ahead it may be and
    /// how far behind, each `≈` (worked out) to 2 digits: (`"≈0.05"`, `"≈0.01"`) for [-0.053, 0.011].
    static func amountEnds(_ range: Interval) -> (ahead: String, behind: String) {
        ("≈" + DecimalMath.text(-range.lower, scale: 2), "≈" + DecimalMath.text(range.upper, scale: 2))
    }

    /// The page's amount reading inside `?` where the shortfall may be on either side of 0
    /// (`ScheduleReadings.amountEitherWay`): no direction, the range, as the rate reading's
    /// "进度差 0.0" says neither. "按金额 介于超前 ≈0.05 与落后 ≈0.01 亿元之间". `unit`: the page's
    /// amount unit; `flag`: "!" when a check fails on the plan or the completed amount.
    static func amountEitherWayReading(_ range: Interval, unit: String, flag: String) -> Bilingual {
        let (a, b) = amountEnds(range)
        return Bilingual("按金额 介于超前 \(a) 与落后 \(b) \(unit)之间\(flag)",
                         "by amount between ahead by \(a) and behind by \(b) \(unit)\(flag)")
    }

    /// The overview's undecided row's amount where it may be on either side of 0 (short):
    /// "超前 ≈0.05～落后 ≈0.01" / "ahead ≈0.05–behind ≈0.01" (a dash, not " to ": the row's
    /// column is narrow, and the rate's rounding is said after it).
    static func amountEitherWayShort(_ range: Interval) -> Bilingual {
        let (a, b) = amountEnds(range)
        return Bilingual("超前 \(a)～落后 \(b)", "ahead \(a)–behind \(b)")
    }
}

extension Catalogue {
    /// The towns view's city row where the city reported nothing for the period shown and its
    /// completed amount is the sum of its towns' (`Metrics.townsSum`, `≈`): not "reported" (wave
    /// 31's fresh user read `Jiaxing reported` beside `≈50.15`, while the changes view said `not
    /// reported`). "全市未报 ≈镇合计" / "Jiaxing ≈sum (not reported)".
    static func cityRowTownsSum(_ regionZH: String, _ regionEN: String) -> Bilingual {
        Bilingual("\(whole(regionZH))未报 ≈镇合计", "\(regionEN) ≈sum (not reported)")
    }
}

extension Catalogue {
    /// After a town's place on its page where a town placed above it rests on a plan first
    /// derivable from a later period (`AppState.laterPlanPlaceFloor`): its place counts that town,
    /// so it is `?` in the list as well.
    static let placeBelowLaterPlan = Bilingual(
        "；排在其前的小镇有的年计划据以后的期间推出：按所示期间及以前的报告不能定名次（列表标 ?）",
        "; a town placed above it rests on a plan from a later period: the reports up to the period shown do not"
            + " place it (? in the list)")
}
