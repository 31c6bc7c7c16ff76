import Foundation
import TownsCore

/// Wave 31 (w31-fid): words of a verdict the rate's rounding leaves undecided.
extension Catalogue {
    /// The page's line under a verdict left undecided by the completion rate's rounding
    /// (`ScheduleReadings.withinRounding`): what the rate can stand for (`possible`, %, its ends
    /// written outward to 2 decimals so that the share elapsed is seen inside them) and the share
    /// of the year elapsed after `through` months (%), which it holds: "完成率可能为 83.25%～83.35%（按其数字的
    /// 取整），含本期应完成的 83.33%：不能判定落后或超前".
    static func roundingVerdict(possible: Interval, through: Int) -> Bilingual {
        let (low, high) = (outward(possible.lower, .down), outward(possible.upper, .up))
        let e = DecimalMath.text(Decimal(through) / 12 * 100, scale: 2)
        return Bilingual(
            "完成率可能为 \(low)%～\(high)%（按其数字的取整），含本期应完成的 \(e)%：不能判定落后或超前",
            "the completion rate may be \(low)% to \(high)% (its figures' rounding), which holds the \(e)% "
                + "of the year elapsed: neither behind nor ahead can be said")
    }

    /// The overview's short reason after an undecided row's readings (`undecidedRow`): the rate's
    /// rounding holds the share elapsed.
    static let roundingReasonShort = Bilingual("，在完成率取整之内", ", within the rate's rounding")

    /// `value` to 2 decimals rounded `mode` (down for a lower end, up for an upper one).
    private static func outward(_ value: Decimal, _ mode: NSDecimalNumber.RoundingMode) -> String {
        var v = value, r = Decimal()
        NSDecimalRound(&r, &v, 2, mode)
        return DecimalMath.text(r, scale: 2)
    }
}
