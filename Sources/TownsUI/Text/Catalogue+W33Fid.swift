import Foundation
import TownsCore

/// Wave 33 (w33-fid): words of wave 31's and 32's fresh users' verdict fidelity findings.
extension Catalogue {
    /// The ends of a schedule variance's range (`ScheduleReadings.rateEitherWay`, percentage
    /// points, negative: behind) that holds both sides of 0, worded without a direction: how far
    /// behind it may be and how far ahead, each `≈` (worked out from the rate's rounding), rounded
    /// outward to 2 digits: (`"≈0.49"`, `"≈0.26"`) for [-0.487, 0.255].
    static func rateEnds(_ range: Interval) -> (behind: String, ahead: String) {
        ("≈" + outwardText(-range.lower), "≈" + outwardText(range.upper))
    }

    /// The page's rate reading inside `?` where the rate's rounding holds the share of the year
    /// elapsed (`ScheduleReadings.rateEitherWay`) and its point does not read 0: no direction, the
    /// range, as the amount's (`amountEitherWayReading`). "按完成率 介于落后 ≈0.49 与超前 ≈0.26
    /// 个百分点之间" / "by rate between behind by ≈0.49 and ahead by ≈0.26 points". `flag`: "!"
    /// when a check fails on the rate.
    static func rateEitherWayReading(_ range: Interval, flag: String) -> Bilingual {
        let (b, a) = rateEnds(range)
        return Bilingual("按完成率 介于落后 \(b) 与超前 \(a) 个百分点之间\(flag)",
                         "by rate between behind by \(b) and ahead by \(a) points\(flag)")
    }

    /// The overview's undecided row's rate where it may be on either side of the schedule (short,
    /// signed, the row's column being narrow and its reason said after it): "≈-0.49～+0.26" /
    /// "≈-0.49–+0.26" (behind by up to 0.49 points, ahead by up to 0.26).
    static func rateEitherWayShort(_ range: Interval) -> Bilingual {
        let (b, a) = rateEnds(range)
        return Bilingual("≈-\(b.dropFirst())～+\(a.dropFirst())", "≈-\(b.dropFirst())–+\(a.dropFirst())")
    }

    /// A positive `value` to 2 decimals, rounded away from 0 (an end of a range never narrowed by
    /// its printing).
    private static func outwardText(_ value: Decimal) -> String {
        var v = value, r = Decimal()
        NSDecimalRound(&r, &v, 2, value < 0 ? .down : .up)
        return DecimalMath.text(r, scale: 2)
    }
}

extension Catalogue {
    /// The city's totals page's title in a period shown where the city reported nothing and its
    /// figures are its towns' sum (`Metrics.cityIsTownsSum`): not "reported totals" (wave 31's
    /// fresh user), but which period is the towns' sum, `≈` as the towns view's city row says it
    /// (`cityRowTownsSum`). `periodZH`/`periodEN`: the period's label. "全市合计 嘉兴市（2015年1-10月
    /// 全市未报，≈镇合计）" / "Jiaxing: totals (2015 Jan-Oct not reported: ≈towns' sum)".
    static func cityTotalsTownsSum(_ regionZH: String, _ regionEN: String, periodZH: String,
                                   periodEN: String) -> Bilingual {
        Bilingual("\(whole(regionZH))合计 \(regionZH)（\(periodZH)\(whole(regionZH))未报，≈镇合计）",
                  "\(regionEN): totals (\(periodEN) not reported: ≈towns' sum)")
    }

    /// The city's totals page's breadcrumb in such a period (`cityTotalsTownsSum`): "全市合计 嘉兴市"
    /// (not 全市报告); in English "Jiaxing totals" says nothing of a report already.
    static func cityTotalsCrumbTownsSum(_ regionZH: String, _ regionEN: String) -> Bilingual {
        Bilingual("\(whole(regionZH))合计 \(regionZH)", "\(regionEN) totals")
    }
}
